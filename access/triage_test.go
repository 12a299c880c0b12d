package access

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// TestTriageDue: two-week-wait referrals are triaged the next day, urgent
// within 3 days, routine within 7 (local defaults, settings).
func TestTriageDue(t *testing.T) {
	received := d("2026-11-23")
	for _, tt := range []struct {
		p    elective.Priority
		want string
	}{{elective.PriorityTwoWeekWait, "2026-11-24"}, {elective.PriorityUrgent, "2026-11-26"}, {elective.PriorityRoutine, "2026-11-30"}} {
		due := TriageDue(received, tt.p, rtt.DefaultPolicy())
		if due != d(tt.want) {
			t.Errorf("%s: due %s, want %s", tt.p, due, tt.want)
		}
		if TriageOverdue(due, due) || !TriageOverdue(due, due.AddDays(1)) {
			t.Errorf("%s: overdue on the wrong day", tt.p)
		}
	}
}

// TestERSBookingWindowEnd: the per-priority e-RS booking windows beyond
// which a UBRN goes to the ASI worklist (rules.md 1.2.4; local defaults of
// 14, 28 and 126 days).
func TestERSBookingWindowEnd(t *testing.T) {
	day := d("2026-11-23")
	pol := rtt.DefaultPolicy()
	for _, tt := range []struct {
		p    elective.Priority
		want string
	}{{elective.PriorityTwoWeekWait, "2026-12-07"}, {elective.PriorityUrgent, "2026-12-21"}, {elective.PriorityRoutine, "2027-03-29"}} {
		if got := ERSBookingWindowEnd(day, tt.p, pol); got.String() != tt.want {
			t.Errorf("%s: window ends %s, want %s", tt.p, got, tt.want)
		}
	}
	pol.ERSWindowDaysRoutine = 42
	if got := ERSBookingWindowEnd(day, elective.PriorityRoutine, pol); got != day.AddDays(42) {
		t.Errorf("the setting is not used: %s", got)
	}
}
