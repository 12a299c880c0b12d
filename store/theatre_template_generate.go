package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// GenerateTheatreSessions makes the sessions of every template for its
// dates in from..to, never before today: dates a session of the template
// already has (even released) are left alone, so running it again makes
// nothing; bank holidays are skipped by the schedule, and a date where
// the theatre already has a list at that time (a one-off session, another
// template's) is skipped too.
func (s *TheatreTemplateService) GenerateTheatreSessions(ctx context.Context, from, to elective.Date) (int, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return 0, err
	}
	made := 0
	err := s.db.update(ctx, func(tx *Tx) error {
		made = 0
		if today := tx.today(); from.Before(today) {
			from = today
		}
		templates, err := tx.findTemplates("")
		if err != nil {
			return err
		}
		for _, t := range templates {
			n, err := tx.generateFromTemplate(t, from, to)
			if err != nil {
				return err
			}
			made += n
		}
		if made == 0 {
			return nil
		}
		return tx.audit("theatre.sessions-generate", 0, "from="+from.String()+" to="+to.String()+" made="+itoa(made))
	})
	return made, err
}

// generateFromTemplate makes one template's missing sessions.
func (tx *Tx) generateFromTemplate(t *elective.TheatreTemplate, from, to elective.Date) (int, error) {
	missing, err := tx.missingTemplateSessions(t, from, to)
	if err != nil {
		return 0, err
	}
	for _, ts := range missing {
		if err := tx.insertTheatreSession(ts); err != nil {
			return 0, err
		}
		if _, err := tx.exec(`UPDATE theatre_session SET template_id = ? WHERE id = ?`, t.ID, ts.ID); err != nil {
			return 0, err
		}
	}
	return len(missing), nil
}

// missingTemplateSessions are the sessions a template would make in
// from..to: its dates with no session of its own yet where the theatre is
// free at that time.
func (tx *Tx) missingTemplateSessions(t *elective.TheatreTemplate, from, to elective.Date) ([]*elective.TheatreSession, error) {
	occ := calendar.TheatreScheduleOf(t).Sessions(from, to)
	if len(occ) == 0 {
		return nil, nil
	}
	if err := tx.lockTheatre(t.TheatreID); err != nil {
		return nil, err
	}
	have, err := tx.templateSessionDates(t.ID, from, to)
	if err != nil {
		return nil, err
	}
	var out []*elective.TheatreSession
	for _, o := range occ {
		if have[o.Date] {
			continue
		}
		ts := t.Session(o.Date)
		if busy, err := tx.theatreBusy(ts, 0); err != nil {
			return nil, err
		} else if !busy {
			out = append(out, ts)
		}
	}
	return out, nil
}

// templateSessionDates are the dates in from..to a template already has a
// session on.
func (tx *Tx) templateSessionDates(templateID int64, from, to elective.Date) (map[elective.Date]bool, error) {
	rows, err := tx.query(`SELECT session_date FROM theatre_session WHERE template_id = ? AND session_date >= ?
		AND session_date <= ?`, templateID, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[elective.Date]bool{}
	for rows.Next() {
		var d elective.Date
		if err := rows.Scan(dateCol{&d}); err != nil {
			return nil, err
		}
		have[d] = true
	}
	return have, rows.Err()
}

// theatreBusy reports whether the theatre has a list (not released) other
// than the session except at any minute of ts, or in the same part of
// ts's day.
func (tx *Tx) theatreBusy(ts *elective.TheatreSession, except int64) (bool, error) {
	var n int
	err := tx.queryRow(`SELECT COUNT(*) FROM theatre_session WHERE theatre_id = ? AND session_date = ? AND status <> ?
		AND id <> ? AND (period = ? OR (start_minute < ? AND start_minute + minutes > ?))`, ts.TheatreID, ts.Date,
		elective.SessionReleased, except, ts.Period, ts.StartMinute+ts.Minutes, ts.StartMinute).Scan(&n)
	return n > 0, err
}
