package access

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

func entry(id int64, prio elective.Priority, start string) *elective.PTLEntry {
	return &elective.PTLEntry{PathwayID: id, Priority: prio, ClockStart: d(start), ReferralDate: d(start),
		ListType: elective.ListOutpatientNew}
}

// TestRankForSlot: clinical priority first, then longest wait (rules.md
// 3.8), with the reason any higher-ranked patient was passed over.
func TestRankForSlot(t *testing.T) {
	slot := slotAt("2025-04-07", 9) // Monday
	today := d("2025-03-10")        // 28 days ahead
	booked := entry(1, elective.PriorityUrgent, "2024-12-01")
	booked.NextActivity = d("2025-03-20")
	review := entry(2, elective.PriorityUrgent, "2024-12-02")
	review.ReviewNeeded = true
	follow := entry(3, elective.PriorityUrgent, "2024-11-01")
	follow.ListType = elective.ListOutpatientFollowUp
	cands := []Candidate{
		{Entry: entry(10, elective.PriorityRoutine, "2024-06-01")}, // longest routine wait
		{Entry: entry(11, elective.PriorityRoutine, "2024-09-01")},
		{Entry: booked}, {Entry: review}, {Entry: follow},
		{Entry: entry(4, elective.PriorityUrgent, "2025-01-05"), Unavailable: []*elective.Unavailability{{From: d("2025-04-09"), To: d("2025-04-11")}}},
		{Entry: entry(5, elective.PriorityUrgent, "2025-01-06"), AvailableFrom: d("2025-05-01")},
		{Entry: entry(6, elective.PriorityUrgent, "2025-02-01")}, // the right next patient
		{Entry: entry(7, elective.PriorityTwoWeekWait, "2025-03-01"), Unavailable: []*elective.Unavailability{{From: d("2025-04-07"), To: d("2025-04-07")}}},
	}
	got := RankForSlot(slot, cands, today, london, rtt.DefaultPolicy())
	want := []struct {
		id   int64
		skip string
	}{
		{7, "Unavailable"}, {3, "follow-up slot"}, {1, "Already booked"}, {2, "clinician's decision"},
		{4, "Unavailable"}, {5, "Asked to wait"}, {6, ""}, {10, ""}, {11, ""},
	}
	for i, w := range want {
		g := got[i]
		if g.Entry.PathwayID != w.id || (w.skip == "") != (g.Skip == "") || !strings.Contains(g.Skip, w.skip) {
			t.Errorf("rank %d: pathway %d skip %q, want %d %q", i+1, g.Entry.PathwayID, g.Skip, w.id, w.skip)
		}
		if g.ShortNotice {
			t.Errorf("rank %d: 28 days ahead is not short notice", i+1)
		}
	}
	// A slot held for urgent referrals passes the routine patients over
	// until it is released.
	held := slotAt("2025-04-07", 9)
	held.Reserved = elective.PriorityUrgent
	routine := []Candidate{{Entry: entry(10, elective.PriorityRoutine, "2024-06-01")}}
	if got := RankForSlot(held, routine, today, london, rtt.DefaultPolicy()); !strings.Contains(got[0].Skip, "Held for urgent and two-week-wait referrals until 4 Apr 2025") {
		t.Errorf("routine patient for a held slot: skip %q", got[0].Skip)
	}
	if got := RankForSlot(held, routine, d("2025-04-04"), london, rtt.DefaultPolicy()); got[0].Skip != "" {
		t.Errorf("after release: skip %q", got[0].Skip)
	}
	// Inside the reasonable notice the patient must agree (rules.md 3.1).
	if got := RankForSlot(slot, cands[:1], d("2025-03-20"), london, rtt.DefaultPolicy()); !got[0].ShortNotice {
		t.Error("18 days ahead should need the patient's agreement")
	}
}
