package store

import (
	"context"

	"github.com/openelective/elective"
)

// AcceptPlan books a plan's adds and moves, each in a transaction of its
// own and through ScheduleCase's rules: a move takes the case off its old
// list and books the new one together, so a refused move leaves the
// patient where they were. A placement may need room that another one
// makes (a case moving off that list), so placements are tried in passes
// until a pass books none; those still left are refused in words for
// staff, and the others go ahead.
//
// A placement with no SessionID but a FromSessionID takes the case off
// that list (a plan's left-out case that is booked today): such removals
// go first, so that the time they free is there for the others.
func (s *TheatreService) AcceptPlan(ctx context.Context, placements []elective.PlannedCase) (int, []string, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return 0, nil, err
	}
	var pending []elective.PlannedCase
	var refused []string
	for _, p := range placements {
		switch {
		case p.SessionID == 0 && p.FromSessionID != 0:
			err := s.db.update(ctx, func(tx *Tx) error { return tx.unscheduleForMove(p) })
			if code := elective.ErrorCode(err); code == elective.EINTERNAL || code == elective.EUNAUTHORIZED {
				return 0, nil, err
			} else if err != nil {
				refused = append(refused, removalRefusal(p, err))
			}
		case p.SessionID != 0 && p.Change() != "keep":
			pending = append(pending, p)
		}
	}
	booked, more, err := s.acceptInPasses(ctx, pending)
	return booked, append(refused, more...), err
}

// acceptInPasses books placements in passes until a pass books none.
func (s *TheatreService) acceptInPasses(ctx context.Context, pending []elective.PlannedCase) (int, []string, error) {
	booked := 0
	for {
		var failed []elective.PlannedCase
		var reasons []string
		for _, p := range pending {
			err := s.acceptPlacement(ctx, p)
			switch code := elective.ErrorCode(err); {
			case err == nil:
				booked++
			case code == elective.EINTERNAL || code == elective.EUNAUTHORIZED:
				return booked, nil, err
			default:
				failed, reasons = append(failed, p), append(reasons, refusal(p, err))
			}
		}
		if len(failed) == 0 || len(failed) == len(pending) {
			return booked, reasons, nil
		}
		pending = failed
	}
}

// acceptPlacement books one placement in its own transaction.
func (s *TheatreService) acceptPlacement(ctx context.Context, p elective.PlannedCase) error {
	return s.db.update(ctx, func(tx *Tx) error {
		if p.Change() == "move" {
			if err := tx.unscheduleForMove(p); err != nil {
				return err
			}
		}
		_, err := tx.scheduleCase(elective.ScheduleCase{SessionID: p.SessionID, EntryID: p.EntryID, Minutes: p.Minutes})
		return err
	})
}

// unscheduleForMove takes the entry's case off the list the plan moves it
// from (or takes it off, for a removal).
func (tx *Tx) unscheduleForMove(p elective.PlannedCase) error {
	var caseID int64
	err := tx.queryRow(`SELECT id FROM theatre_case WHERE entry_id = ? AND session_id = ? AND status = ?`,
		p.EntryID, p.FromSessionID, elective.CaseBooked).Scan(&caseID)
	if err != nil {
		return notFound(err, "The patient is no longer booked on the list the plan moves them from")
	}
	reason := "Moved by the accepted list plan"
	if p.SessionID == 0 {
		reason = "Taken off by the accepted list plan"
	}
	return tx.unscheduleCase(caseID, reason, "")
}

// removalRefusal says which removal failed and why.
func removalRefusal(p elective.PlannedCase, err error) string {
	who := p.PatientName
	if who == "" {
		who = "Entry " + itoa64(p.EntryID)
	}
	return who + " was not taken off session " + itoa64(p.FromSessionID) + ": " + elective.ErrorMessage(err)
}

// refusal says which placement was refused and why.
func refusal(p elective.PlannedCase, err error) string {
	who := p.PatientName
	if who == "" {
		who = "Entry " + itoa64(p.EntryID)
	}
	if p.Procedure != "" {
		who += " (" + p.Procedure + ")"
	}
	where := p.SessionName
	if where == "" {
		where = "session " + itoa64(p.SessionID)
	}
	if !p.TCI.IsZero() {
		where += " on " + p.TCI.Format("2 Jan 2006")
	}
	return who + " was not booked on " + where + ": " + elective.ErrorMessage(err)
}
