package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// admitCase books fixture referral n's entry on a list and moves the list
// to today, as if the day of surgery had come.
func admitCase(t *testing.T, db *store.DB, n int) (*elective.AdmittedListEntry, *elective.TheatreCase) {
	t.Helper()
	svc := store.NewTheatreService(db)
	s := mustSession(t, db, 21+n, elective.PeriodMorning)
	e := listEntry(t, db, n, elective.P3)
	c, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(db.Rebind(`UPDATE theatre_session SET session_date = ? WHERE id = ?`), today.String(), s.ID); err != nil {
		t.Fatal(err)
	}
	return e, c
}

// A treated admission stops the RTT clock on the date of admission (rules.md
// 1.3.3): the pathway leaves the PTL, the case is done, the entry treated
// and the minutes teach the duration estimate.
func TestTheatreRecordAdmission(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		e, c := admitCase(t, db, 1)
		if ptlEntry(t, db, e.PathwayID) == nil {
			t.Fatal("the pathway is not on the PTL before admission")
		}
		past := &elective.TheatreData{History: []elective.DurationSample{
			{SurgeonID: 1, ProcedureCode: "W852", On: today.AddDays(-30), Minutes: 70},
			{SurgeonID: 1, ProcedureCode: "W852", On: today.AddDays(-20), Minutes: 80},
		}}
		if err := store.NewLoader(db).LoadTheatreData(as(system), past); err != nil {
			t.Fatal(err)
		}
		before, _ := svc.EstimateDuration(as(booker), 1, "W852", 60)
		err := svc.RecordAdmission(as(senior), elective.CaseAdmission{CaseID: c.ID, AdmittedOn: today, ActualMinutes: 75, Treated: true})
		if err != nil {
			t.Fatal(err)
		}
		if ptlEntry(t, db, e.PathwayID) != nil {
			t.Error("the pathway is still on the PTL after a treated admission")
		}
		p, err := store.NewPathwayService(db).FindPathwayByID(as(booker), e.PathwayID)
		if err != nil {
			t.Fatal(err)
		}
		last := p.Events[len(p.Events)-1]
		if last.Kind != elective.EventAdmitted || !last.Treated || last.Purpose != elective.AdmitForTreatment || last.Date != today {
			t.Errorf("last event = %+v", last)
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), e.ID); got.Status != elective.AdmittedTreated || got.Case != nil {
			t.Errorf("entry after admission = %+v", got)
		}
		after, _ := svc.EstimateDuration(as(booker), 1, "W852", 60)
		if before.Samples != 0 || after.Samples != 3 || after.Minutes != 75 {
			t.Errorf("estimate %+v -> %+v, want the third sample (75) to make a median of 75", before, after)
		}
		var status string
		var actual int
		if err := db.SQL().QueryRow(db.Rebind(`SELECT status, actual_minutes FROM theatre_case WHERE id = ?`), c.ID).Scan(&status, &actual); err != nil ||
			status != string(elective.CaseDone) || actual != 75 {
			t.Errorf("case = %s %d, %v", status, actual, err)
		}
		again := elective.CaseAdmission{CaseID: c.ID, AdmittedOn: today, ActualMinutes: 75, Treated: true}
		wantCode(t, svc.RecordAdmission(as(senior), again), elective.ECONFLICT)
		wantCode(t, svc.RecordAdmission(as(booker), again), elective.EFORBIDDEN)
		again.CaseID = 9999
		wantCode(t, svc.RecordAdmission(as(senior), again), elective.ENOTFOUND)
	})
}

// Admitted but the procedure not performed does not stop the clock (rules.md
// 1.3.4): the pathway stays on the PTL and the patient waits again.
func TestTheatreAdmissionNotTreated(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		e, c := admitCase(t, db, 1)
		history := count(t, db, "theatre_case_history")
		if err := svc.RecordAdmission(as(senior), elective.CaseAdmission{CaseID: c.ID, AdmittedOn: today, Note: "Unwell on the ward"}); err != nil {
			t.Fatal(err)
		}
		if ptlEntry(t, db, e.PathwayID) == nil {
			t.Error("the clock stopped on an admission without the procedure")
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), e.ID); got.Status != elective.AdmittedWaiting || got.Case != nil {
			t.Errorf("entry = %+v, want waiting again", got)
		}
		if n := count(t, db, "theatre_case_history"); n != history {
			t.Errorf("history %d -> %d: no minutes when not performed", history, n)
		}
		ts, err := svc.FindTheatreSession(as(senior), c.SessionID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ts.Cases {
			if x.ID == c.ID && !x.NotPerformed {
				t.Errorf("case = %+v, want not performed (its minutes count for no utilisation)", x)
			}
		}
	})
}

// Bad input is EINVALID naming the field, and changes nothing.
func TestTheatreAdmissionRefused(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		e, c := admitCase(t, db, 1)
		events, history := count(t, db, "pathway_event"), count(t, db, "theatre_case_history")
		for _, a := range []elective.CaseAdmission{
			{CaseID: c.ID, AdmittedOn: today.AddDays(1), ActualMinutes: 60, Treated: true},
			{CaseID: c.ID, AdmittedOn: today.AddDays(-2), ActualMinutes: 60, Treated: true},
			{CaseID: c.ID, AdmittedOn: today, ActualMinutes: 0, Treated: true},
			{CaseID: c.ID, AdmittedOn: today, ActualMinutes: 2000, Treated: true},
		} {
			err := svc.RecordAdmission(as(senior), a)
			wantCode(t, err, elective.EINVALID)
			if len(elective.ErrorFields(err)) != 1 {
				t.Errorf("%+v: fields %+v", a, elective.ErrorFields(err))
			}
		}
		if count(t, db, "pathway_event") != events || count(t, db, "theatre_case_history") != history {
			t.Error("a refused admission wrote something")
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), e.ID); got.Status != elective.AdmittedScheduled || got.Case == nil || got.Case.ID != c.ID {
			t.Errorf("entry after refusals = %+v", got)
		}
	})
}
