package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// fixtureSummary is a PTL summary at 23 November 2026: urology meets the
// standard (94%), trauma and orthopaedics is below 65% (60%), the trust is
// between (66.8%).
func fixtureSummary() *elective.PTLSummary {
	to := elective.PTLSummaryLine{SpecialtyID: 1, Code: "110", Name: "Trauma and orthopaedics",
		Open: 200, Within18: 120, Over52: 10, Over65: 5, Over78: 3, Over104: 2}
	for k, n := range map[int]int{0: 20, 17: 100, 20: 40, 30: 30, 52: 5, 65: 2, 78: 1, 104: 2} {
		to.Bands[k] = n
	}
	uro := elective.PTLSummaryLine{SpecialtyID: 2, Code: "101", Name: "Urology", Open: 50, Within18: 47}
	uro.Bands[3], uro.Bands[20] = 47, 3
	total := elective.PTLSummaryLine{Name: "Total", Open: 250, Within18: 167, Over52: 10, Over65: 5, Over78: 3, Over104: 2}
	for k := range total.Bands {
		total.Bands[k] = to.Bands[k] + uro.Bands[k]
	}
	return &elective.PTLSummary{Census: elective.MustParseDate("2026-11-23"), Lines: []elective.PTLSummaryLine{uro, to}, Total: total}
}

// fixtureTrends are the twelve month ends from November 2025 to October
// 2026, for the trust and both specialties; urology had nobody waiting at
// the end of March.
func fixtureTrends() []elective.SpecialtyTrend {
	trend := func(id int64, name string, open, within int) elective.SpecialtyTrend {
		t := elective.SpecialtyTrend{SpecialtyID: id, Name: name}
		for i := range 12 {
			end := elective.NewDate(2025+(11+i)/12, time.Month((11+i)%12+1), 1).AddDays(-1)
			t.Points = append(t.Points, elective.TrendPoint{MonthEnd: end, Open: open + i, Within18: within})
		}
		return t
	}
	uro := trend(2, "Urology", 40, 38)
	uro.Points[4].Open, uro.Points[4].Within18 = 0, 0
	return []elective.SpecialtyTrend{trend(0, "All specialties", 240, 170), uro, trend(1, "Trauma and orthopaedics", 200, 120)}
}

// fixtureReportPage is the waiting-times page with trauma and orthopaedics
// chosen, for the template tests.
func fixtureReportPage() *ReportIndexPage {
	p := newReportIndexPage(fixtureSummary(), fixtureTrends(), 1)
	p.WLMDSCensus, p.ReturnMonth = "2026-11-23", "2026-10"
	return p
}

// stubReports answers the waiting-times page from the fixtures and records
// what it was asked.
func (e *testEnv) stubReports() (census *elective.Date, months *int) {
	census, months = new(elective.Date), new(int)
	e.reports.PTLSummaryFn = func(_ context.Context, c elective.Date) (*elective.PTLSummary, error) {
		*census = c
		return fixtureSummary(), nil
	}
	e.reports.TrendFn = func(_ context.Context, today elective.Date, n int) ([]elective.SpecialtyTrend, error) {
		*months = n
		return fixtureTrends(), nil
	}
	return census, months
}

