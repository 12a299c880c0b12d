package access

import (
	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// TriageDue is the date a referral received on received must be triaged
// by, from the trust's days for its clinical priority.
func TriageDue(received elective.Date, p elective.Priority, pol rtt.Policy) elective.Date {
	switch p {
	case elective.PriorityTwoWeekWait:
		return received.AddDays(pol.TriageDaysTwoWeekWait)
	case elective.PriorityUrgent:
		return received.AddDays(pol.TriageDaysUrgent)
	}
	return received.AddDays(pol.TriageDaysRoutine)
}

// TriageOverdue reports whether triage due on due is overdue today.
func TriageOverdue(due, today elective.Date) bool { return today.After(due) }
