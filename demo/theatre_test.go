package demo

import (
	"reflect"
	"slices"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// waitingFixture is a few hundred admitted pathways across the surgical
// specialties, with two consultants each.
func waitingFixture(today elective.Date) []AdmittedPathway {
	var out []AdmittedPathway
	for i := range 600 {
		sp := int64(i%len(specialties) + 1)
		out = append(out, AdmittedPathway{PathwayID: int64(i + 1), PatientID: int64(i + 1), SpecialtyID: sp,
			ClinicianID: sp*10 + int64(i%2), ClockStart: today.AddDays(-20 - i%200), BreachDate: today.AddDays(106 - i%200)})
	}
	return out
}

func TestTheatresDeterministicAndConsistent(t *testing.T) {
	today := elective.MustParseDate("2026-12-03")
	cfg := Config{Seed: 7, Today: today}
	a, err := Theatres(cfg, waitingFixture(today))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Theatres(cfg, waitingFixture(today))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed built different theatre data")
	}
	if len(a.Theatres) != mainTheatres+1 || len(a.Sessions) == 0 || len(a.Entries) != 600 || len(a.Cases) == 0 || len(a.History) == 0 {
		t.Fatalf("theatres %d sessions %d entries %d cases %d history %d", len(a.Theatres), len(a.Sessions),
			len(a.Entries), len(a.Cases), len(a.History))
	}
	sessions := map[int64]*elective.TheatreSession{}
	for _, s := range a.Sessions {
		sessions[s.ID] = s
		if s.Date.Before(today) {
			t.Errorf("session %d is in the past", s.ID)
		}
	}
	entries := map[int64]*elective.AdmittedListEntry{}
	for _, e := range a.Entries {
		entries[e.ID] = e
	}
	booked, used := map[int64]bool{}, map[int64]int{}
	for _, c := range a.Cases {
		s, e := sessions[c.SessionID], entries[c.EntryID]
		if booked[c.EntryID] {
			t.Errorf("entry %d booked twice", c.EntryID)
		}
		booked[c.EntryID] = true
		used[s.ID] += c.Minutes
		if s.SurgeonID != e.SurgeonID || !fitsDemoList(s, e) || s.Status == elective.SessionReleased {
			t.Errorf("case %d does not fit session %+v", c.ID, s)
		}
	}
	for id, m := range used {
		if m > sessions[id].Minutes {
			t.Errorf("session %d booked %d of %d minutes", id, m, sessions[id].Minutes)
		}
	}
}

// TestTheatreTemplatesMakeTheLists: the demo's lists are those its
// theatre templates make, by the store's calendar (no list on Christmas
// Day, Boxing Day's substitute or New Year's Day), so that making them
// again in the running system adds none; each list is its template's
// session with its own 6-4-2 standing (rules.md 3.6); the job plan runs
// from a date before today, its main theatre lists fortnightly, and no two
// templates of a theatre hold it at once.
func TestTheatreTemplatesMakeTheLists(t *testing.T) {
	today := elective.MustParseDate("2026-12-03")
	d, err := Theatres(Config{Seed: 7, Today: today}, waitingFixture(today))
	if err != nil {
		t.Fatal(err)
	}
	templates := map[int64]*elective.TheatreTemplate{}
	for _, tp := range d.Templates {
		templates[tp.ID] = tp
		if err := tp.Validate(); err != nil || !tp.EffectiveFrom.Before(today) {
			t.Errorf("template %+v: %v", tp, err)
		}
	}
	last := elective.MustParseDate("2026-11-30").AddDays(7*theatreWeeks - 1)
	made := map[int64]map[elective.Date]bool{}
	for _, s := range d.Sessions {
		tp := templates[s.TemplateID]
		if tp == nil {
			t.Fatalf("list %+v has no template", s)
		}
		if made[tp.ID] == nil {
			made[tp.ID] = map[elective.Date]bool{}
		}
		made[tp.ID][s.Date] = true
		want := tp.Session(s.Date)
		want.ID, want.Status, want.SurgeonConfirmed, want.ReleasedReason = s.ID, s.Status, s.SurgeonConfirmed, s.ReleasedReason
		want.Anaesthetist, want.AnaesthetistConfirmed, want.Cases = s.Anaesthetist, s.AnaesthetistConfirmed, s.Cases
		if !reflect.DeepEqual(s, want) {
			t.Errorf("list %+v is not its template's %+v", s, want)
		}
		checkStanding(t, s, today)
	}
	fortnights := 0
	for _, tp := range d.Templates {
		occ := calendar.TheatreScheduleOf(tp).Sessions(today, last)
		if len(occ) != len(made[tp.ID]) {
			t.Errorf("template %d makes %d lists to %s, the demo has %d", tp.ID, len(occ), last, len(made[tp.ID]))
		}
		for _, o := range occ {
			if !made[tp.ID][o.Date] {
				t.Errorf("template %d has no list on %s", tp.ID, o.Date)
			}
		}
		if tp.Every == 2 {
			fortnights++
		}
		for _, o := range d.Templates {
			if o.ID > tp.ID && tp.Overlaps(o) && len(calendar.Overlaps(calendar.TheatreScheduleOf(tp), calendar.TheatreScheduleOf(o), today, today.AddDays(365))) > 0 {
				t.Errorf("templates %d and %d hold theatre %d at once", tp.ID, o.ID, tp.TheatreID)
			}
		}
	}
	if fortnights == 0 {
		t.Error("no fortnightly templates")
	}
	for _, s := range d.Sessions {
		if name, ok := calendar.BankHoliday(s.Date); ok {
			t.Errorf("list %d on %s (%s)", s.ID, s.Date, name)
		}
	}
}

