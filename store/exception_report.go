package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rota"
)

var _ elective.ExceptionReportService = (*ExceptionReportService)(nil)

// ExceptionReportService keeps resident doctors' exception reports
// (rules.md 4.3, Oversight) on both databases.
type ExceptionReportService struct{ db *DB }

// NewExceptionReportService returns the service on db.
func NewExceptionReportService(db *DB) *ExceptionReportService { return &ExceptionReportService{db} }

// ExceptionDuties lists the person's duties dated from..to in the current
// version of every rota, with their rostered times.
func (s *ExceptionReportService) ExceptionDuties(ctx context.Context, staffID int64, from, to elective.Date) ([]elective.ExceptionDuty, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []elective.ExceptionDuty
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.exceptionDuties(staffID, from, to)
		return err
	})
	return out, err
}

func (tx *Tx) exceptionDuties(staffID int64, from, to elective.Date) ([]elective.ExceptionDuty, error) {
	rows, err := tx.query(`SELECT r.id, r.name, r.team, d.duty_date, d.shift_code FROM rota_duty d
		JOIN rota r ON r.id = d.rota_id AND r.version = d.version
		WHERE d.staff_id = ? AND d.duty_date >= ? AND d.duty_date <= ? ORDER BY d.duty_date, r.id`, staffID, from, to)
	if err != nil {
		return nil, err
	}
	var out []elective.ExceptionDuty
	for rows.Next() {
		d := elective.ExceptionDuty{StaffID: staffID}
		if err := rows.Scan(&d.RotaID, &d.RotaName, &d.Team, dateCol{&d.Date}, &d.ShiftCode); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	problems := map[string]*rota.Problem{}
	for i := range out {
		p, ok := problems[out[i].Team]
		if !ok {
			if p, err = tx.shiftProblem(out[i].Team); err != nil {
				return nil, err
			}
			problems[out[i].Team] = p
		}
		d := p.DutyOf(staffID, out[i].ShiftCode, out[i].Date)
		out[i].Start, out[i].End = d.Start, d.End
	}
	return out, nil
}

// shiftProblem is just enough of a rota problem to time a team's duties.
func (tx *Tx) shiftProblem(team string) (*rota.Problem, error) {
	shifts, err := tx.shiftTypes(team)
	if err != nil {
		return nil, err
	}
	p := &rota.Problem{Loc: tx.db.Location}
	for _, s := range shifts {
		p.Shifts = append(p.Shifts, rota.ShiftType{Code: s.Code, StartMinute: s.StartMinute, Minutes: s.Minutes})
	}
	return p, nil
}

// CreateExceptionReport stores a report about the person's duty on
// r.Date in rota r.RotaID's current version, with the duty's shift and
// rostered times copied in; audited as rota.exception-report.
func (s *ExceptionReportService) CreateExceptionReport(ctx context.Context, r *elective.ExceptionReport) error {
	if err := staffReader(ctx); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		duties, err := tx.exceptionDuties(r.StaffID, r.Date, r.Date)
		if err != nil {
			return err
		}
		var duty *elective.ExceptionDuty
		for i := range duties {
			if duties[i].RotaID == r.RotaID && !duties[i].Start.IsZero() {
				duty = &duties[i]
			}
		}
		if duty == nil {
			return elective.Errorf(elective.ENOTFOUND, "No rostered duty for that person on %s in that rota", r.Date.Format("2 Jan 2006"))
		}
		r.ShiftCode, r.RosteredStart, r.RosteredEnd = duty.ShiftCode, duty.Start, duty.End
		if err := r.Validate(); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		r.Status, r.ReportedBy, r.CreatedAt = elective.ExceptionOpen, actorName(tx), tx.now
		r.ID, err = tx.insert(`INSERT INTO exception_report (org_id, rota_id, staff_id, duty_date, shift_code, rostered_start,
			rostered_end, actual_start, actual_end, kind, what_happened, why, status, reported_by, created_at) VALUES `+placeholders(15),
			orgID, r.RotaID, r.StaffID, r.Date, r.ShiftCode, r.RosteredStart, r.RosteredEnd, r.ActualStart, r.ActualEnd,
			string(r.Kind), r.WhatHappened, r.Why, string(r.Status), r.ReportedBy, r.CreatedAt)
		if err != nil {
			return err
		}
		return tx.audit("rota.exception-report", 0, "report="+itoa64(r.ID)+" rota="+itoa64(r.RotaID)+" staff="+itoa64(r.StaffID)+
			" date="+r.Date.String()+" kind="+string(r.Kind))
	})
}

