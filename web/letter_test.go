package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/openelective/elective"
)

func TestPatientLettersAndPDF(t *testing.T) {
	e := newTestEnv(t)
	e.stubPatientRecord()
	e.outbox.FindMessagesFn = func(context.Context, int64) ([]*elective.Message, error) { return fixtureMessages(e.now), nil }
	w := e.get("/patients/42", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Letters and messages", "Appointment letter", "Not sent", "asked that this address not be used",
		`href="/messages/1/letter.pdf"`)
	e.outbox.LetterPDFFn = func(_ context.Context, id int64) (*elective.Message, []byte, error) {
		if id == 2 {
			return nil, nil, elective.Errorf(elective.EINVALID, "The letter cannot be made: no address")
		}
		return fixtureMessages(e.now)[2], []byte("%PDF-1.4 fixture"), nil
	}
	w = e.get("/messages/1/letter.pdf", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != "application/pdf" || w.Body.String() != "%PDF-1.4 fixture" {
		t.Errorf("letter: %s %q", ct, w.Body.String())
	}
	w = e.get("/messages/2/letter.pdf", "tok-officer")
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "no address")
}
