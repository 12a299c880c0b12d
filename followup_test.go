package elective_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
)

// TestFollowUpWanted: a follow-up after a clock stop (90/91, rules.md 1.9)
// stays wanted until it is booked, the patient is discharged, care is
// transferred or a new referral starts a new period.
func TestFollowUpWanted(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	attended := func(id int64, d int, o elective.OutcomeOfAttendance) *elective.Appointment {
		return &elective.Appointment{ID: id, PathwayID: 1, Start: day(d), Status: elective.AppointmentAttended, Outcome: o}
	}
	ev := func(kind elective.EventKind, apptID int64) *elective.PathwayEvent {
		return &elective.PathwayEvent{Kind: kind, AppointmentID: apptID, ClinicianConfirmed: true}
	}
	treated := []*elective.PathwayEvent{ev(elective.EventReferralReceived, 0), ev(elective.EventAttended, 10)}
	tests := []struct {
		name   string
		appts  []*elective.Appointment
		events []*elective.PathwayEvent
		want   bool
	}{
		{"another appointment given", []*elective.Appointment{attended(10, 2, elective.OutcomeAnotherAppointment)}, treated, true},
		{"appointment to be made later (partial booking, PIFU)", []*elective.Appointment{attended(10, 2, elective.OutcomeAppointmentLater)}, treated, true},
		{"discharged at the attendance", []*elective.Appointment{attended(10, 2, elective.OutcomeDischarged)}, treated, false},
		{"never attended", nil, treated, false},
		{"the follow-up is booked already", []*elective.Appointment{attended(10, 2, elective.OutcomeAnotherAppointment),
			{ID: 11, PathwayID: 1, Start: day(20), Status: elective.AppointmentBooked}}, treated, false},
		{"the follow-up was cancelled: still wanted", []*elective.Appointment{attended(10, 2, elective.OutcomeAnotherAppointment),
			{ID: 11, PathwayID: 1, Start: day(20), Status: elective.AppointmentCancelledHospital}}, treated, true},
		{"the follow-up was not attended: still wanted", []*elective.Appointment{attended(10, 2, elective.OutcomeAnotherAppointment),
			{ID: 11, PathwayID: 1, Start: day(20), Status: elective.AppointmentDNA}}, treated, true},
		{"the latest attendance decides", []*elective.Appointment{attended(10, 2, elective.OutcomeAnotherAppointment),
			attended(11, 20, elective.OutcomeDischarged)}, append(treated, ev(elective.EventAttended, 11)), false},
		{"another pathway's booking does not count", []*elective.Appointment{attended(10, 2, elective.OutcomeAnotherAppointment),
			{ID: 12, PathwayID: 2, Start: day(20), Status: elective.AppointmentBooked}}, treated, true},
		{"discharged by a clinician since (PIFU expiry, rules.md 3.11)", []*elective.Appointment{attended(10, 2, elective.OutcomeAppointmentLater)},
			append(treated, ev(elective.EventDischarged, 0)), false},
		{"care transferred since", []*elective.Appointment{attended(10, 2, elective.OutcomeAppointmentLater)},
			append(treated, ev(elective.EventTransferOut, 0)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &elective.Pathway{ID: 1, Events: tt.events}
			if got := p.FollowUpWanted(tt.appts); got != tt.want {
				t.Errorf("FollowUpWanted = %v, want %v", got, tt.want)
			}
		})
	}
}
