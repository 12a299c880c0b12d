package elective

import "time"

// OperationCancelReason is a reason an operation was cancelled, from the
// national list of non-clinical reasons (rules.md 2.1.4) or a clinical one.
type OperationCancelReason string

// Cancellation reasons.
const (
	CancelNoWardBed        OperationCancelReason = "no-ward-bed"
	CancelNoCriticalCare   OperationCancelReason = "no-critical-care-bed"
	CancelSurgeonUnavail   OperationCancelReason = "surgeon-unavailable"
	CancelAnaesthetist     OperationCancelReason = "anaesthetist-unavailable"
	CancelTheatreStaff     OperationCancelReason = "theatre-staff-unavailable"
	CancelEmergency        OperationCancelReason = "emergency-took-theatre"
	CancelListOverran      OperationCancelReason = "list-overran"
	CancelEquipment        OperationCancelReason = "equipment-failure"
	CancelAdminError       OperationCancelReason = "administrative-error"
	CancelPatientUnwell    OperationCancelReason = "patient-unwell"         // clinical
	CancelNotRequired      OperationCancelReason = "treatment-not-required" // clinical
	CancelPatientCancelled OperationCancelReason = "patient-cancelled"      // the patient's choice
)

// OperationCancelReasons lists the reasons in form order.
var OperationCancelReasons = []OperationCancelReason{
	CancelNoWardBed, CancelNoCriticalCare, CancelSurgeonUnavail, CancelAnaesthetist, CancelTheatreStaff,
	CancelEmergency, CancelListOverran, CancelEquipment, CancelAdminError,
	CancelPatientUnwell, CancelNotRequired, CancelPatientCancelled,
}

// Clinical reports whether the reason is clinical (the patient is unfit or
// no longer needs the operation): such cancellations are outside the
// 28-day standard (rules.md 2.1, TS-113).
func (r OperationCancelReason) Clinical() bool {
	return r == CancelPatientUnwell || r == CancelNotRequired
}

// ByPatient reports whether the patient cancelled.
func (r OperationCancelReason) ByPatient() bool { return r == CancelPatientCancelled }

// Label is the reason for staff.
func (r OperationCancelReason) Label() string {
	switch r {
	case CancelNoWardBed:
		return "No ward bed"
	case CancelNoCriticalCare:
		return "No critical care bed"
	case CancelSurgeonUnavail:
		return "Surgeon unavailable"
	case CancelAnaesthetist:
		return "Anaesthetist unavailable"
	case CancelTheatreStaff:
		return "Theatre staff unavailable"
	case CancelEmergency:
		return "Emergency case took the theatre"
	case CancelListOverran:
		return "List over-ran"
	case CancelEquipment:
		return "Equipment failure"
	case CancelAdminError:
		return "Administrative error"
	case CancelPatientUnwell:
		return "Patient unwell (clinical)"
	case CancelNotRequired:
		return "Treatment no longer required (clinical)"
	case CancelPatientCancelled:
		return "Patient cancelled"
	}
	return string(r)
}

// CancelledOperation records the cancellation of a booked case and, when
// it was a last-minute cancellation for a non-clinical reason, the 28-day
// guarantee that follows (rules.md 2.1): a binding new date no later than
// RebookBy, counted from the planned operation date as day 0.
type CancelledOperation struct {
	ID          int64
	CaseID      int64
	EntryID     int64
	PlannedOn   Date // the date the operation was due
	CancelledAt time.Time
	Reason      OperationCancelReason
	Note        string
	LastMinute  bool // on the day of admission or of the operation, or after arrival
	Postponed   bool // rebooked within 24 hours: a postponement, not a cancellation (2.1.5)
	Guaranteed  bool // the 28-day rule applies: last minute and non-clinical
	RebookBy    Date // PlannedOn + 28 when Guaranteed
	NewCaseID   int64
	NewDate     Date // the binding new date, once booked

	// Joined for display.
	PatientName string
	NHSNumber   string
	Procedure   string
}
