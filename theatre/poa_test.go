package theatre

import (
	"testing"

	"github.com/openelective/elective"
)

// TestCheckPOA: only a fit assessment still valid on the TCI date makes a
// patient ready for a list (rules.md 3.7).
func TestCheckPOA(t *testing.T) {
	tci := d("2027-02-10")
	fit := func(until string) *elective.PreOpAssessment {
		return &elective.PreOpAssessment{Outcome: elective.PreOpFit, On: d("2026-11-12"), AssessedOn: d("2026-11-12"), ValidUntil: d(until)}
	}
	for _, tt := range []struct {
		name string
		p    *elective.PreOpAssessment
		tci  elective.Date
		want string // "" = OK
	}{
		{"none", nil, tci, "No pre-operative assessment"},
		{"booked", &elective.PreOpAssessment{Outcome: elective.PreOpBooked, On: d("2027-01-12")}, tci,
			"Pre-operative assessment booked for 12 Jan 2027, not yet done"},
		{"not fit", &elective.PreOpAssessment{Outcome: elective.PreOpNotFit, On: d("2027-01-12"), AssessedOn: d("2027-01-12")}, tci,
			"Not fit for surgery at the pre-operative assessment of 12 Jan 2027"},
		{"anaesthetic review", &elective.PreOpAssessment{Outcome: elective.PreOpAnaestheticReview, On: d("2027-01-12")}, tci,
			"Pre-operative assessment of 12 Jan 2027 asks for an anaesthetic review"},
		{"fit, expires before the TCI", fit("2027-02-03"), tci, "Pre-operative assessment expires 3 Feb 2027, before the TCI date"},
		{"fit, expires on the TCI", fit("2027-02-10"), tci, ""},
		{"fit, valid after the TCI", fit("2027-03-01"), tci, ""},
		{"fit, no TCI yet", fit("2027-02-03"), elective.Date{}, ""},
		{"fit, no validity recorded", &elective.PreOpAssessment{Outcome: elective.PreOpFit, AssessedOn: d("2026-01-01")}, tci, ""},
		{"unknown outcome", &elective.PreOpAssessment{Outcome: "maybe"}, tci, `outcome "maybe" is not known`},
	} {
		got := CheckPOA(tt.p, tt.tci)
		if got.OK != (tt.want == "") || (tt.want != "" && !contains(got.Problem, tt.want)) {
			t.Errorf("%s: %+v, want problem %q", tt.name, got, tt.want)
		}
	}
}

// TestPOAValidUntil: a fit assessment is valid for poa.validityDays,
// default 84 (rules.md 3.7, section 5).
func TestPOAValidUntil(t *testing.T) {
	for _, tt := range []struct {
		on   string
		days int
		want string
	}{
		{"2026-11-12", 84, "2027-02-04"},
		{"2026-11-12", 0, "2027-02-04"},  // default
		{"2026-11-12", -5, "2027-02-04"}, // default
		{"2026-11-12", 182, "2027-05-13"},
		{"2024-02-01", 28, "2024-02-29"}, // leap year
	} {
		if got := POAValidUntil(d(tt.on), tt.days); got != d(tt.want) {
			t.Errorf("POAValidUntil(%s, %d) = %s, want %s", tt.on, tt.days, got, tt.want)
		}
	}
	if got := POAValidUntil(elective.Date{}, 84); !got.IsZero() {
		t.Errorf("unknown assessment date: %s", got)
	}
}
