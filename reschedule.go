package elective

import "strings"

// CancellationReason is a structured reason for cancelling or moving an
// appointment. Who asked decides the national ATTENDED OR DID NOT ATTEND
// code (2 patient, 4 hospital) and whether it counts against the patient
// (rules.md 3.2, 3.5); the reason itself is what reports count and the
// change letter says.
type CancellationReason struct {
	Code  string
	By    AppointmentStatus // AppointmentCancelledPatient or AppointmentCancelledHospital
	Label string
}

// CancellationReasons lists the reasons in form order; codes ending in 9
// need a note.
var CancellationReasons = []CancellationReason{
	{"P1", AppointmentCancelledPatient, "The patient cannot come on that date"},
	{"P2", AppointmentCancelledPatient, "The patient is unwell"},
	{"P3", AppointmentCancelledPatient, "The patient wants a different time or place"},
	{"P9", AppointmentCancelledPatient, "Other reason given by the patient"},
	{"H1", AppointmentCancelledHospital, "The clinician is on leave or unwell"},
	{"H2", AppointmentCancelledHospital, "The clinic was cancelled or reduced"},
	{"H3", AppointmentCancelledHospital, "Brought forward for clinical priority"},
	{"H4", AppointmentCancelledHospital, "Booked in error"},
	{"H5", AppointmentCancelledHospital, "Room or equipment unavailable"},
	{"H9", AppointmentCancelledHospital, "Other hospital reason"},
}

// FindCancellationReason returns the reason with code, or nil.
func FindCancellationReason(code string) *CancellationReason {
	for i := range CancellationReasons {
		if CancellationReasons[i].Code == code {
			return &CancellationReasons[i]
		}
	}
	return nil
}

// NeedsNote reports whether the reason must be explained in words.
func (r *CancellationReason) NeedsNote() bool { return strings.HasSuffix(r.Code, "9") }

// RescheduleRequest moves a booked appointment to another slot: the old
// appointment is cancelled by whoever asked, with a structured reason, and
// the new one booked in the same transaction, so that the patient is never
// left with neither or both; one change letter tells the patient.
type RescheduleRequest struct {
	AppointmentID int64
	SlotID        int64
	ReasonCode    string
	Note          string
	Communicated  Communication
}

// Validate checks the request's fields and returns the reason it names.
func (r *RescheduleRequest) Validate() (*CancellationReason, error) {
	var probs Problems
	if r.SlotID == 0 {
		probs.Add("slot_id", "Select the new slot")
	}
	reason := FindCancellationReason(r.ReasonCode)
	r.Note = strings.TrimSpace(r.Note)
	switch {
	case reason == nil:
		probs.Add("reason_code", "Select who asked for the change and why")
	case reason.NeedsNote() && r.Note == "":
		probs.Add("note", "Say why the appointment is being moved")
	}
	if len(r.Note) > 500 {
		probs.Add("note", "The note must be 500 characters or fewer")
	}
	switch r.Communicated {
	case CommunicatedByLetter, CommunicatedByPhone, CommunicatedInPerson, CommunicatedNotYet:
	default:
		probs.Add("communicated", "Say how the patient was told of the new appointment")
	}
	return reason, probs.Err("The appointment was not moved")
}

// Text is the reason as recorded in the status history and printed on
// the change letter.
func (r *RescheduleRequest) Text(reason *CancellationReason) string {
	if r.Note == "" {
		return reason.Label
	}
	return reason.Label + ": " + r.Note
}
