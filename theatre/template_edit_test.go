package theatre

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// youngMonday is Ms Young's Monday morning GA template with the
// arthroscopy stack, and youngList one of its lists, staff confirmed.
func youngMonday() *elective.TheatreTemplate {
	return &elective.TheatreTemplate{ID: 5, TheatreID: 1, SpecialtyID: 110, SurgeonID: 10, SurgeonName: "Ms Young",
		Anaesthetist: "Dr Gas", Period: elective.PeriodMorning, StartMinute: 510, Minutes: 240, ListType: elective.ListGA,
		Kit: []string{"Arthroscopy stack"}, Every: 1}
}

func youngList(date string) *elective.TheatreSession {
	s := gaList()
	s.TheatreID, s.Date, s.Period, s.Anaesthetist = 1, d(date), elective.PeriodMorning, "Dr Gas"
	s.SurgeonConfirmed, s.AnaesthetistConfirmed = true, true
	return s
}

func bookedCase(id int64, minutes int, edit func(*elective.AdmittedListEntry)) *elective.TheatreCase {
	e := knee()
	e.ID, e.PatientName = id, "SECRET, Patient"
	if edit != nil {
		edit(e)
	}
	return &elective.TheatreCase{ID: id, EntryID: id, Position: int(id), Minutes: minutes, Status: elective.CaseBooked, Entry: e}
}

// TestEditSession: a template edit changes a list's details only where
// the list still has the template's old ones; a new surgeon or
// anaesthetist must confirm again (rules.md 3.6, T-6 weeks).
func TestEditSession(t *testing.T) {
	for _, tt := range []struct {
		name          string
		edit          func(*elective.TheatreTemplate)
		list          func(*elective.TheatreSession)
		changed, kept string
		check         func(*elective.TheatreSession) bool
	}{
		{"3.6 new anaesthetist must confirm", func(n *elective.TheatreTemplate) { n.Anaesthetist = "Dr Sleep" }, nil,
			"anaesthetist", "", func(s *elective.TheatreSession) bool {
				return s.Anaesthetist == "Dr Sleep" && !s.AnaesthetistConfirmed && s.SurgeonConfirmed
			}},
		{"3.6 new owner surgeon must confirm", func(n *elective.TheatreTemplate) { n.SurgeonID, n.SurgeonName = 11, "Mr Xavier" }, nil,
			"owner surgeon", "", func(s *elective.TheatreSession) bool {
				return s.SurgeonID == 11 && s.SurgeonName == "Mr Xavier" && !s.SurgeonConfirmed && s.AnaesthetistConfirmed
			}},
		{"a locum confirmed for the day is kept", func(n *elective.TheatreTemplate) { n.SurgeonID = 11 },
			func(s *elective.TheatreSession) { s.SurgeonID = 12 }, "", "owner surgeon",
			func(s *elective.TheatreSession) bool { return s.SurgeonID == 12 && s.SurgeonConfirmed }},
		{"minutes and list type", func(n *elective.TheatreTemplate) { n.Minutes, n.ListType = 210, elective.ListLA }, nil,
			"minutes,list type", "", func(s *elective.TheatreSession) bool {
				return s.Minutes == 210 && s.ListType == elective.ListLA && s.SurgeonConfirmed
			}},
		{"all day from 08:00", func(n *elective.TheatreTemplate) {
			n.Period, n.StartMinute, n.Minutes = elective.PeriodAllDay, 480, 540
		}, nil,
			"part of the day,start time,minutes", "", func(s *elective.TheatreSession) bool {
				return s.Period == elective.PeriodAllDay && s.StartMinute == 480 && s.Minutes == 540
			}},
		{"the same kit in other words changes nothing", func(n *elective.TheatreTemplate) { n.Kit = []string{" arthroscopy STACK"} }, nil,
			"", "", nil},
		{"kit", func(n *elective.TheatreTemplate) { n.Kit = []string{"Arthroscopy stack", "Image intensifier"} }, nil,
			"kit", "", func(s *elective.TheatreSession) bool { return len(s.Kit) == 2 }},
		{"theatre and specialty", func(n *elective.TheatreTemplate) {
			n.TheatreID, n.TheatreName, n.SpecialtyID = 2, "Main theatre 2", 120
		}, nil,
			"theatre,specialty", "", func(s *elective.TheatreSession) bool {
				return s.TheatreID == 2 && s.TheatreName == "Main theatre 2" && s.SpecialtyID == 120
			}},
	} {
		from, to := youngMonday(), youngMonday()
		tt.edit(to)
		s := youngList("2027-01-11")
		if tt.list != nil {
			tt.list(s)
		}
		before := *s
		got, changed, kept := EditSession(from, to, s)
		if strings.Join(changed, ",") != tt.changed || strings.Join(kept, ",") != tt.kept {
			t.Errorf("%s: changed %v kept %v, want %q %q", tt.name, changed, kept, tt.changed, tt.kept)
		}
		if tt.check != nil && !tt.check(got) {
			t.Errorf("%s: edited list %+v", tt.name, got)
		}
		if s.Minutes != before.Minutes || s.Anaesthetist != before.Anaesthetist || s.SurgeonID != before.SurgeonID || got.Date != s.Date {
			t.Errorf("%s: the list itself was changed: %+v", tt.name, s)
		}
	}
}

