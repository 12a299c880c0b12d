package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
)

var _ elective.StaffService = (*StaffService)(nil)

// StaffService keeps the staff the rota coordinator plans for.
type StaffService struct{ db *DB }

// NewStaffService returns the service on db.
func NewStaffService(db *DB) *StaffService { return &StaffService{db} }

// staffReader refuses a request with no active user: staff details are not
// patient data, so any member of staff may read them (a booking officer
// looking up a bleep), but never anonymously.
func staffReader(ctx context.Context) error {
	if u := elective.UserFromContext(ctx); u == nil || !u.Active {
		return elective.Errorf(elective.EUNAUTHORIZED, "Sign in to continue")
	}
	return nil
}

// CreateStaffMember checks and adds a member of staff.
func (s *StaffService) CreateStaffMember(ctx context.Context, m *elective.StaffMember) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	normaliseStaff(m)
	if err := m.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.checkStaffRefs(m); err != nil {
			return err
		}
		if err := tx.insertStaff(m); err != nil {
			return staffConflict(err)
		}
		return tx.audit("staff.create", 0, "staff="+itoa64(m.ID)+" group="+string(m.Group)+" team="+m.Team)
	})
}

// UpdateStaffMember replaces a member's details.
func (s *StaffService) UpdateStaffMember(ctx context.Context, m *elective.StaffMember) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	normaliseStaff(m)
	if err := m.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.checkStaffRefs(m); err != nil {
			return err
		}
		res, err := tx.exec(`UPDATE staff_member SET title = ?, given_name = ?, family_name = ?, staff_group = ?, grade = ?,
			specialty_id = ?, team = ?, clinician_id = ?, mobile = ?, bleep = ?, email = ?, skills = ?, fte_percent = ?,
			contract_max_shift_minutes = ?, service_start = ?, active = ?, updated_at = ? WHERE id = ?`, m.Title,
			m.GivenName, m.FamilyName, m.Group, m.Grade, nullID(m.SpecialtyID), m.Team, nullID(m.ClinicianID), m.Mobile,
			m.Bleep, m.Email, joinKit(m.Skills), m.FTEPercent, m.ContractMaxShiftMinutes, m.ServiceStart, m.Active, tx.now, m.ID)
		if err != nil {
			return staffConflict(err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return elective.Errorf(elective.ENOTFOUND, "There is no member of staff %d", m.ID)
		}
		return tx.audit("staff.update", 0, "staff="+itoa64(m.ID)+" active="+boolText(m.Active))
	})
}

// normaliseStaff trims what staff type and drops empty skills.
func normaliseStaff(m *elective.StaffMember) {
	for _, f := range []*string{&m.Title, &m.GivenName, &m.FamilyName, &m.Grade, &m.Team, &m.Mobile, &m.Bleep, &m.Email} {
		*f = strings.TrimSpace(*f)
	}
	m.Skills = splitKit(joinKit(m.Skills))
}

// staffConflict names the clash the unique index found: a clinician is
// one member of staff.
func staffConflict(err error) error {
	if isUniqueViolation(err) {
		return elective.Errorf(elective.ECONFLICT, "That clinician is already linked to another member of staff")
	}
	return err
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// checkStaffRefs checks the specialty and clinician exist.
func (tx *Tx) checkStaffRefs(m *elective.StaffMember) error {
	var p elective.Problems
	var n int
	if m.SpecialtyID != 0 {
		if err := tx.queryRow(`SELECT COUNT(*) FROM specialty WHERE id = ?`, m.SpecialtyID).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			p.Add("specialty", "Choose a specialty from the list")
		}
	}
	if m.ClinicianID != 0 {
		if err := tx.queryRow(`SELECT COUNT(*) FROM clinician WHERE id = ?`, m.ClinicianID).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			p.Add("clinician", "Choose a clinician from the list")
		}
	}
	return p.Err("The staff member cannot be saved: check the fields marked")
}

const staffSelect = `SELECT sm.id, sm.title, sm.given_name, sm.family_name, sm.staff_group, sm.grade, sm.specialty_id,
	sm.team, sm.clinician_id, sm.mobile, sm.bleep, sm.email, sm.skills, sm.fte_percent, sm.contract_max_shift_minutes,
	sm.service_start, sm.active, COALESCE(sp.name, '')
	FROM staff_member sm LEFT JOIN specialty sp ON sp.id = sm.specialty_id`

func scanStaff(row scanner) (*elective.StaffMember, error) {
	m := &elective.StaffMember{}
	var skills string
	err := row.Scan(&m.ID, &m.Title, &m.GivenName, &m.FamilyName, &m.Group, &m.Grade, idCol{&m.SpecialtyID}, &m.Team,
		idCol{&m.ClinicianID}, &m.Mobile, &m.Bleep, &m.Email, &skills, &m.FTEPercent, &m.ContractMaxShiftMinutes,
		dateCol{&m.ServiceStart}, &m.Active, &m.SpecialtyName)
	m.Skills = splitKit(skills)
	return m, err
}

// findStaff reads the members matching where (with args), by team and name.
func (tx *Tx) findStaff(where string, args ...any) ([]*elective.StaffMember, error) {
	rows, err := tx.query(staffSelect+where+` ORDER BY sm.team, sm.family_name, sm.given_name, sm.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.StaffMember
	for rows.Next() {
		m, err := scanStaff(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// findStaffMember reads one member: ENOTFOUND.
func (tx *Tx) findStaffMember(id int64) (*elective.StaffMember, error) {
	ms, err := tx.findStaff(` WHERE sm.id = ?`, id)
	if err != nil {
		return nil, err
	} else if len(ms) == 0 {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no member of staff %d", id)
	}
	return ms[0], nil
}

// FindStaffMemberByID returns one member.
func (s *StaffService) FindStaffMemberByID(ctx context.Context, id int64) (*elective.StaffMember, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var m *elective.StaffMember
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		m, err = tx.findStaffMember(id)
		return err
	})
	return m, err
}

// FindStaff returns the members matching f: the search matches the name,
// grade, team or bleep, ignoring case.
func (s *StaffService) FindStaff(ctx context.Context, f elective.StaffFilter) ([]*elective.StaffMember, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	where, args := staffWhere(f)
	var out []*elective.StaffMember
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.findStaff(where, args...)
		return err
	})
	return out, err
}

func staffWhere(f elective.StaffFilter) (string, []any) {
	where, args := ` WHERE 1 = 1`, []any{}
	if f.Team != "" {
		where, args = where+` AND sm.team = ?`, append(args, f.Team)
	}
	if f.Group != "" {
		where, args = where+` AND sm.staff_group = ?`, append(args, f.Group)
	}
	if f.SpecialtyID != 0 {
		where, args = where+` AND sm.specialty_id = ?`, append(args, f.SpecialtyID)
	}
	if f.ActiveOnly {
		where, args = where+` AND sm.active = ?`, append(args, true)
	}
	if q := strings.ToLower(strings.TrimSpace(f.Search)); q != "" {
		like := "%" + q + "%"
		where += ` AND (LOWER(sm.family_name) LIKE ? OR LOWER(sm.given_name) LIKE ? OR LOWER(sm.grade) LIKE ?
			OR LOWER(sm.team) LIKE ? OR sm.bleep LIKE ?)`
		args = append(args, like, like, like, like, like)
	}
	return where, args
}
