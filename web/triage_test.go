package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/openelective/elective"
)

func TestTriageWorklist(t *testing.T) {
	e := newTestEnv(t)
	ref := fixtureReferral()
	e.triage.FindTriageFn = func(context.Context, int64) ([]*elective.TriageItem, error) {
		return []*elective.TriageItem{{Referral: ref, PatientName: "SMITH, Jane (Mrs)", NHSNumber: "9990000018",
			SpecialtyName: "Urology", Due: e.today().AddDays(-1)}}, nil
	}
	w := e.get("/triage", "tok-clinician")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Overdue since", `name="decision"`, "Return to referrer with advice")
	wantNoBody(t, e.get("/triage", "tok-officer"), `name="decision"`) // officers see the list, clinicians decide
	var got *elective.TriageDecision
	e.triage.TriageFn = func(_ context.Context, d *elective.TriageDecision) error {
		got = d
		return d.Validate()
	}
	w = e.post("/triage/"+strconv.FormatInt(ref.ID, 10), "tok-clinician", url.Values{"decision": {"return"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Write the advice for the referrer")
	w = e.post("/triage/"+strconv.FormatInt(ref.ID, 10), "tok-clinician", url.Values{"decision": {"accept:urgent"}, "list_specialty_id": {"2"}})
	wantRedirect(t, w, "/triage?specialty_id=2")
	if got.Status != elective.TriageAccepted || got.Priority != elective.PriorityUrgent || got.ReferralID != ref.ID {
		t.Errorf("decision %+v", got)
	}
	e.post("/triage/"+strconv.FormatInt(ref.ID, 10), "tok-clinician", url.Values{"decision": {"redirect"}, "specialty_id": {"2"}})
	if got.Status != elective.TriageRedirected || got.SpecialtyID != 2 {
		t.Errorf("redirect %+v", got)
	}
}
