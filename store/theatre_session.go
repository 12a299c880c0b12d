package store

import (
	"context"

	"github.com/openelective/elective"
)

// FindTheatres returns the theatres and endoscopy rooms by code.
func (s *TheatreService) FindTheatres(ctx context.Context) ([]*elective.Theatre, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var out []*elective.Theatre
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(`SELECT id, code, name, site_id, endoscopy FROM theatre ORDER BY code`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t := &elective.Theatre{}
			if err := rows.Scan(&t.ID, &t.Code, &t.Name, &t.SiteID, &t.Endoscopy); err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

// FindTheatreResources returns the kit counts and the elective beds of
// every site together.
func (s *TheatreService) FindTheatreResources(ctx context.Context) (*elective.TheatreResources, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var r *elective.TheatreResources
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		r, err = tx.theatreResources()
		return err
	})
	return r, err
}

// theatreResources reads the beds and the kit catalogue: every item has a
// count, and the mobile ones are marked so.
func (tx *Tx) theatreResources() (*elective.TheatreResources, error) {
	r := &elective.TheatreResources{Kit: map[string]int{}, Mobile: map[string]bool{}}
	if err := tx.queryRow(`SELECT COALESCE(SUM(elective_beds), 0) FROM site`).Scan(&r.Beds); err != nil {
		return nil, err
	}
	kit, err := tx.findKit(``)
	if err != nil {
		return nil, err
	}
	for _, k := range kit {
		r.Kit[k.Name] = k.Count
		if k.Mobile {
			r.Mobile[k.Name] = true
		}
	}
	return r, nil
}

// CreateTheatreSession checks and adds a session, refusing a theatre
// already in use at any minute of it.
func (s *TheatreService) CreateTheatreSession(ctx context.Context, ts *elective.TheatreSession) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.checkSession(ts); err != nil {
			return err
		}
		if err := tx.lockTheatre(ts.TheatreID); err != nil {
			return err
		}
		var clash int
		if err := tx.queryRow(`SELECT COUNT(*) FROM theatre_session WHERE theatre_id = ? AND session_date = ?
			AND status <> ? AND start_minute < ? AND start_minute + minutes > ?`, ts.TheatreID, ts.Date,
			elective.SessionReleased, ts.StartMinute+ts.Minutes, ts.StartMinute).Scan(&clash); err != nil {
			return err
		}
		if clash > 0 {
			return elective.Errorf(elective.ECONFLICT, "The theatre already has a list at that time on %s", ts.Date.Format("2 Jan 2006"))
		}
		if err := tx.insertTheatreSession(ts); isUniqueViolation(err) {
			return elective.Errorf(elective.ECONFLICT, "The theatre already has a list at that time on %s", ts.Date.Format("2 Jan 2006"))
		} else if err != nil {
			return err
		}
		return tx.audit("theatre.session-create", 0, "session="+itoa64(ts.ID)+" date="+ts.Date.String())
	})
}

// lockTheatre takes the theatre's row lock on PostgreSQL so that two
// overlapping sessions cannot both pass the clash check; SQLite's write
// transactions are serial already.
func (tx *Tx) lockTheatre(id int64) error {
	if tx.db.dialect != Postgres {
		return nil
	}
	_, err := tx.exec(`SELECT id FROM theatre WHERE id = ? FOR UPDATE`, id)
	return err
}

// checkSession validates a new session's fields against the theatre,
// specialty and surgeon it names.
func (tx *Tx) checkSession(ts *elective.TheatreSession) error {
	var p elective.Problems
	var n int
	if err := tx.queryRow(`SELECT COUNT(*) FROM theatre WHERE id = ?`, ts.TheatreID).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		p.Add("theatre", "Choose a theatre")
	}
	if err := tx.queryRow(`SELECT COUNT(*) FROM specialty WHERE id = ?`, ts.SpecialtyID).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		p.Add("specialty", "Choose the specialty the list is for")
	}
	if ts.Date.IsZero() || ts.Date.Before(tx.today()) {
		p.Add("date", "Choose a date from today")
	}
	switch ts.Period {
	case elective.PeriodMorning, elective.PeriodAfternoon, elective.PeriodAllDay:
	default:
		p.Add("period", "Choose morning, afternoon or all day")
	}
	if ts.Minutes <= 0 || ts.StartMinute < 0 || ts.StartMinute+ts.Minutes > 24*60 {
		p.Add("minutes", "The list must start and end within the day")
	}
	if !validListType(ts.ListType) {
		p.Add("list_type", "Choose the list type")
	}
	if ts.SurgeonID != 0 {
		var sp int64
		if err := tx.queryRow(`SELECT specialty_id FROM clinician WHERE id = ?`, ts.SurgeonID).Scan(&sp); err != nil || sp != ts.SpecialtyID {
			p.Add("surgeon", "Choose a consultant of the list's specialty")
		}
	}
	return p.Err("The theatre session cannot be added: check the fields marked")
}

