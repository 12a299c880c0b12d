package store

import (
	"context"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rota"
)

// SetDuty puts one person on a shift on a date (code "" takes them off)
// as a new version of the rota. It never refuses a breach of the safety
// rules: the rota page lists every violation, and the coordinator decides.
// Unknown people, shift codes and dates outside the rota are refused.
func (s *RotaService) SetDuty(ctx context.Context, id int64, d elective.RotaDuty, reason string) error {
	return s.change(ctx, id, func(tx *Tx, in *rotaInputs) error {
		if err := in.checkDuty(d, 0); err != nil {
			return err
		}
		duties, err := tx.duties(id, in.rota.Version)
		if err != nil {
			return err
		}
		duties = replaceDuty(duties, d)
		note := "Edited: " + in.names()[d.StaffID] + " " + d.Date.Format("2 Jan") + " " + orOff(d.ShiftCode)
		return tx.saveVersion(in.rota, duties, note, strings.TrimSpace(reason))
	})
}

// change runs fn on the rota's inputs in a transaction, for the rota
// coordinator's changes to a rota.
func (s *RotaService) change(ctx context.Context, id int64, fn func(tx *Tx, in *rotaInputs) error) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		in, err := tx.rotaInputs(id)
		if err != nil {
			return err
		}
		return fn(tx, in)
	})
}

func orOff(code string) string {
	if code == "" {
		return "off"
	}
	return code
}

// replaceDuty sets d's cell, keeping every other duty.
func replaceDuty(duties []elective.RotaDuty, d elective.RotaDuty) []elective.RotaDuty {
	out := duties[:0:0]
	for _, o := range duties {
		if o.StaffID != d.StaffID || o.Date != d.Date {
			out = append(out, o)
		}
	}
	if d.ShiftCode != "" {
		out = append(out, d)
	}
	return out
}

// checkDuty refuses a duty naming someone outside the team, a shift code
// the team does not have, a resident shift longer than the person's
// contract allows (non-resident on call is not held to it) or a date
// outside the rota; row numbers a problem for imports (0: no row).
func (in *rotaInputs) checkDuty(d elective.RotaDuty, row int) error {
	var p elective.Problems
	at := ""
	if row > 0 {
		at = "Row " + itoa(row) + ": "
	}
	if _, ok := in.names()[d.StaffID]; !ok {
		p.Add("staff", "%sno one with id %d is in %s", at, d.StaffID, in.rota.Team)
	}
	st := in.shift(d.ShiftCode)
	if d.ShiftCode != "" && st == nil {
		p.Add("shift", "%s%s has no shift coded %q", at, in.rota.Team, d.ShiftCode)
	}
	if m := in.member(d.StaffID); m != nil && st != nil && !st.NonResident && m.ContractMaxShiftMinutes > 0 && st.Minutes > m.ContractMaxShiftMinutes {
		p.Add("shift", "%s%s's contract allows shifts of up to %s; %s is %s", at, m.DisplayName(),
			hoursText(m.ContractMaxShiftMinutes), st.Code, hoursText(st.Minutes))
	}
	if d.Date.Before(in.rota.From) || d.Date.After(in.rota.To) {
		p.Add("date", "%s%s is outside the rota (%s to %s)", at, d.Date.Format("2 Jan 2006"),
			in.rota.From.Format("2 Jan 2006"), in.rota.To.Format("2 Jan 2006"))
	}
	return p.Err("The rota was not changed")
}

