package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/workforce"
)

// PreviewLeave shows what approving the request would do, changing
// nothing.
func (s *LeaveService) PreviewLeave(ctx context.Context, id int64) (*elective.LeaveImpact, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var im *elective.LeaveImpact
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		r, err := tx.findLeaveRequest(id)
		if err != nil {
			return err
		}
		im, err = tx.leaveImpact(r)
		return err
	})
	return im, err
}

// leaveImpact finds the clinics and theatre lists of the member's
// clinician the leave covers, the balance after it and the team's
// other leave at the same time.
func (tx *Tx) leaveImpact(r *elective.LeaveRequest) (*elective.LeaveImpact, error) {
	m, err := tx.findStaffMember(r.StaffID)
	if err != nil {
		return nil, err
	}
	im := &elective.LeaveImpact{Request: r, Staff: m, MaxAway: tx.db.Policy.LeaveMaxAwayPerTeam}
	if m.ClinicianID != 0 {
		if im.Clinics, err = tx.leaveClinics(m.ClinicianID, r); err != nil {
			return nil, err
		}
		if im.Theatres, err = tx.leaveTheatres(m.ClinicianID, r); err != nil {
			return nil, err
		}
	}
	for _, c := range im.Clinics {
		if !c.Started {
			im.Displaced += c.Booked
		}
	}
	for _, t := range im.Theatres {
		if !t.Started {
			im.Displaced += t.Booked
		}
	}
	if im.Balance, err = tx.leaveBalance(m, r.From); err != nil {
		return nil, err
	}
	im.BalanceAfter, _ = workforce.After(im.Balance, r, bankHoliday)
	if im.Shifts, err = tx.leaveShifts(m.ID, r.From, r.To); err != nil {
		return nil, err
	}
	return im, tx.teamAway(im)
}

// leaveClinics lists the clinician's open clinic sessions the leave
// covers, with the patients booked in each.
func (tx *Tx) leaveClinics(clinicianID int64, r *elective.LeaveRequest) ([]*elective.LeaveClinic, error) {
	rows, err := tx.query(`SELECT cs.id, cs.template_id, cs.clinician_id, cs.specialty_id, cs.site_id, cs.room, cs.session_date,
		cs.start_at, cs.end_at, cs.status, c.title, c.given_name, c.family_name, st.name, 0,
		(SELECT COUNT(*) FROM appointment a WHERE a.session_id = cs.id AND a.status = ?)
		FROM clinic_session cs JOIN clinician c ON c.id = cs.clinician_id JOIN site st ON st.id = cs.site_id
		WHERE cs.clinician_id = ? AND cs.session_date >= ? AND cs.session_date <= ? AND cs.status = ?
		ORDER BY cs.start_at, cs.id`, elective.AppointmentBooked, clinicianID, r.From, r.To, elective.SessionOpen)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.LeaveClinic
	for rows.Next() {
		sum, err := scanSessionSummary(rows)
		if err != nil {
			return nil, err
		}
		ss := sum.Session
		start := ss.Start.In(tx.db.Location)
		if !workforce.Covers(r, ss.Date, start.Hour()*60+start.Minute(), int(ss.End.Sub(ss.Start).Minutes())) {
			continue
		}
		out = append(out, &elective.LeaveClinic{Session: ss, Booked: sum.Booked, Started: !ss.Start.After(tx.now)})
	}
	return out, rows.Err()
}

// leaveTheatres lists the surgeon's theatre lists not yet released that
// the leave covers, with their booked cases.
func (tx *Tx) leaveTheatres(clinicianID int64, r *elective.LeaveRequest) ([]*elective.LeaveTheatre, error) {
	ss, err := tx.findSessions(true, sessionSelect+` WHERE s.surgeon_id = ? AND s.session_date >= ? AND s.session_date <= ?
		AND s.status <> ? ORDER BY s.session_date, s.start_minute, s.id`, clinicianID, r.From, r.To, elective.SessionReleased)
	if err != nil {
		return nil, err
	}
	var out []*elective.LeaveTheatre
	for _, s := range ss {
		if workforce.Covers(r, s.Date, s.StartMinute, s.Minutes) {
			out = append(out, &elective.LeaveTheatre{Session: s, Booked: len(bookedCases(s)), Started: !s.Date.After(tx.today())})
		}
	}
	return out, nil
}

