package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// ClinicService manages clinic templates, sessions and slots.
type ClinicService struct{ db *DB }

// NewClinicService returns the service.
func NewClinicService(db *DB) *ClinicService { return &ClinicService{db} }

var _ elective.ClinicService = (*ClinicService)(nil)

// CreateClinicTemplate validates and saves a template with its slots.
func (s *ClinicService) CreateClinicTemplate(ctx context.Context, t *elective.ClinicTemplate) error {
	if err := authorize(ctx, elective.ActionManageClinics); err != nil {
		return err
	}
	if err := validTemplate(t); err != nil {
		return err
	}
	if err := s.checkClashes(ctx, t); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		from := t.EffectiveFrom
		if today := tx.today(); from.Before(today) {
			from = today
		}
		if err := tx.checkRoomFree(t, from, t.EffectiveTo); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		t.ID, err = tx.insert(`INSERT INTO clinic_template (org_id, `+templateColumns+`) VALUES `+placeholders(14),
			append([]any{orgID}, templateArgs(t)...)...)
		if isUniqueViolation(err) {
			return elective.Errorf(elective.ECONFLICT, "A clinic with code %s already exists", t.Code)
		} else if err != nil {
			return err
		}
		return tx.insertTemplateParts(t)
	})
}

// checkClashes refuses a template whose sessions would overlap another's
// of the same clinician or room.
func (s *ClinicService) checkClashes(ctx context.Context, t *elective.ClinicTemplate) error {
	others, err := s.FindClinicTemplates(ctx, 0)
	if err != nil {
		return err
	}
	from := t.EffectiveFrom
	if today := s.db.today(s.db.Now()); from.Before(today) {
		from = today
	}
	var probs elective.Problems
	for _, c := range calendar.Clashes(t, others, from) {
		probs.Add("start", "This clinic would overlap %s (%s) on %s", c.Other.Code, c.Why, c.First.Format("2 Jan 2006"))
	}
	return probs.Err("The clinic template was not saved")
}

// validTemplate checks the template and its calendar.
func validTemplate(t *elective.ClinicTemplate) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return calendar.ScheduleOf(t).Validate()
}

const templateColumns = `code, name, clinician_id, specialty_id, site_id, room, weekday, start_minute, effective_from,
	effective_to, every_weeks, weeks_of_month, open_on_bank_holidays`

func templateArgs(t *elective.ClinicTemplate) []any {
	weeks := make([]string, len(t.WeeksOfMonth))
	for i, w := range t.WeeksOfMonth {
		weeks[i] = itoa(w)
	}
	return []any{t.Code, t.Name, t.ClinicianID, t.SpecialtyID, t.SiteID, t.Room, int(t.Weekday), t.StartMinute,
		t.EffectiveFrom, t.EffectiveTo, max(t.Every, 1), strings.Join(weeks, ","), t.OpenOnBankHolidays}
}

// insertTemplateParts saves a template's slots and exceptions.
func (tx *Tx) insertTemplateParts(t *elective.ClinicTemplate) error {
	for i, sl := range t.Slots {
		if _, err := tx.exec(`INSERT INTO template_slot (template_id, position, slot_type, minutes, reserved, local_only)
			VALUES (?, ?, ?, ?, ?, ?)`, t.ID, i+1, sl.Type, sl.Minutes, sl.Reserved, sl.LocalOnly); err != nil {
			return err
		}
	}
	for _, e := range t.Exceptions {
		if _, err := tx.exec(`INSERT INTO template_exception (template_id, exception_date, extra, reason) VALUES (?, ?, ?, ?)`,
			t.ID, e.Date, e.Extra, e.Reason); err != nil {
			return err
		}
	}
	return nil
}

// FindClinicTemplates returns templates with their slots and exceptions,
// of one specialty or (0) all.
func (s *ClinicService) FindClinicTemplates(ctx context.Context, specialtyID int64) ([]*elective.ClinicTemplate, error) {
	var out []*elective.ClinicTemplate
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		if specialtyID != 0 {
			out, err = tx.clinicTemplates(` WHERE specialty_id = ?`, specialtyID)
		} else {
			out, err = tx.clinicTemplates(``)
		}
		return err
	})
	return out, err
}

