package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// mondayList is Mr Bone's weekly Monday morning GA list in theatre 1 from
// today (Monday 23 November 2026).
func mondayList(edit ...func(*elective.TheatreTemplate)) *elective.TheatreTemplate {
	t := &elective.TheatreTemplate{TheatreID: 1, SpecialtyID: 1, SurgeonID: 1, Anaesthetist: "Dr Gas", Weekday: time.Monday,
		Period: elective.PeriodMorning, StartMinute: 8 * 60, Minutes: 240, ListType: elective.ListGA,
		Kit: []string{"arthroscopy stack"}, Every: 1, EffectiveFrom: today}
	for _, f := range edit {
		f(t)
	}
	return t
}

// A template clashes with another of its theatre at the same time on a
// date both run; an afternoon list, or alternate weeks, do not.
func TestTheatreTemplateCreate(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreTemplateService(db)
		if err := svc.CreateTheatreTemplate(as(senior), mondayList()); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.CreateTheatreTemplate(as(senior), mondayList()), elective.ECONFLICT)
		allDay := mondayList(func(tt *elective.TheatreTemplate) { tt.Period, tt.Minutes = elective.PeriodAllDay, 480 })
		wantCode(t, svc.CreateTheatreTemplate(as(senior), allDay), elective.ECONFLICT)
		pm := mondayList(func(tt *elective.TheatreTemplate) { tt.Period, tt.StartMinute = elective.PeriodAfternoon, 13*60 })
		if err := svc.CreateTheatreTemplate(as(senior), pm); err != nil {
			t.Fatal(err)
		}
		odd := mondayList(func(tt *elective.TheatreTemplate) { tt.TheatreID, tt.Every = 2, 2 })
		even := mondayList(func(tt *elective.TheatreTemplate) { tt.TheatreID, tt.Every, tt.EffectiveFrom = 2, 2, today.AddDays(7) })
		if err := svc.CreateTheatreTemplate(as(senior), odd); err != nil {
			t.Fatal(err)
		}
		if err := svc.CreateTheatreTemplate(as(senior), even); err != nil {
			t.Fatalf("alternate weeks: %v", err)
		}
		ended := mondayList(func(tt *elective.TheatreTemplate) { tt.EffectiveTo = today.AddDays(-1) })
		wantCode(t, svc.CreateTheatreTemplate(as(senior), ended), elective.EINVALID)
		bad := &elective.TheatreTemplate{TheatreID: 9, SpecialtyID: 1, Weekday: 9, Period: "night", Every: 12}
		err := svc.CreateTheatreTemplate(as(senior), bad)
		wantCode(t, err, elective.EINVALID)
		if n := len(elective.ErrorFields(err)); n < 5 {
			t.Errorf("fields = %+v", elective.ErrorFields(err))
		}
		wrong := mondayList(func(tt *elective.TheatreTemplate) { tt.Weekday, tt.SurgeonID = time.Tuesday, 3 })
		wantCode(t, svc.CreateTheatreTemplate(as(senior), wrong), elective.EINVALID)
		wantCode(t, svc.CreateTheatreTemplate(as(booker), mondayList(func(tt *elective.TheatreTemplate) { tt.Weekday = time.Friday })), elective.EFORBIDDEN)
		ts, err := svc.FindTheatreTemplates(as(booker))
		if err != nil || len(ts) != 4 {
			t.Fatalf("templates = %d, %v", len(ts), err)
		}
		if got := ts[0]; got.TheatreName != "Main theatre 1" || got.SurgeonName == "" || got.Weekday != time.Monday ||
			got.Period != elective.PeriodMorning || len(got.Kit) != 1 || got.EffectiveFrom != today || !got.EffectiveTo.IsZero() {
			t.Errorf("first template = %+v", got)
		}
	})
}

