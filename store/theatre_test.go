package store_test

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// theatreSetup loads the fixture trust with two main theatres and an
// endoscopy room at site 1, one arthroscopy stack and ten elective beds.
func theatreSetup(t *testing.T, db *store.DB) {
	t.Helper()
	MustSetup(t, db)
	d := &elective.TheatreData{
		Theatres: []*elective.Theatre{
			{ID: 1, Code: "MTH1", Name: "Main theatre 1", SiteID: 1},
			{ID: 2, Code: "MTH2", Name: "Main theatre 2", SiteID: 1},
			{ID: 3, Code: "ENDO", Name: "Endoscopy room", SiteID: 1, Endoscopy: true},
		},
		Kit:  map[string]int{"arthroscopy stack": 1},
		Beds: map[int64]int{1: 10},
	}
	if err := store.NewLoader(db).LoadTheatreData(as(system), d); err != nil {
		t.Fatal(err)
	}
}

// listEntry lists fixture referral n's pathway for a knee arthroscopy
// under Mr Bone at priority p.
func listEntry(t *testing.T, db *store.DB, n int, p elective.SurgicalPriority, edit ...func(*elective.AdmittedListEntry)) *elective.AdmittedListEntry {
	t.Helper()
	ref := MustRegister(t, db, n, today.AddDays(-60))
	e := &elective.AdmittedListEntry{PathwayID: ref.PathwayID, SurgeonID: 1, ProcedureCode: "W852",
		ProcedureName: "Knee arthroscopy", Management: elective.DayCase, Priority: p, ExpectedMinutes: 60,
		Anaesthetic: elective.AnaestheticGeneral}
	for _, f := range edit {
		f(e)
	}
	if err := store.NewTheatreService(db).ListPatient(as(senior), e); err != nil {
		t.Fatal(err)
	}
	return e
}

// mustSession adds a GA list for Mr Bone in theatre 1 (or the theatre
// given) days from today.
func mustSession(t *testing.T, db *store.DB, days int, period elective.SessionPeriod, edit ...func(*elective.TheatreSession)) *elective.TheatreSession {
	t.Helper()
	s := &elective.TheatreSession{TheatreID: 1, SpecialtyID: 1, Date: today.AddDays(days), Period: period,
		StartMinute: 8 * 60, Minutes: 240, SurgeonID: 1, ListType: elective.ListGA}
	if period == elective.PeriodAfternoon {
		s.StartMinute = 13 * 60
	} else if period == elective.PeriodAllDay {
		s.Minutes = 480
	}
	for _, f := range edit {
		f(s)
	}
	if err := store.NewTheatreService(db).CreateTheatreSession(as(senior), s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTheatreListPatient(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		e := listEntry(t, db, 1, elective.P3, func(e *elective.AdmittedListEntry) { e.Kit = []string{"arthroscopy stack"} })
		svc := store.NewTheatreService(db)
		got, err := svc.FindAdmittedEntry(as(booker), e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != elective.AdmittedWaiting || got.ListedOn != today || got.SpecialtyID != 1 ||
			got.PatientName == "" || got.SurgeonName == "" || got.BreachDate.IsZero() || len(got.Kit) != 1 {
			t.Errorf("entry = %+v", got)
		}
		before := count(t, db, "admitted_entry")
		bad := &elective.AdmittedListEntry{PathwayID: e.PathwayID, SurgeonID: 1, Management: "overnight", Priority: "P9"}
		err = svc.ListPatient(as(senior), bad)
		wantCode(t, err, elective.EINVALID)
		if fs := elective.ErrorFields(err); len(fs) < 4 || fs[0].Field != "procedure_code" {
			t.Errorf("fields = %+v", fs)
		}
		wrongSurgeon := *e
		wrongSurgeon.ID, wrongSurgeon.SurgeonID = 0, 3 // a breast surgeon
		wantCode(t, svc.ListPatient(as(senior), &wrongSurgeon), elective.EINVALID)
		again := *e
		again.ID = 0
		wantCode(t, svc.ListPatient(as(senior), &again), elective.ECONFLICT)
		wantCode(t, svc.ListPatient(as(senior), &elective.AdmittedListEntry{PathwayID: 999}), elective.ENOTFOUND)
		wantCode(t, svc.ListPatient(as(booker), &wrongSurgeon), elective.EFORBIDDEN)
		if n := count(t, db, "admitted_entry"); n != before {
			t.Errorf("admitted entries = %d after refusals, want %d", n, before)
		}
	})
}

func TestTheatreEntryOrder(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		p4 := listEntry(t, db, 1, elective.P4, func(e *elective.AdmittedListEntry) { e.ListedOn = today.AddDays(-50) })
		p3 := listEntry(t, db, 2, elective.P3, func(e *elective.AdmittedListEntry) { e.ListedOn = today.AddDays(-80) })
		p2 := listEntry(t, db, 3, elective.P2)
		es, err := store.NewTheatreService(db).FindAdmittedEntries(as(booker), elective.AdmittedFilter{SpecialtyID: 1})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, e := range es {
			ids = append(ids, e.ID)
		}
		// P3 due in 11 days, P2 in 28, P4 has no limit.
		if want := []int64{p3.ID, p2.ID, p4.ID}; len(ids) != 3 || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] {
			t.Errorf("order = %v, want %v", ids, want)
		}
	})
}