// GenerateSessions makes every template's sessions and slots between from
// and to, keeping sessions already made.
func (s *ClinicService) GenerateSessions(ctx context.Context, from, to elective.Date) (int, error) {
	if err := authorize(ctx, elective.ActionManageClinics); err != nil {
		return 0, err
	}
	templates, err := s.FindClinicTemplates(ctx, 0)
	if err != nil {
		return 0, err
	}
	made := 0
	err = s.db.update(ctx, func(tx *Tx) error {
		made = 0
		have, err := tx.sessionDates(from, to)
		if err != nil {
			return err
		}
		for _, t := range templates {
			for _, d := range calendar.TemplateDates(t, from, to) {
				if have[sessionKey{t.ID, d}] {
					continue
				}
				if err := tx.insertSession(t, d); err != nil {
					return err
				}
				made++
			}
		}
		return nil
	})
	return made, err
}

type sessionKey struct {
	template int64
	date     elective.Date
}

// sessionDates returns which templates already hold sessions on which
// dates in [from, to], in one query rather than one per session.
func (tx *Tx) sessionDates(from, to elective.Date) (map[sessionKey]bool, error) {
	rows, err := tx.query(`SELECT template_id, session_date FROM clinic_session WHERE session_date >= ? AND session_date <= ?`, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[sessionKey]bool{}
	for rows.Next() {
		var k sessionKey
		if err := rows.Scan(&k.template, dateCol{&k.date}); err != nil {
			return nil, err
		}
		have[k] = true
	}
	return have, rows.Err()
}

// insertSession makes a template's session on date d with its slots.
func (tx *Tx) insertSession(t *elective.ClinicTemplate, d elective.Date) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	sess, slots := t.Session(d, tx.db.Location)
	sess.ID, err = tx.insert(`INSERT INTO clinic_session (org_id, template_id, clinician_id, specialty_id, site_id, room,
		session_date, start_at, end_at, status) VALUES `+placeholders(10),
		orgID, sess.TemplateID, sess.ClinicianID, sess.SpecialtyID, sess.SiteID, sess.Room, sess.Date, sess.Start, sess.End, sess.Status)
	if err != nil {
		return err
	}
	for _, sl := range slots {
		if _, err := tx.exec(`INSERT INTO slot (org_id, session_id, specialty_id, clinician_id, site_id, session_status,
			start_at, minutes, slot_type, reserved, local_only) VALUES `+placeholders(11), orgID, sess.ID, sess.SpecialtyID,
			sess.ClinicianID, sess.SiteID, sess.Status, sl.Start, sl.Minutes, sl.Type, sl.Reserved, sl.LocalOnly); err != nil {
			return err
		}
	}
	return nil
}

const slotSelect = `SELECT s.id, s.session_id, s.start_at, s.minutes, s.slot_type, s.reserved, s.local_only, COALESCE(a.id, 0),
	cs.template_id, cs.clinician_id, cs.specialty_id, cs.site_id, cs.room, cs.session_date, cs.start_at, cs.end_at, s.session_status,
	c.code, c.title, c.given_name, c.family_name, st.code, st.name
	FROM slot s
	JOIN clinic_session cs ON cs.id = s.session_id
	JOIN clinician c ON c.id = s.clinician_id
	JOIN site st ON st.id = s.site_id
	LEFT JOIN appointment a ON a.slot_id = s.id AND a.status IN ('booked', 'attended', 'dna')`

func scanSlot(row scanner) (*elective.Slot, error) {
	sl := &elective.Slot{Session: &elective.ClinicSession{}, Clinician: &elective.Clinician{}, Site: &elective.Site{}}
	ss := sl.Session
	err := row.Scan(&sl.ID, &sl.SessionID, timeCol{&sl.Start}, &sl.Minutes, &sl.Type, &sl.Reserved, &sl.LocalOnly, &sl.AppointmentID,
		&ss.TemplateID, &ss.ClinicianID, &ss.SpecialtyID, &ss.SiteID, &ss.Room, dateCol{&ss.Date}, timeCol{&ss.Start},
		timeCol{&ss.End}, &ss.Status, &sl.Clinician.Code, &sl.Clinician.Title, &sl.Clinician.GivenName,
		&sl.Clinician.FamilyName, &sl.Site.Code, &sl.Site.Name)
	ss.ID, sl.Clinician.ID, sl.Site.ID = sl.SessionID, ss.ClinicianID, ss.SiteID
	sl.Clinician.SpecialtyID = ss.SpecialtyID
	return sl, err
}

