package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// fixtureRotaView is a two-person rota of four days: Dr A Ash works two
// nights then a day too soon; Dr B Birch is on leave on day 3.
func fixtureRotaView(today elective.Date) *elective.RotaView {
	from := today.AddDays(50)
	r := &elective.Rota{ID: 7, Team: "Surgery residents", Name: "Spring", From: from, To: from.AddDays(3),
		Status: elective.RotaDraft, Version: 2}
	ash := &elective.StaffMember{ID: 1, Title: "Dr", GivenName: "Ann", FamilyName: "Ash", Grade: "ST4", Mobile: "07700 900123"}
	birch := &elective.StaffMember{ID: 2, Title: "Dr", GivenName: "Ben", FamilyName: "Birch", Grade: "FY1"}
	return &elective.RotaView{Rota: r, Staff: []*elective.StaffMember{ash, birch},
		Shifts: []*elective.ShiftType{{Code: "D", Name: "Day", StartMinute: 480, Minutes: 540, Breaks: 1},
			{Code: "N", Name: "Night", StartMinute: 1230, Minutes: 750, Unpopular: true, Breaks: 3}, onCallShift},
		Duties: []elective.RotaDuty{{StaffID: 1, Date: from, ShiftCode: "N", StaffName: "Dr A Ash"},
			{StaffID: 1, Date: from.AddDays(1), ShiftCode: "N", StaffName: "Dr A Ash"},
			{StaffID: 1, Date: from.AddDays(2), ShiftCode: "D", StaffName: "Dr A Ash"},
			{StaffID: 2, Date: from, ShiftCode: "D", StaffName: "Dr B Birch"},
			{StaffID: 2, Date: from.AddDays(1), ShiftCode: "OC", StaffName: "Dr B Birch"}},
		Leave:    map[int64][]elective.Date{2: {from.AddDays(2)}},
		Requests: []elective.DayOffRequest{{ID: 4, StaffID: 2, StaffName: "Dr B Birch", Date: from.AddDays(1), Note: "Wedding", Kept: true}},
		Check: elective.RotaCheck{
			Violations: []elective.RotaViolation{{StaffID: 1, StaffName: "Dr A Ash", Rule: "night-rest", Date: from.AddDays(2),
				Message: "Only 23 hours' rest after nights; 46 are needed (rules.md 4.3)"}},
			Gaps: []elective.RotaGap{{Date: from.AddDays(3), ShiftCode: "N", Short: 1, Why: "no one eligible"}},
			Load: []elective.RotaLoad{{StaffID: 1, StaffName: "Dr A Ash", Grade: "ST4", Minutes: 2040, Shifts: 3, Nights: 2}}}}
}

// onCallShift is a 24 h non-resident on call from 08:00 expecting 4 h of
// work.
var onCallShift = &elective.ShiftType{Code: "OC", Name: "On call from home", StartMinute: 480, Minutes: 1440,
	NonResident: true, ExpectedWorkMinutes: 240}

// withOnCall adds Dr B Birch's on call of day 2 to the view: called in
// from 02:00 to 03:00, so only 4 h continuous rest between 22:00 and 07:00
// (TS-148), with the next duty flagged for review.
func withOnCall(v *elective.RotaView, loc *time.Location) *elective.RotaView {
	d := v.Rota.From.AddDays(1)
	duty := elective.RotaDuty{StaffID: 2, Date: d, ShiftCode: "OC", StaffName: "Dr B Birch"}
	next := elective.RotaDuty{StaffID: 2, Date: d.AddDays(1), ShiftCode: "N", StaffName: "Dr B Birch"}
	start := d.At(8, 0, loc)
	rest := elective.OnCallRest{Start: start, End: start.Add(24 * time.Hour), WorkMinutes: 60, RestMinutes: 1380,
		NightRestMinutes: 240, NeedRestMinutes: 480, NeedNightMinutes: 300}
	oc := elective.OnCallDuty{Rota: v.Rota, Duty: duty, Shift: onCallShift, Start: rest.Start, End: rest.End, Next: &next,
		Rest: []elective.OnCallRest{rest}, Work: []elective.OnCallWork{{ID: 1, RotaID: 7, StaffID: 2, Date: d, ShiftCode: "OC",
			Start: d.AddDays(1).At(2, 0, loc), End: d.AddDays(1).At(3, 0, loc), Note: "Called in: sepsis", RecordedBy: "Rita Rota"}}}
	v.OnCall = []elective.OnCallDuty{oc}
	v.Check.RestReviews = []elective.RotaRestReview{{StaffID: 2, StaffName: "Dr B Birch", OnCall: duty, Duty: next, Rest: rest,
		Message: "Rest not met after on call: 23 h rest, the longest 4 h continuous between 22:00 and 07:00; 8 h rest with 5 h continuous in the night are expected (rules.md 4.3, TS-148)."}}
	return v
}

