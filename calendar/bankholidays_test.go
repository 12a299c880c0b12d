package calendar

import (
	"slices"
	"testing"
	"time"

	"github.com/openelective/elective"
)

func day(s string) elective.Date { return elective.MustParseDate(s) }

// TestTableShape checks the table as data: in date order with no date
// twice, every date a weekday (a substitute day is never at a weekend),
// and every year covered.
func TestTableShape(t *testing.T) {
	for i, h := range holidays {
		if i > 0 && !h.Date.After(holidays[i-1].Date) {
			t.Errorf("%s %q is not after %s: the table must be in date order", h.Date, h.Name, holidays[i-1].Date)
		}
		if wd := h.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("%s %q falls on a %s", h.Date, h.Name, wd)
		}
		if !Covered(h.Date) {
			t.Errorf("%s %q is outside the covered years", h.Date, h.Name)
		}
	}
}

// TestTableCountPerYear: eight bank holidays a year, except 2022 (Platinum
// Jubilee and the Queen's funeral) and 2023 (the Coronation).
func TestTableCountPerYear(t *testing.T) {
	special := map[int]int{2022: 10, 2023: 9}
	for y := FirstCoveredYear; y <= LastCoveredYear; y++ {
		want, ok := special[y]
		if !ok {
			want = 8
		}
		from, to := elective.NewDate(y, 1, 1), elective.NewDate(y, 12, 31)
		if got := len(BankHolidays(from, to)); got != want {
			t.Errorf("%d has %d bank holidays, want %d", y, got, want)
		}
	}
}

// TestTableAgainstRules derives each year from the usual rules (an Easter
// computus, first and last Mondays, substitute days) and checks that the
// table differs from them only by the announced one-off changes.
func TestTableAgainstRules(t *testing.T) {
	moved := []string{"2020-05-04", "2022-05-30"} // by the rules, but moved
	added := []string{"2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"}
	rules := map[elective.Date]string{}
	for y := FirstCoveredYear; y <= LastCoveredYear; y++ {
		for _, h := range ruleHolidays(y) {
			rules[h.Date] = h.Name
		}
	}
	for d, name := range rules {
		got, ok := BankHoliday(d)
		switch {
		case slices.Contains(moved, d.String()):
			if ok {
				t.Errorf("%s is in the table as %q, but it was moved", d, got)
			}
		case !ok:
			t.Errorf("%s %s is missing from the table", d, name)
		case got != name:
			t.Errorf("%s is named %q, want %q", d, got, name)
		}
	}
	for _, h := range holidays {
		if _, ok := rules[h.Date]; !ok && !slices.Contains(added, h.Date.String()) {
			t.Errorf("%s %q is in the table but neither the rules nor the announced changes give it", h.Date, h.Name)
		}
	}
}

// ruleHolidays gives year y's bank holidays by the usual rules.
func ruleHolidays(y int) []Holiday {
	easter := easterSunday(y)
	hs := []Holiday{newYearHoliday(y),
		{easter.AddDays(-2), goodFri}, {easter.AddDays(1), easterMon},
		{nthMonday(y, time.May, 1), earlyMay}, {nthMonday(y, time.May, -1), spring},
		{nthMonday(y, time.August, -1), summer}}
	return append(hs, christmasHolidays(y)...)
}

// easterSunday is the anonymous Gregorian computus (Meeus/Jones/Butcher).
func easterSunday(y int) elective.Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dayOf := (h+l-7*m+114)%31 + 1
	return elective.NewDate(y, time.Month(month), dayOf)
}

// nthMonday is the nth Monday of the month, or the last for n = -1.
func nthMonday(y int, m time.Month, n int) elective.Date {
	if n == -1 {
		d := elective.NewDate(y, m+1, 0)
		return d.AddDays(-((int(d.Weekday()) + 6) % 7))
	}
	return nextWeekday(elective.NewDate(y, m, 1), time.Monday).AddDays(7 * (n - 1))
}

func newYearHoliday(y int) Holiday {
	d := elective.NewDate(y, 1, 1)
	switch d.Weekday() {
	case time.Saturday:
		return Holiday{d.AddDays(2), newYearSub}
	case time.Sunday:
		return Holiday{d.AddDays(1), newYearSub}
	}
	return Holiday{d, newYear}
}

