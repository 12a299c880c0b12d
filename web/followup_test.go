package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

func TestFollowUpLists(t *testing.T) {
	e := newTestEnv(t)
	var asked elective.FollowUpFilter
	e.follow.FindFollowUpsFn = func(_ context.Context, f elective.FollowUpFilter) ([]*elective.FollowUp, error) {
		asked = f
		return fixtureFollowUps(e.today()), nil
	}
	w := e.get("/followups", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Partial booking list", "Overdue", "Waiting to invite", "Invitation on", "Expired: discharge to GP")
	if asked.Kind != elective.FollowUpPartialBooking {
		t.Errorf("kind %q", asked.Kind)
	}
	wantBody(t, w, `action="/followups/3/discharge"`)
	var discharged int64
	e.follow.DischargePIFUFn = func(_ context.Context, id int64) error { discharged = id; return nil }
	w = e.post("/followups/3/discharge", "tok-clinician", url.Values{})
	wantRedirect(t, w, "/followups?kind=pifu")
	if discharged != 3 {
		t.Errorf("discharged %d", discharged)
	}
}