// FindSlots returns slots in start order with their session, clinician and
// site; free-only searches skip cancelled sessions and held slots.
func (s *ClinicService) FindSlots(ctx context.Context, f elective.SlotFilter) ([]*elective.Slot, error) {
	q, args := slotSelect+` WHERE 1 = 1`, []any{}
	add := func(cond string, v any) { q += " AND " + cond; args = append(args, v) }
	if f.SpecialtyID != 0 {
		add("s.specialty_id = ?", f.SpecialtyID)
	}
	if f.ClinicianID != 0 {
		add("s.clinician_id = ?", f.ClinicianID)
	}
	if f.SiteID != 0 {
		add("s.site_id = ?", f.SiteID)
	}
	if f.Type != "" {
		add("s.slot_type = ?", f.Type)
	}
	if !f.From.IsZero() {
		add("s.start_at >= ?", f.From)
	}
	if !f.To.IsZero() {
		add("s.start_at < ?", f.To.AddDays(1).At(0, 0, s.db.Location))
	}
	if f.FreeOnly {
		q += ` AND s.session_status = 'open' AND a.id IS NULL`
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	q += ` ORDER BY s.start_at, s.id LIMIT ?`
	args = append(args, f.Limit)
	rows, err := s.db.db.QueryContext(ctx, s.db.rebind(q), convertArgs(args)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Slot
	for rows.Next() {
		sl, err := scanSlot(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sl)
	}
	return out, rows.Err()
}

// findSlot reads one slot with its session, for booking.
func (tx *Tx) findSlot(id int64) (*elective.Slot, error) {
	return scanSlot(tx.queryRow(slotSelect+` WHERE s.id = ?`, id))
}

// FindClinicTemplate returns one template with its slots and exceptions.
func (s *ClinicService) FindClinicTemplate(ctx context.Context, id int64) (*elective.ClinicTemplate, error) {
	var specialty int64
	if err := s.db.db.QueryRowContext(ctx, s.db.rebind(`SELECT specialty_id FROM clinic_template WHERE id = ?`), id).Scan(&specialty); err != nil {
		return nil, notFound(err, "There is no such clinic template")
	}
	all, err := s.FindClinicTemplates(ctx, specialty)
	if err != nil {
		return nil, err
	}
	for _, t := range all {
		if t.ID == id {
			return t, nil
		}
	}
	return nil, elective.Errorf(elective.ENOTFOUND, "There is no such clinic template")
}

// AddTemplateException adds a closure or an extra session, making the
// extra session at once.
func (s *ClinicService) AddTemplateException(ctx context.Context, templateID int64, e elective.TemplateException) error {
	if err := authorize(ctx, elective.ActionManageClinics); err != nil {
		return err
	}
	t, err := s.FindClinicTemplate(ctx, templateID)
	if err != nil {
		return err
	}
	t.Exceptions = append(t.Exceptions, e)
	if err := validTemplate(t); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if e.Date.Before(tx.today()) {
			return elective.Errorf(elective.EINVALID, "The date has passed")
		}
		have, err := tx.sessionDates(e.Date, e.Date)
		if err != nil {
			return err
		}
		exists := have[sessionKey{templateID, e.Date}]
		if e.Extra && !exists {
			if err := tx.checkRoomFree(t, e.Date, e.Date); err != nil {
				return err
			}
		}
		if !e.Extra && exists {
			return elective.Errorf(elective.ECONFLICT, "This clinic already has a session on %s: cancel it from its clinic page, "+
				"which rebooks its patients", e.Date.Format("2 Jan 2006"))
		}
		if _, err := tx.exec(`INSERT INTO template_exception (template_id, exception_date, extra, reason) VALUES (?, ?, ?, ?)`,
			templateID, e.Date, e.Extra, e.Reason); isUniqueViolation(err) {
			return elective.Errorf(elective.ECONFLICT, "There is already a change on %s", e.Date.Format("2 Jan 2006"))
		} else if err != nil {
			return err
		}
		if e.Extra && !exists {
			return tx.insertSession(t, e.Date)
		}
		return nil
	})
}
