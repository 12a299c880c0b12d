package store_test

import (
	"slices"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
	"github.com/openelective/elective/theatre"
)

// The database's booking order and at-risk condition (over the stored due
// date) are the pure rules theatre.Order and theatre.AtRisk: on a list of
// every priority, with ties on the due date broken by the breach date and
// the decision to admit, some booked before and some after their limit.
func TestAdmittedOrderMatchesRule(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		priorities := []elective.SurgicalPriority{elective.P4, elective.P3, elective.P2, elective.P1b, elective.P3, elective.P2,
			elective.P4, elective.P3, elective.P2, elective.P3, elective.P1a, elective.P4}
		ago := []int{50, 80, 25, 1, 85, 2, 10, 80, 25, 88, 0, 50}
		for i, p := range priorities {
			listEntry(t, db, i+1, p, func(e *elective.AdmittedListEntry) { e.ListedOn = today.AddDays(-ago[i]) })
		}
		all, err := svc.FindAdmittedEntries(as(booker), elective.AdmittedFilter{})
		if err != nil || len(all) != len(priorities) {
			t.Fatalf("entries = %d, %v", len(all), err)
		}
		// Book two P3 patients: one on a list after their limit, one before.
		late, early := mustSession(t, db, 21, elective.PeriodMorning), mustSession(t, db, 2, elective.PeriodMorning)
		for _, b := range []struct {
			listedAgo int
			s         *elective.TheatreSession
		}{{80, late}, {88, early}} {
			for _, e := range all {
				if e.Priority == elective.P3 && e.ListedOn == today.AddDays(-b.listedAgo) && e.Case == nil {
					if _, err := svc.ScheduleCase(as(manager), elective.ScheduleCase{SessionID: b.s.ID, EntryID: e.ID, Override: "Urgent slot"}); err != nil {
						t.Fatal(err)
					}
					break
				}
			}
		}
		if all, err = svc.FindAdmittedEntries(as(booker), elective.AdmittedFilter{}); err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(all)
		theatre.Order(want)
		for i := range all {
			if all[i].ID != want[i].ID {
				t.Fatalf("position %d: database %d, rule %d", i, all[i].ID, want[i].ID)
			}
		}
		// A page of k rows is the first k, ties at its last due date too.
		for k := 1; k <= len(want); k++ {
			page, err := svc.FindAdmittedEntries(as(booker), elective.AdmittedFilter{Limit: k})
			if err != nil || len(page) != k {
				t.Fatalf("limit %d: %d rows, %v", k, len(page), err)
			}
			for i := range page {
				if page[i].ID != want[i].ID {
					t.Fatalf("limit %d, position %d: database %d, rule %d", k, i, page[i].ID, want[i].ID)
				}
			}
		}
		var atRisk []int64
		for _, e := range want {
			if theatre.AtRisk(e, today, 7) {
				atRisk = append(atRisk, e.ID)
			}
		}
		r, err := svc.TheatreReport(as(booker), today, today.AddDays(60))
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, e := range r.AtRisk {
			got = append(got, e.ID)
		}
		if r.AtRiskTotal != len(atRisk) || !slices.Equal(got, atRisk) || len(atRisk) < 3 {
			t.Errorf("at risk: database %v (total %d), rule %v", got, r.AtRiskTotal, atRisk)
		}
	})
}
