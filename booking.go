package elective

import (
	"context"
	"strings"
	"time"
)

// AppointmentStatus is where an appointment stands.
type AppointmentStatus string

// Appointment statuses.
const (
	AppointmentBooked            AppointmentStatus = "booked"
	AppointmentAttended          AppointmentStatus = "attended"
	AppointmentDNA               AppointmentStatus = "dna"
	AppointmentCancelledPatient  AppointmentStatus = "cancelled-patient"
	AppointmentCancelledHospital AppointmentStatus = "cancelled-hospital"
)

// Label is the status's name for staff.
func (s AppointmentStatus) Label() string {
	switch s {
	case AppointmentBooked:
		return "Booked"
	case AppointmentAttended:
		return "Attended"
	case AppointmentDNA:
		return "Did not attend"
	case AppointmentCancelledPatient:
		return "Cancelled by patient"
	case AppointmentCancelledHospital:
		return "Cancelled by hospital"
	}
	return string(s)
}

// AttendanceCode is the NHS Data Dictionary ATTENDED OR DID NOT ATTEND code
// for the status (rules.md 2.5).
func (s AppointmentStatus) AttendanceCode() string {
	switch s {
	case AppointmentAttended:
		return "5"
	case AppointmentDNA:
		return "3"
	case AppointmentCancelledPatient:
		return "2"
	case AppointmentCancelledHospital:
		return "4"
	}
	return "0"
}

// Active reports whether the appointment still holds its slot.
func (s AppointmentStatus) Active() bool { return s == AppointmentBooked }

// OutcomeOfAttendance is the NHS Data Dictionary OUTCOME OF ATTENDANCE code.
type OutcomeOfAttendance string

// Outcomes of attendance.
const (
	OutcomeDischarged         OutcomeOfAttendance = "1"
	OutcomeAnotherAppointment OutcomeOfAttendance = "2"
	OutcomeAppointmentLater   OutcomeOfAttendance = "3"
)

// OutcomesOfAttendance lists the codes.
var OutcomesOfAttendance = []OutcomeOfAttendance{OutcomeDischarged, OutcomeAnotherAppointment, OutcomeAppointmentLater}

// Label is the outcome's meaning for staff.
func (o OutcomeOfAttendance) Label() string {
	switch o {
	case OutcomeDischarged:
		return "Discharged from consultant's care"
	case OutcomeAnotherAppointment:
		return "Another appointment given"
	case OutcomeAppointmentLater:
		return "Appointment to be made at a later date"
	}
	return string(o)
}

// Communication is how the patient was told of a booking: the evidence the
// DNA rules need (rules.md 1.5.2, 3.3).
type Communication string

// Ways of telling the patient.
const (
	CommunicatedByLetter Communication = "letter"
	CommunicatedByPhone  Communication = "phone"
	CommunicatedInPerson Communication = "in-person"
	CommunicatedNotYet   Communication = "not-yet"
	// CommunicatedERS: the patient chose the slot themselves in e-RS.
	CommunicatedERS Communication = "ers"
)

// Communications lists the ways, in form order.
var Communications = []Communication{CommunicatedByLetter, CommunicatedByPhone, CommunicatedInPerson, CommunicatedNotYet}

// Label is the way's name for staff.
func (c Communication) Label() string {
	switch c {
	case CommunicatedByLetter:
		return "Appointment letter sent"
	case CommunicatedByPhone:
		return "Agreed with the patient by phone"
	case CommunicatedInPerson:
		return "Agreed with the patient in person"
	case CommunicatedNotYet:
		return "Not yet told"
	case CommunicatedERS:
		return "Booked by the patient in e-RS"
	}
	return string(c)
}

