package store

import (
	"context"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
	"github.com/openelective/elective/letter"
)

// maxAttempts is how often the dispatcher tries a message before it fails
// it for staff to act on.
const maxAttempts = 3

// LetterPDF renders a letter with the current details of the patient, the
// appointment and the trust, and audits the read.
func (s *OutboxService) LetterPDF(ctx context.Context, messageID int64) (*elective.Message, []byte, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, nil, err
	}
	var m *elective.Message
	var pdf []byte
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if m, pdf, err = tx.renderLetter(messageID); err != nil {
			return err
		}
		return tx.audit("message.letter", m.PatientID, "message="+itoa64(messageID))
	})
	return m, pdf, err
}

// renderLetter reads what the letter prints and renders it; a letter the
// rules refuse (no address, an address not to be used) is EINVALID.
func (tx *Tx) renderLetter(messageID int64) (*elective.Message, []byte, error) {
	ms, err := tx.findMessages(`id = ?`, messageID)
	if err != nil {
		return nil, nil, err
	} else if len(ms) == 0 {
		return nil, nil, elective.Errorf(elective.ENOTFOUND, "There is no such letter")
	}
	m := ms[0]
	if m.Channel != elective.ChannelLetter {
		return m, nil, elective.Errorf(elective.EINVALID, "This is a %s, not a letter", m.Channel)
	}
	l, err := tx.letterFor(m)
	if err != nil {
		return m, nil, err
	}
	pdf, err := letter.RenderCopies(*l, tx.db.Location)
	if err != nil {
		return m, nil, elective.Errorf(elective.EINVALID, "The letter cannot be made: %s", strings.TrimPrefix(err.Error(), "letter: "))
	}
	return m, pdf, nil
}

// letterFor gathers the letter's contents.
func (tx *Tx) letterFor(m *elective.Message) (*letter.Letter, error) {
	p, err := tx.findPatient(m.PatientID)
	if err != nil {
		return nil, err
	}
	org, err := tx.organisation()
	if err != nil {
		return nil, err
	}
	l := &letter.Letter{Kind: letter.Kind(m.Kind), Date: civil(elective.DateOf(m.CreatedAt, tx.db.Location)),
		Trust: letter.Trust{Name: org.Name, Address: addressLines(org.Address, true), Phone: org.BookingPhone},
		Recipient: letter.Recipient{Name: p.Title + " " + p.GivenName + " " + p.FamilyName, Salutation: p.Title + " " + p.FamilyName,
			Address: addressLines(p.Address, false), Postcode: p.Address.Postcode},
		AddressDoNotUse: p.HasAlert(elective.AlertAddressNotToUse),
		Patient:         letter.Patient{Name: p.GivenName + " " + p.FamilyName, NHSNumber: p.NHSNumber, BirthDate: civil(p.BirthDate)}}
	if p.GPPractice != "" {
		l.GP = letter.GPPractice{Name: "GP practice " + p.GPPractice, Address: []string{"Registered practice " + p.GPPractice}}
	}
	if m.PathwayID != 0 {
		pw, err := tx.findPathway(m.PathwayID)
		if err != nil {
			return nil, err
		}
		l.Reference = pw.PPID
		tx.queryRow(`SELECT name FROM specialty WHERE id = ?`, pw.SpecialtyID).Scan(&l.Specialty)
	}
	if m.AppointmentID != 0 {
		if err := tx.addAppointment(l, m.AppointmentID); err != nil {
			return nil, err
		}
	}
	if m.Kind == elective.MsgPBInvitation || m.Kind == elective.MsgPBReminder {
		l.RespondBy = civil(access.RespondBy(elective.DateOf(m.CreatedAt, tx.db.Location), tx.db.Policy))
	}
	return l, nil
}

// addAppointment puts the appointment's time and place on the letter, and
// who cancelled it for a cancellation letter.
func (tx *Tx) addAppointment(l *letter.Letter, id int64) error {
	a, err := tx.findAppointment(id)
	if err != nil {
		return err
	}
	l.Appointment = letter.AppointmentDetails{When: a.Start, Clinician: a.Clinician.DisplayName(), Site: a.Site.Name,
		Clinic: l.Specialty}
	l.CancelledByPatient = a.Status == elective.AppointmentCancelledPatient
	if n := len(a.History); n > 0 && a.Status != elective.AppointmentBooked {
		l.Reason = a.History[n-1].Reason
	}
	if a.Replaces == 0 {
		return nil
	}
	// A change letter says which appointment moved and why.
	old, err := tx.findAppointment(a.Replaces)
	if err != nil {
		return err
	}
	l.Previous, l.CancelledByPatient = old.Start, old.Status == elective.AppointmentCancelledPatient
	if n := len(old.History); n > 0 {
		l.Reason = old.History[n-1].Reason
	}
	return nil
}

