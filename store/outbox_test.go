package store_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// recorder is a Sender that keeps what it was given.
type recorder struct{ sent []*elective.Message }

func (r *recorder) Send(_ context.Context, m *elective.Message, pdf []byte) error {
	if m.Channel == elective.ChannelLetter && !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return elective.Errorf(elective.EINVALID, "not a PDF")
	}
	r.sent = append(r.sent, m)
	return nil
}

// TestOutbox: registering and booking queue their letters in the same
// transaction; the dispatcher renders and sends them and records it; a
// patient who asked that their address not be used gets no letter, and
// staff see why; reminders are queued once however often the job runs.
func TestOutbox(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewOutboxService(db)
		ref := MustRegister(t, db, 1, today.AddDays(-10))
		withheld := MustRegister(t, db, 2, today.AddDays(-10), func(r *elective.ReferralRegistration) {
			r.Patient.Alerts = []elective.Alert{{Kind: elective.AlertAddressNotToUse}}
		})
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		ms, err := svc.FindMessages(as(booker), ref.PatientID)
		if err != nil || len(ms) != 2 || ms[0].Kind != elective.MsgAppointment || ms[0].AppointmentID != a.ID ||
			ms[1].Kind != elective.MsgAcknowledgement || ms[0].Status != elective.MessageQueued {
			t.Fatalf("messages %+v, %v", ms, err)
		}
		_, pdf, err := svc.LetterPDF(as(booker), ms[0].ID)
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-1.4")) {
			t.Fatalf("LetterPDF: %v", err)
		}
		rec := &recorder{}
		sent, failed, err := svc.Dispatch(as(system), rec, 100)
		if err != nil || sent != 2 || failed != 1 {
			t.Fatalf("Dispatch = %d sent, %d failed, %v", sent, failed, err)
		}
		got, _ := svc.FindMessages(as(booker), withheld.PatientID)
		if got[0].Status != elective.MessageFailed || !strings.Contains(got[0].Error, "asked") {
			t.Errorf("withheld address: %+v", got[0])
		}
		if sent, _, _ := svc.Dispatch(as(system), rec, 100); sent != 0 {
			t.Errorf("a second dispatch sent %d again", sent)
		}
		for range 2 {
			if _, err := svc.QueueReminders(as(system), 60); err != nil {
				t.Fatal(err)
			}
		}
		if n := count(t, db, "message WHERE kind = 'reminder'"); n != 1 {
			t.Errorf("%d reminders after two runs, want 1", n)
		}
	})
}
