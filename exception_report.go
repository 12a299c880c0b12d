package elective

import (
	"context"
	"strings"
	"time"
)

// ExceptionKind is what a resident doctor reports about a duty that
// differed from their rota (rules.md 4.3, Oversight: the Guardian of Safe
// Working Hours; exception reporting under the 2016 contract).
type ExceptionKind string

// Exception kinds.
const (
	ExceptionHours     ExceptionKind = "hours"     // started earlier or finished later than rostered
	ExceptionBreaks    ExceptionKind = "breaks"    // missed breaks
	ExceptionRest      ExceptionKind = "rest"      // missed rest (between shifts or on call)
	ExceptionEducation ExceptionKind = "education" // missed teaching or training
)

// ExceptionKinds lists the kinds in the order forms offer them.
var ExceptionKinds = []ExceptionKind{ExceptionHours, ExceptionBreaks, ExceptionRest, ExceptionEducation}

// Label names the kind for staff.
func (k ExceptionKind) Label() string {
	switch k {
	case ExceptionHours:
		return "Worked later or started earlier"
	case ExceptionBreaks:
		return "Missed breaks"
	case ExceptionRest:
		return "Missed rest"
	case ExceptionEducation:
		return "Missed education or training"
	}
	return string(k)
}

// ExceptionStatus is where a report stands: open until the manager
// agrees an outcome, then closed.
type ExceptionStatus string

// Exception report statuses.
const (
	ExceptionOpen   ExceptionStatus = "open"
	ExceptionClosed ExceptionStatus = "closed"
)

// ExceptionOutcome is what the manager agrees: time off in lieu or
// payment for the extra hours, or no action with a reason.
type ExceptionOutcome string

// Exception outcomes.
const (
	OutcomeTOIL     ExceptionOutcome = "toil"
	OutcomePayment  ExceptionOutcome = "payment"
	OutcomeNoAction ExceptionOutcome = "no-action"
)

// ExceptionOutcomes lists the outcomes in the order forms offer them.
var ExceptionOutcomes = []ExceptionOutcome{OutcomeTOIL, OutcomePayment, OutcomeNoAction}

// Label names the outcome for staff.
func (o ExceptionOutcome) Label() string {
	switch o {
	case OutcomeTOIL:
		return "Time off in lieu"
	case OutcomePayment:
		return "Payment"
	case OutcomeNoAction:
		return "No action"
	}
	return string(o)
}

// ExceptionTextMax bounds what happened and why: a few sentences.
const ExceptionTextMax = 2000

// ExceptionReport is a resident doctor's report that a rostered duty
// differed from the rota: the duty (a person's duty on a date of a rota,
// with its rostered times), the actual start and end, the kind, what
// happened and why. Reports are never deleted; the outcome closes them.
type ExceptionReport struct {
	ID      int64
	RotaID  int64
	StaffID int64
	// StaffName, Team and RotaName are joined for display.
	StaffName, Team, RotaName  string
	Date                       Date // the duty's date
	ShiftCode                  string
	RosteredStart, RosteredEnd time.Time // the duty as rostered, UTC
	ActualStart, ActualEnd     time.Time // as worked, UTC
	Kind                       ExceptionKind
	WhatHappened, Why          string
	Status                     ExceptionStatus
	ReportedBy                 string
	CreatedAt                  time.Time
	Outcome                    ExceptionOutcome
	OutcomeNote                string // the reason for no action, or any note
	OutcomeBy                  string
	OutcomeAt                  time.Time
}

// ExtraMinutes is how much longer (or, negative, shorter) the duty was
// worked than rostered: the hours time off in lieu or payment is for.
func (r *ExceptionReport) ExtraMinutes() int {
	return int(r.ActualEnd.Sub(r.ActualStart)/time.Minute) - int(r.RosteredEnd.Sub(r.RosteredStart)/time.Minute)
}

