package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// TestRecordEvent: the pathway page offers the form to roles that may
// record outcomes; a valid event reaches the service and redirects with a
// flash; a date that is not a date is a field error without calling the
// service; a refusal by the rules is shown with its message.
func TestRecordEvent(t *testing.T) {
	e := newTestEnv(t)
	var got *elective.Validation
	e.stubValidation(&got)
	var recorded *elective.PathwayEvent
	e.pathways.RecordEventFn = func(ctx context.Context, ev *elective.PathwayEvent) error {
		if err := elective.Authorize(elective.UserFromContext(ctx), elective.ActionRecordOutcome); err != nil {
			return err
		}
		recorded = ev
		if ev.Kind == elective.EventAdminEvent && ev.Outcome == "" {
			return elective.Errorf(elective.EINVALID, `event 5 (admin-event on 2026-11-23) refused: an administrative event may record only 31, 32, 34, 35 or 36, not "" (rules.md 1.4.4)`)
		}
		return nil
	}
	w := e.get("/pathways/7", "tok-officer")
	wantBody(t, w, `action="/pathways/7/events"`, "Record what happened", `value="2026-11-23"`,
		`<option value="reoffer-decided">Clinician decided to re-offer</option>`, "Patient asked to delay")
	wantNoBody(t, e.get("/pathways/7", "tok-admin"), `action="/pathways/7/events"`)

	form := func(kv ...string) url.Values {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return v
	}
	w = e.post("/pathways/7/events", "tok-officer", form("kind", "delay-requested", "date", "2026-11-23",
		"delay_until", "2027-02-01", "note", "holiday"))
	wantRedirect(t, w, "/pathways/7")
	if recorded == nil || recorded.PathwayID != 7 || recorded.Kind != elective.EventDelayRequested ||
		recorded.DelayUntil.String() != "2027-02-01" || recorded.Date.String() != "2026-11-23" || recorded.Note != "holiday" {
		t.Fatalf("recorded %+v", recorded)
	}

	recorded = nil
	w = e.post("/pathways/7/events", "tok-officer", form("kind", "delay-requested", "date", "yesterday"))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the date it happened", "Enter the first date the patient can come")
	if recorded != nil {
		t.Fatal("the service was called with a malformed date")
	}

	w = e.post("/pathways/7/events", "tok-officer", form("kind", "admin-event", "date", "2026-11-23"))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "rules.md 1.4.4", `<details class="nhsuk-details" open>`)

	wantStatus(t, e.post("/pathways/7/events", "tok-rota", form("kind", "reoffer-decided", "date", "2026-11-23")), http.StatusForbidden)

	// A decision to treat leads a senior officer on to the admitted list.
	wantRedirect(t, e.post("/pathways/7/events", "tok-senior", form("kind", "decision-to-treat", "date", "2026-11-23")), "/pathways/7/admit")
	wantRedirect(t, e.post("/pathways/7/events", "tok-clinician", form("kind", "decision-to-treat", "date", "2026-11-23")), "/pathways/7")
}
