package access

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// SameClinicianDays is how much later than the earliest slot a slot with
// the clinician the patient was booked with may be and still be preferred:
// continuity of care is worth a short wait, not a long one.
const SameClinicianDays = 14

// ChangeNeedsApproval reports whether removing clinic capacity on date
// session, decided today, is inside the change-notice window, where a
// booking manager must approve it (rules.md 3.5, clinic.changeNoticeDays).
func ChangeNeedsApproval(session, today elective.Date, p rtt.Policy) bool {
	return session.DaysSince(today) < p.ChangeNoticeDays
}

// Rebook is a displaced patient: their waiting-list candidate and the
// clinician they had been booked with.
type Rebook struct {
	Candidate
	ClinicianID int64
}

// Proposal is the slot proposed for a displaced patient, nil if none.
type Proposal struct {
	Rebook Rebook
	Slot   *elective.Slot
	Why    string
}

// ProposeRebookings proposes a slot for each displaced patient, in booking
// order (clinical priority, then longest wait: rules.md 3.8), from free
// slots in start order. Each gets the earliest slot of the type their list
// needs that is a reasonable offer (at least the reasonable notice, outside
// their unavailability: TS-61, rules.md 3.1) and that no earlier patient
// was given, preferring the clinician they were booked with when that is at
// most SameClinicianDays later. A patient waiting for a clinician's
// decision is not proposed a slot.
func ProposeRebookings(displaced []Rebook, free []*elective.Slot, today elective.Date, loc *time.Location, p rtt.Policy) []*Proposal {
	sorted := slices.Clone(displaced)
	slices.SortStableFunc(sorted, func(a, b Rebook) int { return bookingOrder(a.Candidate, b.Candidate) })
	taken := map[int64]bool{}
	out := make([]*Proposal, len(sorted))
	for i, r := range sorted {
		out[i] = propose(r, free, taken, Search{Today: today, Location: loc, Unavailable: r.Unavailable,
			AvailableFrom: r.AvailableFrom, Dates: 1, Policy: p})
		if out[i].Slot != nil {
			taken[out[i].Slot.ID] = true
		}
	}
	return out
}

// propose finds one patient's slot.
func propose(r Rebook, free []*elective.Slot, taken map[int64]bool, s Search) *Proposal {
	if r.Entry.ReviewNeeded {
		return &Proposal{Rebook: r, Why: "Waiting for a clinician's decision: not rebooked automatically"}
	}
	var any, same *elective.Slot
	want := r.Entry.ListType.SlotType()
	for _, sl := range free {
		if taken[sl.ID] || sl.Type != want || !s.Acceptable(elective.DateOf(sl.Start, s.Location)) ||
			sl.OpenTo(r.Entry.Priority, s.Today, s.Location, s.Policy.UrgentReleaseDays) != nil {
			continue
		}
		if any == nil {
			any = sl
		}
		if sl.Session != nil && sl.Session.ClinicianID == r.ClinicianID {
			same = sl
			break
		}
	}
	switch {
	case any == nil:
		return &Proposal{Rebook: r, Why: "No free " + want.Label() + " slot with reasonable notice: find one by hand"}
	case same != nil && same.Start.Sub(any.Start) <= SameClinicianDays*24*time.Hour:
		return &Proposal{Rebook: r, Slot: same, Why: "Earliest reasonable slot with the same clinician"}
	}
	return &Proposal{Rebook: r, Slot: any, Why: fmt.Sprintf("Earliest reasonable slot; the same clinician has none within %d days of it", SameClinicianDays)}
}

// bookingOrder is clinical priority, then longest wait, then earliest
// referral (rules.md 3.8).
func bookingOrder(a, b Candidate) int {
	return cmp.Or(cmp.Compare(a.Entry.Priority.Rank(), b.Entry.Priority.Rank()),
		a.Entry.ClockStart.Compare(b.Entry.ClockStart),
		a.Entry.ReferralDate.Compare(b.Entry.ReferralDate),
		cmp.Compare(a.Entry.PathwayID, b.Entry.PathwayID))
}
