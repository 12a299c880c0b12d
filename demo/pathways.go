package demo

import (
	"github.com/openelective/elective"
)

// demoUser is the name written in appointment histories.
const demoUser = "Demo data"

// patientCancelShare and cancelRate: about 7% of bookings are cancelled in
// advance and rebooked, three in five by the patient.
const (
	cancelRate         = 0.07
	patientCancelShare = 0.6
)

// builder writes one pathway's history in date order: its events, and the
// appointments they are about, into the batch. Every step moves last
// forward, so the events are a sequence the RTT engine accepts and that
// reads sensibly on screen.
type builder struct {
	g    *gen
	b    *elective.LoadBatch
	pw   *elective.Pathway
	ref  *elective.Referral
	spec int
	cons int
	last elective.Date // date of the latest event

	lastSeen *elective.Appointment // the latest attended appointment
}

// event appends an event of kind on date d (never before the last event).
func (pb *builder) event(kind elective.EventKind, d elective.Date) *elective.PathwayEvent {
	if d.Before(pb.last) {
		d = pb.last
	}
	g := pb.g
	e := &elective.PathwayEvent{
		ID: next(&g.ids.event), PathwayID: pb.pw.ID, Seq: len(pb.pw.Events) + 1,
		Kind: kind, Date: d, RecordedAt: g.at10(d),
	}
	pb.pw.Events = append(pb.pw.Events, e)
	pb.last = d
	return e
}

// receive records the referral's receipt for a clock starting on start.
// Interface services and transferring providers pass the patient on some
// days after the clock started (at most maxLag days), keeping the original
// start (rules.md 1.2.5, 1.10.4).
func (pb *builder) receive(start elective.Date, maxLag int) {
	g, ref := pb.g, pb.ref
	received := start
	switch ref.Source {
	case elective.SourceInterface:
		received = start.AddDays(g.between(min(2, maxLag), min(28, maxLag)))
	case elective.SourceTransferIn:
		received = start.AddDays(g.between(min(7, maxLag), min(90, maxLag)))
	}
	if received.After(g.today) {
		received = g.today
	}
	if ref.Source.KeepsOriginalStart() {
		ref.OriginalStart = start
	}
	ref.ReceivedDate = received
	ref.CreatedAt = g.at10(received)
	pb.pw.CreatedAt = ref.CreatedAt
	e := pb.event(elective.EventReferralReceived, received)
	e.Source, e.OriginalStart = ref.Source, ref.OriginalStart
}

// findSlot returns a free slot for the pathway's next appointment, dated
// after the last event, on or after desired and before before, or -1.
// Two-week-wait and urgent patients go to whoever can see them first.
func (pb *builder) findSlot(first bool, desired, before elective.Date) int32 {
	if !desired.After(pb.last) {
		desired = pb.last.AddDays(1)
	}
	typ, window := typFU, int32(21)
	if first {
		typ = typNew
	}
	switch pb.pw.Priority {
	case elective.PriorityTwoWeekWait:
		window = 2
	case elective.PriorityUrgent:
		window = 7
	}
	return pb.g.slots.find(pb.spec, pb.cons, typ, int32(desired.Days()), int32(before.Days()), window)
}

// day is the date of an appointment's slot.
func (pb *builder) day(a *elective.Appointment) elective.Date {
	return elective.DateFromDays(int64(pb.g.slots.day(int32(a.SlotID - 1))))
}

// book books slot s on date bookOn (kept between the last event and the
// day before the appointment, and not after today) and records the
// appointment-booked event.
func (pb *builder) book(s int32, first bool, bookOn elective.Date, comm elective.Communication) *elective.Appointment {
	g, x := pb.g, &pb.g.slots
	day := elective.DateFromDays(int64(x.day(s)))
	bookOn = latest(pb.last, earliest(bookOn, day.AddDays(-1), g.today))
	x.take(s)
	tpl := g.templates[x.sessTpl[x.slotSess[s]]]
	a := &elective.Appointment{
		ID: next(&g.ids.appointment), PathwayID: pb.pw.ID, PatientID: pb.pw.PatientID,
		SlotID: int64(s) + 1, SessionID: int64(x.slotSess[s]) + 1, ClinicianID: tpl.ClinicianID, SiteID: tpl.SiteID,
		Start: g.slotStart(s), Minutes: int(x.slotMin[s]), Type: elective.SlotNew, First: first,
		Status: elective.AppointmentBooked, Communicated: comm, BookedAt: g.at10(bookOn),
	}
	if x.slotType[s] == typFU {
		a.Type = elective.SlotFollowUp
	}
	a.History = []*elective.AppointmentChange{{Status: elective.AppointmentBooked, At: a.BookedAt, ByName: demoUser}}
	pb.b.Appointments = append(pb.b.Appointments, a)
	if pb.lastSeen != nil && bookOn == pb.day(pb.lastSeen) {
		pb.lastSeen.Outcome = elective.OutcomeAnotherAppointment
	}
	e := pb.event(elective.EventAppointmentBooked, bookOn)
	e.First, e.AppointmentDate, e.AppointmentID = first, day, a.ID
	e.Communicated = comm != elective.CommunicatedNotYet
	return a
}

