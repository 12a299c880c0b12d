package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// A plan over a small fixture places the patients who fit, leaves out the
// one who cannot go on any list with the reason, and accepting it books
// the placements.
func TestTheatrePlanLists(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		a := mustSession(t, db, 21, elective.PeriodMorning)
		b := mustSession(t, db, 28, elective.PeriodMorning)
		locked := mustSession(t, db, 7, elective.PeriodMorning)
		p2 := listEntry(t, db, 1, elective.P2)
		p3 := listEntry(t, db, 2, elective.P3, func(e *elective.AdmittedListEntry) { e.ExpectedMinutes = 120 })
		p4 := listEntry(t, db, 3, elective.P4, func(e *elective.AdmittedListEntry) { e.ExpectedMinutes = 90 })
		tooLong := listEntry(t, db, 4, elective.P3, func(e *elective.AdmittedListEntry) { e.ExpectedMinutes = 300 })
		booked := listEntry(t, db, 5, elective.P4)
		if _, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: b.ID, EntryID: booked.ID}); err != nil {
			t.Fatal(err)
		}
		plan, err := svc.PlanLists(as(senior), elective.PlanRequest{From: today, Weeks: 5, Seed: 1, MaxIterations: 20000})
		if err != nil {
			t.Fatal(err)
		}
		where := map[int64]elective.PlannedCase{}
		for _, p := range plan.Placements {
			where[p.EntryID] = p
			if p.SessionID == locked.ID {
				t.Errorf("placed on the locked list: %+v", p)
			}
			if p.Reason == "" || p.PatientName == "" || p.SessionName == "" || p.TCI.IsZero() {
				t.Errorf("placement without its words: %+v", p)
			}
		}
		for _, e := range []*elective.AdmittedListEntry{p2, p3, p4, booked} {
			if _, ok := where[e.ID]; !ok {
				t.Errorf("entry %d (%s) not placed: %+v", e.ID, e.Priority, plan)
			}
		}
		if p := where[p2.ID]; p.SessionID != a.ID {
			t.Errorf("the P2 patient is on session %d, want the first list %d", p.SessionID, a.ID)
		}
		if len(plan.LeftOut) != 1 || plan.LeftOut[0].EntryID != tooLong.ID || plan.LeftOut[0].Reason == "" {
			t.Errorf("left out = %+v, want the 300-minute case with a reason", plan.LeftOut)
		}
		if plan.Optimised.Placed != 4 || plan.Optimised.Placed < plan.Chronological.Placed || plan.Iterations == 0 {
			t.Errorf("totals = %+v vs %+v after %d iterations", plan.Optimised, plan.Chronological, plan.Iterations)
		}
		n, refused, err := svc.AcceptPlan(as(senior), plan.Placements)
		if err != nil || len(refused) != 0 {
			t.Fatalf("accept: %d booked, refused %q, %v", n, refused, err)
		}
		for _, e := range []*elective.AdmittedListEntry{p2, p3, p4, booked} {
			got, _ := svc.FindAdmittedEntry(as(booker), e.ID)
			if got.Case == nil || got.Case.SessionID != where[e.ID].SessionID {
				t.Errorf("entry %d after accepting = %+v, want on %d", e.ID, got.Case, where[e.ID].SessionID)
			}
		}
		_, err = svc.PlanLists(as(senior), elective.PlanRequest{From: today, Weeks: 0})
		wantCode(t, err, elective.EINVALID)
	})
}
