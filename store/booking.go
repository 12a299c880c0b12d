package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// BookingService books appointments and records their outcomes.
type BookingService struct{ db *DB }

// NewBookingService returns the service.
func NewBookingService(db *DB) *BookingService { return &BookingService{db} }

var _ elective.BookingService = (*BookingService)(nil)

// BookAppointment books a pathway into a slot. The unique index on a slot's
// holding appointment makes a double booking impossible whatever the
// interleaving; the loser of a race gets ECONFLICT.
func (s *BookingService) BookAppointment(ctx context.Context, req *elective.BookingRequest) (*elective.Appointment, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return nil, err
	}
	if !validCommunication(req.Communicated) {
		return nil, &elective.Error{Code: elective.EINVALID, Message: "The appointment was not booked",
			Fields: []elective.FieldError{{Field: "communicated", Message: "Say how the patient was told of the appointment"}}}
	}
	var a *elective.Appointment
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		a, err = tx.book(req)
		return err
	})
	return a, err
}

func validCommunication(c elective.Communication) bool {
	for _, x := range elective.Communications {
		if x == c {
			return true
		}
	}
	return false
}

// book books the slot and sends the written confirmation at once.
func (tx *Tx) book(req *elective.BookingRequest) (*elective.Appointment, error) {
	a, patient, err := tx.bookSlot(req)
	if err != nil {
		return nil, err
	}
	// Written confirmation goes out with every booking (issue 4).
	if err := tx.queueLetter(elective.MsgAppointment, patient, a.PathwayID, a.ID, "appointment:"+itoa64(a.ID)); err != nil {
		return nil, err
	}
	return a, tx.audit("appointment.book", a.PatientID, "appointment="+itoa64(a.ID))
}

// bookSlot books a pathway into a slot under the booking rules and records
// the event; the caller tells the patient.
func (tx *Tx) bookSlot(req *elective.BookingRequest) (*elective.Appointment, *elective.Patient, error) {
	// In a race for one slot the losers should learn it before loading
	// anything else: the slot is locked (PostgreSQL; SQLite's write lock
	// already serialises) and checked first. The unique index stays the
	// guarantee; this only saves the losers' work.
	if held, err := tx.lockSlot(req.SlotID); err != nil {
		return nil, nil, err
	} else if held {
		return nil, nil, elective.Errorf(elective.ECONFLICT, "That slot has just been booked by someone else. Choose another slot.")
	}
	slot, err := tx.findSlot(req.SlotID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, elective.Errorf(elective.ENOTFOUND, "There is no slot %d", req.SlotID)
	} else if err != nil {
		return nil, nil, err
	}
	if slot.AppointmentID != 0 {
		return nil, nil, elective.Errorf(elective.ECONFLICT, "That slot has just been booked by someone else. Choose another slot.")
	}
	p, patient, res, err := tx.pathwayState(req.PathwayID)
	if err != nil {
		return nil, nil, err
	}
	list, err := tx.outpatientList(p, res)
	if err != nil {
		return nil, nil, err
	}
	if next, err := tx.nextBooking(p.ID); err != nil {
		return nil, nil, err
	} else if next != nil {
		return nil, nil, elective.Errorf(elective.EINVALID, "This pathway already has an appointment booked on %s. Record its outcome or cancel it first.",
			next.start.In(tx.db.Location).Format("2 Jan 2006 15:04"))
	}
	if err := elective.CheckBooking(list, p.SpecialtyID, p.Priority, slot, tx.now, tx.db.slotRules()); err != nil {
		return nil, nil, err
	}
	a := &elective.Appointment{PathwayID: p.ID, PatientID: p.PatientID, SlotID: slot.ID, SessionID: slot.SessionID,
		ClinicianID: slot.Session.ClinicianID, SiteID: slot.Session.SiteID, Start: slot.Start, Minutes: slot.Minutes,
		Type: slot.Type, First: list == elective.ListOutpatientNew, Status: elective.AppointmentBooked,
		Communicated: req.Communicated, BookedAt: tx.now, Replaces: req.Replaces, Clinician: slot.Clinician, Site: slot.Site}
	if err := tx.insertAppointment(a); err != nil {
		return nil, nil, err
	}
	ev := &elective.PathwayEvent{Kind: elective.EventAppointmentBooked, Date: tx.today(), First: a.First,
		AppointmentDate: elective.DateOf(a.Start, tx.db.Location), AppointmentID: a.ID,
		Communicated: a.Communicated != elective.CommunicatedNotYet}
	if _, err := tx.recordEvent(p, patient, ev); err != nil {
		return nil, nil, err
	}
	return a, patient, tx.followUpBooked(p.ID)
}

// lockSlot takes the slot's row lock on PostgreSQL without waiting: a
// second booker of the same slot is told at once that someone else is
// booking it, instead of queueing. It reports whether an appointment holds
// the slot already.
func (tx *Tx) lockSlot(id int64) (bool, error) {
	if tx.db.dialect == Postgres {
		if _, err := tx.exec(`SELECT id FROM slot WHERE id = ? FOR UPDATE NOWAIT`, id); isLockNotAvailable(err) {
			return true, nil
		} else if err != nil {
			return false, err
		}
	}
	var held int
	err := tx.queryRow(`SELECT COUNT(*) FROM appointment WHERE slot_id = ? AND status IN ('booked', 'attended', 'dna')`, id).Scan(&held)
	return held > 0, err
}