// Generating makes a session for each Monday of the six weeks but the
// Boxing Day holiday (28 December 2026) and the Monday the theatre already
// has a one-off list; again, it makes nothing.
func TestTheatreTemplateGenerate(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreTemplateService(db)
		tpl := mondayList()
		if err := svc.CreateTheatreTemplate(as(senior), tpl); err != nil {
			t.Fatal(err)
		}
		oneOff := mustSession(t, db, 14, elective.PeriodAllDay) // 7 December
		to := today.AddDays(42)                                 // 4 January 2027
		n, err := svc.GenerateTheatreSessions(as(senior), today.AddDays(-30), to)
		if err != nil || n != 5 {
			t.Fatalf("made %d, %v; want 5 (23, 30 Nov, 14, 21 Dec, 4 Jan)", n, err)
		}
		if n, err := svc.GenerateTheatreSessions(as(senior), today, to); err != nil || n != 0 {
			t.Errorf("again: made %d, %v; want 0", n, err)
		}
		ss, err := store.NewTheatreService(db).FindTheatreSessions(as(booker), elective.TheatreSessionFilter{From: today, To: to, TheatreID: 1})
		if err != nil {
			t.Fatal(err)
		}
		var dates []string
		for _, s := range ss {
			dates = append(dates, s.Date.String())
			if s.ID != oneOff.ID && (s.SurgeonID != 1 || s.Anaesthetist != "Dr Gas" || s.ListType != elective.ListGA ||
				len(s.Kit) != 1 || s.Minutes != 240 || s.Status != elective.SessionPlanned) {
				t.Errorf("generated session = %+v", s)
			}
		}
		want := []string{"2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2027-01-04"}
		if len(dates) != len(want) {
			t.Fatalf("dates = %v, want %v", dates, want)
		}
		for i := range want {
			if dates[i] != want[i] {
				t.Errorf("dates = %v, want %v", dates, want)
				break
			}
		}
		var linked int
		if err := db.SQL().QueryRow(db.Rebind(`SELECT COUNT(*) FROM theatre_session WHERE template_id = ?`), tpl.ID).Scan(&linked); err != nil || linked != 5 {
			t.Errorf("sessions naming the template = %d, %v", linked, err)
		}
		_, err = svc.GenerateTheatreSessions(as(booker), today, to)
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// A closed date releases that day's list and is skipped when sessions are
// made again; ending the template releases its later lists, refusing (and
// changing nothing) while a later list has a patient booked.
func TestTheatreTemplateEndAndException(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc, theatres := store.NewTheatreTemplateService(db), store.NewTheatreService(db)
		tpl := mondayList()
		if err := svc.CreateTheatreTemplate(as(senior), tpl); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.GenerateTheatreSessions(as(senior), today, today.AddDays(8*7)); err != nil {
			t.Fatal(err)
		}
		closed := elective.TemplateException{Date: today.AddDays(14), Reason: "Training day"}
		n, err := svc.AddTheatreTemplateException(as(senior), tpl.ID, closed)
		if err != nil || n != 1 {
			t.Fatalf("closed date: released %d, %v", n, err)
		}
		wantCode2 := func(e elective.TemplateException) {
			t.Helper()
			_, err := svc.AddTheatreTemplateException(as(senior), tpl.ID, e)
			wantCode(t, err, elective.EINVALID)
		}
		wantCode2(closed)                                                                 // twice
		wantCode2(elective.TemplateException{Date: today.AddDays(15), Reason: "Tuesday"}) // not a Monday
		wantCode2(elective.TemplateException{Date: today.AddDays(21)})                    // no reason
		if made, err := svc.GenerateTheatreSessions(as(senior), today, today.AddDays(8*7)); err != nil || made != 0 {
			t.Errorf("made again %d, %v", made, err)
		}
		// Book a patient four weeks on; ending after two weeks is refused.
		var later *elective.TheatreSession
		ss, err := theatres.FindTheatreSessions(as(senior), elective.TheatreSessionFilter{From: today.AddDays(28), To: today.AddDays(28)})
		if err != nil || len(ss) != 1 {
			t.Fatalf("sessions = %v, %v", ss, err)
		}
		later = ss[0]
		e := listEntry(t, db, 1, elective.P3)
		if _, err := theatres.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: later.ID, EntryID: e.ID}); err != nil {
			t.Fatal(err)
		}
		_, err = svc.EndTheatreTemplate(as(senior), tpl.ID, today.AddDays(7), "Surgeon retires")
		wantCode(t, err, elective.ECONFLICT)
		if ts, _ := svc.FindTheatreTemplates(as(senior)); !ts[0].EffectiveTo.IsZero() {
			t.Errorf("a refused end changed the template: %+v", ts[0])
		}
		_, err = svc.EndTheatreTemplate(as(senior), tpl.ID, today.AddDays(7), "")
		wantCode(t, err, elective.EINVALID)
		n, err = svc.EndTheatreTemplate(as(senior), tpl.ID, today.AddDays(28), "Surgeon retires")
		if err != nil || n < 3 {
			t.Fatalf("end: released %d, %v", n, err)
		}
		after, _ := theatres.FindTheatreSessions(as(senior), elective.TheatreSessionFilter{From: today.AddDays(29), To: today.AddDays(8 * 7)})
		for _, s := range after {
			if s.Status != elective.SessionReleased || s.ReleasedReason != "Surgeon retires" {
				t.Errorf("after the end: %s %s", s.Date, s.Status)
			}
		}
		if len(after) != n {
			t.Errorf("released %d of %d later lists", n, len(after))
		}
		ts, _ := svc.FindTheatreTemplates(as(senior))
		if ts[0].EffectiveTo != today.AddDays(28) || len(ts[0].Exceptions) != 1 || ts[0].Exceptions[0].Reason != "Training day" {
			t.Errorf("template = %+v", ts[0])
		}
	})
}
