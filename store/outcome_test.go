package store_test

import (
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// attendOn moves the test clock to the appointment's day for the rest of
// the test, so that attendance can be recorded.
func attendOn(t *testing.T, db *store.DB, a *elective.Appointment) {
	t.Helper()
	at := a.Start.Add(time.Hour)
	db.Now = func() time.Time { return at }
	t.Cleanup(func() { db.Now = func() time.Time { return testNow } })
}

func outcome(t *testing.T, db *store.DB, o *elective.AppointmentOutcome) error {
	t.Helper()
	_, err := store.NewBookingService(db).RecordOutcome(as(booker), o)
	return err
}

// TestOutcomeAttendedFollowUp: seen with status 20 moves the pathway to
// the follow-up list with the clock still running.
func TestOutcomeAttendedFollowUp(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		attendOn(t, db, a)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTSubsequentActivity, Outcome: elective.OutcomeAppointmentLater, FollowUpDue: today.AddDays(30)}); err != nil {
			t.Fatal(err)
		}
		e := ptlEntry(t, db, ref.PathwayID)
		if e == nil || e.ListType != elective.ListOutpatientFollowUp || e.Status != "20" || e.Booked() || e.ClockStart != today.AddDays(-40) {
			t.Fatalf("PTL entry after attendance = %+v", e)
		}
		got, _ := store.NewBookingService(db).FindAppointmentByID(as(booker), a.ID)
		if got.Status != elective.AppointmentAttended || got.RTTStatus != "20" || len(got.History) != 2 {
			t.Fatalf("appointment = %+v", got)
		}
	})
}

// TestOutcomeTreatmentStopsClock: status 30 at the attendance stops the
// clock and takes the pathway off the PTL (rules.md 1.3.2).
func TestOutcomeTreatmentStopsClock(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		attendOn(t, db, a)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTTreatment, Outcome: elective.OutcomeDischarged}); err != nil {
			t.Fatal(err)
		}
		if e := ptlEntry(t, db, ref.PathwayID); e != nil {
			t.Fatalf("treated pathway still on the PTL: %+v", e)
		}
	})
}

// TestOutcomeFirstDNA: a first-appointment DNA nullifies a routine clock
// (rules.md 1.5.2) but not a two-week-wait one (1.5.3).
func TestOutcomeFirstDNA(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		routine := MustRegister(t, db, 1, today.AddDays(-40))
		urgent := MustRegister(t, db, 2, today.AddDays(-5), func(r *elective.ReferralRegistration) {
			r.Referral.Priority = elective.PriorityTwoWeekWait
		})
		a := MustBook(t, db, routine.PathwayID, elective.SlotNew)
		b := MustBook(t, db, urgent.PathwayID, elective.SlotNew)
		sendLetters(t, db)
		attendOn(t, db, b)
		for _, appt := range []*elective.Appointment{a, b} {
			if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: appt.ID, Status: elective.AppointmentDNA}); err != nil {
				t.Fatal(err)
			}
		}
		if e := ptlEntry(t, db, routine.PathwayID); e != nil {
			t.Errorf("routine first DNA: still on PTL %+v", e)
		}
		if e := ptlEntry(t, db, urgent.PathwayID); e == nil || e.ListType != elective.ListOutpatientNew || e.Booked() {
			t.Errorf("two-week-wait first DNA: PTL entry %+v, want still waiting for a first appointment", e)
		}
	})
}

// TestOutcomeFirstDNALetterNotSent: the booking said a letter would tell
// the patient, but the letter never went out (here: the patient asked that
// their address not be used). That is no proof the appointment was
// communicated, so the first DNA leaves the clock running and asks a
// clinician (rules.md 1.5.2, 3.3); a booking agreed by phone needs no letter.
func TestOutcomeFirstDNALetterNotSent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		byLetter := MustRegister(t, db, 1, today.AddDays(-40), func(r *elective.ReferralRegistration) {
			r.Patient.Alerts = []elective.Alert{{Kind: elective.AlertAddressNotToUse}}
		})
		byPhone := MustRegister(t, db, 2, today.AddDays(-40))
		a := MustBook(t, db, byLetter.PathwayID, elective.SlotNew)
		b, err := store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{PathwayID: byPhone.PathwayID,
			SlotID: freeSlotAfter(t, db, elective.SlotNew, a.Start, 0).ID, Communicated: elective.CommunicatedByPhone})
		if err != nil {
			t.Fatal(err)
		}
		store.NewOutboxService(db).Dispatch(as(system), &recorder{}, 100) // the refused letter fails; nothing else to send
		attendOn(t, db, b)
		for _, appt := range []*elective.Appointment{a, b} {
			if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: appt.ID, Status: elective.AppointmentDNA}); err != nil {
				t.Fatal(err)
			}
		}
		if e := ptlEntry(t, db, byLetter.PathwayID); e == nil || !e.ReviewNeeded {
			t.Errorf("DNA after an unsent letter: PTL entry %+v, want the clock running and a clinical review", e)
		}
		if e := ptlEntry(t, db, byPhone.PathwayID); e != nil {
			t.Errorf("DNA after a booking agreed by phone: still on PTL %+v", e)
		}
	})
}

