package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// stubValidation serves the patient record with pathway 7 validated on 10
// October, and records validations like the real service: the role is
// checked first, then the result.
func (e *testEnv) stubValidation(got **elective.Validation) {
	e.stubPatientRecord()
	e.pathways.FindPathwayByIDFn = func(_ context.Context, id int64) (*elective.Pathway, error) {
		if id != 7 {
			return nil, elective.Errorf(elective.ENOTFOUND, "Pathway not found.")
		}
		return fixtureValidatedPathway(), nil
	}
	e.pathways.RecordValidationFn = func(ctx context.Context, v *elective.Validation) error {
		if err := elective.Authorize(elective.UserFromContext(ctx), elective.ActionValidatePathway); err != nil {
			return err
		}
		*got = v
		if !v.Result.Valid() {
			return &elective.Error{Code: elective.EINVALID, Message: "The validation was not recorded",
				Fields: []elective.FieldError{{Field: "result", Message: "Select what the validation found"}}}
		}
		return nil
	}
}

func TestPathwayViewValidation(t *testing.T) {
	e := newTestEnv(t)
	var got *elective.Validation
	e.stubValidation(&got)
	t.Run("Status", func(t *testing.T) {
		w := e.get("/pathways/7", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, `<h2 id="validate">Validation</h2>`, "Due 8 Jan 2027", "10 Oct 2026",
			// The validated event shows its result and note.
			"Corrected: details were wrong and have been put right; address updated",
			`action="/pathways/7/validations" method="post"`, `name="csrf_token" value="csrf-tok-officer"`,
			`id="result" name="result" type="radio" value="confirmed"`, "Could not contact the patient",
			`name="note"`, "Record validation")
		wantNoBody(t, w, "Due since")
	})
	t.Run("Overdue", func(t *testing.T) {
		e.pathways.FindPathwayByIDFn = func(context.Context, int64) (*elective.Pathway, error) { return fixturePathway(), nil }
		defer e.stubValidation(&got)
		w := e.get("/pathways/7", "tok-officer")
		wantBody(t, w, `nhsuk-tag nhsuk-tag--red">Due since 2 Oct 2026`, "Not validated since the clock started")
	})
	t.Run("Stopped", func(t *testing.T) {
		e.pathways.FindPathwayByIDFn = func(context.Context, int64) (*elective.Pathway, error) { return fixtureStoppedPathway(), nil }
		defer e.stubValidation(&got)
		wantBody(t, e.get("/pathways/8", "tok-officer"), "No RTT clock is running, so no validation is due.")
	})
	t.Run("ClinicianSeesNoForm", func(t *testing.T) {
		w := e.get("/pathways/7", "tok-clinician")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, "Due 8 Jan 2027")
		wantNoBody(t, w, "/validations", "Record validation")
	})
	t.Run("PatientCardLinks", func(t *testing.T) {
		wantBody(t, e.get("/patients/42", "tok-officer"), `href="/pathways/7#validate">Validate</a>`)
		wantNoBody(t, e.get("/patients/42", "tok-clinician"), "#validate")
	})
}

func TestValidationCreate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		e := newTestEnv(t)
		var got *elective.Validation
		e.stubValidation(&got)
		w := e.post("/pathways/7/validations", "tok-officer", url.Values{"result": {"confirmed"}, "note": {"  spoke to patient "}})
		wantRedirect(t, w, "/pathways/7")
		if *got != (elective.Validation{PathwayID: 7, Result: elective.ValidationConfirmed, Note: "spoke to patient"}) {
			t.Errorf("validation = %+v", got)
		}
		wantBody(t, e.do(newGet("/pathways/7", "tok-officer", cookie(w, flashCookie))), "Validation recorded")
	})
	t.Run("ErrNoResult", func(t *testing.T) {
		e := newTestEnv(t)
		var got *elective.Validation
		e.stubValidation(&got)
		w := e.post("/pathways/7/validations", "tok-officer", url.Values{"note": {"left a message"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, "There is a problem", "The validation was not recorded", `href="#result"`,
			`id="result-error"`, "Select what the validation found", "nhsuk-form-group--error",
			">left a message</textarea>", "Pathway history")
	})
	t.Run("ErrForbidden", func(t *testing.T) {
		e := newTestEnv(t)
		var got *elective.Validation
		e.stubValidation(&got)
		for _, token := range []string{"tok-clinician", "tok-rota"} {
			w := e.post("/pathways/7/validations", token, url.Values{"result": {"confirmed"}})
			wantStatus(t, w, http.StatusForbidden)
			wantBody(t, w, "does not allow this")
		}
		if got != nil {
			t.Errorf("a validation was recorded: %+v", got)
		}
	})
	t.Run("ErrCSRF", func(t *testing.T) {
		e := newTestEnv(t)
		e.pathways.RecordValidationFn = nil // must not be called
		for _, form := range []url.Values{
			{"result": {"confirmed"}, "csrf_token": {"csrf-tok-clinician"}},
			{"result": {"confirmed"}, "csrf_token": {""}},
		} {
			w := e.post("/pathways/7/validations", "tok-officer", form)
			wantStatus(t, w, http.StatusForbidden)
			wantBody(t, w, "Your form could not be sent")
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		e := newTestEnv(t)
		var got *elective.Validation
		e.stubValidation(&got)
		e.pathways.RecordValidationFn = func(context.Context, *elective.Validation) error {
			return elective.Errorf(elective.ENOTFOUND, "Pathway not found.")
		}
		wantStatus(t, e.post("/pathways/99/validations", "tok-officer", url.Values{"result": {"confirmed"}}), http.StatusNotFound)
		wantStatus(t, e.post("/pathways/abc/validations", "tok-officer", url.Values{"result": {"confirmed"}}), http.StatusNotFound)
	})
}
