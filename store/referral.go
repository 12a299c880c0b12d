package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openelective/elective"
)

// ReferralService registers and reads referrals.
type ReferralService struct{ db *DB }

// NewReferralService returns the service.
func NewReferralService(db *DB) *ReferralService { return &ReferralService{db} }

var _ elective.ReferralService = (*ReferralService)(nil)

// RegisterReferral validates and registers one referral.
func (s *ReferralService) RegisterReferral(ctx context.Context, reg *elective.ReferralRegistration) (*elective.Referral, error) {
	if err := authorize(ctx, elective.ActionRegisterReferral); err != nil {
		return nil, err
	}
	if err := reg.Validate(s.db.today(s.db.Now())); err != nil {
		return nil, err
	}
	err := s.db.update(ctx, func(tx *Tx) error { return tx.registerReferral(reg) })
	if err != nil {
		return nil, err
	}
	return &reg.Referral, nil
}

// ImportReferrals registers every registration or none.
func (s *ReferralService) ImportReferrals(ctx context.Context, regs []*elective.ReferralRegistration) (int, error) {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return 0, err
	}
	today := s.db.today(s.db.Now())
	var bad elective.ImportError
	for i, reg := range regs {
		if err := reg.Validate(today); err != nil {
			bad.Rows = append(bad.Rows, rowError(reg, i, err))
		}
	}
	if len(bad.Rows) > 0 {
		return 0, &bad
	}
	err := s.db.update(ctx, func(tx *Tx) error {
		for i, reg := range regs {
			// A savepoint per row lets the import go on to report every bad
			// row: PostgreSQL refuses further statements after a failed one.
			if _, err := tx.exec(`SAVEPOINT import_row`); err != nil {
				return err
			}
			if err := tx.registerReferral(reg); err != nil {
				if elective.ErrorCode(err) == elective.EINTERNAL {
					return err
				}
				bad.Rows = append(bad.Rows, rowError(reg, i, err))
				if _, err := tx.exec(`ROLLBACK TO SAVEPOINT import_row`); err != nil {
					return err
				}
			}
			if _, err := tx.exec(`RELEASE SAVEPOINT import_row`); err != nil {
				return err
			}
		}
		if len(bad.Rows) > 0 {
			return &bad
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(regs), nil
}

// rowError describes a failed registration by its line in the import file.
func rowError(reg *elective.ReferralRegistration, i int, err error) elective.RowError {
	line := reg.Line
	if line == 0 {
		line = i + 1
	}
	msg := elective.ErrorMessage(err)
	if fields := elective.ErrorFields(err); len(fields) > 0 {
		msg = ""
		for j, f := range fields {
			if j > 0 {
				msg += "; "
			}
			msg += f.Field + ": " + f.Message
		}
	}
	return elective.RowError{Line: line, Message: msg}
}

// registerReferral saves a validated registration: the patient (matched on
// NHS number or created), the referral, its pathway and the pathway's first
// event, then the PTL row.
func (tx *Tx) registerReferral(reg *elective.ReferralRegistration) error {
	orgID, orgCode, err := tx.org()
	if err != nil {
		return err
	}
	patient, err := tx.matchPatient(&reg.Patient)
	if err != nil {
		return err
	}
	ref := &reg.Referral
	if err := tx.checkReferralReferences(ref); err != nil {
		return err
	}
	ref.PatientID, ref.CreatedAt = patient.ID, tx.now
	ref.ID, err = tx.insert(`INSERT INTO referral (org_id, patient_id, specialty_id, clinician_id, site_id, source, priority,
		ubrn, received_date, original_start, referrer_code, reason, created_at) VALUES `+placeholders(13),
		orgID, ref.PatientID, ref.SpecialtyID, nullID(ref.ClinicianID), nullID(ref.SiteID), ref.Source, ref.Priority,
		ref.UBRN, ref.ReceivedDate, ref.OriginalStart, ref.ReferrerCode, ref.Reason, ref.CreatedAt)
	if err != nil {
		return err
	}
	p, err := tx.openPathway(orgID, orgCode, ref)
	if err != nil {
		return err
	}
	ev := &elective.PathwayEvent{Kind: elective.EventReferralReceived, Date: ref.ReceivedDate,
		Source: ref.Source, OriginalStart: ref.OriginalStart}
	if _, err := tx.recordEvent(p, patient, ev); err != nil {
		return err
	}
	if err := tx.queueLetter(elective.MsgAcknowledgement, patient, p.ID, 0, "acknowledgement:"+itoa64(p.ID)); err != nil {
		return err
	}
	if err := tx.awaitTriage(ref); err != nil {
		return err
	}
	return tx.audit("referral.register", patient.ID, "referral="+itoa64(ref.ID))
}

// matchPatient returns the registered patient with the NHS number, or
// registers a new one. A match whose date of birth differs is refused: the
// NHS number may have been mistyped.
func (tx *Tx) matchPatient(p *elective.Patient) (*elective.Patient, error) {
	existing, err := tx.findPatientByNHSNumber(p.NHSNumber)
	if err != nil {
		return nil, err
	}
	if existing == nil {
		return p, tx.insertPatient(p)
	}
	if existing.BirthDate != p.BirthDate {
		return nil, &elective.Error{Code: elective.EINVALID, Message: "The referral was not saved. Correct the problems below.",
			Fields: []elective.FieldError{{Field: "nhs_number", Message: "NHS number " + elective.FormatNHSNumber(p.NHSNumber) +
				" is registered to a patient with a different date of birth: check the number"}}}
	}
	*p = *existing
	return existing, nil
}

// checkReferralReferences checks the specialty, consultant and site exist
// and that the consultant works in the specialty.
func (tx *Tx) checkReferralReferences(ref *elective.Referral) error {
	var probs elective.Problems
	var n int
	if err := tx.queryRow(`SELECT COUNT(*) FROM specialty WHERE id = ?`, ref.SpecialtyID).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		probs.Add("specialty_id", "Select a specialty from the list")
	}
	if ref.ClinicianID != 0 {
		var spec int64
		err := tx.queryRow(`SELECT specialty_id FROM clinician WHERE id = ?`, ref.ClinicianID).Scan(&spec)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			probs.Add("clinician_id", "Select a consultant from the list")
		case err != nil:
			return err
		case spec != ref.SpecialtyID:
			probs.Add("clinician_id", "That consultant does not work in the selected specialty")
		}
	}
	return probs.Err("The referral was not saved. Correct the problems below.")
}