// Appointment is a pathway's booking into a slot, with its status history.
type Appointment struct {
	ID           int64
	PathwayID    int64
	PatientID    int64
	SlotID       int64
	SessionID    int64
	ClinicianID  int64
	SiteID       int64
	Start        time.Time
	Minutes      int
	Type         SlotType
	First        bool // the first appointment of the RTT period
	Status       AppointmentStatus
	RTTStatus    RTTStatus           // recorded at attendance
	Outcome      OutcomeOfAttendance // recorded at attendance
	Communicated Communication
	BookedAt     time.Time
	BookedBy     int64
	Replaces     int64                // the appointment this one moved, 0 if none
	History      []*AppointmentChange // oldest first

	// Joined for display.
	Clinician *Clinician
	Site      *Site
}

// Told reports whether there is proof the patient was told of the
// appointment, which a first DNA needs before it can nullify a clock
// (rules.md 1.5.2, 3.3): staff agreed it with the patient, or its letter
// (the booking's, or the change letter of a move) was sent before the
// appointment. A letter queued, failed or refused is no proof. msgs may
// hold other appointments' messages.
func (a *Appointment) Told(msgs []*Message) bool {
	switch a.Communicated {
	case CommunicatedByPhone, CommunicatedInPerson, CommunicatedERS:
		return true
	case CommunicatedByLetter:
		for _, m := range msgs {
			if m.AppointmentID == a.ID && (m.Kind == MsgAppointment || m.Kind == MsgChange) &&
				m.Status == MessageSent && m.SentAt.Before(a.Start) {
				return true
			}
		}
	}
	return false
}

// AppointmentChange is one entry in an appointment's status history.
type AppointmentChange struct {
	Status AppointmentStatus
	At     time.Time
	By     int64
	ByName string
	Reason string
}

// BookingRequest is the command to book a pathway into a slot.
type BookingRequest struct {
	PathwayID    int64
	SlotID       int64
	Communicated Communication
	Replaces     int64 // set by Reschedule: the appointment this one moves
}

// SlotRules are the local settings the booking rules need.
type SlotRules struct {
	Location          *time.Location
	UrgentReleaseDays int // clinic.urgentReleaseDays
}

// CheckBooking decides whether a pathway of priority waiting on list may be
// booked into slot at now: the slot must be free, in the future, in an open
// session of the pathway's specialty, of the type the list needs (new slots
// for first appointments, follow-up slots for later ones), and open to the
// priority if it is ring-fenced (Slot.OpenTo).
func CheckBooking(list ListType, specialtyID int64, priority Priority, slot *Slot, now time.Time, rules SlotRules) error {
	if list != ListOutpatientNew && list != ListOutpatientFollowUp {
		return Errorf(EINVALID, "This pathway is not waiting for an outpatient appointment")
	}
	if err := slot.Free(now); err != nil {
		return err
	}
	switch {
	case slot.Session != nil && slot.Session.SpecialtyID != specialtyID:
		return Errorf(EINVALID, "That slot belongs to another specialty's clinic")
	case slot.Type != list.SlotType():
		return Errorf(EINVALID, "A %s needs a %s slot, not a %s slot",
			list.Label(), list.SlotType().Label(), slot.Type.Label())
	}
	return slot.OpenTo(priority, DateOf(now, rules.Location), rules.Location, rules.UrgentReleaseDays)
}

// Free says why no one can be booked into the slot at now, nil if someone
// can: it is held, its session is cancelled, or it has started.
func (s *Slot) Free(now time.Time) error {
	switch {
	case s.AppointmentID != 0:
		return Errorf(ECONFLICT, "That slot has just been booked by someone else. Choose another slot.")
	case s.Session != nil && s.Session.Status != SessionOpen:
		return Errorf(EINVALID, "That clinic session has been cancelled")
	case !s.Start.After(now):
		return Errorf(EINVALID, "That slot is in the past")
	}
	return nil
}

