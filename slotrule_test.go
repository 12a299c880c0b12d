package elective

import (
	"testing"
	"time"
)

// TestSlotOpenTo: ring-fenced slots take their priority and more urgent
// ones, and are released to everyone releaseDays before the session.
func TestSlotOpenTo(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	start := time.Date(2026, 12, 10, 9, 0, 0, 0, loc) // a Thursday clinic
	today := func(s string) Date { return MustParseDate(s) }
	tests := []struct {
		name     string
		reserved Priority
		p        Priority
		today    string
		open     bool
	}{
		{"an open slot takes anyone", "", PriorityRoutine, "2026-11-23", true},
		{"an urgent slot takes urgent", PriorityUrgent, PriorityUrgent, "2026-11-23", true},
		{"an urgent slot takes a two-week wait", PriorityUrgent, PriorityTwoWeekWait, "2026-11-23", true},
		{"an urgent slot refuses routine before release", PriorityUrgent, PriorityRoutine, "2026-12-06", false},
		{"released 3 days before: routine may book", PriorityUrgent, PriorityRoutine, "2026-12-07", true},
		{"a two-week-wait slot refuses urgent before release", PriorityTwoWeekWait, PriorityUrgent, "2026-11-23", false},
		{"a two-week-wait slot takes a two-week wait", PriorityTwoWeekWait, PriorityTwoWeekWait, "2026-11-23", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Slot{Start: start, Reserved: tt.reserved}
			err := s.OpenTo(tt.p, today(tt.today), loc, 3)
			if (err == nil) != tt.open {
				t.Fatalf("OpenTo = %v, want open %v", err, tt.open)
			}
		})
	}
	s := &Slot{Start: start, Reserved: PriorityUrgent}
	if err := s.OpenTo(PriorityRoutine, today("2026-11-23"), loc, 3); ErrorMessage(err) != "That slot is held for urgent and two-week-wait referrals until 7 Dec 2026" {
		t.Errorf("message = %q", ErrorMessage(err))
	}
}
