package elective

import "testing"

// TestRescheduleValidate: a move needs a new slot, a structured reason
// saying who asked (patient cancellations count against the patient,
// hospital ones never do: rules.md 3.2, 3.5), a note for "other" reasons,
// and how the patient was told (the DNA rules' evidence, rules.md 1.5.2).
func TestRescheduleValidate(t *testing.T) {
	tests := []struct {
		name   string
		req    RescheduleRequest
		fields []string
		by     AppointmentStatus
	}{
		{"patient asked", RescheduleRequest{SlotID: 1, ReasonCode: "P1", Communicated: CommunicatedByPhone}, nil, AppointmentCancelledPatient},
		{"hospital moved it", RescheduleRequest{SlotID: 1, ReasonCode: "H1", Communicated: CommunicatedByLetter}, nil, AppointmentCancelledHospital},
		{"other needs a note", RescheduleRequest{SlotID: 1, ReasonCode: "H9", Communicated: CommunicatedByLetter}, []string{"note"}, ""},
		{"other with a note", RescheduleRequest{SlotID: 1, ReasonCode: "P9", Note: " moving house ", Communicated: CommunicatedByLetter}, nil, AppointmentCancelledPatient},
		{"nothing chosen", RescheduleRequest{}, []string{"slot_id", "reason_code", "communicated"}, ""},
		{"unknown reason code", RescheduleRequest{SlotID: 1, ReasonCode: "X1", Communicated: CommunicatedByLetter}, []string{"reason_code"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reason, err := tt.req.Validate()
			got := fieldsOf(err)
			if len(got) != len(tt.fields) {
				t.Fatalf("fields = %v, want %v", got, tt.fields)
			}
			for i := range got {
				if got[i] != tt.fields[i] {
					t.Fatalf("fields = %v, want %v", got, tt.fields)
				}
			}
			if tt.by != "" && reason.By != tt.by {
				t.Errorf("by = %s, want %s", reason.By, tt.by)
			}
		})
	}
	r := RescheduleRequest{Note: "moving house"}
	if got := r.Text(FindCancellationReason("P9")); got != "Other reason given by the patient: moving house" {
		t.Errorf("Text = %q", got)
	}
}

func fieldsOf(err error) []string {
	var out []string
	if e, ok := err.(*Error); ok {
		for _, f := range e.Fields {
			out = append(out, f.Field)
		}
	}
	return out
}
