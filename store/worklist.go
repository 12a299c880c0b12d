package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// WorklistService reads the failsafe and validation worklists.
type WorklistService struct{ db *DB }

// NewWorklistService returns the service.
func NewWorklistService(db *DB) *WorklistService { return &WorklistService{db} }

var _ elective.WorklistService = (*WorklistService)(nil)

// worklistSource is how one kind of worklist entry is found: a SELECT of
// (pathway_id, since, reason) over the read models.
func worklistSource(kind elective.WorklistKind) string {
	switch kind {
	case elective.WorkClinicalReview, elective.WorkDischargedOpen, elective.WorkInvalidEvents:
		// A task dated in the future (thinking time not yet over 14 days)
		// is not work yet.
		return `SELECT t.pathway_id, t.since AS since, t.reason AS reason FROM pathway_task t JOIN pathway w ON w.id = t.pathway_id
			WHERE t.org_id = ? AND t.kind = '` + string(kind) + `' AND (? = 0 OR w.specialty_id = ?) AND t.since <= ?`
	case elective.WorkOutcomeOverdue:
		return `SELECT e.pathway_id, e.next_activity AS since, '' AS reason FROM ptl_entry e
			WHERE e.org_id = ? AND (? = 0 OR e.specialty_id = ?) AND e.next_activity < ?`
	case elective.WorkNoNextStep:
		// A follow-up on the partial-booking or PIFU list has its next
		// step: it is on this list only once that list's failsafe fires.
		return `SELECT e.pathway_id, e.last_activity AS since, '' AS reason FROM ptl_entry e
			WHERE e.org_id = ? AND (? = 0 OR e.specialty_id = ?) AND e.list_type = 'outpatient-follow-up' AND e.next_activity IS NULL
			AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.pathway_id = e.pathway_id AND f.status = 'open')`
	case elective.WorkFollowUpDue:
		return `SELECT f.pathway_id, f.due_date AS since, f.kind AS reason FROM followup f
			WHERE f.org_id = ? AND (? = 0 OR f.specialty_id = ?) AND f.status = 'open' AND (f.due_date < ? OR f.review_on <= ?)`
	case elective.WorkValidationDue:
		return `SELECT e.pathway_id, e.validation_due AS since, '' AS reason FROM ptl_entry e
			WHERE e.org_id = ? AND (? = 0 OR e.specialty_id = ?) AND e.validation_due <= ?`
	case elective.WorkDuplicatePathway:
		return `SELECT e.pathway_id, e.clock_start AS since, '' AS reason FROM ptl_entry e
			WHERE e.org_id = ? AND (? = 0 OR e.specialty_id = ?) AND EXISTS (SELECT 1 FROM ptl_entry d
			WHERE d.patient_id = e.patient_id AND d.specialty_id = e.specialty_id AND d.pathway_id <> e.pathway_id)`
	}
	return ""
}

// sourceArgs are the values of a source's placeholders.
func sourceArgs(kind elective.WorklistKind, orgID int64, f elective.WorklistFilter) []any {
	args := []any{orgID, f.SpecialtyID, f.SpecialtyID}
	if kind != elective.WorkNoNextStep && kind != elective.WorkDuplicatePathway {
		args = append(args, f.Census)
	}
	if kind == elective.WorkFollowUpDue {
		args = append(args, f.Census)
	}
	return args
}

// FindWorklist returns a page of a worklist, the entries matching and the
// count of each kind. Entries are ordered by kind (the order of
// Worklist.Kinds), then oldest first.
func (s *WorklistService) FindWorklist(ctx context.Context, f elective.WorklistFilter) ([]*elective.WorklistEntry, int, map[elective.WorklistKind]int, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, 0, nil, err
	}
	if f.Census.IsZero() {
		return nil, 0, nil, elective.Errorf(elective.EINVALID, "A worklist needs a census date")
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	var out []*elective.WorklistEntry
	var total int
	counts := map[elective.WorklistKind]int{}
	err := s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		kinds, err := tx.countWorklist(orgID, f, counts)
		if err != nil {
			return err
		}
		for _, k := range kinds {
			total += counts[k]
		}
		if out, err = tx.worklistPage(orgID, f, kinds); err != nil {
			return err
		}
		return tx.audit("worklist.view", 0, "list="+string(f.List)+" kind="+string(f.Kind)+" rows="+itoa(len(out)))
	})
	return out, total, counts, err
}

// countWorklist counts every kind of the list and returns the kinds the
// filter selects.
func (tx *Tx) countWorklist(orgID int64, f elective.WorklistFilter, counts map[elective.WorklistKind]int) ([]elective.WorklistKind, error) {
	var kinds []elective.WorklistKind
	for _, k := range f.List.Kinds() {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM (`+worklistSource(k)+`) c`, sourceArgs(k, orgID, f)...).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s: %w", k, err)
		}
		counts[k] = n
		if f.Kind == "" || f.Kind == k {
			kinds = append(kinds, k)
		}
	}
	return kinds, nil
}

// worklistPage reads one page across the selected kinds.
func (tx *Tx) worklistPage(orgID int64, f elective.WorklistFilter, kinds []elective.WorklistKind) ([]*elective.WorklistEntry, error) {
	if len(kinds) == 0 {
		return nil, nil
	}
	var parts []string
	var args []any
	for i, k := range kinds {
		parts = append(parts, `SELECT pathway_id, since, reason, '`+string(k)+`' AS kind, `+itoa(i)+` AS rank FROM (`+worklistSource(k)+`) s`+itoa(i))
		args = append(args, sourceArgs(k, orgID, f)...)
	}
	q := `SELECT w.pathway_id, w.since, w.reason, w.kind, pw.patient_id, p.family_name, p.given_name, p.title, p.nhs_number,
		sp.name, e.clock_start
		FROM (` + strings.Join(parts, " UNION ALL ") + `) w
		JOIN pathway pw ON pw.id = w.pathway_id
		JOIN patient p ON p.id = pw.patient_id
		JOIN specialty sp ON sp.id = pw.specialty_id
		LEFT JOIN ptl_entry e ON e.pathway_id = w.pathway_id
		ORDER BY w.rank, w.since, w.pathway_id LIMIT ? OFFSET ?`
	rows, err := tx.query(q, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.WorklistEntry
	for rows.Next() {
		w := &elective.WorklistEntry{}
		pt := &elective.Patient{}
		if err := rows.Scan(&w.PathwayID, dateCol{&w.Since}, &w.Reason, &w.Kind, &w.PatientID, &pt.FamilyName,
			&pt.GivenName, &pt.Title, &w.NHSNumber, &w.SpecialtyName, dateCol{&w.ClockStart}); err != nil {
			return nil, err
		}
		w.PatientName = pt.DisplayName()
		if !w.ClockStart.IsZero() {
			w.DaysWaited = rtt.DaysWaited(w.ClockStart, f.Census)
		}
		if w.Reason == "" {
			w.Reason = worklistReason(w)
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// worklistReason says in words why a computed entry is on the list.
func worklistReason(w *elective.WorklistEntry) string {
	switch w.Kind {
	case elective.WorkOutcomeOverdue:
		return "the appointment on " + w.Since.Format("2 Jan 2006") + " has no outcome recorded"
	case elective.WorkNoNextStep:
		return "seen with the clock still running, but no follow-up is booked"
	case elective.WorkValidationDue:
		return "validation due since " + w.Since.Format("2 Jan 2006") + " (12, 26 and 52 weeks; not validated in the last 12 weeks)"
	case elective.WorkDuplicatePathway:
		return "the patient has another open pathway in this specialty"
	}
	return w.Kind.Label()
}
