package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// (the elective.RotaService assertion is in rota_build.go)

// RotaService keeps teams' shift types, cover rules and rotas, and runs
// the rota rules (package rota) over them.
type RotaService struct{ db *DB }

// NewRotaService returns the service on db.
func NewRotaService(db *DB) *RotaService { return &RotaService{db} }

// CreateShiftType checks and adds a shift type: ECONFLICT if the team
// already has the code. A resident shift longer than any contract in the
// team is refused; non-resident on call, which may last 24 hours, is not
// held to the contracts' longest shift.
func (s *RotaService) CreateShiftType(ctx context.Context, st *elective.ShiftType) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	st.Team, st.Code = strings.TrimSpace(st.Team), strings.TrimSpace(st.Code)
	if err := st.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		var longest int
		if err := tx.queryRow(`SELECT COALESCE(MAX(contract_max_shift_minutes), 0) FROM staff_member WHERE team = ? AND active = ?`,
			st.Team, true).Scan(&longest); err != nil {
			return err
		}
		if longest > 0 && st.Minutes > longest && !st.NonResident {
			return elective.Problems{{Field: "minutes", Message: "A shift of " + hoursText(st.Minutes) +
				" is longer than any contract in " + st.Team + " allows (" + hoursText(longest) + ")"}}.Err("The shift type cannot be saved: check the fields marked")
		}
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM shift_type WHERE org_id = ? AND team = ? AND code = ?`,
			orgID, st.Team, st.Code).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return elective.Errorf(elective.ECONFLICT, "%s already has a shift coded %s", st.Team, st.Code)
		}
		st.ID, err = tx.insert(`INSERT INTO shift_type (org_id, team, code, name, start_minute, minutes, unpopular,
			breaks, non_resident, expected_work_minutes) VALUES `+placeholders(10), orgID, st.Team, st.Code, st.Name,
			st.StartMinute, st.Minutes, st.Unpopular, st.Breaks, st.NonResident, st.ExpectedWorkMinutes)
		if err != nil {
			return err
		}
		detail := "team=" + st.Team + " code=" + st.Code + " breaks=" + itoa(st.Breaks)
		if st.NonResident {
			detail += " non-resident expected-work=" + itoa(st.ExpectedWorkMinutes)
		}
		return tx.audit("rota.shift-type-create", 0, detail)
	})
}

// FindShiftTypes returns a team's shift types by start time.
func (s *RotaService) FindShiftTypes(ctx context.Context, team string) ([]*elective.ShiftType, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []*elective.ShiftType
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.shiftTypes(team)
		return err
	})
	return out, err
}

func (tx *Tx) shiftTypes(team string) ([]*elective.ShiftType, error) {
	rows, err := tx.query(`SELECT id, team, code, name, start_minute, minutes, unpopular, breaks, non_resident,
		expected_work_minutes FROM shift_type WHERE team = ? ORDER BY start_minute, code`, team)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.ShiftType
	for rows.Next() {
		st := &elective.ShiftType{}
		if err := rows.Scan(&st.ID, &st.Team, &st.Code, &st.Name, &st.StartMinute, &st.Minutes, &st.Unpopular, &st.Breaks,
			&st.NonResident, &st.ExpectedWorkMinutes); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// CreateCoverRule adds a team's cover rule for one of its shift types.
func (s *RotaService) CreateCoverRule(ctx context.Context, c *elective.CoverRule) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	var p elective.Problems
	if c.Min < 1 || c.Min > 50 {
		p.Add("min", "Enter how many must work the shift, from 1 to 50")
	}
	return s.db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM shift_type WHERE team = ? AND code = ?`, c.Team, c.ShiftCode).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			p.Add("shift", "Choose one of the team's shift types")
		}
		if err := p.Err("The cover rule cannot be saved: check the fields marked"); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		c.ID, err = tx.insert(`INSERT INTO cover_rule (org_id, team, shift_code, weekdays, min_staff, grades, skill)
			VALUES `+placeholders(7), orgID, c.Team, c.ShiftCode, joinWeekdays(c.Weekdays), c.Min,
			strings.Join(c.Grades, ","), strings.TrimSpace(c.Skill))
		if err != nil {
			return err
		}
		return tx.audit("rota.cover-rule-create", 0, "team="+c.Team+" shift="+c.ShiftCode+" min="+itoa(c.Min))
	})
}

// FindCoverRules returns a team's cover rules.
func (s *RotaService) FindCoverRules(ctx context.Context, team string) ([]*elective.CoverRule, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []*elective.CoverRule
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.coverRules(team)
		return err
	})
	return out, err
}

func (tx *Tx) coverRules(team string) ([]*elective.CoverRule, error) {
	rows, err := tx.query(`SELECT id, team, shift_code, weekdays, min_staff, grades, skill FROM cover_rule
		WHERE team = ? ORDER BY shift_code, id`, team)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.CoverRule
	for rows.Next() {
		c := &elective.CoverRule{}
		var days, grades string
		if err := rows.Scan(&c.ID, &c.Team, &c.ShiftCode, &days, &c.Min, &grades, &c.Skill); err != nil {
			return nil, err
		}
		c.Weekdays = splitWeekdays(days)
		if grades != "" {
			c.Grades = strings.Split(grades, ",")
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func joinWeekdays(ws []time.Weekday) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = strconv.Itoa(int(w))
	}
	return strings.Join(parts, ",")
}

func splitWeekdays(s string) []time.Weekday {
	var out []time.Weekday
	for _, p := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(p); err == nil && n >= 0 && n <= 6 {
			out = append(out, time.Weekday(n))
		}
	}
	return out
}

// Teams lists the teams that have active staff.
func (s *RotaService) Teams(ctx context.Context) ([]string, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []string
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(`SELECT DISTINCT team FROM staff_member WHERE team <> '' AND active = ? ORDER BY team`, true)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}
