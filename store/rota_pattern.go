package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rota"
)

// FindRotaPatterns returns a team's saved patterns by name.
func (s *RotaService) FindRotaPatterns(ctx context.Context, team string) ([]*elective.RotaPattern, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []*elective.RotaPattern
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(rotaPatternSelect+` WHERE team = ? ORDER BY LOWER(name), id`, strings.TrimSpace(team))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanRotaPattern(rows)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	return out, err
}

const rotaPatternSelect = `SELECT id, team, name, pattern, updated_at, updated_by FROM rota_pattern`

func scanRotaPattern(sc interface{ Scan(...any) error }) (*elective.RotaPattern, error) {
	p := &elective.RotaPattern{}
	err := sc.Scan(&p.ID, &p.Team, &p.Name, &p.Text, timeCol{&p.UpdatedAt}, &p.UpdatedBy)
	return p, err
}

func (tx *Tx) rotaPattern(id int64) (*elective.RotaPattern, error) {
	p, err := scanRotaPattern(tx.queryRow(rotaPatternSelect+` WHERE id = ?`, id))
	return p, notFound(err, "No such rota pattern")
}

// CreateRotaPattern saves a named pattern for a team once it reads as a
// pattern of the team's shift codes.
func (s *RotaService) CreateRotaPattern(ctx context.Context, p *elective.RotaPattern) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.checkRotaPattern(p, 0); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		p.UpdatedAt, p.UpdatedBy = tx.now, actorName(tx)
		if p.ID, err = tx.insert(`INSERT INTO rota_pattern (org_id, team, name, pattern, updated_at, updated_by) VALUES `+
			placeholders(6), orgID, p.Team, p.Name, p.Text, p.UpdatedAt, p.UpdatedBy); err != nil {
			return err
		}
		return tx.audit("rota.pattern-create", 0, patternDetail(p))
	})
}

// UpdateRotaPattern changes a saved pattern's name and text; its team
// stays.
func (s *RotaService) UpdateRotaPattern(ctx context.Context, p *elective.RotaPattern) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		old, err := tx.rotaPattern(p.ID)
		if err != nil {
			return err
		}
		p.Team = old.Team
		if err := tx.checkRotaPattern(p, p.ID); err != nil {
			return err
		}
		p.UpdatedAt, p.UpdatedBy = tx.now, actorName(tx)
		if _, err := tx.exec(`UPDATE rota_pattern SET name = ?, pattern = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
			p.Name, p.Text, p.UpdatedAt, p.UpdatedBy, p.ID); err != nil {
			return err
		}
		return tx.audit("rota.pattern-update", 0, patternDetail(p)+" was="+old.Name)
	})
}

// DeleteRotaPattern removes a saved pattern. It is setup, like a shift
// type, not a record: the audit trail keeps its name, and the versions
// of rotas filled from it keep their duties and a note naming it.
func (s *RotaService) DeleteRotaPattern(ctx context.Context, id int64) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		p, err := tx.rotaPattern(id)
		if err != nil {
			return err
		}
		if _, err := tx.exec(`DELETE FROM rota_pattern WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.audit("rota.pattern-delete", 0, patternDetail(p))
	})
}

func patternDetail(p *elective.RotaPattern) string {
	return "pattern=" + itoa64(p.ID) + " team=" + p.Team + " name=" + p.Name + " weeks=" + itoa(p.Weeks())
}

// checkRotaPattern refuses, naming every problem at once, a pattern
// without a name or too long, one whose lines the rota rules cannot read
// or that uses a code the team has no shift for (the same
// rota.ParsePattern that fills a rota, so a saved pattern always fills
// one), and a name the team gives another pattern (self excepted). The
// text is kept in the one spelling rota.Pattern writes.
func (tx *Tx) checkRotaPattern(p *elective.RotaPattern, self int64) error {
	p.Team, p.Name = strings.TrimSpace(p.Team), strings.TrimSpace(p.Name)
	probs := elective.Problems(elective.ErrorFields(p.Validate()))
	shifts, err := tx.shiftTypes(p.Team)
	if err != nil {
		return err
	}
	codes := make([]rota.ShiftType, len(shifts))
	for i, st := range shifts {
		codes[i] = rota.ShiftType{Code: st.Code}
	}
	pat, perr := rota.ParsePattern(p.Text, codes)
	probs = append(probs, elective.ErrorFields(perr)...)
	if err := probs.Err("The pattern was not saved: check the fields and lines named"); err != nil {
		return err
	}
	p.Text = pat.String()
	var n int
	if err := tx.queryRow(`SELECT COUNT(*) FROM rota_pattern WHERE team = ? AND LOWER(name) = LOWER(?) AND id <> ?`,
		p.Team, p.Name, self).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		msg := p.Team + " already has a pattern called " + p.Name
		return &elective.Error{Code: elective.ECONFLICT, Message: msg, Fields: elective.Problems{{Field: "name", Message: msg + ": choose another name"}}}
	}
	return nil
}

// ApplySavedPattern fills the rota from one of its team's saved patterns
// by the same path as a typed one (applyPattern), its text read in the
// same transaction as the fill.
func (s *RotaService) ApplySavedPattern(ctx context.Context, id, patternID int64) error {
	return s.change(ctx, id, func(tx *Tx, in *rotaInputs) error {
		p, err := tx.rotaPattern(patternID)
		if elective.ErrorCode(err) == elective.ENOTFOUND || (err == nil && p.Team != in.rota.Team) {
			return elective.Problems{{Field: "pattern_id", Message: "Choose one of the saved patterns of " + in.rota.Team}}.Err("The rota was not changed")
		} else if err != nil {
			return err
		}
		return tx.applyPattern(in, p.Text, p.Name)
	})
}
