package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
	"github.com/openelective/elective/store"
)

// templatedTheatreData is a trust's theatres as a bulk load brings them
// (the data's own ids): Mr Bone's Monday morning in theatre 1 on
// alternate weeks with a colleague's list in the other fortnight, a
// weekly Friday all-day list in theatre 2 closed one Friday for
// maintenance, the lists those templates make for the six weeks from
// today (Monday 23 November 2026) and one one-off list.
func templatedTheatreData() (*elective.TheatreData, elective.Date) {
	mk := func(id, theatre int64, wd time.Weekday, period elective.SessionPeriod, minutes, every int, from elective.Date) *elective.TheatreTemplate {
		return &elective.TheatreTemplate{ID: id, TheatreID: theatre, SpecialtyID: 1, SurgeonID: 1, Weekday: wd, Period: period,
			StartMinute: 8*60 + 30, Minutes: minutes, ListType: elective.ListGA, Kit: []string{"arthroscopy stack"}, Every: every,
			EffectiveFrom: from}
	}
	first := mk(11, 7, time.Monday, elective.PeriodMorning, 240, 2, today.AddDays(-7*26))
	second := mk(12, 7, time.Monday, elective.PeriodMorning, 240, 2, today.AddDays(-7*25))
	second.ListType = elective.ListLA
	friday := mk(13, 8, time.Friday, elective.PeriodAllDay, 480, 1, today.AddDays(-7))
	friday.Exceptions = []elective.TemplateException{{Date: elective.MustParseDate("2026-12-04"), Reason: "Theatre maintenance"}}
	d := &elective.TheatreData{
		Theatres: []*elective.Theatre{{ID: 7, Code: "MTH1", Name: "Main theatre 1", SiteID: 1},
			{ID: 8, Code: "MTH2", Name: "Main theatre 2", SiteID: 1}},
		Templates: []*elective.TheatreTemplate{first, second, friday},
	}
	last := today.AddDays(6*7 - 1)
	for _, tp := range d.Templates {
		for _, o := range calendar.TheatreScheduleOf(tp).Sessions(today, last) {
			s := tp.Session(o.Date)
			s.ID = int64(100 + len(d.Sessions))
			d.Sessions = append(d.Sessions, s)
		}
	}
	oneOff := &elective.TheatreSession{ID: 99, TheatreID: 8, SpecialtyID: 1, Date: today.AddDays(2), Period: elective.PeriodMorning,
		StartMinute: 8*60 + 30, Minutes: 240, SurgeonID: 1, ListType: elective.ListGA}
	d.Sessions = append(d.Sessions, oneOff)
	return d, last
}

// TestLoadTheatreDataTemplates: the bulk load brings a trust's theatre
// templates, their closures and the lists made from them, each list
// naming its template; making the templates' lists again adds none for
// the weeks loaded and only the later weeks beyond them (Boxing Day's
// substitute and New Year's Day skipped, rules.md 3.6); rows added one
// at a time afterwards take new ids; a list naming a template the data
// lacks fails the load and loads nothing.
func TestLoadTheatreDataTemplates(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		d, last := templatedTheatreData()
		// 23 Nov, 7 and 21 Dec; 30 Nov and 14 Dec (28 Dec is Boxing Day's
		// substitute); Fridays 27 Nov, 11 and 18 Dec (4 Dec closed, 25 Dec
		// and 1 Jan bank holidays); and the one-off.
		if len(d.Sessions) != 9 {
			t.Fatalf("fixture makes %d lists, want 8 from templates and a one-off", len(d.Sessions))
		}
		local := map[*elective.TheatreSession]int{} // session -> index of its template, -1 for the one-off
		for _, s := range d.Sessions {
			local[s] = -1
			for i, tp := range d.Templates {
				if s.TemplateID == tp.ID {
					local[s] = i
				}
			}
		}
		if err := store.NewLoader(db).LoadTheatreData(as(system), d); err != nil {
			t.Fatal(err)
		}
		if n, x := count(t, db, "theatre_template"), count(t, db, "theatre_template_exception"); n != 3 || x != 1 {
			t.Fatalf("templates %d, exceptions %d; want 3 and 1", n, x)
		}
		theatres := store.NewTheatreService(db)
		got, err := theatres.FindTheatreSessions(as(booker), elective.TheatreSessionFilter{From: today, To: last})
		if err != nil || len(got) != len(d.Sessions) {
			t.Fatalf("read back %d lists, %v; want %d", len(got), err, len(d.Sessions))
		}
		byID := map[int64]*elective.TheatreSession{}
		for _, s := range got {
			byID[s.ID] = s
		}
		for _, s := range d.Sessions {
			want := int64(0)
			if i := local[s]; i >= 0 {
				want = d.Templates[i].ID
			}
			if r := byID[s.ID]; r == nil || r.TemplateID != want || r.TheatreID != d.Theatres[0].ID && r.TheatreID != d.Theatres[1].ID {
				t.Errorf("list %+v read back as %+v, want template %d", s, r, want)
			}
		}
		tpl, err := store.NewTheatreTemplateService(db).FindTheatreTemplate(as(booker), d.Templates[2].ID)
		if err != nil || len(tpl.Exceptions) != 1 || tpl.TheatreName != "Main theatre 2" || tpl.Every != 1 {
			t.Fatalf("Friday template = %+v, %v", tpl, err)
		}
		svc := store.NewTheatreTemplateService(db)
		if n, err := svc.GenerateTheatreSessions(as(senior), today, last); err != nil || n != 0 {
			t.Errorf("making the loaded weeks again made %d, %v; want none", n, err)
		}
		// 4 Jan (first fortnight), 11 Jan (second), Fridays 8 and 15 Jan.
		if n, err := svc.GenerateTheatreSessions(as(senior), today, last.AddDays(14)); err != nil || n != 4 {
			t.Errorf("two weeks further made %d, %v; want 4", n, err)
		}
		extra := &elective.TheatreSession{TheatreID: d.Theatres[0].ID, SpecialtyID: 1, Date: today.AddDays(1),
			Period: elective.PeriodMorning, StartMinute: 8 * 60, Minutes: 240, SurgeonID: 1, ListType: elective.ListGA}
		if err := theatres.CreateTheatreSession(as(senior), extra); err != nil || extra.ID <= d.Sessions[len(d.Sessions)-1].ID {
			t.Errorf("a list added after the load: id %d, %v", extra.ID, err)
		}
		tuesday := &elective.TheatreTemplate{TheatreID: d.Theatres[0].ID, SpecialtyID: 1, SurgeonID: 1, Weekday: time.Tuesday,
			Period: elective.PeriodAfternoon, StartMinute: 13 * 60, Minutes: 240, ListType: elective.ListGA, Every: 1, EffectiveFrom: today}
		if err := svc.CreateTheatreTemplate(as(senior), tuesday); err != nil || tuesday.ID <= d.Templates[2].ID {
			t.Errorf("a template added after the load: id %d, %v", tuesday.ID, err)
		}

		bad, _ := templatedTheatreData()
		bad.Theatres = []*elective.Theatre{{ID: 7, Code: "MTH9", Name: "Main theatre 9", SiteID: 1}}
		bad.Templates, bad.Sessions = bad.Templates[:1], bad.Sessions[:1]
		bad.Sessions[0].TemplateID = 42
		wantCode(t, store.NewLoader(db).LoadTheatreData(as(system), bad), elective.EINVALID)
		if n, th := count(t, db, "theatre_template"), count(t, db, "theatre"); n != 4 || th != 2 {
			t.Errorf("after a failed load: %d templates, %d theatres; want 4 and 2", n, th)
		}
	})
}
