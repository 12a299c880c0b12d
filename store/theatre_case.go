package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// ScheduleCase books an entry on a list after package theatre's checks:
// the entry's row is locked first and the session's second (always in
// that order, so two bookers never deadlock), and the unique index on a
// booked case per entry makes a double booking impossible.
func (s *TheatreService) ScheduleCase(ctx context.Context, c elective.ScheduleCase) (*elective.TheatreCase, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	var out *elective.TheatreCase
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.scheduleCase(c)
		return err
	})
	return out, err
}

func (tx *Tx) scheduleCase(c elective.ScheduleCase) (*elective.TheatreCase, error) {
	e, ts, err := tx.lockEntryAndSession(c.EntryID, c.SessionID)
	if err != nil {
		return nil, err
	}
	if e.Case != nil {
		return nil, elective.Errorf(elective.ECONFLICT, "%s is already booked on a list for %s",
			e.PatientName, e.Case.TCI.Format("2 Jan 2006"))
	}
	minutes := c.Minutes
	if minutes == 0 {
		minutes = e.ExpectedMinutes
	}
	unav, err := tx.findUnavailability(e.PatientID)
	if err != nil {
		return nil, err
	}
	res, err := tx.kitResources(e)
	if err != nil {
		return nil, err
	}
	booked := bookedCases(ts)
	if err := theatre.CheckCase(ts, booked, e, minutes, unav, res, tx.today()); err != nil {
		return nil, err
	}
	if err := tx.checkSharedKit(ts, e, res); err != nil {
		return nil, err
	}
	if err := tx.checkOverride(ts, c.Override); err != nil {
		return nil, err
	}
	tc := &elective.TheatreCase{SessionID: ts.ID, EntryID: e.ID, Position: len(booked) + 1, Minutes: minutes,
		Status: elective.CaseBooked, TCI: ts.Date, Entry: e}
	if err := tx.insertCase(tc); isUniqueViolation(err) {
		return nil, elective.Errorf(elective.ECONFLICT, "%s has just been booked on another list", e.PatientName)
	} else if err != nil {
		return nil, err
	}
	if err := tx.setEntryStatus(e.ID, elective.AdmittedScheduled, ""); err != nil {
		return nil, err
	}
	if c.RebookOf != 0 {
		if err := tx.recordRebook(c.RebookOf, e.ID, tc, ts); err != nil {
			return nil, err
		}
	}
	if err := tx.auditOverride(ts, e.PatientID, c.Override, "schedule case="+itoa64(tc.ID)); err != nil {
		return nil, err
	}
	return tc, tx.audit("theatre.case-schedule", e.PatientID, "case="+itoa64(tc.ID)+" session="+itoa64(ts.ID)+
		" minutes="+itoa(minutes))
}

// lockEntryAndSession reads an entry and a session, on PostgreSQL under
// their row locks, entry first.
func (tx *Tx) lockEntryAndSession(entryID, sessionID int64) (*elective.AdmittedListEntry, *elective.TheatreSession, error) {
	if err := tx.lockRow("admitted_entry", entryID); err != nil {
		return nil, nil, err
	}
	e, err := tx.findEntry(entryID)
	if err != nil {
		return nil, nil, err
	}
	if err := tx.lockRow("theatre_session", sessionID); err != nil {
		return nil, nil, err
	}
	ts, err := tx.findSession(sessionID)
	return e, ts, err
}

// lockRow takes a row's lock on PostgreSQL; SQLite's write transactions
// are serial already. table is always a constant of this package.
func (tx *Tx) lockRow(table string, id int64) error {
	if tx.db.dialect != Postgres {
		return nil
	}
	_, err := tx.exec(`SELECT id FROM `+table+` WHERE id = ? FOR UPDATE`, id)
	return err
}

// bookedCases are the cases still booked on a session, in list order.
func bookedCases(ts *elective.TheatreSession) []*elective.TheatreCase {
	var out []*elective.TheatreCase
	for _, c := range ts.Cases {
		if c.Status == elective.CaseBooked {
			out = append(out, c)
		}
	}
	return out
}

