package rtt

import "github.com/openelective/elective"

// Thresholds of rules.md 1.7: a patient may choose to wait longer, but a
// delay of more than six weeks needs a clinical review of its impact
// (1.7.2); thinking time of more than fourteen days without agreed next
// steps should prompt a discussion (1.7.12). Neither pauses the clock
// (1.8.1).
const (
	DelayReviewDays  = 42
	ThinkingTimeDays = 14
)

// delayRequested records a patient's request to wait: the clock runs on
// (1.7.1, 1.8.1); over six weeks a clinician must review (1.7.2).
func (e *engine) delayRequested() error {
	if e.current() == nil {
		return e.refuse("rules.md 1.7.1", "a delay can be requested only while a clock runs")
	}
	if e.ev.DelayUntil.IsZero() || !e.ev.DelayUntil.After(e.ev.Date) {
		return e.refuse("rules.md 1.7.2", "a delay request needs the date the patient is available from, after the request")
	}
	if e.ev.DelayUntil.DaysSince(e.ev.Date) > DelayReviewDays {
		e.askReview()
		e.delayReview = true
	}
	return nil
}

// treatmentOffered starts thinking time: the clock runs on; after fourteen
// days without agreed next steps a discussion is due (1.7.12).
func (e *engine) treatmentOffered() error {
	if e.current() == nil {
		return e.refuse("rules.md 1.7.12", "treatment can be offered only while a clock runs")
	}
	e.res.ThinkingSince = e.ev.Date
	return nil
}

// ThinkingTimeDue reports whether thinking time has run past fourteen days
// at census without a decision (rules.md 1.7.12), and from when.
func (r *Result) ThinkingTimeDue(census elective.Date) (bool, elective.Date) {
	if r.ThinkingSince.IsZero() || r.Current() == nil {
		return false, elective.Date{}
	}
	due := r.ThinkingSince.AddDays(ThinkingTimeDays + 1)
	return !due.After(census), due
}
