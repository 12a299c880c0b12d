package access

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// TestChangeNeedsApproval: removing capacity inside 6 weeks needs a
// booking manager (rules.md 3.5, clinic.changeNoticeDays = 42).
func TestChangeNeedsApproval(t *testing.T) {
	today := d("2026-11-23")
	for _, tt := range []struct {
		session string
		want    bool
	}{
		{"2026-11-24", true}, {"2027-01-03", true}, {"2027-01-04", false}, {"2027-03-01", false},
	} {
		if got := ChangeNeedsApproval(d(tt.session), today, rtt.DefaultPolicy()); got != tt.want {
			t.Errorf("session %s: needs approval %v, want %v", tt.session, got, tt.want)
		}
	}
}

func clinicSlot(id int64, day string, hour int, clinician int64, typ elective.SlotType) *elective.Slot {
	return &elective.Slot{ID: id, Start: d(day).At(hour, 0, london), Type: typ,
		Session: &elective.ClinicSession{ClinicianID: clinician, Status: elective.SessionOpen}}
}

// TestProposeRebookings: displaced patients are rebooked in priority then
// waiting order, each into a different slot with reasonable notice (TS-61),
// with the same clinician when that costs at most two weeks.
func TestProposeRebookings(t *testing.T) {
	today := d("2026-11-23")
	free := []*elective.Slot{
		clinicSlot(1, "2026-12-01", 9, 20, elective.SlotNew),       // too soon: 8 days
		clinicSlot(2, "2026-12-14", 9, 20, elective.SlotNew),       // 21 days, clinician 20
		clinicSlot(3, "2026-12-14", 10, 20, elective.SlotFollowUp), // follow-up
		clinicSlot(4, "2026-12-21", 9, 10, elective.SlotNew),       // clinician 10, 7 days later
		clinicSlot(5, "2027-02-01", 9, 30, elective.SlotNew),       // clinician 30, much later
	}
	urgent := entry(1, elective.PriorityUrgent, "2026-10-01")
	routineLong := entry(2, elective.PriorityRoutine, "2026-06-01")
	routineShort := entry(3, elective.PriorityRoutine, "2026-09-01")
	follow := entry(4, elective.PriorityRoutine, "2026-05-01")
	follow.ListType = elective.ListOutpatientFollowUp
	review := entry(5, elective.PriorityUrgent, "2026-01-01")
	review.ReviewNeeded = true
	late := entry(6, elective.PriorityRoutine, "2026-10-01")
	displaced := []Rebook{
		{Candidate{Entry: routineShort}, 30},
		{Candidate{Entry: routineLong}, 20},
		{Candidate{Entry: urgent}, 10},
		{Candidate{Entry: follow}, 99},
		{Candidate{Entry: review}, 10},
		{Candidate{Entry: late}, 10},
	}
	got := ProposeRebookings(displaced, free, today, london, rtt.DefaultPolicy())
	want := []struct {
		pathway, slot int64
		why           string
	}{
		{5, 0, "clinician's decision"}, // urgent, longest wait, but a review is outstanding
		{1, 4, "same clinician"},       // urgent: clinician 10's slot is 7 days after the earliest
		{4, 3, "Earliest"},             // follow-up slot; clinician 99 has none
		{2, 2, "same clinician"},       // routine, longest wait
		{3, 5, "same clinician"},       // only slot left is clinician 30's
		{6, 0, "No free New slot"},     // nothing left
	}
	for i, w := range want {
		g := got[i]
		var slot int64
		if g.Slot != nil {
			slot = g.Slot.ID
		}
		if g.Rebook.Entry.PathwayID != w.pathway || slot != w.slot || !strings.Contains(g.Why, w.why) {
			t.Errorf("%d: pathway %d slot %d %q, want %d %d %q", i, g.Rebook.Entry.PathwayID, slot, g.Why, w.pathway, w.slot, w.why)
		}
	}
}
