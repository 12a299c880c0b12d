package rtt

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// ev builds an event from a compact description: "2025-01-02 referral-received".
func ev(date string, kind elective.EventKind, edit ...func(*elective.PathwayEvent)) *elective.PathwayEvent {
	e := &elective.PathwayEvent{Date: elective.MustParseDate(date), Kind: kind}
	for _, f := range edit {
		f(e)
	}
	return e
}

func paper(e *elective.PathwayEvent) { e.Source = elective.SourcePaper }
func first(e *elective.PathwayEvent) { e.First = true }
func told(e *elective.PathwayEvent)  { e.Communicated = true }
func outcome(c string) func(*elective.PathwayEvent) {
	return func(e *elective.PathwayEvent) { e.Outcome = elective.RTTStatus(c) }
}

// TestDeriveFirstClock is the table of the first clock's rules, each case
// naming the rule it checks.
func TestDeriveFirstClock(t *testing.T) {
	ref := ev("2025-01-02", elective.EventReferralReceived, paper)
	booked := ev("2025-01-05", elective.EventAppointmentBooked, first, told)
	tests := []struct {
		rule     string
		priority elective.Priority
		events   []*elective.PathwayEvent
		stop     string // "" while open
		status   string
		list     elective.ListType
		review   bool
		err      string
	}{
		{"1.2.2 clock starts on receipt", elective.PriorityRoutine, []*elective.PathwayEvent{ref}, "", "10", elective.ListOutpatientNew, false, ""},
		{"1.9 status 20 keeps the clock running, seen", elective.PriorityRoutine, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventAttended, first, outcome("20"))}, "", "20", elective.ListOutpatientFollowUp, false, ""},
		{"1.3.2 treatment in clinic stops the clock", elective.PriorityRoutine, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventAttended, first, outcome("30"))}, "2025-02-01", "30", "", false, ""},
		{"1.4.1 decision not to treat stops the clock", elective.PriorityRoutine, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventAttended, first, outcome("34"))}, "2025-02-01", "34", "", false, ""},
		{"1.7.10 clinician-initiated active monitoring stops", elective.PriorityRoutine, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventAttended, first, outcome("32"))}, "2025-02-01", "32", "", false, ""},
		{"1.5.2 first DNA stops and nullifies", elective.PriorityRoutine, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventDNA, first)}, "2025-02-01", "33", "", true, ""},
		{"1.5.3, 3.3 two-week-wait first DNA continues; a clinician decides what next", elective.PriorityTwoWeekWait, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventDNA, first)}, "", "10", elective.ListOutpatientNew, true, ""},
		{"1.5.2, 3.3 uncommunicated first DNA continues; a clinician decides what next", elective.PriorityRoutine, []*elective.PathwayEvent{ref,
			ev("2025-01-05", elective.EventAppointmentBooked, first), ev("2025-02-01", elective.EventDNA, first)},
			"", "10", elective.ListOutpatientNew, true, ""},
		{"1.5.2, 3.3 first DNA after a letter that never went out continues; a clinician decides", elective.PriorityRoutine,
			[]*elective.PathwayEvent{ref, booked, ev("2025-02-01", elective.EventDNA, first, func(e *elective.PathwayEvent) { e.Untold = true })},
			"", "10", elective.ListOutpatientNew, true, ""},
		{"1.6.1 cancellation does not stop the clock", elective.PriorityRoutine, []*elective.PathwayEvent{ref, booked,
			ev("2025-01-20", elective.EventCancelled, func(e *elective.PathwayEvent) { e.By = elective.CancelledByPatient })},
			"", "10", elective.ListOutpatientNew, false, ""},
		{"1.9 90 while the clock runs is refused", elective.PriorityRoutine, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventAttended, first, outcome("90"))}, "", "", "", false, "90"},
		{"1.5.3 33 on a two-week wait is refused", elective.PriorityTwoWeekWait, []*elective.PathwayEvent{ref, booked,
			ev("2025-02-01", elective.EventAttended, first, outcome("33"))}, "", "", "", false, "1.5.3"},
		{"1.2.15 no event before the referral", elective.PriorityRoutine, []*elective.PathwayEvent{booked}, "", "", "", false, "no referral"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			res, err := Derive(Pathway{Priority: tt.priority, Events: tt.events}, DefaultPolicy())
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one mentioning %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p := res.Periods[len(res.Periods)-1]
			if p.Stop.String() != tt.stop || string(p.Status) != tt.status || res.ListType != tt.list || res.ReviewNeeded != tt.review {
				t.Fatalf("period %+v list %q review %v; want stop %q status %s list %q review %v",
					p, res.ListType, res.ReviewNeeded, tt.stop, tt.status, tt.list, tt.review)
			}
			if !strings.HasPrefix(p.StartRule, "rules.md 1.2") || (tt.stop != "" && p.StopRule == "") {
				t.Errorf("rules not named: start %q stop %q", p.StartRule, p.StopRule)
			}
		})
	}
}

