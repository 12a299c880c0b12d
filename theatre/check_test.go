package theatre

import (
	"testing"

	"github.com/openelective/elective"
)

func gaList() *elective.TheatreSession {
	return &elective.TheatreSession{ID: 1, SpecialtyID: 110, Date: d("2027-01-11"), StartMinute: 8*60 + 30, Minutes: 240,
		SurgeonID: 10, SurgeonName: "Ms Young", ListType: elective.ListGA, Kit: []string{"Arthroscopy stack"},
		Status: elective.SessionPlanned}
}

func knee() *elective.AdmittedListEntry {
	return &elective.AdmittedListEntry{ID: 100, PatientID: 7, SpecialtyID: 110, SurgeonID: 10, SurgeonName: "Ms Young",
		ProcedureCode: "W821", ProcedureName: "Knee arthroscopy", Priority: elective.P3, ListedOn: d("2026-11-01"),
		Anaesthetic: elective.AnaestheticGeneral, Kit: []string{"arthroscopy stack "}, Status: elective.AdmittedWaiting}
}

// TestCheckCase: a case goes on a list only if it fits, and the refusal
// names what is wrong (rules.md 3.6, 3.7, 3.8; service ScheduleCase).
func TestCheckCase(t *testing.T) {
	today := d("2026-12-03")
	booked := []*elective.TheatreCase{{EntryID: 1, Minutes: 90, Status: elective.CaseBooked},
		{EntryID: 2, Minutes: 60, Status: elective.CaseBooked}, {EntryID: 3, Minutes: 120, Status: elective.CaseCancelled}}
	away := []*elective.Unavailability{{PatientID: 8, From: d("2027-01-01"), To: d("2027-01-31")}, // someone else
		{PatientID: 7, From: d("2027-01-10"), To: d("2027-01-17"), Reason: "holiday"}}
	for _, tt := range []struct {
		name    string
		s       func(*elective.TheatreSession)
		e       func(*elective.AdmittedListEntry)
		minutes int
		un      []*elective.Unavailability
		want    string
	}{
		{"fits", nil, nil, 90, nil, ""},
		{"fits exactly", nil, nil, 90, away[:1], ""},
		{"zero minutes", nil, nil, 0, nil, "planned minutes"},
		{"released", func(s *elective.TheatreSession) {
			s.Status, s.ReleasedReason = elective.SessionReleased, "surgeon on leave"
		}, nil, 30, nil,
			"The list on 11 Jan 2027 was released (surgeon on leave)"},
		{"today", func(s *elective.TheatreSession) { s.Date = today }, nil, 30, nil, "only be booked on lists after today"},
		{"past", func(s *elective.TheatreSession) { s.Date = d("2026-11-30") }, nil, 30, nil, "The list is on 30 Nov 2026"},
		{"already scheduled", nil, func(e *elective.AdmittedListEntry) { e.Status = elective.AdmittedScheduled }, 30, nil, "already has a date"},
		{"treated", nil, func(e *elective.AdmittedListEntry) { e.Status = elective.AdmittedTreated }, 30, nil, "already been treated"},
		{"removed", nil, func(e *elective.AdmittedListEntry) { e.Status = elective.AdmittedRemoved }, 30, nil, "removed"},
		{"not fit at POA", nil, func(e *elective.AdmittedListEntry) {
			e.POA = &elective.PreOpAssessment{Outcome: elective.PreOpNotFit}
		}, 30, nil, "not fit"}, // rules.md 3.7
		{"POA not done is no refusal", nil, func(e *elective.AdmittedListEntry) {
			e.POA = &elective.PreOpAssessment{Outcome: elective.PreOpBooked}
		}, 30, nil, ""},
		{"other surgeon", nil, func(e *elective.AdmittedListEntry) { e.SurgeonID, e.SurgeonName = 11, "Mr Xavier" }, 30, nil,
			"Mr Xavier's patient cannot go on Ms Young's list"},
		{"other surgeon, no names", func(s *elective.TheatreSession) { s.SurgeonName = "" },
			func(e *elective.AdmittedListEntry) { e.SurgeonID, e.SurgeonName = 11, "" }, 30, nil,
			"surgeon 11's patient cannot go on surgeon 10's list"},
		{"list with no surgeon", func(s *elective.TheatreSession) { s.SurgeonID = 0 }, nil, 30, nil, "a list with no surgeon"},
		{"no surgeon, other specialty", nil, func(e *elective.AdmittedListEntry) { e.SurgeonID, e.SpecialtyID = 0, 120 }, 30, nil,
			"listed in specialty 120"},
		{"GA case on an LA list", func(s *elective.TheatreSession) { s.ListType = elective.ListLA }, nil, 30, nil,
			"A case under general anaesthetic needs a GA list"},
		{"regional case on an LA list", func(s *elective.TheatreSession) { s.ListType = elective.ListLA },
			func(e *elective.AdmittedListEntry) { e.Anaesthetic = elective.AnaestheticRegional }, 30, nil, "regional anaesthetic needs a GA list"},
		{"LA case on an LA list", func(s *elective.TheatreSession) { s.ListType = elective.ListLA },
			func(e *elective.AdmittedListEntry) { e.Anaesthetic = elective.AnaestheticLocal }, 30, nil, ""},
		{"sedation case on a GA list", nil, func(e *elective.AdmittedListEntry) { e.Anaesthetic = elective.AnaestheticSedation }, 30, nil, ""},
		{"theatre case on an endoscopy list", func(s *elective.TheatreSession) { s.ListType = elective.ListEndoscopy },
			func(e *elective.AdmittedListEntry) { e.Anaesthetic = elective.AnaestheticSedation }, 30, nil,
			"Knee arthroscopy (W821) is not an endoscopy-room procedure"},
		{"gastroscopy under sedation on an endoscopy list", func(s *elective.TheatreSession) { s.ListType, s.Kit = elective.ListEndoscopy, nil },
			func(e *elective.AdmittedListEntry) {
				e.ProcedureCode, e.Anaesthetic, e.Kit = "G451", elective.AnaestheticSedation, nil
			}, 30, nil, ""},
		{"colonoscopy under GA on an endoscopy list", func(s *elective.TheatreSession) { s.ListType = elective.ListEndoscopy },
			func(e *elective.AdmittedListEntry) { e.ProcedureCode = "H22.1" }, 30, nil, "endoscopy list has no anaesthetist"},
		{"kit missing", func(s *elective.TheatreSession) { s.Kit = []string{"Image intensifier"} }, nil, 30, nil,
			"The case needs the arthroscopy stack: the list does not have it"},
		{"two kit items missing", func(s *elective.TheatreSession) { s.Kit = nil },
			func(e *elective.AdmittedListEntry) { e.Kit = append(e.Kit, "Image intensifier") }, 30, nil,
			"needs the arthroscopy stack and the Image intensifier"},
		{"case longer than the session", nil, nil, 300, nil, "The case needs 300 minutes; the session has 240"},
		{"list over", nil, nil, 125, nil, "The list would run 35 minutes over (275 of 240 minutes)"},
		{"unavailable", nil, nil, 30, away, "The patient is unavailable from 10 Jan 2027 to 17 Jan 2027 (holiday)"},
		{"unavailable ends the day before", func(s *elective.TheatreSession) { s.Date = d("2027-01-18") }, nil, 30, away, ""},
		{"released before past", func(s *elective.TheatreSession) { s.Status, s.Date = elective.SessionReleased, d("2026-11-30") },
			nil, 30, nil, "released"}, // order of checks
		{"surgeon before minutes over", nil, func(e *elective.AdmittedListEntry) { e.SurgeonID = 11 }, 500, nil, "cannot go on"},
	} {
		s, e := gaList(), knee()
		if tt.s != nil {
			tt.s(s)
		}
		if tt.e != nil {
			tt.e(e)
		}
		wantErr(t, tt.name, CheckCase(s, booked, e, tt.minutes, tt.un, nil, today), tt.want)
	}
	wantErr(t, "nil session", CheckCase(nil, nil, knee(), 30, nil, nil, today), "Choose a list")
}

// TestEndoscopyProcedure: the short list of endoscopy-room OPCS-4
// categories.
func TestEndoscopyProcedure(t *testing.T) {
	for code, want := range map[string]bool{"G451": true, "g45.1": true, "H22.9": true, "H251": true, "G16": true,
		"W821": false, "T202": false, "": false, "M45": false} {
		if got := EndoscopyProcedure(code); got != want {
			t.Errorf("EndoscopyProcedure(%q) = %v, want %v", code, got, want)
		}
	}
}
