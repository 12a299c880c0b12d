package store

import (
	"context"

	"github.com/openelective/elective"
)

// AcceptPlan books a plan's adds and moves, each in a transaction of its
// own and through ScheduleCase's rules: a move takes the case off its old
// list and books the new one together, so a refused move leaves the
// patient where they were. Placements that no longer fit are refused in
// words for staff; the others still go ahead.
func (s *TheatreService) AcceptPlan(ctx context.Context, placements []elective.PlannedCase) (int, []string, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return 0, nil, err
	}
	booked := 0
	var refused []string
	for _, p := range placements {
		change := p.Change()
		if change == "keep" {
			continue
		}
		err := s.db.update(ctx, func(tx *Tx) error {
			if change == "move" {
				if err := tx.unscheduleForMove(p); err != nil {
					return err
				}
			}
			_, err := tx.scheduleCase(elective.ScheduleCase{SessionID: p.SessionID, EntryID: p.EntryID, Minutes: p.Minutes})
			return err
		})
		switch code := elective.ErrorCode(err); {
		case err == nil:
			booked++
		case code == elective.EINTERNAL || code == elective.EUNAUTHORIZED:
			return booked, refused, err
		default:
			refused = append(refused, refusal(p, err))
		}
	}
	return booked, refused, nil
}

// unscheduleForMove takes the entry's case off the list the plan moves it
// from.
func (tx *Tx) unscheduleForMove(p elective.PlannedCase) error {
	var caseID int64
	err := tx.queryRow(`SELECT id FROM theatre_case WHERE entry_id = ? AND session_id = ? AND status = ?`,
		p.EntryID, p.FromSessionID, elective.CaseBooked).Scan(&caseID)
	if err != nil {
		return notFound(err, "The patient is no longer booked on the list the plan moves them from")
	}
	return tx.unscheduleCase(caseID, "Moved by the accepted list plan", "")
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
