package elective

import (
	"context"
	"fmt"
)

// Utilisation thresholds. A clinic less than UnderUsedPct booked wastes
// capacity the waiting list needs; a DNA rate above HighDNAPct asks for
// reminders or a look at how patients are told (rules.md 3.3).
const (
	UnderUsedPct = 85
	HighDNAPct   = 10
)

// SessionUtilisation is how a clinic session was used.
type SessionUtilisation struct {
	Session      *ClinicSession
	Clinician    string
	TemplateCode string
	Slots        int
	Booked       int // slots held by a booked, attended or DNA appointment
	Attended     int
	DNA          int
	// Refilled and Unfilled count slots freed by a cancellation: filled
	// again, or left empty (a last-minute gap when the session has passed).
	Unfilled int
}

// BookedPct is the share of slots held, 0 to 100.
func (u *SessionUtilisation) BookedPct() int { return pct(u.Booked, u.Slots) }

// DNAPct is the share of appointments that were not attended, of those
// whose outcome is known.
func (u *SessionUtilisation) DNAPct() int { return pct(u.DNA, u.Attended+u.DNA) }

// Alerts are what a manager should look at, for a session on or before
// horizon (a session further ahead still has time to fill): under-used,
// a high DNA rate, slots freed and never filled. A cancelled session has
// none: its patients are on the displaced list.
func (u *SessionUtilisation) Alerts(today, horizon Date) []string {
	var out []string
	if u.Session.Status != SessionOpen || u.Session.Date.After(horizon) {
		return nil
	}
	if u.Slots > 0 && u.BookedPct() < UnderUsedPct {
		out = append(out, fmt.Sprintf("Under-used: %d%% booked", u.BookedPct()))
	}
	if u.Attended+u.DNA >= 5 && u.DNAPct() > HighDNAPct {
		out = append(out, fmt.Sprintf("High DNA rate: %d%%", u.DNAPct()))
	}
	if u.Unfilled > 0 && u.Session.Date.Before(today) {
		out = append(out, fmt.Sprintf("%d freed slots never refilled", u.Unfilled))
	}
	return out
}

func pct(n, of int) int {
	if of == 0 {
		return 0
	}
	return (100*n + of/2) / of
}

// CapacityDemand compares a specialty's new-patient capacity with its
// demand, per week: the new slots of the coming weeks against the
// referrals of the past weeks, and the unbooked new patients waiting.
type CapacityDemand struct {
	SpecialtyID   int64
	SpecialtyName string
	NewSlotsWeek  float64 // new slots a week in the coming weeks (open sessions)
	FreeSlotsWeek float64 // of which free
	ReferralsWeek float64 // referrals received a week in the past weeks
	Unbooked      int     // new patients waiting with nothing booked
}

// Gap is the new slots a week short of demand (negative: spare).
func (c *CapacityDemand) Gap() float64 { return c.ReferralsWeek - c.NewSlotsWeek }

// WeeksToBook is how many weeks of today's free new slots it takes to book
// everyone waiting unbooked, if no one else were referred; 0 when there is
// no free capacity at all.
func (c *CapacityDemand) WeeksToBook() float64 {
	if c.FreeSlotsWeek <= 0 {
		return 0
	}
	return float64(c.Unbooked) / c.FreeSlotsWeek
}

// Alert says when a manager must add capacity: demand above capacity, or
// a backlog the free slots cannot book within the 18-week standard.
func (c *CapacityDemand) Alert() string {
	switch {
	case c.Unbooked > 0 && c.FreeSlotsWeek <= 0:
		return "No free new slots: add capacity"
	case c.Gap() >= 1:
		return fmt.Sprintf("Demand exceeds capacity by %.0f new slots a week", c.Gap())
	case c.WeeksToBook() > 18:
		return fmt.Sprintf("The unbooked list takes %.0f weeks of free slots to book", c.WeeksToBook())
	}
	return ""
}

// UtilisationFilter selects sessions.
type UtilisationFilter struct {
	SpecialtyID int64
	From, To    Date
}

// UtilisationService reports how clinics are used and whether capacity
// meets demand.
type UtilisationService interface {
	// SessionUtilisation lists the sessions of a specialty between two
	// dates with how each was used, in date order.
	SessionUtilisation(ctx context.Context, f UtilisationFilter) ([]*SessionUtilisation, error)

	// CapacityDemand compares each specialty's new-patient capacity in the
	// weeks after today with its referrals in the weeks before.
	CapacityDemand(ctx context.Context, today Date, weeks int) ([]*CapacityDemand, error)
}