// communication is how a booking made on bookOn reached the patient: in
// person when booked at the clinic desk after an attendance, otherwise
// mostly by letter.
func (pb *builder) communication(bookOn elective.Date) elective.Communication {
	if pb.lastSeen != nil && bookOn == pb.day(pb.lastSeen) {
		return elective.CommunicatedInPerson
	}
	if pb.g.chance(0.15) {
		return elective.CommunicatedByPhone
	}
	return elective.CommunicatedByLetter
}

// attend records an attendance with the RTT status the clinician chose.
func (pb *builder) attend(a *elective.Appointment, status elective.RTTStatus, outcome elective.OutcomeOfAttendance) {
	a.Status, a.RTTStatus, a.Outcome = elective.AppointmentAttended, status, outcome
	a.History = append(a.History, &elective.AppointmentChange{Status: elective.AppointmentAttended, At: a.Start, ByName: demoUser})
	e := pb.event(elective.EventAttended, pb.day(a))
	e.First, e.Outcome, e.AppointmentID = a.First, status, a.ID
	pb.lastSeen = a
}

// dna records that the patient did not attend without notice.
func (pb *builder) dna(a *elective.Appointment) {
	a.Status = elective.AppointmentDNA
	a.History = append(a.History, &elective.AppointmentChange{Status: elective.AppointmentDNA, At: a.Start, ByName: demoUser})
	e := pb.event(elective.EventDNA, pb.day(a))
	e.First, e.AppointmentID = a.First, a.ID
}

// cancel cancels a booked appointment in advance on date on (kept after the
// booking, before the appointment day and not after today) and frees its
// slot.
func (pb *builder) cancel(a *elective.Appointment, by elective.CancelledBy, on elective.Date) {
	g := pb.g
	on = latest(pb.last, earliest(on, pb.day(a).AddDays(-1), g.today))
	g.slots.release(int32(a.SlotID - 1))
	a.Status = elective.AppointmentCancelledHospital
	reason := pick(g, hospitalReasons)
	if by == elective.CancelledByPatient {
		a.Status, reason = elective.AppointmentCancelledPatient, pick(g, patientReasons)
	}
	a.History = append(a.History, &elective.AppointmentChange{Status: a.Status, At: g.at10(on), ByName: demoUser, Reason: reason})
	e := pb.event(elective.EventCancelled, on)
	e.By, e.AppointmentID, e.Note = by, a.ID, reason
}

var (
	patientReasons  = []string{"Patient on holiday", "Patient unwell", "Work commitments", "Caring responsibilities", "Patient asked to rearrange"}
	hospitalReasons = []string{"Consultant on leave", "Clinic reduced", "Consultant on call", "Clinic room unavailable"}
)

// visit books an appointment on or after desired and before before, booked
// on bookOn. About one booking in fourteen is cancelled in advance, by the
// patient or the hospital, and rebooked one to four weeks later. It
// returns the booking, or nil when no slot was free.
func (pb *builder) visit(first bool, desired, before, bookOn elective.Date) *elective.Appointment {
	g := pb.g
	s := pb.findSlot(first, desired, before)
	if s < 0 {
		return nil
	}
	bookOn = latest(bookOn, pb.last)
	a := pb.book(s, first, bookOn, pb.communication(bookOn))
	if !g.chance(cancelRate) {
		return a
	}
	booked, lastDay := pb.last, earliest(pb.day(a).AddDays(-1), g.today)
	by := elective.CancelledByProvider
	if g.chance(patientCancelShare) {
		by = elective.CancelledByPatient
	}
	on := booked.AddDays(g.intn(lastDay.DaysSince(booked) + 1))
	pb.cancel(a, by, on)
	if s = pb.findSlot(first, pb.last.AddDays(g.between(7, 28)), before); s < 0 {
		return nil
	}
	return pb.book(s, first, pb.last, pb.communication(pb.last))
}

// earliest and latest pick the earliest or latest of some dates.
func earliest(d elective.Date, more ...elective.Date) elective.Date {
	for _, e := range more {
		if e.Before(d) {
			d = e
		}
	}
	return d
}

func latest(d elective.Date, more ...elective.Date) elective.Date {
	for _, e := range more {
		if e.After(d) {
			d = e
		}
	}
	return d
}
