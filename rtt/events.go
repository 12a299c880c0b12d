package rtt

import (
	"github.com/openelective/elective"
)

// referralReceived starts a clock on receipt, or on the original start an
// interface service or transferring provider passes on (rules.md 1.2,
// 1.10.4). A referral after a completed period starts a new one (1.2.7 c).
func (e *engine) referralReceived() error {
	if cur := e.current(); cur != nil {
		if e.res.Transferred && e.ev.Source == elective.SourceTransferIn &&
			(e.ev.OriginalStart.IsZero() || e.ev.OriginalStart == cur.Start) {
			e.res.Transferred = false // care transferred back: the same period runs on (1.10.3)
			return nil
		}
		return e.refuse("rules.md 1.10.2", "a clock is already running on this pathway; periods are sequential, never concurrent")
	}
	if e.lastStop() == elective.RTTDied {
		return e.refuse("rules.md 1.9", "the patient died (36); no new period can start")
	}
	start, rule, err := e.referralStart()
	if err != nil {
		return err
	}
	if last := e.last(); last != nil && !last.Nullified && start.Before(last.Stop) {
		return e.refuse("rules.md 1.10.2", "a new period cannot start on %s, before the last one stopped on %s: periods never overlap and a later period does not reuse the original referral date", start, last.Stop)
	}
	if e.referred {
		rule += ", 1.2.7 (c)" // a re-referral after a completed or nullified period
	}
	e.referred = true
	e.start(start, elective.RTTFirstActivity, rule)
	e.transferredIn = e.ev.Source == elective.SourceTransferIn
	return nil
}

// referralStart is the clock start a referral sets, by its source.
func (e *engine) referralStart() (elective.Date, string, error) {
	ev := e.ev
	switch ev.Source {
	case elective.SourcePaper:
		return ev.Date, "rules.md 1.2.2", nil
	case elective.SourceSelf:
		return ev.Date, "rules.md 1.2.6", nil
	case elective.SourceERS, elective.SourceERSASI:
		rule := "rules.md 1.2.3"
		if ev.Source == elective.SourceERSASI {
			rule = "rules.md 1.2.4"
		}
		// Earlier activity on the UBRN (a conversion before a rejection, a
		// booking into an assessment service) keeps the earlier date.
		if !ev.OriginalStart.IsZero() && ev.OriginalStart.Before(ev.Date) {
			return ev.OriginalStart, rule, nil
		}
		return ev.Date, rule, nil
	case elective.SourceInterface, elective.SourceTransferIn:
		rule := "rules.md 1.2.5"
		if ev.Source == elective.SourceTransferIn {
			rule = "rules.md 1.10.4"
		}
		switch {
		case ev.OriginalStart.IsZero():
			return elective.Date{}, "", e.refuse(rule, "a %s referral must carry the original clock start", ev.Source)
		case ev.OriginalStart.After(ev.Date):
			return elective.Date{}, "", e.refuse(rule, "the original clock start %s is after the referral was received", ev.OriginalStart)
		}
		return ev.OriginalStart, rule, nil
	}
	return elective.Date{}, "", e.refuse("rules.md 1.2", "unknown referral source %q", ev.Source)
}

// appointmentBooked notes whether the first appointment was clearly
// communicated, which decides what a DNA of it does (rules.md 1.5.2). A
// booking after a DNA shows a decision to rebook.
func (e *engine) appointmentBooked() error {
	if e.current() == nil {
		return nil // follow-up after a clock stop: no RTT effect
	}
	e.lastBookingTold = e.ev.Communicated
	if e.ev.First && !e.seen {
		e.firstCommunicated = e.ev.Communicated
	}
	e.firstDNADecision = false // rebooked: what happens next is decided
	return nil
}

// cancelled: a cancellation in advance, by patient or provider, never stops
// a clock by itself (rules.md 1.6.1–1.6.3). The patient's cancellations are
// counted against the local policy (3.2).
func (e *engine) cancelled() error {
	switch e.ev.By {
	case elective.CancelledByPatient:
		if e.current() != nil {
			e.res.PatientCancellations++
		}
		return nil
	case elective.CancelledByProvider:
		return nil // never counted against the patient (rules.md 3.5, TS-61)
	}
	return e.refuse("rules.md 1.6", "a cancellation must say whether the patient or the provider cancelled")
}

