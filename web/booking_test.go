package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// stubBooking serves pathway 7 waiting on the outpatient-new list with
// fixture slots, and records the slot filters asked for.
func (e *testEnv) stubBooking(filters *[]elective.SlotFilter) {
	e.stubPatientRecord()
	e.waitlist.FindPTLEntryFn = func(_ context.Context, id int64, census elective.Date) (*elective.PTLEntry, error) {
		if census != e.today() {
			e.t.Errorf("FindPTLEntry census = %v, want today", census)
		}
		return fixturePTLEntries()[0], nil
	}
	e.clinics.FindSlotsFn = func(_ context.Context, f elective.SlotFilter) ([]*elective.Slot, error) {
		*filters = append(*filters, f)
		return fixtureSlots(e.loc), nil
	}
}

func TestAppointmentNew(t *testing.T) {
	e := newTestEnv(t)
	var filters []elective.SlotFilter
	e.stubBooking(&filters)
	w := e.get("/pathways/7/book", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	want := elective.SlotFilter{SpecialtyID: 1, Type: elective.SlotNew, From: e.now, FreeOnly: true, Limit: 40}
	if len(filters) != 1 || filters[0] != want {
		t.Errorf("slot filter = %+v, want %+v", filters, want)
	}
	wantBody(t, w, "SMITH, Jane (Mrs)", "Monday 30 November 2026", "Monday 7 December 2026", "09:30", "09:50", "14:00",
		"Ms A Okafor", "Anytown General Hospital", `name="slot_id" type="radio" value="200"`,
		`value="letter" checked`, "How was the patient told?", "Book appointment")

	t.Run("Filter", func(t *testing.T) {
		wantStatus(t, e.get("/pathways/7/book?clinician_id=10&from=2026-12-01", "tok-officer"), http.StatusOK)
		f := filters[len(filters)-1]
		if f.ClinicianID != 10 || !f.From.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, e.loc)) {
			t.Errorf("slot filter = %+v", f)
		}
		wantStatus(t, e.get("/pathways/7/book?from=2020-01-01", "tok-officer"), http.StatusOK)
		if f := filters[len(filters)-1]; !f.From.Equal(e.now) {
			t.Errorf("a past from date gave From = %v, want now", f.From)
		}
	})
	t.Run("AwaitingTriage", func(t *testing.T) {
		wantNoBody(t, e.get("/pathways/7/book", "tok-officer"), "Not yet triaged")
		e.refs.FindReferralsByPatientFn = func(context.Context, int64) ([]*elective.Referral, error) {
			r := fixtureReferral()
			r.Triage = elective.TriageAwaiting
			return []*elective.Referral{r}, nil
		}
		defer e.stubPatientRecord()
		wantBody(t, e.get("/pathways/7/book", "tok-officer"), "Not yet triaged", `name="slot_id"`)
	})
	t.Run("NotWaiting", func(t *testing.T) {
		e.waitlist.FindPTLEntryFn = func(context.Context, int64, elective.Date) (*elective.PTLEntry, error) {
			return nil, elective.Errorf(elective.ENOTFOUND, "No running clock")
		}
		e.bookings.WaitingForFn = func(context.Context, int64) (elective.ListType, error) {
			return "", elective.Errorf(elective.EINVALID, "This pathway has no running clock and no follow-up is wanted, so it is not waiting for an appointment")
		}
		w := e.get("/pathways/7/book", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, "no follow-up is wanted")
		wantNoBody(t, w, `name="slot_id"`)
	})
	t.Run("FollowUpAfterClockStop", func(t *testing.T) {
		e.bookings.WaitingForFn = func(context.Context, int64) (elective.ListType, error) {
			return elective.ListOutpatientFollowUp, nil
		}
		w := e.get("/pathways/7/book", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, "Not RTT", `name="slot_id"`)
		if f := filters[len(filters)-1]; f.Type != elective.SlotFollowUp {
			t.Errorf("a follow-up searched %s slots", f.Type)
		}
	})
}

