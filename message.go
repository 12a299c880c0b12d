package elective

import (
	"context"
	"time"
)

// MessageKind is what a letter or message tells the patient. Letters take
// their reviewed wording from the kind, never from free text.
type MessageKind string

// Kinds of letters and messages.
const (
	MsgAcknowledgement MessageKind = "acknowledgement"
	MsgAppointment     MessageKind = "appointment"
	MsgChange          MessageKind = "change"
	MsgCancellation    MessageKind = "cancellation"
	MsgPBInvitation    MessageKind = "partial_booking_invitation"
	MsgPBReminder      MessageKind = "partial_booking_reminder"
	MsgDNA             MessageKind = "dna"
	MsgDischarge       MessageKind = "discharge_to_gp"
	MsgReminder        MessageKind = "reminder" // a text or e-mail before an appointment
)

// Label is the kind for staff.
func (k MessageKind) Label() string {
	switch k {
	case MsgAcknowledgement:
		return "Referral acknowledgement"
	case MsgAppointment:
		return "Appointment letter"
	case MsgChange:
		return "Appointment change"
	case MsgCancellation:
		return "Appointment cancellation"
	case MsgPBInvitation:
		return "Partial booking invitation"
	case MsgPBReminder:
		return "Partial booking reminder"
	case MsgDNA:
		return "Did not attend"
	case MsgDischarge:
		return "Discharge to GP"
	case MsgReminder:
		return "Appointment reminder"
	}
	return string(k)
}

// Channel is how a message travels.
type Channel string

// Channels.
const (
	ChannelLetter Channel = "letter"
	ChannelSMS    Channel = "sms"
	ChannelEmail  Channel = "email"
)

// MessageStatus is where a message is in the outbox.
type MessageStatus string

// Statuses.
const (
	MessageQueued MessageStatus = "queued"
	MessageSent   MessageStatus = "sent"
	MessageFailed MessageStatus = "failed" // tried and gave up; staff must act
)

// Message is a letter, text or e-mail to a patient, queued in the same
// transaction as the change it tells them about and marked sent by the
// dispatcher. The record of dispatch is the proof the DNA rules need that
// an appointment was communicated (rules.md 1.5, 3.3).
type Message struct {
	ID            int64
	PatientID     int64
	PathwayID     int64
	AppointmentID int64
	Kind          MessageKind
	Channel       Channel
	To            string // postcode, phone number or e-mail address, for staff
	Body          string // the text of a text message or e-mail; letters render from the kind
	// DedupeKey makes queuing idempotent: a second message with the same
	// key is not queued, so a rerun of a job sends nothing twice.
	DedupeKey string
	Status    MessageStatus
	Attempts  int
	Error     string
	CreatedAt time.Time
	SentAt    time.Time
}

// Sender sends one message: the default writes letters (as PDF) and
// messages to a folder; another sends e-mail over SMTP.
type Sender interface {
	Send(ctx context.Context, m *Message, pdf []byte) error
}

// OutboxService keeps the outbox: letters and messages queued by the
// booking services, rendered, dispatched and reminders made.
type OutboxService interface {
	// FindMessages returns a patient's messages, newest first.
	FindMessages(ctx context.Context, patientID int64) ([]*Message, error)

	// LetterPDF renders a letter with the patient's and trust's current
	// details. Returns EINVALID when a letter cannot be made: no address,
	// or an address the patient asked not to be used.
	LetterPDF(ctx context.Context, messageID int64) (*Message, []byte, error)

	// QueueReminders queues a text reminder for every booked appointment in
	// the next days days whose patient has a mobile number. Idempotent:
	// a rerun queues nothing already queued.
	QueueReminders(ctx context.Context, days int) (int, error)

	// Dispatch sends up to limit queued messages through sender and
	// records each result. A letter that cannot be rendered fails with the
	// reason, for staff to act on.
	Dispatch(ctx context.Context, sender Sender, limit int) (sent, failed int, err error)
}
