package rtt

import (
	"testing"

	"github.com/openelective/elective"
)

// TestValidationDueDate is rules.md 3.9 and scenarios.md TS-125: validate
// at 12, 26 and 52 weeks unless validated in the previous 12 weeks.
func TestValidationDueDate(t *testing.T) {
	start := elective.MustParseDate("2025-01-02")
	wk := func(w int) elective.Date { return start.AddDays(7 * w) }
	tests := []struct {
		name      string
		validated elective.Date
		due       elective.Date
	}{
		{"never validated: due at 12 weeks", elective.Date{}, wk(12)},
		{"validated at 2 weeks: within 12 weeks before the 12-week milestone", wk(2), wk(26)},
		{"validated at 0 weeks: exactly 12 weeks before", wk(0), wk(26)},
		{"validated at 13 weeks: 13 weeks before the 26-week milestone is not recent enough", wk(13), wk(26)},
		{"validated at 14 weeks: covers 26", wk(14), wk(52)},
		{"validated at 40 weeks: covers 52", wk(40), elective.Date{}},
		{"validated at 39 weeks: not within 12 weeks of 52", wk(39), wk(52)},
		{"TS-125: validated at 6 weeks covers 12, but is 20 weeks before 26", wk(6), wk(26)},
	}
	pol := DefaultPolicy()
	for _, tt := range tests {
		if got := ValidationDueDate(start, tt.validated, pol); got != tt.due {
			t.Errorf("%s: due %s, want %s", tt.name, got, tt.due)
		}
	}
	if !ValidationDue(start, elective.Date{}, wk(12), pol) || ValidationDue(start, elective.Date{}, wk(12).AddDays(-1), pol) {
		t.Error("validation should fall due on the 12-week day, not before")
	}
}

// TestValidatedEvent checks a validation moves the due date and has no
// clock effect, and that a "clinical check" result asks for a clinician.
func TestValidatedEvent(t *testing.T) {
	validated := func(date string, r elective.ValidationResult) *elective.PathwayEvent {
		return ev(date, elective.EventValidated, func(e *elective.PathwayEvent) { e.Validation = r })
	}
	p := Pathway{Priority: elective.PriorityRoutine, Events: []*elective.PathwayEvent{
		ev("2025-01-02", elective.EventReferralReceived, paper),
		validated("2025-04-01", elective.ValidationConfirmed),
	}}
	res, err := Derive(p, DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	if res.LastValidated.String() != "2025-04-01" || res.Current() == nil || res.ReviewNeeded {
		t.Fatalf("result %+v", res)
	}
	census := elective.MustParseDate("2025-04-20")
	for _, task := range res.Tasks(census, DefaultPolicy()) {
		if task == TaskValidationDue {
			t.Error("validated 19 days ago at 13 weeks: validation should not be due")
		}
	}
	p.Events = append(p.Events, validated("2025-04-21", elective.ValidationClinicalCheck))
	if res, _ = Derive(p, DefaultPolicy()); !res.ReviewNeeded {
		t.Error("a clinical-check validation should ask for a clinician's review")
	}
	p.Events = append(p.Events, validated("2025-04-22", ""))
	if _, err := Derive(p, DefaultPolicy()); err == nil {
		t.Error("a validation without a result should be refused")
	}
}