// admitted: an admission stops the clock on the admission date when first
// definitive treatment starts in it (rules.md 1.3.3, 1.3.5); diagnostic,
// pre-operative and untreated admissions do not (1.3.4, 1.3.6).
func (e *engine) admitted() error {
	switch e.ev.Purpose {
	case elective.AdmitForTreatment, elective.AdmitForDiagnostic, elective.AdmitForPreOp:
	default:
		return e.refuse("rules.md 1.3.4", "an admission must be for treatment, diagnostics or pre-operative assessment")
	}
	if !e.ev.Treated {
		return nil
	}
	if e.current() == nil {
		return e.refuse("rules.md 1.2.7", "treatment after the clock stopped needs a new period under rule 3 first (for example fit and ready for a bilateral procedure)")
	}
	rule := "rules.md 1.3.3"
	if e.ev.Purpose != elective.AdmitForTreatment {
		rule = "rules.md 1.3.5"
	}
	e.stop(e.ev.Date, elective.RTTTreatment, rule, false)
	e.clinicianDecided()
	return nil
}

// adminEvent is a clock-stop decision made outside clinic; it can close only
// an open period (rules.md 1.4.4).
func (e *engine) adminEvent() error {
	switch e.ev.Outcome {
	case elective.RTTActiveMonitoringPatient, elective.RTTActiveMonitoringClinic,
		elective.RTTNotTreated, elective.RTTDeclined, elective.RTTDied:
	default:
		return e.refuse("rules.md 1.4.4", "an administrative event may record only 31, 32, 34, 35 or 36, not %q", e.ev.Outcome)
	}
	if e.current() == nil {
		return e.refuse("rules.md 1.4.4", "administrative clock-stop events can only close an open RTT period, and none is open")
	}
	e.stop(e.ev.Date, e.ev.Outcome, "rules.md 1.4.4", false)
	e.clinicianDecided()
	return nil
}

// rebook: after a first-appointment DNA nullified the clock, the patient's
// request to rebook or a clinician's decision to re-offer starts a new
// clock from zero on its date (rules.md 1.2.12, 1.2.7 e).
func (e *engine) rebook() error {
	if e.ev.Kind == elective.EventReofferDecided {
		defer e.clinicianDecided()
	}
	switch {
	case e.awaitingRebook:
		e.start(e.ev.Date, elective.RTTFirstActivity, "rules.md 1.2.12")
	case e.current() != nil:
		// After a DNA that did not stop the clock (two-week wait, not
		// communicated) the clock simply runs on.
	default:
		return e.refuse("rules.md 1.2.12", "a rebooking starts a new clock only after a first-appointment DNA nullified the last one")
	}
	return nil
}

// decisionToTreat: inside a running period it puts the pathway on the
// admitted list; after a stop it starts a new period only under rule 3:
// after active monitoring (11, rules.md 1.2.10) or for substantively new
// treatment (1.2.9).
func (e *engine) decisionToTreat() error {
	running := e.current() != nil
	last := e.lastStop()
	afterAM := last == elective.RTTActiveMonitoringPatient || last == elective.RTTActiveMonitoringClinic
	switch {
	case running && e.ev.NewPeriod:
		return e.refuse("rules.md 1.10.2", "a new period cannot start while the clock is running")
	case running:
		e.decidedToTreat = true
		e.res.ThinkingSince = elective.Date{} // the patient has decided (1.7.12)
	case e.awaitingRebook:
		return e.refuse("rules.md 1.2.12", "after a first-appointment DNA the patient must be seen before a decision to treat")
	case last == elective.RTTDied:
		return e.refuse("rules.md 1.9", "the patient died (36)")
	case afterAM:
		e.start(e.ev.Date, elective.RTTFirstActivityAfterAM, "rules.md 1.2.10, 1.2.7 (d)")
		e.decidedToTreat = !e.ev.NewPeriod
		e.seen = true
	case e.ev.NewPeriod:
		e.start(e.ev.Date, elective.RTTFirstActivity, "rules.md 1.2.9, 1.2.7 (b)")
		e.seen = true
	default:
		return e.refuse("rules.md 1.2.7", "after the clock stopped with %s a decision to treat starts a clock only as a new period under rule 3", last)
	}
	return nil
}

// fitAndReady starts the period for the second of a bilateral procedure once
// the first has been treated (rules.md 1.2.8).
func (e *engine) fitAndReady() error {
	if e.current() != nil {
		return e.refuse("rules.md 1.2.8", "the clock is already running")
	}
	if e.lastStop() != elective.RTTTreatment {
		return e.refuse("rules.md 1.2.8", "fit and ready starts the second period of a bilateral procedure after the first was treated (30)")
	}
	e.start(e.ev.Date, elective.RTTFirstActivity, "rules.md 1.2.8, 1.2.7 (a)")
	e.seen = true
	return nil
}

// transferOut: care passes to another provider with the same PPID and start
// (status 21); the clock runs on there and leaves this PTL (rules.md 1.10.3).
func (e *engine) transferOut() error {
	p := e.current()
	if p == nil {
		return e.refuse("rules.md 1.10.3", "there is no running clock to transfer")
	}
	p.Status = elective.RTTTransferred
	e.res.Transferred = true
	return nil
}
