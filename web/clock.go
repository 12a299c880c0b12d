package web

import (
	"fmt"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// atRiskDays is how close to its breach date a clock is flagged amber.
const atRiskDays = 28

// BreachRisk says how close a running clock is to breaching 18 weeks, in
// words as well as colour.
type BreachRisk struct {
	Level string // "breached", "at-risk" or "" (not yet close)
	Text  string // "Breached", "Breaches in 12 days" …
}

// breachRisk measures a breach date against today.
func breachRisk(breach, today elective.Date) BreachRisk {
	if breach.IsZero() {
		return BreachRisk{}
	}
	switch left := breach.DaysSince(today); {
	case left <= 0:
		return BreachRisk{Level: "breached", Text: "Breached"}
	case left == 1:
		return BreachRisk{Level: "at-risk", Text: "Breaches tomorrow"}
	case left <= atRiskDays:
		return BreachRisk{Level: "at-risk", Text: fmt.Sprintf("Breaches in %d days", left)}
	default:
		return BreachRisk{Text: fmt.Sprintf("Breaches in %d days", left)}
	}
}

// RowClass is the table-row class that colours a PTL row's edge.
func (b BreachRisk) RowClass() string {
	switch b.Level {
	case "breached":
		return "app-row--breached"
	case "at-risk":
		return "app-row--at-risk"
	}
	return ""
}

// TagClass is the tag colour for the risk.
func (b BreachRisk) TagClass() string {
	switch b.Level {
	case "breached":
		return "nhsuk-tag--red"
	case "at-risk":
		return "nhsuk-tag--yellow"
	}
	return "nhsuk-tag--grey"
}

// ClockView is a pathway's RTT clock as the patient record shows it,
// derived from the events by rtt.Derive.
type ClockView struct {
	// Error is the rules' refusal of the event log, if any; nothing else
	// is derived then.
	Error        string
	Running      bool
	Transferred  bool
	Start        elective.Date // the current (or last) period's start
	Days         int
	Weeks        int
	Band         string
	BreachDate   elective.Date
	Risk         BreachRisk
	LongWait     int // 52, 65, 78 or 104 when passed
	Status       elective.RTTStatus
	ListType     elective.ListType
	ReviewNeeded bool
	ReviewReason string
	Stopped      elective.Date // when no clock runs: the last period's stop
	Nullified    bool
}

// deriveClock derives a pathway's clock on today.
func deriveClock(pw *elective.Pathway, vulnerable bool, today elective.Date, pol rtt.Policy) ClockView {
	res, err := rtt.Derive(rtt.Pathway{Priority: pw.Priority, Vulnerable: vulnerable, Events: pw.Events}, pol)
	if err != nil {
		return ClockView{Error: err.Error()}
	}
	v := ClockView{
		Transferred: res.Transferred, ListType: res.ListType,
		ReviewNeeded: res.ReviewNeeded, ReviewReason: res.ReviewReason,
	}
	if cur := res.Current(); cur != nil {
		v.Running, v.Start, v.Status = true, cur.Start, cur.Status
		v.Days = rtt.DaysWaited(cur.Start, today)
		v.Weeks, v.Band = rtt.WeeksWaited(v.Days), rtt.BandLabel(v.Days)
		v.BreachDate = rtt.BreachDate(cur.Start)
		v.Risk, v.LongWait = breachRisk(v.BreachDate, today), rtt.LongWaitWeeks(v.Days)
	} else if n := len(res.Periods); n > 0 {
		last := res.Periods[n-1]
		v.Start, v.Stopped, v.Status, v.Nullified = last.Start, last.Stop, last.Status, last.Nullified
	}
	return v
}

// Bookable reports whether the pathway waits for an outpatient appointment
// on this trust's list.
func (v ClockView) Bookable() bool {
	return v.Running && !v.Transferred &&
		(v.ListType == elective.ListOutpatientNew || v.ListType == elective.ListOutpatientFollowUp)
}
