package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestUtilisation: a session's booked slots and a slot freed by a
// cancellation and not refilled are counted; capacity against demand
// counts new slots, referrals and unbooked patients.
func TestUtilisation(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		one := MustRegister(t, db, 1, today.AddDays(-10))
		two := MustRegister(t, db, 2, today.AddDays(-3))
		a := MustBook(t, db, one.PathwayID, elective.SlotNew)
		b := MustBook(t, db, two.PathwayID, elective.SlotNew)
		if _, err := store.NewBookingService(db).RecordOutcome(as(booker), &elective.AppointmentOutcome{AppointmentID: b.ID,
			Status: elective.AppointmentCancelledPatient}); err != nil {
			t.Fatal(err)
		}
		svc := store.NewUtilisationService(db)
		us, err := svc.SessionUtilisation(as(booker), elective.UtilisationFilter{SpecialtyID: 1, From: today, To: today.AddDays(14)})
		if err != nil || len(us) == 0 {
			t.Fatalf("SessionUtilisation = %d, %v", len(us), err)
		}
		var got *elective.SessionUtilisation
		for _, u := range us {
			if u.Session.ID == a.SessionID {
				got = u
			}
		}
		if got == nil || got.Booked != 1 || got.Unfilled != 1 || got.Slots < 2 || got.TemplateCode == "" {
			t.Fatalf("session %+v", got)
		}
		cd, err := svc.CapacityDemand(as(booker), today, 4)
		if err != nil || len(cd) == 0 {
			t.Fatalf("CapacityDemand = %v, %v", cd, err)
		}
		for _, c := range cd {
			if c.SpecialtyID == 1 && (c.ReferralsWeek != 0.5 || c.Unbooked != 1 || c.NewSlotsWeek <= 0) {
				t.Errorf("specialty 1: %+v", c)
			}
		}
	})
}
