package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// stubMove serves appointment 300, free slots and a Reschedule that
// validates like the real service.
func (e *testEnv) stubMove(got **elective.RescheduleRequest) {
	var filters []elective.SlotFilter
	e.stubBooking(&filters)
	e.bookings.FindAppointmentByIDFn = func(context.Context, int64) (*elective.Appointment, error) {
		a := fixtureAppointment(e.loc)
		a.Start = e.now.AddDate(0, 0, 3)
		return a, nil
	}
	e.bookings.RescheduleFn = func(_ context.Context, req *elective.RescheduleRequest) (*elective.Appointment, error) {
		*got = req
		if _, err := req.Validate(); err != nil {
			return nil, err
		}
		a := fixtureAppointment(e.loc)
		a.ID, a.SlotID, a.Start, a.Replaces = 301, req.SlotID, fixtureSlots(e.loc)[0].Start, 300
		return a, nil
	}
}

func TestAppointmentMove(t *testing.T) {
	e := newTestEnv(t)
	var got *elective.RescheduleRequest
	e.stubMove(&got)
	w := e.get("/appointments/300/move", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Move an appointment", "The patient asked (attendance code 2)", "The hospital moved it (attendance code 4)",
		`name="reason_code" type="radio" value="H1"`, `name="slot_id" type="radio" value="200"`, "Move appointment")

	t.Run("OK", func(t *testing.T) {
		w := e.post("/appointments/300/move", "tok-officer", url.Values{"slot_id": {"200"}, "reason_code": {"P1"},
			"communicated": {"phone"}})
		wantRedirect(t, w, "/patients/42")
		if *got != (elective.RescheduleRequest{AppointmentID: 300, SlotID: 200, ReasonCode: "P1", Communicated: elective.CommunicatedByPhone}) {
			t.Errorf("request = %+v", got)
		}
		r := newGet("/patients/42", "tok-officer", cookie(w, flashCookie))
		wantBody(t, e.do(r), "Appointment moved to 30 Nov 2026 at 09:30")
	})
	t.Run("Invalid", func(t *testing.T) {
		w := e.post("/appointments/300/move", "tok-officer", url.Values{"reason_code": {"H9"}, "communicated": {"letter"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, "Select the new slot", "Say why the appointment is being moved", `value="H9" checked`)
	})
	t.Run("Conflict", func(t *testing.T) {
		e.bookings.RescheduleFn = func(context.Context, *elective.RescheduleRequest) (*elective.Appointment, error) {
			return nil, elective.Errorf(elective.ECONFLICT, "That slot has just been booked by someone else. Choose another slot.")
		}
		w := e.post("/appointments/300/move", "tok-officer", url.Values{"slot_id": {"200"}, "reason_code": {"H1"}, "communicated": {"letter"}})
		wantStatus(t, w, http.StatusConflict)
		wantBody(t, w, "That slot has just been booked by someone else")
		wantNoBody(t, w, `value="200" checked`)
	})
	t.Run("Started", func(t *testing.T) {
		e.bookings.FindAppointmentByIDFn = func(context.Context, int64) (*elective.Appointment, error) {
			return fixtureAppointment(e.loc), nil // 08:30, before the test clock's 09:00
		}
		w := e.get("/appointments/300/move", "tok-officer")
		wantBody(t, w, "Record what happened")
		wantNoBody(t, w, "Move appointment")
	})
	t.Run("Forbidden", func(t *testing.T) {
		wantStatus(t, e.get("/appointments/300/move", "tok-rota"), http.StatusForbidden)
	})
}
