package access

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

var london, _ = time.LoadLocation("Europe/London")

func slotAt(day string, hour int) *elective.Slot {
	return &elective.Slot{Start: d(day).At(hour, 0, london), Type: elective.SlotNew}
}

func days(slots []*elective.Slot) []string {
	var out []string
	for _, s := range slots {
		out = append(out, elective.DateOf(s.Start, london).String())
	}
	return out
}

// TestPick: the earliest reasonable offers are on different dates, at
// least the reasonable notice ahead unless the patient agrees to short
// notice, after any delay the patient asked for, and outside the weeks of
// their unavailability (rules.md 3.1, 1.7.2, TS-63, TS-67).
func TestPick(t *testing.T) {
	free := []*elective.Slot{
		slotAt("2025-03-03", 9), slotAt("2025-03-03", 10), // tomorrow
		slotAt("2025-03-21", 9),                           // 19 days
		slotAt("2025-03-23", 9), slotAt("2025-03-23", 11), // 21 days
		slotAt("2025-03-25", 9), // week of the holiday (Mon 24 to Sun 30)
		slotAt("2025-04-01", 9),
		slotAt("2025-04-08", 9),
	}
	holiday := []*elective.Unavailability{{From: d("2025-03-28"), To: d("2025-03-28")}}
	base := Search{Today: d("2025-03-02"), Location: london, Dates: 2, Policy: rtt.DefaultPolicy()}
	tests := []struct {
		name   string
		change func(*Search)
		want   []string
	}{
		{"TS-63 21 days' notice, two dates", func(*Search) {}, []string{"2025-03-23", "2025-03-25"}},
		{"3.1 short notice agreed", func(s *Search) { s.ShortNoticeAgreed = true }, []string{"2025-03-03", "2025-03-21"}},
		{"TS-67 not in the week of a holiday", func(s *Search) { s.Unavailable = holiday }, []string{"2025-03-23", "2025-04-01"}},
		{"1.7.2 not before the patient is available", func(s *Search) { s.AvailableFrom = d("2025-04-02") }, []string{"2025-04-08"}},
		{"three dates", func(s *Search) { s.Dates = 3 }, []string{"2025-03-23", "2025-03-25", "2025-04-01"}},
	}
	for _, tt := range tests {
		s := base
		tt.change(&s)
		got, done := s.Pick(nil, free)
		if g := days(got); len(g) != len(tt.want) || done != (len(tt.want) == s.Dates) || !equal(g, tt.want) {
			t.Errorf("%s: picked %v (done %v), want %v", tt.name, g, done, tt.want)
		}
	}
}

// TestPickBatches: feeding slots in batches gives the same dates as one
// pass, and a date already chosen is not chosen again.
func TestPickBatches(t *testing.T) {
	s := Search{Today: d("2025-03-02"), Location: london, Dates: 2, Policy: rtt.DefaultPolicy()}
	chosen, done := s.Pick(nil, []*elective.Slot{slotAt("2025-03-24", 9)})
	if done {
		t.Fatal("done after one date")
	}
	chosen, done = s.Pick(chosen, []*elective.Slot{slotAt("2025-03-24", 11), slotAt("2025-03-26", 9)})
	if !done || !equal(days(chosen), []string{"2025-03-24", "2025-03-26"}) {
		t.Fatalf("batches: %v %v", days(chosen), done)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestPickRingFenced: a slot held for urgent referrals is not offered to a
// routine patient before its release, but is to an urgent one.
func TestPickRingFenced(t *testing.T) {
	held := slotAt("2025-03-23", 9)
	held.Reserved = elective.PriorityUrgent
	free := []*elective.Slot{held, slotAt("2025-03-25", 9), slotAt("2025-04-01", 9)}
	s := Search{Today: d("2025-03-02"), Location: london, Dates: 2, Policy: rtt.DefaultPolicy(), Priority: elective.PriorityRoutine}
	if got, _ := s.Pick(nil, free); !equal(days(got), []string{"2025-03-25", "2025-04-01"}) {
		t.Errorf("routine picked %v", days(got))
	}
	s.Priority = elective.PriorityUrgent
	if got, _ := s.Pick(nil, free); !equal(days(got), []string{"2025-03-23", "2025-03-25"}) {
		t.Errorf("urgent picked %v", days(got))
	}
	s.Priority, s.Today, s.ShortNoticeAgreed = elective.PriorityRoutine, d("2025-03-20"), true // released 3 days before
	if got, _ := s.Pick(nil, free); !equal(days(got), []string{"2025-03-23", "2025-03-25"}) {
		t.Errorf("routine after release picked %v", days(got))
	}
}
