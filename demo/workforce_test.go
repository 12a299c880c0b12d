package demo

import (
	"testing"
	"time"

	"github.com/openelective/elective"
)

// The demo's consultants get job plans of ten PAs without overlaps, each
// clinic template staffed once, and leave that is past when approved.
func TestWorkforce(t *testing.T) {
	today := elective.MustParseDate("2026-11-23")
	slots := []elective.TemplateSlot{{Minutes: 60}, {Minutes: 60}, {Minutes: 60}, {Minutes: 30}}
	var clinicians []*elective.Clinician
	var templates []*elective.ClinicTemplate
	for i := range 12 {
		clinicians = append(clinicians, &elective.Clinician{ID: int64(i + 1), Title: "Ms", GivenName: "A", FamilyName: "Consultant", SpecialtyID: 1})
		templates = append(templates, &elective.ClinicTemplate{ID: int64(2*i + 1), ClinicianID: int64(i + 1), Weekday: time.Monday, StartMinute: 540, Slots: slots},
			&elective.ClinicTemplate{ID: int64(2*i + 2), ClinicianID: int64(i + 1), Weekday: time.Thursday, StartMinute: 810, Slots: slots})
	}
	d := Workforce(today, clinicians, templates, []*elective.Specialty{{ID: 1, Name: "Urology"}})
	if len(d.Staff) != 12 || d.Staff[0].Team != "Urology consultants" || d.Staff[0].ClinicianID != 1 {
		t.Fatalf("staff = %d, first %+v", len(d.Staff), d.Staff[0])
	}
	perStaff := map[int64][]*elective.ProgrammedActivity{}
	linked := map[int64]int{}
	for _, a := range d.Activities {
		if err := a.Validate(); err != nil {
			t.Fatalf("activity %+v: %v", a, err)
		}
		if clashes(perStaff[a.StaffID], a) {
			t.Errorf("staff %d: %v %d overlaps", a.StaffID, a.Weekday, a.StartMinute)
		}
		perStaff[a.StaffID] = append(perStaff[a.StaffID], a)
		linked[a.ClinicTemplateID]++
	}
	for id, acts := range perStaff {
		spa := 0
		for _, a := range acts {
			if a.Category == elective.PASupporting {
				spa++
			}
		}
		if len(acts) != 10 || spa != 2 {
			t.Errorf("staff %d: %d PAs, %d SPA", id, len(acts), spa)
		}
	}
	for _, tpl := range templates {
		if linked[tpl.ID] != 1 {
			t.Errorf("template %d staffed %d times", tpl.ID, linked[tpl.ID])
		}
	}
	requested := 0
	for _, r := range d.Leave {
		if err := r.Validate(); err != nil {
			t.Errorf("leave %+v: %v", r, err)
		}
		if r.Status == elective.LeaveApproved && !r.To.Before(today) {
			t.Errorf("approved leave not yet taken: %+v", r)
		}
		if r.Status == elective.LeaveRequested {
			requested++
		}
	}
	if requested != 4 {
		t.Errorf("requested = %d, want 4", requested)
	}
}
