package rtt

import (
	"fmt"

	"github.com/openelective/elective"
)

// engine walks a pathway's events in order, keeping the state the rules
// need between them.
type engine struct {
	p   Pathway
	pol Policy
	res *Result
	i   int
	ev  *elective.PathwayEvent

	referred bool // a referral has been received on the pathway

	// State of the running period.
	seen              bool          // an activity has been attended in the period
	firstCommunicated bool          // the first appointment's booking was clearly communicated
	decidedToTreat    bool          // a decision to treat: the pathway waits for admission
	lastDNA           elective.Date // the latest DNA in the period, zero if none
	lastDNAFirst      bool          // the latest DNA was of the period's first appointment
	lastDNATold       bool          // the latest DNA'd appointment was clearly communicated (1.5.4 (i))
	lastBookingTold   bool          // the latest booking was clearly communicated
	transferredIn     bool          // the period came from another provider (1.10.4)

	// awaitingRebook: a first-appointment DNA nullified the clock and no
	// rebooking request, re-offer decision or discharge has followed.
	awaitingRebook bool
	// vulnerableDNA: a child or vulnerable adult did not attend and no
	// clinician has seen them or decided since (rules.md 1.5.4 (iv), 3.3).
	vulnerableDNA bool
	// blockedDischarge: a discharge was asked for without a clinician's
	// decision (rules.md 1.5.4 (ii)).
	blockedDischarge bool
	// validationReview: validation found the patient may no longer need
	// care; only a clinician may decide (rules.md 3.9).
	validationReview bool
	// firstDNADecision: a first-appointment DNA that did not nullify the
	// clock (two-week wait, not communicated, transfer-in) and nothing yet
	// shows what happens next: discharge or re-offer is a clinician's call
	// (rules.md 3.3).
	firstDNADecision bool
	// delayReview: the patient asked to wait more than six weeks; a
	// clinician must review the impact (rules.md 1.7.2).
	delayReview bool

	lastValidated elective.Date // the latest validation in the running period
	reviewSince   elective.Date // when the outstanding review was first asked for
}

func (e *engine) apply() error {
	if !e.referred && e.ev.Kind != elective.EventReferralReceived {
		return e.refuse("rules.md 1.2.15", "the pathway has no referral to start a clock")
	}
	switch e.ev.Kind {
	case elective.EventReferralReceived:
		return e.referralReceived()
	case elective.EventAppointmentBooked:
		return e.appointmentBooked()
	case elective.EventAttended:
		return e.attended()
	case elective.EventDNA:
		return e.dna()
	case elective.EventCancelled:
		return e.cancelled()
	case elective.EventAdmitted:
		return e.admitted()
	case elective.EventAdminEvent:
		return e.adminEvent()
	case elective.EventRebookRequested, elective.EventReofferDecided:
		return e.rebook()
	case elective.EventDecisionToTreat:
		return e.decisionToTreat()
	case elective.EventFitAndReady:
		return e.fitAndReady()
	case elective.EventDischarged:
		return e.discharged()
	case elective.EventTransferOut:
		return e.transferOut()
	case elective.EventValidated:
		return e.validated()
	case elective.EventDelayRequested:
		return e.delayRequested()
	case elective.EventTreatmentOffered:
		return e.treatmentOffered()
	}
	return e.refuse("rules.md 1.9", "unknown event kind %q", e.ev.Kind)
}

// refuse returns an EventError for the current event.
func (e *engine) refuse(rule, format string, args ...any) error {
	return &EventError{Index: e.i, Event: e.ev, Rule: rule, Msg: fmt.Sprintf(format, args...)}
}

// current returns the running period or nil.
func (e *engine) current() *Period { return e.res.Current() }

// last returns the most recent period, or nil before the first.
func (e *engine) last() *Period {
	if n := len(e.res.Periods); n > 0 {
		return &e.res.Periods[n-1]
	}
	return nil
}

