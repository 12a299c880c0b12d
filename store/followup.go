package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// FollowUpService keeps the partial-booking and PIFU lists.
type FollowUpService struct{ db *DB }

// NewFollowUpService returns the service.
func NewFollowUpService(db *DB) *FollowUpService { return &FollowUpService{db} }

var _ elective.FollowUpService = (*FollowUpService)(nil)

// openFollowUp puts a follow-up on the partial-booking or PIFU list when
// an attendance ends with an appointment to be made later: PIFU when the
// clinician chose it, partial booking when it is due beyond the full-book
// horizon. A follow-up due sooner is booked before the patient leaves, so
// it goes on no list.
func (tx *Tx) openFollowUp(o *elective.AppointmentOutcome, p *elective.Pathway) error {
	if o.Status != elective.AppointmentAttended || o.Outcome != elective.OutcomeAppointmentLater {
		return nil
	}
	kind := elective.FollowUpPIFU
	if !o.PIFU {
		if access.BookBeforeLeaving(o.FollowUpDue, tx.today(), tx.db.Policy) {
			return nil
		}
		kind = elective.FollowUpPartialBooking
	}
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	if _, err := tx.exec(`UPDATE followup SET status = ?, closed_reason = ? WHERE pathway_id = ? AND status = ?`,
		elective.FollowUpClosed, "Replaced by a later outcome", p.ID, elective.FollowUpOpen); err != nil {
		return err
	}
	_, err = tx.exec(`INSERT INTO followup (org_id, pathway_id, patient_id, specialty_id, kind, due_date, status, created_at)
		VALUES `+placeholders(8), orgID, p.ID, p.PatientID, p.SpecialtyID, kind, o.FollowUpDue, elective.FollowUpOpen, tx.now)
	return err
}

// followUpBooked takes a pathway's follow-up off its list once its
// appointment is booked.
func (tx *Tx) followUpBooked(pathwayID int64) error {
	_, err := tx.exec(`UPDATE followup SET status = ? WHERE pathway_id = ? AND status = ?`,
		elective.FollowUpBooked, pathwayID, elective.FollowUpOpen)
	return err
}

const followUpSelect = `SELECT f.id, f.pathway_id, f.patient_id, f.specialty_id, f.kind, f.due_date, f.invited_on, f.reminded_on,
	f.status, f.closed_reason, f.created_at, p.family_name, p.given_name, p.title, p.nhs_number, sp.name
	FROM followup f JOIN patient p ON p.id = f.patient_id JOIN specialty sp ON sp.id = f.specialty_id`

func scanFollowUp(row scanner) (*elective.FollowUp, error) {
	f := &elective.FollowUp{}
	pt := &elective.Patient{}
	err := row.Scan(&f.ID, &f.PathwayID, &f.PatientID, &f.SpecialtyID, &f.Kind, dateCol{&f.Due}, dateCol{&f.InvitedOn},
		dateCol{&f.RemindedOn}, &f.Status, &f.ClosedReason, timeCol{&f.CreatedAt}, &pt.FamilyName, &pt.GivenName, &pt.Title,
		&f.NHSNumber, &f.SpecialtyName)
	f.PatientName = pt.DisplayName()
	return f, err
}

// FindFollowUps returns open follow-ups, soonest due first.
func (s *FollowUpService) FindFollowUps(ctx context.Context, f elective.FollowUpFilter) ([]*elective.FollowUp, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	q, args := followUpSelect+` WHERE f.status = ?`, []any{elective.FollowUpOpen}
	if f.Kind != "" {
		q, args = q+` AND f.kind = ?`, append(args, f.Kind)
	}
	if f.SpecialtyID != 0 {
		q, args = q+` AND f.specialty_id = ?`, append(args, f.SpecialtyID)
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	var out []*elective.FollowUp
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if out, err = tx.findFollowUps(q+` ORDER BY f.due_date, f.id LIMIT ?`, append(args, f.Limit)...); err != nil {
			return err
		}
		return tx.audit("followup.list", 0, "kind="+string(f.Kind)+" rows="+itoa(len(out)))
	})
	return out, err
}

