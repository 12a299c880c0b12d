package store

import (
	"context"
	"slices"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// CancelCase records the cancellation of a booked case, classified by
// package theatre under the 28-day rule. The case is cancelled, the entry
// goes back to waiting (or off the list when the treatment is no longer
// required); the RTT clock is not touched (rules.md 2.1.8).
func (s *TheatreService) CancelCase(ctx context.Context, c elective.CancelCase) (*elective.CancelledOperation, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	if !slices.Contains(elective.OperationCancelReasons, c.Reason) {
		return nil, elective.Errorf(elective.EINVALID, "Choose the reason the operation is cancelled")
	}
	var op *elective.CancelledOperation
	err := s.db.update(ctx, func(tx *Tx) error {
		tc, e, ts, err := tx.lockCase(c.CaseID)
		if err != nil {
			return err
		}
		onTheDay := c.OnTheDay || !tx.today().Before(ts.Date)
		op = &elective.CancelledOperation{CaseID: tc.ID, EntryID: e.ID, PlannedOn: ts.Date, CancelledAt: tx.now,
			Reason: c.Reason, Note: c.Note, PatientName: e.PatientName, NHSNumber: e.NHSNumber, Procedure: e.ProcedureName}
		op.LastMinute, op.Guaranteed, op.RebookBy = theatre.ClassifyCancellation(ts.Date, c.Reason, onTheDay, tx.db.Policy.RebookWithinDays)
		status, removed := elective.AdmittedWaiting, ""
		if c.Reason == elective.CancelNotRequired {
			status, removed = elective.AdmittedRemoved, c.Reason.Label()
		}
		if err := tx.takeOffList(tc, ts, status, removed); err != nil {
			return err
		}
		if err := tx.insertCancelledOperation(op); err != nil {
			return err
		}
		if c.Override != "" {
			if err := tx.audit("theatre.override", e.PatientID, "session="+itoa64(ts.ID)+" cancel case="+itoa64(tc.ID)+
				" reason="+c.Override); err != nil {
				return err
			}
		}
		return tx.audit("theatre.case-cancel", e.PatientID, "case="+itoa64(tc.ID)+" reason="+string(c.Reason))
	})
	if err != nil {
		return nil, err
	}
	return op, nil
}

func (tx *Tx) insertCancelledOperation(op *elective.CancelledOperation) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	op.ID, err = tx.insert(`INSERT INTO cancelled_operation (org_id, case_id, entry_id, planned_on, cancelled_at,
		cancelled_by, reason, note, last_minute, postponed, guaranteed, rebook_by) VALUES `+placeholders(12),
		orgID, op.CaseID, op.EntryID, op.PlannedOn, op.CancelledAt, nullID(tx.userID()), op.Reason, op.Note,
		op.LastMinute, false, op.Guaranteed, op.RebookBy)
	return err
}

// recordRebook gives a cancelled operation its new case and date; a new
// time within cancelledOps.postponementHours of the old one makes it a
// postponement (rules.md 2.1.5).
func (tx *Tx) recordRebook(opID, entryID int64, tc *elective.TheatreCase, ts *elective.TheatreSession) error {
	ops, err := tx.findCancelledOps(cancelledSelect+` WHERE o.id = ?`, opID)
	if err != nil {
		return err
	} else if len(ops) == 0 || ops[0].EntryID != entryID {
		return elective.Errorf(elective.EINVALID, "The cancelled operation being rebooked is not this patient's")
	} else if ops[0].NewCaseID != 0 {
		return elective.Errorf(elective.ECONFLICT, "The cancelled operation already has its new date")
	}
	var oldDate elective.Date
	var oldStart int
	if err := tx.queryRow(`SELECT s.session_date, s.start_minute FROM theatre_case c JOIN theatre_session s ON s.id = c.session_id
		WHERE c.id = ?`, ops[0].CaseID).Scan(dateCol{&oldDate}, &oldStart); err != nil {
		return err
	}
	loc := tx.db.Location
	was := oldDate.At(oldStart/60, oldStart%60, loc)
	now := ts.Date.At(ts.StartMinute/60, ts.StartMinute%60, loc)
	postponed := theatre.IsPostponement(was, now, tx.db.Policy.PostponementHours)
	_, err = tx.exec(`UPDATE cancelled_operation SET new_case_id = ?, new_date = ?, postponed = ? WHERE id = ?`,
		tc.ID, ts.Date, postponed, opID)
	return err
}

const cancelledSelect = `SELECT o.id, o.case_id, o.entry_id, o.planned_on, o.cancelled_at, o.reason, o.note, o.last_minute,
	o.postponed, o.guaranteed, o.rebook_by, o.new_case_id, o.new_date, p.title, p.given_name, p.family_name, p.nhs_number,
	e.procedure_name
	FROM cancelled_operation o JOIN admitted_entry e ON e.id = o.entry_id JOIN patient p ON p.id = e.patient_id`

func (tx *Tx) findCancelledOps(q string, args ...any) ([]*elective.CancelledOperation, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.CancelledOperation
	for rows.Next() {
		op := &elective.CancelledOperation{}
		pt := &elective.Patient{}
		if err := rows.Scan(&op.ID, &op.CaseID, &op.EntryID, dateCol{&op.PlannedOn}, timeCol{&op.CancelledAt}, &op.Reason,
			&op.Note, &op.LastMinute, &op.Postponed, &op.Guaranteed, dateCol{&op.RebookBy}, idCol{&op.NewCaseID},
			dateCol{&op.NewDate}, &pt.Title, &pt.GivenName, &pt.FamilyName, &op.NHSNumber, &op.Procedure); err != nil {
			return nil, err
		}
		op.PatientName = pt.DisplayName()
		out = append(out, op)
	}
	return out, rows.Err()
}

// FindCancelledOperations returns the cancellations of operations planned
// from..to: those under the 28-day rule still without a new date first,
// soonest due, then the rest, newest first.
func (s *TheatreService) FindCancelledOperations(ctx context.Context, from, to elective.Date) ([]*elective.CancelledOperation, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var out []*elective.CancelledOperation
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.findCancelledOps(cancelledSelect+` WHERE o.planned_on >= ? AND o.planned_on <= ?
			ORDER BY CASE WHEN o.guaranteed = ? AND o.postponed = ? AND o.new_case_id IS NULL THEN 0 ELSE 1 END,
			CASE WHEN o.guaranteed = ? AND o.postponed = ? AND o.new_case_id IS NULL THEN o.rebook_by END,
			o.planned_on DESC, o.id DESC LIMIT 1000`, from, to, true, false, true, false)
		if err != nil {
			return err
		}
		return tx.audit("theatre.cancellations", 0, "from="+from.String()+" to="+to.String()+" rows="+itoa(len(out)))
	})
	return out, err
}