// TestBrokenCases: the booked cases a changed list could no longer take,
// by the rules that booked them (rules.md 3.6, CheckCase): the owner, the
// list type, the kit and the time, in list order.
func TestBrokenCases(t *testing.T) {
	other := func(e *elective.AdmittedListEntry) { e.SurgeonID, e.SurgeonName = 11, "Mr Xavier" }
	ga := func(e *elective.AdmittedListEntry) { e.Kit = nil }
	la := func(e *elective.AdmittedListEntry) { e.Anaesthetic, e.Kit = elective.AnaestheticLocal, nil }
	for _, tt := range []struct {
		name  string
		list  func(*elective.TheatreSession)
		cases []*elective.TheatreCase
		want  []string // "id:why"
	}{
		{"all fit", nil, []*elective.TheatreCase{bookedCase(1, 120, nil), bookedCase(2, 120, nil)}, nil},
		{"fewer minutes: the last case runs over", func(s *elective.TheatreSession) { s.Minutes = 180 },
			[]*elective.TheatreCase{bookedCase(1, 60, nil), bookedCase(2, 90, nil), bookedCase(3, 60, nil)},
			[]string{"3:the case would end 30 minutes after it (210 of 180 minutes)"}},
		{"a cancelled case takes no time", func(s *elective.TheatreSession) { s.Minutes = 180 },
			[]*elective.TheatreCase{bookedCase(1, 60, nil), {ID: 2, Minutes: 120, Status: elective.CaseCancelled, Entry: knee()},
				bookedCase(3, 120, nil)}, nil},
		{"new owner: the old surgeon's cases are on someone else's list", func(s *elective.TheatreSession) { s.SurgeonID, s.SurgeonName = 11, "Mr Xavier" },
			[]*elective.TheatreCase{bookedCase(1, 60, nil), bookedCase(2, 60, other)},
			[]string{"1:Ms Young's patient cannot go on Mr Xavier's list"}},
		{"GA to LA: a case under general anaesthetic needs a GA list", func(s *elective.TheatreSession) { s.ListType, s.Kit = elective.ListLA, nil },
			[]*elective.TheatreCase{bookedCase(1, 60, ga), bookedCase(2, 60, la)}, []string{"1:needs a GA list"}},
		{"kit taken away", func(s *elective.TheatreSession) { s.Kit = nil },
			[]*elective.TheatreCase{bookedCase(1, 60, nil), bookedCase(2, 60, ga)}, []string{"1:needs the arthroscopy stack"}},
		{"a broken case frees its minutes", func(s *elective.TheatreSession) { s.Minutes = 150 },
			[]*elective.TheatreCase{bookedCase(1, 120, other), bookedCase(2, 120, nil)}, []string{"1:Mr Xavier's patient"}},
	} {
		s := youngList("2027-01-11")
		if tt.list != nil {
			tt.list(s)
		}
		s.Cases = tt.cases
		got := BrokenCases(s, nil)
		if len(got) != len(tt.want) {
			t.Errorf("%s: broken %+v, want %v", tt.name, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			id, why, _ := strings.Cut(w, ":")
			if fmtInt(got[i].Case.ID) != id || !strings.Contains(got[i].Why, why) {
				t.Errorf("%s: broken %d = case %d %q, want %s %q", tt.name, i, got[i].Case.ID, got[i].Why, id, why)
			}
		}
	}
}

// TestPlanTemplateEdit: an edit reaches the template's lists after today
// and from the apply-from date that are not released; those inside the
// 2-week lock window, or locked, are marked for a manager (rules.md 3.6,
// T-2 weeks).
func TestPlanTemplateEdit(t *testing.T) {
	today := d("2026-12-07") // a Monday
	from, to := youngMonday(), youngMonday()
	to.Minutes = 180
	released := youngList("2027-01-04")
	released.Status = elective.SessionReleased
	locked := youngList("2027-01-18")
	locked.Status = elective.SessionLocked
	full := youngList("2027-01-11")
	full.Cases = []*elective.TheatreCase{bookedCase(1, 120, nil), bookedCase(2, 90, nil)}
	sessions := []*elective.TheatreSession{youngList("2026-12-07"), youngList("2026-12-14"), youngList("2026-12-21"),
		youngList("2026-12-28"), released, full, locked}
	got := PlanTemplateEdit(from, to, sessions, d("2026-12-14"), today, DefaultMilestones, nil)
	var dates []string
	for _, se := range got {
		dates = append(dates, se.Session.Date.String()+map[bool]string{true: " locked", false: ""}[se.Locked])
		if se.Edited.Minutes != 180 || strings.Join(se.Changed, ",") != "minutes" {
			t.Errorf("%s: edited %+v changed %v", se.Session.Date, se.Edited, se.Changed)
		}
	}
	// 7 Dec is today; 14 and 21 Dec are within 2 weeks; 4 Jan is released.
	want := "2026-12-14 locked,2026-12-21 locked,2026-12-28,2027-01-11,2027-01-18 locked"
	if strings.Join(dates, ",") != want {
		t.Errorf("lists = %s\nwant    %s", strings.Join(dates, ","), want)
	}
	if se := got[3]; len(se.Broken) != 1 || se.Broken[0].Case.ID != 2 || len(se.Edited.Cases) != 2 {
		t.Errorf("11 Jan: broken %+v", se.Broken)
	}
	if full.Minutes != 240 {
		t.Errorf("the list itself was changed")
	}
}

// TestCheckTemplateEdit: an edit is refused, naming the case by its
// procedure and the list's date and never the patient, while a case it
// breaks has not been agreed to come off; a list whose theatre is in use
// at the new time refuses it outright; a locked list left alone refuses
// nothing (rules.md 3.6).
func TestCheckTemplateEdit(t *testing.T) {
	preview := func() *elective.TheatreTemplateEditPreview {
		s := youngList("2027-01-11")
		c := bookedCase(7, 240, nil)
		lockedList := youngList("2026-12-14")
		l := bookedCase(8, 240, nil)
		edited, lockedEdited := *s, *lockedList
		edited.Minutes, lockedEdited.Minutes = 180, 180
		return &elective.TheatreTemplateEditPreview{Sessions: []*elective.TemplateSessionEdit{
			{Session: lockedList, Edited: &lockedEdited, Changed: []string{"minutes"}, Locked: true,
				Broken: []elective.BrokenCase{{Case: l, Why: "The list would have 180 minutes"}}},
			{Session: s, Edited: &edited, Changed: []string{"minutes"},
				Broken: []elective.BrokenCase{{Case: c, Why: "The list would have 180 minutes"}}},
		}}
	}
	for _, tt := range []struct {
		name          string
		edit          func(*elective.TheatreTemplateEditPreview)
		includeLocked bool
		takeOff       []int64
		want          string // "" for no error
	}{
		{"refused, naming the procedure and date", nil, false, nil, "Knee arthroscopy (W821) on 11 Jan 2027: The list would have 180 minutes"},
		{"agreed to take it off", nil, false, []int64{7}, ""},
		{"agreeing to another case is not agreeing", nil, false, []int64{8}, "Knee arthroscopy (W821) on 11 Jan 2027"},
		{"a locked list included breaks its case too", nil, true, []int64{7}, "on 14 Dec 2026"},
		{"the theatre in use at the new time", func(p *elective.TheatreTemplateEditPreview) {
			p.Sessions[1].Clash = "in use"
		}, false, []int64{7}, "already in use at the new time on 11 Jan 2027"},
		{"a clash on a locked list left alone", func(p *elective.TheatreTemplateEditPreview) {
			p.Sessions[0].Clash = "in use"
		}, false, []int64{7}, ""},
	} {
		p := preview()
		if tt.edit != nil {
			tt.edit(p)
		}
		err := CheckTemplateEdit(p, tt.includeLocked, tt.takeOff)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (elective.ErrorCode(err) != elective.ECONFLICT || !strings.Contains(elective.ErrorMessage(err), tt.want)):
			t.Errorf("%s: %v, want a conflict naming %q", tt.name, err, tt.want)
		case err != nil && strings.Contains(elective.ErrorMessage(err), "SECRET"):
			t.Errorf("%s: the refusal names the patient: %v", tt.name, err)
		}
	}
}
