package access

import (
	"fmt"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Assessment is the rules' verdict on one offer.
type Assessment struct {
	Offer      *elective.Offer
	Reasonable bool
	// Reason says why the offer was not reasonable, or what a reasonable
	// one counted as.
	Reason string
	// Declines is the number of declined reasonable offers in the current
	// stage once this offer is counted.
	Declines int
}

// History is a pathway's offers with their verdicts and what the declines
// add up to.
type History struct {
	Assessments []Assessment
	Declines    int  // declined reasonable offers in the current stage
	ReviewDue   bool // enough declines for a clinician to review the pathway
}

// ReviewMessage is what staff are told when the declines reach the policy's
// number: the next step is a clinical decision, never an automatic
// discharge (rules.md 3.1, TS-65).
func (h History) ReviewMessage() string {
	if !h.ReviewDue {
		return ""
	}
	return fmt.Sprintf("The patient has declined %d reasonable offers. A clinician should review the pathway "+
		"and agree the next step with the patient (rules.md 3.1); it is never an automatic discharge.", h.Declines)
}

// Notice is the days between making the offer and the date offered.
func Notice(o *elective.Offer) int { return o.Date.DaysSince(o.OfferedOn) }

// Reasonable decides whether one offer, on its own, was a reasonable offer:
// at least the reasonable notice (rules.md 1.8.2: 21 days, TS-62/TS-63),
// or any notice if the patient accepted the date (3.1
// shortNoticeAcceptedIsReasonable), and not in a week the patient said they
// could not come (TS-67).
func Reasonable(o *elective.Offer, unavailable []*elective.Unavailability, p rtt.Policy) (bool, string) {
	if u := UnavailableWeek(o.Date, unavailable); u != nil {
		return false, fmt.Sprintf("Not reasonable: in the same week as the patient's unavailability %s to %s (TS-67)",
			u.From.Format("2 Jan 2006"), u.To.Format("2 Jan 2006"))
	}
	n := Notice(o)
	switch {
	case n >= p.ReasonableNoticeDays:
		return true, fmt.Sprintf("Reasonable: %d days' notice", n)
	case o.Response == elective.OfferAccepted:
		return true, fmt.Sprintf("Reasonable: %d days' notice, accepted by the patient (rules.md 3.1)", n)
	}
	return false, fmt.Sprintf("Not reasonable: %d days' notice, less than %d (rules.md 1.8.2, TS-62); "+
		"it cannot count towards declined offers or a discharge", n, p.ReasonableNoticeDays)
}

// Assess judges a pathway's offers, oldest first, and counts the declined
// reasonable offers of the current stage. An accepted offer ends a stage. A
// second date must fall within SecondOfferWithinDays of the first declined
// date (TS-64): a later one is still reasonable but starts a new pair.
// Unanswered offers are not declines.
func Assess(offers []*elective.Offer, unavailable []*elective.Unavailability, p rtt.Policy) History {
	var h History
	var first elective.Date // the first declined date of the stage
	for _, o := range offers {
		ok, reason := Reasonable(o, unavailable, p)
		switch {
		case o.Response == elective.OfferAccepted:
			h.Declines, first = 0, elective.Date{}
		case !ok || o.Response != elective.OfferDeclined:
		case h.Declines > 0 && o.Date.DaysSince(first) > p.SecondOfferWithinDays:
			reason += fmt.Sprintf("; more than %d days after the first declined date, so it starts a new pair (TS-64)",
				p.SecondOfferWithinDays)
			h.Declines, first = 1, o.Date
		default:
			if h.Declines == 0 {
				first = o.Date
			}
			h.Declines++
		}
		h.Assessments = append(h.Assessments, Assessment{Offer: o, Reasonable: ok, Reason: reason, Declines: h.Declines})
	}
	h.ReviewDue = p.OffersPerStage > 0 && h.Declines >= p.OffersPerStage
	return h
}

// UnavailableWeek returns the unavailability whose Monday-to-Sunday weeks
// contain d, or nil. A date in the same week as a stated holiday is not a
// reasonable offer (TS-67), so the whole week is avoided.
func UnavailableWeek(d elective.Date, unavailable []*elective.Unavailability) *elective.Unavailability {
	for _, u := range unavailable {
		if !d.Before(monday(u.From)) && !d.After(monday(u.To).AddDays(6)) {
			return u
		}
	}
	return nil
}

// monday returns the Monday of d's week.
func monday(d elective.Date) elective.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}
