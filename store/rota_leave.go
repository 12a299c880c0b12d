package store

import (
	"github.com/openelective/elective"
)

// leaveShifts lists a member's rostered shifts from..to on the current
// version of every rota, for a leave request's impact.
func (tx *Tx) leaveShifts(staffID int64, from, to elective.Date) ([]elective.LeaveShift, error) {
	rows, err := tx.query(`SELECT r.id, r.name, d.duty_date, d.shift_code FROM rota r
		JOIN rota_duty d ON d.rota_id = r.id AND d.version = r.version
		WHERE d.staff_id = ? AND d.duty_date >= ? AND d.duty_date <= ? ORDER BY d.duty_date, r.id`, staffID, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []elective.LeaveShift
	for rows.Next() {
		var s elective.LeaveShift
		if err := rows.Scan(&s.RotaID, &s.RotaName, dateCol{&s.Date}, &s.ShiftCode); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// freeLeaveShifts takes the member off the shifts of im.Shifts, a new
// version of each rota concerned: on a published rota the changes are
// tracked, and each shift left short goes to the cover worklist (rules.md
// 4.4: the rota follows approved leave, never the other way round).
func (tx *Tx) freeLeaveShifts(im *elective.LeaveImpact, reason string) (int, error) {
	seen, freed := map[int64]bool{}, 0
	for _, s := range im.Shifts {
		id := s.RotaID
		if seen[id] {
			continue
		}
		seen[id] = true
		r, err := tx.rota(id)
		if err != nil {
			return 0, err
		}
		duties, err := tx.duties(id, r.Version)
		if err != nil {
			return 0, err
		}
		kept := duties[:0:0]
		for _, d := range duties {
			if d.StaffID == im.Staff.ID && !d.Date.Before(im.Request.From) && !d.Date.After(im.Request.To) {
				freed++
				continue
			}
			kept = append(kept, d)
		}
		note := "Leave approved: " + im.Staff.DisplayName() + " " + im.Request.From.Format("2 Jan") + " to " + im.Request.To.Format("2 Jan")
		if err := tx.saveVersion(r, kept, note, reason); err != nil {
			return 0, err
		}
	}
	return freed, nil
}