// locked reports whether changing the list needs a manager: it is locked,
// or inside the lock milestone of the 6-4-2 process.
func (tx *Tx) locked(ts *elective.TheatreSession) bool {
	return ts.Status == elective.SessionLocked || theatre.NeedsOverride(ts, tx.today(), tx.milestones())
}

// checkOverride refuses a change to a locked list unless a user who may
// override gives a reason.
func (tx *Tx) checkOverride(ts *elective.TheatreSession, override string) error {
	if !tx.locked(ts) {
		return nil
	}
	if strings.TrimSpace(override) == "" {
		return elective.Errorf(elective.EFORBIDDEN, "The list on %s is locked: a booking manager must override it, with a reason",
			ts.Date.Format("2 Jan 2006"))
	}
	if err := authorize(tx.ctx, elective.ActionOverrideLockedList); err != nil {
		return elective.Errorf(elective.EFORBIDDEN, "The list on %s is locked: only a booking manager can change it",
			ts.Date.Format("2 Jan 2006"))
	}
	return nil
}

// auditOverride records a manager's change to a locked list with its
// reason.
func (tx *Tx) auditOverride(ts *elective.TheatreSession, patientID int64, override, what string) error {
	if !tx.locked(ts) {
		return nil
	}
	return tx.audit("theatre.override", patientID, "session="+itoa64(ts.ID)+" "+what+" reason="+override)
}

// milestones are the policy's 6-4-2 steps; the policy was checked when
// it was set, so a bad value falls back to the national default.
func (tx *Tx) milestones() theatre.Milestones {
	m, err := theatre.ParseMilestones(tx.db.Policy.TheatreMilestonesWeeks)
	if err != nil {
		return theatre.DefaultMilestones
	}
	return m
}

func (tx *Tx) insertCase(c *elective.TheatreCase) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	c.ID, err = tx.insert(`INSERT INTO theatre_case (org_id, session_id, entry_id, position, minutes, status, created_at,
		updated_at) VALUES `+placeholders(8), orgID, c.SessionID, c.EntryID, c.Position, c.Minutes, c.Status, tx.now, tx.now)
	return err
}

func (tx *Tx) setEntryStatus(id int64, status elective.AdmittedStatus, reason string) error {
	_, err := tx.exec(`UPDATE admitted_entry SET status = ?, removed_reason = ? WHERE id = ?`, status, reason, id)
	return err
}

// UnscheduleCase takes a case off its list before the day; the entry goes
// back to waiting.
func (s *TheatreService) UnscheduleCase(ctx context.Context, caseID int64, reason, override string) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return elective.Errorf(elective.EINVALID, "Say why the patient comes off the list")
	}
	return s.db.update(ctx, func(tx *Tx) error { return tx.unscheduleCase(caseID, reason, override) })
}

func (tx *Tx) unscheduleCase(caseID int64, reason, override string) error {
	tc, e, ts, err := tx.lockCase(caseID)
	if err != nil {
		return err
	}
	if !ts.Date.After(tx.today()) {
		return elective.Errorf(elective.EINVALID, "The operation is today or past: record a cancellation instead")
	}
	if err := tx.checkOverride(ts, override); err != nil {
		return err
	}
	if err := tx.takeOffList(tc, ts, elective.AdmittedWaiting, ""); err != nil {
		return err
	}
	if err := tx.auditOverride(ts, e.PatientID, override, "unschedule case="+itoa64(caseID)); err != nil {
		return err
	}
	return tx.audit("theatre.case-unschedule", e.PatientID, "case="+itoa64(caseID)+" reason="+reason)
}

// lockCase reads a booked case with its entry and session, under their
// row locks on PostgreSQL (entry, then session, as ScheduleCase).
func (tx *Tx) lockCase(caseID int64) (*elective.TheatreCase, *elective.AdmittedListEntry, *elective.TheatreSession, error) {
	cs, err := tx.findCases(caseSelect+` WHERE c.id = ?`, caseID)
	if err != nil {
		return nil, nil, nil, err
	} else if len(cs) == 0 {
		return nil, nil, nil, elective.Errorf(elective.ENOTFOUND, "There is no theatre case %d", caseID)
	}
	e, ts, err := tx.lockEntryAndSession(cs[0].EntryID, cs[0].SessionID)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, c := range ts.Cases {
		if c.ID == caseID && c.Status == elective.CaseBooked {
			return c, e, ts, nil
		}
	}
	return nil, nil, nil, elective.Errorf(elective.ECONFLICT, "The case is no longer booked")
}

