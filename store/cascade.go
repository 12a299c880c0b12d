package store

import (
	"context"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// CascadeService cancels clinic sessions and proposes new slots for the
// patients displaced, with the rules of package access.
type CascadeService struct{ db *DB }

// NewCascadeService returns the service.
func NewCascadeService(db *DB) *CascadeService { return &CascadeService{db} }

var _ elective.CascadeService = (*CascadeService)(nil)

// FindSessions lists sessions with their slot and booked counts.
func (s *CascadeService) FindSessions(ctx context.Context, f elective.SessionFilter) ([]*elective.SessionSummary, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return nil, err
	}
	q := `SELECT cs.id, cs.template_id, cs.clinician_id, cs.specialty_id, cs.site_id, cs.room, cs.session_date,
		cs.start_at, cs.end_at, cs.status, c.title, c.given_name, c.family_name, st.name,
		(SELECT COUNT(*) FROM slot s WHERE s.session_id = cs.id AND (s.session_status = 'open' OR cs.status <> 'open')),
		(SELECT COUNT(*) FROM appointment a WHERE a.session_id = cs.id AND a.status IN ('booked', 'attended', 'dna'))
		FROM clinic_session cs JOIN clinician c ON c.id = cs.clinician_id JOIN site st ON st.id = cs.site_id
		WHERE cs.specialty_id = ? AND cs.session_date >= ? AND cs.session_date <= ?`
	args := []any{f.SpecialtyID, f.From, f.To}
	if f.ClinicianID != 0 {
		q, args = q+` AND cs.clinician_id = ?`, append(args, f.ClinicianID)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 200
	}
	q, args = q+` ORDER BY cs.session_date, cs.start_at, cs.id LIMIT ?`, append(args, f.Limit)
	var out []*elective.SessionSummary
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			sum, err := scanSessionSummary(rows)
			if err != nil {
				return err
			}
			out = append(out, sum)
		}
		return rows.Err()
	})
	return out, err
}

func scanSessionSummary(row scanner) (*elective.SessionSummary, error) {
	ss := &elective.ClinicSession{}
	c := &elective.Clinician{}
	sum := &elective.SessionSummary{Session: ss}
	err := row.Scan(&ss.ID, &ss.TemplateID, &ss.ClinicianID, &ss.SpecialtyID, &ss.SiteID, &ss.Room, dateCol{&ss.Date},
		timeCol{&ss.Start}, timeCol{&ss.End}, &ss.Status, &c.Title, &c.GivenName, &c.FamilyName, &sum.Site,
		&sum.Slots, &sum.Booked)
	sum.Clinician = c.DisplayName()
	return sum, err
}

// PreviewSessionCancellation shows who cancelling the session would
// displace, changing nothing but the audit trail.
func (s *CascadeService) PreviewSessionCancellation(ctx context.Context, sessionID int64, from time.Time) (*elective.SessionChange, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return nil, err
	}
	var ch *elective.SessionChange
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if ch, err = tx.sessionChange(sessionID, from); err != nil {
			return err
		}
		return tx.audit("session.preview", 0, "session="+itoa64(sessionID)+" booked="+itoa(len(ch.Appointments)))
	})
	return ch, err
}

