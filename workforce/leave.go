package workforce

import (
	"time"

	"github.com/openelective/elective"
)

// Rules are the trust's workforce settings (policy keys leave.* and
// jobPlan.*), passed in by the caller.
type Rules struct {
	// NoticeDays is leave.noticeDays: the notice planned leave needs
	// (rules.md 3.5, 4.2: 6 weeks, 42 days).
	NoticeDays int
	// SeniorNoticeDays is leave.noticeDaysConsultant: the notice of
	// consultants and SAS doctors (rules.md 3.5: 42 by default, 56 where a
	// trust asks 8 weeks).
	SeniorNoticeDays int
	// MaxAwayPerTeam is leave.maxAwayPerTeam: the most of a team on leave
	// on any day (rules.md 4.2); 0 sets no limit.
	MaxAwayPerTeam int
	PlainTime      PlainTime
}

// DefaultRules are rules.md's defaults.
func DefaultRules() Rules {
	return Rules{NoticeDays: 42, SeniorNoticeDays: 42, MaxAwayPerTeam: 2, PlainTime: DefaultPlainTime}
}

// RequiredNotice is the notice the group must give for planned leave.
func (r Rules) RequiredNotice(g elective.StaffGroup) int {
	if g == elective.StaffConsultant || g == elective.StaffSAS {
		return r.SeniorNoticeDays
	}
	return r.NoticeDays
}

// Notice is the notice a request was made with (days from asking to the
// first day), the notice the group needs, and whether it is short, so
// that a manager must approve it. Sickness needs no notice.
func Notice(r Rules, req *elective.LeaveRequest, g elective.StaffGroup) (given, required int, short bool) {
	given = req.From.DaysSince(req.RequestedOn)
	if !req.Type.Planned() {
		return given, 0, false
	}
	required = r.RequiredNotice(g)
	return given, required, given < required
}

// MiddayMinute splits a day into the morning and afternoon a half day of
// leave takes: 13:00.
const MiddayMinute = 13 * 60

// WorkingDay reports whether d is a weekday that is not a bank holiday.
func WorkingDay(d elective.Date, holiday Holiday) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !holiday.is(d)
}

// WorkingDays is the leave a request takes from..to (its own dates
// clipped to the period; zero dates for all of it): weekdays that are not
// bank holidays, a half day less for each half-day end.
func WorkingDays(req *elective.LeaveRequest, from, to elective.Date, holiday Holiday) float64 {
	lo, hi := req.From, req.To
	if !from.IsZero() && from.After(lo) {
		lo = from
	}
	if !to.IsZero() && to.Before(hi) {
		hi = to
	}
	days := 0.0
	for d := lo; !d.After(hi); d = d.AddDays(1) {
		if !WorkingDay(d, holiday) {
			continue
		}
		days++
		if (d == req.From && req.HalfDayStart) || (d == req.To && req.HalfDayEnd) {
			days -= 0.5
		}
	}
	return days
}

// Covers reports whether the leave takes the member away for a session on
// d from startMinute for minutes: on a half-day end only the half it
// takes counts.
func Covers(req *elective.LeaveRequest, d elective.Date, startMinute, minutes int) bool {
	if d.Before(req.From) || d.After(req.To) {
		return false
	}
	lo, hi := 0, 24*60
	if d == req.From && req.HalfDayStart {
		lo = MiddayMinute
	}
	if d == req.To && req.HalfDayEnd {
		hi = MiddayMinute
	}
	return startMinute < hi && startMinute+minutes > lo
}

// Overlaps reports whether two requests share a day.
func Overlaps(a, b *elective.LeaveRequest) bool {
	return !a.From.After(b.To) && !b.From.After(a.To)
}

// TeamCheck is what the team's away limit says about a request.
type TeamCheck struct {
	Away []*elective.LeaveRequest // the others away during the request
	Over bool                     // more than the limit would be away at once
	Day  elective.Date            // the first working day over the limit
}

// TeamAway checks a request against the team's other approved leave: on
// any working day it takes, the member and the others away that day must
// be no more than max (0: no limit). Sickness is never refused, but is
// counted among those away.
func TeamAway(req *elective.LeaveRequest, others []*elective.LeaveRequest, max int, holiday Holiday) TeamCheck {
	var c TeamCheck
	for _, o := range others {
		if o.StaffID != req.StaffID && o.Status == elective.LeaveApproved && Overlaps(req, o) {
			c.Away = append(c.Away, o)
		}
	}
	if max <= 0 || !req.Type.Planned() {
		return c
	}
	for d := req.From; !d.After(req.To); d = d.AddDays(1) {
		if !WorkingDay(d, holiday) {
			continue
		}
		n := 1
		for _, o := range c.Away {
			if !d.Before(o.From) && !d.After(o.To) {
				n++
			}
		}
		if n > max {
			c.Over, c.Day = true, d
			return c
		}
	}
	return c
}

// AwayOn lists the others away on d.
func (c TeamCheck) AwayOn(d elective.Date) []*elective.LeaveRequest {
	var out []*elective.LeaveRequest
	for _, o := range c.Away {
		if !d.Before(o.From) && !d.After(o.To) {
			out = append(out, o)
		}
	}
	return out
}