func christmasHolidays(y int) []Holiday {
	xmas := elective.NewDate(y, 12, 25)
	switch xmas.Weekday() {
	case time.Friday:
		return []Holiday{{xmas, christmas}, {xmas.AddDays(3), boxingSub}}
	case time.Saturday:
		return []Holiday{{xmas.AddDays(2), xmasSub}, {xmas.AddDays(3), boxingSub}}
	case time.Sunday:
		return []Holiday{{xmas.AddDays(1), boxing}, {xmas.AddDays(2), xmasSub}}
	}
	return []Holiday{{xmas, christmas}, {xmas.AddDays(1), boxing}}
}

// TestBankHoliday looks up the dates the brief names.
func TestBankHoliday(t *testing.T) {
	tests := []struct {
		date, want string // want "" for no bank holiday
		why        string
	}{
		{"2026-12-25", christmas, "Christmas 2026 is a Friday"},
		{"2026-12-26", "", "Boxing Day 2026 is a Saturday: not itself a bank holiday"},
		{"2026-12-28", boxingSub, "so Monday 28 Dec 2026 is the substitute"},
		{"2027-03-26", goodFri, "Good Friday 2027"},
		{"2027-03-29", easterMon, "Easter Monday 2027"},
		{"2021-12-27", xmasSub, "Christmas 2021 is a Saturday"},
		{"2021-12-28", boxingSub, "Boxing Day 2021 is a Sunday"},
		{"2022-12-26", boxing, "Boxing Day 2022 is a Monday"},
		{"2022-12-27", xmasSub, "Christmas 2022 is a Sunday"},
		{"2027-12-27", xmasSub, "Christmas 2027 is a Saturday"},
		{"2027-12-28", boxingSub, "Boxing Day 2027 is a Sunday"},
		{"2022-01-03", newYearSub, "1 Jan 2022 is a Saturday"},
		{"2028-01-03", newYearSub, "1 Jan 2028 is a Saturday"},
		{"2020-05-08", "Early May bank holiday (VE Day)", "moved for VE Day"},
		{"2020-05-04", "", "the usual early May Monday of 2020 was moved"},
		{"2022-06-03", "Platinum Jubilee bank holiday", "Platinum Jubilee"},
		{"2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II", "the Queen's funeral"},
		{"2023-05-08", "Bank holiday for the coronation of King Charles III", "the Coronation"},
		{"2026-11-23", "", "an ordinary Monday"},
		{"2031-01-01", "", "outside the table: unknown, not a holiday"},
	}
	for _, tt := range tests {
		got, ok := BankHoliday(day(tt.date))
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s (%s): BankHoliday = %q, %v; want %q", tt.date, tt.why, got, ok, tt.want)
		}
	}
}

// TestBankHolidaysRange: inclusive at both ends, across a year end, and
// empty for a backwards range.
func TestBankHolidaysRange(t *testing.T) {
	got := BankHolidays(day("2026-12-25"), day("2027-01-01"))
	want := []Holiday{{day("2026-12-25"), christmas}, {day("2026-12-28"), boxingSub}, {day("2027-01-01"), newYear}}
	if !slices.Equal(got, want) {
		t.Errorf("BankHolidays(Christmas 2026 to New Year 2027) = %v, want %v", got, want)
	}
	if got := BankHolidays(day("2027-01-01"), day("2026-12-25")); got != nil {
		t.Errorf("backwards range = %v, want none", got)
	}
}

// TestCovered: callers warn about years the table does not cover.
func TestCovered(t *testing.T) {
	if !Covered(day("2018-01-01")) || !Covered(day("2030-12-31")) {
		t.Error("2018 and 2030 should be covered")
	}
	if Covered(day("2017-12-31")) || Covered(day("2031-01-01")) {
		t.Error("2017 and 2031 should not be covered")
	}
	if got := UncoveredYears(day("2029-06-01"), day("2032-01-31")); !slices.Equal(got, []int{2031, 2032}) {
		t.Errorf("UncoveredYears(2029–2032) = %v, want [2031 2032]", got)
	}
	if got := UncoveredYears(day("2026-01-01"), day("2027-12-31")); got != nil {
		t.Errorf("UncoveredYears(2026–2027) = %v, want none", got)
	}
	if got := UncoveredYears(elective.Date{}, day("2027-12-31")); got != nil {
		t.Errorf("UncoveredYears with an unknown start = %v, want none", got)
	}
}
