package forecast

import (
	"testing"

	"github.com/openelective/elective"
)

var today = elective.MustParseDate("2026-11-23") // a Monday

func day(s string) elective.Date { return elective.MustParseDate(s) }

// TestRun is the forecast's table: what is booked is judged by its date;
// the unbooked take free slots in booking order (priority, then longest
// wait, rules.md 3.8); no slot in the horizon is no capacity.
func TestRun(t *testing.T) {
	newOP := elective.ListOutpatientNew
	key := Key{1, elective.SlotNew}
	tests := []struct {
		name     string
		pathways []Pathway
		free     []int
		want     map[int64]elective.BreachOutlook
	}{
		{"already breached", []Pathway{{ID: 1, SpecialtyID: 1, ListType: newOP, PriorityRank: 2, ClockStart: today.AddDays(-127)}},
			[]int{5}, map[int64]elective.BreachOutlook{1: elective.OutlookBreached}},
		{"booked the day before the breach date is in time", []Pathway{{ID: 1, SpecialtyID: 1, ListType: newOP, PriorityRank: 2,
			ClockStart: today.AddDays(-100), NextActivity: today.AddDays(26)}},
			nil, map[int64]elective.BreachOutlook{1: elective.OutlookBookedInTime}},
		{"booked on the breach date is late", []Pathway{{ID: 1, SpecialtyID: 1, ListType: newOP, PriorityRank: 2,
			ClockStart: today.AddDays(-100), NextActivity: today.AddDays(27)}},
			nil, map[int64]elective.BreachOutlook{1: elective.OutlookBookedLate}},
		{"booking in the past with no outcome", []Pathway{{ID: 1, SpecialtyID: 1, ListType: newOP, PriorityRank: 2,
			ClockStart: today.AddDays(-30), NextActivity: today.AddDays(-2)}},
			nil, map[int64]elective.BreachOutlook{1: elective.OutlookOutcomeOverdue}},
		{"admitted list is not forecast yet", []Pathway{{ID: 1, SpecialtyID: 1, ListType: elective.ListAdmitted, PriorityRank: 2,
			ClockStart: today.AddDays(-30)}},
			nil, map[int64]elective.BreachOutlook{1: elective.OutlookNotForecast}},
		{"urgent first, then longest wait; one slot a week", []Pathway{
			{ID: 1, SpecialtyID: 1, ListType: newOP, PriorityRank: 2, ClockStart: today.AddDays(-110)}, // breaches in 17 days
			{ID: 2, SpecialtyID: 1, ListType: newOP, PriorityRank: 1, ClockStart: today.AddDays(-10)},  // urgent: first
			{ID: 3, SpecialtyID: 1, ListType: newOP, PriorityRank: 2, ClockStart: today.AddDays(-50)},
		}, []int{1, 1, 1, 0, 0},
			map[int64]elective.BreachOutlook{2: elective.OutlookExpectedInTime, 1: elective.OutlookExpectedInTime, 3: elective.OutlookExpectedInTime}},
		{"turn comes after the breach date", []Pathway{
			{ID: 2, SpecialtyID: 1, ListType: newOP, PriorityRank: 1, ClockStart: today.AddDays(-10)},
			{ID: 1, SpecialtyID: 1, ListType: newOP, PriorityRank: 2, ClockStart: today.AddDays(-120)}, // breaches in 7 days
		}, []int{1, 1},
			map[int64]elective.BreachOutlook{2: elective.OutlookExpectedInTime, 1: elective.OutlookExpectedLate}},
		{"no capacity within the horizon", []Pathway{
			{ID: 1, SpecialtyID: 1, ListType: newOP, PriorityRank: 2, ClockStart: today.AddDays(-20)},
			{ID: 2, SpecialtyID: 1, ListType: newOP, PriorityRank: 2, ClockStart: today.AddDays(-10)},
		}, []int{0, 1},
			map[int64]elective.BreachOutlook{1: elective.OutlookExpectedInTime, 2: elective.OutlookNoCapacity}},
	}
	for _, tt := range tests {
		got := Run(tt.pathways, Capacity{key: tt.free}, today, 4)
		for id, want := range tt.want {
			if got[id].Outlook != want {
				t.Errorf("%s: pathway %d = %s (%+v), want %s", tt.name, id, got[id].Outlook, got[id], want)
			}
		}
	}
}

// TestQueueOrder checks the queue position and expected weeks.
func TestQueueOrder(t *testing.T) {
	ps := []Pathway{
		{ID: 3, SpecialtyID: 1, ListType: elective.ListOutpatientNew, PriorityRank: 2, ClockStart: day("2026-10-01")},
		{ID: 1, SpecialtyID: 1, ListType: elective.ListOutpatientNew, PriorityRank: 0, ClockStart: day("2026-11-20")},
		{ID: 2, SpecialtyID: 1, ListType: elective.ListOutpatientNew, PriorityRank: 2, ClockStart: day("2026-09-01")},
	}
	got := Run(ps, Capacity{{1, elective.SlotNew}: {1, 0, 2}}, today, 8)
	if got[1].QueueAhead != 0 || got[2].QueueAhead != 1 || got[3].QueueAhead != 2 {
		t.Fatalf("queue positions %+v", got)
	}
	if got[1].Expected != day("2026-11-27") || got[2].Expected != day("2026-12-11") || got[3].Expected != day("2026-12-11") {
		t.Fatalf("expected dates %+v", got)
	}
	if WeekOf(today, day("2026-11-29")) != 0 || WeekOf(today, day("2026-11-30")) != 1 || MondayOf(day("2026-11-29")) != today {
		t.Fatal("weeks are counted from Monday")
	}
}
