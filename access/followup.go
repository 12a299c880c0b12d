package access

import (
	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// BookBeforeLeaving reports whether a follow-up due by due, decided today,
// is booked before the patient leaves clinic (rules.md 3.4: within six
// weeks); later ones go on the partial-booking list.
func BookBeforeLeaving(due, today elective.Date, p rtt.Policy) bool {
	return due.DaysSince(today) <= p.FullBookHorizonDays
}

// Stage is where a partial-booking follow-up stands.
type Stage string

// Stages, in order.
const (
	StageWaiting         Stage = "waiting"           // not yet time to invite
	StageInviteDue       Stage = "invite-due"        // the invitation should go today
	StageAwaitingReply   Stage = "awaiting-reply"    // invited; the patient has ResponseDays to book
	StageReminderDue     Stage = "reminder-due"      // no reply: send the reminder
	StageAwaitingPostRem Stage = "awaiting-reminder" // reminded; ResponseDays more
	StageReviewDue       Stage = "review-due"        // still no reply: a clinician reviews (may discharge)
	StageOverdue         Stage = "overdue"           // past the due date and not booked
)

// Label is the stage for staff.
func (s Stage) Label() string {
	switch s {
	case StageWaiting:
		return "Waiting to invite"
	case StageInviteDue:
		return "Invitation due"
	case StageAwaitingReply:
		return "Invited, awaiting reply"
	case StageReminderDue:
		return "Reminder due"
	case StageAwaitingPostRem:
		return "Reminded, awaiting reply"
	case StageReviewDue:
		return "No reply: clinical review"
	case StageOverdue:
		return "Overdue"
	}
	return string(s)
}

// PartialBookingStage decides where an open partial-booking follow-up
// stands today (rules.md 3.4): invited InviteLeadDays before it is due,
// ResponseDays to reply, a reminder, ResponseDays more, then a clinician's
// review. Past the due date it is overdue whatever the invitations did,
// so that it reaches the failsafe list.
func PartialBookingStage(f *elective.FollowUp, today elective.Date, p rtt.Policy) Stage {
	switch {
	case today.After(f.Due):
		return StageOverdue
	case f.InvitedOn.IsZero() && today.Before(InviteOn(f, p)):
		return StageWaiting
	case f.InvitedOn.IsZero():
		return StageInviteDue
	case f.RemindedOn.IsZero() && today.DaysSince(f.InvitedOn) < p.ResponseDays:
		return StageAwaitingReply
	case f.RemindedOn.IsZero():
		return StageReminderDue
	case today.DaysSince(f.RemindedOn) < p.ResponseDays:
		return StageAwaitingPostRem
	}
	return StageReviewDue
}

// InviteOn is the date the invitation goes: InviteLeadDays before due.
func InviteOn(f *elective.FollowUp, p rtt.Policy) elective.Date {
	return f.Due.AddDays(-p.InviteLeadDays)
}

// RespondBy is the date the patient is asked to book by after the
// invitation or reminder sent on sent.
func RespondBy(sent elective.Date, p rtt.Policy) elective.Date { return sent.AddDays(p.ResponseDays) }

// PIFUExpired reports whether a patient-initiated follow-up has passed its
// expiry, when the patient is discharged to their GP (rules.md 3.11).
func PIFUExpired(f *elective.FollowUp, today elective.Date) bool { return today.After(f.Due) }