func TestReportIndex(t *testing.T) {
	e := newTestEnv(t)
	census, months := e.stubReports()
	t.Run("Trust", func(t *testing.T) {
		w := e.get("/reports", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		if *census != e.today() || *months != 12 {
			t.Errorf("asked for census %s and %d months, want today and 12", census, *months)
		}
		body := w.Body.String()
		if n := strings.Count(body, `<rect class="app-chart__bar`); n != 14 {
			t.Errorf("%d bars, want 14 (0–4 … 48–52 weeks and 52+)", n)
		}
		if n := strings.Count(body, `<circle class="app-chart__point"`); n != 12 {
			t.Errorf("%d trend points, want 12", n)
		}
		wantBody(t, w, `<h1>Waiting times</h1>`, `aria-current="page">Waiting times</a>`,
			"Weeks waited and the 18-week trend: the whole trust", `<option value="" selected>Whole trust</option>`,
			`<svg class="app-chart__svg" viewBox="0 0 640 300" role="img"`, `class="app-chart__marker"`, ">18 weeks</text>",
			`class="app-chart__reference"`, ">92% standard</text>", `<path class="app-chart__line" d="M`,
			"Show the numbers as a table", ">48–52<", ">52&#43;<", `>Nov 25<`, `>Oct 26<`,
			// The summary table: each percentage with its colour and its words.
			`<a href="/reports?specialty=2#charts">Urology</a>`, "94.0%", `nhsuk-tag--green">Meets the 92% standard`,
			"60.0%", `nhsuk-tag--red">Below 65%`, "66.8%", `nhsuk-tag--yellow">Below the 92% standard`,
			`href="/ptl/export.csv"`, `href="/ptl/export.xlsx"`, `action="/reports/wlmds.csv"`, `name="census" type="date" value="2026-11-23"`,
			`action="/reports/monthly-return.csv"`, `value="2026-10" max="2026-10"`,
			"Checks before the monthly return", "Share of pathways in the 0–1 week band is not unusually high")
		// The trust's 52+ bucket: 10 open, in the table alternative.
		wantBody(t, w, `<td class="nhsuk-table__cell">52&#43; <span class="nhsuk-u-visually-hidden">(over 18 weeks)</span></td><td class="nhsuk-table__cell nhsuk-table__cell--numeric">10</td>`)
	})
	t.Run("Specialty", func(t *testing.T) {
		w := e.get("/reports?specialty=2", "tok-clinician")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, "Weeks waited and the 18-week trend: Urology", `<option value="2" selected>Urology</option>`,
			`nhsuk-tag--grey">No open pathways`) // urology's empty month end
		// The empty month end breaks the line and has no point.
		if n := strings.Count(w.Body.String(), `<circle class="app-chart__point"`); n != 11 {
			t.Errorf("%d points, want 11", n)
		}
	})
	t.Run("Forbidden", func(t *testing.T) {
		for _, path := range []string{"/reports", "/ptl/export.csv", "/ptl/export.xlsx", "/reports/wlmds.csv", "/reports/monthly-return.csv"} {
			w := e.get(path, "tok-rota")
			wantStatus(t, w, http.StatusForbidden)
			if w.Header().Get("Content-Disposition") != "" {
				t.Errorf("%s: a refused download is still an attachment", path)
			}
		}
		wantNoBody(t, e.get("/", "tok-rota"), `href="/reports"`)
		wantBody(t, e.get("/", "tok-officer"), `href="/reports">Waiting times</a>`)
	})
}

func TestNewReportIndexPage(t *testing.T) {
	p := newReportIndexPage(fixtureSummary(), fixtureTrends(), 99)
	if p.SpecialtyID != 0 || p.ChartName != "the whole trust" || !p.Choices[0].Selected || len(p.Choices) != 3 {
		t.Errorf("unknown specialty: chosen %d %q, choices %+v; want the trust", p.SpecialtyID, p.ChartName, p.Choices)
	}
	if len(p.Rows) != 2 || p.Rows[0].Line.Code != "101" || p.Total.Percent != "66.8%" {
		t.Errorf("rows %+v, total %+v", p.Rows, p.Total)
	}
	p = newReportIndexPage(fixtureSummary(), fixtureTrends(), 1)
	want := []int{20, 0, 0, 0, 100, 40, 0, 30, 0, 0, 0, 0, 0, 10}
	for i, b := range p.Buckets {
		if b.Count != want[i] || b.Breached != (i >= 5) {
			t.Errorf("bucket %s = %d (breached %t), want %d", b.Label, b.Count, b.Breached, want[i])
		}
	}
	if len(p.TrendRows) != 12 || p.TrendRows[0].Percent != "60.0%" || len(p.Trend.Points) != 12 {
		t.Errorf("trend rows %+v", p.TrendRows)
	}
	empty := newReportIndexPage(&elective.PTLSummary{}, nil, 0)
	if len(empty.Buckets) != 14 || empty.TrendRows != nil || empty.Total.Percent != "–" {
		t.Errorf("empty page = %+v", empty)
	}
}

func TestStandardStatus(t *testing.T) {
	for _, tc := range []struct {
		open  int
		pct   float64
		class string
	}{
		{0, 0, "nhsuk-tag--grey"}, {10, 100, "nhsuk-tag--green"}, {10, 92, "nhsuk-tag--green"},
		{10, 91.9, "nhsuk-tag--yellow"}, {10, 65, "nhsuk-tag--yellow"}, {10, 64.9, "nhsuk-tag--red"},
	} {
		if got := standardStatus(tc.open, tc.pct); got.Class != tc.class || got.Text == "" {
			t.Errorf("standardStatus(%d, %.1f) = %+v, want %s with words", tc.open, tc.pct, got, tc.class)
		}
	}
}