func (in *rotaInputs) member(id int64) *elective.StaffMember {
	for _, m := range in.staff {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// hoursText writes minutes as hours for messages: "13 hours", "12.5 hours".
func hoursText(minutes int) string {
	if minutes%60 == 0 {
		return itoa(minutes/60) + " hours"
	}
	return strconv.FormatFloat(float64(minutes)/60, 'f', 1, 64) + " hours"
}

func (in *rotaInputs) shift(code string) *elective.ShiftType {
	for _, s := range in.shifts {
		if s.Code == code {
			return s
		}
	}
	return nil
}

// ImportRota replaces the rota's duties with imported ones as a new
// version, refusing the whole file (EINVALID listing every bad row) if any
// row names an unknown person or shift, or two shifts for one person on a
// day. Rule violations are not refused: they are listed on the rota.
func (s *RotaService) ImportRota(ctx context.Context, id int64, duties []elective.RotaDuty, note string) error {
	return s.change(ctx, id, func(tx *Tx, in *rotaInputs) error {
		var p elective.Problems
		seen := map[dutyKey]int{}
		for i, d := range duties {
			if err := in.checkDuty(d, i+1); err != nil {
				p = append(p, elective.ErrorFields(err)...)
				continue
			}
			k := dutyKey{d.StaffID, d.Date}
			if prev, ok := seen[k]; ok {
				p.Add("row", "Row %d: %s already has a shift on %s (row %d)", i+1, in.names()[d.StaffID], d.Date.Format("2 Jan"), prev)
			}
			seen[k] = i + 1
		}
		if err := p.Err("The rota was not imported: nothing was changed"); err != nil {
			return err
		}
		return tx.saveVersion(in.rota, duties, "Imported: "+strings.TrimSpace(note), "Imported")
	})
}

// ApplyPattern fills the rota from a rolling pattern as a new version.
func (s *RotaService) ApplyPattern(ctx context.Context, id int64, text string) error {
	return s.change(ctx, id, func(tx *Tx, in *rotaInputs) error {
		return tx.applyPattern(in, text, "")
	})
}

// applyPattern fills the rota from a pattern's text as a new version: the
// one way a rota is filled from a pattern, typed or saved (name, when
// saved, goes in the version's note).
func (tx *Tx) applyPattern(in *rotaInputs, text, name string) error {
	p := in.problem(tx.db.Location)
	pat, err := rota.ParsePattern(text, p.Shifts)
	if err != nil {
		return err
	}
	order := make([]int64, len(in.staff))
	for i, m := range in.staff {
		order[i] = m.ID
	}
	duties := in.fromRuleDuties(p.Duties(pat, order), tx.db.Location)
	for _, d := range duties {
		if err := in.checkDuty(d, 0); err != nil {
			return err
		}
	}
	note := "Filled from a " + itoa(len(pat)) + "-week pattern"
	if name != "" {
		note += ": " + name
	}
	return tx.saveVersion(in.rota, duties, note, "Pattern")
}

// PublishRota publishes the current version to the team. The Code of
// Practice asks for duty rotas at least 6 weeks before they start
// (rules.md 4.3, TS-149): publishing later needs a manager.
func (s *RotaService) PublishRota(ctx context.Context, id int64) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		r, err := tx.rota(id)
		if err != nil {
			return err
		}
		if r.Version == 0 {
			return elective.Errorf(elective.EINVALID, "The rota has no duties yet: build or import it first")
		}
		late := r.From.DaysSince(tx.today()) < elective.RotaPublishNoticeDays
		if late {
			if err := authorize(tx.ctx, elective.ActionApproveShortNotice); err != nil {
				return elective.Errorf(elective.EFORBIDDEN, "The rota starts in %d days, less than the %d days' notice the Code of Practice asks for: a manager must publish it",
					r.From.DaysSince(tx.today()), elective.RotaPublishNoticeDays)
			}
		}
		if _, err := tx.exec(`UPDATE rota SET status = ?, published_at = ?, published_by = ? WHERE id = ?`,
			elective.RotaPublished, tx.now, actorName(tx), id); err != nil {
			return err
		}
		detail := "rota=" + itoa64(id) + " version=" + itoa(r.Version)
		if late {
			detail += " short-notice"
		}
		return tx.audit("rota.publish", 0, detail)
	})
}

// CoverCandidates lists the team for a shift on a date: those who could
// take it without breaking a rule first (fewest minutes first), then the
// others with the rule in the way.
func (s *RotaService) CoverCandidates(ctx context.Context, id int64, date elective.Date, code string) ([]elective.CoverCandidate, error) {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	var out []elective.CoverCandidate
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		in, err := tx.rotaInputs(id)
		if err != nil {
			return err
		}
		if err := in.checkDuty(elective.RotaDuty{StaffID: firstID(in.staff), Date: date, ShiftCode: code}, 0); err != nil {
			return err
		}
		duties, err := tx.duties(id, in.rota.Version)
		if err != nil {
			return err
		}
		p := in.problem(tx.db.Location)
		byID := map[int64]*elective.StaffMember{}
		for _, m := range in.staff {
			byID[m.ID] = m
		}
		for _, c := range rota.Eligible(p, toRuleDuties(p, duties), code, date) {
			m := byID[c.StaffID]
			out = append(out, elective.CoverCandidate{StaffID: c.StaffID, StaffName: m.DisplayName(), Grade: m.Grade,
				Mobile: m.Mobile, Bleep: m.Bleep, Minutes: c.Minutes, OK: c.OK, Reason: c.Reason})
		}
		return nil
	})
	return out, err
}

func firstID(staff []*elective.StaffMember) int64 {
	if len(staff) == 0 {
		return 0
	}
	return staff[0].ID
}
