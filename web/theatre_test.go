package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// fixtureEntries are two patients on the admitted list: a P2 listed a
// week ago and a P4 listed long ago, whose 18 weeks have run out.
func fixtureEntries(today elective.Date) []*elective.AdmittedListEntry {
	return []*elective.AdmittedListEntry{
		{ID: 31, PathwayID: 7, PatientID: 42, SpecialtyID: 1, SurgeonID: 10, ProcedureCode: "W401", ProcedureName: "Total knee replacement",
			Management: elective.Inpatient, Priority: elective.P2, ListedOn: today.AddDays(-7), ExpectedMinutes: 120, LengthOfStay: 3,
			Anaesthetic: elective.AnaestheticGeneral, Kit: []string{"knee set"}, Status: elective.AdmittedWaiting,
			PatientName: "SMITH, Jane (Mrs)", NHSNumber: "9991234578", SurgeonName: "Ms A Okafor", SpecialtyName: "Trauma and orthopaedics",
			BreachDate: today.AddDays(40)},
		{ID: 32, PathwayID: 8, PatientID: 43, SpecialtyID: 1, SurgeonID: 10, ProcedureCode: "T521", ProcedureName: "Carpal tunnel release",
			Management: elective.DayCase, Priority: elective.P4, ListedOn: today.AddDays(-200), ExpectedMinutes: 30,
			Anaesthetic: elective.AnaestheticLocal, Status: elective.AdmittedWaiting, PatientName: "JONES, Alan (Mr)", NHSNumber: "9990000018",
			SurgeonName: "Ms A Okafor", BreachDate: today.AddDays(-3),
			POA: &elective.PreOpAssessment{ID: 5, EntryID: 32, Outcome: elective.PreOpFit, AssessedOn: today.AddDays(-10), ValidUntil: today.AddDays(74)}},
	}
}

func fixtureTheatreSession(today elective.Date) *elective.TheatreSession {
	return &elective.TheatreSession{ID: 9, TheatreID: 1, SpecialtyID: 1, Date: today.AddDays(20), Period: elective.PeriodMorning,
		StartMinute: 510, Minutes: 240, SurgeonID: 10, ListType: elective.ListGA, Kit: []string{"knee set"}, Status: elective.SessionPlanned,
		TheatreName: "Main theatre 1", SpecialtyName: "Trauma and orthopaedics", SurgeonName: "Ms A Okafor"}
}

func (e *testEnv) stubTheatres() {
	today := e.today()
	e.theatres.FindAdmittedEntriesFn = func(context.Context, elective.AdmittedFilter) ([]*elective.AdmittedListEntry, error) {
		return fixtureEntries(today), nil
	}
	e.theatres.FindTheatresFn = func(context.Context) ([]*elective.Theatre, error) {
		return []*elective.Theatre{{ID: 1, Code: "MTH1", Name: "Main theatre 1"}}, nil
	}
	e.theatres.FindTheatreResourcesFn = func(context.Context) (*elective.TheatreResources, error) {
		return &elective.TheatreResources{Kit: map[string]int{"knee set": 1}, Beds: 10}, nil
	}
	e.theatres.FindTheatreSessionsFn = func(context.Context, elective.TheatreSessionFilter) ([]*elective.TheatreSession, error) {
		return []*elective.TheatreSession{fixtureTheatreSession(today)}, nil
	}
	e.theatres.FindTheatreSessionFn = func(context.Context, int64) (*elective.TheatreSession, error) {
		return fixtureTheatreSession(today), nil
	}
	e.theatres.EstimateDurationFn = func(_ context.Context, _ int64, _ string, fallback int) (elective.DurationEstimate, error) {
		return elective.DurationEstimate{Minutes: 110, Low: 95, High: 130, Samples: 12}, nil
	}
}

