package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// FindTheatreKit returns the kit catalogue by name. It holds no patient
// data, so any signed-in user may read it.
func (s *TheatreService) FindTheatreKit(ctx context.Context) ([]*elective.TheatreKit, error) {
	if err := anyStaff(ctx); err != nil {
		return nil, err
	}
	var out []*elective.TheatreKit
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.findKit(``)
		return err
	})
	return out, err
}

// findKit reads catalogue items matching where (with args), by name.
func (tx *Tx) findKit(where string, args ...any) ([]*elective.TheatreKit, error) {
	rows, err := tx.query(`SELECT id, name, count, mobile FROM theatre_kit`+where+` ORDER BY LOWER(name), id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.TheatreKit
	for rows.Next() {
		k := &elective.TheatreKit{}
		if err := rows.Scan(&k.ID, &k.Name, &k.Count, &k.Mobile); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// lockKit reads one item under its row lock on PostgreSQL (bookings of
// cases needing it take the same lock: kitResources); ENOTFOUND if absent.
func (tx *Tx) lockKit(id int64) (*elective.TheatreKit, error) {
	q := `SELECT id, name, count, mobile FROM theatre_kit WHERE id = ?`
	if tx.db.dialect == Postgres {
		q += ` FOR UPDATE`
	}
	k := &elective.TheatreKit{}
	err := tx.queryRow(q, id).Scan(&k.ID, &k.Name, &k.Count, &k.Mobile)
	return k, notFound(err, "There is no item of kit "+strconv.FormatInt(id, 10))
}

// CreateTheatreKit checks an item and adds it, refusing a name already in
// the catalogue whatever its case (lists and cases compare kit so).
func (s *TheatreService) CreateTheatreKit(ctx context.Context, k *elective.TheatreKit) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	k.Name = strings.TrimSpace(k.Name)
	if err := k.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		var taken string
		err := tx.queryRow(`SELECT name FROM theatre_kit WHERE LOWER(name) = ?`, elective.KitKey(k.Name)).Scan(&taken)
		if err == nil {
			return kitTaken(taken)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		k.ID, err = tx.insert(`INSERT INTO theatre_kit (org_id, name, count, mobile) VALUES `+placeholders(4),
			orgID, k.Name, k.Count, k.Mobile)
		if isUniqueViolation(err) {
			return kitTaken(k.Name)
		} else if err != nil {
			return err
		}
		return tx.audit("theatre.kit-create", 0, kitDetail(k))
	})
}

// kitTaken is the refusal of a second item of one name, on the name field.
func kitTaken(name string) error {
	var p elective.Problems
	p.Add("name", "The catalogue already has %s: change its count instead", name)
	e := p.Err("The kit cannot be added: check the fields marked").(*elective.Error)
	e.Code = elective.ECONFLICT
	return e
}

func kitDetail(k *elective.TheatreKit) string {
	return "kit=" + itoa64(k.ID) + " name=" + k.Name + " count=" + itoa(k.Count) + " mobile=" + strconv.FormatBool(k.Mobile)
}

// UpdateTheatreKit changes an item's count or mobility. Marking a mobile
// item fixed is refused while booked cases on later lists rely on it
// coming to a theatre that lacks it (theatre.CheckKitFixed).
func (s *TheatreService) UpdateTheatreKit(ctx context.Context, id int64, u elective.TheatreKitUpdate) (*elective.TheatreKit, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	if err := u.Validate(); err != nil {
		return nil, err
	}
	var out *elective.TheatreKit
	err := s.db.update(ctx, func(tx *Tx) error {
		k, err := tx.lockKit(id)
		if err != nil {
			return err
		}
		before := kitDetail(k)
		if u.Mobile != nil && k.Mobile && !*u.Mobile {
			if err := tx.checkKitInUse(k, theatre.CheckKitFixed); err != nil {
				return err
			}
		}
		if u.Count != nil {
			k.Count = *u.Count
		}
		if u.Mobile != nil {
			k.Mobile = *u.Mobile
		}
		if _, err := tx.exec(`UPDATE theatre_kit SET count = ?, mobile = ? WHERE id = ?`, k.Count, k.Mobile, k.ID); err != nil {
			return err
		}
		out = k
		return tx.audit("theatre.kit-update", 0, before+" -> count="+itoa(k.Count)+" mobile="+strconv.FormatBool(k.Mobile))
	})
	return out, err
}

// DeleteTheatreKit removes an item, refused while booked cases on later
// lists need it (theatre.CheckKitRemove).
func (s *TheatreService) DeleteTheatreKit(ctx context.Context, id int64) (*elective.TheatreKit, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	var out *elective.TheatreKit
	err := s.db.update(ctx, func(tx *Tx) error {
		k, err := tx.lockKit(id)
		if err != nil {
			return err
		}
		if err := tx.checkKitInUse(k, theatre.CheckKitRemove); err != nil {
			return err
		}
		if _, err := tx.exec(`DELETE FROM theatre_kit WHERE id = ?`, k.ID); err != nil {
			return err
		}
		out = k
		return tx.audit("theatre.kit-remove", 0, kitDetail(k))
	})
	return out, err
}

// checkKitInUse reads the lists after today with a booked case whose
// entry's kit may name the item (a LIKE narrows them; check decides, on
// the exact names) and applies check to them.
func (tx *Tx) checkKitInUse(k *elective.TheatreKit, check func(string, []*elective.TheatreSession, elective.Date) error) error {
	today := tx.today()
	ss, err := tx.findSessions(true, sessionSelect+` WHERE s.session_date > ? AND s.status <> ? AND s.id IN (
		SELECT c.session_id FROM theatre_case c JOIN admitted_entry e ON e.id = c.entry_id
		WHERE c.status = ? AND LOWER(e.kit) LIKE ?) ORDER BY s.session_date, s.start_minute, s.id`,
		today, elective.SessionReleased, elective.CaseBooked, "%"+elective.KitKey(k.Name)+"%")
	if err != nil {
		return err
	}
	return check(k.Name, ss, today)
}
