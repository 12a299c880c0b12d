package store

import (
	"context"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

var _ elective.TheatreTemplateService = (*TheatreTemplateService)(nil)

// TheatreTemplateService keeps theatre session templates and makes their
// sessions.
type TheatreTemplateService struct{ db *DB }

// NewTheatreTemplateService returns the service on db.
func NewTheatreTemplateService(db *DB) *TheatreTemplateService { return &TheatreTemplateService{db} }

// templateScheduleYear is how far ahead a new template is compared with
// the others for a clash: a year, as for clinic templates.
const templateScheduleYear = 365

// CreateTheatreTemplate checks a template's fields and references, refuses
// one that would hold its theatre at the same time as another template on
// a date both run (ECONFLICT), and adds it.
func (s *TheatreTemplateService) CreateTheatreTemplate(ctx context.Context, t *elective.TheatreTemplate) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	if t.Every == 0 {
		t.Every = 1
	}
	if err := t.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.checkTemplateRefs(t); err != nil {
			return err
		}
		if err := tx.lockTheatre(t.TheatreID); err != nil {
			return err
		}
		if err := tx.templateClash(t, t.EffectiveFrom); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		t.ID, err = tx.insert(`INSERT INTO theatre_template (org_id, theatre_id, specialty_id, surgeon_id, anaesthetist,
			weekday, period, start_minute, minutes, list_type, kit, every_weeks, effective_from, effective_to, created_at)
			VALUES `+placeholders(15), orgID, t.TheatreID, t.SpecialtyID, nullID(t.SurgeonID), t.Anaesthetist,
			int(t.Weekday), t.Period, t.StartMinute, t.Minutes, t.ListType, joinKit(t.Kit), t.Every, t.EffectiveFrom,
			t.EffectiveTo, tx.now)
		if err != nil {
			return err
		}
		return tx.audit("theatre.template-create", 0, "template="+itoa64(t.ID)+" theatre="+itoa64(t.TheatreID)+
			" weekday="+t.Weekday.String()+" period="+string(t.Period))
	})
}

// checkTemplateRefs checks the theatre, specialty and surgeon exist and
// the surgeon is a consultant of the specialty.
func (tx *Tx) checkTemplateRefs(t *elective.TheatreTemplate) error {
	var p elective.Problems
	var n int
	if err := tx.queryRow(`SELECT COUNT(*) FROM theatre WHERE id = ?`, t.TheatreID).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		p.Add("theatre", "Choose a theatre")
	}
	if err := tx.queryRow(`SELECT COUNT(*) FROM specialty WHERE id = ?`, t.SpecialtyID).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		p.Add("specialty", "Choose the specialty the lists are for")
	}
	if t.SurgeonID != 0 {
		var sp int64
		if err := tx.queryRow(`SELECT specialty_id FROM clinician WHERE id = ?`, t.SurgeonID).Scan(&sp); err != nil || sp != t.SpecialtyID {
			p.Add("surgeon", "Choose a consultant of the list's specialty")
		}
	}
	return p.Err("The template cannot be added: check the fields marked")
}

// templateClash refuses t when another template of its theatre holds it
// at the same time on a date both run, from since (or the later start)
// for a year.
func (tx *Tx) templateClash(t *elective.TheatreTemplate, since elective.Date) error {
	others, err := tx.findTemplates(` WHERE tt.theatre_id = ? AND tt.id <> ?`, t.TheatreID, t.ID)
	if err != nil {
		return err
	}
	for _, o := range others {
		if !t.Overlaps(o) {
			continue
		}
		from := since
		for _, d := range []elective.Date{t.EffectiveFrom, o.EffectiveFrom} {
			if d.After(from) {
				from = d
			}
		}
		if dates := calendar.Overlaps(calendar.TheatreScheduleOf(t), calendar.TheatreScheduleOf(o), from, from.AddDays(templateScheduleYear)); len(dates) > 0 {
			return elective.Errorf(elective.ECONFLICT, "The theatre already has a %s %s list from another template (first together on %s)",
				o.Weekday, o.Period.Label(), dates[0].Format("2 Jan 2006"))
		}
	}
	return nil
}

const templateSelect = `SELECT tt.id, tt.theatre_id, tt.specialty_id, tt.surgeon_id, tt.anaesthetist, tt.weekday, tt.period,
	tt.start_minute, tt.minutes, tt.list_type, tt.kit, tt.every_weeks, tt.effective_from, tt.effective_to, t.name, sp.name,
	COALESCE(c.title, ''), COALESCE(c.given_name, ''), COALESCE(c.family_name, '')
	FROM theatre_template tt JOIN theatre t ON t.id = tt.theatre_id JOIN specialty sp ON sp.id = tt.specialty_id
	LEFT JOIN clinician c ON c.id = tt.surgeon_id`

// findTemplates reads templates matching where (with args), by theatre,
// weekday and start.
func (tx *Tx) findTemplates(where string, args ...any) ([]*elective.TheatreTemplate, error) {
	rows, err := tx.query(templateSelect+where+` ORDER BY t.code, tt.weekday, tt.start_minute, tt.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.TheatreTemplate
	for rows.Next() {
		t := &elective.TheatreTemplate{}
		c := &elective.Clinician{}
		var kit string
		var weekday int
		if err := rows.Scan(&t.ID, &t.TheatreID, &t.SpecialtyID, idCol{&t.SurgeonID}, &t.Anaesthetist, &weekday, &t.Period,
			&t.StartMinute, &t.Minutes, &t.ListType, &kit, &t.Every, dateCol{&t.EffectiveFrom}, dateCol{&t.EffectiveTo},
			&t.TheatreName, &t.SpecialtyName, &c.Title, &c.GivenName, &c.FamilyName); err != nil {
			return nil, err
		}
		t.Weekday, t.Kit = time.Weekday(weekday), splitKit(kit)
		if t.SurgeonID != 0 {
			t.SurgeonName = c.DisplayName()
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, tx.attachTemplateExceptions(out)
}

// FindTheatreTemplates returns every template.
func (s *TheatreTemplateService) FindTheatreTemplates(ctx context.Context) ([]*elective.TheatreTemplate, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var out []*elective.TheatreTemplate
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.findTemplates("")
		return err
	})
	return out, err
}
