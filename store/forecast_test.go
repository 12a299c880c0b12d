package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestForecastBreaches: with the fixture's few new slots a week, the
// longest waiter nearest its breach gets the first slot; a patient booked
// after their breach date and one whose turn comes too late are at risk.
func TestForecastBreaches(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		soon := MustRegister(t, db, 1, today.AddDays(-120)) // breaches in 7 days
		later := MustRegister(t, db, 2, today.AddDays(-60)) // breaches in 67 days
		bookedLate := MustRegister(t, db, 3, today.AddDays(-125))
		// Book pathway 3 into the last new slot of the horizon: after its breach date.
		slots, err := store.NewClinicService(db).FindSlots(as(booker), elective.SlotFilter{SpecialtyID: 1,
			Type: elective.SlotNew, From: testNow.AddDate(0, 0, 14), FreeOnly: true, Limit: 1})
		if err != nil || len(slots) == 0 {
			t.Fatal(err)
		}
		if _, err := store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{
			PathwayID: bookedLate.PathwayID, SlotID: slots[0].ID, Communicated: elective.CommunicatedByLetter}); err != nil {
			t.Fatal(err)
		}
		got, total, weeks, err := store.NewForecastService(db).ForecastBreaches(as(booker), elective.ForecastFilter{Today: today, Weeks: 12})
		if err != nil {
			t.Fatal(err)
		}
		outlook := map[int64]elective.BreachOutlook{}
		for _, f := range got {
			outlook[f.PathwayID] = f.Outlook
			if f.PatientName == "" || f.SpecialtyName == "" {
				t.Errorf("forecast %+v not named", f)
			}
		}
		want := map[int64]elective.BreachOutlook{soon.PathwayID: elective.OutlookExpectedInTime,
			later.PathwayID: elective.OutlookExpectedInTime, bookedLate.PathwayID: elective.OutlookBookedLate}
		if total != 3 {
			t.Fatalf("total %d, want 3: %v", total, outlook)
		}
		for id, w := range want {
			if outlook[id] != w {
				t.Errorf("pathway %d: %s, want %s", id, outlook[id], w)
			}
		}
		atRisk := 0
		for _, w := range weeks {
			atRisk += w.AtRisk
		}
		if atRisk != 1 || got[0].PathwayID != bookedLate.PathwayID {
			t.Fatalf("at risk %d (weeks %+v), first %d: want the late booking, breaching soonest", atRisk, weeks, got[0].PathwayID)
		}
		only, n, _, _ := store.NewForecastService(db).ForecastBreaches(as(booker), elective.ForecastFilter{Today: today, Weeks: 12, AtRiskOnly: true})
		if n != 1 || len(only) != 1 {
			t.Fatalf("at risk only: %d", n)
		}
	})
}
