package elective

import "testing"

// TestTriageDecisionValidate: each triage decision needs what it acts on:
// a priority to accept, a specialty to redirect, advice to return, a
// reason to reject.
func TestTriageDecisionValidate(t *testing.T) {
	tests := []struct {
		name string
		d    TriageDecision
		ok   bool
	}{
		{"accept with a priority", TriageDecision{Status: TriageAccepted, Priority: PriorityUrgent}, true},
		{"accept without", TriageDecision{Status: TriageAccepted}, false},
		{"accept as a two-week wait", TriageDecision{Status: TriageAccepted, Priority: PriorityTwoWeekWait}, true},
		{"accept with an unknown priority", TriageDecision{Status: TriageAccepted, Priority: "soon"}, false},
		{"redirect with a specialty", TriageDecision{Status: TriageRedirected, SpecialtyID: 2}, true},
		{"redirect without", TriageDecision{Status: TriageRedirected}, false},
		{"return with advice", TriageDecision{Status: TriageReturned, Note: "Try physiotherapy first"}, true},
		{"return without", TriageDecision{Status: TriageReturned}, false},
		{"reject with a reason", TriageDecision{Status: TriageRejected, Note: "Not commissioned"}, true},
		{"reject without", TriageDecision{Status: TriageRejected, Note: "  "}, false},
		{"no decision", TriageDecision{}, false},
	}
	for _, tt := range tests {
		if err := tt.d.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}
