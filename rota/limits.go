package rota

import (
	"time"

	"github.com/openelective/elective"
)

// Limits are the resident-doctor safety limits of rules.md 4.3 (the 2016
// contract's terms and conditions, with the 2019 amendments). Every value
// is in minutes or counts of shifts so that a Trust's own stricter local
// values can be set without code.
type Limits struct {
	MaxShiftMinutes         int // 13 h
	Max7DayMinutes          int // 72 h in any 168 hours (rolling window, by instants)
	MaxAverageWeeklyMinutes int // 48 h averaged over the period checked (pro rata FTE is the caller's business)
	MinRestMinutes          int // 11 h between the end of one shift and the start of the next
	MaxConsecutiveShifts    int // 7 (2019; 8 in 2016), then RestAfterRunMinutes
	MaxConsecutiveLong      int // 5 shifts > 10 h, then RestAfterRunMinutes
	MaxConsecutiveNights    int // 4, then RestAfterNightsMinutes
	// NightRestAfterAny is the 2019 rule: 46 h rest after any number of
	// nights, even one (TS-143). Without it (2016) the rest is owed after a
	// run of 3 or more nights.
	NightRestAfterAny      bool
	MaxConsecutiveLongLate int // 4 long late-evening shifts (> 10 h ending after 23:00), then RestAfterRunMinutes
	WeekendFrequency       int // 3: at most 1 weekend in 3 (2019); 2 in 2016

	RestAfterRunMinutes    int // 48 h after a run of consecutive, long or long late-evening shifts that reaches its maximum
	RestAfterNightsMinutes int // 46 h after nights

	// Breaks within a shift, counted in breaks of 30 minutes
	// (elective.ShiftBreakMinutes): a shift over OneBreakOverMinutes needs
	// one, over TwoBreaksOverMinutes two, and from ThreeBreaksFromMinutes
	// three (the 2019 amendment: 3 × 30 min in a 12-hour shift, previously
	// 2; 0 gives no third break). rules.md 4.3 marks the 2016 thresholds
	// UNCONFIRMED (its source is truncated): 5 and 9 hours are this
	// system's default policy, for a Trust to change.
	OneBreakOverMinutes    int // 5 h
	TwoBreaksOverMinutes   int // 9 h
	ThreeBreaksFromMinutes int // 12 h (2019); 0 under the 2016 terms

	// Non-resident on call (rules.md 4.3; TS-148): expect OnCallRestMinutes
	// of rest per 24 hours on call, OnCallNightRestMinutes of it continuous
	// between OnCallNightFromMinute and OnCallNightToMinute local (minutes
	// after midnight; the window crosses midnight when from > to). A duty
	// starting within OnCallReviewMinutes of an on call whose rest was not
	// met is listed for review.
	OnCallRestMinutes      int // 8 h
	OnCallNightRestMinutes int // 5 h
	OnCallNightFromMinute  int // 22:00
	OnCallNightToMinute    int // 07:00
	OnCallReviewMinutes    int // 24 h
}

// Limits2019 are the limits in force since the 2019 amendments (all Trusts
// by 5 August 2020), rules.md 4.3.
func Limits2019() Limits {
	return Limits{
		MaxShiftMinutes:         13 * 60,
		Max7DayMinutes:          72 * 60,
		MaxAverageWeeklyMinutes: 48 * 60,
		MinRestMinutes:          11 * 60,
		MaxConsecutiveShifts:    7,
		MaxConsecutiveLong:      5,
		MaxConsecutiveNights:    4,
		NightRestAfterAny:       true,
		MaxConsecutiveLongLate:  4,
		WeekendFrequency:        3,
		RestAfterRunMinutes:     48 * 60,
		RestAfterNightsMinutes:  46 * 60,
		OneBreakOverMinutes:     5 * 60,
		TwoBreaksOverMinutes:    9 * 60,
		ThreeBreaksFromMinutes:  12 * 60,
		OnCallRestMinutes:       8 * 60,
		OnCallNightRestMinutes:  5 * 60,
		OnCallNightFromMinute:   22 * 60,
		OnCallNightToMinute:     7 * 60,
		OnCallReviewMinutes:     24 * 60,
	}
}

// Limits2016 are the original 2016 terms, for rotas checked against them
// (rules.md 4.3): 8 consecutive shifts, rest after 3 or 4 nights only,
// one weekend in two, two breaks in a 12-hour shift.
func Limits2016() Limits {
	l := Limits2019()
	l.MaxConsecutiveShifts = 8
	l.NightRestAfterAny = false
	l.WeekendFrequency = 2
	l.ThreeBreaksFromMinutes = 0
	return l
}

// BreaksNeeded is how many 30-minute breaks a shift of minutes needs under
// the limits' break policy (rules.md 4.3, Breaks).
func (l *Limits) BreaksNeeded(minutes int) int {
	switch {
	case l.ThreeBreaksFromMinutes > 0 && minutes >= l.ThreeBreaksFromMinutes:
		return 3
	case minutes > l.TwoBreaksOverMinutes:
		return 2
	case minutes > l.OneBreakOverMinutes:
		return 1
	}
	return 0
}

