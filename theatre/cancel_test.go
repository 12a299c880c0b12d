package theatre

import (
	"testing"
	"time"

	"github.com/openelective/elective"
)

// TestClassifyCancellation: the 28-day rule applies to last-minute
// cancellations for non-clinical reasons (rules.md 2.1, TS-110..113).
func TestClassifyCancellation(t *testing.T) {
	planned := d("2025-03-03")
	for _, tt := range []struct {
		name                   string
		reason                 elective.OperationCancelReason
		onTheDay               bool
		days                   int
		lastMinute, guaranteed bool
		rebookBy               string
	}{
		{"TS-110 on the day, no bed", elective.CancelNoWardBed, true, 28, true, true, "2025-03-31"},
		{"TS-110 default period", elective.CancelNoWardBed, true, 0, true, true, "2025-03-31"},
		{"TS-112 two days before, bed pressures", elective.CancelNoWardBed, false, 28, false, false, ""},
		{"TS-113 on the day, patient unwell", elective.CancelPatientUnwell, true, 28, true, false, ""},
		{"on the day, treatment not required", elective.CancelNotRequired, true, 28, true, false, ""},
		{"on the day, the patient cancelled", elective.CancelPatientCancelled, true, 28, true, false, ""},
		{"rules.md 2.1.4 list over-ran", elective.CancelListOverran, true, 28, true, true, "2025-03-31"},
		{"rules.md 2.1.4 no critical care bed", elective.CancelNoCriticalCare, true, 28, true, true, "2025-03-31"},
		{"stricter local period", elective.CancelEquipment, true, 21, true, true, "2025-03-24"},
	} {
		lm, g, by := ClassifyCancellation(planned, tt.reason, tt.onTheDay, tt.days)
		var want elective.Date
		if tt.rebookBy != "" {
			want = d(tt.rebookBy)
		}
		if lm != tt.lastMinute || g != tt.guaranteed || by != want {
			t.Errorf("%s: last minute %v guaranteed %v by %s, want %v %v %s", tt.name, lm, g, by, tt.lastMinute, tt.guaranteed, want)
		}
	}
}

// TestIsPostponement: rebooked within 24 hours of the original time is a
// postponement, not a cancellation (rules.md 2.1.5, TS-111).
func TestIsPostponement(t *testing.T) {
	london := time.FixedZone("GMT", 0)
	orig := time.Date(2025, 3, 3, 13, 30, 0, 0, london)
	for _, tt := range []struct {
		name     string
		rebooked time.Time
		hours    int
		want     bool
	}{
		{"TS-111 next morning", time.Date(2025, 3, 4, 8, 30, 0, 0, london), 24, true},
		{"exactly 24 hours", orig.Add(24 * time.Hour), 24, true},
		{"24 hours and a minute", orig.Add(24*time.Hour + time.Minute), 24, false},
		{"later the same day", orig.Add(3 * time.Hour), 24, true},
		{"two days later", orig.Add(48 * time.Hour), 24, false},
		{"setting 0: never", orig.Add(time.Hour), 0, false},
		{"unknown new time", time.Time{}, 24, false},
	} {
		if got := IsPostponement(orig, tt.rebooked, tt.hours); got != tt.want {
			t.Errorf("%s: postponement %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTwentyEightDayStatus: open with days left, met, late, or breached
// when 28 days pass untreated (rules.md 2.1.6, TS-110).
func TestTwentyEightDayStatus(t *testing.T) {
	op := func(guaranteed bool, newDate string) *elective.CancelledOperation {
		o := &elective.CancelledOperation{PlannedOn: d("2025-03-03"), Guaranteed: guaranteed}
		if guaranteed {
			o.RebookBy = d("2025-03-31")
		}
		if newDate != "" {
			o.NewDate = d(newDate)
		}
		return o
	}
	postponed := op(true, "")
	postponed.Postponed = true
	noBy := op(true, "")
	noBy.RebookBy = elective.Date{}
	for _, tt := range []struct {
		name     string
		op       *elective.CancelledOperation
		today    string
		state    RebookState
		daysLeft int
		breach   bool
		text     string
	}{
		{"TS-113 clinical: not applicable", op(false, ""), "2025-04-10", RebookNotApplicable, 0, false, "Outside"},
		{"TS-111 postponed", postponed, "2025-04-10", RebookNotApplicable, 0, false, "Outside"},
		{"nil", nil, "2025-04-10", RebookNotApplicable, 0, false, "Outside"},
		{"TS-110 day 0", op(true, ""), "2025-03-03", RebookOpen, 28, false, "Rebook by 31 Mar 2025 (28 days left)"},
		{"TS-110 day 27", op(true, ""), "2025-03-30", RebookOpen, 1, false, "(1 day left)"},
		{"TS-110 day 28 still open", op(true, ""), "2025-03-31", RebookOpen, 0, false, "(0 days left)"},
		{"TS-110 day 29 breached", op(true, ""), "2025-04-01", RebookBreached, 0, true, "Not rebooked by 31 Mar 2025: a 28-day breach"},
		{"no RebookBy recorded", noBy, "2025-04-01", RebookBreached, 0, true, "31 Mar 2025"},
		{"rebooked on day 28", op(true, "2025-03-31"), "2025-03-10", RebookMet, 0, false, "Rebooked for 31 Mar 2025, within the 28 days"},
		{"rebooked within, limit passed", op(true, "2025-03-20"), "2025-05-01", RebookMet, 0, false, "within"},
		{"rebooked late, limit to come", op(true, "2025-04-02"), "2025-03-10", RebookLate, 0, false, "find a date by then"},
		{"rebooked late, limit passed", op(true, "2025-04-02"), "2025-04-01", RebookLate, 0, true, "after the limit of 31 Mar 2025"},
	} {
		got := TwentyEightDayStatus(tt.op, d(tt.today))
		if got.State != tt.state || got.DaysLeft != tt.daysLeft || got.Breach != tt.breach || !contains(got.Text, tt.text) {
			t.Errorf("%s: %+v, want %s %d days breach %v %q", tt.name, got, tt.state, tt.daysLeft, tt.breach, tt.text)
		}
	}
}