// teamAway adds the team's other approved leave at the same time and
// whether approving would break the team's away limit.
func (tx *Tx) teamAway(im *elective.LeaveImpact) error {
	r := im.Request
	if im.Staff.Team == "" {
		return nil
	}
	others, err := tx.findLeave(` WHERE sm.team = ? AND lr.staff_id <> ? AND lr.status = ? AND lr.from_date <= ? AND lr.to_date >= ?`,
		im.Staff.Team, im.Staff.ID, elective.LeaveApproved, r.To, r.From)
	if err != nil {
		return err
	}
	c := workforce.TeamAway(r, others, im.MaxAway, bankHoliday)
	im.TeamAway, im.OverLimit, im.LimitDay = c.Away, c.Over, c.Day
	return nil
}

// ApproveLeave approves a request and, in the same transaction, cancels
// the clinics it covers through the clinic-cancellation cascade and
// releases its theatre lists, taking their cases off, each with the
// reason "Leave: <type>". Sessions already started are left alone.
func (s *LeaveService) ApproveLeave(ctx context.Context, id int64, note string) (*elective.LeaveOutcome, error) {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	out := &elective.LeaveOutcome{}
	err := s.db.update(ctx, func(tx *Tx) error {
		im, err := tx.lockedImpact(id)
		if err != nil {
			return err
		}
		if err := checkApprovable(tx, im); err != nil {
			return err
		}
		reason := "Leave: " + strings.ToLower(im.Request.Type.Label())
		if err := tx.cancelLeaveClinics(im, reason, out); err != nil {
			return err
		}
		if err := tx.releaseLeaveTheatres(im, reason, out); err != nil {
			return err
		}
		if out.ShiftsFreed, err = tx.freeLeaveShifts(im, reason); err != nil {
			return err
		}
		if err := tx.decideLeave(id, elective.LeaveApproved, strings.TrimSpace(note)); err != nil {
			return err
		}
		return tx.audit("leave.approve", 0, fmt.Sprintf("leave=%d staff=%d clinics=%d theatres=%d displaced=%d",
			id, im.Staff.ID, out.ClinicsCancelled, out.TheatresReleased, out.Displaced))
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// lockedImpact reads a request still to be decided, under its row lock,
// with its impact.
func (tx *Tx) lockedImpact(id int64) (*elective.LeaveImpact, error) {
	if err := tx.lockRow("leave_request", id); err != nil {
		return nil, err
	}
	r, err := tx.findLeaveRequest(id)
	if err != nil {
		return nil, err
	}
	if r.Status != elective.LeaveRequested {
		return nil, elective.Errorf(elective.ECONFLICT, "This leave is already %s", r.Status)
	}
	return tx.leaveImpact(r)
}

// checkApprovable refuses short-notice leave unless a manager approves
// it (rules.md 3.5, 4.2), and leave that would put more of the team away
// at once than the limit, naming who else is away.
func checkApprovable(tx *Tx, im *elective.LeaveImpact) error {
	r := im.Request
	if r.ShortNotice && elective.Authorize(elective.UserFromContext(tx.ctx), elective.ActionApproveShortNotice) != nil {
		return elective.Errorf(elective.EFORBIDDEN, "This leave was asked for with %d days' notice, less than the %d needed: a manager must approve it (rules.md 3.5)",
			r.NoticeDays, r.RequiredNotice)
	}
	if !im.OverLimit {
		return nil
	}
	var names []string
	for _, o := range (workforce.TeamCheck{Away: im.TeamAway}).AwayOn(im.LimitDay) {
		names = append(names, fmt.Sprintf("%s (%s %s to %s)", o.StaffName, strings.ToLower(o.Type.Label()),
			o.From.Format("2 Jan"), o.To.Format("2 Jan 2006")))
	}
	return elective.Errorf(elective.ECONFLICT, "Approving would put more of %s away on %s than the %d allowed: already away are %s",
		im.Staff.Team, im.LimitDay.Format("2 Jan 2006"), im.MaxAway, strings.Join(names, ", "))
}

// cancelLeaveClinics hands each clinic the leave covers to the
// clinic-cancellation cascade as a hospital cancellation: its checks
// (the change-notice approval) and its displacement of the booked.
func (tx *Tx) cancelLeaveClinics(im *elective.LeaveImpact, reason string, out *elective.LeaveOutcome) error {
	why := elective.CancelForLeave
	if im.Request.Type == elective.LeaveSick {
		why = elective.CancelForSickness
	}
	for _, c := range im.Clinics {
		if c.Started {
			continue
		}
		cancel := &elective.SessionCancellation{SessionID: c.Session.ID, Reason: why, Note: reason}
		ch, err := tx.sessionChange(cancel.SessionID, cancel.From)
		if err != nil {
			return err
		}
		if err := tx.checkCancellable(ch); err != nil {
			return err
		}
		if err := tx.displace(cancel, ch, "Clinic cancelled"); err != nil {
			return err
		}
		out.ClinicsCancelled++
		out.Displaced += len(ch.Appointments)
		if err := tx.audit("session.cancel", 0, "session="+itoa64(cancel.SessionID)+" displaced="+itoa(len(ch.Appointments))+
			" reason="+string(why)+" leave="+itoa64(im.Request.ID)); err != nil {
			return err
		}
	}
	return nil
}

// releaseLeaveTheatres takes the booked cases off each theatre list the
// leave covers (the entries go back to waiting, to be listed again) and
// releases the list (rules.md 3.6: lists without a surgeon are released).
// A locked list needs a manager, as any change to it does.
func (tx *Tx) releaseLeaveTheatres(im *elective.LeaveImpact, reason string, out *elective.LeaveOutcome) error {
	for _, t := range im.Theatres {
		if t.Started {
			continue
		}
		for _, c := range bookedCases(t.Session) {
			if err := tx.unscheduleCase(c.ID, reason, reason); err != nil {
				return err
			}
			out.Displaced++
		}
		if err := tx.releaseSession(t.Session.ID, reason); err != nil {
			return err
		}
		out.TheatresReleased++
	}
	return nil
}

// decideLeave records the decision on a request.
func (tx *Tx) decideLeave(id int64, status elective.LeaveStatus, note string) error {
	_, err := tx.exec(`UPDATE leave_request SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE id = ?`,
		status, elective.UserFromContext(tx.ctx).Username, tx.now, note, id)
	return err
}

// DeclineLeave declines a request still to be decided, with a reason.
func (s *LeaveService) DeclineLeave(ctx context.Context, id int64, reason string) error {
	return s.close(ctx, id, reason, elective.LeaveDeclined, "Say why the leave is declined", elective.LeaveRequested)
}

// CancelLeave withdraws a request, approved or not, that has not ended.
// Clinics an approval cancelled stay cancelled: their patients are
// already being rebooked.
func (s *LeaveService) CancelLeave(ctx context.Context, id int64, reason string) error {
	return s.close(ctx, id, reason, elective.LeaveCancelled, "Say why the leave is cancelled",
		elective.LeaveRequested, elective.LeaveApproved)
}

func (s *LeaveService) close(ctx context.Context, id int64, reason string, to elective.LeaveStatus, ask string,
	from ...elective.LeaveStatus) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	if reason = strings.TrimSpace(reason); reason == "" {
		var p elective.Problems
		p.Add("reason", "%s", ask)
		return p.Err(ask)
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.lockRow("leave_request", id); err != nil {
			return err
		}
		r, err := tx.findLeaveRequest(id)
		if err != nil {
			return err
		}
		if !leaveStatusIn(from, r.Status) {
			return elective.Errorf(elective.ECONFLICT, "This leave is already %s", r.Status)
		}
		if to == elective.LeaveCancelled && r.To.Before(tx.today()) {
			return elective.Errorf(elective.EINVALID, "This leave has already been taken")
		}
		if err := tx.decideLeave(id, to, reason); err != nil {
			return err
		}
		return tx.audit("leave."+string(to), 0, "leave="+itoa64(id)+" reason="+reason)
	})
}

func leaveStatusIn(list []elective.LeaveStatus, s elective.LeaveStatus) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
