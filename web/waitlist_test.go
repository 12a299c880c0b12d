package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

func TestWaitingListIndex(t *testing.T) {
	e := newTestEnv(t)
	var got []elective.PTLFilter
	e.waitlist.FindPTLFn = func(_ context.Context, f elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
		got = append(got, f)
		return fixturePTLEntries(), 120, nil
	}
	t.Run("Defaults", func(t *testing.T) {
		w := e.get("/waiting-list", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		want := elective.PTLFilter{ListType: elective.ListOutpatientNew, Booked: "no", Sort: elective.SortPriority,
			Census: elective.MustParseDate("2026-11-23"), Limit: 50}
		if got[len(got)-1] != want {
			t.Errorf("filter = %+v, want %+v", got[len(got)-1], want)
		}
		wantBody(t, w, "Showing 1 to 50 of 120", `nhsuk-tag nhsuk-tag--red">Two-week wait`,
			`nhsuk-tag nhsuk-tag--grey">Routine`, `href="/patients/42"`, "999 123 4578",
			"Not booked", "1 Dec 2026", `href="/pathways/7/book"`, "Breached", `aria-label="Page 3"`)
		// Rows keep the service's order (clinical priority, then longest wait).
		if strings.Index(w.Body.String(), "SMITH, Jane") > strings.Index(w.Body.String(), "JONES, Sam") {
			t.Error("rows were reordered")
		}
		wantNoBody(t, w, `href="/pathways/9/book"`) // booked already
	})
	t.Run("Filters", func(t *testing.T) {
		w := e.get("/waiting-list?list=outpatient-follow-up&specialty=1&consultant=10&booked=all&page=2", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		want := elective.PTLFilter{ListType: elective.ListOutpatientFollowUp, SpecialtyID: 1, ClinicianID: 10,
			Sort: elective.SortPriority, Census: elective.MustParseDate("2026-11-23"), Offset: 50, Limit: 50}
		if got[len(got)-1] != want {
			t.Errorf("filter = %+v, want %+v", got[len(got)-1], want)
		}
		wantBody(t, w, "Showing 51 to 100 of 120", `value="1" selected`, `value="all" selected`,
			`/waiting-list?booked=all&amp;consultant=10&amp;list=outpatient-follow-up&amp;page=3&amp;specialty=1`)
	})
	t.Run("ClinicianSeesNoBookLink", func(t *testing.T) {
		w := e.get("/waiting-list", "tok-clinician")
		wantStatus(t, w, http.StatusOK)
		wantNoBody(t, w, `href="/pathways/7/book"`)
	})
}

func TestPTLIndex(t *testing.T) {
	e := newTestEnv(t)
	var got elective.PTLFilter
	e.waitlist.FindPTLFn = func(_ context.Context, f elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
		got = f
		return fixturePTLEntries(), 2, nil
	}
	w := e.get("/ptl", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if want := (elective.PTLFilter{Sort: elective.SortLongestWait, Census: e.today(), Limit: 50}); got != want {
		t.Errorf("filter = %+v, want %+v", got, want)
	}
	wantBody(t, w, "app-row--breached", "Breached", "52+ weeks", "None", `href="/pathways/7"`,
		"10 — First activity", "Showing 1 to 2 of 2", `<form action="/ptl" method="get" data-filters`)

	w = e.get("/ptl?specialty=1&consultant=10&site=100&list=admitted&priority=urgent&booked=yes&sort=breach", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	want := elective.PTLFilter{SpecialtyID: 1, ClinicianID: 10, SiteID: 100, ListType: elective.ListAdmitted,
		Priority: elective.PriorityUrgent, Booked: "yes", Census: e.today(), Sort: elective.SortBreach, Limit: 50}
	if got != want {
		t.Errorf("filter = %+v, want %+v", got, want)
	}

	w = e.get("/ptl?list=nonsense&priority=nonsense&sort=nonsense", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if got.ListType != "" || got.Priority != "" || got.Sort != elective.SortLongestWait {
		t.Errorf("unknown filter values were passed on: %+v", got)
	}
}

func TestBreachRisk(t *testing.T) {
	today := elective.MustParseDate("2026-11-23")
	for _, tc := range []struct {
		breach      string
		level, text string
	}{
		{"2026-11-23", "breached", "Breached"},
		{"2026-01-01", "breached", "Breached"},
		{"2026-11-24", "at-risk", "Breaches tomorrow"},
		{"2026-12-21", "at-risk", "Breaches in 28 days"},
		{"2026-12-22", "", "Breaches in 29 days"},
	} {
		got := breachRisk(elective.MustParseDate(tc.breach), today)
		if got.Level != tc.level || got.Text != tc.text {
			t.Errorf("breachRisk(%s) = %+v, want %s %q", tc.breach, got, tc.level, tc.text)
		}
	}
}

// TestPTLFilters: each new filter reaches the service and survives in the
// pagination links, so a filtered PTL is a shareable URL.
func TestPTLFilters(t *testing.T) {
	e := newTestEnv(t)
	var got elective.PTLFilter
	e.waitlist.FindPTLFn = func(_ context.Context, f elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
		got = f
		return fixturePTLEntries(), 120, nil
	}
	base := elective.PTLFilter{Sort: elective.SortLongestWait, Census: e.today(), Limit: 50}
	for _, tc := range []struct {
		query string
		want  func(f *elective.PTLFilter)
		body  []string
	}{
		{"waited=0-6", func(f *elective.PTLFilter) { f.MaxWeeks = 6 }, []string{`value="0-6" selected`}},
		{"waited=12-18", func(f *elective.PTLFilter) { f.MinWeeks, f.MaxWeeks = 12, 18 }, nil},
		{"waited=18%2B", func(f *elective.PTLFilter) { f.MinWeeks = 18 }, []string{`value="18&#43;" selected>18 weeks or more (breached)`}},
		{"waited=40-52", func(f *elective.PTLFilter) { f.MinWeeks, f.MaxWeeks = 40, 52 }, nil},
		{"waited=104%2B", func(f *elective.PTLFilter) { f.MinWeeks = 104 }, nil},
		{"waited=nonsense", func(*elective.PTLFilter) {}, []string{`value="" selected>Any wait`}},
		{"breach_within=4", func(f *elective.PTLFilter) { f.BreachWithinWeeks = 4 }, []string{`name="breach_within" type="number"`, `value="4">`}},
		{"breach_within=+3+", func(f *elective.PTLFilter) { f.BreachWithinWeeks = 3 }, nil},
		{"breach_within=99", func(f *elective.PTLFilter) { f.BreachWithinWeeks = 18 }, nil},
		{"breach_within=-2", func(*elective.PTLFilter) {}, nil},
		{"validation_due=1", func(f *elective.PTLFilter) { f.ValidationDue = true }, []string{`value="1" checked`}},
		{"booked=no", func(f *elective.PTLFilter) { f.Booked = "no" }, []string{`value="no" selected>Nothing booked (no next step)`}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			w := e.get("/ptl?"+tc.query, "tok-officer")
			wantStatus(t, w, http.StatusOK)
			want := base
			tc.want(&want)
			if got != want {
				t.Errorf("filter = %+v, want %+v", got, want)
			}
			wantBody(t, w, tc.body...)
		})
	}
	t.Run("Pagination", func(t *testing.T) {
		w := e.get("/ptl?waited=52%2B&breach_within=6&validation_due=1&booked=no&page=2", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		want := base
		want.MinWeeks, want.BreachWithinWeeks, want.ValidationDue, want.Booked, want.Offset = 52, 6, true, "no", 50
		if got != want {
			t.Errorf("filter = %+v, want %+v", got, want)
		}
		wantBody(t, w, `/ptl?booked=no&amp;breach_within=6&amp;page=3&amp;validation_due=1&amp;waited=52%2B`,
			`/ptl?booked=no&amp;breach_within=6&amp;page=1&amp;validation_due=1&amp;waited=52%2B`)
	})
}

// TestPTLValidationColumn: overdue validation in red, a due date to come,
// the last validation and a clinical review.
func TestPTLValidationColumn(t *testing.T) {
	e := newTestEnv(t)
	entries := fixturePTLEntries()
	entries[1].LastValidated, entries[1].ValidationDue = elective.MustParseDate("2026-09-01"), elective.MustParseDate("2027-01-02")
	today := *fixturePTLEntries()[0]
	today.PathwayID, today.ValidationDue, today.ReviewNeeded = 11, e.today(), false
	entries = append(entries, &today)
	e.waitlist.FindPTLFn = func(context.Context, elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
		return entries, 3, nil
	}
	w := e.get("/ptl", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `<th class="nhsuk-table__header" scope="col">Validation</th>`,
		`nhsuk-tag nhsuk-tag--red">Due since 2 Oct 2026</strong>`,  // overdue
		`nhsuk-tag nhsuk-tag--red">Due since 23 Nov 2026</strong>`, // due today
		`<span class="app-nowrap">Due 2 Jan 2027</span>`, "Validated 1 Sep 2026",
		`nhsuk-tag nhsuk-tag--orange">Clinical review</strong>`)
	wantNoBody(t, w, "Due since 2 Jan 2027")
}
