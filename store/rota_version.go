package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
)

// CreateRota checks and adds an empty draft rota for a team.
func (s *RotaService) CreateRota(ctx context.Context, r *elective.Rota) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	r.Team, r.Name = strings.TrimSpace(r.Team), strings.TrimSpace(r.Name)
	if err := r.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM staff_member WHERE team = ? AND active = ?`, r.Team, true).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			return elective.Errorf(elective.EINVALID, "The team %q has no active staff", r.Team)
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		r.Status = elective.RotaDraft
		r.ID, err = tx.insert(`INSERT INTO rota (org_id, team, name, from_date, to_date, status, version, limits_2016, created_at)
			VALUES `+placeholders(9), orgID, r.Team, r.Name, r.From, r.To, r.Status, 0, r.Limits2016, tx.now)
		if err != nil {
			return err
		}
		return tx.audit("rota.create", 0, "rota="+itoa64(r.ID)+" team="+r.Team)
	})
}

const rotaSelect = `SELECT id, team, name, from_date, to_date, status, version, limits_2016, published_at, published_by FROM rota`

func scanRota(sc interface{ Scan(...any) error }) (*elective.Rota, error) {
	r := &elective.Rota{}
	err := sc.Scan(&r.ID, &r.Team, &r.Name, dateCol{&r.From}, dateCol{&r.To}, &r.Status, &r.Version, &r.Limits2016,
		timeCol{&r.PublishedAt}, &r.PublishedBy)
	return r, err
}

// FindRotas returns every rota, the latest first.
func (s *RotaService) FindRotas(ctx context.Context) ([]*elective.Rota, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []*elective.Rota
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(rotaSelect + ` ORDER BY from_date DESC, team, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanRota(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

func (tx *Tx) rota(id int64) (*elective.Rota, error) {
	r, err := scanRota(tx.queryRow(rotaSelect+` WHERE id = ?`, id))
	return r, notFound(err, "No such rota")
}

// duties reads a version's duties by staff and date.
func (tx *Tx) duties(rotaID int64, version int) ([]elective.RotaDuty, error) {
	rows, err := tx.query(`SELECT d.staff_id, d.duty_date, d.shift_code, s.title, s.given_name, s.family_name
		FROM rota_duty d JOIN staff_member s ON s.id = d.staff_id
		WHERE d.rota_id = ? AND d.version = ? ORDER BY d.staff_id, d.duty_date`, rotaID, version)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []elective.RotaDuty
	for rows.Next() {
		var d elective.RotaDuty
		m := &elective.StaffMember{}
		if err := rows.Scan(&d.StaffID, dateCol{&d.Date}, &d.ShiftCode, &m.Title, &m.GivenName, &m.FamilyName); err != nil {
			return nil, err
		}
		d.StaffName = m.DisplayName()
		out = append(out, d)
	}
	return out, rows.Err()
}

// saveVersion writes duties as the rota's next version and makes it
// current. On a published rota each difference from the old version is
// kept as a change, marked short notice inside the notice period.
func (tx *Tx) saveVersion(r *elective.Rota, duties []elective.RotaDuty, note, reason string) error {
	old, err := tx.duties(r.ID, r.Version)
	if err != nil {
		return err
	}
	next := r.Version + 1
	by := actorName(tx)
	if _, err := tx.exec(`INSERT INTO rota_version (rota_id, version, created_at, created_by, note) VALUES `+placeholders(5),
		r.ID, next, tx.now, by, note); err != nil {
		return err
	}
	for _, d := range duties {
		if d.ShiftCode == "" {
			continue
		}
		if _, err := tx.exec(`INSERT INTO rota_duty (rota_id, version, staff_id, duty_date, shift_code) VALUES `+placeholders(5),
			r.ID, next, d.StaffID, d.Date, d.ShiftCode); err != nil {
			return err
		}
	}
	if r.Status == elective.RotaPublished {
		if err := tx.trackChanges(r, next, old, duties, reason, by); err != nil {
			return err
		}
	}
	if _, err := tx.exec(`UPDATE rota SET version = ? WHERE id = ?`, next, r.ID); err != nil {
		return err
	}
	r.Version = next
	return tx.audit("rota.version", 0, "rota="+itoa64(r.ID)+" version="+itoa(next)+" duties="+itoa(len(duties)))
}

type dutyKey struct {
	staff int64
	date  elective.Date
}

// trackChanges records each cell of a published rota that changed.
func (tx *Tx) trackChanges(r *elective.Rota, version int, old, now []elective.RotaDuty, reason, by string) error {
	before, after := map[dutyKey]string{}, map[dutyKey]string{}
	for _, d := range old {
		before[dutyKey{d.StaffID, d.Date}] = d.ShiftCode
	}
	for _, d := range now {
		after[dutyKey{d.StaffID, d.Date}] = d.ShiftCode
	}
	keys := map[dutyKey]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	today := tx.today()
	for k := range keys {
		if before[k] == after[k] {
			continue
		}
		short := k.date.DaysSince(today) < elective.RotaPublishNoticeDays
		if _, err := tx.exec(`INSERT INTO rota_change (rota_id, version, staff_id, duty_date, from_code, to_code, reason,
			short_notice, changed_at, changed_by) VALUES `+placeholders(10), r.ID, version, k.staff, k.date, before[k], after[k],
			reason, short, tx.now, by); err != nil {
			return err
		}
	}
	return nil
}

// actorName is the signed-in user's name for version and change history.
func actorName(tx *Tx) string {
	if u := elective.UserFromContext(tx.ctx); u != nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return "system"
}

// RotaVersions returns a rota's versions, newest first.
func (s *RotaService) RotaVersions(ctx context.Context, id int64) ([]elective.RotaVersion, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []elective.RotaVersion
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(`SELECT v.version, v.created_at, v.created_by, v.note,
			(SELECT COUNT(*) FROM rota_duty d WHERE d.rota_id = v.rota_id AND d.version = v.version)
			FROM rota_version v WHERE v.rota_id = ? ORDER BY v.version DESC`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v elective.RotaVersion
			if err := rows.Scan(&v.Version, timeCol{&v.CreatedAt}, &v.CreatedBy, &v.Note, &v.Duties); err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	return out, err
}

// RotaChanges returns the changes made to a rota since it was published,
// newest first.
func (s *RotaService) RotaChanges(ctx context.Context, id int64) ([]elective.RotaChange, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out []elective.RotaChange
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(`SELECT c.version, c.staff_id, s.title, s.given_name, s.family_name, c.duty_date, c.from_code,
			c.to_code, c.reason, c.changed_at, c.changed_by, c.short_notice
			FROM rota_change c JOIN staff_member s ON s.id = c.staff_id WHERE c.rota_id = ? ORDER BY c.id DESC`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c elective.RotaChange
			m := &elective.StaffMember{}
			if err := rows.Scan(&c.Version, &c.StaffID, &m.Title, &m.GivenName, &m.FamilyName, dateCol{&c.Date}, &c.From,
				&c.To, &c.Reason, timeCol{&c.ChangedAt}, &c.ChangedBy, &c.ShortNotice); err != nil {
				return err
			}
			c.StaffName = m.DisplayName()
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}
