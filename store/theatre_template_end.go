package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
)

// attachTemplateExceptions reads the templates' one-off changes.
func (tx *Tx) attachTemplateExceptions(ts []*elective.TheatreTemplate) error {
	if len(ts) == 0 {
		return nil
	}
	byID := map[int64]*elective.TheatreTemplate{}
	ids := make([]any, len(ts))
	for i, t := range ts {
		byID[t.ID], ids[i] = t, t.ID
	}
	return tx.templateExceptions(`SELECT template_id, exc_date, extra, reason FROM theatre_template_exception
		WHERE template_id IN (`+inClause(len(ids))+`) ORDER BY template_id, exc_date`, ids,
		func(id int64, e elective.TemplateException) { byID[id].Exceptions = append(byID[id].Exceptions, e) })
}

func (tx *Tx) findTemplate(id int64) (*elective.TheatreTemplate, error) {
	ts, err := tx.findTemplates(` WHERE tt.id = ?`, id)
	if err != nil {
		return nil, err
	} else if len(ts) == 0 {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no such theatre template")
	}
	return ts[0], nil
}

// EndTheatreTemplate ends a template after last and releases its later
// sessions, refusing (and changing nothing) while any has patients booked.
func (s *TheatreTemplateService) EndTheatreTemplate(ctx context.Context, id int64, last elective.Date, reason string) (int, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return 0, err
	}
	reason = strings.TrimSpace(reason)
	released := 0
	err := s.db.update(ctx, func(tx *Tx) error {
		t, err := tx.findTemplate(id)
		if err != nil {
			return err
		}
		var p elective.Problems
		switch {
		case last.IsZero():
			p.Add("last", "Enter the date of the last list")
		case last.Before(t.EffectiveFrom):
			p.Add("last", "The last list cannot be before the template starts on %s", t.EffectiveFrom.Format("2 Jan 2006"))
		case last.Before(tx.today().AddDays(-1)):
			p.Add("last", "The last list cannot be in the past")
		}
		if reason == "" {
			p.Add("reason", "Say why the template ends")
		}
		if err := p.Err("The template was not ended: check the fields marked"); err != nil {
			return err
		}
		if _, err := tx.exec(`UPDATE theatre_template SET effective_to = ? WHERE id = ?`, last, id); err != nil {
			return err
		}
		if released, err = tx.releaseTemplateSessions(id, `s.session_date > ?`, last, reason); err != nil {
			return err
		}
		return tx.audit("theatre.template-end", 0, "template="+itoa64(id)+" last="+last.String()+" released="+itoa(released))
	})
	return released, err
}

// AddTheatreTemplateException records a closed date (releasing the
// template's session that day) or an extra list.
func (s *TheatreTemplateService) AddTheatreTemplateException(ctx context.Context, id int64, e elective.TemplateException) (int, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return 0, err
	}
	e.Reason = strings.TrimSpace(e.Reason)
	released := 0
	err := s.db.update(ctx, func(tx *Tx) error {
		t, err := tx.findTemplate(id)
		if err != nil {
			return err
		}
		var p elective.Problems
		if e.Date.Before(tx.today()) {
			p.Add("exception_date", "Choose today or a later date")
		} else if e.Date.Weekday() != t.Weekday && !e.Extra {
			p.Add("exception_date", "The template's lists are on %ss: %s is a %s", t.Weekday, e.Date.Format("2 Jan 2006"), e.Date.Weekday())
		}
		if e.Reason == "" {
			p.Add("exception_reason", "Say why, for example a training day")
		}
		for _, x := range t.Exceptions {
			if x.Date == e.Date {
				p.Add("exception_date", "%s already has an exception: %s", e.Date.Format("2 Jan 2006"), x.Reason)
			}
		}
		if err := p.Err("The exception was not added: check the fields marked"); err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO theatre_template_exception (template_id, exc_date, extra, reason, created_at)
			VALUES `+placeholders(5), id, e.Date, e.Extra, e.Reason, tx.now); err != nil {
			return err
		}
		if !e.Extra {
			if released, err = tx.releaseTemplateSessions(id, `s.session_date = ?`, e.Date, e.Reason); err != nil {
				return err
			}
		}
		return tx.audit("theatre.template-exception", 0, "template="+itoa64(id)+" date="+e.Date.String())
	})
	return released, err
}

// releaseTemplateSessions releases the template's sessions matching cond
// (on arg) that have not been released, refusing with the dates if any has
// patients booked: they must be moved first.
func (tx *Tx) releaseTemplateSessions(id int64, cond string, arg any, reason string) (int, error) {
	ss, err := tx.findSessions(true, sessionSelect+` WHERE s.template_id = ? AND `+cond+` AND s.status <> ? ORDER BY s.session_date`,
		id, arg, elective.SessionReleased)
	if err != nil {
		return 0, err
	}
	var booked []string
	for _, s := range ss {
		if s.BookedMinutes() > 0 {
			booked = append(booked, s.Date.Format("2 Jan"))
		}
	}
	if len(booked) > 0 {
		return 0, elective.Errorf(elective.ECONFLICT, "Patients are booked on the lists of %s: move them to other lists first",
			strings.Join(booked, ", "))
	}
	for _, s := range ss {
		if err := tx.releaseSession(s.ID, reason); err != nil {
			return 0, err
		}
	}
	return len(ss), nil
}