// TestOutcomeCancellation: a cancellation frees the slot, keeps the clock
// running (rules.md 1.6) and leaves the pathway to be rebooked.
func TestOutcomeCancellation(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentCancelledHospital,
			Reason: "Consultant on leave"}); err != nil {
			t.Fatal(err)
		}
		e := ptlEntry(t, db, ref.PathwayID)
		if e == nil || e.Booked() || e.ClockStart != today.AddDays(-40) {
			t.Fatalf("PTL entry after cancellation = %+v", e)
		}
		other := MustRegister(t, db, 2, today)
		if _, err := store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{
			PathwayID: other.PathwayID, SlotID: a.SlotID, Communicated: elective.CommunicatedByLetter}); err != nil {
			t.Fatalf("freed slot could not be rebooked: %v", err)
		}
	})
}

// TestOutcomeRefused: attendance before the day, a second outcome, and an
// RTT status the rules refuse (90 while the clock runs) change nothing.
func TestOutcomeRefused(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		attended := func(code elective.RTTStatus) *elective.AppointmentOutcome {
			return &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
				RTTStatus: code, Outcome: elective.OutcomeAnotherAppointment}
		}
		wantCode(t, outcome(t, db, attended("20")), elective.EINVALID) // before the appointment day
		attendOn(t, db, a)
		events := count(t, db, "pathway_event")
		wantCode(t, outcome(t, db, attended("90")), elective.EINVALID)
		if n := count(t, db, "pathway_event"); n != events {
			t.Fatalf("a refused outcome wrote an event")
		}
		got, _ := store.NewBookingService(db).FindAppointmentByID(as(booker), a.ID)
		if got.Status != elective.AppointmentBooked {
			t.Fatalf("a refused outcome changed the appointment to %s", got.Status)
		}
		if err := outcome(t, db, attended("20")); err != nil {
			t.Fatal(err)
		}
		wantCode(t, outcome(t, db, attended("30")), elective.EINVALID) // already recorded
	})
}

// TestCorrectOutcome: a DNA recorded in error is corrected to an
// attendance by a senior officer: the DNA's nullification is undone, the
// history says what was wrong and who put it right, and the log keeps
// both events. A booking officer may not correct.
func TestCorrectOutcome(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		sendLetters(t, db)
		attendOn(t, db, a)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentDNA}); err != nil {
			t.Fatal(err)
		}
		if ptlEntry(t, db, ref.PathwayID) != nil {
			t.Fatal("the first DNA did not nullify the clock")
		}
		svc := store.NewBookingService(db)
		fix := &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTSubsequentActivity, Outcome: elective.OutcomeAppointmentLater, FollowUpDue: today.AddDays(30),
			Reason: "Wrong patient ticked on the clinic list"}
		_, err := svc.CorrectOutcome(as(booker), fix)
		wantCode(t, err, elective.EFORBIDDEN)
		_, err = svc.CorrectOutcome(as(senior), &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTSubsequentActivity, Outcome: elective.OutcomeAnotherAppointment})
		wantCode(t, err, elective.EINVALID) // no reason
		got, err := svc.CorrectOutcome(as(senior), fix)
		if err != nil || got.Status != elective.AppointmentAttended {
			t.Fatalf("correction = %+v, %v", got, err)
		}
		e := ptlEntry(t, db, ref.PathwayID)
		if e == nil || e.ListType != elective.ListOutpatientFollowUp || e.ClockStart != today.AddDays(-40) {
			t.Fatalf("PTL after the correction = %+v, want the original clock running, seen", e)
		}
		got, _ = svc.FindAppointmentByID(as(senior), a.ID)
		last := got.History[len(got.History)-1]
		if !strings.Contains(last.Reason, "recorded as Did not attend in error") || !strings.Contains(last.Reason, "Wrong patient") {
			t.Errorf("history: %+v", last)
		}
		if n := count(t, db, "pathway_event WHERE kind = 'entered-in-error'"); n != 1 {
			t.Errorf("%d entered-in-error events", n)
		}
		if n := count(t, db, "audit_event WHERE action = 'appointment.correct'"); n != 1 {
			t.Errorf("%d correction audits", n)
		}
		// Correcting an attendance to a DNA applies the same proof rule:
		// this booking's letter never went out, so the clock runs on and a
		// clinician decides (rules.md 1.5.2, 3.3).
		other := MustRegister(t, db, 2, today.AddDays(-40))
		b, err := svc.BookAppointment(as(booker), &elective.BookingRequest{PathwayID: other.PathwayID,
			SlotID: freeSlotAfter(t, db, elective.SlotNew, db.Now().Add(24*time.Hour), 0).ID, Communicated: elective.CommunicatedByLetter})
		if err != nil {
			t.Fatal(err)
		}
		attendOn(t, db, b)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: b.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTSubsequentActivity, Outcome: elective.OutcomeAnotherAppointment}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.CorrectOutcome(as(senior), &elective.AppointmentOutcome{AppointmentID: b.ID, Status: elective.AppointmentDNA,
			Reason: "Not here: ticked in error"}); err != nil {
			t.Fatal(err)
		}
		if e := ptlEntry(t, db, other.PathwayID); e == nil || !e.ReviewNeeded {
			t.Errorf("after correcting to a DNA with no letter sent: %+v, want the clock running and a review", e)
		}
	})
}