// sessionChange reads a session, its booked appointments and their PTL
// rows, and whether cancelling it needs approval.
func (tx *Tx) sessionChange(sessionID int64, from time.Time) (*elective.SessionChange, error) {
	sum, err := scanSessionSummary(tx.queryRow(`SELECT cs.id, cs.template_id, cs.clinician_id, cs.specialty_id, cs.site_id,
		cs.room, cs.session_date, cs.start_at, cs.end_at, cs.status, c.title, c.given_name, c.family_name, st.name, 0, 0
		FROM clinic_session cs JOIN clinician c ON c.id = cs.clinician_id JOIN site st ON st.id = cs.site_id
		WHERE cs.id = ?`, sessionID))
	if err != nil {
		return nil, notFound(err, "There is no such clinic session")
	}
	ch := &elective.SessionChange{Session: sum.Session, Clinician: sum.Clinician, NoticeDays: tx.db.Policy.ChangeNoticeDays,
		NeedsApproval: access.ChangeNeedsApproval(sum.Session.Date, tx.today(), tx.db.Policy), From: from}
	if ch.SlotTimes, err = tx.openSlotTimes(sessionID); err != nil {
		return nil, err
	}
	q, args := appointmentSelect+` WHERE a.session_id = ? AND a.status = ?`, []any{sessionID, elective.AppointmentBooked}
	if !from.IsZero() {
		q, args = q+` AND a.start_at >= ?`, append(args, from)
	}
	rows, err := tx.query(q+` ORDER BY a.start_at`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAppointment(rows)
		if err != nil {
			return nil, err
		}
		ch.Appointments = append(ch.Appointments, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ch.Booked, err = tx.ptlEntries(appointmentPathways(ch.Appointments))
	return ch, err
}

// openSlotTimes lists the starts of a session's slots still open.
func (tx *Tx) openSlotTimes(sessionID int64) ([]time.Time, error) {
	rows, err := tx.query(`SELECT start_at FROM slot WHERE session_id = ? AND session_status = ? ORDER BY start_at`,
		sessionID, elective.SessionOpen)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var t time.Time
		if err := rows.Scan(timeCol{&t}); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func appointmentPathways(as []*elective.Appointment) []any {
	ids := make([]any, len(as))
	for i, a := range as {
		ids[i] = a.PathwayID
	}
	return ids
}

// ptlEntries reads the PTL rows of pathways, in booking order.
func (tx *Tx) ptlEntries(pathwayIDs []any) ([]*elective.PTLEntry, error) {
	if len(pathwayIDs) == 0 {
		return nil, nil
	}
	rows, err := tx.query(ptlSelect+` WHERE e.pathway_id IN (`+inClause(len(pathwayIDs))+`)`+ptlOrder(elective.SortPriority),
		pathwayIDs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.PTLEntry
	for rows.Next() {
		e, err := scanPTLEntry(rows, tx.today())
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CancelSession cancels a session and every appointment booked in it, as
// hospital cancellations, in one transaction.
func (s *CascadeService) CancelSession(ctx context.Context, c *elective.SessionCancellation) (int, error) {
	if err := authorize(ctx, elective.ActionCancelSession); err != nil {
		return 0, err
	}
	if err := c.Validate(); err != nil {
		return 0, err
	}
	var n int
	err := s.db.update(ctx, func(tx *Tx) error {
		ch, err := tx.sessionChange(c.SessionID, c.From)
		if err != nil {
			return err
		}
		if err := tx.checkCancellable(ch); err != nil {
			return err
		}
		what := "Clinic cancelled"
		if !c.From.IsZero() {
			what = "Clinic reduced"
		}
		if err := tx.displace(c, ch, what); err != nil {
			return err
		}
		n = len(ch.Appointments)
		return tx.audit("session.cancel", 0, "session="+itoa64(c.SessionID)+" displaced="+itoa(n)+" reason="+string(c.Reason)+
			" from="+c.From.UTC().Format(time.RFC3339))
	})
	return n, err
}

// displace closes the session (or its slots from c.From) and cancels, as
// the hospital, every appointment ch found booked there, saying what
// happened and why.
func (tx *Tx) displace(c *elective.SessionCancellation, ch *elective.SessionChange, what string) error {
	if err := tx.closeSession(c); err != nil {
		return err
	}
	reason := what + ": " + c.Reason.Label()
	if c.Note != "" {
		reason += ". " + c.Note
	}
	for _, a := range ch.Appointments {
		if _, err := tx.recordOutcome(&elective.AppointmentOutcome{AppointmentID: a.ID,
			Status: elective.AppointmentCancelledHospital, Reason: reason}); err != nil {
			return err
		}
	}
	return nil
}

// closeSession cancels the session and its slots, or for a reduction only
// the slots from c.From, leaving the session running before then.
func (tx *Tx) closeSession(c *elective.SessionCancellation) error {
	if !c.From.IsZero() {
		_, err := tx.exec(`UPDATE slot SET session_status = ? WHERE session_id = ? AND start_at >= ?`,
			elective.SessionCancelled, c.SessionID, c.From)
		return err
	}
	for _, q := range []string{`UPDATE clinic_session SET status = ? WHERE id = ?`, `UPDATE slot SET session_status = ? WHERE session_id = ?`} {
		if _, err := tx.exec(q, elective.SessionCancelled, c.SessionID); err != nil {
			return err
		}
	}
	return nil
}

// checkCancellable refuses a session already cancelled or started, and a
// change inside the notice window by anyone but a booking manager.
func (tx *Tx) checkCancellable(ch *elective.SessionChange) error {
	switch {
	case ch.Session.Status != elective.SessionOpen:
		return elective.Errorf(elective.EINVALID, "This clinic is already cancelled")
	case !ch.From.IsZero() && (ch.From.Before(ch.Session.Start) || !ch.From.Before(ch.Session.End)):
		return elective.Errorf(elective.EINVALID, "Choose a time within the clinic to close it from")
	case !ch.From.IsZero() && !ch.From.After(tx.now):
		return elective.Errorf(elective.EINVALID, "That time has passed: close the clinic from a later slot")
	case ch.From.IsZero() && !ch.Session.Start.After(tx.now):
		return elective.Errorf(elective.EINVALID, "This clinic has already started, so it cannot be cancelled; close its remaining slots instead")
	}
	return tx.checkApproval(ch.NeedsApproval, "This clinic is less than %d days away: cancelling it", ch.NoticeDays)
}

// checkApproval refuses a change that removes capacity inside the
// change-notice window unless a booking manager makes it (rules.md 3.5).
// what says what the change is, with %d for the window's days.
func (tx *Tx) checkApproval(needed bool, what string, noticeDays int) error {
	if needed && elective.Authorize(elective.UserFromContext(tx.ctx), elective.ActionApproveCapacityChange) != nil {
		return elective.Errorf(elective.EFORBIDDEN, what+" needs a booking manager's approval (rules.md 3.5)", noticeDays)
	}
	return nil
}
