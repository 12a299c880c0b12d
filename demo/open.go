package demo

import "github.com/openelective/elective"

// buildOpen writes the history of a pathway whose clock is still running
// at today: it draws how long the clock has run and which list the
// pathway is on, then writes a history that ends there.
func (pb *builder) buildOpen() {
	days := pb.g.openWait(pb.pw.Priority)
	start := pb.g.today.AddDays(-days)
	switch pb.g.openState(days) {
	case stateNew:
		pb.openNew(start, days)
	case stateFollowUp:
		pb.openSeen(start, days, false)
	default:
		pb.openSeen(start, days, true)
	}
}

// openNew: referred and not yet seen. A few patients did not attend a first
// appointment before and asked to rebook (a new clock, rules.md 1.2.12);
// some had a first appointment cancelled; a few suspected-cancer patients
// did not attend, which does not stop their clock (1.5.3). About a third
// have their first appointment booked.
func (pb *builder) openNew(start elective.Date, days int) {
	g := pb.g
	tww := pb.pw.Priority == elective.PriorityTwoWeekWait
	if tww || days < 7 || !g.chance(0.05) || !pb.dnaPrefix(start) {
		pb.receive(start, days)
	}
	switch {
	case days >= 21 && g.chance(0.10):
		pb.cancelledFirst()
	case tww && days >= 10 && g.chance(0.15):
		if s := pb.findSlot(true, pb.last.AddDays(g.between(3, 10)), g.today); s >= 0 {
			pb.dna(pb.book(s, true, pb.last, elective.CommunicatedByPhone))
		}
	}
	if g.chance(futureBookRate(pb.pw.Priority)) {
		pb.bookFuture(true, g.today.AddDays(g.futureLag(pb.pw.Priority)))
	}
}

// dnaPrefix writes an earlier, nullified clock: referral, a clearly
// communicated first appointment not attended (33, rules.md 1.5.2), and the
// patient's request to rebook or a clinician's re-offer on start, which
// starts the running clock. It reports false, writing nothing, when no slot
// fits before start or the source carries an original start.
func (pb *builder) dnaPrefix(start elective.Date) bool {
	g := pb.g
	if pb.ref.Source.KeepsOriginalStart() {
		return false
	}
	r0 := start.AddDays(-g.between(21, 90))
	s := pb.findSlot(true, r0.AddDays(g.between(7, 20)), start)
	if s < 0 {
		return false
	}
	pb.receive(r0, 0)
	pb.dna(pb.book(s, true, r0.AddDays(g.intn(4)), elective.CommunicatedByLetter))
	kind := elective.EventRebookRequested
	if g.chance(0.3) {
		kind = elective.EventReofferDecided
	}
	pb.event(kind, start)
	return true
}

// cancelledFirst books a first appointment and cancels it in advance; the
// patient is back on the list waiting for a new date.
func (pb *builder) cancelledFirst() {
	g := pb.g
	lo, hi := firstLag(pb.pw.Priority)
	s := pb.findSlot(true, pb.last.AddDays(g.between(lo, hi)), g.horizon.AddDays(1))
	if s < 0 {
		return
	}
	bookOn := earliest(pb.last.AddDays(g.intn(6)), g.today)
	a := pb.book(s, true, bookOn, pb.communication(bookOn))
	by := elective.CancelledByProvider
	if g.chance(patientCancelShare) {
		by = elective.CancelledByPatient
	}
	lastDay := earliest(pb.day(a).AddDays(-1), g.today)
	pb.cancel(a, by, pb.last.AddDays(g.intn(lastDay.DaysSince(pb.last)+1)))
}

