package rtt

import (
	"testing"

	"github.com/openelective/elective"
)

// TestPatientDelay is rules.md 1.7.1, 1.7.2 and 1.8.1: a patient may
// choose to wait; the clock never pauses; over six weeks a clinician
// reviews; a request without a date is refused.
func TestPatientDelay(t *testing.T) {
	delay := func(date, until string) *elective.PathwayEvent {
		return ev(date, elective.EventDelayRequested, func(e *elective.PathwayEvent) { e.DelayUntil = elective.MustParseDate(until) })
	}
	ref := ev("2025-01-06", elective.EventReferralReceived, paper)
	tests := []struct {
		name   string
		events []*elective.PathwayEvent
		review bool
		err    bool
	}{
		{"six weeks exactly: no review", []*elective.PathwayEvent{ref, delay("2025-02-03", "2025-03-17")}, false, false},
		{"over six weeks: review (1.7.2)", []*elective.PathwayEvent{ref, delay("2025-02-03", "2025-03-18")}, true, false},
		{"reviewed in clinic", []*elective.PathwayEvent{ref, delay("2025-02-03", "2025-05-01"),
			ev("2025-02-10", elective.EventAttended, first, outcome("20"))}, false, false},
		{"no date", []*elective.PathwayEvent{ref, ev("2025-02-03", elective.EventDelayRequested)}, false, true},
	}
	for _, tt := range tests {
		res, err := Derive(Pathway{Priority: elective.PriorityRoutine, Events: tt.events}, DefaultPolicy())
		if (err != nil) != tt.err {
			t.Fatalf("%s: err %v", tt.name, err)
		}
		if err != nil {
			continue
		}
		if res.ReviewNeeded != tt.review || res.Current().Start.String() != "2025-01-06" {
			t.Errorf("%s: review %v, period %+v; the clock must not pause", tt.name, res.ReviewNeeded, res.Current())
		}
	}
}

// TestThinkingTime is rules.md 1.7.12: the clock continues; after 14 days
// without agreed next steps a discussion is due; a decision ends it.
func TestThinkingTime(t *testing.T) {
	events := []*elective.PathwayEvent{
		ev("2025-01-06", elective.EventReferralReceived, paper),
		ev("2025-02-03", elective.EventAttended, first, outcome("20")),
		ev("2025-02-03", elective.EventTreatmentOffered),
	}
	res, err := Derive(Pathway{Priority: elective.PriorityRoutine, Events: events}, DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	for census, want := range map[string]bool{"2025-02-17": false, "2025-02-18": true} {
		due, from := res.ThinkingTimeDue(elective.MustParseDate(census))
		tasks := res.Tasks(elective.MustParseDate(census), DefaultPolicy())
		if due != want || from.String() != "2025-02-18" || (len(tasks) > 0) != want {
			t.Errorf("census %s: due %v from %s, tasks %v; want due %v", census, due, from, tasks, want)
		}
	}
	events = append(events, ev("2025-02-20", elective.EventDecisionToTreat))
	res, _ = Derive(Pathway{Priority: elective.PriorityRoutine, Events: events}, DefaultPolicy())
	if due, _ := res.ThinkingTimeDue(elective.MustParseDate("2025-03-01")); due || res.ListType != elective.ListAdmitted {
		t.Error("a decision to treat ends thinking time")
	}
}

// TestPatientCancellations is the local policy of rules.md 3.2: the second
// patient cancellation asks for a clinician's review; hospital
// cancellations never count (3.5); a new period starts the count again.
func TestPatientCancellations(t *testing.T) {
	cancel := func(date string, by elective.CancelledBy) *elective.PathwayEvent {
		return ev(date, elective.EventCancelled, func(e *elective.PathwayEvent) { e.By = by })
	}
	ref := ev("2025-01-06", elective.EventReferralReceived, paper)
	tests := []struct {
		name   string
		events []*elective.PathwayEvent
		count  int
		due    bool
	}{
		{"one patient cancellation", []*elective.PathwayEvent{ref, cancel("2025-02-01", elective.CancelledByPatient)}, 1, false},
		{"second patient cancellation", []*elective.PathwayEvent{ref, cancel("2025-02-01", elective.CancelledByPatient),
			cancel("2025-03-01", elective.CancelledByPatient)}, 2, true},
		{"hospital cancellations do not count", []*elective.PathwayEvent{ref, cancel("2025-02-01", elective.CancelledByPatient),
			cancel("2025-03-01", elective.CancelledByProvider)}, 1, false},
	}
	pol := DefaultPolicy()
	for _, tt := range tests {
		res, err := Derive(Pathway{Priority: elective.PriorityRoutine, Events: tt.events}, pol)
		if err != nil {
			t.Fatal(err)
		}
		if res.PatientCancellations != tt.count || res.CancellationReviewDue(pol) != tt.due {
			t.Errorf("%s: count %d due %v", tt.name, res.PatientCancellations, res.CancellationReviewDue(pol))
		}
	}
	off := pol
	off.PatientCancellationsBeforeReview = 0
	res, _ := Derive(Pathway{Priority: elective.PriorityRoutine, Events: tests[1].events}, off)
	if res.CancellationReviewDue(off) {
		t.Error("a limit of 0 never asks for a review")
	}
}
