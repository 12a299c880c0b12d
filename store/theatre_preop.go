package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// BookPreOp books a pre-operative assessment for an entry still waiting
// or scheduled.
func (s *TheatreService) BookPreOp(ctx context.Context, entryID int64, on elective.Date) (*elective.PreOpAssessment, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	a := &elective.PreOpAssessment{EntryID: entryID, On: on, Outcome: elective.PreOpBooked}
	err := s.db.update(ctx, func(tx *Tx) error {
		e, err := tx.findEntry(entryID)
		if err != nil {
			return err
		}
		if e.Status != elective.AdmittedWaiting && e.Status != elective.AdmittedScheduled {
			return elective.Errorf(elective.EINVALID, "The patient is no longer on the admitted waiting list")
		}
		if on.IsZero() || on.Before(tx.today()) {
			return elective.Errorf(elective.EINVALID, "Choose a pre-operative assessment date from today")
		}
		a.ID, err = tx.insert(`INSERT INTO preop_assessment (entry_id, on_date, outcome, notes, created_at) VALUES `+
			placeholders(5), entryID, on, a.Outcome, "", tx.now)
		if err != nil {
			return err
		}
		return tx.audit("theatre.preop-book", e.PatientID, "entry="+itoa64(entryID)+" on="+on.String())
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// RecordPreOp records the outcome of a booked assessment on the day it is
// recorded; a fit outcome is valid for the specialty's validity period.
func (s *TheatreService) RecordPreOp(ctx context.Context, id int64, outcome elective.PreOpOutcome, notes string) (*elective.PreOpAssessment, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	switch outcome {
	case elective.PreOpFit, elective.PreOpNotFit, elective.PreOpAnaestheticReview:
	default:
		return nil, elective.Errorf(elective.EINVALID, "Choose the assessment's outcome: fit, not fit or anaesthetic review")
	}
	var a *elective.PreOpAssessment
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if a, err = tx.findPreOp(id); err != nil {
			return err
		}
		e, err := tx.findEntry(a.EntryID)
		if err != nil {
			return err
		}
		a.Outcome, a.Notes, a.AssessedOn, a.ValidUntil = outcome, notes, tx.today(), elective.Date{}
		if outcome == elective.PreOpFit {
			days, err := tx.poaValidityDays(e.SpecialtyID)
			if err != nil {
				return err
			}
			a.ValidUntil = theatre.POAValidUntil(a.AssessedOn, days)
		}
		if _, err := tx.exec(`UPDATE preop_assessment SET outcome = ?, notes = ?, assessed_on = ?, valid_until = ? WHERE id = ?`,
			a.Outcome, a.Notes, a.AssessedOn, a.ValidUntil, id); err != nil {
			return err
		}
		return tx.audit("theatre.preop-outcome", e.PatientID, "preop="+itoa64(id)+" outcome="+string(outcome))
	})
	return a, err
}

// poaValidityDays is the specialty's POA validity, or the policy's.
func (tx *Tx) poaValidityDays(specialtyID int64) (int, error) {
	var n int64
	if err := tx.queryRow(`SELECT poa_validity_days FROM specialty WHERE id = ?`, specialtyID).Scan(idCol{&n}); err != nil {
		return 0, notFound(err, "There is no such specialty")
	}
	if n > 0 {
		return int(n), nil
	}
	return tx.db.Policy.POAValidityDays, nil
}

const preOpColumns = `id, entry_id, on_date, outcome, assessed_on, valid_until, notes`

func scanPreOp(row scanner) (*elective.PreOpAssessment, error) {
	a := &elective.PreOpAssessment{}
	err := row.Scan(&a.ID, &a.EntryID, dateCol{&a.On}, &a.Outcome, dateCol{&a.AssessedOn}, dateCol{&a.ValidUntil}, &a.Notes)
	return a, err
}

func (tx *Tx) findPreOp(id int64) (*elective.PreOpAssessment, error) {
	a, err := scanPreOp(tx.queryRow(`SELECT `+preOpColumns+` FROM preop_assessment WHERE id = ?`, id))
	if err != nil {
		return nil, notFound(err, "There is no such pre-operative assessment")
	}
	return a, nil
}

// attachEntryDetails adds each entry's latest POA and booked case, reading
// in chunks so that an IN list stays within both engines' limits.
func (tx *Tx) attachEntryDetails(es []*elective.AdmittedListEntry) error {
	byID := make(map[int64]*elective.AdmittedListEntry, len(es))
	for _, e := range es {
		byID[e.ID] = e
	}
	for start := 0; start < len(es); start += 500 {
		end := min(start+500, len(es))
		ids := make([]any, 0, end-start)
		for _, e := range es[start:end] {
			ids = append(ids, e.ID)
		}
		if err := tx.attachPreOps(byID, ids); err != nil {
			return err
		}
		if err := tx.attachBookedCases(byID, ids); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) attachPreOps(byID map[int64]*elective.AdmittedListEntry, ids []any) error {
	rows, err := tx.query(`SELECT `+preOpColumns+` FROM preop_assessment WHERE entry_id IN (`+inClause(len(ids))+
		`) ORDER BY entry_id, id`, ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanPreOp(rows)
		if err != nil {
			return err
		}
		byID[a.EntryID].POA = a // the latest wins
	}
	return rows.Err()
}

func (tx *Tx) attachBookedCases(byID map[int64]*elective.AdmittedListEntry, ids []any) error {
	rows, err := tx.query(caseSelect+` WHERE c.status = ? AND c.entry_id IN (`+inClause(len(ids))+`)`,
		append([]any{elective.CaseBooked}, ids...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return err
		}
		byID[c.EntryID].Case = c
	}
	return rows.Err()
}
