package elective

import "time"

// ReleaseDate is the first day a ring-fenced slot is open to any priority:
// releaseDays before its own day, so that an urgent slot nobody urgent
// needed is still filled (issue 4's booking rules; the days are the local
// setting clinic.urgentReleaseDays). Zero for a slot that is not reserved.
func (s *Slot) ReleaseDate(loc *time.Location, releaseDays int) Date {
	if s.Reserved == "" {
		return Date{}
	}
	return DateOf(s.Start, loc).AddDays(-releaseDays)
}

// OpenTo says why a referral of priority p may not take the slot today,
// nil if it may: a slot reserved for urgent referrals takes urgent and
// two-week-wait ones, a two-week-wait slot only two-week waits, until its
// release date, after which anyone may.
func (s *Slot) OpenTo(p Priority, today Date, loc *time.Location, releaseDays int) error {
	if s.Reserved == "" || p.Rank() <= s.Reserved.Rank() {
		return nil
	}
	release := s.ReleaseDate(loc, releaseDays)
	if !today.Before(release) {
		return nil
	}
	return Errorf(EINVALID, "That slot is held for %s referrals until %s", s.ReservedLabel(), release.Format("2 Jan 2006"))
}

// ReservedLabel names who a reserved slot is held for.
func (s *Slot) ReservedLabel() string {
	if s.Reserved == PriorityTwoWeekWait {
		return "two-week-wait"
	}
	return "urgent and two-week-wait"
}