func TestTheatrePreOp(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		e := listEntry(t, db, 1, elective.P3)
		svc := store.NewTheatreService(db)
		_, err := svc.BookPreOp(as(senior), e.ID, today.AddDays(-1))
		wantCode(t, err, elective.EINVALID)
		a, err := svc.BookPreOp(as(senior), e.ID, today)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.RecordPreOp(as(senior), a.ID, "maybe", ""); elective.ErrorCode(err) != elective.EINVALID {
			t.Errorf("unknown outcome: %v", err)
		}
		fit, err := svc.RecordPreOp(as(senior), a.ID, elective.PreOpFit, "ASA 1")
		if err != nil {
			t.Fatal(err)
		}
		if fit.ValidUntil != today.AddDays(84) || fit.AssessedOn != today {
			t.Errorf("fit = %+v, want valid 84 days", fit)
		}
		if _, err := db.SQL().Exec(db.Rebind(`UPDATE specialty SET poa_validity_days = 42 WHERE id = 1`)); err != nil {
			t.Fatal(err)
		}
		b, _ := svc.BookPreOp(as(senior), e.ID, today)
		fit2, err := svc.RecordPreOp(as(senior), b.ID, elective.PreOpFit, "")
		if err != nil || fit2.ValidUntil != today.AddDays(42) {
			t.Errorf("specialty validity: %+v %v", fit2, err)
		}
		got, _ := svc.FindAdmittedEntry(as(booker), e.ID)
		if got.POA == nil || got.POA.ID != b.ID || got.POA.Outcome != elective.PreOpFit {
			t.Errorf("latest POA = %+v", got.POA)
		}
	})
}

func TestTheatreCreateSession(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		am := mustSession(t, db, 21, elective.PeriodMorning)
		mustSession(t, db, 21, elective.PeriodAfternoon)
		allDay := &elective.TheatreSession{TheatreID: 1, SpecialtyID: 1, Date: am.Date, Period: elective.PeriodAllDay,
			StartMinute: 8 * 60, Minutes: 480, ListType: elective.ListGA}
		wantCode(t, svc.CreateTheatreSession(as(senior), allDay), elective.ECONFLICT)
		allDay.TheatreID = 2
		if err := svc.CreateTheatreSession(as(senior), allDay); err != nil {
			t.Fatal(err)
		}
		bad := &elective.TheatreSession{TheatreID: 9, SpecialtyID: 1, Date: today.AddDays(-1), Period: "night", Minutes: 0}
		err := svc.CreateTheatreSession(as(senior), bad)
		wantCode(t, err, elective.EINVALID)
		if n := len(elective.ErrorFields(err)); n < 4 {
			t.Errorf("fields = %+v", elective.ErrorFields(err))
		}
		ss, err := svc.FindTheatreSessions(as(booker), elective.TheatreSessionFilter{From: am.Date, To: am.Date})
		if err != nil || len(ss) != 3 || ss[0].TheatreName != "Main theatre 1" || ss[0].SurgeonName == "" {
			t.Fatalf("sessions = %+v, %v", ss, err)
		}
		if err := svc.ReleaseSession(as(senior), am.ID, "Surgeon on leave"); err != nil {
			t.Fatal(err)
		}
		got, _ := svc.FindTheatreSession(as(booker), am.ID)
		if got.Status != elective.SessionReleased || got.ReleasedReason != "Surgeon on leave" {
			t.Errorf("released = %+v", got)
		}
	})
}

