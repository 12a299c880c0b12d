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
