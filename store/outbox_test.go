package store_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
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
		for run, want := range []int{1, 0} {
			if n, err := svc.QueueReminders(as(system), 60); err != nil || n != want {
				t.Fatalf("reminder run %d queued %d (%v), want %d", run+1, n, err, want)
			}
		}
		if n := count(t, db, "message WHERE kind = 'reminder'"); n != 1 {
			t.Errorf("%d reminders after two runs, want 1", n)
		}
	})
}

// countingSender counts sends per message, safely across goroutines.
type countingSender struct {
	mu   sync.Mutex
	sent map[int64]int
}

func (c *countingSender) Send(_ context.Context, m *elective.Message, _ []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent[m.ID]++
	return nil
}

// TestDispatchConcurrent: two dispatchers running at once (the server's job
// and a cron run) send each message exactly once.
func TestDispatchConcurrent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		for i := 1; i <= 8; i++ {
			MustRegister(t, db, i, today.AddDays(-i))
		}
		svc := store.NewOutboxService(db)
		c := &countingSender{sent: map[int64]int{}}
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, _, err := svc.Dispatch(as(system), c, 100); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if len(c.sent) != 8 {
			t.Fatalf("%d messages sent, want 8", len(c.sent))
		}
		for id, n := range c.sent {
			if n != 1 {
				t.Errorf("message %d sent %d times", id, n)
			}
		}
	})
}
