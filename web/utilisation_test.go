package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

func TestUtilisationPage(t *testing.T) {
	e := newTestEnv(t)
	var got elective.UtilisationFilter
	e.util.SessionUtilisationFn = func(_ context.Context, f elective.UtilisationFilter) ([]*elective.SessionUtilisation, error) {
		got = f
		return fixtureUtilisation(e), nil
	}
	e.util.CapacityDemandFn = func(context.Context, elective.Date, int) ([]*elective.CapacityDemand, error) {
		return fixtureCapacity(), nil
	}
	w := e.get("/reports/utilisation?specialty_id=1", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Capacity against demand", "Demand exceeds capacity by 6 new slots a week", "Keeping pace",
		"Under-used: 60% booked", "High DNA rate: 30%", "Cancelled")
	if got.SpecialtyID != 1 || got.From != e.today().AddDays(-28) || got.To != e.today().AddDays(14) {
		t.Errorf("filter %+v", got)
	}
	w = e.get("/reports/utilisation.csv?specialty_id=1&from=2026-11-01&to=2026-11-30", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), "2026-11-16,09:00,ORTH-MON,Mr A Bone,open,10,10,100,7,3,30,0") {
		t.Errorf("csv:\n%s", w.Body.String())
	}
	wantStatus(t, e.get("/reports/utilisation", "tok-rota"), http.StatusForbidden)
}
