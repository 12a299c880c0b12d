package store_test

import (
	"sync"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// Two bookers put the same patient on two lists at once: exactly one wins,
// and the patient has one booked case.
func TestTheatreConcurrentSchedule(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		a := mustSession(t, db, 21, elective.PeriodMorning)
		b := mustSession(t, db, 21, elective.PeriodMorning, func(s *elective.TheatreSession) { s.TheatreID = 2 })
		e := listEntry(t, db, 1, elective.P3)
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for i, s := range []*elective.TheatreSession{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e.ID})
			}()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			if err == nil {
				won++
			} else if code := elective.ErrorCode(err); code != elective.ECONFLICT && code != elective.EINVALID {
				t.Errorf("loser's error = %v, want a conflict", err)
			}
		}
		if won != 1 {
			t.Fatalf("%d bookings won (%v), want exactly 1", won, errs)
		}
		var booked int
		if err := db.SQL().QueryRow(db.Rebind(`SELECT COUNT(*) FROM theatre_case WHERE entry_id = ? AND status = 'booked'`), e.ID).Scan(&booked); err != nil || booked != 1 {
			t.Errorf("booked cases = %d, %v", booked, err)
		}
	})
}

// A list cancelled on the day for a non-clinical reason gives the 28-day
// guarantee from the planned date; the rebooking records the new date. The
// RTT clock is not touched.
func TestTheatreCancelOnTheDay(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		s := mustSession(t, db, 21, elective.PeriodMorning)
		later := mustSession(t, db, 35, elective.PeriodMorning)
		e := listEntry(t, db, 1, elective.P3)
		c, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e.ID})
		if err != nil {
			t.Fatal(err)
		}
		events := count(t, db, "pathway_event")
		op, err := svc.CancelCase(as(senior), elective.CancelCase{CaseID: c.ID, Reason: elective.CancelNoWardBed, OnTheDay: true})
		if err != nil {
			t.Fatal(err)
		}
		if !op.LastMinute || !op.Guaranteed || op.RebookBy != s.Date.AddDays(28) {
			t.Errorf("cancelled = %+v, want guaranteed by %s", op, s.Date.AddDays(28))
		}
		if n := count(t, db, "pathway_event"); n != events {
			t.Errorf("pathway events %d -> %d: the clock must not be touched", events, n)
		}
		got, _ := svc.FindAdmittedEntry(as(booker), e.ID)
		if got.Status != elective.AdmittedWaiting || got.Case != nil {
			t.Errorf("entry after cancellation = %+v", got)
		}
		if _, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: later.ID, EntryID: e.ID, RebookOf: op.ID}); err != nil {
			t.Fatal(err)
		}
		ops, err := svc.FindCancelledOperations(as(booker), today, today.AddDays(60))
		if err != nil || len(ops) != 1 {
			t.Fatalf("cancelled operations = %+v, %v", ops, err)
		}
		if ops[0].NewDate != later.Date || ops[0].NewCaseID == 0 || ops[0].Postponed || ops[0].PatientName == "" {
			t.Errorf("rebooked = %+v", ops[0])
		}
	})
}

func TestTheatreCancelClinicalAndPostponed(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		s := mustSession(t, db, 21, elective.PeriodMorning)
		next := mustSession(t, db, 22, elective.PeriodMorning)
		e1 := listEntry(t, db, 1, elective.P3)
		e2 := listEntry(t, db, 2, elective.P3)
		c1, _ := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e1.ID})
		c2, _ := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e2.ID})
		op, err := svc.CancelCase(as(senior), elective.CancelCase{CaseID: c1.ID, Reason: elective.CancelPatientUnwell, OnTheDay: true})
		if err != nil || !op.LastMinute || op.Guaranteed || !op.RebookBy.IsZero() {
			t.Errorf("clinical cancellation = %+v, %v", op, err)
		}
		got, _ := svc.FindTheatreSession(as(booker), s.ID)
		if b := bookedOf(got); len(b) != 1 || b[0].ID != c2.ID || b[0].Position != 1 {
			t.Errorf("list after cancellation = %+v", b)
		}
		op2, err := svc.CancelCase(as(senior), elective.CancelCase{CaseID: c2.ID, Reason: elective.CancelListOverran, OnTheDay: true})
		if err != nil {
			t.Fatal(err)
		}
		c3, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: next.ID, EntryID: e2.ID, RebookOf: op2.ID})
		if err != nil {
			t.Fatal(err)
		}
		ops, _ := svc.FindCancelledOperations(as(booker), today, today.AddDays(60))
		for _, o := range ops {
			if o.ID == op2.ID && !o.Postponed {
				t.Errorf("rebooked 24 hours later = %+v, want a postponement", o)
			}
		}
		_, err = svc.CancelCase(as(senior), elective.CancelCase{CaseID: c2.ID, Reason: "bored"})
		wantCode(t, err, elective.EINVALID)
		op3, err := svc.CancelCase(as(senior), elective.CancelCase{CaseID: c3.ID, Reason: elective.CancelNotRequired, OnTheDay: false})
		if err != nil || op3.LastMinute {
			t.Fatalf("not required: %+v %v", op3, err)
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), e2.ID); got.Status != elective.AdmittedRemoved || got.RemovedReason == "" {
			t.Errorf("entry no longer needing treatment = %+v", got)
		}
	})
}

// bookedOf is a session's booked cases.
func bookedOf(s *elective.TheatreSession) []*elective.TheatreCase {
	var out []*elective.TheatreCase
	for _, c := range s.Cases {
		if c.Status == elective.CaseBooked {
			out = append(out, c)
		}
	}
	return out
}