// bookFuture books an appointment after today on or after desired, booked
// at the clinic desk after a recent attendance or recently by letter or
// phone. A few recent bookings have not been sent yet.
func (pb *builder) bookFuture(first bool, desired elective.Date) {
	g := pb.g
	desired = latest(desired, g.today.AddDays(1))
	s := pb.findSlot(first, desired, g.horizon.AddDays(1))
	if s < 0 {
		return
	}
	bookOn := latest(pb.last, g.today.AddDays(-g.intn(15)))
	comm := pb.communication(bookOn)
	if pb.lastSeen != nil && pb.last == pb.day(pb.lastSeen) && g.slots.day(s)-int32(pb.last.Days()) <= 120 {
		bookOn, comm = pb.last, elective.CommunicatedInPerson
	} else if g.today.DaysSince(bookOn) < 3 && g.chance(0.15) {
		comm = elective.CommunicatedNotYet
	}
	pb.book(s, first, bookOn, comm)
}

// openSeen: the patient has been seen and waits for a follow-up or, after a
// decision to treat, for admission. A few on the admitted list came back
// from active monitoring (a new clock from the decision, rules.md 1.2.10).
func (pb *builder) openSeen(start elective.Date, days int, admitted bool) {
	g := pb.g
	lo, hi := firstLag(pb.pw.Priority)
	if days <= lo+2 {
		pb.openNew(start, days)
		return
	}
	if admitted && g.chance(0.05) && pb.amPrefix(start) {
		return
	}
	pb.receive(start, (days-lo)/2)
	room := g.today.DaysSince(pb.last) - 1
	desired := pb.last.AddDays(g.between(min(lo, room), min(hi, room)))
	a := pb.visit(true, desired, g.today, pb.last)
	if a == nil {
		a = pb.visit(true, pb.last.AddDays(1), g.today, pb.last) // any earlier slot will do
	}
	if a == nil {
		if g.chance(futureBookRate(pb.pw.Priority)) {
			pb.bookFuture(true, g.today.AddDays(g.futureLag(pb.pw.Priority)))
		}
		return
	}
	pb.attend(a, elective.RTTSubsequentActivity, elective.OutcomeAppointmentLater)
	pb.followUps(g.weighted(extraFollowUps), !admitted)
	if admitted {
		pb.event(elective.EventDecisionToTreat, pb.last)
		return
	}
	if g.chance(0.4) {
		pb.bookFuture(false, pb.last.AddDays(g.between(28, 90)))
	}
}

// extraFollowUps are the chances of no, one or two follow-ups after the
// first attendance of a pathway still open.
var extraFollowUps = []float64{0.5, 0.3, 0.2}

// followUps writes up to n further attendances (status 20), some of them
// not attended when dnas is true (which leaves the clock running, 1.5.6).
func (pb *builder) followUps(n int, dnas bool) {
	g := pb.g
	for range n {
		a := pb.visit(false, pb.last.AddDays(g.between(21, 70)), g.today, pb.last)
		if a == nil {
			return
		}
		if dnas && g.chance(0.08) {
			pb.dna(a)
			continue
		}
		pb.attend(a, elective.RTTSubsequentActivity, elective.OutcomeAppointmentLater)
	}
}

// amPrefix writes an earlier period that ended in active monitoring at the
// first appointment, then the decision to treat on start that began the
// running clock (status 11). It reports false, writing nothing, when no
// slot fits.
func (pb *builder) amPrefix(start elective.Date) bool {
	g := pb.g
	if pb.ref.Source.KeepsOriginalStart() {
		return false
	}
	r0 := start.AddDays(-g.between(90, 300))
	s := pb.findSlot(true, r0.AddDays(g.between(14, 40)), start)
	if s < 0 {
		return false
	}
	pb.receive(r0, 0)
	a := pb.book(s, true, r0.AddDays(g.intn(6)), elective.CommunicatedByLetter)
	code := elective.RTTActiveMonitoringClinic
	if g.chance(0.25) {
		code = elective.RTTActiveMonitoringPatient
	}
	pb.attend(a, code, elective.OutcomeAppointmentLater)
	pb.event(elective.EventDecisionToTreat, start)
	return true
}