// Validate checks the report once its rostered duty is known: a kind,
// what happened and why, and actual times that end after they start, last
// at most 24 hours and overlap the rostered duty (it is a report about
// that duty, not another).
func (r *ExceptionReport) Validate() error {
	var p Problems
	r.WhatHappened, r.Why = strings.TrimSpace(r.WhatHappened), strings.TrimSpace(r.Why)
	if !validKind(r.Kind) {
		p.Add("kind", "Select what happened: worked later or started earlier, missed breaks, missed rest or missed education")
	}
	switch {
	case r.ActualStart.IsZero():
		p.Add("actual_start", "Enter when the duty actually started")
	case r.ActualEnd.IsZero():
		p.Add("actual_end", "Enter when the duty actually ended")
	case !r.ActualEnd.After(r.ActualStart):
		p.Add("actual_end", "The actual end must be after the actual start")
	case r.ActualEnd.Sub(r.ActualStart) > 24*time.Hour:
		p.Add("actual_end", "A duty worked is at most 24 hours: check the actual times")
	case !r.RosteredStart.IsZero() && (!r.ActualStart.Before(r.RosteredEnd) || !r.ActualEnd.After(r.RosteredStart)):
		p.Add("actual_start", "The actual times must overlap the rostered duty")
	}
	for _, f := range []struct{ name, v, what string }{{"what_happened", r.WhatHappened, "what happened"}, {"why", r.Why, "why it happened"}} {
		if f.v == "" {
			p.Add(f.name, "Enter %s", f.what)
		} else if len(f.v) > ExceptionTextMax {
			p.Add(f.name, "Keep %s to %d characters", f.what, ExceptionTextMax)
		}
	}
	return p.Err("The exception report is not complete: check the fields marked")
}

func validKind(k ExceptionKind) bool {
	for _, x := range ExceptionKinds {
		if x == k {
			return true
		}
	}
	return false
}

// ExceptionDecision is the outcome a manager agrees for a report.
type ExceptionDecision struct {
	Outcome ExceptionOutcome
	Note    string // required for no action: why
}

// Validate checks the decision: a known outcome; a reason for no action.
func (d *ExceptionDecision) Validate() error {
	var p Problems
	d.Note = strings.TrimSpace(d.Note)
	switch d.Outcome {
	case OutcomeTOIL, OutcomePayment:
	case OutcomeNoAction:
		if d.Note == "" {
			p.Add("note", "Enter why no action is taken")
		}
	default:
		p.Add("outcome", "Select the outcome: time off in lieu, payment or no action")
	}
	if len(d.Note) > ExceptionTextMax {
		p.Add("note", "Keep the note to %d characters", ExceptionTextMax)
	}
	return p.Err("The outcome is not complete: check the fields marked")
}

// ExceptionDuty is a rostered duty a report may be about: a person's
// duty on a date of a rota's current version, with its times.
type ExceptionDuty struct {
	RotaID     int64
	RotaName   string
	Team       string
	StaffID    int64
	Date       Date
	ShiftCode  string
	Start, End time.Time
}

// ExceptionReportFilter picks reports for the guardian's list: by status
// and team, either empty for all.
type ExceptionReportFilter struct {
	Status ExceptionStatus
	Team   string
}

// ExceptionReportService keeps exception reports. Any signed-in user may
// report (the doctor, or someone for them) and read; agreeing an outcome
// needs ActionApproveShortNotice, the manager standing in for the
// guardian of safe working hours.
type ExceptionReportService interface {
	// ExceptionDuties lists a person's rostered duties dated from..to in
	// every rota's current version, by date.
	ExceptionDuties(ctx context.Context, staffID int64, from, to Date) ([]ExceptionDuty, error)
	// CreateExceptionReport checks and stores a report about the person's
	// duty on r.Date in rota r.RotaID: ENOTFOUND without such a duty,
	// EINVALID naming the bad field (nothing saved).
	CreateExceptionReport(ctx context.Context, r *ExceptionReport) error
	FindExceptionReport(ctx context.Context, id int64) (*ExceptionReport, error)
	// FindExceptionReports lists reports, newest duty first.
	FindExceptionReports(ctx context.Context, f ExceptionReportFilter) ([]*ExceptionReport, error)
	// AgreeExceptionOutcome closes an open report with the outcome:
	// ECONFLICT if it is closed already.
	AgreeExceptionOutcome(ctx context.Context, id int64, d ExceptionDecision) (*ExceptionReport, error)
}