// BreakThresholds are a Trust's break policy (the policy settings
// rota.oneBreakOverMinutes, rota.twoBreaksOverMinutes and
// rota.threeBreaksFromMinutes), since rules.md 4.3 leaves the 2016
// thresholds unconfirmed. ThreeFromMinutes 0 gives no third break.
type BreakThresholds struct {
	OneOverMinutes, TwoOverMinutes, ThreeFromMinutes int
}

// WithBreaks returns l with the Trust's break thresholds. Limits with no
// third break (the 2016 terms, before the 2019 amendment) keep none,
// whatever the Trust sets for it; the zero BreakThresholds leave l as it
// is, for callers with no policy.
func (l Limits) WithBreaks(b BreakThresholds) Limits {
	if b == (BreakThresholds{}) {
		return l
	}
	l.OneBreakOverMinutes, l.TwoBreaksOverMinutes = b.OneOverMinutes, b.TwoOverMinutes
	if l.ThreeBreaksFromMinutes > 0 {
		l.ThreeBreaksFromMinutes = b.ThreeFromMinutes
	}
	return l
}

// nightRestThreshold is the length of a run of nights after which the
// night rest is owed: 1 under the 2019 terms, 3 under the 2016 terms
// ("after 3 or 4 nights"), never more than the maximum run.
func (l *Limits) nightRestThreshold() int {
	if l.NightRestAfterAny {
		return 1
	}
	return max(1, min(3, l.MaxConsecutiveNights))
}

// Duty is one rostered shift of one person, as instants (UTC). Code is the
// shift type's code ("LD"), or whatever a fixed or imported duty carries;
// Breaks, NonResident and ExpectedWorkMinutes are its shift type's.
type Duty struct {
	StaffID    int64
	Code       string
	Start, End time.Time
	Breaks     int // 30-minute breaks planned
	// NonResident duties (non-resident on call) are exempt from the
	// maximum shift length and the breaks rule, are not night, long or
	// late-evening shifts, and count ExpectedWorkMinutes for the hours
	// rules (see WorkMinutes).
	NonResident         bool
	ExpectedWorkMinutes int
}

// Minutes is the duty's real length in minutes: a night across the autumn
// clock change is an hour longer than the same night on other dates.
func (d Duty) Minutes() int { return int(d.End.Sub(d.Start) / time.Minute) }

// WorkMinutes is the work the hours rules (72 in 7 days, the 48-hour
// average) and the fair share of hours count for d: its whole length for
// a resident shift; for non-resident on call the work expected while on
// call, never more than the duty's length. The reading: an on-call doctor
// at home is not working for the span of the call, and the rota cannot
// know the work in advance, so the expected work stands for it, spread
// evenly over the span (a window that holds half the call holds half the
// expected work).
func (d Duty) WorkMinutes() int {
	if d.NonResident {
		return max(0, min(d.ExpectedWorkMinutes, d.Minutes()))
	}
	return d.Minutes()
}

// Night-shift window of the 2016 terms: at least 3 hours of the shift fall
// between 23:00 and 06:00.
const (
	nightFromHour = 23
	nightToHour   = 6
	nightMinHours = 3
	longMinutes   = 10 * 60
	lateAfterHour = 23
)

// IsNight reports whether d is a night shift under the 2016 terms: at least
// 3 hours of it fall between 23:00 and 06:00 local time (rules.md 4.3).
// Non-resident on call is not a night shift: its nights are judged by the
// rest expectation of on call instead (OnCallRest).
func IsNight(d Duty, loc *time.Location) bool {
	return !d.NonResident && nightOverlap(d.Start, d.End, loc) >= nightMinHours*time.Hour
}

// nightOverlap is the time of [start, end) that falls between 23:00 and
// 06:00 local, over every night the duty touches. Each window is made from
// wall-clock times, so a clock change shortens or lengthens it as it does
// the doctor's night.
func nightOverlap(start, end time.Time, loc *time.Location) time.Duration {
	var total time.Duration
	first := elective.DateOf(start, loc).AddDays(-1)
	last := elective.DateOf(end, loc)
	for d := first; !d.After(last); d = d.AddDays(1) {
		from := d.At(nightFromHour, 0, loc)
		to := d.AddDays(1).At(nightToHour, 0, loc)
		if lo, hi := maxTime(from, start), minTime(to, end); hi.After(lo) {
			total += hi.Sub(lo)
		}
	}
	return total
}

// IsLong reports whether d is a long shift: over 10 hours (rules.md 4.3).
// Non-resident on call is not a long shift, however long the call.
func IsLong(d Duty) bool { return !d.NonResident && d.End.Sub(d.Start) > longMinutes*time.Minute }

// IsLongLateEvening reports whether d is a long late-evening shift: over 10
// hours and ending after 23:00 local on the day it starts (rules.md 4.3).
// A night shift (IsNight) is not one: the night rules govern it, so a
// 20:30-09:00 night is counted once, as a night.
func IsLongLateEvening(d Duty, loc *time.Location) bool {
	if !IsLong(d) || IsNight(d, loc) {
		return false
	}
	return d.End.After(elective.DateOf(d.Start, loc).At(lateAfterHour, 0, loc))
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
