package elective

import (
	"testing"
	"time"
)

// TestDateArithmetic checks day counting against the time package across
// leap years, month ends and centuries.
func TestDateArithmetic(t *testing.T) {
	start := time.Date(1899, 12, 25, 12, 0, 0, 0, time.UTC)
	for i := 0; i < 200*366; i += 7 {
		tm := start.AddDate(0, 0, i)
		d := Date{tm.Year(), tm.Month(), tm.Day()}
		if got := DateFromDays(d.Days()); got != d {
			t.Fatalf("round trip %v → %d → %v", d, d.Days(), got)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%v weekday %v, want %v", d, d.Weekday(), tm.Weekday())
		}
		if got := d.AddDays(10); got.String() != tm.AddDate(0, 0, 10).Format(DateLayout) {
			t.Fatalf("%v + 10 = %v", d, got)
		}
	}
	if n := MustParseDate("2025-05-08").DaysSince(MustParseDate("2025-01-02")); n != 126 {
		t.Fatalf("DaysSince = %d, want 126", n)
	}
	if NewDate(2025, time.April, 31) != MustParseDate("2025-05-01") {
		t.Fatal("NewDate does not normalise 31 April")
	}
}

// TestDateOfClockChange checks the calendar date of instants near midnight
// in London on both sides of a clock change.
func TestDateOfClockChange(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no tzdata")
	}
	tests := []struct {
		utc  time.Time
		want string
	}{
		{time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC), "2026-07-01"},  // BST: 00:30 on 1 July
		{time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), "2026-12-31"}, // GMT
	}
	for _, tt := range tests {
		if got := DateOf(tt.utc, london).String(); got != tt.want {
			t.Errorf("DateOf(%v) = %s, want %s", tt.utc, got, tt.want)
		}
	}
	// A 09:00 clinic stays at 09:00 across the October change.
	before := MustParseDate("2026-10-19").At(9, 0, london)
	after := MustParseDate("2026-10-26").At(9, 0, london)
	if before.UTC().Hour() != 8 || after.UTC().Hour() != 9 {
		t.Fatalf("09:00 London = %v and %v UTC", before.UTC(), after.UTC())
	}
}

// TestParseDateRefusesNonsense checks malformed dates are errors.
func TestParseDateRefusesNonsense(t *testing.T) {
	for _, s := range []string{"", "2025-02-30", "02/01/2025", "2025-1-2", "yesterday"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) succeeded", s)
		}
	}
}

// FuzzDateRoundTrip checks day numbers and dates convert both ways.
func FuzzDateRoundTrip(f *testing.F) {
	f.Add(int64(0))
	f.Add(int64(-719468))
	f.Fuzz(func(t *testing.T, n int64) {
		if n < -1e7 || n > 1e7 {
			return
		}
		if got := DateFromDays(n).Days(); got != n {
			t.Fatalf("%d → %v → %d", n, DateFromDays(n), got)
		}
	})
}

func TestDateCompareZeroLast(t *testing.T) {
	a, b, zero := MustParseDate("2026-01-05"), MustParseDate("2026-01-06"), Date{}
	for _, tt := range []struct {
		d, e Date
		want int
	}{{a, b, -1}, {b, a, 1}, {a, a, 0}, {a, zero, -1}, {zero, a, 1}, {zero, zero, 0}} {
		if got := tt.d.CompareZeroLast(tt.e); got != tt.want {
			t.Errorf("%v.CompareZeroLast(%v) = %d, want %d", tt.d, tt.e, got, tt.want)
		}
	}
}