const exceptionSelect = `SELECT e.id, e.rota_id, e.staff_id, s.title, s.given_name, s.family_name, r.team, r.name, e.duty_date,
	e.shift_code, e.rostered_start, e.rostered_end, e.actual_start, e.actual_end, e.kind, e.what_happened, e.why, e.status,
	e.reported_by, e.created_at, e.outcome, e.outcome_note, e.outcome_by, e.outcome_at
	FROM exception_report e JOIN staff_member s ON s.id = e.staff_id JOIN rota r ON r.id = e.rota_id`

func scanException(sc interface{ Scan(...any) error }) (*elective.ExceptionReport, error) {
	r := &elective.ExceptionReport{}
	m := &elective.StaffMember{}
	var kind, status, outcome string
	err := sc.Scan(&r.ID, &r.RotaID, &r.StaffID, &m.Title, &m.GivenName, &m.FamilyName, &r.Team, &r.RotaName, dateCol{&r.Date},
		&r.ShiftCode, timeCol{&r.RosteredStart}, timeCol{&r.RosteredEnd}, timeCol{&r.ActualStart}, timeCol{&r.ActualEnd},
		&kind, &r.WhatHappened, &r.Why, &status, &r.ReportedBy, timeCol{&r.CreatedAt}, &outcome, &r.OutcomeNote, &r.OutcomeBy,
		timeCol{&r.OutcomeAt})
	r.StaffName = m.DisplayName()
	r.Kind, r.Status, r.Outcome = elective.ExceptionKind(kind), elective.ExceptionStatus(status), elective.ExceptionOutcome(outcome)
	return r, err
}

// FindExceptionReport returns one report: ENOTFOUND.
func (s *ExceptionReportService) FindExceptionReport(ctx context.Context, id int64) (*elective.ExceptionReport, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out *elective.ExceptionReport
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.exceptionReport(id)
		return err
	})
	return out, err
}

func (tx *Tx) exceptionReport(id int64) (*elective.ExceptionReport, error) {
	r, err := scanException(tx.queryRow(exceptionSelect+` WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, elective.Errorf(elective.ENOTFOUND, "No such exception report")
	}
	return r, err
}

// FindExceptionReports lists the organisation's reports by status and
// team, newest duty first.
func (s *ExceptionReportService) FindExceptionReports(ctx context.Context, f elective.ExceptionReportFilter) ([]*elective.ExceptionReport, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []*elective.ExceptionReport
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		q, args := exceptionSelect+` WHERE e.org_id = ?`, []any{orgID}
		if f.Status != "" {
			q, args = q+` AND e.status = ?`, append(args, string(f.Status))
		}
		if f.Team != "" {
			q, args = q+` AND r.team = ?`, append(args, f.Team)
		}
		rows, err := tx.query(q+` ORDER BY e.duty_date DESC, e.id DESC`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanException(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// AgreeExceptionOutcome closes an open report with the manager's outcome;
// audited as rota.exception-outcome.
func (s *ExceptionReportService) AgreeExceptionOutcome(ctx context.Context, id int64, d elective.ExceptionDecision) (*elective.ExceptionReport, error) {
	if err := authorize(ctx, elective.ActionApproveShortNotice); err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	var out *elective.ExceptionReport
	err := s.db.update(ctx, func(tx *Tx) error {
		res, err := tx.exec(`UPDATE exception_report SET status = ?, outcome = ?, outcome_note = ?, outcome_by = ?, outcome_at = ?
			WHERE id = ? AND status = ?`, string(elective.ExceptionClosed), string(d.Outcome), d.Note, actorName(tx), tx.now,
			id, string(elective.ExceptionOpen))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			if _, err := tx.exceptionReport(id); err != nil {
				return err
			}
			return elective.Errorf(elective.ECONFLICT, "An outcome is already agreed for this report")
		}
		if out, err = tx.exceptionReport(id); err != nil {
			return err
		}
		return tx.audit("rota.exception-outcome", 0, "report="+itoa64(id)+" outcome="+string(d.Outcome))
	})
	return out, err
}
