package elective

import (
	"context"
	"fmt"
	"time"
)

// Pathway is a patient's journey for one condition, identified for life by
// its patient pathway identifier (PPID) and issuer (rules.md 1.10.1). Its
// events are the truth; clocks and list positions are derived from them.
type Pathway struct {
	ID          int64
	PPID        string // 20 characters
	PPIDIssuer  string // ODS code of the issuer; X09 when built from an e-RS UBRN
	PatientID   int64
	ReferralID  int64
	SpecialtyID int64
	ClinicianID int64 // responsible consultant, 0 until assigned
	SiteID      int64
	Priority    Priority
	CreatedAt   time.Time
	Events      []*PathwayEvent // oldest first
}

// NewPPID makes a pathway identifier for a referral that does not carry one.
// An e-RS UBRN is the basis when there is one, padded to 20 characters with
// issuer X09; otherwise the trust issues one prefixed with its own ODS code
// (rules.md 1.10.1). serial must be unique within the trust.
func NewPPID(orgCode string, ubrn string, serial int64) (ppid, issuer string) {
	if ubrn != "" {
		return fmt.Sprintf("%020s", ubrn), "X09"
	}
	return fmt.Sprintf("%s%0*d", orgCode, 20-len(orgCode), serial), orgCode
}

// EventKind names what happened on a pathway. The words are those of the RTT
// scenario files, so that a scenario and a stored pathway are the same thing.
type EventKind string

// Pathway event kinds.
const (
	EventReferralReceived  EventKind = "referral-received"  // a referral that may start a clock (1.2)
	EventAppointmentBooked EventKind = "appointment-booked" // an outpatient appointment was booked
	EventAttended          EventKind = "attended"           // attended; Outcome is the RTT status recorded
	EventDNA               EventKind = "dna"                // did not attend without notice (1.5)
	EventCancelled         EventKind = "cancelled"          // cancelled in advance, By patient or provider (1.6)
	EventAdmitted          EventKind = "admitted"           // an elective admission (1.3.3, 1.3.4)
	EventAdminEvent        EventKind = "admin-event"        // a clock-stop decision outside clinic (1.4.4)
	EventRebookRequested   EventKind = "rebook-requested"   // after a first DNA the patient asks to rebook (1.2.12)
	EventReofferDecided    EventKind = "reoffer-decided"    // after a first DNA a clinician decides to re-offer (1.2.12)
	EventDecisionToTreat   EventKind = "decision-to-treat"  // a decision to treat, communicated (1.2.9, 1.2.10)
	EventFitAndReady       EventKind = "fit-and-ready"      // fit and ready for the second of a bilateral procedure (1.2.8)
	EventDischarged        EventKind = "discharged"         // discharged to the referrer (1.5.4)
	EventTransferOut       EventKind = "transfer-out"       // moved to another provider (status 21)
	EventValidated         EventKind = "validated"          // the pathway was validated (rules.md 3.9); no clock effect
	EventDelayRequested    EventKind = "delay-requested"    // the patient asks not to be seen or treated before DelayUntil (1.7.1, 1.7.2)
	EventTreatmentOffered  EventKind = "treatment-offered"  // treatment offered; the patient is thinking it over (1.7.12)
	// EventEnteredInError voids the earlier event numbered Voids (its Seq):
	// the log stays append-only and the clock is derived as if the voided
	// event had never happened.
	EventEnteredInError EventKind = "entered-in-error"
)

// Label is the event kind's name for staff.
func (k EventKind) Label() string {
	switch k {
	case EventReferralReceived:
		return "Referral received"
	case EventAppointmentBooked:
		return "Appointment booked"
	case EventAttended:
		return "Attended"
	case EventDNA:
		return "Did not attend"
	case EventCancelled:
		return "Cancelled"
	case EventAdmitted:
		return "Admitted"
	case EventAdminEvent:
		return "Clock-stop decision (administrative)"
	case EventRebookRequested:
		return "Patient asked to rebook"
	case EventReofferDecided:
		return "Clinician decided to re-offer"
	case EventDecisionToTreat:
		return "Decision to treat"
	case EventFitAndReady:
		return "Fit and ready"
	case EventDischarged:
		return "Discharged to referrer"
	case EventTransferOut:
		return "Transferred out"
	case EventValidated:
		return "Validated"
	case EventDelayRequested:
		return "Patient asked to delay"
	case EventTreatmentOffered:
		return "Treatment offered (thinking time)"
	case EventEnteredInError:
		return "Entered in error"
	}
	return string(k)
}

// CancelledBy says who cancelled an appointment or admission in advance.
type CancelledBy string

// Who cancelled.
const (
	CancelledByPatient  CancelledBy = "patient"
	CancelledByProvider CancelledBy = "provider"
)

// AdmissionPurpose says why a patient was admitted; only admissions for
// treatment in which treatment started stop the clock (rules.md 1.3.4).
type AdmissionPurpose string

// Admission purposes.
const (
	AdmitForTreatment  AdmissionPurpose = "treatment"
	AdmitForDiagnostic AdmissionPurpose = "diagnostic"
	AdmitForPreOp      AdmissionPurpose = "pre-op"
)

