package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// freeSlotAfter returns the first free slot of a type in specialty 1 that
// starts after at.
func freeSlotAfter(t *testing.T, db *store.DB, typ elective.SlotType, at time.Time, skip int) *elective.Slot {
	t.Helper()
	slots, err := store.NewClinicService(db).FindSlots(as(booker), elective.SlotFilter{
		SpecialtyID: 1, Type: typ, From: at, FreeOnly: true, Limit: skip + 1})
	if err != nil || len(slots) <= skip {
		t.Fatalf("no free %s slot after %s: %v", typ, at, err)
	}
	return slots[skip]
}

// TestFollowUpAfterClockStop: a patient treated at the first attendance
// (30, rules.md 1.3.2) leaves the PTL but can still be booked for the
// follow-up the clinician asked for; the follow-up is recorded as 90
// (rules.md 1.9). A patient discharged at the attendance cannot be booked.
func TestFollowUpAfterClockStop(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		treated := MustRegister(t, db, 1, today.AddDays(-40))
		done := MustRegister(t, db, 2, today.AddDays(-40))
		a := MustBook(t, db, treated.PathwayID, elective.SlotNew)
		b := MustBook(t, db, done.PathwayID, elective.SlotNew)
		attendOn(t, db, b)
		for _, x := range []struct {
			appt    *elective.Appointment
			outcome elective.OutcomeOfAttendance
		}{{a, elective.OutcomeAnotherAppointment}, {b, elective.OutcomeDischarged}} {
			if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: x.appt.ID, Status: elective.AppointmentAttended,
				RTTStatus: elective.RTTTreatment, Outcome: x.outcome}); err != nil {
				t.Fatal(err)
			}
		}
		if ptlEntry(t, db, treated.PathwayID) != nil {
			t.Fatal("a treated pathway is still on the PTL")
		}
		svc := store.NewBookingService(db)
		if list, err := svc.WaitingFor(as(booker), treated.PathwayID); err != nil || list != elective.ListOutpatientFollowUp {
			t.Fatalf("WaitingFor treated = %q, %v", list, err)
		}
		_, err := svc.WaitingFor(as(booker), done.PathwayID)
		wantCode(t, err, elective.EINVALID)
		now := db.Now().Add(24 * time.Hour)
		slot := freeSlotAfter(t, db, elective.SlotFollowUp, now, 0)
		_, err = svc.BookAppointment(as(booker), &elective.BookingRequest{PathwayID: done.PathwayID, SlotID: slot.ID,
			Communicated: elective.CommunicatedByLetter})
		wantCode(t, err, elective.EINVALID)
		newSlot := freeSlotAfter(t, db, elective.SlotNew, now, 0)
		_, err = svc.BookAppointment(as(booker), &elective.BookingRequest{PathwayID: treated.PathwayID, SlotID: newSlot.ID,
			Communicated: elective.CommunicatedByLetter})
		wantCode(t, err, elective.EINVALID) // a follow-up needs a follow-up slot
		fu, err := svc.BookAppointment(as(booker), &elective.BookingRequest{PathwayID: treated.PathwayID, SlotID: slot.ID,
			Communicated: elective.CommunicatedByLetter})
		if err != nil || fu.First {
			t.Fatalf("follow-up booking = %+v, %v", fu, err)
		}
		if ptlEntry(t, db, treated.PathwayID) != nil {
			t.Fatal("a non-RTT follow-up put the pathway back on the PTL")
		}
		attendOn(t, db, fu)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: fu.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTAfterTreatment, Outcome: elective.OutcomeDischarged}); err != nil {
			t.Fatal(err)
		}
		_, err = svc.WaitingFor(as(booker), treated.PathwayID)
		wantCode(t, err, elective.EINVALID)
	})
}

// TestReschedule: moving an appointment cancels it for whoever asked and
// books the new slot in one transaction with one change letter. The
// patient's moves count towards the clinical review (rules.md 3.2); the
// hospital's never do (3.5). A slot taken meanwhile changes nothing.
func TestReschedule(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		other := MustRegister(t, db, 2, today.AddDays(-30))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		taken := MustBook(t, db, other.PathwayID, elective.SlotNew)
		svc := store.NewBookingService(db)
		move := func(from *elective.Appointment, slotID int64, code string) (*elective.Appointment, error) {
			return svc.Reschedule(as(booker), &elective.RescheduleRequest{AppointmentID: from.ID, SlotID: slotID,
				ReasonCode: code, Communicated: elective.CommunicatedByPhone})
		}
		_, err := move(a, taken.SlotID, "P1")
		wantCode(t, err, elective.ECONFLICT)
		if got, _ := svc.FindAppointmentByID(as(booker), a.ID); got.Status != elective.AppointmentBooked {
			t.Fatalf("a failed move changed the appointment: %s", got.Status)
		}
		_, err = move(a, a.SlotID, "P1")
		wantCode(t, err, elective.EINVALID)
		_, err = svc.Reschedule(as(booker), &elective.RescheduleRequest{AppointmentID: a.ID, SlotID: 1})
		wantCode(t, err, elective.EINVALID)

		b, err := move(a, freeSlotAfter(t, db, elective.SlotNew, a.Start, 1).ID, "H1")
		if err != nil || b.Replaces != a.ID || !b.First {
			t.Fatalf("hospital move = %+v, %v", b, err)
		}
		c, err := move(b, freeSlotAfter(t, db, elective.SlotNew, b.Start, 1).ID, "P1")
		if err != nil {
			t.Fatal(err)
		}
		if _, counts := worklist(t, db, elective.WorklistFailsafe, today); counts[elective.WorkClinicalReview] != 0 {
			t.Fatalf("one patient move and one hospital move asked for a review: %v", counts)
		}
		d, err := move(c, freeSlotAfter(t, db, elective.SlotNew, c.Start, 1).ID, "P2")
		if err != nil {
			t.Fatal(err)
		}
		if _, counts := worklist(t, db, elective.WorklistFailsafe, today); counts[elective.WorkClinicalReview] != 1 {
			t.Fatalf("a second patient cancellation did not ask for a clinical review (rules.md 3.2): %v", counts)
		}
		old, _ := svc.FindAppointmentByID(as(booker), a.ID)
		if old.Status != elective.AppointmentCancelledHospital || old.History[len(old.History)-1].Reason != "The clinician is on leave or unwell" {
			t.Fatalf("moved appointment = %s %+v", old.Status, old.History[len(old.History)-1])
		}
		if e := ptlEntry(t, db, ref.PathwayID); e.AppointmentID != d.ID {
			t.Fatalf("PTL shows appointment %d, want %d", e.AppointmentID, d.ID)
		}
		if n := count(t, db, "message WHERE kind = 'change'"); n != 3 {
			t.Errorf("%d change letters, want 3", n)
		}
		if n := count(t, db, "message WHERE kind = 'cancellation'"); n != 0 {
			t.Errorf("%d cancellation letters for moves, want none", n)
		}
		ms, _ := store.NewOutboxService(db).FindMessages(as(booker), ref.PatientID)
		if _, _, err := store.NewOutboxService(db).LetterPDF(as(booker), ms[0].ID); err != nil || ms[0].Kind != elective.MsgChange {
			t.Errorf("the change letter does not render: %v", err)
		}
	})
}
