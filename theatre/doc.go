// Package theatre holds the admitted-care rules of the booking office as
// pure functions: the order in which listed patients are booked (rules.md
// 2.4, 3.8), whether a pre-operative assessment makes a patient ready for
// a date (3.7), where a theatre list stands in the 6-4-2 process (3.6),
// whether a case fits a list and what is wrong with a set of lists, the
// 28-day rule for operations cancelled at the last minute (2.1, scenarios
// 6.7), capped theatre utilisation and case-duration estimates.
//
// The functions take values (and today's date) and return values; they do
// no I/O and never read the clock. The store and the web pages call them
// and never re-implement them.
package theatre

import "github.com/openelective/elective"

// staffDate is the form dates take in messages for staff, as on the web
// pages ("3 Mar 2025").
func staffDate(d elective.Date) string { return d.Format("2 Jan 2006") }