// organisation reads the trust with its booking office's address.
func (tx *Tx) organisation() (*elective.Organisation, error) {
	o := &elective.Organisation{}
	err := tx.queryRow(`SELECT id, code, name, address_line1, address_line2, town, postcode, booking_phone
		FROM organisation ORDER BY id LIMIT 1`).Scan(&o.ID, &o.Code, &o.Name, &o.Address.Line1, &o.Address.Line2,
		&o.Address.Town, &o.Address.Postcode, &o.BookingPhone)
	return o, notFound(err, "No organisation is set up yet")
}

// addressLines lists the non-empty lines of an address, with the postcode
// last when withPostcode (a return address) and without it otherwise (the
// letter prints the recipient's postcode itself).
func addressLines(a elective.Address, withPostcode bool) []string {
	var out []string
	lines := []string{a.Line1, a.Line2, a.Town}
	if withPostcode {
		lines = append(lines, a.Postcode)
	}
	for _, s := range lines {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// civil is a calendar date as the letter package takes it: midnight UTC.
func civil(d elective.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Dispatch sends up to limit queued messages, oldest first. Letters are
// rendered here, so a letter the rules refuse fails at once with the
// reason; a sender's error is retried on the next run, up to maxAttempts.
func (s *OutboxService) Dispatch(ctx context.Context, sender elective.Sender, limit int) (sent, failed int, err error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return 0, 0, err
	}
	var queued []*elective.Message
	err = s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		queued, err = tx.findMessages(`status = ? ORDER BY id LIMIT ?`, elective.MessageQueued, limit)
		return err
	})
	if err != nil {
		return 0, 0, err
	}
	for _, m := range queued {
		ok, err := s.dispatchOne(ctx, sender, m)
		if err != nil {
			return sent, failed, err
		}
		if ok {
			sent++
		} else if m.Status == elective.MessageFailed {
			failed++
		}
	}
	return sent, failed, nil
}

// dispatchOne renders and sends one message and records the result. It
// first claims the message by counting the attempt, so that when two
// dispatchers run at once (the server's job and a cron run) only one sends
// it; the other skips it.
func (s *OutboxService) dispatchOne(ctx context.Context, sender elective.Sender, m *elective.Message) (bool, error) {
	if claimed, err := s.claim(ctx, m); err != nil || !claimed {
		return false, err
	}
	var pdf []byte
	var renderErr error
	if m.Channel == elective.ChannelLetter {
		err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
			_, pdf, renderErr = tx.renderLetter(m.ID)
			if elective.ErrorCode(renderErr) == elective.EINVALID {
				return nil
			}
			return renderErr
		})
		if err != nil {
			return false, err
		}
	}
	sendErr := renderErr
	if sendErr == nil {
		sendErr = sender.Send(ctx, m, pdf)
	}
	switch {
	case sendErr == nil:
		m.Status, m.Error = elective.MessageSent, ""
	case renderErr != nil || m.Attempts >= maxAttempts:
		m.Status, m.Error = elective.MessageFailed, elective.ErrorMessage(sendErr)
	default:
		m.Error = elective.ErrorMessage(sendErr)
	}
	return sendErr == nil, s.db.update(ctx, func(tx *Tx) error {
		var sentAt any
		if m.Status == elective.MessageSent {
			sentAt = tx.now
		}
		if _, err := tx.exec(`UPDATE message SET status = ?, error = ?, sent_at = ?, claimed_at = NULL WHERE id = ?`,
			m.Status, m.Error, sentAt, m.ID); err != nil {
			return err
		}
		return tx.audit("message.dispatch", m.PatientID, "message="+itoa64(m.ID)+" status="+string(m.Status))
	})
}

// claimLease is how long a claim holds: longer than any send takes, so
// only a dispatcher that died mid-send loses its claim.
const claimLease = 10 * time.Minute

// claim counts an attempt on a still-queued message and marks it as being
// sent, if no one else has claimed it since it was read. Without the mark,
// a dispatcher that read the queue after another's claim but before its
// send was recorded would see the message still queued and send it again.
func (s *OutboxService) claim(ctx context.Context, m *elective.Message) (bool, error) {
	var claimed bool
	err := s.db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE message SET attempts = attempts + 1, claimed_at = ?
			WHERE id = ? AND status = ? AND attempts = ? AND (claimed_at IS NULL OR claimed_at < ?)`,
			tx.now, m.ID, elective.MessageQueued, m.Attempts, tx.now.Add(-claimLease))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		claimed = n == 1
		return err
	})
	if claimed {
		m.Attempts++
	}
	return claimed, err
}
