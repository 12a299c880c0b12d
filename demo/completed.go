package demo

import "github.com/openelective/elective"

// completedKind is how a completed pathway's clock stopped.
type completedKind int

const (
	treatedInClinic  completedKind = iota // 30 at an attendance (rules.md 1.3.2)
	treatedAdmitted                       // 30 on admission (1.3.3)
	notTreated                            // 34 at an attendance (1.4.1)
	dnaDischarged                         // a later DNA, discharged by a clinician (1.5.4)
	activeMonitoring                      // 31 or 32 (1.4 b)
	firstDNA                              // 33, nullified (1.5.2), some re-offered
	adminStop                             // declined or not treated, by letter (1.4.4)
)

// completedWeights are the shares of each kind, in completedKind order.
var completedWeights = []float64{0.18, 0.30, 0.20, 0.04, 0.12, 0.10, 0.06}

// buildCompleted writes a pathway whose clock stopped in the last 18
// months. If the clinics were too full to fit its history before today, it
// stays open wherever it got to, as a real pathway would.
func (pb *builder) buildCompleted() {
	g := pb.g
	wait := g.completedWait(pb.pw.Priority)
	span := g.today.DaysSince(g.from) - wait - 1
	start := g.from.AddDays(g.intn(max(span, 1)))
	kind := completedKind(g.weighted(completedWeights))
	if kind == firstDNA && pb.pw.Priority == elective.PriorityTwoWeekWait {
		kind = notTreated // a suspected-cancer DNA does not stop the clock (1.5.3)
	}
	pb.receive(start, wait/4)
	if kind == firstDNA {
		pb.firstDNA(wait)
		return
	}
	lo, _ := firstLag(pb.pw.Priority)
	if a := pb.visit(true, pb.last.AddDays(g.between(lo, max(lo, wait/3))), g.today, pb.last); a != nil {
		pb.stop(kind, a, start, wait)
	}
}

// stop writes the rest of a completed pathway from its first appointment a
// to the clock stop of the given kind.
func (pb *builder) stop(kind completedKind, a *elective.Appointment, start elective.Date, wait int) {
	g := pb.g
	switch kind {
	case treatedInClinic:
		pb.stopAtClinic(a, wait, elective.RTTTreatment, 0.4)
		if g.chance(0.25) {
			pb.afterStop(elective.RTTAfterTreatment)
		}
	case treatedAdmitted:
		pb.treatAdmitted(a, start, wait)
	case notTreated:
		pb.stopAtClinic(a, wait, elective.RTTNotTreated, 0.6)
	case dnaDischarged:
		pb.dnaDischarge(a, wait)
	case activeMonitoring:
		code := elective.RTTActiveMonitoringClinic
		if g.chance(0.3) {
			code = elective.RTTActiveMonitoringPatient
		}
		pb.stopAtClinic(a, wait, code, 0.5)
		if g.chance(0.3) {
			pb.afterStop(elective.RTTDuringMonitoring)
		}
	case adminStop:
		pb.attend(a, elective.RTTSubsequentActivity, elective.OutcomeAppointmentLater)
		e := pb.event(elective.EventAdminEvent, earliest(pb.last.AddDays(g.between(7, 28)), g.today))
		e.Outcome = pick(g, []elective.RTTStatus{elective.RTTDeclined, elective.RTTDeclined, elective.RTTNotTreated, elective.RTTActiveMonitoringClinic})
	}
}

// stopAtClinic stops the clock with code at the first appointment a (with
// probability atFirst) or at a follow-up after it.
func (pb *builder) stopAtClinic(a *elective.Appointment, wait int, code elective.RTTStatus, atFirst float64) {
	g := pb.g
	outcome := elective.OutcomeDischarged
	if code == elective.RTTActiveMonitoringClinic || code == elective.RTTActiveMonitoringPatient {
		outcome = elective.OutcomeAppointmentLater
	}
	if g.chance(atFirst) {
		pb.attend(a, code, outcome)
		return
	}
	pb.attend(a, elective.RTTSubsequentActivity, elective.OutcomeAppointmentLater)
	if a = pb.visit(false, pb.last.AddDays(g.between(14, max(14, wait/2))), g.today, pb.last); a != nil {
		pb.attend(a, code, outcome)
	}
}

// afterStop writes a follow-up after the clock stopped, recorded as after
// treatment (90) or during active monitoring (91).
func (pb *builder) afterStop(code elective.RTTStatus) {
	g := pb.g
	if a := pb.visit(false, pb.last.AddDays(g.between(28, 84)), g.today, pb.last); a != nil {
		pb.attend(a, code, elective.OutcomeDischarged)
	}
}

// treatAdmitted: seen, perhaps seen again, listed for surgery and admitted
// for treatment, which stops the clock on the admission date.
func (pb *builder) treatAdmitted(a *elective.Appointment, start elective.Date, wait int) {
	g := pb.g
	pb.attend(a, elective.RTTSubsequentActivity, elective.OutcomeAppointmentLater)
	if g.chance(0.3) {
		pb.followUps(1, false)
	}
	dtt := pb.last
	pb.event(elective.EventDecisionToTreat, dtt)
	room := g.today.DaysSince(dtt) - 1
	if room < 1 {
		return
	}
	planned := max(7, wait-dtt.DaysSince(start))
	e := pb.event(elective.EventAdmitted, dtt.AddDays(min(g.between(7, planned), room)))
	e.Purpose, e.Treated = elective.AdmitForTreatment, true
	if g.chance(0.35) {
		pb.afterStop(elective.RTTAfterTreatment)
	}
}

// dnaDischarge: seen, then did not attend a follow-up; a clinician
// discharged the patient to the GP, stopping the clock on the DNA date
// (rules.md 1.5.4, 1.5.5).
func (pb *builder) dnaDischarge(a *elective.Appointment, wait int) {
	g := pb.g
	pb.attend(a, elective.RTTSubsequentActivity, elective.OutcomeAppointmentLater)
	if a = pb.visit(false, pb.last.AddDays(g.between(21, max(21, wait/2))), g.today, pb.last); a == nil {
		return
	}
	pb.dna(a)
	e := pb.event(elective.EventDischarged, earliest(pb.last.AddDays(g.between(3, 14)), g.today))
	e.AfterDNA, e.ClinicianConfirmed = true, true
}

// firstDNA: the patient did not attend a clearly communicated first
// appointment, which nullifies the clock (33). A clinician then discharges
// most to the GP; the others are offered another appointment, which starts
// a new clock (rules.md 1.2.12) that ends in treatment or discharge.
func (pb *builder) firstDNA(wait int) {
	g := pb.g
	lo, _ := firstLag(pb.pw.Priority)
	s := pb.findSlot(true, pb.last.AddDays(g.between(lo, max(lo, wait/3))), g.today)
	if s < 0 {
		return
	}
	pb.dna(pb.book(s, true, pb.last, elective.CommunicatedByLetter))
	next := earliest(pb.last.AddDays(g.between(2, 21)), g.today)
	if g.chance(0.55) {
		e := pb.event(elective.EventDischarged, next)
		e.AfterDNA, e.ClinicianConfirmed = true, true
		return
	}
	kind := elective.EventReofferDecided
	if g.chance(0.5) {
		kind = elective.EventRebookRequested
	}
	pb.event(kind, next)
	if a := pb.visit(true, pb.last.AddDays(g.between(14, 42)), g.today, pb.last); a != nil {
		code := elective.RTTTreatment
		if g.chance(0.5) {
			code = elective.RTTNotTreated
		}
		pb.attend(a, code, elective.OutcomeDischarged)
	}
}
