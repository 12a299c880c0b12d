package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/openelective/elective"
)

func (e *testEnv) stubCascade() {
	today := e.today()
	sess := &elective.ClinicSession{ID: 50, SpecialtyID: 1, Date: today.AddDays(7), Start: today.AddDays(7).At(9, 0, e.loc),
		End: today.AddDays(7).At(12, 0, e.loc), Status: elective.SessionOpen}
	e.cascade.PreviewSessionCancellationFn = func(_ context.Context, _ int64, from time.Time) (*elective.SessionChange, error) {
		return &elective.SessionChange{Session: sess, Clinician: "Ms A Okafor", Booked: fixturePTLEntries()[:1],
			Appointments: []*elective.Appointment{fixtureAppointment(e.loc)}, NeedsApproval: true, NoticeDays: 42, From: from,
			SlotTimes: []time.Time{sess.Start, sess.Start.Add(20 * time.Minute), sess.Start.Add(40 * time.Minute)}}, nil
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
	if got.SessionID != 50 || got.Reason != elective.CancelForSickness || !got.From.IsZero() {
		t.Errorf("cancellation %+v", got)
	}
	// Reducing: close the slots from 09:40, previewed, then done.
	w = e.get("/sessions/50?from=09:40", "tok-senior")
	wantBody(t, w, "Close this clinic from 09:40", "Patients booked from 09:40", `name="from" value="09:40"`, "Close from 09:40 and rebook 1 patients")
	w = e.post("/sessions/50/cancel", "tok-senior", url.Values{"reason": {"leave"}, "from": {"09:40"}, "specialty_id": {"1"}})
	wantRedirect(t, w, "/displaced?specialty_id=1")
	if want := e.today().AddDays(7).At(9, 40, e.loc); !got.From.Equal(want) {
		t.Errorf("reduction from %v, want %v", got.From, want)
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
