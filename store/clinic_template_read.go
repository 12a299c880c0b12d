package store

import (
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// clinicTemplates reads the templates matching where (a WHERE clause or
// ""), in code order, with their slots and exceptions, inside tx so that
// a write can check them under its own locks.
func (tx *Tx) clinicTemplates(where string, args ...any) ([]*elective.ClinicTemplate, error) {
	out, byID, err := tx.clinicTemplateHeads(where, args...)
	if err != nil {
		return nil, err
	}
	if err := tx.loadTemplateSlots(byID, nil); err != nil {
		return nil, err
	}
	return out, tx.loadTemplateExceptions(byID)
}

// clinicTemplateHeads reads the templates' own rows, without slots or
// exceptions, and indexes them by id.
func (tx *Tx) clinicTemplateHeads(where string, args ...any) ([]*elective.ClinicTemplate, map[int64]*elective.ClinicTemplate, error) {
	rows, err := tx.query(`SELECT id, `+templateColumns+` FROM clinic_template`+where+` ORDER BY code`, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	byID := map[int64]*elective.ClinicTemplate{}
	var out []*elective.ClinicTemplate
	for rows.Next() {
		t := &elective.ClinicTemplate{}
		var wd int
		var weeks string
		if err := rows.Scan(&t.ID, &t.Code, &t.Name, &t.ClinicianID, &t.SpecialtyID, &t.SiteID, &t.Room, &wd,
			&t.StartMinute, dateCol{&t.EffectiveFrom}, dateCol{&t.EffectiveTo}, &t.Every, &weeks, &t.OpenOnBankHolidays); err != nil {
			return nil, nil, err
		}
		t.Weekday = time.Weekday(wd)
		for _, w := range strings.Split(weeks, ",") {
			if n, err := strconv.Atoi(w); err == nil {
				t.WeeksOfMonth = append(t.WeeksOfMonth, n)
			}
		}
		byID[t.ID] = t
		out = append(out, t)
	}
	return out, byID, rows.Err()
}

// loadTemplateExceptions reads the clinic templates' closures and extra
// sessions.
func (tx *Tx) loadTemplateExceptions(byID map[int64]*elective.ClinicTemplate) error {
	return tx.templateExceptions(`SELECT template_id, exception_date, extra, reason FROM template_exception
		ORDER BY template_id, exception_date`, nil, func(id int64, e elective.TemplateException) {
		if t := byID[id]; t != nil {
			t.Exceptions = append(t.Exceptions, e)
		}
	})
}

// templateExceptions runs q, a query of (template id, date, extra,
// reason) rows, and hands each to add: the clinic and theatre templates
// keep their one-off changes in tables of the same shape.
func (tx *Tx) templateExceptions(q string, args []any, add func(int64, elective.TemplateException)) error {
	rows, err := tx.query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var e elective.TemplateException
		if err := rows.Scan(&id, dateCol{&e.Date}, &e.Extra, &e.Reason); err != nil {
			return err
		}
		add(id, e)
	}
	return rows.Err()
}

// loadTemplateSlots reads the slots of the templates in byID: of the ids
// given, or (nil) of every template, which is one query either way.
func (tx *Tx) loadTemplateSlots(byID map[int64]*elective.ClinicTemplate, ids []any) error {
	q, args := `SELECT template_id, slot_type, minutes, reserved, local_only FROM template_slot`, []any(nil)
	if ids != nil {
		if len(ids) == 0 {
			return nil
		}
		q, args = q+` WHERE template_id IN (`+inClause(len(ids))+`)`, ids
	}
	rows, err := tx.query(q+` ORDER BY template_id, position`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sl elective.TemplateSlot
		if err := rows.Scan(&id, &sl.Type, &sl.Minutes, &sl.Reserved, &sl.LocalOnly); err != nil {
			return err
		}
		if t := byID[id]; t != nil {
			t.Slots = append(t.Slots, sl)
		}
	}
	return rows.Err()
}
