package access

import (
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Search describes the earliest reasonable offers wanted for one patient.
type Search struct {
	Today       elective.Date
	Location    *time.Location
	Unavailable []*elective.Unavailability
	// AvailableFrom is the first date the patient asked to be seen from
	// (a patient-initiated delay, rules.md 1.7.2); zero for none.
	AvailableFrom elective.Date
	// ShortNoticeAgreed: the patient will take a date sooner than the
	// reasonable notice (rules.md 3.1).
	ShortNoticeAgreed bool
	Dates             int // how many different dates to offer (offersPerStage)
	Policy            rtt.Policy
	// Priority is the referral's: ring-fenced slots are offered only to
	// the priorities they are held for, until released (Slot.OpenTo).
	Priority elective.Priority
}

// FirstDate is the earliest date a reasonable offer can be for: the
// reasonable notice from today, or tomorrow when the patient agrees to
// short notice, and never before the patient said they were available.
func (s Search) FirstDate() elective.Date {
	d := s.Today.AddDays(s.Policy.ReasonableNoticeDays)
	if s.ShortNoticeAgreed {
		d = s.Today.AddDays(1)
	}
	if s.AvailableFrom.After(d) {
		d = s.AvailableFrom
	}
	return d
}

// Acceptable reports whether date d could be a reasonable offer for the
// patient: on or after FirstDate and outside the weeks of their
// unavailability (TS-67).
func (s Search) Acceptable(d elective.Date) bool {
	return !d.Before(s.FirstDate()) && UnavailableWeek(d, s.Unavailable) == nil
}

// Pick adds to chosen the first acceptable slot of each date not yet
// chosen, from free slots in start order, until it holds s.Dates slots on
// different dates (rules.md 3.1: two different dates). It returns the
// chosen slots and whether the search is complete; callers feed it batches
// of slots until it is.
func (s Search) Pick(chosen []*elective.Slot, slots []*elective.Slot) ([]*elective.Slot, bool) {
	want := max(s.Dates, 1)
	for _, sl := range slots {
		if len(chosen) >= want {
			break
		}
		d := elective.DateOf(sl.Start, s.Location)
		if !s.Acceptable(d) || hasDate(chosen, d, s.Location) ||
			sl.OpenTo(s.Priority, s.Today, s.Location, s.Policy.UrgentReleaseDays) != nil {
			continue
		}
		chosen = append(chosen, sl)
	}
	return chosen, len(chosen) >= want
}

func hasDate(slots []*elective.Slot, d elective.Date, loc *time.Location) bool {
	for _, sl := range slots {
		if elective.DateOf(sl.Start, loc) == d {
			return true
		}
	}
	return false
}

// AvailableFrom is the date the patient's latest patient-initiated delay
// runs to (rules.md 1.7.1, 1.7.2), zero if they asked for none. No offer is
// made before it.
func AvailableFrom(events []*elective.PathwayEvent) elective.Date {
	var d elective.Date
	for _, e := range events {
		if e.Kind == elective.EventDelayRequested {
			d = e.DelayUntil
		}
	}
	return d
}
