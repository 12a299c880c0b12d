package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// today is the test clock's date in London.
var today = elective.DateOf(testNow, london)

// MustSetup loads the fixture trust and makes six weeks of clinic sessions
// either side of today.
func MustSetup(t *testing.T, db *store.DB) {
	t.Helper()
	l := store.NewLoader(db)
	if err := l.LoadReference(as(system), fixture.Reference()); err != nil {
		t.Fatal(err)
	}
	if err := l.FinishLoad(as(system)); err != nil {
		t.Fatal(err)
	}
	if _, err := store.NewClinicService(db).GenerateSessions(as(system), today.AddDays(-42), today.AddDays(42)); err != nil {
		t.Fatal(err)
	}
}

// MustRegister registers fixture referral n received on received.
func MustRegister(t *testing.T, db *store.DB, n int, received elective.Date, edit ...func(*elective.ReferralRegistration)) *elective.Referral {
	t.Helper()
	reg := fixture.Registration(n, received)
	for _, e := range edit {
		e(reg)
	}
	ref, err := store.NewReferralService(db).RegisterReferral(as(booker), reg)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

// freeSlot returns the first free future slot of a type in a specialty.
func freeSlot(t *testing.T, db *store.DB, specialtyID int64, typ elective.SlotType) *elective.Slot {
	t.Helper()
	slots, err := store.NewClinicService(db).FindSlots(as(booker), elective.SlotFilter{
		SpecialtyID: specialtyID, Type: typ, From: testNow, FreeOnly: true, Limit: 1})
	if err != nil || len(slots) == 0 {
		t.Fatalf("no free %s slot: %v", typ, err)
	}
	return slots[0]
}

// MustBook books a pathway into the first free slot of the type it needs.
func MustBook(t *testing.T, db *store.DB, pathwayID int64, typ elective.SlotType) *elective.Appointment {
	t.Helper()
	slot := freeSlot(t, db, 1, typ)
	a, err := store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{
		PathwayID: pathwayID, SlotID: slot.ID, Communicated: elective.CommunicatedByLetter})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// ptlEntry returns a pathway's PTL row, or nil when it is not on the PTL.
func ptlEntry(t *testing.T, db *store.DB, pathwayID int64) *elective.PTLEntry {
	t.Helper()
	e, err := store.NewWaitingListService(db).FindPTLEntry(as(booker), pathwayID, today)
	if elective.ErrorCode(err) == elective.ENOTFOUND {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	return e
}

// sendLetters dispatches the outbox now: the appointment letters that are
// the proof a first DNA needs before it can nullify a clock (rules.md 1.5.2).
func sendLetters(t *testing.T, db *store.DB) {
	t.Helper()
	if _, failed, err := store.NewOutboxService(db).Dispatch(as(system), &recorder{}, 1000); err != nil || failed != 0 {
		t.Fatalf("dispatch: %d failed, %v", failed, err)
	}
}