func (e *testEnv) stubRotas() {
	v := withOnCall(fixtureRotaView(e.today()), e.loc)
	e.rotas.FindOnCallDutyFn = func(_ context.Context, id, staffID int64, d elective.Date) (*elective.OnCallDuty, error) {
		if oc := v.OnCall[0]; id == 7 && staffID == oc.Duty.StaffID && d == oc.Duty.Date {
			return &oc, nil
		}
		return nil, elective.Errorf(elective.ENOTFOUND, "No such on-call duty")
	}
	e.rotas.FindRotaFn = func(_ context.Context, id int64, version int) (*elective.RotaView, error) {
		if id != 7 {
			return nil, elective.Errorf(elective.ENOTFOUND, "No such rota")
		}
		return v, nil
	}
	e.rotas.FindRotasFn = func(context.Context) ([]*elective.Rota, error) { return []*elective.Rota{v.Rota}, nil }
	e.rotas.TeamsFn = func(context.Context) ([]string, error) { return []string{"Surgery residents"}, nil }
	e.rotas.RotaVersionsFn = func(context.Context, int64) ([]elective.RotaVersion, error) {
		return []elective.RotaVersion{{Version: 2, Note: "Edited", Duties: 4}, {Version: 1, Note: "Built (seed 1)", Duties: 5}}, nil
	}
	e.rotas.RotaChangesFn = func(context.Context, int64) ([]elective.RotaChange, error) { return nil, nil }
	e.rotas.FindShiftTypesFn = func(context.Context, string) ([]*elective.ShiftType, error) { return v.Shifts, nil }
	e.rotas.FindCoverRulesFn = func(context.Context, string) ([]*elective.CoverRule, error) {
		return []*elective.CoverRule{{ShiftCode: "N", Min: 1, Skill: "ALS"}}, nil
	}
	e.rotas.FindRotaPatternsFn = func(context.Context, string) ([]*elective.RotaPattern, error) {
		return fixtureRotaPatterns(e.now), nil
	}
}

// fixtureRotaPatterns are the team's saved patterns: a 1 in 4 of nights.
func fixtureRotaPatterns(at time.Time) []*elective.RotaPattern {
	return []*elective.RotaPattern{{ID: 3, Team: "Surgery residents", Name: "Nights 1 in 4",
		Text: "N N N N - - -\n- - - - N N N\nD D D D D - -\nD D D D D - -", UpdatedAt: at, UpdatedBy: "Rita Rota"}}
}

