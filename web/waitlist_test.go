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
