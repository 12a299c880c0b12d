package theatre

import (
	"slices"

	"github.com/openelective/elective"
)

// Order sorts entries in place into booking order: clinical priority
// first, then chronologically (rules.md 3.8). Priority is compared by the
// date its time limit runs out (DueBy, rules.md 2.4), so a P3 patient
// about to pass three months comes before a P2 patient listed today; a
// patient with no limit (P4) comes after every dated one. Ties go by the
// RTT breach date (none last), then the decision to admit, then the ID, so
// the order is total and stable between page loads.
func Order(entries []*elective.AdmittedListEntry) {
	slices.SortStableFunc(entries, compareEntries)
}

// compareEntries is the booking order of Order.
func compareEntries(a, b *elective.AdmittedListEntry) int {
	if c := a.DueBy().CompareZeroLast(b.DueBy()); c != 0 {
		return c
	}
	if c := a.BreachDate.CompareZeroLast(b.BreachDate); c != 0 {
		return c
	}
	if c := a.ListedOn.Compare(b.ListedOn); c != 0 {
		return c
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

// AtRisk reports whether a listed patient is missing, or about to miss,
// their priority's time limit (rules.md 2.4), so the booking office acts
// before the limit rather than after:
//   - booked with a TCI date: at risk when the TCI is after the limit;
//   - otherwise (waiting, or scheduled with no TCI known): at risk when
//     today is past the limit or the limit is within warnDays of today.
//
// Patients with no limit (P4), treated or removed are never at risk.
func AtRisk(e *elective.AdmittedListEntry, today elective.Date, warnDays int) bool {
	if e == nil || e.Status == elective.AdmittedTreated || e.Status == elective.AdmittedRemoved {
		return false
	}
	due := e.DueBy()
	if due.IsZero() {
		return false
	}
	if e.Case != nil && e.Case.Status != elective.CaseCancelled && !e.Case.TCI.IsZero() {
		return e.Case.TCI.After(due)
	}
	return due.DaysSince(today) <= warnDays
}
