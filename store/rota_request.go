package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
)

// AskDayOff records a day a member of the rota's team asked to be off,
// within the rota's period.
func (s *RotaService) AskDayOff(ctx context.Context, id int64, r elective.DayOffRequest) error {
	return s.change(ctx, id, func(tx *Tx, in *rotaInputs) error {
		if err := in.checkDuty(elective.RotaDuty{StaffID: r.StaffID, Date: r.Date}, 0); err != nil {
			return err
		}
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM rota_request WHERE staff_id = ? AND request_date = ?`,
			r.StaffID, r.Date).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return elective.Errorf(elective.ECONFLICT, "%s has already asked for %s off", in.names()[r.StaffID], r.Date.Format("2 Jan 2006"))
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO rota_request (org_id, staff_id, request_date, note, created_at, created_by)
			VALUES `+placeholders(6), orgID, r.StaffID, r.Date, strings.TrimSpace(r.Note), tx.now, actorName(tx)); err != nil {
			return err
		}
		return tx.audit("rota.day-off", 0, "rota="+itoa64(id)+" staff="+itoa64(r.StaffID)+" date="+r.Date.String())
	})
}

// CancelDayOff removes a day-off request of the rota's team.
func (s *RotaService) CancelDayOff(ctx context.Context, id, requestID int64) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		r, err := tx.rota(id)
		if err != nil {
			return err
		}
		res, err := tx.exec(`DELETE FROM rota_request WHERE id = ? AND staff_id IN (SELECT id FROM staff_member WHERE team = ?)`,
			requestID, r.Team)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return elective.Errorf(elective.ENOTFOUND, "No such request for a day off")
		}
		return tx.audit("rota.day-off-cancel", 0, "rota="+itoa64(id)+" request="+itoa64(requestID))
	})
}

// dayOffRequests reads the team's days asked off in from..to.
func (tx *Tx) dayOffRequests(team string, from, to elective.Date) ([]elective.DayOffRequest, error) {
	rows, err := tx.query(`SELECT q.id, q.staff_id, s.title, s.given_name, s.family_name, q.request_date, q.note
		FROM rota_request q JOIN staff_member s ON s.id = q.staff_id
		WHERE s.team = ? AND q.request_date >= ? AND q.request_date <= ? ORDER BY q.request_date, s.family_name`, team, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []elective.DayOffRequest
	for rows.Next() {
		var r elective.DayOffRequest
		m := &elective.StaffMember{}
		if err := rows.Scan(&r.ID, &r.StaffID, &m.Title, &m.GivenName, &m.FamilyName, dateCol{&r.Date}, &r.Note); err != nil {
			return nil, err
		}
		r.StaffName = m.DisplayName()
		out = append(out, r)
	}
	return out, rows.Err()
}

// contextDays is how much of the team's previous rota is carried into a
// new one's checks: two weeks covers the longest run, the 168-hour window
// and the rest after nights, and the last weekends worked.
const contextDays = 14

// dutiesBefore returns the team's duties in the contextDays before from,
// from the current version of each rota of the team that covers them, so
// that rest and runs carry over from one rotation to the next.
func (tx *Tx) dutiesBefore(team string, from elective.Date) ([]elective.RotaDuty, error) {
	start := from.AddDays(-contextDays)
	rows, err := tx.query(`SELECT d.staff_id, d.duty_date, d.shift_code FROM rota r
		JOIN rota_duty d ON d.rota_id = r.id AND d.version = r.version
		WHERE r.team = ? AND r.from_date < ? AND r.to_date >= ? AND d.duty_date >= ? AND d.duty_date < ?
		ORDER BY d.staff_id, d.duty_date`, team, from, start, start, from)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []elective.RotaDuty
	for rows.Next() {
		var d elective.RotaDuty
		if err := rows.Scan(&d.StaffID, dateCol{&d.Date}, &d.ShiftCode); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