func TestTheatreScheduleCase(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		s := mustSession(t, db, 21, elective.PeriodMorning)
		e := listEntry(t, db, 1, elective.P3)
		long := listEntry(t, db, 2, elective.P3, func(e *elective.AdmittedListEntry) { e.ExpectedMinutes = 300 })
		c, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e.ID})
		if err != nil {
			t.Fatal(err)
		}
		if c.Position != 1 || c.Minutes != 60 || c.TCI != s.Date {
			t.Errorf("case = %+v", c)
		}
		got, _ := svc.FindAdmittedEntry(as(booker), e.ID)
		if got.Status != elective.AdmittedScheduled || got.Case == nil || got.Case.ID != c.ID {
			t.Errorf("entry after scheduling = %+v", got)
		}
		cases := count(t, db, "theatre_case")
		_, err = svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: long.ID})
		wantCode(t, err, elective.EINVALID)
		if !strings.Contains(elective.ErrorMessage(err), "300 minutes") {
			t.Errorf("message = %q, want it to name the minutes", elective.ErrorMessage(err))
		}
		if count(t, db, "theatre_case") != cases {
			t.Error("a refused case was written")
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), long.ID); got.Status != elective.AdmittedWaiting {
			t.Errorf("refused entry status = %s", got.Status)
		}
		_, err = svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e.ID})
		wantCode(t, err, elective.ECONFLICT)
	})
}

func TestTheatreLockedList(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		s := mustSession(t, db, 7, elective.PeriodMorning) // inside the T-2 weeks lock
		e := listEntry(t, db, 1, elective.P2)
		req := elective.ScheduleCase{SessionID: s.ID, EntryID: e.ID}
		_, err := svc.ScheduleCase(as(manager), req)
		wantCode(t, err, elective.EFORBIDDEN)
		req.Override = "Urgent P2 patient, list has room"
		_, err = svc.ScheduleCase(as(senior), req)
		wantCode(t, err, elective.EFORBIDDEN)
		audits := count(t, db, "audit_event")
		c, err := svc.ScheduleCase(as(manager), req)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := store.NewAuditService(db).FindAuditEvents(as(admin), elective.AuditFilter{PatientID: e.PatientID})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, ev := range evs {
			found = found || (ev.Action == "theatre.override" && strings.Contains(ev.Detail, req.Override) && ev.Username == "manager")
		}
		if !found || count(t, db, "audit_event") < audits+2 {
			t.Errorf("no override audit event in %+v", evs)
		}
		wantCode(t, svc.UnscheduleCase(as(senior), c.ID, "Patient asked", ""), elective.EFORBIDDEN)
		if err := svc.UnscheduleCase(as(manager), c.ID, "Patient asked", "Patient request"); err != nil {
			t.Fatal(err)
		}
		if got, _ := svc.FindAdmittedEntry(as(booker), e.ID); got.Status != elective.AdmittedWaiting || got.Case != nil {
			t.Errorf("unscheduled entry = %+v", got)
		}
	})
}

// The hospital's one arthroscopy stack cannot be booked in two theatres
// at once: the second case is refused naming the kit, and nothing changes.
func TestTheatreSharedKit(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		stack := func(e *elective.AdmittedListEntry) { e.Kit = []string{"Arthroscopy stack"} }
		one := mustSession(t, db, 21, elective.PeriodMorning, func(s *elective.TheatreSession) { s.Kit = []string{"arthroscopy stack"} })
		two := mustSession(t, db, 21, elective.PeriodMorning, func(s *elective.TheatreSession) {
			s.TheatreID, s.Kit = 2, []string{"arthroscopy stack"}
		})
		a, b := listEntry(t, db, 1, elective.P3, stack), listEntry(t, db, 2, elective.P3, stack)
		if _, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: one.ID, EntryID: a.ID}); err != nil {
			t.Fatal(err)
		}
		cases := count(t, db, "theatre_case")
		_, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: two.ID, EntryID: b.ID})
		wantCode(t, err, elective.EINVALID)
		if !strings.Contains(elective.ErrorMessage(err), "Arthroscopy stack would be needed by 2 lists") {
			t.Errorf("message = %q", elective.ErrorMessage(err))
		}
		if count(t, db, "theatre_case") != cases {
			t.Error("a refused case was booked")
		}
		if _, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: one.ID, EntryID: b.ID}); err != nil {
			t.Errorf("the same list can use its stack twice: %v", err)
		}
	})
}
