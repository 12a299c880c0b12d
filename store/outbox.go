package store

import (
	"context"
	"time"

	"github.com/openelective/elective"
)

// OutboxService keeps the outbox of letters and messages.
type OutboxService struct{ db *DB }

// NewOutboxService returns the service.
func NewOutboxService(db *DB) *OutboxService { return &OutboxService{db} }

var _ elective.OutboxService = (*OutboxService)(nil)

const messageColumns = `id, patient_id, pathway_id, appointment_id, kind, channel, recipient, body, dedupe_key, status,
	attempts, error, created_at, sent_at`

func scanMessage(row scanner) (*elective.Message, error) {
	m := &elective.Message{}
	err := row.Scan(&m.ID, &m.PatientID, idCol{&m.PathwayID}, idCol{&m.AppointmentID}, &m.Kind, &m.Channel, &m.To, &m.Body,
		&m.DedupeKey, &m.Status, &m.Attempts, &m.Error, timeCol{&m.CreatedAt}, timeCol{&m.SentAt})
	return m, err
}

// queueLetter queues a letter to the patient about a pathway or an
// appointment, once per key. Letters need no address to be queued: a
// letter that cannot be made fails at dispatch, where staff see why.
func (tx *Tx) queueLetter(kind elective.MessageKind, patient *elective.Patient, pathwayID, appointmentID int64, key string) error {
	_, err := tx.queueMessage(&elective.Message{PatientID: patient.ID, PathwayID: pathwayID, AppointmentID: appointmentID,
		Kind: kind, Channel: elective.ChannelLetter, To: patient.Address.Postcode, DedupeKey: key})
	return err
}

// queueMessage inserts a queued message unless one with its key exists,
// and reports whether it did.
func (tx *Tx) queueMessage(m *elective.Message) (bool, error) {
	orgID, _, err := tx.org()
	if err != nil {
		return false, err
	}
	m.Status, m.CreatedAt = elective.MessageQueued, tx.now
	res, err := tx.exec(`INSERT INTO message (org_id, patient_id, pathway_id, appointment_id, kind, channel, recipient, body,
		dedupe_key, status, created_at) VALUES `+placeholders(11)+` ON CONFLICT (dedupe_key) DO NOTHING`,
		orgID, m.PatientID, nullID(m.PathwayID), nullID(m.AppointmentID), m.Kind, m.Channel, m.To, m.Body, m.DedupeKey,
		m.Status, m.CreatedAt)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// FindMessages returns a patient's messages, newest first.
func (s *OutboxService) FindMessages(ctx context.Context, patientID int64) ([]*elective.Message, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var out []*elective.Message
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if out, err = tx.findMessages(`patient_id = ? ORDER BY id DESC`, patientID); err != nil {
			return err
		}
		return tx.audit("message.list", patientID, "")
	})
	return out, err
}

func (tx *Tx) findMessages(where string, args ...any) ([]*elective.Message, error) {
	rows, err := tx.query(`SELECT `+messageColumns+` FROM message WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// QueueReminders queues a text reminder for each booked appointment from
// now to days ahead whose patient has a mobile number (07…). The dedupe
// key is the appointment, so rerunning the job queues nothing twice.
func (s *OutboxService) QueueReminders(ctx context.Context, days int) (int, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return 0, err
	}
	n := 0
	err := s.db.update(ctx, func(tx *Tx) error {
		n = 0
		due, err := tx.reminderCandidates(days)
		if err != nil {
			return err
		}
		for _, m := range due {
			queued, err := tx.queueMessage(m)
			if err != nil {
				return err
			}
			if queued {
				n++
			}
		}
		return nil
	})
	return n, err
}

// reminderCandidates reads the booked appointments of the next days days
// that have a mobile number and no reminder yet, as reminders to queue.
// They are read in full before any is queued: the transaction has one
// connection, which cannot insert while a result is still open.
func (tx *Tx) reminderCandidates(days int) ([]*elective.Message, error) {
	rows, err := tx.query(`SELECT a.id, a.pathway_id, a.patient_id, a.start_at, p.phone, st.name FROM appointment a
		JOIN patient p ON p.id = a.patient_id JOIN site st ON st.id = a.site_id
		WHERE a.status = ? AND a.start_at > ? AND a.start_at <= ? AND p.phone LIKE '07%'
		AND NOT EXISTS (SELECT 1 FROM message m WHERE m.appointment_id = a.id AND m.kind = ?)`,
		elective.AppointmentBooked, tx.now, tx.now.Add(time.Duration(days)*24*time.Hour), elective.MsgReminder)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Message
	for rows.Next() {
		var start time.Time
		var site string
		m := &elective.Message{Kind: elective.MsgReminder, Channel: elective.ChannelSMS}
		if err := rows.Scan(&m.AppointmentID, &m.PathwayID, &m.PatientID, timeCol{&start}, &m.To, &site); err != nil {
			return nil, err
		}
		m.Body = "Reminder: you have a hospital appointment on " + start.In(tx.db.Location).Format("Monday 2 January at 15:04") +
			" at " + site + ". If you cannot come, please phone us so that we can offer the time to someone else."
		m.DedupeKey = "reminder:" + itoa64(m.AppointmentID)
		out = append(out, m)
	}
	return out, rows.Err()
}