// pathwayState loads a pathway, its patient and its derived clock.
func (tx *Tx) pathwayState(pathwayID int64) (*elective.Pathway, *elective.Patient, *rtt.Result, error) {
	p, err := tx.findPathway(pathwayID)
	if err != nil {
		return nil, nil, nil, err
	}
	patient, err := tx.findPatient(p.PatientID)
	if err != nil {
		return nil, nil, nil, err
	}
	res, err := rtt.Derive(rtt.Pathway{Priority: p.Priority, Vulnerable: patient.IsVulnerable(tx.today()), Events: p.Events}, tx.db.Policy)
	if err != nil {
		return nil, nil, nil, err
	}
	return p, patient, res, nil
}

func (tx *Tx) insertAppointment(a *elective.Appointment) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	u := elective.UserFromContext(tx.ctx)
	a.BookedBy = u.ID
	a.ID, err = tx.insert(`INSERT INTO appointment (org_id, pathway_id, patient_id, slot_id, session_id, clinician_id,
		site_id, start_at, minutes, slot_type, first, status, communicated, booked_at, booked_by, replaces_id) VALUES `+placeholders(16),
		orgID, a.PathwayID, a.PatientID, a.SlotID, a.SessionID, a.ClinicianID, a.SiteID, a.Start, a.Minutes, a.Type,
		a.First, a.Status, a.Communicated, a.BookedAt, nullID(a.BookedBy), nullID(a.Replaces))
	if isUniqueViolation(err) {
		return elective.Errorf(elective.ECONFLICT, "That slot has just been booked by someone else. Choose another slot.")
	} else if err != nil {
		return err
	}
	return tx.addChange(a, elective.AppointmentBooked, "")
}

