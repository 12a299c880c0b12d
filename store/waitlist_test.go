package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestWaitingListOrder: the outpatient new list is in clinical priority
// order, then longest wait first (rules.md 3.8), and filters by specialty,
// consultant and booked.
func TestWaitingListOrder(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		prio := func(p elective.Priority) func(*elective.ReferralRegistration) {
			return func(r *elective.ReferralRegistration) { r.Referral.Priority = p }
		}
		oldRoutine := MustRegister(t, db, 1, today.AddDays(-200))
		newRoutine := MustRegister(t, db, 2, today.AddDays(-10))
		urgent := MustRegister(t, db, 3, today.AddDays(-5), prio(elective.PriorityUrgent))
		cancer := MustRegister(t, db, 4, today.AddDays(-2), prio(elective.PriorityTwoWeekWait))
		breast := MustRegister(t, db, 5, today.AddDays(-50), func(r *elective.ReferralRegistration) {
			r.Referral.SpecialtyID, r.Referral.ClinicianID = 2, 3
		})
		MustBook(t, db, newRoutine.PathwayID, elective.SlotNew)

		svc := store.NewWaitingListService(db)
		find := func(f elective.PTLFilter) []int64 {
			t.Helper()
			f.Census = today
			rows, n, err := svc.FindPTL(as(booker), f)
			if err != nil || n != len(rows) {
				t.Fatalf("FindPTL: %d of %d rows, %v", len(rows), n, err)
			}
			var ids []int64
			for _, r := range rows {
				ids = append(ids, r.PathwayID)
			}
			return ids
		}
		want := func(name string, got []int64, want ...*elective.Referral) {
			t.Helper()
			if len(got) != len(want) {
				t.Fatalf("%s: got %v, want %d rows", name, got, len(want))
			}
			for i := range want {
				if got[i] != want[i].PathwayID {
					t.Fatalf("%s: got %v, row %d should be pathway %d", name, got, i, want[i].PathwayID)
				}
			}
		}
		want("priority order", find(elective.PTLFilter{SpecialtyID: 1, ListType: elective.ListOutpatientNew, Sort: elective.SortPriority}),
			cancer, urgent, oldRoutine, newRoutine)
		want("longest wait", find(elective.PTLFilter{Sort: elective.SortLongestWait}), oldRoutine, breast, newRoutine, urgent, cancer)
		want("unbooked", find(elective.PTLFilter{SpecialtyID: 1, Booked: "no", Sort: elective.SortPriority}), cancer, urgent, oldRoutine)
		want("booked", find(elective.PTLFilter{Booked: "yes"}), newRoutine)
		want("consultant", find(elective.PTLFilter{ClinicianID: 3}), breast)
		want("priority filter", find(elective.PTLFilter{Priority: elective.PriorityUrgent}), urgent)

		rows, _, _ := svc.FindPTL(as(booker), elective.PTLFilter{Census: today, Limit: 1})
		if r := rows[0]; r.DaysWaited != 200 || r.Band != "28-29" || r.PatientName == "" || r.SpecialtyName == "" {
			t.Fatalf("row = %+v", r)
		}
		_, _, err := svc.FindPTL(as(rota), elective.PTLFilter{Census: today})
		wantCode(t, err, elective.EFORBIDDEN)
	})
}
