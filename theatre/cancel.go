package theatre

import (
	"fmt"
	"time"

	"github.com/openelective/elective"
)

// DefaultRebookWithinDays is cancelledOps.rebookWithinDays: the 28 days of
// the pledge (rules.md 2.1.1).
const DefaultRebookWithinDays = 28

// ClassifyCancellation applies the 28-day rule (rules.md 2.1) to a
// cancelled operation planned on plannedOn. It is a last-minute
// cancellation when it happened on the day the patient was due to come in,
// after they arrived, or on the day of the operation (onTheDay, 2.1.2;
// TS-112: two days before is not). The 28-day guarantee applies only to a
// last-minute cancellation for a non-clinical reason (2.1.1, 2.1.4; TS-113)
// that the patient did not ask for; the binding new date is then due by
// rebookBy, counted from the planned operation date as day 0 and inclusive
// (2.1.6, TS-110: 3 Mar 2025 gives 31 Mar 2025). rebookWithinDays of 0 or
// less takes the default 28. rebookBy is zero when there is no guarantee.
// Outpatient procedures are out of scope (TS-114): the caller classifies
// only admitted cases.
func ClassifyCancellation(plannedOn elective.Date, reason elective.OperationCancelReason, onTheDay bool,
	rebookWithinDays int) (lastMinute, guaranteed bool, rebookBy elective.Date) {
	lastMinute = onTheDay
	guaranteed = lastMinute && !reason.Clinical() && !reason.ByPatient()
	if guaranteed && !plannedOn.IsZero() {
		if rebookWithinDays <= 0 {
			rebookWithinDays = DefaultRebookWithinDays
		}
		rebookBy = plannedOn.AddDays(rebookWithinDays)
	}
	return lastMinute, guaranteed, rebookBy
}

// IsPostponement reports whether an operation moved from original to
// rebooked is a postponement rather than a cancellation: rescheduled to
// within hours of the original time, either side (cancelledOps.
// postponementHours, 24; rules.md 2.1.5, TS-111). hours of 0 or less, or an
// unknown time, is never a postponement.
func IsPostponement(original, rebooked time.Time, hours int) bool {
	if hours <= 0 || original.IsZero() || rebooked.IsZero() {
		return false
	}
	gap := rebooked.Sub(original)
	if gap < 0 {
		gap = -gap
	}
	return gap <= time.Duration(hours)*time.Hour
}

// RebookState is where a cancelled operation stands against the 28-day
// rule.
type RebookState string

// Rebook states.
const (
	RebookNotApplicable RebookState = "not-applicable" // no guarantee: not last minute, clinical, the patient's choice, or postponed
	RebookOpen          RebookState = "open"           // no new date yet, days left
	RebookMet           RebookState = "met"            // rebooked within the 28 days
	RebookLate          RebookState = "late"           // rebooked after the limit: a breach
	RebookBreached      RebookState = "breached"       // the limit has passed with no new date
)

// RebookStatus is a cancelled operation's 28-day standing for staff.
type RebookStatus struct {
	State    RebookState
	RebookBy elective.Date
	DaysLeft int  // days from today to RebookBy while open (0 on the last day)
	Breach   bool // a breach has happened: 28 days passed untreated (2.1.6)
	Text     string
}

// TwentyEightDayStatus says where a cancelled operation stands on today
// under the 28-day rule (rules.md 2.1.1, 2.1.6). A breach is counted once
// RebookBy has passed with the patient untreated: with no new date, or
// with a new date after RebookBy. A new date after the limit that has not
// yet passed is late (State RebookLate) but not yet a breach: an earlier
// date can still be found. Whether a patient's own choice of a later date
// counts as a breach is unconfirmed (2.1.7): it is counted as late.
func TwentyEightDayStatus(op *elective.CancelledOperation, today elective.Date) RebookStatus {
	if op == nil || !op.Guaranteed || op.Postponed {
		return RebookStatus{State: RebookNotApplicable, Text: "Outside the 28-day rule"}
	}
	by := op.RebookBy
	if by.IsZero() {
		by = op.PlannedOn.AddDays(DefaultRebookWithinDays)
	}
	st := RebookStatus{RebookBy: by}
	switch {
	case !op.NewDate.IsZero() && !op.NewDate.After(by):
		st.State = RebookMet
		st.Text = "Rebooked for " + staffDate(op.NewDate) + ", within the 28 days"
	case !op.NewDate.IsZero():
		st.State, st.Breach = RebookLate, today.After(by)
		st.Text = "Rebooked for " + staffDate(op.NewDate) + ", after the limit of " + staffDate(by)
		if !st.Breach {
			st.Text += ": find a date by then"
		}
	case today.After(by):
		st.State, st.Breach = RebookBreached, true
		st.Text = "Not rebooked by " + staffDate(by) + ": a 28-day breach"
	default:
		st.State, st.DaysLeft = RebookOpen, by.DaysSince(today)
		st.Text = fmt.Sprintf("Rebook by %s (%s left)", staffDate(by), plural(st.DaysLeft, "day"))
	}
	return st
}

// plural is "1 day" or "3 days".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
