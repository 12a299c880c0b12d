package rtt

import (
	"github.com/openelective/elective"
)

// attended applies the RTT status a clinician recorded at an attendance
// (rules.md 1.9): stop codes end the period, 10/20 keep it running, and
// after a stop only non-RTT codes or a rule 3 new period (11, 12) may follow.
func (e *engine) attended() error {
	code := e.ev.Outcome
	if !code.Valid() {
		return e.refuse("rules.md 1.9", "%q is not an RTT status code", code)
	}
	if e.awaitingRebook {
		return e.refuse("rules.md 1.2.12", "after a first-appointment DNA a new clock needs the patient's rebooking request or a clinician's re-offer decision first")
	}
	if e.current() != nil {
		return e.attendedRunning(code)
	}
	return e.attendedStopped(code)
}

func (e *engine) attendedRunning(code elective.RTTStatus) error {
	p := e.current()
	switch code {
	case elective.RTTFirstDNA:
		return e.firstDNAByStatus()
	case elective.RTTAfterTreatment, elective.RTTDuringMonitoring, elective.RTTGPDiagnostics, elective.RTTNotApplicable:
		return e.refuse("rules.md 1.9", "%s (%s) cannot be recorded while the clock is running", code, code.Label())
	case elective.RTTTransferred:
		p.Status, e.res.Transferred, e.seen = code, true, true
		return nil
	case elective.RTTFirstActivityAfterAM, elective.RTTFirstActivitySeparate:
		// 11 and 12 are the first activity of a new period; while a clock
		// runs they fit only a period that began that way and has not yet
		// had its first activity.
		if e.seen || p.Status != code {
			return e.refuse("rules.md 1.9", "%s (%s) starts a new period, but a clock is already running", code, code.Label())
		}
	}
	e.seen = true
	e.lastDNA = elective.Date{}
	e.clinicianDecided()
	if code.StopsClock() {
		e.stop(e.ev.Date, code, stopRule(code), false)
		return nil
	}
	p.Status = code
	return nil
}

// firstDNAByStatus handles 33 recorded as a status: valid only for the first
// activity of a period and never on a two-week-wait referral (rules.md 1.5.3).
func (e *engine) firstDNAByStatus() error {
	switch {
	case e.p.Priority == elective.PriorityTwoWeekWait:
		return e.refuse("rules.md 1.5.3", "33 cannot be recorded on a two-week-wait referral: a first-appointment DNA does not end its period")
	case e.seen:
		return e.refuse("rules.md 1.5.2", "33 is only for the first activity of a period, and the patient has already been seen")
	}
	e.nullifyFirstDNA()
	return nil
}

func (e *engine) attendedStopped(code elective.RTTStatus) error {
	last := e.lastStop()
	switch {
	case last == elective.RTTDied:
		return e.refuse("rules.md 1.9", "the patient died (36); no activity can follow")
	case code == elective.RTTFirstActivityAfterAM:
		if last != elective.RTTActiveMonitoringPatient && last != elective.RTTActiveMonitoringClinic {
			return e.refuse("rules.md 1.9", "11 starts a new period after active monitoring, but the last period ended with %s", last)
		}
		e.start(e.ev.Date, code, "rules.md 1.2.10, 1.2.7 (d)")
		e.seen = true
	case code == elective.RTTFirstActivitySeparate:
		e.start(e.ev.Date, code, "rules.md 1.2.7 (c), 1.9")
		e.seen = true
	case code == elective.RTTDuringMonitoring:
		if last != elective.RTTActiveMonitoringPatient && last != elective.RTTActiveMonitoringClinic {
			return e.refuse("rules.md 1.9", "91 is for activity during active monitoring, but the last period ended with %s", last)
		}
	case code == elective.RTTAfterTreatment, code == elective.RTTNotApplicable,
		code == elective.RTTGPDiagnostics, code == elective.RTTNotKnown:
	default:
		return e.refuse("rules.md 1.9", "after the clock stopped with %s, activity must be recorded as 90 or 91 unless a new period starts under rule 3, not %s", last, code)
	}
	return nil
}

// dna applies a did-not-attend. A first-appointment DNA that was clearly
// communicated stops and nullifies the clock (rules.md 1.5.2), except on a
// two-week-wait referral (1.5.3); any other DNA leaves it running (1.5.6).
// A vulnerable patient's DNA always needs a clinician (1.5.4 (iv), 3.3).
func (e *engine) dna() error {
	if e.p.Vulnerable {
		e.askReview()
		e.vulnerableDNA = true
	}
	if e.current() == nil {
		return nil
	}
	first := e.ev.First && !e.seen
	// A letter the booking relied on that never went out is no proof.
	e.lastDNA, e.lastDNAFirst, e.lastDNATold = e.ev.Date, first, e.lastBookingTold && !e.ev.Untold
	if !first {
		return nil // 1.5.6: a later DNA leaves the clock running
	}
	switch {
	case e.p.Priority == elective.PriorityTwoWeekWait, // 1.5.3: the period continues
		!e.firstCommunicated || e.ev.Untold, // 1.4 (e): no evidence it was communicated
		e.transferredIn:                     // 1.10.4: the first care activity was at the sender
		e.askReview()
		e.firstDNADecision = true
	default:
		e.nullifyFirstDNA()
	}
	return nil
}

func (e *engine) nullifyFirstDNA() {
	e.stop(e.ev.Date, elective.RTTFirstDNA, "rules.md 1.5.2", true)
	e.askReview()
	e.awaitingRebook = true
}

// discharged: a discharge to the referrer stops a running clock only as a
// clinician's decision (rules.md 1.5.4 (ii), 1.6.2). After a DNA it stops on
// the DNA date by default (1.5.5); otherwise it is a decision not to treat
// (1.4.3). Without a clinician's confirmation it is blocked and the review
// stays open.
func (e *engine) discharged() error {
	if !e.ev.ClinicianConfirmed {
		if e.current() != nil || e.awaitingRebook {
			e.askReview()
			e.blockedDischarge = true
		}
		return nil
	}
	if e.current() == nil {
		e.clinicianDecided()
		e.awaitingRebook = false
		return nil
	}
	if !e.ev.AfterDNA {
		e.clinicianDecided()
		e.stop(e.ev.Date, elective.RTTNotTreated, "rules.md 1.4.3", false)
		return nil
	}
	if e.lastDNA.IsZero() {
		return e.refuse("rules.md 1.5.4", "a discharge after a DNA needs a DNA in the running period")
	}
	if !e.lastDNATold {
		// Safeguard (i): without evidence the appointment was clearly
		// communicated, the DNA cannot end the clock.
		e.askReview()
		e.blockedDischarge = true
		return nil
	}
	e.clinicianDecided()
	stop := e.lastDNA
	if e.pol.DNADischargeStop == StopAtDischargeDate {
		stop = e.ev.Date
	}
	// A discharge after a DNA of the period's first appointment excludes
	// the period from measurement (rules.md 1.5.8), as 33 would have.
	e.stop(stop, elective.RTTNotTreated, "rules.md 1.5.4, 1.5.5, 1.5.8", e.lastDNAFirst)
	return nil
}
