package elective

import (
	"testing"
	"time"
)

var testNow = time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)

func slotAt(typ SlotType, start time.Time) *Slot {
	return &Slot{ID: 1, Type: typ, Start: start, Session: &ClinicSession{SpecialtyID: 1, Status: SessionOpen}}
}

func urgent(start time.Time) *Slot {
	s := slotAt(SlotNew, start)
	s.Reserved = PriorityUrgent
	return s
}

// TestCheckBooking is the slot-compatibility rule: new slots for first
// appointments, follow-up slots for later ones, only free future slots of
// an open session in the pathway's specialty.
func TestCheckBooking(t *testing.T) {
	later := testNow.Add(48 * time.Hour)
	held := slotAt(SlotNew, later)
	held.AppointmentID = 9
	cancelled := slotAt(SlotNew, later)
	cancelled.Session.Status = SessionCancelled
	tests := []struct {
		name string
		list ListType
		spec int64
		slot *Slot
		want string
	}{
		{"new patient, new slot", ListOutpatientNew, 1, slotAt(SlotNew, later), ""},
		{"follow-up patient, follow-up slot", ListOutpatientFollowUp, 1, slotAt(SlotFollowUp, later), ""},
		{"new patient, follow-up slot", ListOutpatientNew, 1, slotAt(SlotFollowUp, later), EINVALID},
		{"follow-up patient, new slot", ListOutpatientFollowUp, 1, slotAt(SlotNew, later), EINVALID},
		{"held slot", ListOutpatientNew, 1, held, ECONFLICT},
		{"cancelled session", ListOutpatientNew, 1, cancelled, EINVALID},
		{"other specialty", ListOutpatientNew, 2, slotAt(SlotNew, later), EINVALID},
		{"slot starting now", ListOutpatientNew, 1, slotAt(SlotNew, testNow), EINVALID},
		{"past slot", ListOutpatientNew, 1, slotAt(SlotNew, testNow.Add(-time.Hour)), EINVALID},
		{"admitted list", ListAdmitted, 1, slotAt(SlotFollowUp, later), EINVALID},
		{"urgent slot, routine patient, before release", ListOutpatientNew, 1, urgent(testNow.Add(10 * 24 * time.Hour)), EINVALID},
		{"urgent slot, routine patient, released", ListOutpatientNew, 1, urgent(later), ""},
	}
	rules := SlotRules{Location: time.UTC, UrgentReleaseDays: 3}
	for _, tt := range tests {
		if got := ErrorCode(CheckBooking(tt.list, tt.spec, PriorityRoutine, tt.slot, testNow, rules)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestOutcomeValidate checks what may be recorded when.
func TestOutcomeValidate(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	appt := &Appointment{ID: 1, Start: testNow.Add(time.Hour), Status: AppointmentBooked, First: true}
	done := &Appointment{ID: 2, Start: testNow.Add(-time.Hour), Status: AppointmentAttended}
	past := &Appointment{ID: 3, Start: testNow.Add(-time.Hour), Status: AppointmentBooked}
	tests := []struct {
		name string
		a    *Appointment
		o    AppointmentOutcome
		want string
	}{
		{"attended before the time", appt, AppointmentOutcome{Status: AppointmentAttended, RTTStatus: "20", Outcome: "2"}, EINVALID},
		{"DNA before the time", appt, AppointmentOutcome{Status: AppointmentDNA}, EINVALID},
		{"patient cancels in advance", appt, AppointmentOutcome{Status: AppointmentCancelledPatient}, ""},
		{"hospital cancels in advance", appt, AppointmentOutcome{Status: AppointmentCancelledHospital}, ""},
		{"attended", past, AppointmentOutcome{Status: AppointmentAttended, RTTStatus: "30", Outcome: "1"}, ""},
		{"attended without RTT status", past, AppointmentOutcome{Status: AppointmentAttended, Outcome: "1"}, EINVALID},
		{"attended with 33", past, AppointmentOutcome{Status: AppointmentAttended, RTTStatus: "33", Outcome: "1"}, EINVALID},
		{"attended without outcome", past, AppointmentOutcome{Status: AppointmentAttended, RTTStatus: "20"}, EINVALID},
		{"DNA", past, AppointmentOutcome{Status: AppointmentDNA}, ""},
		{"no status", past, AppointmentOutcome{}, EINVALID},
		{"already recorded", done, AppointmentOutcome{Status: AppointmentDNA}, EINVALID},
	}
	for _, tt := range tests {
		if got := ErrorCode(tt.o.Validate(tt.a, london, testNow)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestOutcomeEvent checks the pathway event each outcome records: the
// appointment's day for attendance and DNA, today for a cancellation.
func TestOutcomeEvent(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	today := MustParseDate("2026-11-20")
	a := &Appointment{ID: 7, PathwayID: 3, First: true, Start: time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)}
	tests := []struct {
		o    AppointmentOutcome
		kind EventKind
		date string
		by   CancelledBy
	}{
		{AppointmentOutcome{Status: AppointmentAttended, RTTStatus: "20"}, EventAttended, "2026-11-23", ""},
		{AppointmentOutcome{Status: AppointmentDNA}, EventDNA, "2026-11-23", ""},
		{AppointmentOutcome{Status: AppointmentCancelledPatient}, EventCancelled, "2026-11-20", CancelledByPatient},
		{AppointmentOutcome{Status: AppointmentCancelledHospital}, EventCancelled, "2026-11-20", CancelledByProvider},
	}
	for _, tt := range tests {
		e := tt.o.Event(a, london, today)
		if e.Kind != tt.kind || e.Date.String() != tt.date || e.By != tt.by || !e.First || e.AppointmentID != 7 || e.PathwayID != 3 {
			t.Errorf("%s: event %+v", tt.o.Status, e)
		}
	}
}

// TestAppointmentTold: the proof of communication a first DNA needs
// (rules.md 1.5.2, 3.3).
func TestAppointmentTold(t *testing.T) {
	start := testNow.Add(21 * 24 * time.Hour)
	sent := func(kind MessageKind, status MessageStatus, at time.Time) *Message {
		return &Message{AppointmentID: 7, Kind: kind, Status: status, SentAt: at}
	}
	tests := []struct {
		name string
		how  Communication
		msgs []*Message
		want bool
	}{
		{"agreed by phone", CommunicatedByPhone, nil, true},
		{"agreed in person", CommunicatedInPerson, nil, true},
		{"not yet told", CommunicatedNotYet, []*Message{sent(MsgAppointment, MessageSent, testNow)}, false},
		{"appointment letter sent", CommunicatedByLetter, []*Message{sent(MsgAppointment, MessageSent, testNow)}, true},
		{"change letter sent", CommunicatedByLetter, []*Message{sent(MsgChange, MessageSent, testNow)}, true},
		{"letter still queued", CommunicatedByLetter, []*Message{sent(MsgAppointment, MessageQueued, time.Time{})}, false},
		{"letter failed (no address, or asked not to use it)", CommunicatedByLetter, []*Message{sent(MsgAppointment, MessageFailed, time.Time{})}, false},
		{"letter sent after the appointment", CommunicatedByLetter, []*Message{sent(MsgAppointment, MessageSent, start.Add(time.Hour))}, false},
		{"a reminder text is not the letter", CommunicatedByLetter, []*Message{sent(MsgReminder, MessageSent, testNow)}, false},
		{"another appointment's letter", CommunicatedByLetter, []*Message{{AppointmentID: 8, Kind: MsgAppointment, Status: MessageSent, SentAt: testNow}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Appointment{ID: 7, Start: start, Communicated: tt.how}
			if got := a.Told(tt.msgs); got != tt.want {
				t.Errorf("Told = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestValidateCorrection: what a correction may change, and that it must
// say why (the audit trail).
func TestValidateCorrection(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	past := testNow.Add(-24 * time.Hour)
	dna := &Appointment{Start: past, Status: AppointmentDNA}
	attended := &Appointment{Start: past, Status: AppointmentAttended, RTTStatus: RTTSubsequentActivity, Outcome: OutcomeAnotherAppointment}
	cancelled := &Appointment{Start: past, Status: AppointmentCancelledPatient}
	toAttended := AppointmentOutcome{Status: AppointmentAttended, RTTStatus: RTTSubsequentActivity, Outcome: OutcomeAnotherAppointment, Reason: "wrong patient"}
	tests := []struct {
		name string
		a    *Appointment
		o    AppointmentOutcome
		ok   bool
	}{
		{"DNA to attended", dna, toAttended, true},
		{"attended to DNA", attended, AppointmentOutcome{Status: AppointmentDNA, Reason: "was not here"}, true},
		{"wrong RTT status", attended, AppointmentOutcome{Status: AppointmentAttended, RTTStatus: RTTTreatment, Outcome: OutcomeAnotherAppointment, Reason: "treated in clinic"}, true},
		{"no reason", dna, AppointmentOutcome{Status: AppointmentAttended, RTTStatus: RTTSubsequentActivity, Outcome: OutcomeAnotherAppointment}, false},
		{"nothing changes", attended, toAttended, false},
		{"a cancellation is not corrected here", cancelled, toAttended, false},
		{"into a cancellation", dna, AppointmentOutcome{Status: AppointmentCancelledHospital, Reason: "x"}, false},
		{"attended without an RTT status", dna, AppointmentOutcome{Status: AppointmentAttended, Outcome: OutcomeAnotherAppointment, Reason: "x"}, false},
	}
	for _, tt := range tests {
		if err := tt.o.ValidateCorrection(tt.a, london, testNow); (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}

// TestOutcomeReasonCode: a cancellation's structured reason must fit who
// cancelled (attendance code 2 or 4), "other" needs words, and the history
// records the reason's label with any note.
func TestOutcomeReasonCode(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	a := &Appointment{Start: testNow.Add(72 * time.Hour), Status: AppointmentBooked}
	tests := []struct {
		name string
		o    AppointmentOutcome
		ok   bool
		text string
	}{
		{"patient reason", AppointmentOutcome{Status: AppointmentCancelledPatient, ReasonCode: "P2"}, true, "The patient is unwell"},
		{"with a note", AppointmentOutcome{Status: AppointmentCancelledHospital, ReasonCode: "H1", Reason: "annual leave"}, true, "The clinician is on leave or unwell: annual leave"},
		{"hospital reason on a patient cancellation", AppointmentOutcome{Status: AppointmentCancelledPatient, ReasonCode: "H1"}, false, ""},
		{"other without words", AppointmentOutcome{Status: AppointmentCancelledPatient, ReasonCode: "P9"}, false, ""},
		{"no code: the note alone", AppointmentOutcome{Status: AppointmentCancelledHospital, Reason: " clinic cancelled "}, true, "clinic cancelled"},
	}
	for _, tt := range tests {
		err := tt.o.Validate(a, london, testNow)
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok %v", tt.name, err, tt.ok)
		}
		if tt.ok && tt.o.ReasonText() != tt.text {
			t.Errorf("%s: text %q, want %q", tt.name, tt.o.ReasonText(), tt.text)
		}
	}
}
