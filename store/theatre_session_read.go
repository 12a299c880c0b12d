package store

import (
	"context"

	"github.com/openelective/elective"
)

const sessionSelect = `SELECT s.id, s.theatre_id, s.specialty_id, s.session_date, s.period, s.start_minute, s.minutes,
	s.surgeon_id, s.anaesthetist, s.list_type, s.kit, s.surgeon_confirmed, s.anaesthetist_confirmed, s.status,
	s.released_reason, t.name, sp.name, COALESCE(c.title, ''), COALESCE(c.given_name, ''), COALESCE(c.family_name, ''),
	s.template_id FROM theatre_session s JOIN theatre t ON t.id = s.theatre_id JOIN specialty sp ON sp.id = s.specialty_id
	LEFT JOIN clinician c ON c.id = s.surgeon_id`

func scanSession(row scanner) (*elective.TheatreSession, error) {
	s := &elective.TheatreSession{}
	c := &elective.Clinician{}
	var kit string
	err := row.Scan(&s.ID, &s.TheatreID, &s.SpecialtyID, dateCol{&s.Date}, &s.Period, &s.StartMinute, &s.Minutes,
		idCol{&s.SurgeonID}, &s.Anaesthetist, &s.ListType, &kit, &s.SurgeonConfirmed, &s.AnaesthetistConfirmed,
		&s.Status, &s.ReleasedReason, &s.TheatreName, &s.SpecialtyName, &c.Title, &c.GivenName, &c.FamilyName,
		idCol{&s.TemplateID})
	s.Kit = splitKit(kit)
	if s.SurgeonID != 0 {
		s.SurgeonName = c.DisplayName()
	}
	return s, err
}

const caseSelect = `SELECT c.id, c.session_id, c.entry_id, c.position, c.minutes, c.status, s.session_date,
	c.actual_minutes IS NULL FROM theatre_case c JOIN theatre_session s ON s.id = c.session_id`

func scanCase(row scanner) (*elective.TheatreCase, error) {
	c := &elective.TheatreCase{}
	var noActual bool
	err := row.Scan(&c.ID, &c.SessionID, &c.EntryID, &c.Position, &c.Minutes, &c.Status, dateCol{&c.TCI}, &noActual)
	// A done case has its actual minutes unless the procedure was not
	// performed (markCaseDone).
	c.NotPerformed = c.Status == elective.CaseDone && noActual
	return c, err
}

// findSessions reads sessions, and their cases with entries when withCases.
func (tx *Tx) findSessions(withCases bool, q string, args ...any) ([]*elective.TheatreSession, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.TheatreSession
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if !withCases {
		return out, nil
	}
	return out, tx.attachCases(out, true)
}

// findSession reads one session with its cases.
func (tx *Tx) findSession(id int64) (*elective.TheatreSession, error) {
	ss, err := tx.findSessions(true, sessionSelect+` WHERE s.id = ?`, id)
	if err != nil {
		return nil, err
	} else if len(ss) == 0 {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no theatre session %d", id)
	}
	return ss[0], nil
}

// attachCases adds every session's cases, in list order, with their
// entries when withEntries.
func (tx *Tx) attachCases(ss []*elective.TheatreSession, withEntries bool) error {
	byID := map[int64]*elective.TheatreSession{}
	for _, s := range ss {
		byID[s.ID] = s
	}
	var cases []*elective.TheatreCase
	for start := 0; start < len(ss); start += 500 {
		ids := make([]any, 0, 500)
		for _, s := range ss[start:min(start+500, len(ss))] {
			ids = append(ids, s.ID)
		}
		got, err := tx.findCases(caseSelect+` WHERE c.session_id IN (`+inClause(len(ids))+`) ORDER BY c.session_id, c.position, c.id`, ids...)
		if err != nil {
			return err
		}
		cases = append(cases, got...)
	}
	if withEntries {
		if err := tx.attachCaseEntries(cases); err != nil {
			return err
		}
	}
	for _, c := range cases {
		byID[c.SessionID].Cases = append(byID[c.SessionID].Cases, c)
	}
	return nil
}

func (tx *Tx) findCases(q string, args ...any) ([]*elective.TheatreCase, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.TheatreCase
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// attachCaseEntries reads the entry of each case.
func (tx *Tx) attachCaseEntries(cases []*elective.TheatreCase) error {
	for start := 0; start < len(cases); start += 500 {
		part := cases[start:min(start+500, len(cases))]
		ids := make([]any, len(part))
		for i, c := range part {
			ids[i] = c.EntryID
		}
		es, err := tx.findEntries(entrySelect+` WHERE e.id IN (`+inClause(len(ids))+`)`, ids...)
		if err != nil {
			return err
		}
		byID := map[int64]*elective.AdmittedListEntry{}
		for _, e := range es {
			byID[e.ID] = e
		}
		for _, c := range part {
			c.Entry = byID[c.EntryID]
		}
	}
	return nil
}

// FindTheatreSessions returns sessions with their cases, by date and
// start: from today and for two weeks unless the filter says; reading the
// cases is a read of patient records, so it is audited.
func (s *TheatreService) FindTheatreSessions(ctx context.Context, f elective.TheatreSessionFilter) ([]*elective.TheatreSession, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	if f.From.IsZero() {
		f.From = elective.DateOf(s.db.Now(), s.db.Location)
	}
	if f.To.IsZero() {
		f.To = f.From.AddDays(13) // two weeks: the lists being finalised
	}
	q, args := sessionSelect+` WHERE s.session_date >= ? AND s.session_date <= ?`, []any{f.From, f.To}
	if f.TheatreID != 0 {
		q, args = q+` AND s.theatre_id = ?`, append(args, f.TheatreID)
	}
	if f.SpecialtyID != 0 {
		q, args = q+` AND s.specialty_id = ?`, append(args, f.SpecialtyID)
	}
	if f.SurgeonID != 0 {
		q, args = q+` AND s.surgeon_id = ?`, append(args, f.SurgeonID)
	}
	var out []*elective.TheatreSession
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if out, err = tx.findSessions(false, q+` ORDER BY s.session_date, s.start_minute, t.code, s.id LIMIT 2000`, args...); err != nil {
			return err
		}
		if err := tx.attachCases(out, !f.CasesOnly); err != nil {
			return err
		}
		if f.CasesOnly {
			return nil // no patient's record was read
		}
		return tx.audit("theatre.sessions", 0, "from="+f.From.String()+" to="+f.To.String()+" rows="+itoa(len(out)))
	})
	return out, err
}

// FindTheatreSession returns one session with its cases in order.
func (s *TheatreService) FindTheatreSession(ctx context.Context, id int64) (*elective.TheatreSession, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var out *elective.TheatreSession
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if out, err = tx.findSession(id); err != nil {
			return err
		}
		return tx.audit("theatre.session", 0, "session="+itoa64(id)+" cases="+itoa(len(out.Cases)))
	})
	return out, err
}
