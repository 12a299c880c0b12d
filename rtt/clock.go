// Package rtt derives referral-to-treatment clocks from a pathway's event
// log under the national rules (shared/domain/rules.md section 1).
//
// It is pure: values in, values out, no I/O and no wall clock. The store
// calls Derive whenever an event is recorded and when it rebuilds the PTL, so
// the live PTL and a rebuild can never disagree. Every period it derives
// names the events and the rule numbers that started and stopped it, so that
// every number on a PTL can explain itself.
package rtt

import (
	"fmt"

	"github.com/openelective/elective"
)

// Pathway is what the engine needs to know about a pathway: the referral's
// priority type, whether the patient is a child or vulnerable adult, and the
// events in recorded order.
type Pathway struct {
	Priority   elective.Priority
	Vulnerable bool
	Events     []*elective.PathwayEvent
}

// Period is one derived RTT period. Stop is zero while the clock runs.
type Period struct {
	Start      elective.Date
	Stop       elective.Date
	Status     elective.RTTStatus // the code that stopped it, or the last code while open
	Nullified  bool               // excluded from measurement (first-appointment DNA)
	StartEvent int                // index of the event that started it
	StopEvent  int                // index of the event that stopped it, -1 while open
	StartRule  string             // the rule that set the start, e.g. "rules.md 1.2.2"
	StopRule   string
}

// Open reports whether the clock is still running.
func (p *Period) Open() bool { return p.StopEvent < 0 }

// Task is work the rules create for a person.
type Task string

// Tasks.
const (
	// TaskClinicalReview: a clinician must decide (a vulnerable patient's
	// DNA, a first-appointment DNA with no decision yet, a discharge that
	// needs a clinician's confirmation) (rules.md 1.5.4, 3.3).
	TaskClinicalReview Task = "clinical-review"
	// TaskValidationDue: a running clock has reached 12 weeks and needs
	// validating (rules.md 3.9).
	TaskValidationDue Task = "validation-due"
)

// Result is everything derived from a pathway's events.
type Result struct {
	Periods []Period // oldest first

	// ListType is the waiting list the pathway is on while its clock runs;
	// empty when no clock runs or the pathway has been transferred out.
	ListType elective.ListType

	// Transferred is true when care has passed to another provider (21):
	// the clock runs on there, not on this trust's PTL.
	Transferred bool

	// LastValidated is when the running period was last validated.
	LastValidated elective.Date

	// PatientCancellations counts the patient's cancellations in the
	// running period (hospital cancellations never count, rules.md 3.5).
	PatientCancellations int

	// ThinkingSince is when treatment was offered and the patient began
	// thinking it over; zero once a decision is recorded (rules.md 1.7.12).
	ThinkingSince elective.Date

	// ReviewNeeded is true when a clinician's decision is outstanding.
	ReviewNeeded bool
	// ReviewReason says why, for the worklist.
	ReviewReason string
	// ReviewSince is the date of the event that asked for the review.
	ReviewSince elective.Date
}

// Current returns the running period, or nil when no clock runs.
func (r *Result) Current() *Period {
	if n := len(r.Periods); n > 0 && r.Periods[n-1].Open() {
		return &r.Periods[n-1]
	}
	return nil
}

// OnPTL reports whether the pathway belongs on this trust's PTL: its clock
// is running here.
func (r *Result) OnPTL() bool { return r.Current() != nil && !r.Transferred }

// Tasks returns the work outstanding at census: a clinical review when one
// is needed, and validation when a running clock has reached a validation
// milestone not covered by a recent validation (rules.md 3.9).
func (r *Result) Tasks(census elective.Date, pol Policy) []Task {
	tasks := []Task{}
	if r.ReviewNeeded {
		tasks = append(tasks, TaskClinicalReview)
	}
	if due, _ := r.ThinkingTimeDue(census); due && !r.ReviewNeeded {
		tasks = append(tasks, TaskClinicalReview)
	}
	if p := r.Current(); p != nil && !r.Transferred && ValidationDue(p.Start, r.LastValidated, census, pol) {
		tasks = append(tasks, TaskValidationDue)
	}
	return tasks
}

// EventError is an event the rules refuse. It names the event and the rule.
type EventError struct {
	Index int // position of the event in the pathway's log (0-based)
	Event *elective.PathwayEvent
	Rule  string
	Msg   string
}

// Error implements the error interface.
func (e *EventError) Error() string {
	desc := string(e.Event.Kind)
	if e.Event.Outcome != "" {
		desc += " " + string(e.Event.Outcome)
	}
	return fmt.Sprintf("event %d (%s on %s) refused: %s (%s)", e.Index+1, desc, e.Event.Date, e.Msg, e.Rule)
}

// Derive computes the RTT periods, the waiting list and outstanding review
// of a pathway from its events. It returns an *EventError for the first
// event that breaks the rules.
func Derive(p Pathway, pol Policy) (*Result, error) {
	e := &engine{p: p, pol: pol, res: &Result{}}
	voided, err := voidedEvents(p.Events)
	if err != nil {
		return nil, err
	}
	for i, ev := range p.Events {
		if voided[ev.Seq] || ev.Kind == elective.EventEnteredInError {
			continue
		}
		e.i, e.ev = i, ev
		if err := e.apply(); err != nil {
			return nil, err
		}
	}
	e.res.ListType = e.listType()
	e.res.ReviewNeeded, e.res.ReviewReason = e.review()
	if e.res.ReviewNeeded {
		e.res.ReviewSince = e.reviewSince
	}
	return e.res, nil
}

// voidedEvents returns the Seq of every event an entered-in-error event
// voids. Only an earlier attendance or non-attendance can be voided: the
// outcomes staff correct; anything else is refused.
func voidedEvents(events []*elective.PathwayEvent) (map[int]bool, error) {
	var voided map[int]bool
	for i, ev := range events {
		if ev.Kind != elective.EventEnteredInError {
			continue
		}
		ok := false
		for _, x := range events[:i] {
			if x.Seq == ev.Voids && (x.Kind == elective.EventAttended || x.Kind == elective.EventDNA) {
				ok = true
			}
		}
		if !ok || voided[ev.Voids] {
			return nil, &EventError{Index: i, Event: ev, Rule: "rules.md 1.12",
				Msg: fmt.Sprintf("entered-in-error must void an earlier attendance or non-attendance once; event %d is not one", ev.Voids)}
		}
		if voided == nil {
			voided = map[int]bool{}
		}
		voided[ev.Voids] = true
	}
	return voided, nil
}

// CancellationReviewDue reports whether the patient's cancellations in the
// running period have reached the trust's limit, at which a clinician
// reviews what happens next (rules.md 3.2; a discharge only ever as a
// clinical decision, 1.6.2). It is local policy, not a national rule, so it
// is not among Tasks.
func (r *Result) CancellationReviewDue(pol Policy) bool {
	limit := pol.PatientCancellationsBeforeReview
	return limit > 0 && r.Current() != nil && r.PatientCancellations >= limit
}