// PathwayEvent is one immutable, dated fact on a pathway. Date is the
// calendar date the event took effect (the clock arithmetic uses it);
// RecordedAt is the instant it was written. Only the fields its Kind uses
// are set.
type PathwayEvent struct {
	ID         int64
	PathwayID  int64
	Seq        int // order within the pathway; events on one date keep it
	Kind       EventKind
	Date       Date
	RecordedAt time.Time
	RecordedBy int64 // user ID, 0 for imports and the demo

	Source             ReferralSource   // referral-received
	OriginalStart      Date             // referral-received from interface or transfer-in
	First              bool             // appointment-booked, attended, dna: the first appointment of the period
	AppointmentDate    Date             // appointment-booked
	Communicated       bool             // appointment-booked: evidence the patient was told (1.5.2)
	Outcome            RTTStatus        // attended, admin-event
	By                 CancelledBy      // cancelled
	Purpose            AdmissionPurpose // admitted
	Treated            bool             // admitted: first definitive treatment started
	NewPeriod          bool             // decision-to-treat: a new period under rule 3 (1.2.7)
	AfterDNA           bool             // discharged
	ClinicianConfirmed bool             // discharged: a clinician decided (1.5.4 (ii))
	AppointmentID      int64            // the appointment the event is about, if any
	Validation         ValidationResult // validated: what the validation found
	DelayUntil         Date             // delay-requested: the first date the patient is available
	// Untold (dna): the booking said a letter told the patient, but no
	// appointment letter was ever dispatched, so there is no proof the
	// appointment was communicated (rules.md 1.5.2, 3.3).
	Untold bool
	// Voids (entered-in-error): the Seq of the event recorded in error.
	Voids int
	Note  string
}

// ManualEventKinds are the events staff record directly on a pathway; the
// others come from referrals, bookings, outcomes and validations.
var ManualEventKinds = []EventKind{
	EventRebookRequested, EventReofferDecided, EventDecisionToTreat, EventTreatmentOffered,
	EventDelayRequested, EventAdminEvent, EventDischarged, EventFitAndReady, EventAdmitted, EventTransferOut,
}

// IsManual reports whether staff may record the kind directly.
func (k EventKind) IsManual() bool {
	for _, m := range ManualEventKinds {
		if m == k {
			return true
		}
	}
	return false
}

// ValidationResult is what administrative validation of a pathway found
// (rules.md 3.9 stage 1: the list is accurate and the patient, contacted,
// confirms what they want).
type ValidationResult string

// Validation results.
const (
	ValidationConfirmed     ValidationResult = "confirmed"      // details right; the patient still needs to be seen or treated
	ValidationCorrected     ValidationResult = "corrected"      // details were wrong and have been put right
	ValidationNoContact     ValidationResult = "no-contact"     // the patient could not be reached
	ValidationClinicalCheck ValidationResult = "clinical-check" // the patient may no longer need care: a clinician must review
)

// ValidationResults lists the results in form order.
var ValidationResults = []ValidationResult{ValidationConfirmed, ValidationCorrected, ValidationNoContact, ValidationClinicalCheck}

// Label is the result's meaning for staff.
func (v ValidationResult) Label() string {
	switch v {
	case ValidationConfirmed:
		return "Confirmed: the patient still needs care and the details are right"
	case ValidationCorrected:
		return "Corrected: details were wrong and have been put right"
	case ValidationNoContact:
		return "Could not contact the patient"
	case ValidationClinicalCheck:
		return "Patient may no longer need care: refer to a clinician"
	}
	return string(v)
}

// Valid reports whether v is a known result.
func (v ValidationResult) Valid() bool {
	for _, x := range ValidationResults {
		if x == v {
			return true
		}
	}
	return false
}

// Validation is the command to record that a pathway was validated.
type Validation struct {
	PathwayID int64
	Result    ValidationResult
	Note      string
}

// PathwayService reads pathways with their event logs.
type PathwayService interface {
	// FindPathwayByID returns a pathway with its events and records an
	// audit event. Returns ENOTFOUND if there is no such pathway.
	FindPathwayByID(ctx context.Context, id int64) (*Pathway, error)

	// FindPathwaysByPatient returns a patient's pathways with their events,
	// newest first.
	FindPathwaysByPatient(ctx context.Context, patientID int64) ([]*Pathway, error)

	// RecordEvent appends an event staff record directly (ManualEventKinds:
	// a rebooking request, a clinician's decision, a discharge, a delay
	// request …) dated today or earlier but not before the pathway's last
	// event, and updates the PTL row. Returns EINVALID, naming the rule, if
	// the rules refuse it; EFORBIDDEN unless the user may record outcomes.
	RecordEvent(ctx context.Context, e *PathwayEvent) error

	// RecordValidation appends a validated event (who and when are the
	// signed-in user and now) and updates the PTL row. Returns EINVALID
	// without a result, ENOTFOUND for an unknown pathway.
	RecordValidation(ctx context.Context, v *Validation) error
}