func TestRotaPages(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	w := e.get("/rotas", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Spring", "Surgery residents", "Start the rota")
	w = e.get("/rotas/7", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "1 safety breaches", "46 are needed", "1 shifts short", "Build the rota", "Dr A Ash", "app-rota__leave",
		"app-rota__breach", "Version 1", "Find cover")
	w = e.get("/rota-setup", "tok-rota")
	wantBody(t, w, "Night", "ALS", "Add a shift type")
	w = e.get("/rotas/8", "tok-rota")
	wantStatus(t, w, http.StatusNotFound)
}

func TestRotaDownloads(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	w := e.get("/rotas/7/rota.csv", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	lines := strings.Split(strings.TrimSpace(w.Body.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "Staff ID,Name,Grade,") || !strings.HasPrefix(lines[1], "1,Dr A Ash,ST4,N,N,D,") {
		t.Errorf("csv = %q", w.Body.String())
	}
	w = e.get("/rotas/7/rota.ics?staff=1", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	body := w.Body.String()
	if strings.Count(body, "BEGIN:VEVENT") != 3 || !strings.Contains(body, "\r\nSUMMARY:N Night – Dr A Ash\r\n") {
		t.Errorf("ics = %q", body)
	}
	w = e.get("/rotas/7/rota.xlsx", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	if !strings.HasPrefix(w.Body.String(), "PK") {
		t.Error("the Excel download is not a workbook")
	}
}

// A rota file must be the grid of the download; bad cells are named.
func TestParseRotaGrid(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		duties     int
		problem    string
	}{
		{"round trip", "Staff ID,Name,Grade,2027-03-01,2027-03-02\n1,Dr A Ash,ST4,N,\n2,Dr B Birch,FY1,,D\n", 2, ""},
		{"no header", "1,Dr A Ash,ST4,N\n", 0, "must start with a header row"},
		{"bad date", "Staff ID,Name,Grade,1 March\n1,A,B,N\n", 0, `"1 March" is not a date`},
		{"bad id", "Staff ID,Name,Grade,2027-03-01\nAsh,A,B,N\n", 0, `Row 2: "Ash" is not a staff ID`},
		{"too wide", "Staff ID,Name,Grade,2027-03-01\n1,A,B,N,N\n", 0, "Row 2 has more columns"},
	} {
		got, err := parseRotaGrid(strings.NewReader(tt.file))
		msg := ""
		for _, f := range elective.ErrorFields(err) {
			msg += f.Message + ";"
		}
		msg += elective.ErrorMessage(err)
		if tt.problem == "" && (err != nil || len(got) != tt.duties) {
			t.Errorf("%s: %d duties, %v", tt.name, len(got), err)
		}
		if tt.problem != "" && !strings.Contains(msg, tt.problem) {
			t.Errorf("%s: error %q, want %q", tt.name, msg, tt.problem)
		}
	}
}

func TestCoverPage(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	v := fixtureRotaView(e.today())
	gap := v.Check.Gaps[0]
	e.rotas.CoverCandidatesFn = func(_ context.Context, id int64, d elective.Date, code string) ([]elective.CoverCandidate, error) {
		return []elective.CoverCandidate{{StaffID: 2, StaffName: "Dr B Birch", Grade: "FY1", OK: true},
			{StaffID: 1, StaffName: "Dr A Ash", Grade: "ST4", Reason: "Needs 46 hours' rest after nights"}}, nil
	}
	w := e.get("/cover", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Cover worklist", "Find cover")
	w = e.get("/cover?rota=7&date="+gap.Date.String()+"&code=N", "tok-rota")
	wantBody(t, w, "Give the shift to Dr B Birch", "Needs 46 hours")
	w = e.get("/cover", "tok-officer")
	wantStatus(t, w, http.StatusForbidden)
}

// addRotaPages adds filled rota pages for the template tests.
func addRotaPages(add func(page, string), e *testEnv, formErrs FormErrors) {
	today := e.today()
	v := fixtureRotaView(today)
	add(&RotaIndexPage{Rotas: []*elective.Rota{v.Rota}, Teams: []string{v.Rota.Team}, Form: RotaForm{Team: v.Rota.Team},
		Errors: formErrs}, "Rotas")
	patterns := fixtureRotaPatterns(e.now)
	add(&RotaSetupPage{Team: v.Rota.Team, Teams: []string{v.Rota.Team, "Anaesthetics"}, Shifts: v.Shifts,
		Cover: []*elective.CoverRule{{ShiftCode: "N", Min: 1, Grades: []string{"ST3"}, Skill: "ALS"}}, Patterns: patterns,
		Pattern: RotaPatternForm{ID: 3, Name: "Nights 1 in 4", Text: "N N Q"}, Errors: formErrs}, "Shifts and cover")
	add(&RotaBuildPage{RotaID: 7, Found: true, Stopped: true, Effort: rotaEfforts[1], Seed: 4, StartedBy: "Rita Rota",
		StartedAt: e.now, Progress: elective.RotaBuildProgress{Phase: elective.RotaBuildFairness, Moves: 1_230_000}, View: v}, "Build the rota")
	add(&RotaViewPage{Today: today, View: v, Grid: buildGrid(v, v.Rota.From, rotaGridDays), Current: true, Seed: "1",
		Versions: []elective.RotaVersion{{Version: 2, Note: "Edited"}},
		Changes:  []elective.RotaChange{{Version: 2, StaffName: "Dr A Ash", Date: v.Rota.From, From: "N", Reason: "Sickness", ShortNotice: true}},
		Patterns: patterns, PatternID: 3, Errors: formErrs}, "Rota")
	g := CoverGap{RotaGap: v.Check.Gaps[0], Rota: v.Rota}
	withOnCall(v, e.loc)
	add(&CoverPage{Today: today, Gaps: []CoverGap{g}, Chosen: &g, Candidates: []elective.CoverCandidate{
		{StaffID: 2, StaffName: "Dr B Birch", OK: true}, {StaffID: 1, StaffName: "Dr A Ash", Reason: "On leave"}},
		Reviews: []CoverReview{{RotaRestReview: v.Check.RestReviews[0], Rota: v.Rota}}}, "Cover worklist")
	oc := v.OnCall[0]
	oc.Removed = []elective.OnCallWork{{ID: 2, Start: oc.Start.Add(time.Hour), End: oc.Start.Add(2 * time.Hour), Note: "Wrong night",
		RecordedBy: "Rita Rota", Removed: e.now, RemovedBy: "Rita Rota", RemovedReason: "Recorded against the wrong night"}}
	add(&RotaOnCallPage{OnCall: &oc, Form: OnCallWorkForm{Start: "2027-01-13T08:00", End: "2027-01-13T09:00"},
		Min: "2027-01-13T08:00", Max: "2027-01-14T08:00", Remove: &oc.Work[0], Reason: "Wrong", Errors: formErrs}, "Non-resident on call")
}

func TestRotaPatternPost(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	var got string
	e.rotas.ApplyPatternFn = func(_ context.Context, id int64, text string) error {
		got = text
		if strings.Contains(text, "Q") {
			return elective.Problems{{Field: "pattern", Message: `Line 1: "Q" is not one of the team's shift codes`}}.Err("The pattern cannot be used")
		}
		return nil
	}
	w := e.post("/rotas/7/pattern", "tok-rota", url.Values{"pattern": {"N N N N - - -"}})
	wantStatus(t, w, http.StatusSeeOther)
	if got != "N N N N - - -" {
		t.Errorf("pattern = %q", got)
	}
	w = e.post("/rotas/7/pattern", "tok-rota", url.Values{"pattern": {"Q D D D D - -"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "is not one of the team", "Q D D D D - -")
}

// The pattern form offers the team's saved patterns in a select beside
// the textarea; choosing one fills the rota through the saved-pattern
// path, choosing one and typing another is refused with nothing filled,
// and a refusal keeps the choice.
func TestRotaSavedPatternPost(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	var typed []string
	var saved []int64
	e.rotas.ApplyPatternFn = func(_ context.Context, _ int64, text string) error { typed = append(typed, text); return nil }
	e.rotas.ApplySavedPatternFn = func(_ context.Context, id, patternID int64) error {
		if patternID != 3 {
			return elective.Problems{{Field: "pattern_id", Message: "Choose one of the saved patterns of Surgery residents"}}.Err("The rota was not changed")
		}
		saved = append(saved, patternID)
		return nil
	}
	w := e.get("/rotas/7", "tok-rota")
	wantBody(t, w, `<select class="nhsuk-select" id="pattern-id" name="pattern_id"`, `<option value="3">Nights 1 in 4 (4 weeks)</option>`,
		"None: use the pattern typed below", "See the saved patterns", "Or type a rolling pattern")
	wantStatus(t, e.post("/rotas/7/pattern", "tok-rota", url.Values{"pattern_id": {"3"}, "pattern": {" \n "}}), http.StatusSeeOther)
	if len(saved) != 1 || len(typed) != 0 {
		t.Fatalf("saved %v, typed %q", saved, typed)
	}
	w = e.post("/rotas/7/pattern", "tok-rota", url.Values{"pattern_id": {"3"}, "pattern": {"D D D D D - -"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Choose a saved pattern or type one, not both", `href="#pattern-id"`, `<option value="3" selected>`, "D D D D D - -")
	w = e.post("/rotas/7/pattern", "tok-rota", url.Values{"pattern_id": {"9"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Choose one of the saved patterns", `href="#pattern-id"`)
	if len(saved) != 1 || len(typed) != 0 {
		t.Errorf("refused fills went through: saved %v, typed %q", saved, typed)
	}
}
