package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// at moves the store's clock to a London date at 08:00.
func at(db *store.DB, d elective.Date) { db.Now = func() time.Time { return d.At(8, 0, london) } }

// TestPartialBooking: a follow-up due in four months goes on the
// partial-booking list, not the failsafe list; the invitation goes 42 days
// before it is due and the reminder 14 days later, each once however often
// the job runs; with no reply 14 days after the reminder it reaches the
// failsafe list; booking the follow-up takes it off (rules.md 3.4).
func TestPartialBooking(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		attendOn(t, db, a)
		seen := elective.DateOf(a.Start, london)
		due := seen.AddDays(120)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTSubsequentActivity, Outcome: elective.OutcomeAppointmentLater, FollowUpDue: due}); err != nil {
			t.Fatal(err)
		}
		svc := store.NewFollowUpService(db)
		list, err := svc.FindFollowUps(as(booker), elective.FollowUpFilter{Kind: elective.FollowUpPartialBooking})
		if err != nil || len(list) != 1 || list[0].Due != due || list[0].PatientName == "" {
			t.Fatalf("partial-booking list %+v, %v", list, err)
		}
		if e, _ := worklist(t, db, elective.WorklistFailsafe, seen.AddDays(1)); len(e) != 0 {
			t.Errorf("a partial-booking patient is on the failsafe list: %+v", e[0])
		}
		advance := func(d elective.Date) (int, int) {
			at(db, d)
			i, r, err := svc.AdvanceFollowUps(as(system))
			if err != nil {
				t.Fatal(err)
			}
			return i, r
		}
		if i, _ := advance(due.AddDays(-43)); i != 0 {
			t.Errorf("invited %d a day early", i)
		}
		if i, _ := advance(due.AddDays(-42)); i != 1 {
			t.Errorf("invited %d on the day, want 1", i)
		}
		if i, r := advance(due.AddDays(-42)); i+r != 0 {
			t.Errorf("a rerun sent %d more", i+r)
		}
		if _, r := advance(due.AddDays(-28)); r != 1 {
			t.Errorf("reminded %d, want 1", r)
		}
		if n := count(t, db, "message WHERE kind IN ('partial_booking_invitation', 'partial_booking_reminder')"); n != 2 {
			t.Errorf("%d partial-booking letters, want 2", n)
		}
		ms, _ := store.NewOutboxService(db).FindMessages(as(booker), ref.PatientID)
		if _, _, err := store.NewOutboxService(db).LetterPDF(as(booker), ms[0].ID); err != nil || ms[0].Kind != elective.MsgPBReminder {
			t.Errorf("the reminder letter (%s) does not render: %v", ms[0].Kind, err)
		}
		e, _ := worklist(t, db, elective.WorklistFailsafe, due.AddDays(-14))
		if len(e) != 1 || e[0].Kind != elective.WorkFollowUpDue {
			t.Fatalf("after no reply: failsafe %+v", e)
		}
		at(db, today)
		MustBook(t, db, ref.PathwayID, elective.SlotFollowUp)
		if list, _ := svc.FindFollowUps(as(booker), elective.FollowUpFilter{}); len(list) != 0 {
			t.Errorf("booked follow-up still listed: %+v", list[0])
		}
	})
}

// TestPIFU: a PIFU runs to its expiry; before it the patient cannot be
// discharged, after it the discharge closes it and writes to the patient
// and GP (rules.md 3.11).
func TestPIFU(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		attendOn(t, db, a)
		expiry := elective.DateOf(a.Start, london).AddDays(182)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTSubsequentActivity, Outcome: elective.OutcomeAppointmentLater, FollowUpDue: expiry, PIFU: true}); err != nil {
			t.Fatal(err)
		}
		svc := store.NewFollowUpService(db)
		list, _ := svc.FindFollowUps(as(booker), elective.FollowUpFilter{Kind: elective.FollowUpPIFU})
		if len(list) != 1 {
			t.Fatalf("PIFU list %d", len(list))
		}
		at(db, expiry)
		wantCode(t, svc.DischargePIFU(as(doctor), list[0].ID), elective.EINVALID)
		at(db, expiry.AddDays(1))
		if err := svc.DischargePIFU(as(doctor), list[0].ID); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, "message WHERE kind = 'discharge_to_gp'"); n != 1 {
			t.Errorf("%d discharge letters", n)
		}
		ms, _ := store.NewOutboxService(db).FindMessages(as(booker), ref.PatientID)
		if _, _, err := store.NewOutboxService(db).LetterPDF(as(booker), ms[0].ID); err != nil {
			t.Errorf("the discharge letter does not render: %v", err)
		}
		wantCode(t, svc.DischargePIFU(as(doctor), list[0].ID), elective.ENOTFOUND)
	})
}
