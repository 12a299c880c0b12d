package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// historyYears is how far back duration estimates look: long enough for a
// few dozen cases of a common procedure, short enough to follow a
// surgeon's current practice.
const historyYears = 3

// EstimateDuration reads the surgeon's past minutes for the procedure and
// asks package theatre for the estimate.
func (s *TheatreService) EstimateDuration(ctx context.Context, surgeonID int64, procedureCode string, fallback int) (elective.DurationEstimate, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return elective.DurationEstimate{}, err
	}
	var est elective.DurationEstimate
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		samples, err := tx.durationSamples(surgeonID, procedureCode)
		if err != nil {
			return err
		}
		est = theatre.EstimateDuration(samples, fallback)
		return nil
	})
	return est, err
}

func (tx *Tx) durationSamples(surgeonID int64, procedureCode string) ([]int, error) {
	rows, err := tx.query(`SELECT minutes FROM theatre_case_history WHERE surgeon_id = ? AND procedure_code = ?
		AND operated_on >= ? ORDER BY operated_on`, surgeonID, procedureCode, tx.today().AddDays(-365*historyYears))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var m int
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// atRiskWarnDays is how close to a priority's time limit a waiting
// patient shows as at risk on the report.
const atRiskWarnDays = 7

// TheatreReport reports on the sessions and cancellations of from..to,
// with the figures from package theatre.
func (s *TheatreService) TheatreReport(ctx context.Context, from, to elective.Date) (*elective.TheatreReport, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	r := &elective.TheatreReport{From: from, To: to, CancellationsByReason: map[elective.OperationCancelReason]int{}}
	err := s.db.update(ctx, func(tx *Tx) error {
		if err := tx.reportSessions(r); err != nil {
			return err
		}
		if err := tx.reportCancellations(r); err != nil {
			return err
		}
		if err := tx.reportAtRisk(r); err != nil {
			return err
		}
		return tx.audit("theatre.report", 0, "from="+from.String()+" to="+to.String())
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (tx *Tx) reportSessions(r *elective.TheatreReport) error {
	ss, err := tx.findSessions(false, sessionSelect+` WHERE s.session_date >= ? AND s.session_date <= ?
		ORDER BY s.session_date, s.start_minute, s.id`, r.From, r.To)
	if err != nil {
		return err
	}
	if err := tx.attachCases(ss, false); err != nil { // minutes only: no patient is read
		return err
	}
	var used []*elective.TheatreSession
	for _, s := range ss {
		if s.Status == elective.SessionReleased {
			r.Released++
			continue
		}
		used = append(used, s)
		if len(bookedOrDone(s)) == 0 {
			r.Unused++
		}
	}
	r.Sessions = len(used)
	r.BookedMinutes, r.SessionMinutes, r.Utilisation, r.CappedUtilisation = theatre.Utilisation(used)
	return nil
}

// bookedOrDone are a session's cases that use its time.
func bookedOrDone(s *elective.TheatreSession) []*elective.TheatreCase {
	var out []*elective.TheatreCase
	for _, c := range s.Cases {
		if c.Status != elective.CaseCancelled {
			out = append(out, c)
		}
	}
	return out
}

func (tx *Tx) reportCancellations(r *elective.TheatreReport) error {
	ops, err := tx.findCancelledOps(cancelledSelect+` WHERE o.planned_on >= ? AND o.planned_on <= ? ORDER BY o.planned_on, o.id`,
		r.From, r.To)
	if err != nil {
		return err
	}
	for _, op := range ops {
		if op.Postponed {
			continue
		}
		r.CancellationsByReason[op.Reason]++
		st := theatre.TwentyEightDayStatus(op, tx.today())
		switch {
		case st.Breach:
			r.Breaches28Day = append(r.Breaches28Day, op)
		case st.State == theatre.RebookOpen:
			r.Open28Day = append(r.Open28Day, op)
		}
	}
	return nil
}

// atRiskShown is how many at-risk patients the report names; the rest are
// counted (AtRiskTotal) and found on the admitted list.
const atRiskShown = 200

// reportAtRisk finds the patients at risk of their priority's limit from
// the four columns the rule needs and a booked case's date, then reads
// the first atRiskShown of them whole, in booking order.
func (tx *Tx) reportAtRisk(r *elective.TheatreReport) error {
	tables := `admitted_entry e LEFT JOIN theatre_case c ON c.entry_id = e.id AND c.status = ?
		LEFT JOIN theatre_session s ON s.id = c.session_id`
	where := `e.status IN (?, ?) AND ` + atRiskSQL
	args := []any{elective.CaseBooked, elective.AdmittedWaiting, elective.AdmittedScheduled, tx.today().AddDays(atRiskWarnDays)}
	// One pass over the patients at risk gives both their number and the
	// due date of the last one shown, which bounds the full ordering (as
	// bookingOrderIDs does with a query of its own).
	rows, err := tx.query(`SELECT e.due_date FROM `+tables+` WHERE `+where+` ORDER BY e.due_date`, args...)
	if err != nil {
		return err
	}
	var dues []elective.Date
	for rows.Next() {
		var d elective.Date
		if err := rows.Scan(dateCol{&d}); err != nil {
			rows.Close()
			return err
		}
		dues = append(dues, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(dues) == 0 {
		return err
	}
	r.AtRiskTotal = len(dues)
	risk, err := tx.orderedIDsDueBy(tables, where, args, dues[min(len(dues), atRiskShown)-1], atRiskShown)
	if err != nil {
		return err
	}
	r.AtRisk, err = tx.entriesByID(risk)
	return err
}

// atRiskSQL is theatre.AtRisk as a condition on the stored due date, for
// entries still on the list, with s the session of the booked case and
// the parameter today plus the warning days: a booked TCI after the
// limit, or no TCI and the limit within the warning days.
// TestAdmittedOrderMatchesRule holds it to the rule.
const atRiskSQL = `e.due_date IS NOT NULL AND ((s.session_date IS NOT NULL AND s.session_date > e.due_date)
	OR (s.session_date IS NULL AND e.due_date <= ?))`