func (tx *Tx) findFollowUps(q string, args ...any) ([]*elective.FollowUp, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.FollowUp
	for rows.Next() {
		f, err := scanFollowUp(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// AdvanceFollowUps sends the invitations and reminders due today. Each
// letter's dedupe key is the follow-up, and the date sent is recorded in
// the same transaction, so a rerun sends nothing twice.
func (s *FollowUpService) AdvanceFollowUps(ctx context.Context) (invited, reminded int, err error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return 0, 0, err
	}
	err = s.db.update(ctx, func(tx *Tx) error {
		invited, reminded = 0, 0
		open, err := tx.findFollowUps(followUpSelect+` WHERE f.status = ? AND f.kind = ? AND f.due_date >= ?`,
			elective.FollowUpOpen, elective.FollowUpPartialBooking, tx.today())
		if err != nil {
			return err
		}
		for _, f := range open {
			switch access.PartialBookingStage(f, tx.today(), tx.db.Policy) {
			case access.StageInviteDue:
				if err := tx.sendFollowUpLetter(f, elective.MsgPBInvitation, "invited_on"); err != nil {
					return err
				}
				invited++
			case access.StageReminderDue:
				if err := tx.sendFollowUpLetter(f, elective.MsgPBReminder, "reminded_on"); err != nil {
					return err
				}
				reminded++
			}
		}
		return nil
	})
	return invited, reminded, err
}

// sendFollowUpLetter queues the letter and records the date it went; a
// reminder also sets when the clinician's review falls due.
func (tx *Tx) sendFollowUpLetter(f *elective.FollowUp, kind elective.MessageKind, column string) error {
	p, err := tx.findPatient(f.PatientID)
	if err != nil {
		return err
	}
	if err := tx.queueLetter(kind, p, f.PathwayID, 0, string(kind)+":"+itoa64(f.ID)); err != nil {
		return err
	}
	review := any(nil)
	if column == "reminded_on" {
		review = access.RespondBy(tx.today(), tx.db.Policy)
	}
	_, err = tx.exec(`UPDATE followup SET `+column+` = ?, review_on = COALESCE(?, review_on) WHERE id = ?`, tx.today(), review, f.ID)
	return err
}

// DischargePIFU closes an expired PIFU and sends the discharge letter.
func (s *FollowUpService) DischargePIFU(ctx context.Context, id int64) error {
	if err := authorize(ctx, elective.ActionRecordOutcome); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		fs, err := tx.findFollowUps(followUpSelect+` WHERE f.id = ?`, id)
		if err != nil {
			return err
		} else if len(fs) == 0 || fs[0].Kind != elective.FollowUpPIFU || fs[0].Status != elective.FollowUpOpen {
			return elective.Errorf(elective.ENOTFOUND, "There is no open patient-initiated follow-up %d", id)
		}
		f := fs[0]
		if !access.PIFUExpired(f, tx.today()) {
			return elective.Errorf(elective.EINVALID, "This PIFU runs until %s: the patient may still call", f.Due.Format("2 Jan 2006"))
		}
		if _, err := tx.exec(`UPDATE followup SET status = ?, closed_reason = ? WHERE id = ?`,
			elective.FollowUpClosed, "PIFU expired: discharged to the GP", id); err != nil {
			return err
		}
		pw, p, _, err := tx.pathwayState(f.PathwayID)
		if err != nil {
			return err
		}
		// The discharge is on the pathway too: the clinician chose PIFU
		// with this end date, so no further follow-up is wanted.
		if _, err := tx.recordEvent(pw, p, &elective.PathwayEvent{Kind: elective.EventDischarged, Date: tx.today(),
			ClinicianConfirmed: true, Note: "Patient-initiated follow-up expired (rules.md 3.11)"}); err != nil {
			return err
		}
		if err := tx.queueLetter(elective.MsgDischarge, p, f.PathwayID, 0, "pifu-discharge:"+itoa64(id)); err != nil {
			return err
		}
		return tx.audit("followup.pifu-discharge", f.PatientID, "followup="+itoa64(id))
	})
}
