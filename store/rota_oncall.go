package store

import (
	"context"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rota"
)

// RecordOnCallWork records a stretch of work done on a non-resident
// on-call duty of the rota's current version. It is refused (EINVALID,
// nothing saved) unless it ends after it starts, lies within the duty and
// is clear of work already recorded on it; ENOTFOUND if the person has no
// on-call duty on that date. The rest is judged afresh on every read.
func (s *RotaService) RecordOnCallWork(ctx context.Context, id int64, w *elective.OnCallWork) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	w.Note = strings.TrimSpace(w.Note)
	if err := w.Validate(); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.lockRota(id); err != nil {
			return err
		}
		in, err := tx.rotaInputs(id)
		if err != nil {
			return err
		}
		oc, err := tx.onCallDuty(in, w.StaffID, w.Date)
		if err != nil {
			return err
		}
		d := rota.Duty{StaffID: w.StaffID, Code: oc.Duty.ShiftCode, Start: oc.Start, End: oc.End}
		if err := rota.CheckEpisode(d, episodes(oc.Work), rota.Episode{Start: w.Start, End: w.End}, tx.db.Location); err != nil {
			return err
		}
		w.RotaID, w.ShiftCode, w.RecordedBy, w.CreatedAt = id, oc.Duty.ShiftCode, actorName(tx), tx.now
		w.ID, err = tx.insert(`INSERT INTO on_call_work (rota_id, staff_id, duty_date, shift_code, start_at, end_at, note,
			recorded_by, created_at) VALUES `+placeholders(9), id, w.StaffID, w.Date, w.ShiftCode, w.Start, w.End, w.Note,
			w.RecordedBy, w.CreatedAt)
		if err != nil {
			return err
		}
		return tx.audit("rota.on-call-work", 0, "rota="+itoa64(id)+" staff="+itoa64(w.StaffID)+" date="+w.Date.String()+
			" from="+formatTime(w.Start)+" to="+formatTime(w.End))
	})
}

// lockRota takes the rota's row lock on PostgreSQL, so that two people
// recording work on one duty at once queue and the second sees the first's
// work when checking for overlaps. SQLite transactions take the write
// lock when they begin (_txlock=immediate), which serialises them already.
func (tx *Tx) lockRota(id int64) error {
	if tx.db.dialect != Postgres {
		return nil
	}
	_, err := tx.exec(`SELECT id FROM rota WHERE id = ? FOR UPDATE`, id)
	return err
}

// FindOnCallDuty returns a person's non-resident on-call duty on a date of
// the rota's current version, with the work recorded on it, its rest and
// the next duty: ENOTFOUND if they have none that day.
func (s *RotaService) FindOnCallDuty(ctx context.Context, id, staffID int64, date elective.Date) (*elective.OnCallDuty, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var out *elective.OnCallDuty
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		in, err := tx.rotaInputs(id)
		if err != nil {
			return err
		}
		out, err = tx.onCallDuty(in, staffID, date)
		return err
	})
	return out, err
}

// onCallDuty finds the on-call duty in the current version and judges it.
func (tx *Tx) onCallDuty(in *rotaInputs, staffID int64, date elective.Date) (*elective.OnCallDuty, error) {
	duties, err := tx.duties(in.rota.ID, in.rota.Version)
	if err != nil {
		return nil, err
	}
	work, err := tx.onCallWork(in.rota.ID, staffID, date)
	if err != nil {
		return nil, err
	}
	ocs, _ := in.onCall(in.problem(tx.db.Location), duties, work, tx.db.Location)
	for i := range ocs {
		if ocs[i].Duty.StaffID == staffID && ocs[i].Duty.Date == date {
			return &ocs[i], nil
		}
	}
	name := in.names()[staffID]
	if name == "" {
		name = "No one with that id"
	}
	return nil, elective.Errorf(elective.ENOTFOUND, "%s has no non-resident on-call duty on %s in this rota", name, date.Format("2 Jan 2006"))
}

const onCallWorkSelect = `SELECT id, rota_id, staff_id, duty_date, shift_code, start_at, end_at, note, recorded_by,
	created_at, removed_at, removed_by, removed_reason FROM on_call_work`

