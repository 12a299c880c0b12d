package elective

import (
	"context"
	"strings"
	"time"
)

// SessionCancelReason says why the hospital cancels a clinic session.
// Every one is a hospital cancellation: it never counts against the
// patients it displaces (rules.md 1.6.3, 3.5; TS-61).
type SessionCancelReason string

// Reasons for cancelling a session.
const (
	CancelForLeave    SessionCancelReason = "leave"    // planned leave of the clinician
	CancelForSickness SessionCancelReason = "sickness" // short-notice sickness
	CancelForRoom     SessionCancelReason = "room"     // room or equipment not available
	CancelForOther    SessionCancelReason = "other"
)

// SessionCancelReasons lists the reasons in form order.
var SessionCancelReasons = []SessionCancelReason{CancelForLeave, CancelForSickness, CancelForRoom, CancelForOther}

// Label is the reason for staff and letters.
func (r SessionCancelReason) Label() string {
	switch r {
	case CancelForLeave:
		return "Clinician on leave"
	case CancelForSickness:
		return "Clinician unwell"
	case CancelForRoom:
		return "Room or equipment not available"
	case CancelForOther:
		return "Other"
	}
	return string(r)
}

// SessionCancellation is the command to cancel a clinic session and
// cancel, as the hospital, every appointment booked in it.
type SessionCancellation struct {
	SessionID int64
	Reason    SessionCancelReason
	Note      string
	// From, when set, reduces the session instead: only its slots starting
	// at or after From close (the clinician must leave early), and only
	// the appointments in them are displaced.
	From time.Time
}

// Validate checks the command has a reason.
func (c *SessionCancellation) Validate() error {
	var probs Problems
	switch c.Reason {
	case CancelForLeave, CancelForSickness, CancelForRoom:
	case CancelForOther:
		if strings.TrimSpace(c.Note) == "" {
			probs.Add("note", "Say why the clinic is cancelled")
		}
	default:
		probs.Add("reason", "Select why the clinic is cancelled")
	}
	if len(c.Note) > 500 {
		probs.Add("note", "The note can be at most 500 characters")
	}
	return probs.Err("The clinic was not cancelled")
}

// SessionChange previews cancelling a session: who it would displace and
// whether the change is inside the change-notice window, where a booking
// manager must approve it (rules.md 3.5, clinic.changeNoticeDays).
type SessionChange struct {
	Session       *ClinicSession
	From          time.Time   // a reduction from this time; zero for the whole session
	SlotTimes     []time.Time // the starts of the session's open slots, for choosing From
	Clinician     string
	Booked        []*PTLEntry // the booked patients' PTL rows, in booking order
	Appointments  []*Appointment
	NeedsApproval bool
	NoticeDays    int
}

// SessionSummary is a clinic session with how full it is.
type SessionSummary struct {
	Session   *ClinicSession
	Clinician string
	Site      string
	Slots     int
	Booked    int
}

// SessionFilter selects sessions. Zero fields do not filter.
type SessionFilter struct {
	SpecialtyID int64
	ClinicianID int64
	From, To    Date
	Limit       int
}

// Displaced is a patient whose appointment the hospital cancelled and who
// has not been booked again, with the slot the rules propose.
type Displaced struct {
	Appointment *Appointment // the cancelled appointment
	Entry       *PTLEntry
	Proposed    *Slot  // nil when no slot suits
	Why         string // how the slot was chosen, or why there is none
}

// CascadeService cancels clinic sessions and proposes new slots for the
// patients they displace. Staff confirm the proposals through the
// BookingService, so every booking keeps its own rules.
type CascadeService interface {
	// FindSessions lists sessions with their booked counts, in date order.
	FindSessions(ctx context.Context, f SessionFilter) ([]*SessionSummary, error)

	// PreviewSessionCancellation shows what cancelling the session (from
	// a time, if from is set: a reduction) would do, changing nothing.
	PreviewSessionCancellation(ctx context.Context, sessionID int64, from time.Time) (*SessionChange, error)

	// CancelSession cancels the session and, as hospital cancellations,
	// every appointment booked in it, in one transaction. Inside the
	// change-notice window only a booking manager may. Returns the number
	// of patients displaced.
	CancelSession(ctx context.Context, c *SessionCancellation) (int, error)

	// PreviewTemplateEnd shows what ending the template after last would
	// cancel, changing nothing.
	PreviewTemplateEnd(ctx context.Context, templateID int64, last Date) (*TemplateChange, error)

	// EndTemplate ends the template after e.Last and cancels its later
	// sessions with their appointments (hospital cancellations), in one
	// transaction. Returns the number of patients displaced.
	EndTemplate(ctx context.Context, e *TemplateEnd) (int, error)

	// ProposeRebookings lists the displaced patients of a specialty who
	// have not been booked again, in booking order, each with the earliest
	// reasonable slot no other proposal takes.
	ProposeRebookings(ctx context.Context, specialtyID int64) ([]*Displaced, error)
}

// TemplateEnd is the command to end a clinic template after Last: its
// sessions after that date are cancelled as for a cancelled clinic, and no
// more are made. Inside the change-notice window a booking manager must
// approve (rules.md 3.5).
type TemplateEnd struct {
	TemplateID int64
	Last       Date
	Reason     SessionCancelReason
	Note       string
}

// Validate checks the command against today: the last date may not be in
// the past, and a reason is needed as for a cancelled clinic.
func (e *TemplateEnd) Validate(today Date) error {
	var probs Problems
	switch {
	case e.Last.IsZero():
		probs.Add("last", "Enter the date of the last clinic")
	case e.Last.Before(today):
		probs.Add("last", "The last clinic cannot be in the past")
	}
	c := SessionCancellation{Reason: e.Reason, Note: e.Note}
	for _, f := range ErrorFields(c.Validate()) {
		probs = append(probs, f)
	}
	return probs.Err("The clinic template was not ended")
}

// TemplateChange previews ending a template: the sessions it would cancel,
// each with the patients it would displace, and whether a booking manager
// must approve.
type TemplateChange struct {
	Sessions      []*SessionChange
	NeedsApproval bool
	Displaced     int
	NoticeDays    int
}
