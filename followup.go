package elective

import (
	"context"
	"time"
)

// FollowUpKind says how a follow-up that is not booked before the patient
// leaves clinic is managed.
type FollowUpKind string

// Kinds of follow-up.
const (
	// FollowUpPartialBooking: the patient is invited to book nearer the due
	// date (rules.md 3.4).
	FollowUpPartialBooking FollowUpKind = "partial-booking"
	// FollowUpPIFU: the patient calls when they need to be seen, until the
	// expiry date, when they are discharged (rules.md 3.11).
	FollowUpPIFU FollowUpKind = "pifu"
)

// Label is the kind for staff.
func (k FollowUpKind) Label() string {
	if k == FollowUpPIFU {
		return "Patient-initiated follow-up"
	}
	return "Partial booking"
}

// FollowUpStatus is whether a follow-up still needs work.
type FollowUpStatus string

// Statuses.
const (
	FollowUpOpen   FollowUpStatus = "open"
	FollowUpBooked FollowUpStatus = "booked" // the follow-up appointment is booked
	FollowUpClosed FollowUpStatus = "closed" // discharged or no longer needed
)

// FollowUp is a follow-up on the partial-booking or PIFU list: when it is
// due (the latest clinically appropriate date, or the PIFU expiry) and how
// far the invitation has gone.
type FollowUp struct {
	ID           int64
	PathwayID    int64
	PatientID    int64
	SpecialtyID  int64
	Kind         FollowUpKind
	Due          Date // LCAD for partial booking; expiry for PIFU
	InvitedOn    Date
	RemindedOn   Date
	Status       FollowUpStatus
	ClosedReason string
	CreatedAt    time.Time

	// Joined for display.
	PatientName   string
	NHSNumber     string
	SpecialtyName string
}

// FollowUpFilter selects follow-ups; zero fields do not filter.
type FollowUpFilter struct {
	Kind        FollowUpKind
	SpecialtyID int64
	Limit       int
}

// FollowUpService keeps the partial-booking and PIFU lists.
type FollowUpService interface {
	// FindFollowUps returns the open follow-ups, soonest due first.
	FindFollowUps(ctx context.Context, f FollowUpFilter) ([]*FollowUp, error)

	// AdvanceFollowUps does what the rules say is due today: send the
	// partial-booking invitations and reminders (by letter, through the
	// outbox). Idempotent: a rerun sends nothing twice.
	AdvanceFollowUps(ctx context.Context) (invited, reminded int, err error)

	// DischargePIFU ends an expired PIFU: the follow-up is closed and a
	// discharge letter goes to the patient with a copy to the GP.
	DischargePIFU(ctx context.Context, id int64) error
}

// FollowUpWanted reports whether a pathway still wants an outpatient
// follow-up that is not part of an RTT period: its latest attendance asked
// for another appointment (outcome 2 or 3), nothing since has discharged
// the patient, transferred their care or started a new referral, and no
// appointment is booked yet. Follow-ups after a clock stop (treatment
// started, active monitoring) are recorded as 90 or 91 (rules.md 1.9) and
// are booked like any other; appts may hold other pathways' appointments.
func (p *Pathway) FollowUpWanted(appts []*Appointment) bool {
	var latest *Appointment
	for _, a := range appts {
		switch {
		case a.PathwayID != p.ID:
		case a.Status == AppointmentBooked:
			return false
		case a.Status == AppointmentAttended && (latest == nil || a.Start.After(latest.Start)):
			latest = a
		}
	}
	if latest == nil || (latest.Outcome != OutcomeAnotherAppointment && latest.Outcome != OutcomeAppointmentLater) {
		return false
	}
	seen := false
	for _, e := range p.Events {
		switch {
		case e.Kind == EventAttended && e.AppointmentID == latest.ID:
			seen = true
		case !seen:
		case e.Kind == EventDischarged && e.ClinicianConfirmed, e.Kind == EventTransferOut, e.Kind == EventReferralReceived:
			return false
		}
	}
	return seen
}
