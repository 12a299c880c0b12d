package calendar

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

func days(ss ...string) []elective.Date {
	var out []elective.Date
	for _, s := range ss {
		out = append(out, day(s))
	}
	return out
}

// TestDates is the pattern table. In 2026, January's Mondays are 5, 12,
// 19, 26; March, June, September and December have five Tuesdays.
func TestDates(t *testing.T) {
	tests := []struct {
		name     string
		r        Recurrence
		from, to string
		want     []elective.Date
	}{
		{"weekly Monday", Recurrence{Weekday: time.Monday, Every: 1}, "2026-01-01", "2026-01-31",
			days("2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26")},
		{"Every 0 is weekly", Recurrence{Weekday: time.Monday}, "2026-01-01", "2026-01-13",
			days("2026-01-05", "2026-01-12")},
		{"range ends are inclusive", Recurrence{Weekday: time.Monday}, "2026-01-05", "2026-01-12",
			days("2026-01-05", "2026-01-12")},
		{"fortnightly Tuesday from its anchor", Recurrence{Weekday: time.Tuesday, Every: 2, Anchor: day("2026-01-06")},
			"2026-01-01", "2026-02-28", days("2026-01-06", "2026-01-20", "2026-02-03", "2026-02-17")},
		{"the anchor picks the other fortnight", Recurrence{Weekday: time.Tuesday, Every: 2, Anchor: day("2026-01-13")},
			"2026-01-01", "2026-02-28", days("2026-01-13", "2026-01-27", "2026-02-10", "2026-02-24")},
		{"nothing before the anchor, the first session", Recurrence{Weekday: time.Tuesday, Every: 2, Anchor: day("2026-01-13")},
			"2025-12-01", "2026-01-20", days("2026-01-13")},
		{"fortnightly from mid-range keeps the anchor's phase", Recurrence{Weekday: time.Tuesday, Every: 2, Anchor: day("2026-01-06")},
			"2026-03-01", "2026-03-31", days("2026-03-03", "2026-03-17", "2026-03-31")},
		{"every 3 weeks", Recurrence{Weekday: time.Friday, Every: 3, Anchor: day("2026-01-02")},
			"2026-01-01", "2026-02-28", days("2026-01-02", "2026-01-23", "2026-02-13")},
		{"1st and 3rd Monday", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{1, 3}}, "2026-01-01", "2026-03-31",
			days("2026-01-05", "2026-01-19", "2026-02-02", "2026-02-16", "2026-03-02", "2026-03-16")},
		{"last Friday", Recurrence{Weekday: time.Friday, WeeksOfMonth: []int{LastWeek}}, "2026-01-01", "2026-03-31",
			days("2026-01-30", "2026-02-27", "2026-03-27")},
		{"5th Tuesday only in months that have one", Recurrence{Weekday: time.Tuesday, WeeksOfMonth: []int{5}}, "2026-01-01", "2026-12-31",
			days("2026-03-31", "2026-06-30", "2026-09-29", "2026-12-29")},
		{"1st and last Monday of a five-Monday month", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{1, LastWeek}},
			"2026-03-01", "2026-03-31", days("2026-03-02", "2026-03-30")},
		{"4th and last are one date in a four-Monday month", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{4, LastWeek}},
			"2026-02-01", "2026-02-28", days("2026-02-23")},
		{"backwards range", Recurrence{Weekday: time.Monday}, "2026-01-31", "2026-01-01", nil},
		{"no weekday in range", Recurrence{Weekday: time.Monday}, "2026-01-06", "2026-01-11", nil},
		{"invalid pattern holds nothing", Recurrence{Weekday: time.Monday, Every: 9}, "2026-01-01", "2026-01-31", nil},
		{"unknown end", Recurrence{Weekday: time.Monday}, "2026-01-01", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.r.Dates(parseOrZero(tt.from), parseOrZero(tt.to))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Dates(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
			for _, d := range got {
				if !tt.r.Occurs(d) {
					t.Errorf("Dates lists %s but Occurs(%s) is false", d, d)
				}
			}
		})
	}
}

