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

// ERSBookingWindowEnd is the last date an e-RS referral of priority p
// converted on day may be booked into: beyond it there is no slot to offer,
// and the UBRN is deferred to the provider's appointment slot issue (ASI)
// worklist, where the clock starts on the day it appears (rules.md 1.2.4).
func ERSBookingWindowEnd(day elective.Date, p elective.Priority, pol rtt.Policy) elective.Date {
	switch p {
	case elective.PriorityTwoWeekWait:
		return day.AddDays(pol.ERSWindowDaysTwoWeekWait)
	case elective.PriorityUrgent:
		return day.AddDays(pol.ERSWindowDaysUrgent)
	}
	return day.AddDays(pol.ERSWindowDaysRoutine)
}
