package theatre

import (
	"fmt"

	"github.com/openelective/elective"
)

// DefaultPOAValidityDays is poa.validityDays when no other is set: a fit
// assessment is valid for 12 weeks (rules.md 3.7, section 5; unconfirmed).
const DefaultPOAValidityDays = 84

// POACheck is whether a patient's pre-operative assessment makes them
// ready for a TCI date, and if not, what staff must do, in words.
type POACheck struct {
	OK      bool
	Problem string // "" when OK
}

// CheckPOA says whether the latest pre-operative assessment p makes the
// patient ready to come in on tci (rules.md 3.7): only a fit outcome does,
// and only while it is still valid on the TCI date (ValidUntil inclusive).
// A fit assessment with no ValidUntil recorded is taken as not expiring.
func CheckPOA(p *elective.PreOpAssessment, tci elective.Date) POACheck {
	if p == nil {
		return POACheck{Problem: "No pre-operative assessment"}
	}
	switch p.Outcome {
	case elective.PreOpBooked:
		return POACheck{Problem: "Pre-operative assessment booked for " + staffDate(p.On) + ", not yet done"}
	case elective.PreOpNotFit:
		return POACheck{Problem: "Not fit for surgery at the pre-operative assessment of " + staffDate(assessed(p))}
	case elective.PreOpAnaestheticReview:
		return POACheck{Problem: "Pre-operative assessment of " + staffDate(assessed(p)) + " asks for an anaesthetic review"}
	case elective.PreOpFit:
		if !p.ValidUntil.IsZero() && !tci.IsZero() && p.ValidUntil.Before(tci) {
			return POACheck{Problem: "Pre-operative assessment expires " + staffDate(p.ValidUntil) + ", before the TCI date"}
		}
		return POACheck{OK: true}
	}
	return POACheck{Problem: fmt.Sprintf("Pre-operative assessment outcome %q is not known", p.Outcome)}
}

// assessed is the date the outcome was recorded, or the appointment date.
func assessed(p *elective.PreOpAssessment) elective.Date {
	if !p.AssessedOn.IsZero() {
		return p.AssessedOn
	}
	return p.On
}

// POAValidUntil is the last date a fit assessment made on assessedOn is
// valid: the assessment date plus validityDays (poa.validityDays, rules.md
// 3.7). A validity of 0 or less takes the default of 84 days; an unknown
// assessment date gives the zero date.
func POAValidUntil(assessedOn elective.Date, validityDays int) elective.Date {
	if assessedOn.IsZero() {
		return elective.Date{}
	}
	if validityDays <= 0 {
		validityDays = DefaultPOAValidityDays
	}
	return assessedOn.AddDays(validityDays)
}