func parseOrZero(s string) elective.Date {
	if s == "" {
		return elective.Date{}
	}
	return day(s)
}

// TestOccurs checks single dates, including off-weekday and off-phase ones.
func TestOccurs(t *testing.T) {
	fortnightly := Recurrence{Weekday: time.Tuesday, Every: 2, Anchor: day("2026-01-06")}
	lastFriday := Recurrence{Weekday: time.Friday, WeeksOfMonth: []int{LastWeek}}
	tests := []struct {
		r    Recurrence
		date string
		want bool
		why  string
	}{
		{fortnightly, "2026-01-06", true, "the anchor itself"},
		{fortnightly, "2026-01-13", false, "the off week"},
		{fortnightly, "2025-12-23", false, "before the anchor, though in phase"},
		{fortnightly, "2026-01-07", false, "a Wednesday"},
		{lastFriday, "2026-07-31", true, "31 Jul 2026 is the last Friday"},
		{lastFriday, "2026-07-24", false, "24 Jul 2026 is the 4th, not the last"},
	}
	for _, tt := range tests {
		if got := tt.r.Occurs(day(tt.date)); got != tt.want {
			t.Errorf("Occurs(%s) = %v, want %v: %s", tt.date, got, tt.want, tt.why)
		}
	}
}

// TestRecurrenceValidate: each mistake is named against its form field.
func TestRecurrenceValidate(t *testing.T) {
	tests := []struct {
		name  string
		r     Recurrence
		field string // "" for valid
		msg   string // part of the message
	}{
		{"weekly", Recurrence{Weekday: time.Monday}, "", ""},
		{"fortnightly with anchor", Recurrence{Weekday: time.Tuesday, Every: 2, Anchor: day("2026-01-06")}, "", ""},
		{"every 8 weeks is the limit", Recurrence{Weekday: time.Tuesday, Every: 8, Anchor: day("2026-01-06")}, "", ""},
		{"weekday out of range", Recurrence{Weekday: 7}, "weekday", "day of the week"},
		{"negative weekday", Recurrence{Weekday: -1}, "weekday", "day of the week"},
		{"every 9 weeks", Recurrence{Weekday: time.Monday, Every: 9, Anchor: day("2026-01-05")}, "every", "1 to 8 weeks"},
		{"negative every", Recurrence{Weekday: time.Monday, Every: -1}, "every", "1 to 8 weeks"},
		{"week 6", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{1, 6}}, "weeks_of_month", "not 6"},
		{"week 0", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{0}}, "weeks_of_month", "not 0"},
		{"week -2", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{-2}}, "weeks_of_month", "not -2"},
		{"duplicate week", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{1, 3, 1}}, "weeks_of_month", "The 1st week is chosen more than once"},
		{"duplicate last", Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{-1, -1}}, "weeks_of_month", "The last week"},
		{"both interval and weeks", Recurrence{Weekday: time.Monday, Every: 2, Anchor: day("2026-01-05"), WeeksOfMonth: []int{1}},
			"weeks_of_month", "not both"},
		{"fortnightly without anchor", Recurrence{Weekday: time.Monday, Every: 2}, "anchor", "first session"},
		{"anchor on the wrong weekday", Recurrence{Weekday: time.Monday, Every: 2, Anchor: day("2026-01-06")},
			"anchor", "Tue 6 Jan 2026, is a Tuesday, not a Monday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblem(t, tt.r.Validate(), tt.field, tt.msg)
		})
	}
}

// checkProblem asserts err is valid ("" field) or an EINVALID error with a
// problem on field whose message contains msg.
func checkProblem(t *testing.T, err error, field, msg string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Errorf("Validate() = %v, want valid", err)
		}
		return
	}
	if code := elective.ErrorCode(err); code != elective.EINVALID {
		t.Fatalf("Validate() = %v (code %q), want an EINVALID error", err, code)
	}
	for _, f := range elective.ErrorFields(err) {
		if f.Field == field && strings.Contains(f.Message, msg) {
			return
		}
	}
	t.Errorf("Validate() = %v, want a problem on %q containing %q", err, field, msg)
}
