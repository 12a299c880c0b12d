package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// RecordAdmission records the admission of a booked case in one
// transaction: the case is done with its actual minutes, the entry is
// treated (or waiting again when the procedure was not performed), the
// minutes join theatre_case_history for EstimateDuration, and the pathway
// gets its admission event through recordEvent, the path every service
// appends events by, so the RTT clock stops on the date of admission and
// the PTL row leaves the list (rules.md 1.3.3); an admission without the
// procedure leaves the clock running (1.3.4).
func (s *TheatreService) RecordAdmission(ctx context.Context, a elective.CaseAdmission) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		tc, e, ts, err := tx.lockCase(a.CaseID)
		if err != nil {
			return err
		}
		if err := theatre.CheckAdmission(a, tc, ts.Date, tx.today()); err != nil {
			return err
		}
		if err := tx.admittedOnPathway(e, a); err != nil {
			return err
		}
		if err := tx.markCaseDone(tc, e, ts, a); err != nil {
			return err
		}
		detail := "case=" + itoa64(tc.ID) + " on=" + a.AdmittedOn.String() + " treated=" + boolWord(a.Treated)
		if a.Treated {
			detail += " minutes=" + itoa(a.ActualMinutes)
		}
		return tx.audit("theatre.case-admit", e.PatientID, detail)
	})
}

// admittedOnPathway appends the admission event to the entry's pathway;
// the rules refuse it (EINVALID) when, for example, the clock has stopped
// already. Events are recorded in date order, as RecordEvent requires.
func (tx *Tx) admittedOnPathway(e *elective.AdmittedListEntry, a elective.CaseAdmission) error {
	p, patient, _, err := tx.pathwayState(e.PathwayID)
	if err != nil {
		return err
	}
	if n := len(p.Events); n > 0 && a.AdmittedOn.Before(p.Events[n-1].Date) {
		return &elective.Error{Code: elective.EINVALID, Fields: []elective.FieldError{{Field: "admitted_on"}},
			Message: "The date of admission cannot be before the pathway's last event (" +
				p.Events[n-1].Date.Format("2 Jan 2006") + "): events are recorded in date order"}
	}
	note := a.Note
	if note == "" {
		note = e.ProcedureCode + " " + e.ProcedureName
		if !a.Treated {
			note += ": admitted, procedure not performed"
		}
	}
	ev := &elective.PathwayEvent{Kind: elective.EventAdmitted, Date: a.AdmittedOn, Purpose: elective.AdmitForTreatment,
		Treated: a.Treated, Note: note}
	_, err = tx.recordEvent(p, patient, ev)
	return err
}

// markCaseDone closes the case and the entry, and adds the actual minutes
// of a performed procedure to the surgeon's history.
func (tx *Tx) markCaseDone(tc *elective.TheatreCase, e *elective.AdmittedListEntry, ts *elective.TheatreSession, a elective.CaseAdmission) error {
	var minutes any // NULL when the procedure was not performed
	status := elective.AdmittedWaiting
	if a.Treated {
		minutes, status = a.ActualMinutes, elective.AdmittedTreated
	}
	if _, err := tx.exec(`UPDATE theatre_case SET status = ?, actual_minutes = ?, updated_at = ? WHERE id = ?`,
		elective.CaseDone, minutes, tx.now, tc.ID); err != nil {
		return err
	}
	tc.Status = elective.CaseDone
	if err := tx.renumber(bookedCases(ts)); err != nil {
		return err
	}
	if err := tx.setEntryStatus(e.ID, status, ""); err != nil {
		return err
	}
	if !a.Treated {
		return nil
	}
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	surgeon := ts.SurgeonID
	if surgeon == 0 {
		surgeon = e.SurgeonID
	}
	_, err = tx.insert(`INSERT INTO theatre_case_history (org_id, surgeon_id, procedure_code, operated_on, minutes, case_id)
		VALUES `+placeholders(6), orgID, surgeon, e.ProcedureCode, ts.Date, a.ActualMinutes, tc.ID)
	return err
}

// boolWord is "yes" or "no" for audit details.
func boolWord(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