func validListType(t elective.TheatreListType) bool {
	for _, lt := range elective.TheatreListTypes {
		if lt == t {
			return true
		}
	}
	return false
}

func (tx *Tx) insertTheatreSession(ts *elective.TheatreSession) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	if ts.Status == "" {
		ts.Status = elective.SessionPlanned
	}
	ts.ID, err = tx.insert(`INSERT INTO theatre_session (org_id, theatre_id, specialty_id, session_date, period,
		start_minute, minutes, surgeon_id, anaesthetist, list_type, kit, surgeon_confirmed, anaesthetist_confirmed,
		status, released_reason, created_at) VALUES `+placeholders(16),
		orgID, ts.TheatreID, ts.SpecialtyID, ts.Date, ts.Period, ts.StartMinute, ts.Minutes, nullID(ts.SurgeonID),
		ts.Anaesthetist, ts.ListType, joinKit(ts.Kit), ts.SurgeonConfirmed, ts.AnaesthetistConfirmed, ts.Status,
		ts.ReleasedReason, tx.now)
	return err
}

// ConfirmStaffing records who staffs a session (the T-6 weeks milestone).
func (s *TheatreService) ConfirmStaffing(ctx context.Context, st elective.SessionStaffing) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		ts, err := tx.findSession(st.SessionID)
		if err != nil {
			return err
		}
		if ts.Status == elective.SessionReleased {
			return elective.Errorf(elective.EINVALID, "The session has been released")
		}
		if st.SurgeonID != 0 {
			var sp int64
			if err := tx.queryRow(`SELECT specialty_id FROM clinician WHERE id = ?`, st.SurgeonID).Scan(&sp); err != nil || sp != ts.SpecialtyID {
				return elective.Errorf(elective.EINVALID, "Choose a consultant of the list's specialty")
			}
		}
		if _, err := tx.exec(`UPDATE theatre_session SET surgeon_id = ?, surgeon_confirmed = ?, anaesthetist = ?,
			anaesthetist_confirmed = ? WHERE id = ?`, nullID(st.SurgeonID), st.SurgeonConfirmed && st.SurgeonID != 0,
			st.Anaesthetist, st.AnaesthetistConfirmed && st.Anaesthetist != "", st.SessionID); err != nil {
			return err
		}
		return tx.audit("theatre.session-staff", 0, "session="+itoa64(st.SessionID))
	})
}

// ReleaseSession gives back a session that has no booked case.
func (s *TheatreService) ReleaseSession(ctx context.Context, id int64, reason string) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	if reason == "" {
		return elective.Errorf(elective.EINVALID, "Say why the session is released")
	}
	return s.db.update(ctx, func(tx *Tx) error { return tx.releaseSession(id, reason) })
}

// releaseSession gives back a session with no booked case, in tx: the
// theatre page and approved leave (store/leave_approve.go) release alike.
func (tx *Tx) releaseSession(id int64, reason string) error {
	ts, err := tx.findSession(id)
	if err != nil {
		return err
	}
	if ts.BookedMinutes() > 0 {
		return elective.Errorf(elective.ECONFLICT, "The session still has patients booked: move or cancel them first")
	}
	if _, err := tx.exec(`UPDATE theatre_session SET status = ?, released_reason = ? WHERE id = ?`,
		elective.SessionReleased, reason, id); err != nil {
		return err
	}
	return tx.audit("theatre.session-release", 0, "session="+itoa64(id)+" reason="+reason)
}

// LockSession locks a planned list (the T-2 weeks milestone).
func (s *TheatreService) LockSession(ctx context.Context, id int64) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		ts, err := tx.findSession(id)
		if err != nil {
			return err
		}
		if ts.Status != elective.SessionPlanned {
			return elective.Errorf(elective.EINVALID, "Only a planned session can be locked")
		}
		if _, err := tx.exec(`UPDATE theatre_session SET status = ? WHERE id = ?`, elective.SessionLocked, id); err != nil {
			return err
		}
		return tx.audit("theatre.session-lock", 0, "session="+itoa64(id))
	})
}
