package elective

import (
	"context"
	"strings"
)

// TriageStatus is where a referral stands in clinical triage.
type TriageStatus string

// Triage statuses.
const (
	TriageAwaiting   TriageStatus = "awaiting"   // a clinician has yet to look at it
	TriageAccepted   TriageStatus = "accepted"   // accepted, with the priority the clinician set
	TriageRedirected TriageStatus = "redirected" // sent to another specialty of the trust; the clock runs on
	TriageReturned   TriageStatus = "returned"   // returned to the referrer with advice: the clock stops (34)
	TriageRejected   TriageStatus = "rejected"   // not appropriate for the service: the clock stops (34), the referrer is told why
)

// Label is the status for staff.
func (s TriageStatus) Label() string {
	switch s {
	case TriageAwaiting:
		return "Awaiting triage"
	case TriageAccepted:
		return "Accepted"
	case TriageRedirected:
		return "Redirected"
	case TriageReturned:
		return "Returned with advice"
	case TriageRejected:
		return "Rejected"
	}
	return string(s)
}

// TriageItem is a referral awaiting triage, with its patient and when
// triage is due.
type TriageItem struct {
	Referral      *Referral
	PatientName   string
	NHSNumber     string
	SpecialtyName string
	Due           Date
}

// TriageDecision is a clinician's triage of a referral.
type TriageDecision struct {
	ReferralID  int64
	Status      TriageStatus // accepted, redirected or returned
	Priority    Priority     // accepted: the clinical priority set
	SpecialtyID int64        // redirected: the specialty it goes to
	Note        string       // the advice returned, or why it was redirected
}

// Validate checks the decision has what its kind needs.
func (d *TriageDecision) Validate() error {
	var probs Problems
	switch d.Status {
	case TriageAccepted:
		if !d.Priority.Valid() {
			probs.Add("priority", "Select the clinical priority")
		}
	case TriageRedirected:
		if d.SpecialtyID == 0 {
			probs.Add("specialty_id", "Select the specialty the referral goes to")
		}
	case TriageReturned:
		if strings.TrimSpace(d.Note) == "" {
			probs.Add("note", "Write the advice for the referrer")
		}
	case TriageRejected:
		if strings.TrimSpace(d.Note) == "" {
			probs.Add("note", "Say why the referral is not appropriate for this service")
		}
	default:
		probs.Add("status", "Select the triage decision")
	}
	if len(d.Note) > 2000 {
		probs.Add("note", "The note can be at most 2,000 characters")
	}
	return probs.Err("The triage was not recorded")
}

// TriageService keeps the triage worklist.
type TriageService interface {
	// FindTriage returns the referrals awaiting triage of a specialty (0:
	// all), by clinical priority then due date.
	FindTriage(ctx context.Context, specialtyID int64) ([]*TriageItem, error)

	// Triage records a clinician's decision: accept with a priority (the
	// PTL is re-ordered), redirect to another specialty (the clock runs
	// on), or return to the referrer with advice (the clock stops with 34
	// and the referrer is written to).
	Triage(ctx context.Context, d *TriageDecision) error
}
