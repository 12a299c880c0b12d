package workforce

import (
	"testing"

	"github.com/openelective/elective"
)

func TestLeaveYear(t *testing.T) {
	for in, want := range map[string][2]string{
		"2026-11-23": {"2026-04-01", "2027-03-31"},
		"2027-03-31": {"2026-04-01", "2027-03-31"},
		"2027-04-01": {"2027-04-01", "2028-03-31"},
	} {
		if s, e := LeaveYear(day(in)); s != day(want[0]) || e != day(want[1]) {
			t.Errorf("LeaveYear(%s) = %s, %s", in, s, e)
		}
	}
}

// TestDefaultEntitlement: rules.md 4.2's entitlements by group, grade and
// service at the start of the leave year, pro rata.
func TestDefaultEntitlement(t *testing.T) {
	year := day("2026-04-01")
	for _, c := range []struct {
		name          string
		group         elective.StaffGroup
		grade         string
		since         string
		fte           int
		annual, study float64
	}{
		{"a new consultant: 32 days, study 30 in 3 years", elective.StaffConsultant, "Consultant", "2024-09-01", 100, 32, 10},
		{"a consultant of 7 years: 34 days", elective.StaffConsultant, "Consultant", "2019-04-01", 100, 34, 10},
		{"6 years and 364 days is not yet 7", elective.StaffConsultant, "Consultant", "2019-04-02", 100, 32, 10},
		{"an SAS doctor in the first 2 years: 27", elective.StaffSAS, "Specialty doctor", "2025-01-01", 100, 27, 10},
		{"an SAS doctor after 2 years: 32", elective.StaffSAS, "Specialty doctor", "2024-04-01", 100, 32, 10},
		{"an FY1: 27 days, 15 of study", elective.StaffResident, "FY1", "2025-08-06", 100, 27, 15},
		{"an ST4 of 6 years: 32 days, 30 of study", elective.StaffResident, "ST4", "2020-02-01", 100, 32, 30},
		{"an ST3 at 80%: pro rata to the half day", elective.StaffResident, "ST3", "2023-08-01", 80, 21.5, 24},
		{"a nurse of 10 years (Agenda for Change)", elective.StaffNurse, "Band 6", "2016-01-04", 100, 33, 0},
		{"no service date: the starting entitlement", elective.StaffOther, "Band 3", "", 100, 27, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := &elective.StaffMember{ID: 7, Group: c.group, Grade: c.grade, FTEPercent: c.fte}
			if c.since != "" {
				m.ServiceStart = day(c.since)
			}
			e := DefaultEntitlement(m, year)
			if e.AnnualDays != c.annual || e.StudyDays != c.study || e.StaffID != 7 || e.YearStart != year {
				t.Errorf("entitlement = %+v, want %v annual and %v study", e, c.annual, c.study)
			}
		})
	}
}

func TestBalance(t *testing.T) {
	e := elective.LeaveEntitlement{StaffID: 1, YearStart: day("2026-04-01"), AnnualDays: 32, StudyDays: 10}
	req := func(typ elective.LeaveType, from, to string, st elective.LeaveStatus) *elective.LeaveRequest {
		r := leave(typ, from, to)
		r.Status = st
		return r
	}
	reqs := []*elective.LeaveRequest{
		req(elective.LeaveAnnual, "2026-08-03", "2026-08-14", elective.LeaveApproved),       // 10 days
		req(elective.LeaveAnnual, "2026-12-21", "2026-12-24", elective.LeaveRequested),      // 4 days
		req(elective.LeaveAnnual, "2026-05-04", "2026-05-08", elective.LeaveDeclined),       // nothing
		req(elective.LeaveStudy, "2026-10-05", "2026-10-06", elective.LeaveApproved),        // 2 days
		req(elective.LeaveProfessional, "2026-10-12", "2026-10-12", elective.LeaveApproved), // 1 day
		req(elective.LeaveSick, "2026-11-02", "2026-11-04", elective.LeaveApproved),         // 3 days
		req(elective.LeaveAnnual, "2026-03-30", "2026-04-03", elective.LeaveApproved),       // 3 days in this year
		req(elective.LeaveAnnual, "2027-04-05", "2027-04-09", elective.LeaveApproved),       // next year
	}
	b := Balance(e, reqs, christmas2026)
	if b.AnnualTaken != 13 || b.AnnualRequested != 4 || b.StudyTaken != 3 || b.SickDays != 3 || b.AnnualLeft() != 19 ||
		b.StudyLeft() != 7 || b.YearEnd != day("2027-03-31") {
		t.Errorf("balance = %+v", b)
	}
	if left, ok := After(b, reqs[1], christmas2026); !ok || left != 15 {
		t.Errorf("after Christmas = %v, %v; want 15", left, ok)
	}
	if left, ok := After(b, reqs[0], christmas2026); !ok || left != 19 {
		t.Errorf("after an approved request = %v, %v; want 19 (already counted)", left, ok)
	}
	if _, ok := After(b, reqs[5], nil); ok {
		t.Error("sickness draws on an entitlement")
	}
}