// AppointmentOutcome is the command to record what happened to a booked
// appointment: attended (with the RTT status the clinician recorded and the
// outcome of attendance), did not attend, or cancelled in advance.
type AppointmentOutcome struct {
	AppointmentID int64
	Status        AppointmentStatus
	RTTStatus     RTTStatus
	Outcome       OutcomeOfAttendance
	Reason        string
	// ReasonCode, for a cancellation, is one of CancellationReasons; its
	// label (and any note in Reason) is what the history records.
	ReasonCode string
	// FollowUpDue is the latest clinically appropriate date of the next
	// appointment, required when it is to be made later (rules.md 3.4).
	FollowUpDue Date
	// PIFU: instead of a booked review, the patient calls when they need
	// to be seen until FollowUpDue, then is discharged (rules.md 3.11).
	PIFU bool
}

// Validate checks the outcome against the appointment at now: attendance
// and non-attendance can be recorded only once the appointment time has
// come, and attendance needs an RTT status a clinic may record and an
// outcome of attendance.
func (o *AppointmentOutcome) Validate(a *Appointment, loc *time.Location, now time.Time) error {
	var probs Problems
	if !a.Status.Active() {
		probs.Add("status", "This appointment is already recorded as %s", a.Status.Label())
	}
	switch o.Status {
	case AppointmentAttended, AppointmentDNA:
		if a.Start.After(now) {
			probs.Add("status", "Attendance can be recorded once the appointment time has come (%s)",
				a.Start.In(loc).Format("2 Jan 2006 15:04"))
		}
	case AppointmentCancelledPatient, AppointmentCancelledHospital:
	default:
		probs.Add("status", "Select what happened to the appointment")
	}
	if o.ReasonCode != "" {
		if r := FindCancellationReason(o.ReasonCode); r == nil || r.By != o.Status {
			probs.Add("reason_code", "Choose a reason that fits who cancelled: the patient's reasons for a patient cancellation, the hospital's for a hospital one")
		} else if r.NeedsNote() && strings.TrimSpace(o.Reason) == "" {
			probs.Add("reason", "Say why the appointment was cancelled")
		}
	}
	if o.Status == AppointmentAttended && o.Outcome == OutcomeAppointmentLater {
		switch {
		case o.FollowUpDue.IsZero():
			probs.Add("follow_up_due", "Enter the latest date the follow-up should happen (or the PIFU end date)")
		case !o.FollowUpDue.After(DateOf(a.Start, loc)):
			probs.Add("follow_up_due", "The follow-up date must be after this appointment")
		case o.FollowUpDue.DaysSince(DateOf(a.Start, loc)) > 2*366:
			probs.Add("follow_up_due", "A follow-up can be at most two years ahead")
		}
	}
	if o.Status == AppointmentAttended {
		if !isClinicOutcome(o.RTTStatus) {
			probs.Add("rtt_status", "Select the RTT status the clinician recorded")
		}
		switch o.Outcome {
		case OutcomeDischarged, OutcomeAnotherAppointment, OutcomeAppointmentLater:
		default:
			probs.Add("outcome", "Select the outcome of the attendance")
		}
	}
	return probs.Err("The outcome was not recorded")
}

func isClinicOutcome(s RTTStatus) bool {
	for _, c := range ClinicOutcomeStatuses {
		if c == s {
			return true
		}
	}
	return false
}

// ReasonText is what the history records for the outcome: a cancellation's
// structured reason with any note, or the note alone.
func (o *AppointmentOutcome) ReasonText() string {
	r := FindCancellationReason(o.ReasonCode)
	note := strings.TrimSpace(o.Reason)
	switch {
	case r == nil:
		return note
	case note == "":
		return r.Label
	}
	return r.Label + ": " + note
}

// Event returns the pathway event the outcome records: the appointment's
// day for attendance and non-attendance, today for an advance cancellation.
func (o *AppointmentOutcome) Event(a *Appointment, loc *time.Location, today Date) *PathwayEvent {
	e := &PathwayEvent{PathwayID: a.PathwayID, AppointmentID: a.ID, First: a.First, Date: DateOf(a.Start, loc), Note: o.ReasonText()}
	switch o.Status {
	case AppointmentAttended:
		e.Kind, e.Outcome = EventAttended, o.RTTStatus
	case AppointmentDNA:
		e.Kind = EventDNA
	case AppointmentCancelledPatient:
		e.Kind, e.By, e.Date = EventCancelled, CancelledByPatient, today
	case AppointmentCancelledHospital:
		e.Kind, e.By, e.Date = EventCancelled, CancelledByProvider, today
	}
	return e
}

