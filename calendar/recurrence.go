package calendar

import (
	"slices"
	"time"

	"github.com/openelective/elective"
)

// MaxEvery is the longest interval, in weeks, a pattern may have. Clinics
// rarer than every eight weeks are better booked as one-off sessions.
const MaxEvery = 8

// LastWeek in WeeksOfMonth means the last such weekday of the month,
// whether it is the 4th or the 5th.
const LastWeek = -1

// Recurrence is the repeating pattern of a clinic template: one weekday,
// and either every Every weeks counted from Anchor, or chosen weeks of the
// month ("1st and 3rd Monday", "last Friday").
type Recurrence struct {
	Weekday time.Weekday
	// Every is the interval in weeks: 1 weekly, 2 fortnightly. 0 is
	// treated as 1, so that a zero Recurrence on a weekday is weekly.
	Every int
	// WeeksOfMonth, if not empty, picks weeks of the month instead:
	// [1, 3] is the 1st and 3rd Weekday, LastWeek (-1) the last.
	WeeksOfMonth []int
	// Anchor is the first session date when Every > 1; the weeks are
	// counted from it, so "fortnightly" says which fortnight. Ignored when
	// Every is 1.
	Anchor elective.Date
}

// Validate checks the pattern, naming each field at fault so that a
// template form can show the message beside its input.
func (r Recurrence) Validate() error {
	var probs elective.Problems
	r.addProblems(&probs)
	return probs.Err("The clinic pattern is not valid. Correct the problems below.")
}

// addProblems records what is wrong with r; Schedule.Validate shares it.
func (r Recurrence) addProblems(probs *elective.Problems) {
	if r.Weekday < time.Sunday || r.Weekday > time.Saturday {
		probs.Add("weekday", "Select a day of the week")
	}
	if r.Every < 0 || r.Every > MaxEvery {
		probs.Add("every", "Repeat every 1 to %d weeks", MaxEvery)
	}
	r.addWeekProblems(probs)
	if r.every() > 1 && len(r.WeeksOfMonth) > 0 {
		probs.Add("weeks_of_month", "Choose either weeks of the month or an interval of weeks, not both")
	}
	if r.every() > 1 {
		r.addAnchorProblems(probs)
	}
}

func (r Recurrence) addWeekProblems(probs *elective.Problems) {
	for i, w := range r.WeeksOfMonth {
		if w != LastWeek && (w < 1 || w > 5) {
			probs.Add("weeks_of_month", "Weeks of the month are 1st to 5th or last, not %d", w)
			return
		}
		if slices.Contains(r.WeeksOfMonth[:i], w) {
			probs.Add("weeks_of_month", "%s is chosen more than once", weekName(w))
			return
		}
	}
}

func (r Recurrence) addAnchorProblems(probs *elective.Problems) {
	switch {
	case r.Anchor.IsZero():
		probs.Add("anchor", "Enter the date of the first session, so that the weeks can be counted from it")
	case r.Anchor.Weekday() != r.Weekday:
		probs.Add("anchor", "The first session, %s, is a %s, not a %s",
			r.Anchor.Format("Mon 2 Jan 2006"), r.Anchor.Weekday(), r.Weekday)
	}
}

// weekName names a valid week of the month in a message: "The 1st week".
func weekName(w int) string {
	if w == LastWeek {
		return "The last week"
	}
	return "The " + [...]string{"", "1st", "2nd", "3rd", "4th", "5th"}[w] + " week"
}

// every is Every with 0 read as weekly.
func (r Recurrence) every() int {
	if r.Every == 0 {
		return 1
	}
	return r.Every
}

// Occurs reports whether the pattern holds a session on d. An invalid
// pattern holds none, so that a bad template cannot quietly create clinics.
func (r Recurrence) Occurs(d elective.Date) bool {
	return r.Validate() == nil && r.matches(d)
}

// Dates lists the pattern's dates in [from, to], inclusive, in order. It is
// empty for an invalid pattern, an empty range or an unknown (zero) end.
func (r Recurrence) Dates(from, to elective.Date) []elective.Date {
	if r.Validate() != nil || from.IsZero() || to.IsZero() {
		return nil
	}
	var out []elective.Date
	for d := nextWeekday(from, r.Weekday); !d.After(to); d = d.AddDays(7) {
		if r.matches(d) {
			out = append(out, d)
		}
	}
	return out
}

// matches is Occurs for a pattern already validated.
func (r Recurrence) matches(d elective.Date) bool {
	if d.Weekday() != r.Weekday {
		return false
	}
	if len(r.WeeksOfMonth) > 0 {
		return r.inChosenWeek(d)
	}
	if r.every() == 1 {
		return true
	}
	days := d.DaysSince(r.Anchor)
	return days >= 0 && days%(7*r.every()) == 0
}

// inChosenWeek reports whether d is one of the chosen weekdays of its month.
// The nth weekday falls on days 7n-6 to 7n; the last is the one with no
// same weekday after it in the month.
func (r Recurrence) inChosenWeek(d elective.Date) bool {
	nth := (d.Day-1)/7 + 1
	last := d.AddDays(7).Month != d.Month
	return slices.Contains(r.WeeksOfMonth, nth) || (last && slices.Contains(r.WeeksOfMonth, LastWeek))
}

// nextWeekday returns the first date on or after d that falls on wd.
func nextWeekday(d elective.Date, wd time.Weekday) elective.Date {
	return d.AddDays((int(wd) - int(d.Weekday()) + 7) % 7)
}