// lastStop is the code that ended the most recent period, "" if none.
func (e *engine) lastStop() elective.RTTStatus {
	if p := e.last(); p != nil && !p.Open() {
		return p.Status
	}
	return ""
}

// start opens a new period on date with an initial status.
func (e *engine) start(date elective.Date, status elective.RTTStatus, rule string) {
	e.res.Periods = append(e.res.Periods, Period{
		Start: date, Status: status, StartEvent: e.i, StopEvent: -1, StartRule: rule,
	})
	e.seen, e.firstCommunicated, e.decidedToTreat = false, false, false
	e.lastDNA, e.lastDNAFirst, e.firstDNADecision = elective.Date{}, false, false
	e.res.PatientCancellations = 0
	e.awaitingRebook, e.blockedDischarge = false, false
	e.lastValidated, e.res.LastValidated = elective.Date{}, elective.Date{}
	e.res.Transferred = false
}

// stop ends the running period on date with status.
func (e *engine) stop(date elective.Date, status elective.RTTStatus, rule string, nullified bool) {
	p := e.current()
	p.Stop, p.Status, p.StopEvent, p.StopRule, p.Nullified = date, status, e.i, rule, nullified
	e.blockedDischarge, e.validationReview, e.firstDNADecision = false, false, false
	e.res.ThinkingSince = elective.Date{}
}

// clinicianDecided clears the reviews a clinician's involvement settles: the
// patient was seen, or a clinician decided what happens next.
func (e *engine) clinicianDecided() {
	e.vulnerableDNA, e.blockedDischarge, e.validationReview, e.firstDNADecision = false, false, false, false
	e.delayReview = false
	e.res.ThinkingSince = elective.Date{}
}

// askReview notes when a review was first asked for.
func (e *engine) askReview() {
	if need, _ := e.review(); !need || e.reviewSince.IsZero() {
		e.reviewSince = e.ev.Date
	}
}

// review is the outstanding clinician's decision, if any, and why.
func (e *engine) review() (bool, string) {
	switch {
	case e.awaitingRebook:
		return true, "first appointment not attended: a clinician decides whether to discharge or offer another appointment (rules.md 3.3)"
	case e.vulnerableDNA:
		return true, "a child or vulnerable adult did not attend: a clinician must review; never discharged automatically (rules.md 1.5.4, 3.3)"
	case e.blockedDischarge:
		return true, "discharge needs a clinician's decision (rules.md 1.5.4 (ii)); the clock continues until then"
	case e.validationReview:
		return true, "validation found the patient may no longer need care: a clinician must review (rules.md 3.9)"
	case e.firstDNADecision:
		return true, "first appointment not attended: nothing is booked and no clinician has decided what happens next (rules.md 3.3)"
	case e.delayReview:
		return true, "the patient asked to wait more than six weeks: a clinician reviews the impact and agrees a date (rules.md 1.7.2)"
	}
	return false, ""
}

// listType is the waiting list of the running period: the first appointment
// until the patient is seen, admission after a decision to treat, otherwise
// a further outpatient appointment.
func (e *engine) listType() elective.ListType {
	switch {
	case e.current() == nil || e.res.Transferred:
		return ""
	case e.decidedToTreat:
		return elective.ListAdmitted
	case !e.seen:
		return elective.ListOutpatientNew
	}
	return elective.ListOutpatientFollowUp
}

// stopRule is the rule by which a clinic outcome code stops the clock.
func stopRule(code elective.RTTStatus) string {
	switch code {
	case elective.RTTTreatment:
		return "rules.md 1.3.2"
	case elective.RTTActiveMonitoringPatient:
		return "rules.md 1.7.9"
	case elective.RTTActiveMonitoringClinic:
		return "rules.md 1.7.10"
	case elective.RTTFirstDNA:
		return "rules.md 1.5.2"
	}
	return "rules.md 1.4.1"
}
