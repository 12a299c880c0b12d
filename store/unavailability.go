package store

import (
	"context"

	"github.com/openelective/elective"
)

// AddUnavailability validates and records a period the patient cannot
// attend.
func (s *OfferService) AddUnavailability(ctx context.Context, u *elective.Unavailability) error {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := u.Validate(tx.today()); err != nil {
			return err
		}
		if _, err := tx.findPatient(u.PatientID); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		u.ID, err = tx.insert(`INSERT INTO unavailability (org_id, patient_id, date_from, date_to, reason) VALUES `+
			placeholders(5), orgID, u.PatientID, u.From, u.To, u.Reason)
		if err != nil {
			return err
		}
		return tx.audit("unavailability.add", u.PatientID, u.From.String()+" to "+u.To.String())
	})
}

// FindUnavailability returns a patient's periods of unavailability that
// have not ended, earliest first.
func (s *OfferService) FindUnavailability(ctx context.Context, patientID int64) ([]*elective.Unavailability, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var out []*elective.Unavailability
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.findUnavailability(patientID)
		return err
	})
	return out, err
}

func (tx *Tx) findUnavailability(patientID int64) ([]*elective.Unavailability, error) {
	byPatient, err := tx.unavailabilityOf([]any{patientID})
	return byPatient[patientID], err
}

// RemoveUnavailability deletes a period the patient no longer has.
func (s *OfferService) RemoveUnavailability(ctx context.Context, id int64) error {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		var patientID int64
		if err := tx.queryRow(`SELECT patient_id FROM unavailability WHERE id = ?`, id).Scan(&patientID); err != nil {
			return notFound(err, "There is no such period of unavailability")
		}
		if _, err := tx.exec(`DELETE FROM unavailability WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.audit("unavailability.remove", patientID, "unavailability="+itoa64(id))
	})
}
