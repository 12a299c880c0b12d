package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/workforce"
)

var _ elective.LeaveService = (*LeaveService)(nil)

// LeaveService keeps leave requests, entitlements and balances, and
// approves leave with what it does to clinics and theatre lists.
type LeaveService struct{ db *DB }

// NewLeaveService returns the service on db.
func NewLeaveService(db *DB) *LeaveService { return &LeaveService{db} }

// RequestLeave checks and records a request, asked for today unless
// RequestedOn says otherwise. A member's requests may not overlap.
func (s *LeaveService) RequestLeave(ctx context.Context, r *elective.LeaveRequest) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	r.Reason = strings.TrimSpace(r.Reason)
	if err := r.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		m, err := tx.findStaffMember(r.StaffID)
		if err != nil {
			return err
		}
		if r.RequestedOn.IsZero() {
			r.RequestedOn = tx.today()
		}
		if err := tx.leaveOverlap(m, r); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		r.Status = elective.LeaveRequested
		r.ID, err = tx.insert(`INSERT INTO leave_request (org_id, staff_id, leave_type, from_date, to_date, half_day_start,
			half_day_end, status, requested_on, reason, created_by, created_at) VALUES `+placeholders(12), orgID, r.StaffID,
			r.Type, r.From, r.To, r.HalfDayStart, r.HalfDayEnd, r.Status, r.RequestedOn, r.Reason,
			elective.UserFromContext(tx.ctx).Username, tx.now)
		if err != nil {
			return err
		}
		tx.derive(r, m.Group)
		return tx.audit("leave.request", 0, "leave="+itoa64(r.ID)+" staff="+itoa64(r.StaffID)+" type="+string(r.Type)+
			" from="+r.From.String()+" to="+r.To.String())
	})
}

// leaveOverlap refuses a request that overlaps the member's own leave
// still requested or approved.
func (tx *Tx) leaveOverlap(m *elective.StaffMember, r *elective.LeaveRequest) error {
	mine, err := tx.findLeave(` WHERE lr.staff_id = ? AND lr.status IN (?, ?) AND lr.from_date <= ? AND lr.to_date >= ?`,
		m.ID, elective.LeaveRequested, elective.LeaveApproved, r.To, r.From)
	if err != nil || len(mine) == 0 {
		return err
	}
	o := mine[0]
	return elective.Errorf(elective.ECONFLICT, "%s already has %s %s from %s to %s", m.DisplayName(), o.Status,
		strings.ToLower(o.Type.Label()), o.From.Format("2 Jan 2006"), o.To.Format("2 Jan 2006"))
}

const leaveSelect = `SELECT lr.id, lr.staff_id, lr.leave_type, lr.from_date, lr.to_date, lr.half_day_start, lr.half_day_end,
	lr.status, lr.requested_on, lr.reason, lr.decided_by, lr.decided_at, lr.decision_note, sm.title, sm.given_name,
	sm.family_name, sm.team, sm.staff_group
	FROM leave_request lr JOIN staff_member sm ON sm.id = lr.staff_id`

const leaveOrder = ` ORDER BY lr.from_date, lr.id`

// findLeave reads the requests matching where (with args), soonest first.
func (tx *Tx) findLeave(where string, args ...any) ([]*elective.LeaveRequest, error) {
	return tx.queryLeave(leaveSelect+where+leaveOrder, args...)
}

// queryLeave reads requests with their working days and notice.
func (tx *Tx) queryLeave(q string, args ...any) ([]*elective.LeaveRequest, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.LeaveRequest
	for rows.Next() {
		r := &elective.LeaveRequest{}
		m := &elective.StaffMember{}
		if err := rows.Scan(&r.ID, &r.StaffID, &r.Type, dateCol{&r.From}, dateCol{&r.To}, &r.HalfDayStart, &r.HalfDayEnd,
			&r.Status, dateCol{&r.RequestedOn}, &r.Reason, &r.DecidedBy, timeCol{&r.DecidedAt}, &r.DecisionNote, &m.Title,
			&m.GivenName, &m.FamilyName, &r.Team, &r.Group); err != nil {
			return nil, err
		}
		r.StaffName = m.DisplayName()
		tx.derive(r, r.Group)
		out = append(out, r)
	}
	return out, rows.Err()
}

// derive sets a request's working days and notice from the rules.
func (tx *Tx) derive(r *elective.LeaveRequest, g elective.StaffGroup) {
	r.Days = workforce.WorkingDays(r, elective.Date{}, elective.Date{}, bankHoliday)
	r.NoticeDays, r.RequiredNotice, r.ShortNotice = workforce.Notice(workforceRules(tx.db.Policy), r, g)
}

