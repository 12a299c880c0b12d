package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestEarliestOffers: two free slots on different dates at least 21 days
// ahead, none in the week of the patient's unavailability, sooner when the
// patient agrees to short notice (rules.md 3.1, TS-63, TS-67).
func TestEarliestOffers(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewOfferService(db)
		ref := MustRegister(t, db, 1, today.AddDays(-10))
		offers, err := svc.EarliestOffers(as(booker), ref.PathwayID, 2, false)
		if err != nil || len(offers) != 2 {
			t.Fatalf("EarliestOffers = %d, %v", len(offers), err)
		}
		first, second := elective.DateOf(offers[0].Start, london), elective.DateOf(offers[1].Start, london)
		if first.DaysSince(today) < 21 || !second.After(first) || offers[0].Type != elective.SlotNew {
			t.Fatalf("offers on %s and %s, today %s", first, second, today)
		}
		// The patient is away in the week of the first date.
		if err := svc.AddUnavailability(as(booker), &elective.Unavailability{PatientID: ref.PatientID, From: first, To: first, Reason: "Holiday"}); err != nil {
			t.Fatal(err)
		}
		again, err := svc.EarliestOffers(as(booker), ref.PathwayID, 2, false)
		if err != nil || len(again) == 0 {
			t.Fatalf("after unavailability: %d, %v", len(again), err)
		}
		monday := first.AddDays(-((int(first.Weekday()) + 6) % 7))
		for _, s := range again {
			if d := elective.DateOf(s.Start, london); !d.Before(monday) && d.Before(monday.AddDays(7)) {
				t.Errorf("offered %s in the week of the holiday %s", d, first)
			}
		}
		short, err := svc.EarliestOffers(as(booker), ref.PathwayID, 2, true)
		if err != nil || len(short) != 2 || elective.DateOf(short[0].Start, london).DaysSince(today) >= 21 {
			t.Fatalf("short notice: %v %v", short, err)
		}
		_, err = svc.EarliestOffers(as(rota), ref.PathwayID, 2, false)
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// TestRecordOffer: offers and answers are kept in order; an offer before
// the referral, or dated before it was made, changes nothing.
func TestRecordOffer(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewOfferService(db)
		ref := MustRegister(t, db, 1, today.AddDays(-10))
		ok := &elective.Offer{PathwayID: ref.PathwayID, OfferedOn: today, Date: today.AddDays(21), Response: elective.OfferDeclined}
		if err := svc.RecordOffer(as(booker), ok); err != nil || ok.ID == 0 || ok.RecordedBy != booker.ID {
			t.Fatalf("RecordOffer = %v (%+v)", err, ok)
		}
		wantCode(t, svc.RecordOffer(as(booker), &elective.Offer{PathwayID: ref.PathwayID, OfferedOn: today.AddDays(-11),
			Date: today.AddDays(20), Response: elective.OfferDeclined}), elective.EINVALID)
		wantCode(t, svc.RecordOffer(as(booker), &elective.Offer{PathwayID: ref.PathwayID, OfferedOn: today,
			Date: today, Response: elective.OfferAccepted}), elective.EINVALID)
		wantCode(t, svc.RecordOffer(as(booker), &elective.Offer{PathwayID: ref.PathwayID, OfferedOn: today,
			Date: today.AddDays(30), Response: "maybe"}), elective.EINVALID)
		got, err := svc.FindOffers(as(booker), ref.PathwayID)
		if err != nil || len(got) != 1 || got[0].Date != ok.Date || got[0].Response != elective.OfferDeclined {
			t.Fatalf("FindOffers = %v, %v", got, err)
		}
	})
}

