package store

import (
	"github.com/openelective/elective"
)

// loadTheatreTemplates inserts the data's session templates and their
// exceptions in multi-row statements, numbered on from the table's
// highest id (then moving PostgreSQL's identity past them).
func (tx *Tx) loadTheatreTemplates(orgID int64, d *elective.TheatreData, ids map[string]map[int64]int64) error {
	base, err := tx.maxID("theatre_template")
	if err != nil {
		return err
	}
	type exception struct {
		templateID int64
		e          elective.TemplateException
	}
	var excs []exception
	for i, t := range d.Templates {
		id := base + int64(i) + 1
		ids["template"][t.ID] = id
		t.ID = id
		t.TheatreID = ids["theatre"][t.TheatreID]
		for _, e := range t.Exceptions {
			excs = append(excs, exception{t.ID, e})
		}
	}
	if err := tx.bulkInsert("theatre_template", "id, org_id, theatre_id, specialty_id, surgeon_id, anaesthetist, weekday, "+
		"period, start_minute, minutes, list_type, kit, every_weeks, effective_from, effective_to, created_at", len(d.Templates),
		func(i int) []any {
			t := d.Templates[i]
			return []any{t.ID, orgID, t.TheatreID, t.SpecialtyID, nullID(t.SurgeonID), t.Anaesthetist, int(t.Weekday), t.Period,
				t.StartMinute, t.Minutes, t.ListType, joinKit(t.Kit), t.Every, t.EffectiveFrom, t.EffectiveTo, tx.now}
		}); err != nil {
		return err
	}
	if err := tx.bulkInsert("theatre_template_exception", "template_id, exc_date, extra, reason, created_at", len(excs),
		func(i int) []any {
			x := excs[i]
			return []any{x.templateID, x.e.Date, x.e.Extra, x.e.Reason, tx.now}
		}); err != nil {
		return err
	}
	return tx.moveIdentity("theatre_template")
}

// loadTheatreSessions inserts the data's lists in multi-row statements,
// each naming the template it was made from (as GenerateTheatreSessions
// records it), so that making the templates' sessions again finds them.
func (tx *Tx) loadTheatreSessions(orgID int64, d *elective.TheatreData, ids map[string]map[int64]int64) error {
	base, err := tx.maxID("theatre_session")
	if err != nil {
		return err
	}
	for i, s := range d.Sessions {
		if s.TemplateID != 0 {
			tid, ok := ids["template"][s.TemplateID]
			if !ok {
				return elective.Errorf(elective.EINVALID, "theatre session %d names template %d, which is not in the data", s.ID, s.TemplateID)
			}
			s.TemplateID = tid
		}
		id := base + int64(i) + 1
		ids["session"][s.ID] = id
		s.ID = id
		s.TheatreID = ids["theatre"][s.TheatreID]
		if s.Status == "" {
			s.Status = elective.SessionPlanned
		}
	}
	if err := tx.bulkInsert("theatre_session", "id, org_id, theatre_id, specialty_id, session_date, period, start_minute, "+
		"minutes, surgeon_id, anaesthetist, list_type, kit, surgeon_confirmed, anaesthetist_confirmed, status, "+
		"released_reason, created_at, template_id", len(d.Sessions), func(i int) []any {
		s := d.Sessions[i]
		return []any{s.ID, orgID, s.TheatreID, s.SpecialtyID, s.Date, s.Period, s.StartMinute, s.Minutes, nullID(s.SurgeonID),
			s.Anaesthetist, s.ListType, joinKit(s.Kit), s.SurgeonConfirmed, s.AnaesthetistConfirmed, s.Status,
			s.ReleasedReason, tx.now, nullID(s.TemplateID)}
	}); err != nil {
		return err
	}
	return tx.moveIdentity("theatre_session")
}

// maxID is the highest id in table, 0 when it is empty.
func (tx *Tx) maxID(table string) (int64, error) {
	var id int64
	err := tx.queryRow(`SELECT COALESCE(MAX(id), 0) FROM ` + table).Scan(&id)
	return id, err
}

// moveIdentity sets PostgreSQL's identity sequence of table past the ids
// a bulk load gave, so that the next row added one at a time does not
// collide; SQLite numbers on from the highest id by itself.
func (tx *Tx) moveIdentity(table string) error {
	if tx.db.dialect != Postgres {
		return nil
	}
	_, err := tx.exec(`SELECT setval(pg_get_serial_sequence('` + table + `', 'id'), COALESCE((SELECT MAX(id) FROM ` + table +
		`), 0) + 1, false)`)
	return err
}