// findLeaveRequest reads one request: ENOTFOUND.
func (tx *Tx) findLeaveRequest(id int64) (*elective.LeaveRequest, error) {
	rs, err := tx.findLeave(` WHERE lr.id = ?`, id)
	if err != nil {
		return nil, err
	} else if len(rs) == 0 {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no leave request %d", id)
	}
	return rs[0], nil
}

// FindLeaveRequests returns the requests matching f, soonest first.
func (s *LeaveService) FindLeaveRequests(ctx context.Context, f elective.LeaveFilter) ([]*elective.LeaveRequest, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	where, args := ` WHERE 1 = 1`, []any{}
	add := func(cond string, v any) { where, args = where+cond, append(args, v) }
	if f.StaffID != 0 {
		add(` AND lr.staff_id = ?`, f.StaffID)
	}
	if f.Team != "" {
		add(` AND sm.team = ?`, f.Team)
	}
	if f.Status != "" {
		add(` AND lr.status = ?`, f.Status)
	}
	if f.Type != "" {
		add(` AND lr.leave_type = ?`, f.Type)
	}
	if !f.From.IsZero() {
		add(` AND lr.to_date >= ?`, f.From)
	}
	if !f.To.IsZero() {
		add(` AND lr.from_date <= ?`, f.To)
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 200
	}
	var out []*elective.LeaveRequest
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.queryLeave(leaveSelect+where+leaveOrder+` LIMIT ?`, append(args, f.Limit)...)
		return err
	})
	return out, err
}

// FindLeaveRequest returns one request.
func (s *LeaveService) FindLeaveRequest(ctx context.Context, id int64) (*elective.LeaveRequest, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var r *elective.LeaveRequest
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		r, err = tx.findLeaveRequest(id)
		return err
	})
	return r, err
}

// FindLeaveBalance returns the member's entitlement and use in the leave
// year that includes on.
func (s *LeaveService) FindLeaveBalance(ctx context.Context, staffID int64, on elective.Date) (*elective.LeaveBalance, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var b *elective.LeaveBalance
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		m, err := tx.findStaffMember(staffID)
		if err != nil {
			return err
		}
		b, err = tx.leaveBalance(m, on)
		return err
	})
	return b, err
}

// leaveBalance totals a member's leave in the year that includes on,
// against the stored entitlement or the default.
func (tx *Tx) leaveBalance(m *elective.StaffMember, on elective.Date) (*elective.LeaveBalance, error) {
	start, end := workforce.LeaveYear(on)
	e := workforce.DefaultEntitlement(m, start)
	err := tx.queryRow(`SELECT annual_days, study_days FROM leave_entitlement WHERE staff_id = ? AND year_start = ?`,
		m.ID, start).Scan(&e.AnnualDays, &e.StudyDays)
	if err == nil {
		e.Set = true
	} else if err = notFound(err, ""); elective.ErrorCode(err) != elective.ENOTFOUND {
		return nil, err
	}
	reqs, err := tx.findLeave(` WHERE lr.staff_id = ? AND lr.to_date >= ? AND lr.from_date <= ?`, m.ID, start, end)
	if err != nil {
		return nil, err
	}
	return workforce.Balance(e, reqs, bankHoliday), nil
}

// SetLeaveEntitlement stores a member's entitlement for the leave year
// that includes e.YearStart, over the default.
func (s *LeaveService) SetLeaveEntitlement(ctx context.Context, e *elective.LeaveEntitlement) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	var p elective.Problems
	if e.AnnualDays < 0 || e.AnnualDays > 60 {
		p.Add("annual_days", "Enter the annual leave in days, from 0 to 60")
	}
	if e.StudyDays < 0 || e.StudyDays > 60 {
		p.Add("study_days", "Enter the study and professional leave in days, from 0 to 60")
	}
	if err := p.Err("The entitlement cannot be saved: check the fields marked"); err != nil {
		return err
	}
	e.YearStart, _ = workforce.LeaveYear(e.YearStart)
	return s.db.update(ctx, func(tx *Tx) error {
		if _, err := tx.findStaffMember(e.StaffID); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO leave_entitlement (org_id, staff_id, year_start, annual_days, study_days, set_by,
			updated_at) VALUES `+placeholders(7)+` ON CONFLICT (staff_id, year_start) DO UPDATE SET
			annual_days = excluded.annual_days, study_days = excluded.study_days, set_by = excluded.set_by,
			updated_at = excluded.updated_at`, orgID, e.StaffID, e.YearStart, e.AnnualDays, e.StudyDays,
			elective.UserFromContext(tx.ctx).Username, tx.now); err != nil {
			return err
		}
		e.Set = true
		return tx.audit("leave.entitlement", 0, "staff="+itoa64(e.StaffID)+" year="+e.YearStart.String())
	})
}
