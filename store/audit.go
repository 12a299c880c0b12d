package store

import (
	"context"

	"github.com/openelective/elective"
)

// AuditService reads the audit trail.
type AuditService struct{ db *DB }

// NewAuditService returns the service.
func NewAuditService(db *DB) *AuditService { return &AuditService{db} }

var _ elective.AuditService = (*AuditService)(nil)

// audit appends an audit event for the signed-in user in the transaction,
// so that the record of an access commits or rolls back with the access.
func (tx *Tx) audit(action string, patientID int64, detail string) error {
	u := elective.UserFromContext(tx.ctx)
	if u == nil {
		return elective.Errorf(elective.EUNAUTHORIZED, "Sign in to continue")
	}
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	_, err = tx.exec(`INSERT INTO audit_event (org_id, at, user_id, username, action, patient_id, request_id, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		orgID, tx.now, nullID(u.ID), u.Username, action, nullID(patientID), elective.RequestIDFromContext(tx.ctx), detail)
	return err
}

// authorize checks the signed-in user may take the action.
func authorize(ctx context.Context, action elective.Action) error {
	return elective.Authorize(elective.UserFromContext(ctx), action)
}

// FindAuditEvents returns audit events, newest first, and audits the read.
func (s *AuditService) FindAuditEvents(ctx context.Context, f elective.AuditFilter) ([]*elective.AuditEvent, error) {
	if err := authorize(ctx, elective.ActionViewAudit); err != nil {
		return nil, err
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	var out []*elective.AuditEvent
	err := s.db.update(ctx, func(tx *Tx) error {
		if f.NHSNumber != "" {
			p, err := tx.findPatientByNHSNumber(elective.NormalizeNHSNumber(f.NHSNumber))
			if err != nil {
				return err
			} else if p == nil {
				return elective.Errorf(elective.ENOTFOUND, "No patient has NHS number %s", f.NHSNumber)
			}
			f.PatientID = p.ID
		}
		var err error
		if out, err = tx.findAuditEvents(f); err != nil {
			return err
		}
		return tx.audit("audit.read", f.PatientID, "")
	})
	return out, err
}

func (tx *Tx) findAuditEvents(f elective.AuditFilter) ([]*elective.AuditEvent, error) {
	q := `SELECT id, at, user_id, username, action, patient_id, request_id, detail FROM audit_event WHERE 1 = 1`
	var args []any
	if f.PatientID != 0 {
		q += ` AND patient_id = ?`
		args = append(args, f.PatientID)
	}
	if f.UserID != 0 {
		q += ` AND user_id = ?`
		args = append(args, f.UserID)
	}
	rows, err := tx.query(q+` ORDER BY id DESC LIMIT ?`, append(args, f.Limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.AuditEvent
	for rows.Next() {
		e := &elective.AuditEvent{}
		if err := rows.Scan(&e.ID, timeCol{&e.At}, idCol{&e.UserID}, &e.Username, &e.Action, idCol{&e.PatientID}, &e.RequestID, &e.Detail); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// userID is the signed-in user's id, 0 for none.
func (tx *Tx) userID() int64 {
	if u := elective.UserFromContext(tx.ctx); u != nil {
		return u.ID
	}
	return 0
}
