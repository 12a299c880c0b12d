package outbox

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// TestFolder: a letter lands as its PDF and a text as a text file; a
// rerun overwrites the same file, so nothing is sent twice.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	f := Folder{Dir: filepath.Join(dir, "out")}
	ctx := context.Background()
	letter := &elective.Message{ID: 7, Kind: elective.MsgAppointment, Channel: elective.ChannelLetter}
	if err := f.Send(ctx, letter, []byte("%PDF-1.4 test")); err != nil {
		t.Fatal(err)
	}
	if err := f.Send(ctx, letter, []byte("%PDF-1.4 test")); err != nil {
		t.Fatal(err)
	}
	text := &elective.Message{ID: 8, Kind: elective.MsgReminder, Channel: elective.ChannelSMS, To: "07700 900123", Body: "Reminder"}
	if err := f.Send(ctx, text, nil); err != nil {
		t.Fatal(err)
	}
	files, _ := os.ReadDir(f.Dir)
	if len(files) != 2 || files[0].Name() != "000007-letter-appointment.pdf" || files[1].Name() != "000008-sms-reminder.txt" {
		t.Fatalf("files %v", files)
	}
	if err := f.Send(ctx, &elective.Message{ID: 9, Channel: elective.ChannelLetter}, nil); err == nil {
		t.Error("a letter without its PDF was written")
	}
}

// TestSMTPCompose: the e-mail is plain text with a header that cannot be
// split, and other channels pass to Next.
func TestSMTPCompose(t *testing.T) {
	s := SMTP{From: "booking@example.nhs.uk", Now: func() time.Time { return time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC) }}
	msg := string(s.compose(&elective.Message{To: "patient@example.com", Kind: elective.MsgReminder, Body: "See you on Monday"}))
	for _, want := range []string{"To: patient@example.com\r\n", "Subject: Appointment reminder\r\n", "base64"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	bad := &elective.Message{Channel: elective.ChannelEmail, To: "x@example.com\r\nBcc: all@example.com"}
	if err := s.Send(context.Background(), bad, nil); err == nil {
		t.Error("a header injection was sent")
	}
	var passed bool
	s.Next = senderFunc(func(context.Context, *elective.Message, []byte) error { passed = true; return nil })
	if err := s.Send(context.Background(), &elective.Message{Channel: elective.ChannelSMS}, nil); err != nil || !passed {
		t.Errorf("an SMS did not pass to Next: %v", err)
	}
}

type senderFunc func(context.Context, *elective.Message, []byte) error

func (f senderFunc) Send(ctx context.Context, m *elective.Message, pdf []byte) error {
	return f(ctx, m, pdf)
}
