package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// StaffForm is a member of staff as typed.
type StaffForm struct {
	Title, GivenName, FamilyName string
	Group, Grade, Team           string
	SpecialtyID, ClinicianID     int64
	Mobile, Bleep, Email, Skills string
	FTE, MaxShiftHours           string
	ServiceStart                 string
	Active                       bool
}

// newStaffForm is the form for a new member: full time, a 13-hour
// longest shift (rules.md 4.3), active.
func newStaffForm() StaffForm {
	return StaffForm{Group: string(elective.StaffResident), FTE: "100", MaxShiftHours: "13", Active: true}
}

// staffFormOf fills the form from a member, for editing.
func staffFormOf(m *elective.StaffMember) StaffForm {
	f := StaffForm{Title: m.Title, GivenName: m.GivenName, FamilyName: m.FamilyName, Group: string(m.Group), Grade: m.Grade,
		Team: m.Team, SpecialtyID: m.SpecialtyID, ClinicianID: m.ClinicianID, Mobile: m.Mobile, Bleep: m.Bleep, Email: m.Email,
		Skills: strings.Join(m.Skills, ", "), FTE: strconv.Itoa(m.FTEPercent),
		MaxShiftHours: strconv.FormatFloat(float64(m.ContractMaxShiftMinutes)/60, 'f', -1, 64), Active: m.Active}
	if !m.ServiceStart.IsZero() {
		f.ServiceStart = m.ServiceStart.String()
	}
	return f
}

func readStaffForm(r *http.Request) StaffForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return StaffForm{Title: v("title"), GivenName: v("given_name"), FamilyName: v("family_name"), Group: v("group"),
		Grade: v("grade"), Team: v("team"), SpecialtyID: formInt64(v("specialty_id")), ClinicianID: formInt64(v("clinician_id")),
		Mobile: v("mobile"), Bleep: v("bleep"), Email: v("email"), Skills: v("skills"), FTE: v("fte"),
		MaxShiftHours: v("max_shift"), ServiceStart: v("service_start"), Active: v("active") == "yes"}
}

// member reads the form into a member, naming the first field that does
// not parse; the service checks the rest.
func (f StaffForm) member() (*elective.StaffMember, error) {
	m := &elective.StaffMember{Title: f.Title, GivenName: f.GivenName, FamilyName: f.FamilyName,
		Group: elective.StaffGroup(f.Group), Grade: f.Grade, Team: f.Team, SpecialtyID: f.SpecialtyID, ClinicianID: f.ClinicianID,
		Mobile: f.Mobile, Bleep: f.Bleep, Email: f.Email, Skills: splitList(f.Skills), Active: f.Active}
	var err error
	if m.FTEPercent, err = strconv.Atoi(strings.TrimSuffix(f.FTE, "%")); err != nil {
		return nil, fieldErr("fte", "Enter the share of full time as a whole percentage, for example 80")
	}
	hours, err := strconv.ParseFloat(f.MaxShiftHours, 64)
	if err != nil {
		return nil, fieldErr("max_shift", "Enter the longest shift in hours, for example 13")
	}
	m.ContractMaxShiftMinutes = int(hours * 60)
	if m.ServiceStart, err = parseOptionalDate(f.ServiceStart, "service_start", "Enter the start of service as a date, or leave it empty"); err != nil {
		return nil, err
	}
	return m, nil
}
