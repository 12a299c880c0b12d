package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// TriageService keeps the triage worklist.
type TriageService struct{ db *DB }

// NewTriageService returns the service.
func NewTriageService(db *DB) *TriageService { return &TriageService{db} }

var _ elective.TriageService = (*TriageService)(nil)

// awaitTriage puts a newly registered referral on the triage worklist, due
// by its priority.
func (tx *Tx) awaitTriage(ref *elective.Referral) error {
	ref.Triage = elective.TriageAwaiting
	_, err := tx.exec(`UPDATE referral SET triage_status = ?, triage_due = ? WHERE id = ?`, elective.TriageAwaiting,
		access.TriageDue(ref.ReceivedDate, ref.Priority, tx.db.Policy), ref.ID)
	return err
}

// FindTriage returns referrals awaiting triage, most urgent first.
func (s *TriageService) FindTriage(ctx context.Context, specialtyID int64) ([]*elective.TriageItem, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	q := `SELECT r.id, r.patient_id, pw.id, r.specialty_id, r.priority, r.source, r.ubrn, r.received_date, r.reason,
		r.triage_due, p.family_name, p.given_name, p.title, p.nhs_number, sp.name
		FROM referral r JOIN patient p ON p.id = r.patient_id JOIN specialty sp ON sp.id = r.specialty_id
		JOIN pathway pw ON pw.referral_id = r.id
		WHERE r.triage_status = ? AND (? = 0 OR r.specialty_id = ?)
		ORDER BY CASE r.priority WHEN 'two-week-wait' THEN 1 WHEN 'urgent' THEN 2 ELSE 3 END, r.triage_due, r.id LIMIT 500`
	var out []*elective.TriageItem
	err := s.db.update(ctx, func(tx *Tx) error {
		rows, err := tx.query(q, elective.TriageAwaiting, specialtyID, specialtyID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r := &elective.Referral{Triage: elective.TriageAwaiting}
			it := &elective.TriageItem{Referral: r}
			pt := &elective.Patient{}
			if err := rows.Scan(&r.ID, &r.PatientID, &r.PathwayID, &r.SpecialtyID, &r.Priority, &r.Source, &r.UBRN,
				dateCol{&r.ReceivedDate}, &r.Reason, dateCol{&it.Due}, &pt.FamilyName, &pt.GivenName, &pt.Title,
				&it.NHSNumber, &it.SpecialtyName); err != nil {
				return err
			}
			it.PatientName = pt.DisplayName()
			out = append(out, it)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return tx.audit("triage.list", 0, "rows="+itoa(len(out)))
	})
	return out, err
}

// Triage records a clinician's decision on a referral awaiting triage.
func (s *TriageService) Triage(ctx context.Context, d *elective.TriageDecision) error {
	if err := authorize(ctx, elective.ActionTriage); err != nil {
		return err
	}
	if err := d.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		var status elective.TriageStatus
		var pathwayID int64
		if err := tx.queryRow(`SELECT r.triage_status, pw.id FROM referral r JOIN pathway pw ON pw.referral_id = r.id
			WHERE r.id = ?`, d.ReferralID).Scan(&status, &pathwayID); err != nil {
			return notFound(err, "There is no such referral")
		}
		if status != elective.TriageAwaiting {
			return elective.Errorf(elective.ECONFLICT, "This referral has already been triaged (%s)", status.Label())
		}
		if err := tx.applyTriage(d, pathwayID); err != nil {
			return err
		}
		_, err := tx.exec(`UPDATE referral SET triage_status = ?, triaged_at = ?, triaged_by = ?, triage_note = ? WHERE id = ?`,
			d.Status, tx.now, nullID(tx.userID()), d.Note, d.ReferralID)
		if err != nil {
			return err
		}
		p, err := tx.findPathway(pathwayID)
		if err != nil {
			return err
		}
		return tx.audit("referral.triage", p.PatientID, "referral="+itoa64(d.ReferralID)+" decision="+string(d.Status))
	})
}

// applyTriage carries out the decision on the referral and its pathway.
func (tx *Tx) applyTriage(d *elective.TriageDecision, pathwayID int64) error {
	switch d.Status {
	case elective.TriageAccepted:
		for _, q := range []string{`UPDATE referral SET priority = ? WHERE id = ?`, `UPDATE pathway SET priority = ? WHERE referral_id = ?`} {
			if _, err := tx.exec(q, d.Priority, d.ReferralID); err != nil {
				return err
			}
		}
	case elective.TriageRedirected:
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM specialty WHERE id = ?`, d.SpecialtyID).Scan(&n); err != nil || n == 0 {
			return elective.Errorf(elective.EINVALID, "There is no such specialty")
		}
		for _, q := range []string{`UPDATE referral SET specialty_id = ?, clinician_id = NULL WHERE id = ?`,
			`UPDATE pathway SET specialty_id = ?, clinician_id = NULL WHERE referral_id = ?`} {
			if _, err := tx.exec(q, d.SpecialtyID, d.ReferralID); err != nil {
				return err
			}
		}
	case elective.TriageReturned, elective.TriageRejected:
		return tx.returnToReferrer(d, pathwayID)
	}
	// The PTL row follows the new priority or specialty at once.
	p, _, res, err := tx.pathwayState(pathwayID)
	if err != nil {
		return err
	}
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	return tx.savePTL(orgID, p, res)
}

// returnToReferrer stops the clock with a decision not to treat (34) on
// the triage date, and writes to the patient with a copy to the GP.
func (tx *Tx) returnToReferrer(d *elective.TriageDecision, pathwayID int64) error {
	p, patient, _, err := tx.pathwayState(pathwayID)
	if err != nil {
		return err
	}
	what := "Returned to the referrer with advice at triage: "
	if d.Status == elective.TriageRejected {
		what = "Rejected at triage as not appropriate for the service: "
	}
	ev := &elective.PathwayEvent{Kind: elective.EventAdminEvent, Date: tx.today(), Outcome: elective.RTTNotTreated, Note: what + d.Note}
	if _, err := tx.recordEvent(p, patient, ev); err != nil {
		return err
	}
	return tx.queueLetter(elective.MsgDischarge, patient, p.ID, 0, "triage-return:"+itoa64(d.ReferralID))
}
