package access

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Candidate is a waiting patient who might take a freed slot, with what the
// rules need to know about them.
type Candidate struct {
	Entry       *elective.PTLEntry
	Unavailable []*elective.Unavailability
	// AvailableFrom is the date a patient-initiated delay ends; zero for
	// none.
	AvailableFrom elective.Date
}

// RankForSlot orders the candidates for a free slot by clinical priority,
// then longest wait (rules.md 3.8: earliest clock start, then earliest
// referral), and says why any of them cannot take it. The first candidate
// without a skip reason is the right next patient; those above them show
// staff why they were passed over. A slot inside the reasonable notice is
// not a skip, but the patient must agree to short notice (rules.md 3.1).
func RankForSlot(slot *elective.Slot, cands []Candidate, today elective.Date, loc *time.Location, p rtt.Policy) []*elective.SlotCandidate {
	sorted := slices.Clone(cands)
	slices.SortStableFunc(sorted, bookingOrder)
	day := elective.DateOf(slot.Start, loc)
	out := make([]*elective.SlotCandidate, len(sorted))
	for i, c := range sorted {
		skip := skipReason(slot, day, c)
		if err := slot.OpenTo(c.Entry.Priority, today, loc, p.UrgentReleaseDays); skip == "" && err != nil {
			skip = "Held for " + slot.ReservedLabel() + " referrals until " + slot.ReleaseDate(loc, p.UrgentReleaseDays).Format("2 Jan 2006")
		}
		out[i] = &elective.SlotCandidate{Entry: c.Entry, Skip: skip,
			ShortNotice: day.DaysSince(today) < p.ReasonableNoticeDays}
	}
	return out
}

// skipReason says why a candidate cannot take the slot, "" if they can.
func skipReason(slot *elective.Slot, day elective.Date, c Candidate) string {
	e := c.Entry
	switch {
	case e.Booked():
		return "Already booked for " + e.NextActivity.Format("2 Jan 2006")
	case e.ListType.SlotType() != slot.Type:
		return "Needs a " + strings.ToLower(e.ListType.SlotType().Label()) + " slot"
	case e.ReviewNeeded:
		return "Waiting for a clinician's decision"
	case c.AvailableFrom.After(day):
		return "Asked to wait until " + c.AvailableFrom.Format("2 Jan 2006")
	}
	if u := UnavailableWeek(day, c.Unavailable); u != nil {
		return fmt.Sprintf("Unavailable %s to %s", u.From.Format("2 Jan"), u.To.Format("2 Jan 2006"))
	}
	return ""
}