// BookingService books appointments and records what happened to them.
type BookingService interface {
	// BookAppointment books the pathway into the slot, appends the
	// appointment-booked event and updates the PTL in one transaction.
	// Exactly one of any number of concurrent bookings of a slot succeeds;
	// the others get ECONFLICT. Returns EINVALID if the slot does not suit
	// the pathway (CheckBooking).
	BookAppointment(ctx context.Context, req *BookingRequest) (*Appointment, error)

	// RecordOutcome records attendance, non-attendance or cancellation,
	// appends the pathway event, frees the slot when cancelled, and updates
	// the clock and PTL in one transaction. Returns EINVALID if the outcome
	// or the resulting event sequence breaks a rule.
	RecordOutcome(ctx context.Context, o *AppointmentOutcome) (*Appointment, error)

	// FindAppointmentByID returns an appointment with its history.
	// Returns ENOTFOUND if there is none.
	FindAppointmentByID(ctx context.Context, id int64) (*Appointment, error)

	// FindAppointmentsByPatient returns a patient's appointments, latest first.
	FindAppointmentsByPatient(ctx context.Context, patientID int64) ([]*Appointment, error)

	// WaitingFor returns the outpatient list the pathway waits on: its RTT
	// list while the clock runs, or ListOutpatientFollowUp for a follow-up
	// after the clock stopped (Pathway.FollowUpWanted). Returns EINVALID,
	// saying why, when the pathway waits for nothing bookable.
	WaitingFor(ctx context.Context, pathwayID int64) (ListType, error)

	// Reschedule moves a booked appointment to another slot in one
	// transaction: the old one is cancelled by whoever asked (a patient's
	// cancellation counts under rules.md 3.2, a hospital's never does), the
	// new one is booked under the normal rules, and one change letter is
	// queued. A slot taken meanwhile gets ECONFLICT and changes nothing.
	Reschedule(ctx context.Context, req *RescheduleRequest) (*Appointment, error)

	// CorrectOutcome replaces an attendance or non-attendance recorded in
	// error (ValidateCorrection): the pathway gets an entered-in-error
	// event voiding the old outcome and the new outcome's event, the
	// status history says what was wrong and who corrected it, and the
	// clock is derived again, in one transaction.
	CorrectOutcome(ctx context.Context, o *AppointmentOutcome) (*Appointment, error)
}

// ValidateCorrection checks a correction of a recorded outcome: only an
// attendance or a non-attendance can be corrected, into one of those, with
// the reason it was wrong (the audit trail), and the new outcome must pass
// the same checks as a first recording.
func (o *AppointmentOutcome) ValidateCorrection(a *Appointment, loc *time.Location, now time.Time) error {
	var probs Problems
	if a.Status != AppointmentAttended && a.Status != AppointmentDNA {
		probs.Add("status", "Only an attendance or a non-attendance can be corrected; this appointment is %s", a.Status.Label())
	}
	if o.Status != AppointmentAttended && o.Status != AppointmentDNA {
		probs.Add("status", "Select whether the patient attended or did not attend")
	}
	if o.Status == a.Status && o.RTTStatus == a.RTTStatus && o.Outcome == a.Outcome {
		probs.Add("status", "The correction is the same as what was recorded")
	}
	if strings.TrimSpace(o.Reason) == "" {
		probs.Add("reason", "Say why the recorded outcome was wrong")
	}
	asBooked := *a
	asBooked.Status = AppointmentBooked
	for _, f := range ErrorFields(o.Validate(&asBooked, loc, now)) {
		probs = append(probs, f)
	}
	return probs.Err("The outcome was not corrected")
}
