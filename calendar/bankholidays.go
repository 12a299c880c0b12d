package calendar

import (
	"time"

	"github.com/openelective/elective"
)

// The years the bank-holiday table covers. Outside them BankHoliday knows
// nothing, which is not the same as "no bank holiday": see Covered.
const (
	FirstCoveredYear = 2018
	LastCoveredYear  = 2030
)

// Holiday is one bank holiday: its date and its name as staff know it.
type Holiday struct {
	Date elective.Date
	Name string
}

// holidayRow is a table entry, kept as plain numbers so the table reads as
// data and can be checked against gov.uk line by line.
type holidayRow struct {
	year  int
	month time.Month
	day   int
	name  string
}

// Names repeated across the table.
const (
	newYear    = "New Year's Day"
	newYearSub = "New Year's Day (substitute day)"
	goodFri    = "Good Friday"
	easterMon  = "Easter Monday"
	earlyMay   = "Early May bank holiday"
	spring     = "Spring bank holiday"
	summer     = "Summer bank holiday"
	christmas  = "Christmas Day"
	xmasSub    = "Christmas Day (substitute day)"
	boxing     = "Boxing Day"
	boxingSub  = "Boxing Day (substitute day)"
)

// bankHolidayTable lists every bank holiday in England and Wales from
// FirstCoveredYear to LastCoveredYear, in date order, with the one-off
// changes announced so far. Future years follow the usual rules and must be
// corrected here when the government moves or adds a day. A
// holiday falling on a weekend is replaced by the next free weekday (the
// "substitute day"), which is the date listed.
var bankHolidayTable = []holidayRow{
	{2018, 1, 1, newYear}, {2018, 3, 30, goodFri}, {2018, 4, 2, easterMon}, {2018, 5, 7, earlyMay},
	{2018, 5, 28, spring}, {2018, 8, 27, summer}, {2018, 12, 25, christmas}, {2018, 12, 26, boxing},

	{2019, 1, 1, newYear}, {2019, 4, 19, goodFri}, {2019, 4, 22, easterMon}, {2019, 5, 6, earlyMay},
	{2019, 5, 27, spring}, {2019, 8, 26, summer}, {2019, 12, 25, christmas}, {2019, 12, 26, boxing},

	// 2020: the early May bank holiday moved from Monday 4 May to Friday
	// 8 May for the 75th anniversary of VE Day.
	{2020, 1, 1, newYear}, {2020, 4, 10, goodFri}, {2020, 4, 13, easterMon}, {2020, 5, 8, "Early May bank holiday (VE Day)"},
	{2020, 5, 25, spring}, {2020, 8, 31, summer}, {2020, 12, 25, christmas}, {2020, 12, 28, boxingSub},

	{2021, 1, 1, newYear}, {2021, 4, 2, goodFri}, {2021, 4, 5, easterMon}, {2021, 5, 3, earlyMay},
	{2021, 5, 31, spring}, {2021, 8, 30, summer}, {2021, 12, 27, xmasSub}, {2021, 12, 28, boxingSub},

	// 2022: the spring bank holiday moved from 30 May to Thursday 2 June,
	// with an extra day on 3 June for the Platinum Jubilee, and an extra day
	// on 19 September for the Queen's state funeral.
	{2022, 1, 3, newYearSub}, {2022, 4, 15, goodFri}, {2022, 4, 18, easterMon}, {2022, 5, 2, earlyMay},
	{2022, 6, 2, spring}, {2022, 6, 3, "Platinum Jubilee bank holiday"}, {2022, 8, 29, summer},
	{2022, 9, 19, "Bank holiday for the State Funeral of Queen Elizabeth II"},
	{2022, 12, 26, boxing}, {2022, 12, 27, xmasSub},

	// 2023: an extra day on 8 May for the Coronation.
	{2023, 1, 2, newYearSub}, {2023, 4, 7, goodFri}, {2023, 4, 10, easterMon}, {2023, 5, 1, earlyMay},
	{2023, 5, 8, "Bank holiday for the coronation of King Charles III"},
	{2023, 5, 29, spring}, {2023, 8, 28, summer}, {2023, 12, 25, christmas}, {2023, 12, 26, boxing},

	{2024, 1, 1, newYear}, {2024, 3, 29, goodFri}, {2024, 4, 1, easterMon}, {2024, 5, 6, earlyMay},
	{2024, 5, 27, spring}, {2024, 8, 26, summer}, {2024, 12, 25, christmas}, {2024, 12, 26, boxing},

	{2025, 1, 1, newYear}, {2025, 4, 18, goodFri}, {2025, 4, 21, easterMon}, {2025, 5, 5, earlyMay},
	{2025, 5, 26, spring}, {2025, 8, 25, summer}, {2025, 12, 25, christmas}, {2025, 12, 26, boxing},

	{2026, 1, 1, newYear}, {2026, 4, 3, goodFri}, {2026, 4, 6, easterMon}, {2026, 5, 4, earlyMay},
	{2026, 5, 25, spring}, {2026, 8, 31, summer}, {2026, 12, 25, christmas}, {2026, 12, 28, boxingSub},

	{2027, 1, 1, newYear}, {2027, 3, 26, goodFri}, {2027, 3, 29, easterMon}, {2027, 5, 3, earlyMay},
	{2027, 5, 31, spring}, {2027, 8, 30, summer}, {2027, 12, 27, xmasSub}, {2027, 12, 28, boxingSub},

	{2028, 1, 3, newYearSub}, {2028, 4, 14, goodFri}, {2028, 4, 17, easterMon}, {2028, 5, 1, earlyMay},
	{2028, 5, 29, spring}, {2028, 8, 28, summer}, {2028, 12, 25, christmas}, {2028, 12, 26, boxing},

	{2029, 1, 1, newYear}, {2029, 3, 30, goodFri}, {2029, 4, 2, easterMon}, {2029, 5, 7, earlyMay},
	{2029, 5, 28, spring}, {2029, 8, 27, summer}, {2029, 12, 25, christmas}, {2029, 12, 26, boxing},

	{2030, 1, 1, newYear}, {2030, 4, 19, goodFri}, {2030, 4, 22, easterMon}, {2030, 5, 6, earlyMay},
	{2030, 5, 27, spring}, {2030, 8, 26, summer}, {2030, 12, 25, christmas}, {2030, 12, 26, boxing},
}

