package store_test

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// Accepting a plan adds and moves cases through ScheduleCase's rules; a
// placement that no longer fits is refused in words and leaves the patient
// where they were, and the others go ahead.
func TestTheatreAcceptPlan(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		a := mustSession(t, db, 21, elective.PeriodMorning)
		b := mustSession(t, db, 28, elective.PeriodMorning)
		e1 := listEntry(t, db, 1, elective.P3)
		e2 := listEntry(t, db, 2, elective.P3)
		e3 := listEntry(t, db, 3, elective.P3, func(e *elective.AdmittedListEntry) { e.ExpectedMinutes = 200 })
		if _, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: a.ID, EntryID: e2.ID}); err != nil {
			t.Fatal(err)
		}
		plan := []elective.PlannedCase{
			{EntryID: e1.ID, SessionID: a.ID, Minutes: 60},                                                    // add
			{EntryID: e2.ID, SessionID: b.ID, FromSessionID: a.ID, Minutes: 60},                               // move
			{EntryID: e3.ID, SessionID: b.ID, Minutes: 200, PatientName: "Mrs Three", SessionName: "MTH1 am"}, // over-runs b
			{EntryID: e1.ID, SessionID: a.ID, FromSessionID: a.ID, Minutes: 60},                               // keep
		}
		n, refused, err := svc.AcceptPlan(as(senior), plan)
		if err != nil {
			t.Fatal(err)
		}
		if n != 2 || len(refused) != 1 || !strings.Contains(refused[0], "Mrs Three") || !strings.Contains(refused[0], "minutes") {
			t.Fatalf("booked %d, refused %q", n, refused)
		}
		for entry, want := range map[int64]int64{e1.ID: a.ID, e2.ID: b.ID} {
			got, _ := svc.FindAdmittedEntry(as(booker), entry)
			if got.Case == nil || got.Case.SessionID != want {
				t.Errorf("entry %d case = %+v, want on session %d", entry, got.Case, want)
			}
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), e3.ID); got.Status != elective.AdmittedWaiting {
			t.Errorf("refused entry = %s", got.Status)
		}
		// A refused move leaves the patient on the old list.
		n, refused, _ = svc.AcceptPlan(as(senior), []elective.PlannedCase{{EntryID: e2.ID, SessionID: a.ID, FromSessionID: b.ID, Minutes: 500}})
		if got, _ := svc.FindAdmittedEntry(as(booker), e2.ID); n != 0 || len(refused) != 1 || got.Case == nil || got.Case.SessionID != b.ID {
			t.Errorf("refused move: booked %d refused %q, case %+v", n, refused, got.Case)
		}
		// A removal frees its time first: e2 comes off b (listed after the
		// add), and the 200-minute case then fits on b.
		n, refused, err = svc.AcceptPlan(as(senior), []elective.PlannedCase{
			{EntryID: e3.ID, SessionID: b.ID, Minutes: 200},
			{EntryID: e2.ID, FromSessionID: b.ID},
		})
		if err != nil || n != 1 || len(refused) != 0 {
			t.Errorf("removal then add: booked %d refused %q %v", n, refused, err)
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), e2.ID); got.Status != elective.AdmittedWaiting || got.Case != nil {
			t.Errorf("removed entry = %+v", got)
		}
		_, _, err = svc.AcceptPlan(as(booker), plan)
		wantCode(t, err, elective.EFORBIDDEN)
	})
}