// checkStanding checks a list's 6-4-2 standing as of today: locked inside
// two weeks, staffed inside six, and beyond six unconfirmed, planned or
// released for leave.
func checkStanding(t *testing.T, s *elective.TheatreSession, today elective.Date) {
	t.Helper()
	days := s.Date.DaysSince(today)
	switch {
	case days < 14 && s.Status != elective.SessionLocked,
		days < 42 && (!s.SurgeonConfirmed || s.ListType == elective.ListGA && !s.AnaesthetistConfirmed),
		days >= 14 && s.Status == elective.SessionLocked,
		days >= 42 && (s.SurgeonConfirmed || s.Anaesthetist != ""),
		s.Status == elective.SessionReleased && (days < 42 || s.ReleasedReason == ""):
		t.Errorf("list %d in %d days: %+v", s.ID, days, s)
	}
}

// TestEndoscopyRota: the endoscopy room's sessions move on ten places
// round the endoscopists each week, so its templates repeat every as many
// weeks as the rota takes to come round: weekly when it comes straight
// back, every two or three weeks, and fortnightly (the nearest a template
// can hold) for a rota longer than eight weeks.
func TestEndoscopyRota(t *testing.T) {
	today := elective.MustParseDate("2027-06-01")
	endo := int64(slices.IndexFunc(specialties, func(s specialty) bool { return s.code == "301" }) + 1)
	for _, tt := range []struct{ endoscopists, every int }{{1, 1}, {2, 1}, {3, 3}, {4, 2}, {5, 1}, {6, 3}, {11, 2}} {
		waiting := []AdmittedPathway{{PathwayID: 1, PatientID: 1, SpecialtyID: 1, ClinicianID: 1, ClockStart: today.AddDays(-30)}}
		for i := range tt.endoscopists {
			waiting = append(waiting, AdmittedPathway{PathwayID: int64(i + 2), PatientID: int64(i + 2), SpecialtyID: endo,
				ClinicianID: int64(100 + i), ClockStart: today.AddDays(-30)})
		}
		d, err := Theatres(Config{Seed: 1, Today: today}, waiting)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, tp := range d.Templates {
			if tp.TheatreID != mainTheatres+1 {
				continue
			}
			n++
			if tp.Every != tt.every || tp.ListType != elective.ListEndoscopy {
				t.Errorf("%d endoscopists: template %+v, want every %d weeks", tt.endoscopists, tp, tt.every)
			}
		}
		if n != 10*tt.every {
			t.Errorf("%d endoscopists: %d room templates, want %d", tt.endoscopists, n, 10*tt.every)
		}
	}
}
