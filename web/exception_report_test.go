package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

func fixtureExceptionDuty(today elective.Date, loc *time.Location) elective.ExceptionDuty {
	d := today.AddDays(-2)
	return elective.ExceptionDuty{RotaID: 7, RotaName: "Winter rotation", Team: "Surgery residents", StaffID: 1, Date: d, ShiftCode: "LD",
		Start: d.At(8, 0, loc).UTC(), End: d.At(20, 30, loc).UTC()}
}

func fixtureExceptionReport(today elective.Date, loc *time.Location, now time.Time) *elective.ExceptionReport {
	d := fixtureExceptionDuty(today, loc)
	return &elective.ExceptionReport{ID: 3, RotaID: 7, StaffID: 1, StaffName: "Dr A Ash", Team: d.Team, RotaName: d.RotaName, Date: d.Date,
		ShiftCode: "LD", RosteredStart: d.Start, RosteredEnd: d.End, ActualStart: d.Start, ActualEnd: d.End.Add(90 * time.Minute),
		Kind: elective.ExceptionHours, WhatHappened: "=Stayed for a sick patient", Why: "Handover ran late", Status: elective.ExceptionOpen,
		ReportedBy: "Dr Chen", CreatedAt: now}
}

// addExceptionPages adds filled exception report pages for the template
// tests.
func addExceptionPages(add func(page, string), e *testEnv, formErrs FormErrors) {
	today := e.today()
	rep := fixtureExceptionReport(today, e.loc, e.now)
	closed := *rep
	closed.Status, closed.Outcome, closed.OutcomeBy, closed.OutcomeAt, closed.OutcomeNote = elective.ExceptionClosed, elective.OutcomeTOIL, "Meg Manager", e.now, "90 minutes"
	add(&ExceptionIndexPage{Reports: []*elective.ExceptionReport{rep, &closed}, Status: "open", Teams: []string{"Surgery residents"}}, "Exception reports")
	add(&ExceptionNewPage{Staff: workforceStaff(), StaffID: 1, Duties: []elective.ExceptionDuty{fixtureExceptionDuty(today, e.loc)},
		Form: ExceptionReportForm{Kind: "hours"}, Errors: formErrs}, "Report an exception")
	add(&ExceptionViewPage{Report: rep, Errors: formErrs}, "Exception report")
}

func (e *testEnv) stubExceptions() {
	e.stubStaff()
	rep := fixtureExceptionReport(e.today(), e.loc, e.now)
	e.exceptions.FindExceptionReportsFn = func(context.Context, elective.ExceptionReportFilter) ([]*elective.ExceptionReport, error) {
		return []*elective.ExceptionReport{rep}, nil
	}
	e.exceptions.FindExceptionReportFn = func(context.Context, int64) (*elective.ExceptionReport, error) { return rep, nil }
	e.exceptions.ExceptionDutiesFn = func(context.Context, int64, elective.Date, elective.Date) ([]elective.ExceptionDuty, error) {
		return []elective.ExceptionDuty{fixtureExceptionDuty(e.today(), e.loc)}, nil
	}
}

// TestExceptionReportPages: the list filters by status and team and
// downloads as CSV (safe from formula injection); a report is made from
// one of the doctor's rostered duties, bad input naming the field; the
// outcome form is for managers only.
func TestExceptionReportPages(t *testing.T) {
	e := newTestEnv(t)
	e.stubExceptions()
	var filter elective.ExceptionReportFilter
	list := e.exceptions.FindExceptionReportsFn
	e.exceptions.FindExceptionReportsFn = func(ctx context.Context, f elective.ExceptionReportFilter) ([]*elective.ExceptionReport, error) {
		filter = f
		return list(ctx, f)
	}
	w := e.get("/exception-reports?status=open&team=Surgery+residents", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Exception reports", "Dr A Ash", "Awaiting an outcome", "export.csv?status=open&amp;team=Surgery%20residents")
	if filter.Status != elective.ExceptionOpen || filter.Team != "Surgery residents" {
		t.Errorf("filter %+v", filter)
	}
	w = e.get("/exception-reports/export.csv?status=open", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][11] != "90" || rows[1][13] != "'=Stayed for a sick patient" {
		t.Fatalf("csv %v, %v", rows, err)
	}

	w = e.get("/exception-reports/new?staff_id=1", "tok-clinician")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Rostered duty", `value="7/`+e.today().AddDays(-2).String()+`"`)
	var got *elective.ExceptionReport
	e.exceptions.CreateExceptionReportFn = func(_ context.Context, r *elective.ExceptionReport) error {
		got, r.ID = r, 9
		return nil
	}
	day := e.today().AddDays(-2).String()
	form := url.Values{"staff_id": {"1"}, "duty": {"7/" + day}, "kind": {"hours"}, "actual_start": {day + "T08:00"},
		"actual_end": {day + "T22:00"}, "what_happened": {"Stayed late"}, "why": {"Sick patient"}}
	w = e.post("/exception-reports", "tok-clinician", form)
	wantStatus(t, w, http.StatusSeeOther)
	if got == nil || got.RotaID != 7 || got.StaffID != 1 || got.ActualEnd.In(e.loc).Hour() != 22 || got.Kind != elective.ExceptionHours {
		t.Fatalf("created %+v", got)
	}
	got = nil
	form.Set("actual_end", "late")
	w = e.post("/exception-reports", "tok-clinician", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "There is a problem", `href="#actual-end"`, "Enter when the duty actually ended")
	if got != nil {
		t.Error("bad input reached the service")
	}

	w = e.get("/exception-reports/3", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "1.5 h longer than rostered")
	if strings.Contains(w.Body.String(), "exception-outcome-form") {
		t.Error("a rota coordinator is offered the outcome form")
	}
	w = e.get("/exception-reports/3", "tok-manager")
	wantBody(t, w, "Agree the outcome", `name="csrf_token"`)
	e.exceptions.AgreeExceptionOutcomeFn = func(context.Context, int64, elective.ExceptionDecision) (*elective.ExceptionReport, error) {
		return nil, fieldErr("note", "Enter why no action is taken")
	}
	w = e.post("/exception-reports/3/outcome", "tok-manager", url.Values{"outcome": {"no-action"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter why no action is taken", `href="#note"`)
}
