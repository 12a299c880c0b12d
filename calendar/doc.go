// Package calendar decides on which dates a recurring clinic is held: the
// weekly, fortnightly or nth-weekday-of-the-month pattern of a clinic
// template, the dates it is in force, the bank holidays of England and
// Wales, and the one-off closures and extra sessions staff add.
//
// Bank holidays are data, not a rule: governments move and add them (VE
// Day in 2020, the Platinum Jubilee and the Queen's funeral in 2022, the
// Coronation in 2023), so the table in bankholidays.go is the source of
// truth and the tests only cross-check it against the usual rules. The
// table covers FirstCoveredYear to LastCoveredYear; callers should warn
// staff (see Covered and UncoveredYears) before generating sessions beyond
// it, because there a bank holiday would silently become a clinic day.
//
// The package is pure: dates in, dates out, no wall clock and no I/O.
// "Today" is always the caller's to pass in.
package calendar
