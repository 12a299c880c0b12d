package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

func fixtureForecasts(today elective.Date) ([]*elective.BreachForecast, []elective.BreachWeek) {
	rows := []*elective.BreachForecast{
		{PathwayID: 7, PatientID: 42, PatientName: "SMITH, Jane (Mrs)", NHSNumber: "9990000018", SpecialtyID: 1,
			SpecialtyName: "Trauma and Orthopaedics", Priority: elective.PriorityRoutine, ListType: elective.ListOutpatientNew,
			ClockStart: today.AddDays(-120), BreachDate: today.AddDays(7), Outlook: elective.OutlookExpectedLate,
			Expected: today.AddDays(11), QueueAhead: 31},
		{PathwayID: 8, PatientID: 43, PatientName: "JONES, Tom", NHSNumber: "9990000026", SpecialtyID: 2,
			SpecialtyName: "Breast Surgery", Priority: elective.PriorityUrgent, ListType: elective.ListOutpatientFollowUp,
			ClockStart: today.AddDays(-100), BreachDate: today.AddDays(27), Outlook: elective.OutlookNoCapacity, QueueAhead: 4},
	}
	weeks := []elective.BreachWeek{
		{SpecialtyID: 1, SpecialtyName: "Trauma and Orthopaedics", WeekStart: today.AddDays(7 - int(today.Weekday()) + 1), AtRisk: 1, Total: 3},
		{SpecialtyID: 2, SpecialtyName: "Breast Surgery", WeekStart: today.AddDays(28 - int(today.Weekday()) + 1), AtRisk: 1, Total: 1},
	}
	return rows, weeks
}

func fixtureBreachPage(today elective.Date) *BreachForecastPage {
	rows, weeks := fixtureForecasts(today)
	p := &BreachForecastPage{Filter: BreachFilterForm{Weeks: 16}, Specialties: fixtureSpecialties(), Rows: rows}
	p.Weeks, p.Grid = breachGrid(today, 16, weeks)
	return p
}

// TestBreachForecast: the page asks the forecast for the horizon and
// filters, lays out the at-risk grid and lists the patients at risk.
func TestBreachForecast(t *testing.T) {
	e := newTestEnv(t)
	var got elective.ForecastFilter
	e.forecast.ForecastBreachesFn = func(_ context.Context, f elective.ForecastFilter) ([]*elective.BreachForecast, int, []elective.BreachWeek, error) {
		got = f
		rows, weeks := fixtureForecasts(e.today())
		return rows, len(rows), weeks, nil
	}
	w := e.get("/reports/breaches?specialty=1&weeks=8", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if got.Today != e.today() || got.Weeks != 8 || got.SpecialtyID != 1 || !got.AtRiskOnly || got.Limit != perPage {
		t.Fatalf("filter = %+v", got)
	}
	wantBody(t, w, "Breach forecast", "SMITH, Jane (Mrs)", "Turn comes after breach date", "No capacity in horizon",
		"1<span class=\"nhsuk-body-s\"> / 3</span>", "app-breach--some", "app-breach--most", "Ahead in queue")
	e.get("/reports/breaches?all=1&weeks=99", "tok-officer")
	if got.AtRiskOnly || got.Weeks != 16 {
		t.Fatalf("all and an out-of-range horizon: filter = %+v", got)
	}
	wantStatus(t, e.get("/reports/breaches", "tok-rota"), http.StatusForbidden)
	e.stubReports()
	if !strings.Contains(e.get("/reports", "tok-officer").Body.String(), `href="/reports/breaches"`) {
		t.Error("the waiting-times page should link to the breach forecast")
	}
}

// TestBreachGrid checks cells land in the week of their breach date.
func TestBreachGrid(t *testing.T) {
	today := elective.MustParseDate("2026-11-25") // a Wednesday
	cols, grid := breachGrid(today, 4, []elective.BreachWeek{
		{SpecialtyID: 1, SpecialtyName: "A", WeekStart: elective.MustParseDate("2026-11-30"), AtRisk: 2, Total: 2},
		{SpecialtyID: 1, SpecialtyName: "A", WeekStart: elective.MustParseDate("2026-12-14"), AtRisk: 0, Total: 5},
		{SpecialtyID: 2, SpecialtyName: "B", WeekStart: elective.MustParseDate("2026-11-23"), AtRisk: 1, Total: 4},
	})
	if len(cols) != 5 || cols[0].String() != "2026-11-23" {
		t.Fatalf("columns %v", cols)
	}
	if grid[0].SpecialtyName != "A" || grid[0].Cells[1].AtRisk != 2 || grid[0].Cells[3].Total != 5 || grid[0].AtRisk != 2 {
		t.Fatalf("grid %+v", grid)
	}
	if grid[0].Cells[1].Level() != "most" || grid[1].Cells[0].Level() != "some" || grid[0].Cells[3].Level() != "none" {
		t.Fatal("levels")
	}
}
