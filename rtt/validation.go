package rtt

import "github.com/openelective/elective"

// ValidationDueDate is the date from which a clock started on start needs
// validating, given the date it was last validated (zero if never): the
// first milestone (12, 26, 52 weeks) not covered by a validation in the
// recency window before it (rules.md 3.9). Zero means no validation is due
// at any later milestone.
func ValidationDueDate(start, lastValidated elective.Date, pol Policy) elective.Date {
	for _, weeks := range pol.ValidationMilestonesWeeks {
		milestone := start.AddDays(7 * weeks)
		covered := !lastValidated.IsZero() && !lastValidated.Before(milestone.AddDays(-pol.ValidationRecencyDays))
		if !covered {
			return milestone
		}
	}
	return elective.Date{}
}

// ValidationDue reports whether validation is due at census.
func ValidationDue(start, lastValidated, census elective.Date, pol Policy) bool {
	due := ValidationDueDate(start, lastValidated, pol)
	return !due.IsZero() && !due.After(census)
}

// validated records a validation: no clock effect (rules.md 3.9).
func (e *engine) validated() error {
	if !e.ev.Validation.Valid() {
		return e.refuse("rules.md 3.9", "a validation must say what it found")
	}
	if e.current() != nil {
		e.lastValidated = e.ev.Date
		e.res.LastValidated = e.ev.Date
	}
	if e.ev.Validation == elective.ValidationClinicalCheck {
		e.askReview()
		e.validationReview = true
	}
	return nil
}