// TestUnavailability: periods are added, listed until they end and
// removed; a period that ends before it starts is refused.
func TestUnavailability(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewOfferService(db)
		ref := MustRegister(t, db, 1, today)
		u := &elective.Unavailability{PatientID: ref.PatientID, From: today.AddDays(10), To: today.AddDays(24), Reason: "Holiday"}
		if err := svc.AddUnavailability(as(booker), u); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.AddUnavailability(as(booker), &elective.Unavailability{PatientID: ref.PatientID,
			From: today.AddDays(5), To: today.AddDays(2)}), elective.EINVALID)
		got, err := svc.FindUnavailability(as(booker), ref.PatientID)
		if err != nil || len(got) != 1 || got[0].From != u.From || got[0].Reason != "Holiday" {
			t.Fatalf("FindUnavailability = %v, %v", got, err)
		}
		if err := svc.RemoveUnavailability(as(booker), u.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.RemoveUnavailability(as(booker), u.ID), elective.ENOTFOUND)
	})
}

// TestNextPatients: for a free new slot, urgent before routine, then the
// longest wait, with the patient who is away passed over and why (rules.md
// 3.8).
func TestNextPatients(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewOfferService(db)
		longest := MustRegister(t, db, 1, today.AddDays(-90))
		away := MustRegister(t, db, 2, today.AddDays(-60))
		later := MustRegister(t, db, 3, today.AddDays(-30))
		urgent := MustRegister(t, db, 4, today.AddDays(-5), func(r *elective.ReferralRegistration) {
			r.Referral.Priority = elective.PriorityUrgent
		})
		slot := freeSlot(t, db, 1, elective.SlotNew)
		day := elective.DateOf(slot.Start, london)
		if err := svc.AddUnavailability(as(booker), &elective.Unavailability{PatientID: longest.PatientID, From: day, To: day}); err != nil {
			t.Fatal(err)
		}
		_, ranked, err := svc.NextPatients(as(booker), slot.ID, 10)
		if err != nil || len(ranked) != 4 {
			t.Fatalf("NextPatients = %d, %v", len(ranked), err)
		}
		want := []int64{urgent.PathwayID, longest.PathwayID, away.PathwayID, later.PathwayID}
		for i, id := range want {
			if ranked[i].Entry.PathwayID != id {
				t.Errorf("rank %d = pathway %d, want %d", i+1, ranked[i].Entry.PathwayID, id)
			}
		}
		if ranked[0].Skip != "" || ranked[1].Skip == "" || ranked[2].Skip != "" || !ranked[0].ShortNotice {
			t.Errorf("skips %q %q %q, short notice %v", ranked[0].Skip, ranked[1].Skip, ranked[2].Skip, ranked[0].ShortNotice)
		}
		MustBook(t, db, urgent.PathwayID, elective.SlotNew)
		_, _, err = svc.NextPatients(as(booker), slot.ID, 10)
		wantCode(t, err, elective.ECONFLICT)
	})
}

// TestRecordOfferSlotDate: an offer of a slot takes the slot's date, and a
// different date sent with it is refused.
func TestRecordOfferSlotDate(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewOfferService(db)
		ref := MustRegister(t, db, 1, today.AddDays(-10))
		slots, err := store.NewClinicService(db).FindSlots(as(booker), elective.SlotFilter{SpecialtyID: 1, Type: elective.SlotNew,
			From: testNow.AddDate(0, 0, 7), FreeOnly: true, Limit: 1})
		if err != nil || len(slots) == 0 {
			t.Fatalf("no slot next week: %v", err)
		}
		slot := slots[0]
		day := elective.DateOf(slot.Start, london)
		wantCode(t, svc.RecordOffer(as(booker), &elective.Offer{PathwayID: ref.PathwayID, SlotID: slot.ID, OfferedOn: today,
			Date: day.AddDays(30), Response: elective.OfferDeclined}), elective.EINVALID)
		o := &elective.Offer{PathwayID: ref.PathwayID, SlotID: slot.ID, OfferedOn: today, Response: elective.OfferDeclined}
		if err := svc.RecordOffer(as(booker), o); err != nil || o.Date != day {
			t.Fatalf("RecordOffer = %v, date %s want %s", err, o.Date, day)
		}
	})
}