// onCallWork reads the work recorded on a rota's on-call duties, all of
// them or (staffID > 0) one person's on one date, in time order, with the
// work removed in error (OnCallWork.Removed set), which callers leave out
// of the rest.
func (tx *Tx) onCallWork(rotaID, staffID int64, date elective.Date) ([]elective.OnCallWork, error) {
	q := onCallWorkSelect + ` WHERE rota_id = ?`
	args := []any{rotaID}
	if staffID > 0 {
		q += ` AND staff_id = ? AND duty_date = ?`
		args = append(args, staffID, date)
	}
	rows, err := tx.query(q+` ORDER BY start_at, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []elective.OnCallWork
	for rows.Next() {
		w, err := scanOnCallWork(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

func scanOnCallWork(sc interface{ Scan(...any) error }) (elective.OnCallWork, error) {
	var w elective.OnCallWork
	err := sc.Scan(&w.ID, &w.RotaID, &w.StaffID, dateCol{&w.Date}, &w.ShiftCode, timeCol{&w.Start}, timeCol{&w.End},
		&w.Note, &w.RecordedBy, timeCol{&w.CreatedAt}, timeCol{&w.Removed}, &w.RemovedBy, &w.RemovedReason)
	return w, err
}

// RemoveOnCallWork removes a stretch of work recorded in error. The row
// is kept, marked removed with who, when and why, as the codebase's other
// corrections are (an entered-in-error event voids an outcome; a room
// booking is cancelled, not deleted): the audit trail and the on-call page
// show what the rest was once judged from. The rest is judged afresh
// without it on every read.
func (s *RotaService) RemoveOnCallWork(ctx context.Context, id, workID int64, reason string) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	reason = strings.TrimSpace(reason)
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.lockRota(id); err != nil {
			return err
		}
		w, err := scanOnCallWork(tx.queryRow(onCallWorkSelect+` WHERE rota_id = ? AND id = ?`, id, workID))
		if err != nil {
			return notFound(err, "No such work recorded on this rota")
		}
		if err := w.ValidateRemoval(reason); err != nil {
			return err
		}
		if _, err := tx.exec(`UPDATE on_call_work SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE id = ?`,
			tx.now, actorName(tx), reason, workID); err != nil {
			return err
		}
		return tx.audit("rota.on-call-work-remove", 0, "rota="+itoa64(id)+" staff="+itoa64(w.StaffID)+" date="+w.Date.String()+
			" work="+itoa64(workID)+" from="+formatTime(w.Start)+" to="+formatTime(w.End)+" reason="+reason)
	})
}

// onCall judges every non-resident on-call duty of a version against the
// rest expectation (rota.OnCallRest) from the work recorded on it, and
// lists for review the next duty after each whose rest was not met
// (rota.NextDuty). Work recorded on a duty no longer in the version, and
// work removed in error, is left out.
func (in *rotaInputs) onCall(p *rota.Problem, duties []elective.RotaDuty, work []elective.OnCallWork, loc *time.Location) ([]elective.OnCallDuty, []elective.RotaRestReview) {
	type key struct {
		staff int64
		date  elective.Date
		code  string
	}
	byDuty, removed := map[key][]elective.OnCallWork{}, map[key][]elective.OnCallWork{}
	for _, w := range work {
		k := key{w.StaffID, w.Date, w.ShiftCode}
		if w.IsRemoved() {
			removed[k] = append(removed[k], w)
			continue
		}
		byDuty[k] = append(byDuty[k], w)
	}
	rule := toRuleDuties(p, duties)
	var ocs []elective.OnCallDuty
	var reviews []elective.RotaRestReview
	for i, d := range duties {
		st := in.shift(d.ShiftCode)
		if st == nil || !st.NonResident {
			continue
		}
		k := key{d.StaffID, d.Date, d.ShiftCode}
		oc := elective.OnCallDuty{Rota: in.rota, Duty: d, Shift: st, Start: rule[i].Start, End: rule[i].End,
			Work: byDuty[k], Removed: removed[k]}
		periods := rota.OnCallRest(rule[i], episodes(oc.Work), p.Limits, loc)
		for _, r := range periods {
			oc.Rest = append(oc.Rest, elective.OnCallRest(r))
		}
		unmet, met := rota.RestMet(periods)
		oc.Met = met
		if next, ok := rota.NextDuty(rule[i], rule, p.Limits); ok {
			nd := elective.RotaDuty{StaffID: next.StaffID, Date: elective.DateOf(next.Start, loc), ShiftCode: next.Code, StaffName: d.StaffName}
			oc.Next = &nd
			if !met {
				reviews = append(reviews, elective.RotaRestReview{StaffID: d.StaffID, StaffName: d.StaffName, OnCall: d, Duty: nd,
					Rest: elective.OnCallRest(unmet), Message: rota.ReviewMessage(unmet, p.Limits)})
			}
		}
		ocs = append(ocs, oc)
	}
	return ocs, reviews
}

func episodes(ws []elective.OnCallWork) []rota.Episode {
	out := make([]rota.Episode, len(ws))
	for i, w := range ws {
		out[i] = rota.Episode{Start: w.Start, End: w.End}
	}
	return out
}