// TestEventErrorNamesEvent checks a refusal names the event and the rule.
func TestEventErrorNamesEvent(t *testing.T) {
	_, err := Derive(Pathway{Priority: elective.PriorityRoutine, Events: []*elective.PathwayEvent{
		ev("2025-01-02", elective.EventReferralReceived, paper),
		ev("2025-02-01", elective.EventAttended, outcome("30")),
		ev("2025-03-01", elective.EventAdminEvent, outcome("34")),
	}}, DefaultPolicy())
	if err == nil || !strings.Contains(err.Error(), "event 3 (admin-event 34 on 2025-03-01)") || !strings.Contains(err.Error(), "rules.md 1.4.4") {
		t.Fatalf("err = %v", err)
	}
}

// BenchmarkDerive measures the engine on a typical pathway of eight events.
func BenchmarkDerive(b *testing.B) {
	p := Pathway{Priority: elective.PriorityRoutine, Events: []*elective.PathwayEvent{
		ev("2025-01-02", elective.EventReferralReceived, paper),
		ev("2025-01-05", elective.EventAppointmentBooked, first, told),
		ev("2025-02-01", elective.EventAttended, first, outcome("20")),
		ev("2025-02-01", elective.EventDecisionToTreat),
		ev("2025-02-03", elective.EventAdmitted, func(e *elective.PathwayEvent) { e.Purpose = elective.AdmitForPreOp }),
		ev("2025-03-01", elective.EventCancelled, func(e *elective.PathwayEvent) { e.By = elective.CancelledByProvider }),
		ev("2025-03-10", elective.EventAppointmentBooked, told),
		ev("2025-04-01", elective.EventAdmitted, func(e *elective.PathwayEvent) { e.Purpose, e.Treated = elective.AdmitForTreatment, true }),
	}}
	pol := DefaultPolicy()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Derive(p, pol); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEnteredInError: an outcome recorded in error is voided by a later
// entered-in-error event and the clock is derived as if it never happened
// (the correction keeps the log append-only; rules.md 1.12 data quality).
func TestEnteredInError(t *testing.T) {
	seq := func(n int) func(*elective.PathwayEvent) { return func(e *elective.PathwayEvent) { e.Seq = n } }
	voids := func(n int) func(*elective.PathwayEvent) { return func(e *elective.PathwayEvent) { e.Voids = n } }
	ref := ev("2025-01-02", elective.EventReferralReceived, paper, seq(1))
	booked := ev("2025-01-05", elective.EventAppointmentBooked, first, told, seq(2))
	dna := ev("2025-02-01", elective.EventDNA, first, seq(3))
	res, err := Derive(Pathway{Priority: elective.PriorityRoutine, Events: []*elective.PathwayEvent{ref, booked, dna}}, DefaultPolicy())
	if err != nil || res.OnPTL() {
		t.Fatalf("first DNA should nullify: %+v %v", res, err)
	}
	corrected := []*elective.PathwayEvent{ref, booked, dna,
		ev("2025-02-02", elective.EventEnteredInError, voids(3), seq(4)),
		ev("2025-02-01", elective.EventAttended, first, outcome("20"), seq(5))}
	res, err = Derive(Pathway{Priority: elective.PriorityRoutine, Events: corrected}, DefaultPolicy())
	if err != nil || !res.OnPTL() || res.ListType != elective.ListOutpatientFollowUp || res.Current().Start.String() != "2025-01-02" {
		t.Fatalf("after correcting the DNA to attended: %+v %v", res, err)
	}
	for _, bad := range []int{2, 9} { // a booking cannot be voided; nor an event that does not exist
		events := []*elective.PathwayEvent{ref, booked, dna, ev("2025-02-02", elective.EventEnteredInError, voids(bad), seq(4))}
		if _, err := Derive(Pathway{Priority: elective.PriorityRoutine, Events: events}, DefaultPolicy()); err == nil {
			t.Errorf("voiding event %d was accepted", bad)
		}
	}
	twice := append(corrected, ev("2025-02-03", elective.EventEnteredInError, voids(3), seq(6)))
	if _, err := Derive(Pathway{Priority: elective.PriorityRoutine, Events: twice}, DefaultPolicy()); err == nil {
		t.Error("voiding one event twice was accepted")
	}
}