func TestAppointmentCreate(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		e := newTestEnv(t)
		var filters []elective.SlotFilter
		e.stubBooking(&filters)
		var got *elective.BookingRequest
		e.bookings.BookAppointmentFn = func(_ context.Context, req *elective.BookingRequest) (*elective.Appointment, error) {
			got = req
			return &elective.Appointment{ID: 301, PatientID: 42, Start: fixtureSlots(e.loc)[0].Start}, nil
		}
		w := e.post("/pathways/7/appointments", "tok-officer", url.Values{"slot_id": {"200"}, "communicated": {"phone"}})
		wantRedirect(t, w, "/patients/42")
		if *got != (elective.BookingRequest{PathwayID: 7, SlotID: 200, Communicated: elective.CommunicatedByPhone}) {
			t.Errorf("request = %+v", got)
		}
		r := newGet("/patients/42", "tok-officer", cookie(w, flashCookie))
		wantBody(t, e.do(r), "Appointment booked for 30 Nov 2026 at 09:30")
	})
	t.Run("ErrConflict", func(t *testing.T) {
		e := newTestEnv(t)
		var filters []elective.SlotFilter
		e.stubBooking(&filters)
		e.bookings.BookAppointmentFn = func(context.Context, *elective.BookingRequest) (*elective.Appointment, error) {
			return nil, elective.Errorf(elective.ECONFLICT, "slot 200 already has an active booking")
		}
		w := e.post("/pathways/7/appointments", "tok-officer",
			url.Values{"slot_id": {"200"}, "communicated": {"letter"}, "clinician_id": {"10"}})
		wantStatus(t, w, http.StatusConflict)
		wantBody(t, w, "That slot has just been booked by someone else. Choose another slot.", `name="slot_id"`)
		wantNoBody(t, w, `value="200" checked`)
		if len(filters) != 1 || filters[0].ClinicianID != 10 {
			t.Errorf("fresh slots not loaded with the same filter: %+v", filters)
		}
	})
	t.Run("ErrNoSlot", func(t *testing.T) {
		e := newTestEnv(t)
		var filters []elective.SlotFilter
		e.stubBooking(&filters)
		w := e.post("/pathways/7/appointments", "tok-officer", url.Values{"communicated": {"letter"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, `href="#slots"`, "Select a slot", `id="slots-error"`)
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		e := newTestEnv(t)
		var filters []elective.SlotFilter
		e.stubBooking(&filters)
		e.bookings.BookAppointmentFn = func(context.Context, *elective.BookingRequest) (*elective.Appointment, error) {
			return nil, elective.Errorf(elective.EINVALID, "That slot is in the past")
		}
		w := e.post("/pathways/7/appointments", "tok-officer", url.Values{"slot_id": {"200"}, "communicated": {"letter"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, "That slot is in the past", `value="200" checked`)
	})
}

// stubOutcome serves appointment 300 and validates outcomes like the real
// service.
func (e *testEnv) stubOutcome(got **elective.AppointmentOutcome) {
	e.stubPatientRecord()
	e.bookings.FindAppointmentByIDFn = func(_ context.Context, id int64) (*elective.Appointment, error) {
		return fixtureAppointment(e.loc), nil
	}
	e.bookings.RecordOutcomeFn = func(_ context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error) {
		*got = o
		a := fixtureAppointment(e.loc)
		if err := o.Validate(a, e.loc, e.now); err != nil {
			return nil, err
		}
		a.Status = o.Status
		return a, nil
	}
}

func TestAppointmentOutcome(t *testing.T) {
	e := newTestEnv(t)
	var got *elective.AppointmentOutcome
	e.stubOutcome(&got)
	w := e.get("/appointments/300/outcome", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "23 Nov 2026 08:30", `data-aria-controls="conditional-attended"`,
		`nhsuk-radios__conditional nhsuk-radios__conditional--hidden" id="conditional-attended"`,
		"30 — First definitive treatment", "Discharged from consultant&#39;s care", "Did not attend")
	wantBody(t, w, "The appointment letter was not sent") // no message was sent for it

	t.Run("LetterSent", func(t *testing.T) {
		e.outbox.FindMessagesFn = func(context.Context, int64) ([]*elective.Message, error) {
			return []*elective.Message{{AppointmentID: 300, Kind: elective.MsgAppointment, Status: elective.MessageSent,
				SentAt: e.now.AddDate(0, 0, -14)}}, nil
		}
		defer func() {
			e.outbox.FindMessagesFn = func(context.Context, int64) ([]*elective.Message, error) { return nil, nil }
		}()
		wantNoBody(t, e.get("/appointments/300/outcome", "tok-officer"), "The appointment letter was not sent")
	})

	t.Run("OK", func(t *testing.T) {
		w := e.post("/appointments/300/outcome", "tok-officer", url.Values{"status": {"attended"},
			"rtt_status": {"30"}, "outcome": {"1"}, "reason": {"seen"}})
		wantRedirect(t, w, "/patients/42")
		if *got != (elective.AppointmentOutcome{AppointmentID: 300, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTTreatment, Outcome: elective.OutcomeDischarged, Reason: "seen"}) {
			t.Errorf("outcome = %+v", got)
		}
	})
	t.Run("HiddenFieldsDropped", func(t *testing.T) {
		w := e.post("/appointments/300/outcome", "tok-officer", url.Values{"status": {"cancelled-patient"},
			"rtt_status": {"30"}, "outcome": {"1"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, "Select who cancelled and why")
		w = e.post("/appointments/300/outcome", "tok-officer", url.Values{"status": {"cancelled-patient"},
			"rtt_status": {"30"}, "outcome": {"1"}, "reason_code": {"P1"}})
		wantRedirect(t, w, "/patients/42")
		if got.RTTStatus != "" || got.Outcome != "" || got.ReasonCode != "P1" {
			t.Errorf("a cancellation carried attendance fields: %+v", got)
		}
		w = e.post("/appointments/300/outcome", "tok-officer", url.Values{"status": {"cancelled-patient"}, "reason_code": {"H1"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, "Choose a reason that fits who cancelled")
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		w := e.post("/appointments/300/outcome", "tok-officer", url.Values{"status": {"attended"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, "The outcome was not recorded", `href="#rtt-status"`, "Select the RTT status the clinician recorded",
			`href="#outcome"`, `value="attended" checked`, `id="rtt-status-error"`)
		wantNoBody(t, w, `nhsuk-radios__conditional--hidden" id="conditional-attended"`)
	})
	t.Run("ErrNoStatus", func(t *testing.T) {
		w := e.post("/appointments/300/outcome", "tok-officer", url.Values{})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, `href="#status"`, "Select what happened to the appointment")
	})
}