func TestAdmittedList(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatres()
	w := e.get("/admitted", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Admitted waiting list", "SMITH, Jane (Mrs)", "W401", "P2", "JONES, Alan (Mr)", "No pre-operative assessment", "Fit")
	if i, j := strings.Index(w.Body.String(), "SMITH"), strings.Index(w.Body.String(), "JONES"); i > j {
		t.Error("the list is shown in the service's booking order")
	}
}

func TestAdmitForm(t *testing.T) {
	e := newTestEnv(t)
	e.pathways.FindPathwayByIDFn = func(context.Context, int64) (*elective.Pathway, error) { return fixturePathway(), nil }
	e.patients.FindPatientByIDFn = func(context.Context, int64) (*elective.Patient, error) { return fixturePatient(), nil }
	w := e.get("/pathways/7/admit", "tok-officer")
	wantStatus(t, w, http.StatusForbidden)
	w = e.get("/pathways/7/admit", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Add to the admitted waiting list", "OPCS-4 procedure code", "P1a")

	form := url.Values{"surgeon_id": {"10"}, "procedure_code": {"w401"}, "procedure_name": {"Total knee replacement"},
		"priority": {"P2"}, "management": {"inpatient"}, "expected_minutes": {"lots"}, "anaesthetic": {"GA"}}
	called := false
	e.theatres.ListPatientFn = func(_ context.Context, en *elective.AdmittedListEntry) error { called = true; en.ID = 31; return nil }
	w = e.post("/pathways/7/admit", "tok-senior", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Expected theatre time must be a whole number of minutes")
	if called {
		t.Error("a bad form reached the service")
	}
	form.Set("expected_minutes", "120")
	var got *elective.AdmittedListEntry
	e.theatres.ListPatientFn = func(_ context.Context, en *elective.AdmittedListEntry) error { got = en; en.ID = 31; return nil }
	w = e.post("/pathways/7/admit", "tok-senior", form)
	wantRedirect(t, w, "/admitted/31")
	if got.ProcedureCode != "W401" || got.Priority != elective.P2 || got.ExpectedMinutes != 120 || got.PathwayID != 7 {
		t.Errorf("entry %+v", got)
	}
}

func TestTheatreListBuilder(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatres()
	w := e.get("/theatre-sessions", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Theatre lists", "Main theatre 1", "0 / 240 min", "Add a session")
	w = e.get("/theatre-sessions/9", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Main theatre 1", "240</strong> minutes left", "Patients who could fill it", "SMITH, Jane (Mrs)")

	var asked elective.ScheduleCase
	e.theatres.ScheduleCaseFn = func(_ context.Context, c elective.ScheduleCase) (*elective.TheatreCase, error) {
		asked = c
		return nil, elective.Errorf(elective.EINVALID, "The case needs 300 minutes; the session has 240")
	}
	w = e.post("/admitted/31/schedule", "tok-senior", url.Values{"session_id": {"9"}, "back": {"session"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "The case needs 300 minutes; the session has 240")
	if asked.EntryID != 31 || asked.SessionID != 9 {
		t.Errorf("asked %+v", asked)
	}
	e.theatres.ScheduleCaseFn = func(_ context.Context, c elective.ScheduleCase) (*elective.TheatreCase, error) {
		return &elective.TheatreCase{ID: 1, SessionID: 9, EntryID: 31, TCI: e.today().AddDays(20)}, nil
	}
	w = e.post("/admitted/31/schedule", "tok-senior", url.Values{"session_id": {"9"}, "back": {"session"}})
	wantRedirect(t, w, "/theatre-sessions/9")
}

func TestCancelOnTheDay(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatres()
	var asked elective.CancelCase
	e.theatres.CancelCaseFn = func(_ context.Context, c elective.CancelCase) (*elective.CancelledOperation, error) {
		asked = c
		return &elective.CancelledOperation{ID: 1, Reason: c.Reason, Guaranteed: true, RebookBy: elective.MustParseDate("2026-12-21")}, nil
	}
	w := e.post("/cases/4", "tok-senior", url.Values{"session_id": {"9"}, "action": {"cancel"}, "reason": {"no-ward-bed"}, "on_the_day": {"yes"}})
	wantRedirect(t, w, "/theatre-sessions/9")
	if asked.CaseID != 4 || asked.Reason != elective.CancelNoWardBed || !asked.OnTheDay {
		t.Errorf("asked %+v", asked)
	}
	e.theatres.FindCancelledOperationsFn = func(context.Context, elective.Date, elective.Date) ([]*elective.CancelledOperation, error) {
		return []*elective.CancelledOperation{{ID: 1, EntryID: 31, PlannedOn: e.today(), Reason: elective.CancelNoWardBed, LastMinute: true,
			Guaranteed: true, RebookBy: e.today().AddDays(28), PatientName: "SMITH, Jane (Mrs)", NHSNumber: "9991234578"}}, nil
	}
	w = e.get("/cancelled-operations", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Cancelled operations", "SMITH, Jane (Mrs)", "No ward bed", "Give a new date", "/admitted/31?rebook_of=1")
}

func TestPlanLists(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatres()
	w := e.get("/theatre-plan", "tok-officer")
	wantStatus(t, w, http.StatusForbidden)
	done := make(chan struct{})
	e.planner.PlanListsFn = func(ctx context.Context, r elective.PlanRequest) (*elective.ListPlan, error) {
		defer close(done)
		if r.Weeks != 4 || r.Seed != 7 || r.MaxIterations != 1_000_000 {
			t.Errorf("request %+v", r)
		}
		return &elective.ListPlan{From: r.From, To: r.From.AddDays(27),
			Placements: []elective.PlannedCase{{EntryID: 31, SessionID: 9, Minutes: 120, Reason: "P2 due soon", PatientName: "SMITH, Jane (Mrs)", SessionName: "Main theatre 1"}},
			LeftOut:    []elective.LeftOutCase{{EntryID: 32, Reason: "No list of the surgeon before the due date", PatientName: "JONES, Alan (Mr)"}},
			Optimised:  elective.PlanTotals{Placed: 1, Utilisation: 50}, Chronological: elective.PlanTotals{Placed: 1, PCodeMisses: 1, Utilisation: 12.5}}, nil
	}
	w = e.post("/theatre-plan", "tok-senior", url.Values{"from": {"2026-11-24"}, "weeks": {"4"}, "effort": {"forever"}, "seed": {"7"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Choose how hard the optimiser should search")
	w = e.post("/theatre-plan", "tok-senior", url.Values{"from": {"2026-11-24"}, "weeks": {"4"}, "effort": {"quick"}, "seed": {"7"}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("status %d", w.Code)
	}
	loc := w.Header().Get("Location")
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the run did not finish")
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		w = e.get(loc, "tok-senior")
		if !strings.Contains(w.Body.String(), "Searching") || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Compared with filling the lists by date listed", "12.5%", "P2 due soon", "No list of the surgeon before the due date")
	if other := e.get(loc, "tok-manager"); other.Code != http.StatusNotFound {
		t.Errorf("another user's run: status %d", other.Code)
	}
	var picked []elective.PlannedCase
	e.planner.AcceptPlanFn = func(_ context.Context, p []elective.PlannedCase) (int, []string, error) {
		picked = p
		return 1, nil, nil
	}
	w = e.post(loc+"/accept", "tok-senior", url.Values{"entry": {"31"}})
	if w.Code != http.StatusSeeOther || len(picked) != 1 || picked[0].EntryID != 31 {
		t.Errorf("accept: status %d, picked %+v", w.Code, picked)
	}
}

// addTheatrePages adds a filled page of every admitted-care template.
func addTheatrePages(add func(page, string), e *testEnv, formErrs FormErrors) {
	today := e.today()
	entries := fixtureEntries(today)
	ts := fixtureTheatreSession(today)
	tc := &elective.TheatreCase{ID: 4, SessionID: ts.ID, EntryID: 32, Position: 1, Minutes: 30, Status: elective.CaseBooked, Entry: entries[1], TCI: ts.Date}
	ts.Cases = []*elective.TheatreCase{tc}
	entries[1].Case = tc
	var rows []AdmittedRow
	for _, en := range entries {
		rows = append(rows, e.server.admittedRow(en))
	}
	lk := fixtureClinicians()
	add(&AdmittedIndexPage{Specialties: fixtureSpecialties(), Surgeons: lk, Rows: rows}, "Admitted waiting list")
	add(&AdmitPage{Patient: fixturePatient(), Pathway: fixturePathway(), Surgeons: lk, Errors: formErrs,
		Form: AdmitForm{SurgeonID: 10, ProcedureCode: "W401", Priority: "P2", Management: "inpatient", Kit: "knee set", Radiology: true}}, "Add to the admitted waiting list")
	add(&AdmittedViewPage{Row: rows[0], Estimate: elective.DurationEstimate{Minutes: 110, Low: 95, High: 130, Samples: 12},
		Candidates: []CandidateSession{{Session: ts, Free: 210}, {Session: ts, Free: 10, Problem: "The list would run 110 minutes over"}}, RebookOf: 3}, "Total knee replacement")
	add(&TheatreSessionIndexPage{From: today, To: today.AddDays(27), Weeks: 4, Specialties: fixtureSpecialties(), Surgeons: lk,
		Theatres: []*elective.Theatre{{ID: 1, Name: "Main theatre 1"}}, Rows: []TheatreSessionRow{{Session: ts, Booked: 30, Pct: 12}},
		Utilisation: UtilisationFigures{Booked: 30, Total: 240, Pct: 12.5, Capped: 12.5}, Errors: formErrs}, "Theatre lists")
	add(&TheatreSessionViewPage{Session: ts, Booked: 30, Remaining: 210, Pct: 12, Cases: []ListCaseRow{{Case: tc, Start: 510}},
		Warnings:   []theatre.Warning{{SessionID: 9, Kind: theatre.WarnKit, Text: "knee set is used in two theatres at once"}},
		Candidates: []ListCandidate{{Entry: entries[0]}, {Entry: entries[1], Problem: "Already booked"}}, Surgeons: lk, Errors: formErrs}, "Main theatre 1")
	op := &elective.CancelledOperation{ID: 1, EntryID: 31, PlannedOn: today, Reason: elective.CancelNoWardBed, LastMinute: true, Guaranteed: true,
		RebookBy: today.AddDays(28), PatientName: "SMITH, Jane (Mrs)", NHSNumber: "9991234578"}
	add(&CancelledOperationsPage{From: today.AddDays(-120), To: today, Open: 1,
		Rows: []CancelledOperationRow{{Op: op, Status: theatre.TwentyEightDayStatus(op, today)}}}, "Cancelled operations")
	add(&PlanPage{JobID: "abc", Specialties: fixtureSpecialties(), Plan: &elective.ListPlan{From: today, To: today.AddDays(27),
		Placements: []elective.PlannedCase{{EntryID: 31, SessionID: 9, Minutes: 120, Reason: "P2 due soon", PatientName: "SMITH"}},
		LeftOut:    []elective.LeftOutCase{{EntryID: 32, Reason: "No list", PatientName: "JONES"}}}}, "Plan the theatre lists")
	add(&TheatreReportPage{From: today, To: today.AddDays(27), Report: &elective.TheatreReport{Sessions: 1, SessionMinutes: 240,
		BookedMinutes: 30, Utilisation: 12.5, CappedUtilisation: 12.5, Breaches28Day: []*elective.CancelledOperation{op},
		AtRisk: entries[:1]}, Cancellations: []ReasonCount{{elective.CancelNoWardBed, 1}}}, "Theatre report")
}

func TestAdmittedExport(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatres()
	w := e.get("/admitted/export.csv?specialty_id=1", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("content type %q", ct)
	}
	wantBody(t, w, "Position,NHS number,Patient", "9991234578,\"SMITH, Jane (Mrs)\"", "W401", "P2", "No pre-operative assessment")
	if w := e.get("/admitted/export.csv", "tok-rota"); w.Code != http.StatusForbidden {
		t.Errorf("rota coordinator: status %d", w.Code)
	}
}

func TestTCIOffers(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatres()
	entry := fixtureEntries(e.today())[0]
	e.theatres.FindAdmittedEntryFn = func(context.Context, int64) (*elective.AdmittedListEntry, error) { return entry, nil }
	var recorded []*elective.Offer
	e.offers.RecordOfferFn = func(_ context.Context, o *elective.Offer) error { recorded = append(recorded, o); return nil }
	w := e.get("/admitted/31", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "TCI offers", "No admission date offered yet", "20 days", "Short notice", "Declined")

	w = e.post("/admitted/31/schedule", "tok-senior", url.Values{"session_id": {"9"}, "answer": {"declined"}, "minutes": {"110"}})
	wantRedirect(t, w, "/admitted/31")
	if len(recorded) != 1 || recorded[0].Response != elective.OfferDeclined || recorded[0].PathwayID != 7 ||
		recorded[0].Date != e.today().AddDays(20) || recorded[0].OfferedOn != e.today() {
		t.Fatalf("declined offer %+v", recorded)
	}
	var asked elective.ScheduleCase
	e.theatres.ScheduleCaseFn = func(_ context.Context, c elective.ScheduleCase) (*elective.TheatreCase, error) {
		asked = c
		return &elective.TheatreCase{ID: 1, SessionID: 9, EntryID: 31, TCI: e.today().AddDays(20)}, nil
	}
	w = e.post("/admitted/31/schedule", "tok-senior", url.Values{"session_id": {"9"}, "answer": {"accepted"}, "minutes": {"95"}})
	wantRedirect(t, w, "/admitted/31")
	if asked.Minutes != 95 {
		t.Errorf("the planned minutes typed were not used: %+v", asked)
	}
	if len(recorded) != 2 || recorded[1].Response != elective.OfferAccepted || !recorded[1].ShortNoticeAgreed {
		t.Errorf("accepted offer %+v", recorded[1:])
	}
}

func TestTheatreSessionsExportAndActions(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatres()
	w := e.get("/theatre-sessions/export.csv?weeks=4", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Date,Part of day,Start,Theatre", ",Morning,08:30,Main theatre 1,Trauma and orthopaedics,Ms A Okafor,", ",240,0,0,0.0,0.0,planned,")
	// The fixture list is 20 days away with its staff confirmed and nothing
	// booked: the 4-week fill step is overdue.
	w = e.get("/theatre-sessions?actions=1", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "have a 6-4-2 step overdue", "Main theatre 1")
}

// The fill bar is an SVG whose width is an attribute: the content security
// policy forbids the inline style a CSS width would need.
func TestFillBar(t *testing.T) {
	for _, tt := range []struct {
		pct  int
		over bool
		want string
	}{
		{50, false, `class="app-bar__fill" width="50"`},
		{130, true, `class="app-bar__fill app-bar__fill--over" width="100"`},
		{-5, false, `width="0"`},
	} {
		if got := string(fillBar(tt.pct, tt.over)); !strings.Contains(got, tt.want) || strings.Contains(got, "style=") {
			t.Errorf("fillBar(%d, %v) = %s", tt.pct, tt.over, got)
		}
	}
}