// holidays is the table as Holidays, in date order, built once so that
// lookups and ranges need no conversion.
var holidays = buildHolidays(bankHolidayTable)

// holidayNames indexes holidays by date for BankHoliday, which session
// generation calls for every candidate date.
var holidayNames = indexHolidays(holidays)

func buildHolidays(rows []holidayRow) []Holiday {
	hs := make([]Holiday, len(rows))
	for i, r := range rows {
		hs[i] = Holiday{Date: elective.NewDate(r.year, r.month, r.day), Name: r.name}
	}
	return hs
}

func indexHolidays(hs []Holiday) map[elective.Date]string {
	m := make(map[elective.Date]string, len(hs))
	for _, h := range hs {
		m[h.Date] = h.Name
	}
	return m
}

// BankHoliday reports whether d is a bank holiday in England and Wales, and
// its name. For a date outside the covered years it reports false; check
// Covered before trusting a false.
func BankHoliday(d elective.Date) (name string, ok bool) {
	name, ok = holidayNames[d]
	return name, ok
}

// BankHolidays lists the bank holidays in [from, to], inclusive, in date
// order: for a "closed days" panel beside a clinic's sessions.
func BankHolidays(from, to elective.Date) []Holiday {
	var out []Holiday
	for _, h := range holidays {
		if !h.Date.Before(from) && !h.Date.After(to) {
			out = append(out, h)
		}
	}
	return out
}

// Covered reports whether the table covers d's year, so that a caller can
// warn "no bank-holiday data for 2031" rather than book clinics on them.
func Covered(d elective.Date) bool {
	return d.Year >= FirstCoveredYear && d.Year <= LastCoveredYear
}

// UncoveredYears lists the years of [from, to] that the table does not
// cover, in order, so that one warning can name them all. It is nil when
// the whole range is covered, or the range is empty or has an unknown
// (zero) end.
func UncoveredYears(from, to elective.Date) []int {
	if from.IsZero() || to.IsZero() || from.After(to) {
		return nil
	}
	var out []int
	for y := from.Year; y <= to.Year; y++ {
		if y < FirstCoveredYear || y > LastCoveredYear {
			out = append(out, y)
		}
	}
	return out
}
