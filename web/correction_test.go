package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// TestAppointmentCorrect: a recorded DNA shows the correction form to a
// senior officer (not to a booking officer), and a correction without a
// reason comes back with the problem marked.
func TestAppointmentCorrect(t *testing.T) {
	e := newTestEnv(t)
	e.stubPatientRecord()
	e.bookings.FindAppointmentByIDFn = func(context.Context, int64) (*elective.Appointment, error) {
		a := fixtureAppointment(e.loc)
		a.Status = elective.AppointmentDNA
		return a, nil
	}
	var got *elective.AppointmentOutcome
	e.bookings.CorrectOutcomeFn = func(_ context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error) {
		got = o
		a := fixtureAppointment(e.loc)
		a.Status = elective.AppointmentDNA
		if err := o.ValidateCorrection(a, e.loc, e.now); err != nil {
			return nil, err
		}
		a.Status = o.Status
		return a, nil
	}
	w := e.get("/appointments/300/outcome", "tok-senior")
	wantBody(t, w, "Correct the outcome", `action="/appointments/300/correction"`, "Why was the recorded outcome wrong?")
	wantNoBody(t, w, "Cancelled by patient")
	wantNoBody(t, e.get("/appointments/300/outcome", "tok-officer"), "Correct the outcome")

	form := url.Values{"status": {"attended"}, "rtt_status": {"20"}, "outcome": {"2"}}
	w = e.post("/appointments/300/correction", "tok-senior", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Say why the recorded outcome was wrong")
	form.Set("reason", "ticked the wrong patient")
	w = e.post("/appointments/300/correction", "tok-senior", form)
	wantRedirect(t, w, "/patients/42")
	if got.Status != elective.AppointmentAttended || got.RTTStatus != "20" || got.Reason != "ticked the wrong patient" {
		t.Errorf("correction = %+v", got)
	}
	wantStatus(t, e.post("/appointments/300/correction", "tok-officer", form), http.StatusForbidden)
}
