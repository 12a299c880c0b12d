package calendar

import (
	"slices"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// held lists regular (pattern) sessions.
func held(ss ...string) []Occurrence {
	var out []Occurrence
	for _, d := range days(ss...) {
		out = append(out, Occurrence{Date: d})
	}
	return out
}

func extra(s, reason string) Occurrence { return Occurrence{Date: day(s), Extra: true, Reason: reason} }

func weekly(wd time.Weekday, from string, skipBH bool, exs ...Exception) Schedule {
	return Schedule{Recurrence: Recurrence{Weekday: wd}, EffectiveFrom: day(from), SkipBankHolidays: skipBH, Exceptions: exs}
}

func closed(s, reason string) Exception  { return Exception{Date: day(s), Kind: Closed, Reason: reason} }
func extraEx(s, reason string) Exception { return Exception{Date: day(s), Kind: Extra, Reason: reason} }

// TestSessions is the schedule table. Mondays in January 2026 are 5, 12,
// 19, 26; Fridays in December 2026 are 4, 11, 18, 25.
func TestSessions(t *testing.T) {
	bounded := weekly(time.Monday, "2026-01-12", false)
	bounded.EffectiveTo = day("2026-01-26")
	tests := []struct {
		name     string
		s        Schedule
		from, to string
		want     []Occurrence
	}{
		{"effective dates bound the pattern", bounded, "2026-01-01", "2026-02-28",
			held("2026-01-12", "2026-01-19", "2026-01-26")},
		{"a zero EffectiveTo is open", weekly(time.Monday, "2026-01-12", false), "2026-01-01", "2026-02-02",
			held("2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02")},
		{"Christmas 2026: Fri 25 Dec skipped", weekly(time.Friday, "2026-01-01", true), "2026-12-01", "2026-12-31",
			held("2026-12-04", "2026-12-11", "2026-12-18")},
		{"Christmas 2026: Mon 28 Dec, substitute Boxing Day, skipped", weekly(time.Monday, "2026-01-01", true), "2026-12-01", "2026-12-31",
			held("2026-12-07", "2026-12-14", "2026-12-21")},
		{"bank holidays held when not skipped", weekly(time.Friday, "2026-01-01", false), "2026-12-01", "2026-12-31",
			held("2026-12-04", "2026-12-11", "2026-12-18", "2026-12-25")},
		{"Easter 2027: Good Friday 26 Mar skipped", weekly(time.Friday, "2027-01-01", true), "2027-03-01", "2027-03-31",
			held("2027-03-05", "2027-03-12", "2027-03-19")},
		{"Easter 2027: Easter Monday 29 Mar skipped", weekly(time.Monday, "2027-01-01", true), "2027-03-01", "2027-03-31",
			held("2027-03-01", "2027-03-08", "2027-03-15", "2027-03-22")},
		{"a Closed exception removes its date", weekly(time.Monday, "2026-01-01", true, closed("2026-01-19", "Study leave")),
			"2026-01-01", "2026-01-31", held("2026-01-05", "2026-01-12", "2026-01-26")},
		{"an Extra adds an off-pattern date, in order", weekly(time.Monday, "2026-01-01", true, extraEx("2026-01-10", "Waiting-list initiative")),
			"2026-01-01", "2026-01-13", slices.Concat(held("2026-01-05"), []Occurrence{extra("2026-01-10", "Waiting-list initiative")}, held("2026-01-12"))},
		{"an Extra on a date already held is not duplicated", weekly(time.Monday, "2026-01-01", true, extraEx("2026-01-12", "Extra list")),
			"2026-01-01", "2026-01-13", held("2026-01-05", "2026-01-12")},
		{"an Extra on a bank holiday brings the clinic back", weekly(time.Monday, "2026-01-01", true, extraEx("2026-12-28", "Winter pressures")),
			"2026-12-20", "2026-12-31", slices.Concat(held("2026-12-21"), []Occurrence{extra("2026-12-28", "Winter pressures")})},
		{"an Extra outside the effective dates is not held", weekly(time.Monday, "2026-01-12", true, extraEx("2026-01-10", "Too early")),
			"2026-01-01", "2026-01-13", held("2026-01-12")},
		{"an Extra outside the range is not listed", weekly(time.Monday, "2026-01-01", true, extraEx("2026-02-07", "Later")),
			"2026-01-01", "2026-01-13", held("2026-01-05", "2026-01-12")},
		{"a range before the schedule starts is empty", weekly(time.Monday, "2026-06-01", true), "2026-01-01", "2026-01-31", nil},
		{"an invalid schedule holds nothing", Schedule{Recurrence: Recurrence{Weekday: time.Monday}}, "2026-01-01", "2026-01-31", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.Sessions(day(tt.from), day(tt.to))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sessions(%s, %s) =\n %v\nwant\n %v", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

// TestSkipped: staff see why a week has no clinic.
func TestSkipped(t *testing.T) {
	tests := []struct {
		name     string
		s        Schedule
		from, to string
		want     []Skip
	}{
		{"bank holiday and closure, with reasons", weekly(time.Monday, "2026-01-01", true, closed("2026-12-14", "Consultant on study leave")),
			"2026-12-01", "2026-12-31", []Skip{{day("2026-12-14"), "Consultant on study leave"},
				{day("2026-12-28"), "Bank holiday: Boxing Day (substitute day)"}}},
		{"Christmas Day 2026", weekly(time.Friday, "2026-01-01", true), "2026-12-01", "2026-12-31",
			[]Skip{{day("2026-12-25"), "Bank holiday: Christmas Day"}}},
		{"Good Friday 2027", weekly(time.Friday, "2027-01-01", true), "2027-03-01", "2027-03-31",
			[]Skip{{day("2027-03-26"), "Bank holiday: Good Friday"}}},
		{"a closure's own reason wins over the bank holiday", weekly(time.Friday, "2026-01-01", true, closed("2026-12-25", "Ward move")),
			"2026-12-01", "2026-12-31", []Skip{{day("2026-12-25"), "Ward move"}}},
		{"a closure without a reason says Closed", weekly(time.Monday, "2026-01-01", false, closed("2026-01-12", "")),
			"2026-01-01", "2026-01-31", []Skip{{day("2026-01-12"), "Closed"}}},
		{"a closure off the pattern is not a skip", weekly(time.Monday, "2026-01-01", false, closed("2026-01-13", "Tuesday")),
			"2026-01-01", "2026-01-31", nil},
		{"a bank holiday brought back by an Extra is not a skip", weekly(time.Monday, "2026-01-01", true, extraEx("2026-12-28", "Winter")),
			"2026-12-01", "2026-12-31", nil},
		{"bank holidays are not skips when held", weekly(time.Friday, "2026-01-01", false), "2026-12-01", "2026-12-31", nil},
		{"nothing is skipped before the schedule starts", weekly(time.Friday, "2027-01-01", true), "2026-12-01", "2026-12-31", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.s.Skipped(day(tt.from), day(tt.to))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Skipped(%s, %s) = %v, want %v", tt.from, tt.to, got, tt.want)
			}
		})
	}
}

// TestHolds agrees with Sessions for single dates.
func TestHolds(t *testing.T) {
	s := weekly(time.Friday, "2026-01-01", true, extraEx("2026-12-19", "Saturday list"))
	for date, want := range map[string]bool{"2026-12-18": true, "2026-12-19": true, "2026-12-25": false, "2026-12-21": false} {
		if got := s.Holds(day(date)); got != want {
			t.Errorf("Holds(%s) = %v, want %v", date, got, want)
		}
	}
}

// TestScheduleValidate: effective dates and exceptions, plus the pattern's
// own problems.
func TestScheduleValidate(t *testing.T) {
	backwards := weekly(time.Monday, "2026-02-01", true)
	backwards.EffectiveTo = day("2026-01-31")
	tests := []struct {
		name       string
		s          Schedule
		field, msg string
	}{
		{"valid", weekly(time.Monday, "2026-01-01", true, closed("2026-01-12", "Leave"), extraEx("2026-01-17", "WLI")), "", ""},
		{"no start date", Schedule{Recurrence: Recurrence{Weekday: time.Monday}}, "effective_from", "starts"},
		{"ends before it starts", backwards, "effective_to", "cannot end before it starts"},
		{"exception without a date", weekly(time.Monday, "2026-01-01", true, Exception{Kind: Closed}), "exceptions", "Exception 1 has no date"},
		{"exception without a kind", weekly(time.Monday, "2026-01-01", true, Exception{Date: day("2026-01-12")}),
			"exceptions", "Mon 12 Jan 2026 is closed or an extra"},
		{"closed and extra on one date", weekly(time.Monday, "2026-01-01", true, closed("2026-01-12", "Leave"), extraEx("2026-01-12", "WLI")),
			"exceptions", "Mon 12 Jan 2026 has more than one exception"},
		{"the pattern's problems too", Schedule{Recurrence: Recurrence{Weekday: time.Monday, Every: 2}, EffectiveFrom: day("2026-01-01")},
			"anchor", "first session"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblem(t, tt.s.Validate(), tt.field, tt.msg)
		})
	}
}

// TestOverlaps: the dates both schedules hold, after their own bank
// holidays and exceptions.
func TestOverlaps(t *testing.T) {
	firstAndThird := Schedule{Recurrence: Recurrence{Weekday: time.Monday, WeeksOfMonth: []int{1, 3}}, EffectiveFrom: day("2026-01-01")}
	tests := []struct {
		name     string
		a, b     Schedule
		from, to string
		want     []elective.Date
	}{
		{"weekly and 1st & 3rd Monday", weekly(time.Monday, "2026-01-01", true), firstAndThird, "2026-01-01", "2026-01-31",
			days("2026-01-05", "2026-01-19")},
		{"only one holds the bank holiday", weekly(time.Monday, "2026-01-01", true), weekly(time.Monday, "2026-01-01", false),
			"2026-12-01", "2026-12-31", days("2026-12-07", "2026-12-14", "2026-12-21")},
		{"an extra meets the other's pattern", weekly(time.Monday, "2026-01-01", true, extraEx("2026-01-09", "WLI")),
			weekly(time.Friday, "2026-01-01", true), "2026-01-01", "2026-01-31", days("2026-01-09")},
		{"different weekdays never meet", weekly(time.Monday, "2026-01-01", true), weekly(time.Tuesday, "2026-01-01", true),
			"2026-01-01", "2026-12-31", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Overlaps(tt.a, tt.b, day(tt.from), day(tt.to))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Overlaps = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestExceptionKindString(t *testing.T) {
	for k, want := range map[ExceptionKind]string{Closed: "Closed", Extra: "Extra session", 0: "Unknown"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(k), got, want)
		}
	}
}
