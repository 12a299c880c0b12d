package elective

import (
	"fmt"
	"time"
)

// Date is a civil calendar date with no time of day and no time zone: a
// referral received date, a clock start, an appointment day. Calendar facts
// are Dates, never midnights, so that day counting (rules.md 1.11) cannot be
// shifted by a time zone or a clock change. The zero Date means "unknown".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateLayout is the ISO 8601 form in which dates are written and read.
const DateLayout = "2006-01-02"

// NewDate returns the date y-m-d, normalising out-of-range values the way
// time.Date does (31 April becomes 1 May).
func NewDate(y int, m time.Month, d int) Date {
	return DateFromDays(daysFromCivil(y, int(m), 1) + int64(d) - 1)
}

// ParseDate reads a date in the form 2006-01-02.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// MustParseDate is ParseDate for literals in tests and fixtures; it panics on
// a malformed date.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar date of the instant t in loc (Europe/London for
// the NHS in England).
func DateOf(t time.Time, loc *time.Location) Date {
	t = t.In(loc)
	return Date{t.Year(), t.Month(), t.Day()}
}

// String returns the date as 2006-01-02, or "" for the zero Date. It
// formats by hand: dates are written millions of times in a bulk load.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Year < 0 || d.Year > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	b := [10]byte{'0' + byte(d.Year/1000), '0' + byte(d.Year/100%10), '0' + byte(d.Year/10%10), '0' + byte(d.Year%10), '-',
		'0' + byte(d.Month/10), '0' + byte(d.Month%10), '-', '0' + byte(d.Day/10), '0' + byte(d.Day%10)}
	return string(b[:])
}

// Format formats the date with a time layout (for example "2 Jan 2006").
func (d Date) Format(layout string) string {
	if d.IsZero() {
		return ""
	}
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Format(layout)
}

// IsZero reports whether d is the zero (unknown) date.
func (d Date) IsZero() bool { return d == Date{} }

// Days returns the number of days from 1970-01-01 to d, the serial number
// used for arithmetic.
func (d Date) Days() int64 { return daysFromCivil(d.Year, int(d.Month), d.Day) }

// DateFromDays is the inverse of Date.Days.
func DateFromDays(n int64) Date {
	y, m, dd := civilFromDays(n)
	return Date{y, time.Month(m), dd}
}

// AddDays returns d moved by n calendar days.
func (d Date) AddDays(n int) Date { return DateFromDays(d.Days() + int64(n)) }

// DaysSince returns the number of calendar days from e to d (d − e).
func (d Date) DaysSince(e Date) int { return int(d.Days() - e.Days()) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch a, b := d.Days(), e.Days(); {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// CompareZeroLast is Compare with the zero date (unknown, or no limit)
// after every real one: the order of lists sorted by a date some rows lack,
// such as breach dates and priority due dates.
func (d Date) CompareZeroLast(e Date) int {
	switch {
	case d.IsZero() && e.IsZero():
		return 0
	case d.IsZero():
		return 1
	case e.IsZero():
		return -1
	}
	return d.Compare(e)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (d.Days() + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// At returns the instant at the given wall-clock time on d in loc. Across a
// clock change the wall time is kept, so a 09:00 clinic stays at 09:00.
func (d Date) At(hour, minute int, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, loc)
}

// daysFromCivil converts a proleptic Gregorian date to days since
// 1970-01-01, using the era decomposition (400-year cycles of 146097 days)
// so that it needs no tables and no time zone.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := int(z - era*146097)
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	y = yoe + int(era)*400
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
