package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestBookAppointment books a new patient into a new slot and checks the
// appointment, the event and the PTL's next activity.
func TestBookAppointment(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-10))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		if !a.First || a.Status != elective.AppointmentBooked || a.Type != elective.SlotNew || len(a.History) != 1 {
			t.Fatalf("appointment = %+v", a)
		}
		e := ptlEntry(t, db, ref.PathwayID)
		if e.NextActivity != elective.DateOf(a.Start, london) || e.AppointmentID != a.ID {
			t.Fatalf("next activity %s (appointment %d), want %s (%d)", e.NextActivity, e.AppointmentID, a.Start, a.ID)
		}
		p, _ := store.NewPathwayService(db).FindPathwayByID(as(booker), ref.PathwayID)
		last := p.Events[len(p.Events)-1]
		if last.Kind != elective.EventAppointmentBooked || !last.First || !last.Communicated || last.AppointmentID != a.ID {
			t.Fatalf("booking event = %+v", last)
		}
	})
}

// TestBookRefused checks the booking rules: slot type, a second booking,
// a held slot, a pathway with no clock, and a role that may not book.
func TestBookRefused(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewBookingService(db)
		one := MustRegister(t, db, 1, today)
		two := MustRegister(t, db, 2, today)
		book := func(u *elective.User, pathwayID, slotID int64) error {
			_, err := svc.BookAppointment(as(u), &elective.BookingRequest{PathwayID: pathwayID, SlotID: slotID, Communicated: elective.CommunicatedByPhone})
			return err
		}
		wantCode(t, book(booker, one.PathwayID, freeSlot(t, db, 1, elective.SlotFollowUp).ID), elective.EINVALID)
		wantCode(t, book(booker, one.PathwayID, freeSlot(t, db, 2, elective.SlotNew).ID), elective.EINVALID)
		wantCode(t, book(rota, one.PathwayID, freeSlot(t, db, 1, elective.SlotNew).ID), elective.EFORBIDDEN)
		slot := freeSlot(t, db, 1, elective.SlotNew)
		if err := book(booker, one.PathwayID, slot.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, book(booker, two.PathwayID, slot.ID), elective.ECONFLICT)
		wantCode(t, book(booker, one.PathwayID, freeSlot(t, db, 1, elective.SlotNew).ID), elective.EINVALID)
		wantCode(t, book(booker, two.PathwayID, 999999), elective.ENOTFOUND)
		if n := count(t, db, "appointment"); n != 1 {
			t.Fatalf("%d appointments, want 1", n)
		}
	})
}

// TestBookPastSlotRefused checks a slot that has started cannot be booked.
func TestBookPastSlotRefused(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-30))
		past, err := store.NewClinicService(db).FindSlots(as(booker), elective.SlotFilter{
			SpecialtyID: 1, Type: elective.SlotNew, From: testNow.AddDate(0, 0, -14), FreeOnly: true, Limit: 1})
		if err != nil || len(past) == 0 || !past[0].Start.Before(testNow) {
			t.Fatalf("no past slot: %v", err)
		}
		_, err = store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{
			PathwayID: ref.PathwayID, SlotID: past[0].ID, Communicated: elective.CommunicatedByLetter})
		wantCode(t, err, elective.EINVALID)
	})
}