// openPathway creates the referral's pathway. A PPID carried from another
// provider is kept; otherwise one is issued from the UBRN or the referral
// id (rules.md 1.10.1).
func (tx *Tx) openPathway(orgID int64, orgCode string, ref *elective.Referral) (*elective.Pathway, error) {
	p := &elective.Pathway{PatientID: ref.PatientID, ReferralID: ref.ID, SpecialtyID: ref.SpecialtyID,
		ClinicianID: ref.ClinicianID, SiteID: ref.SiteID, Priority: ref.Priority, CreatedAt: tx.now,
		PPID: ref.PPID, PPIDIssuer: ref.PPIDIssuer}
	if p.PPID == "" {
		p.PPID, p.PPIDIssuer = elective.NewPPID(orgCode, ref.UBRN, ref.ID)
	}
	var err error
	p.ID, err = tx.insert(`INSERT INTO pathway (org_id, ppid, ppid_issuer, patient_id, referral_id, specialty_id,
		clinician_id, site_id, priority, created_at) VALUES `+placeholders(10),
		orgID, p.PPID, p.PPIDIssuer, p.PatientID, p.ReferralID, p.SpecialtyID, nullID(p.ClinicianID), nullID(p.SiteID),
		p.Priority, p.CreatedAt)
	if isUniqueViolation(err) {
		field, what := "ppid", "pathway identifier "+p.PPID
		if ref.UBRN != "" && ref.PPID == "" {
			field, what = "ubrn", "UBRN "+ref.UBRN
		}
		return nil, &elective.Error{Code: elective.ECONFLICT, Message: "The referral was not saved. Correct the problems below.",
			Fields: []elective.FieldError{{Field: field, Message: "A referral with " + what + " is already registered"}}}
	}
	ref.PathwayID = p.ID
	return p, err
}

// FindReferralsByPatient returns a patient's referrals, newest first.
func (s *ReferralService) FindReferralsByPatient(ctx context.Context, patientID int64) ([]*elective.Referral, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var out []*elective.Referral
	err := s.db.update(ctx, func(tx *Tx) error {
		rows, err := tx.query(`SELECT r.id, r.patient_id, COALESCE(p.id, 0), r.specialty_id, r.clinician_id, r.site_id,
			r.source, r.priority, r.ubrn, r.received_date, r.original_start, COALESCE(p.ppid, ''),
			COALESCE(p.ppid_issuer, ''), r.referrer_code, r.reason, r.created_at
			FROM referral r LEFT JOIN pathway p ON p.referral_id = r.id
			WHERE r.patient_id = ? ORDER BY r.received_date DESC, r.id DESC`, patientID)
		if err != nil {
			return err
		}
		defer rows.Close()
		out = out[:0]
		for rows.Next() {
			r := &elective.Referral{}
			if err := rows.Scan(&r.ID, &r.PatientID, &r.PathwayID, &r.SpecialtyID, idCol{&r.ClinicianID}, idCol{&r.SiteID},
				&r.Source, &r.Priority, &r.UBRN, dateCol{&r.ReceivedDate}, dateCol{&r.OriginalStart}, &r.PPID,
				&r.PPIDIssuer, &r.ReferrerCode, &r.Reason, timeCol{&r.CreatedAt}); err != nil {
				return err
			}
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return tx.audit("referral.list", patientID, "")
	})
	return out, err
}
