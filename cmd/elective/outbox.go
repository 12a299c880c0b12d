package main

import (
	"context"
	"flag"
	"fmt"
	"net/smtp"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/outbox"
	"github.com/openelective/elective/store"
)

// reminderDays is how far ahead appointment reminders are sent.
const reminderDays = 2

// outboxCmd runs the outbox by hand: queue reminders, then send what is
// queued. Both are idempotent, so a cron job may run it as often as it likes.
func (m *Main) outboxCmd(ctx context.Context, args []string) error {
	fs := m.flags("outbox", "outbox [--db PATH_OR_URL] [--folder DIR] [--smtp HOST:PORT --from ADDRESS] [--days N]")
	dsn := m.dbFlag(fs)
	send := m.senderFlags(fs)
	days := fs.Int("days", reminderDays, "queue text reminders for appointments up to this many days ahead")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	queued, sent, failed, err := runOutbox(ctx, db, send(m.Now), *days)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Queued %d reminders and partial-booking letters; sent %d messages; %d failed (see the patients' letters lists).\n", queued, sent, failed)
	return nil
}

// senderFlags declares the sender's flags and returns a function that
// builds the sender: the folder, with SMTP in front for e-mail when set.
func (m *Main) senderFlags(fs *flag.FlagSet) func(now func() time.Time) elective.Sender {
	folder := fs.String("folder", "data/outbox", "folder the default sender writes letters (PDF) and messages to")
	addr := fs.String("smtp", "", "mail server (host:port) for e-mail; letters and texts still go to the folder")
	from := fs.String("from", "", "sender address for e-mail")
	return func(now func() time.Time) elective.Sender {
		var s elective.Sender = outbox.Folder{Dir: *folder}
		if *addr != "" {
			s = outbox.SMTP{Addr: *addr, From: *from, Next: s, Now: now, Auth: smtpAuth(*addr, m.Getenv)}
		}
		return s
	}
}

// smtpAuth is PLAIN authentication with ELECTIVE_SMTP_USERNAME and
// ELECTIVE_SMTP_PASSWORD from the environment (never flags, which other
// users of the machine can read), or none when they are unset: a hospital
// relay often authenticates by network. net/smtp sends PLAIN only over TLS
// or to localhost.
func smtpAuth(addr string, getenv func(string) string) smtp.Auth {
	user := getenv("ELECTIVE_SMTP_USERNAME")
	if user == "" {
		return nil
	}
	host, _, _ := strings.Cut(addr, ":")
	return smtp.PlainAuth("", user, getenv("ELECTIVE_SMTP_PASSWORD"), host)
}

// runOutbox queues reminders and dispatches everything queued, as the
// system.
func runOutbox(ctx context.Context, db *store.DB, sender elective.Sender, days int) (queued, sent, failed int, err error) {
	sys := systemContext(ctx, "outbox")
	svc := store.NewOutboxService(db)
	// Partial-booking invitations and reminders due today join the queue
	// first, so they go out in the same run (rules.md 3.4).
	invited, reminded, err := store.NewFollowUpService(db).AdvanceFollowUps(sys)
	if err != nil {
		return 0, 0, 0, err
	}
	if queued, err = svc.QueueReminders(sys, days); err != nil {
		return 0, 0, 0, err
	}
	queued += invited + reminded
	sent, failed, err = svc.Dispatch(sys, sender, 1000)
	return queued, sent, failed, err
}

// outboxLoop runs the outbox every interval while the server runs. A
// failed run is logged (never with patient details) and tried again next
// time.
func (m *Main) outboxLoop(ctx context.Context, db *store.DB, sender elective.Sender, every time.Duration) {
	logger := m.logger()
	for {
		queued, sent, failed, err := runOutbox(ctx, db, sender, reminderDays)
		switch {
		case err != nil && ctx.Err() == nil:
			logger.Error("outbox", "error", err)
		case sent+failed+queued > 0:
			logger.Info("outbox", "queued", queued, "sent", sent, "failed", failed)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}
