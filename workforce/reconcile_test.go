package workforce

import (
	"testing"
	"time"

	"github.com/openelective/elective"
)

// TestReconcile: Mr Bone's Monday clinic and Friday list over December
// 2026 (today the 16th): the plan promises 3 Mondays (the 28th is a bank
// holiday) and 3 Fridays (the 25th is one); the clinic of the 7th was
// never made.
func TestReconcile(t *testing.T) {
	clinic := pa(time.Monday, "09:00", 240, elective.PADirectClinicalCare)
	clinic.ClinicTemplateID = 1
	list := pa(time.Friday, "08:00", 240, elective.PADirectClinicalCare)
	list.TheatreTemplateID = 5
	ward := pa(time.Tuesday, "08:00", 240, elective.PADirectClinicalCare) // a ward round: no template
	spa := pa(time.Wednesday, "13:00", 240, elective.PASupporting)
	sessions := []SessionRecord{
		{ClinicTemplateID: 1, Date: day("2026-11-30")}, // before the period
		{ClinicTemplateID: 1, Date: day("2026-12-14"), Cancelled: true},
		{ClinicTemplateID: 1, Date: day("2026-12-21")},
		{ClinicTemplateID: 2, Date: day("2026-12-21")}, // another template
		{TheatreTemplateID: 5, Date: day("2026-12-04")},
		{TheatreTemplateID: 5, Date: day("2026-12-11")},
		{TheatreTemplateID: 5, Date: day("2026-12-18"), Cancelled: true},
	}
	rows, unlinked, totals := Reconcile([]*elective.ProgrammedActivity{clinic, ward, spa, list}, day("2026-12-01"),
		day("2026-12-31"), day("2026-12-16"), sessions, christmas2026)
	want := []elective.SessionTally{
		{Planned: 3, Made: 2, Ran: 0, Cancelled: 1, Upcoming: 1, NotMade: 1},
		{Planned: 3, Made: 3, Ran: 2, Cancelled: 1},
	}
	if len(rows) != 2 || unlinked != 1 {
		t.Fatalf("rows = %d, unlinked = %d", len(rows), unlinked)
	}
	for i, r := range rows {
		if r.Tally != want[i] {
			t.Errorf("row %d (%v) = %+v, want %+v", i, r.Activity.Weekday, r.Tally, want[i])
		}
	}
	if totals != (elective.SessionTally{Planned: 6, Made: 5, Ran: 2, Cancelled: 2, Upcoming: 1, NotMade: 1}) {
		t.Errorf("totals = %+v", totals)
	}
}