// takeOffList cancels a case row, closes the gap in the list order and
// puts the entry back with the status given.
func (tx *Tx) takeOffList(tc *elective.TheatreCase, ts *elective.TheatreSession, status elective.AdmittedStatus, reason string) error {
	if _, err := tx.exec(`UPDATE theatre_case SET status = ?, updated_at = ? WHERE id = ?`,
		elective.CaseCancelled, tx.now, tc.ID); err != nil {
		return err
	}
	tc.Status = elective.CaseCancelled
	if err := tx.renumber(bookedCases(ts)); err != nil {
		return err
	}
	return tx.setEntryStatus(tc.EntryID, status, reason)
}

// renumber writes positions 1, 2 … to the cases in the order given.
func (tx *Tx) renumber(cases []*elective.TheatreCase) error {
	for i, c := range cases {
		if c.Position == i+1 {
			continue
		}
		c.Position = i + 1
		if _, err := tx.exec(`UPDATE theatre_case SET position = ?, updated_at = ? WHERE id = ?`, c.Position, tx.now, c.ID); err != nil {
			return err
		}
	}
	return nil
}

// MoveCase puts a case at a position on its list (1 is first); a locked
// list needs a user who may override it, and the change is audited.
func (s *TheatreService) MoveCase(ctx context.Context, caseID int64, position int) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		tc, e, ts, err := tx.lockCase(caseID)
		if err != nil {
			return err
		}
		if tx.locked(ts) {
			if err := tx.checkOverride(ts, "reorder"); err != nil {
				return err
			}
		}
		booked := bookedCases(ts)
		if position < 1 || position > len(booked) {
			return elective.Errorf(elective.EINVALID, "Choose a position from 1 to %d", len(booked))
		}
		order := make([]*elective.TheatreCase, 0, len(booked))
		for _, c := range booked {
			if c.ID != tc.ID {
				order = append(order, c)
			}
		}
		order = append(order[:position-1], append([]*elective.TheatreCase{tc}, order[position-1:]...)...)
		if err := tx.renumber(order); err != nil {
			return err
		}
		if err := tx.auditOverride(ts, e.PatientID, "reorder", "move case="+itoa64(caseID)); err != nil {
			return err
		}
		return tx.audit("theatre.case-move", e.PatientID, "case="+itoa64(caseID)+" position="+itoa(position))
	})
}

// kitResources reads the shared resources for booking a case that needs
// kit (nil for one that needs none). On PostgreSQL it first takes the row
// locks of the catalogue items the case needs, so that bookers of one
// counted item queue (the second sees the first's case), and a change to
// the item (marked fixed, removed) waits for the booking or is seen by it.
func (tx *Tx) kitResources(e *elective.AdmittedListEntry) (*elective.TheatreResources, error) {
	if len(e.Kit) == 0 {
		return nil, nil
	}
	if tx.db.dialect == Postgres {
		keys := make([]any, len(e.Kit))
		for i, k := range e.Kit {
			keys[i] = elective.KitKey(k)
		}
		if _, err := tx.exec(`SELECT id FROM theatre_kit WHERE LOWER(name) IN (`+inClause(len(keys))+`) ORDER BY id FOR UPDATE`,
			keys...); err != nil {
			return nil, err
		}
	}
	return tx.theatreResources()
}

// checkSharedKit refuses a case whose shared kit (fixed or mobile) the
// other lists of the day already need at the same time
// (theatre.CheckSharedKit).
func (tx *Tx) checkSharedKit(ts *elective.TheatreSession, e *elective.AdmittedListEntry, res *elective.TheatreResources) error {
	if len(e.Kit) == 0 {
		return nil
	}
	day, err := tx.findSessions(true, sessionSelect+` WHERE s.session_date = ? AND s.id <> ?`, ts.Date, ts.ID)
	if err != nil {
		return err
	}
	return theatre.CheckSharedKit(ts, day, e, res)
}
