package theatre

import (
	"math"
	"testing"

	"github.com/openelective/elective"
)

// TestUtilisation: booked over session minutes, and capped per session
// (Model Hospital capped utilisation, rules.md 3.6); released sessions
// are left out.
func TestUtilisation(t *testing.T) {
	cases := func(minutes ...int) []*elective.TheatreCase {
		var out []*elective.TheatreCase
		for _, m := range minutes {
			out = append(out, &elective.TheatreCase{Minutes: m, Status: elective.CaseBooked})
		}
		return out
	}
	over := &elective.TheatreSession{Minutes: 240, Status: elective.SessionLocked, Cases: cases(150, 150)} // 300 of 240
	half := &elective.TheatreSession{Minutes: 240, Status: elective.SessionPlanned, Cases: cases(60, 60)}  // 120 of 240
	done := &elective.TheatreSession{Minutes: 240, Status: elective.SessionLocked, Cases: []*elective.TheatreCase{
		{Minutes: 200, Status: elective.CaseDone}, {Minutes: 100, Status: elective.CaseCancelled}}} // 200 of 240
	notDone := &elective.TheatreSession{Minutes: 240, Status: elective.SessionLocked, Cases: []*elective.TheatreCase{
		{Minutes: 120, Status: elective.CaseDone}, {Minutes: 90, Status: elective.CaseDone, NotPerformed: true}}} // 120 of 240
	empty := &elective.TheatreSession{Minutes: 240, Status: elective.SessionPlanned}
	released := &elective.TheatreSession{Minutes: 240, Status: elective.SessionReleased, Cases: cases(240)}
	for _, tt := range []struct {
		name          string
		sessions      []*elective.TheatreSession
		booked, total int
		pct, capped   float64
	}{
		{"none", nil, 0, 0, 0, 0},
		{"released only", []*elective.TheatreSession{released}, 0, 0, 0, 0},
		{"over-run hides the half-empty list uncapped", []*elective.TheatreSession{over, half}, 420, 480, 87.5, 75},
		{"done cases count, cancelled do not", []*elective.TheatreSession{done}, 200, 240, 83.333, 83.333},
		{"admitted, procedure not performed: no theatre time used (1.3.4)", []*elective.TheatreSession{notDone}, 120, 240, 50, 50},
		{"empty and released", []*elective.TheatreSession{over, empty, released, nil}, 300, 480, 62.5, 50},
	} {
		b, tot, p, c := Utilisation(tt.sessions)
		if b != tt.booked || tot != tt.total || math.Abs(p-tt.pct) > 0.001 || math.Abs(c-tt.capped) > 0.001 {
			t.Errorf("%s: %d of %d, %.3f%%, capped %.3f%%; want %d of %d, %.3f%%, %.3f%%", tt.name, b, tot, p, c, tt.booked, tt.total, tt.pct, tt.capped)
		}
	}
}

// TestEstimateDuration: median and quartiles of past cases, or the listed
// minutes with fewer than three (service EstimateDuration).
func TestEstimateDuration(t *testing.T) {
	for _, tt := range []struct {
		name    string
		samples []int
		want    elective.DurationEstimate
	}{
		{"no history", nil, elective.DurationEstimate{Minutes: 45, Low: 45, High: 45}},
		{"two cases are not enough", []int{30, 90}, elective.DurationEstimate{Minutes: 45, Low: 45, High: 45}},
		{"bad samples ignored", []int{0, -5, 60, 70}, elective.DurationEstimate{Minutes: 45, Low: 45, High: 45}},
		{"three", []int{70, 50, 60}, elective.DurationEstimate{Minutes: 60, Low: 55, High: 65, Samples: 3}},
		{"four, interpolated", []int{40, 60, 50, 90}, elective.DurationEstimate{Minutes: 55, Low: 48, High: 68, Samples: 4}},
		{"one long case barely moves the median", []int{50, 55, 60, 65, 240}, elective.DurationEstimate{Minutes: 60, Low: 55, High: 65, Samples: 5}},
		{"all the same", []int{30, 30, 30, 30}, elective.DurationEstimate{Minutes: 30, Low: 30, High: 30, Samples: 4}},
	} {
		if got := EstimateDuration(tt.samples, 45); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