// addChange appends to an appointment's status history.
func (tx *Tx) addChange(a *elective.Appointment, status elective.AppointmentStatus, reason string) error {
	u := elective.UserFromContext(tx.ctx)
	c := &elective.AppointmentChange{Status: status, At: tx.now, By: u.ID, ByName: u.Name, Reason: reason}
	a.History = append(a.History, c)
	_, err := tx.exec(`INSERT INTO appointment_change (appointment_id, status, at, by_user, by_name, reason) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ID, c.Status, c.At, nullID(c.By), c.ByName, c.Reason)
	return err
}

// RecordOutcome records what happened to a booked appointment and the
// pathway event that follows, refusing outcomes the rules do not allow.
func (s *BookingService) RecordOutcome(ctx context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error) {
	if err := authorize(ctx, elective.ActionRecordOutcome); err != nil {
		return nil, err
	}
	var a *elective.Appointment
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		a, err = tx.recordOutcome(o)
		return err
	})
	return a, err
}

// applyOutcome records what happened to the appointment, its history and
// the pathway event; the caller tells the patient.
func (tx *Tx) applyOutcome(o *elective.AppointmentOutcome) (*elective.Appointment, *elective.Patient, error) {
	a, err := tx.findAppointment(o.AppointmentID)
	if err != nil {
		return nil, nil, err
	}
	if err := o.Validate(a, tx.db.Location, tx.now); err != nil {
		return nil, nil, err
	}
	p, patient, _, err := tx.pathwayState(a.PathwayID)
	if err != nil {
		return nil, nil, err
	}
	if err := tx.saveOutcome(a, p, patient, o, o.ReasonText(), "The outcome was not recorded"); err != nil {
		return nil, nil, err
	}
	return a, patient, nil
}

// saveOutcome writes the appointment's outcome and its history entry,
// records the outcome's pathway event after any that must come first (a
// correction's entered-in-error), and opens the follow-up the outcome asks
// for. A DNA after a booking that relied on a letter never sent is marked
// untold (Appointment.Told). refused heads a refusal by the rules.
func (tx *Tx) saveOutcome(a *elective.Appointment, p *elective.Pathway, patient *elective.Patient,
	o *elective.AppointmentOutcome, history, refused string, first ...*elective.PathwayEvent) error {
	a.Status, a.RTTStatus, a.Outcome = o.Status, o.RTTStatus, o.Outcome
	if _, err := tx.exec(`UPDATE appointment SET status = ?, rtt_status = ?, outcome = ? WHERE id = ?`,
		a.Status, a.RTTStatus, a.Outcome, a.ID); err != nil {
		return err
	}
	if err := tx.addChange(a, o.Status, history); err != nil {
		return err
	}
	ev := o.Event(a, tx.db.Location, tx.today())
	if o.Status == elective.AppointmentDNA && a.Communicated == elective.CommunicatedByLetter {
		sent, err := tx.letterDispatched(a)
		if err != nil {
			return err
		}
		ev.Untold = !sent
	}
	for _, e := range append(first, ev) {
		if _, err := tx.recordEvent(p, patient, e); elective.ErrorCode(err) == elective.EINVALID {
			return elective.Errorf(elective.EINVALID, "%s: %s", refused, elective.ErrorMessage(err))
		} else if err != nil {
			return err
		}
	}
	return tx.openFollowUp(o, p)
}

// letterDispatched reports whether the appointment's letter went out in
// time (Appointment.Told).
func (tx *Tx) letterDispatched(a *elective.Appointment) (bool, error) {
	msgs, err := tx.findMessages(`appointment_id = ?`, a.ID)
	return a.Told(msgs), err
}

// recordOutcome records the outcome and sends the letter it calls for.
func (tx *Tx) recordOutcome(o *elective.AppointmentOutcome) (*elective.Appointment, error) {
	a, patient, err := tx.applyOutcome(o)
	if err != nil {
		return nil, err
	}
	if kind := outcomeLetter(o.Status); kind != "" {
		if err := tx.queueLetter(kind, patient, a.PathwayID, a.ID, string(kind)+":"+itoa64(a.ID)); err != nil {
			return nil, err
		}
	}
	return a, tx.audit("appointment.outcome", a.PatientID, "appointment="+itoa64(a.ID)+" status="+string(a.Status))
}

const appointmentSelect = `SELECT a.id, a.pathway_id, a.patient_id, a.slot_id, a.session_id, a.clinician_id, a.site_id,
	a.start_at, a.minutes, a.slot_type, a.first, a.status, a.rtt_status, a.outcome, a.communicated, a.booked_at,
	a.booked_by, a.replaces_id, c.code, c.title, c.given_name, c.family_name, st.code, st.name
	FROM appointment a JOIN clinician c ON c.id = a.clinician_id JOIN site st ON st.id = a.site_id`

func scanAppointment(row scanner) (*elective.Appointment, error) {
	a := &elective.Appointment{Clinician: &elective.Clinician{}, Site: &elective.Site{}}
	err := row.Scan(&a.ID, &a.PathwayID, &a.PatientID, &a.SlotID, &a.SessionID, &a.ClinicianID, &a.SiteID,
		timeCol{&a.Start}, &a.Minutes, &a.Type, &a.First, &a.Status, &a.RTTStatus, &a.Outcome, &a.Communicated,
		timeCol{&a.BookedAt}, idCol{&a.BookedBy}, idCol{&a.Replaces}, &a.Clinician.Code, &a.Clinician.Title, &a.Clinician.GivenName,
		&a.Clinician.FamilyName, &a.Site.Code, &a.Site.Name)
	a.Clinician.ID, a.Site.ID = a.ClinicianID, a.SiteID
	return a, err
}

// findAppointment reads an appointment with its history.
func (tx *Tx) findAppointment(id int64) (*elective.Appointment, error) {
	a, err := scanAppointment(tx.queryRow(appointmentSelect+` WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no appointment %d", id)
	} else if err != nil {
		return nil, err
	}
	rows, err := tx.query(`SELECT status, at, by_user, by_name, reason FROM appointment_change WHERE appointment_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c := &elective.AppointmentChange{}
		if err := rows.Scan(&c.Status, timeCol{&c.At}, idCol{&c.By}, &c.ByName, &c.Reason); err != nil {
			return nil, err
		}
		a.History = append(a.History, c)
	}
	return a, rows.Err()
}

// FindAppointmentByID returns an appointment with its history, audited.
func (s *BookingService) FindAppointmentByID(ctx context.Context, id int64) (*elective.Appointment, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var a *elective.Appointment
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if a, err = tx.findAppointment(id); err != nil {
			return err
		}
		return tx.audit("appointment.read", a.PatientID, "appointment="+itoa64(id))
	})
	return a, err
}

// FindAppointmentsByPatient returns a patient's appointments, latest first.
func (s *BookingService) FindAppointmentsByPatient(ctx context.Context, patientID int64) ([]*elective.Appointment, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var out []*elective.Appointment
	err := s.db.update(ctx, func(tx *Tx) error {
		rows, err := tx.query(appointmentSelect+` WHERE a.patient_id = ? ORDER BY a.start_at DESC, a.id DESC`, patientID)
		if err != nil {
			return err
		}
		defer rows.Close()
		out = out[:0]
		for rows.Next() {
			a, err := scanAppointment(rows)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return tx.audit("appointment.list", patientID, "")
	})
	return out, err
}

// outcomeLetter is the letter an outcome sends: a cancellation confirms
// itself in writing, and a DNA letter (copied to the GP) tells the patient
// the clinician will review what happens next (rules.md 3.3).
func outcomeLetter(s elective.AppointmentStatus) elective.MessageKind {
	switch s {
	case elective.AppointmentCancelledHospital, elective.AppointmentCancelledPatient:
		return elective.MsgCancellation
	case elective.AppointmentDNA:
		return elective.MsgDNA
	}
	return ""
}

// slotRules are the booking rules' local settings.
func (db *DB) slotRules() elective.SlotRules {
	return elective.SlotRules{Location: db.Location, UrgentReleaseDays: db.Policy.UrgentReleaseDays}
}
