package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

func (e *testEnv) stubCascade() {
	today := e.today()
	sess := &elective.ClinicSession{ID: 50, SpecialtyID: 1, Date: today.AddDays(7), Start: today.AddDays(7).At(9, 0, e.loc),
		End: today.AddDays(7).At(12, 0, e.loc), Status: elective.SessionOpen}
	e.cascade.PreviewSessionCancellationFn = func(context.Context, int64) (*elective.SessionChange, error) {
		return &elective.SessionChange{Session: sess, Clinician: "Ms A Okafor", Booked: fixturePTLEntries()[:1],
			Appointments: []*elective.Appointment{fixtureAppointment(e.loc)}, NeedsApproval: true, NoticeDays: 42}, nil
	}
	e.cascade.ProposeRebookingsFn = func(context.Context, int64) ([]*elective.Displaced, error) {
		return []*elective.Displaced{{Appointment: fixtureAppointment(e.loc), Entry: fixturePTLEntries()[0],
			Proposed: fixtureSlots(e.loc)[0], Why: "Earliest reasonable slot with the same clinician"}}, nil
	}
}

func TestSessionCancel(t *testing.T) {
	e := newTestEnv(t)
	e.stubCascade()
	w := e.get("/sessions/50", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Booked patients", "Only a senior booking officer")
	wantNoBody(t, w, "Cancel clinic and rebook") // an officer may not cancel clinics
	wantBody(t, e.get("/sessions/50", "tok-senior"), "less than 42 days away", "Cancel clinic and rebook 1 patients")
	var got *elective.SessionCancellation
	e.cascade.CancelSessionFn = func(_ context.Context, c *elective.SessionCancellation) (int, error) {
		got = c
		if c.Reason == elective.CancelForOther {
			return 0, elective.Errorf(elective.EFORBIDDEN, "needs a booking manager's approval")
		}
		return 1, nil
	}
	w = e.post("/sessions/50/cancel", "tok-senior", url.Values{"reason": {"other"}, "note": {"Flood"}})
	wantStatus(t, w, http.StatusForbidden)
	wantBody(t, w, "needs a booking manager&#39;s approval", `value="Flood"`)
	w = e.post("/sessions/50/cancel", "tok-officer", url.Values{"reason": {"sickness"}, "specialty_id": {"1"}})
	wantRedirect(t, w, "/displaced?specialty_id=1")
	if got.SessionID != 50 || got.Reason != elective.CancelForSickness {
		t.Errorf("cancellation %+v", got)
	}
}

func TestDisplacedBook(t *testing.T) {
	e := newTestEnv(t)
	e.stubCascade()
	w := e.get("/displaced?specialty_id=1", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Patients to rebook", "Earliest reasonable slot with the same clinician", `name="book"`)
	var booked []int64
	e.bookings.BookAppointmentFn = func(_ context.Context, r *elective.BookingRequest) (*elective.Appointment, error) {
		if r.SlotID == 201 {
			return nil, elective.Errorf(elective.ECONFLICT, "That slot has just been booked by someone else.")
		}
		booked = append(booked, r.PathwayID)
		return &elective.Appointment{ID: 1}, nil
	}
	w = e.post("/displaced", "tok-officer", url.Values{"specialty_id": {"1"}, "book": {"7:200", "8:201"}})
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "Rebooked 1 patients; 1 could not be booked", "Pathway 8: That slot has just been booked")
	if len(booked) != 1 || booked[0] != 7 {
		t.Errorf("booked %v", booked)
	}
	w = e.post("/displaced", "tok-officer", url.Values{"specialty_id": {"1"}, "book": {"7:200"}})
	wantRedirect(t, w, "/displaced?specialty_id=1")
}
