package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// stubTodaysList makes the fixture session today's, with Mrs Smith booked.
func (e *testEnv) stubTodaysList() {
	e.stubTheatres()
	today := e.today()
	e.theatres.FindTheatreSessionFn = func(context.Context, int64) (*elective.TheatreSession, error) {
		s := fixtureTheatreSession(today)
		s.Date, s.Status = today, elective.SessionLocked
		en := fixtureEntries(today)[0]
		en.Status = elective.AdmittedScheduled
		s.Cases = []*elective.TheatreCase{{ID: 4, SessionID: 9, EntryID: 31, Position: 1, Minutes: 120, Status: elective.CaseBooked, Entry: en, TCI: today}}
		return s, nil
	}
}

// The list builder offers "Admitted" on the list's day, defaulting to the
// list's date and the planned minutes, with the procedure performed.
func TestCaseAdmissionForm(t *testing.T) {
	e := newTestEnv(t)
	e.stubTodaysList()
	w := e.get("/theatre-sessions/9", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `action="/cases/4/admission"`, `name="admitted_on" type="date" value="`+e.today().String()+`"`,
		`name="actual_minutes" type="text" inputmode="numeric" value="120"`, `name="treated" type="checkbox" value="yes" checked`,
		"Record the admission")
	w = e.get("/theatre-sessions/9", "tok-officer")
	if strings.Contains(w.Body.String(), "/cases/4/admission") {
		t.Error("an officer who cannot manage theatres is offered the admission")
	}
	e.stubTheatres() // the list in 20 days: not yet
	w = e.get("/theatre-sessions/9", "tok-senior")
	if strings.Contains(w.Body.String(), "Record the admission") {
		t.Error("the admission is offered on a future list")
	}
}

// Posting the admission passes the form to the service and returns to the
// list with a flash; a refusal is shown on the list.
func TestCaseAdmissionPost(t *testing.T) {
	e := newTestEnv(t)
	e.stubTodaysList()
	var asked elective.CaseAdmission
	e.theatres.RecordAdmissionFn = func(_ context.Context, a elective.CaseAdmission) error { asked = a; return nil }
	w := e.post("/cases/4/admission", "tok-senior", url.Values{"session_id": {"9"}, "admitted_on": {e.today().String()},
		"actual_minutes": {"95"}, "treated": {"yes"}, "note": {" ok "}})
	wantRedirect(t, w, "/theatre-sessions/9")
	if asked.CaseID != 4 || asked.AdmittedOn != e.today() || asked.ActualMinutes != 95 || !asked.Treated || asked.Note != "ok" {
		t.Errorf("asked %+v", asked)
	}
	w = e.post("/cases/4/admission", "tok-senior", url.Values{"session_id": {"9"}, "admitted_on": {e.today().String()}, "actual_minutes": {"95"}})
	wantRedirect(t, w, "/theatre-sessions/9")
	if asked.Treated {
		t.Error("an unticked box is recorded as treated")
	}
	e.theatres.RecordAdmissionFn = func(_ context.Context, a elective.CaseAdmission) error {
		asked = a
		return &elective.Error{Code: elective.EINVALID, Message: "Enter the minutes the operation took, from 1 to 1440",
			Fields: []elective.FieldError{{Field: "actual_minutes", Message: "Enter the minutes the operation took, from 1 to 1440"}}}
	}
	w = e.post("/cases/4/admission", "tok-senior", url.Values{"session_id": {"9"}, "admitted_on": {"tomorrow"},
		"actual_minutes": {"lots"}, "treated": {"yes"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the minutes the operation took", "SMITH, Jane (Mrs)")
	if !asked.AdmittedOn.IsZero() || asked.ActualMinutes != 0 {
		t.Errorf("unreadable input passed as %+v, want zero values for the rule to name", asked)
	}
}
