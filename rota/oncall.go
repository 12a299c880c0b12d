package rota

import (
	"fmt"
	"slices"
	"time"

	"github.com/openelective/elective"
)

// Episode is a stretch of work done while on non-resident on call (a call
// in, a long call by phone), as instants.
type Episode struct{ Start, End time.Time }

// RestPeriod is the rest of one 24 hours on call: the work done in it,
// the rest left, the longest continuous rest in the night window, what is
// expected of each and whether the expectation was met (rules.md 4.3,
// non-resident on call; TS-148).
type RestPeriod struct {
	Start, End       time.Time
	WorkMinutes      int
	RestMinutes      int
	NightRestMinutes int // longest continuous rest between 22:00 and 07:00 local
	NeedRestMinutes  int
	NeedNightMinutes int
	Met              bool
}

// OnCallRest judges the rest of a non-resident on-call duty d, given the
// work done on it, against the expectation of rules.md 4.3: 8 hours' rest
// per 24 hours on call, at least 5 of them continuous between 22:00 and
// 07:00 (the Limits' OnCall fields). The readings:
//
//   - the duty is cut into periods of 24 hours on call from its start, each
//     to the same wall-clock time the next day, so the day of a clock change
//     is one period of 23 or 25 hours, as the doctor lives it; the last
//     period ends with the duty;
//   - rest is the time on call without work: the episodes are clipped to
//     the duty and merged where they overlap;
//   - night rest is the longest stretch without work inside one night
//     window, 22:00 to 07:00 built from wall-clock times on each date and
//     measured by instants (8 hours on the spring night, 10 on the autumn
//     one); a night that crosses midnight is one window;
//   - a period shorter than a day expects rest pro rata (8 hours × its
//     length / 24 hours), and no more night rest than the longest night
//     window inside it (a call ending at 02:00 cannot give 5 hours).
func OnCallRest(d Duty, work []Episode, l Limits, loc *time.Location) []RestPeriod {
	busy := mergeWork(work, d.Start, d.End)
	var out []RestPeriod
	for from := d.Start; from.Before(d.End); {
		next := sameTimeNextDay(from, loc)
		to := minTime(next, d.End)
		out = append(out, restPeriod(from, to, !to.Before(next), busy, &l, loc))
		from = to
	}
	return out
}

// RestMet reports whether every period met the expectation, and returns
// the first that did not.
func RestMet(ps []RestPeriod) (RestPeriod, bool) {
	for _, p := range ps {
		if !p.Met {
			return p, false
		}
	}
	return RestPeriod{}, true
}

// NextDuty returns on's person's first duty in duties that starts at or
// after the on call ends, if it starts within l.OnCallReviewMinutes of the
// end: the duty to review when the rest on call was not met (TS-148: the
// fatigue and rest rules are triggered). It is listed, never changed.
func NextDuty(on Duty, duties []Duty, l Limits) (Duty, bool) {
	var next Duty
	found := false
	limit := on.End.Add(time.Duration(l.OnCallReviewMinutes) * time.Minute)
	for _, d := range duties {
		if d.StaffID != on.StaffID || d.Start.Before(on.End) || !d.Start.Before(limit) {
			continue
		}
		if !found || d.Start.Before(next.Start) {
			next, found = d, true
		}
	}
	return next, found
}

// ReviewMessage says, for the cover worklist, why a duty after an on call
// is to be reviewed, with the figures of the period not met.
func ReviewMessage(p RestPeriod, l Limits) string {
	return fmt.Sprintf("Rest not met after on call: %s rest, the longest %s continuous between %s and %s; "+
		"%s rest with %s continuous in the night are expected (rules.md 4.3, TS-148).",
		hours(int64(p.RestMinutes)), hours(int64(p.NightRestMinutes)), clockText(l.OnCallNightFromMinute),
		clockText(l.OnCallNightToMinute), hours(int64(p.NeedRestMinutes)), hours(int64(p.NeedNightMinutes)))
}

func clockText(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// interval is a stretch of time [lo, hi).
type interval struct{ lo, hi time.Time }

// mergeWork clips the episodes to [from, to), sorts them and merges those
// that overlap or touch.
func mergeWork(work []Episode, from, to time.Time) []interval {
	var out []interval
	for _, e := range work {
		if lo, hi := maxTime(e.Start, from), minTime(e.End, to); hi.After(lo) {
			out = append(out, interval{lo, hi})
		}
	}
	slices.SortFunc(out, func(a, b interval) int { return a.lo.Compare(b.lo) })
	merged := out[:0]
	for _, iv := range out {
		if n := len(merged); n > 0 && !iv.lo.After(merged[n-1].hi) {
			merged[n-1].hi = maxTime(merged[n-1].hi, iv.hi)
			continue
		}
		merged = append(merged, iv)
	}
	return merged
}

// sameTimeNextDay is the wall-clock time of t on the next local date.
func sameTimeNextDay(t time.Time, loc *time.Location) time.Time {
	lt := t.In(loc)
	next := time.Date(lt.Year(), lt.Month(), lt.Day()+1, lt.Hour(), lt.Minute(), lt.Second(), lt.Nanosecond(), loc)
	if !next.After(t) { // never on real zones; guards the loop
		next = t.Add(24 * time.Hour)
	}
	return next
}

// restPeriod judges one period [from, to); whole is false for a last
// period shorter than a day.
func restPeriod(from, to time.Time, whole bool, busy []interval, l *Limits, loc *time.Location) RestPeriod {
	length := to.Sub(from)
	var worked time.Duration
	for _, b := range busy {
		if lo, hi := maxTime(b.lo, from), minTime(b.hi, to); hi.After(lo) {
			worked += hi.Sub(lo)
		}
	}
	p := RestPeriod{Start: from, End: to, WorkMinutes: minutesOf(worked), RestMinutes: minutesOf(length - worked),
		NeedRestMinutes: l.OnCallRestMinutes}
	if !whole {
		p.NeedRestMinutes = int(int64(l.OnCallRestMinutes) * int64(length/time.Minute) / (24 * 60))
	}
	night, window := nightRest(from, to, busy, l, loc)
	p.NightRestMinutes = minutesOf(night)
	p.NeedNightMinutes = min(l.OnCallNightRestMinutes, minutesOf(window))
	p.Met = p.RestMinutes >= p.NeedRestMinutes && p.NightRestMinutes >= p.NeedNightMinutes
	return p
}

// nightRest is the longest stretch without work inside any night window
// within [from, to), and the longest such window.
func nightRest(from, to time.Time, busy []interval, l *Limits, loc *time.Location) (longest, window time.Duration) {
	last := elective.DateOf(to, loc)
	for d := elective.DateOf(from, loc).AddDays(-1); !d.After(last); d = d.AddDays(1) {
		wlo, whi := nightWindow(d, l, loc)
		lo, hi := maxTime(wlo, from), minTime(whi, to)
		if !hi.After(lo) {
			continue
		}
		window = max(window, hi.Sub(lo))
		longest = max(longest, longestFree(lo, hi, busy))
	}
	return longest, window
}

// nightWindow is the night starting on local date d, from the wall-clock
// OnCallNightFromMinute to OnCallNightToMinute (the next day when it is
// earlier in the day), so that a clock change shortens or lengthens it.
func nightWindow(d elective.Date, l *Limits, loc *time.Location) (time.Time, time.Time) {
	to := l.OnCallNightToMinute
	if to <= l.OnCallNightFromMinute {
		to += 24 * 60
	}
	return time.Date(d.Year, d.Month, d.Day, 0, l.OnCallNightFromMinute, 0, 0, loc),
		time.Date(d.Year, d.Month, d.Day, 0, to, 0, 0, loc)
}

// longestFree is the longest stretch of [lo, hi) outside busy (sorted,
// merged).
func longestFree(lo, hi time.Time, busy []interval) time.Duration {
	var best time.Duration
	cur := lo
	for _, b := range busy {
		if !b.hi.After(cur) {
			continue
		}
		if !b.lo.Before(hi) {
			break
		}
		if b.lo.After(cur) {
			best = max(best, b.lo.Sub(cur))
		}
		cur = maxTime(cur, b.hi)
	}
	if hi.After(cur) {
		best = max(best, hi.Sub(cur))
	}
	return best
}

func minutesOf(d time.Duration) int { return int(d / time.Minute) }

// CheckEpisode refuses a stretch of work e that does not lie within the
// on-call duty d or overlaps work already recorded on it, naming the
// problem (fields "start" and "end", times local to loc). Nothing it
// refuses may be saved.
func CheckEpisode(d Duty, recorded []Episode, e Episode, loc *time.Location) error {
	var p elective.Problems
	at := func(t time.Time) string { return t.In(loc).Format("15:04 on 2 Jan") }
	switch {
	case !e.End.After(e.Start):
		p.Add("end", "The work must end after it starts")
	case e.Start.Before(d.Start):
		p.Add("start", "The work starts at %s, before the on call starts at %s", at(e.Start), at(d.Start))
	case e.End.After(d.End):
		p.Add("end", "The work ends at %s, after the on call ends at %s", at(e.End), at(d.End))
	}
	for _, r := range recorded {
		if e.Start.Before(r.End) && r.Start.Before(e.End) {
			p.Add("start", "The work overlaps work already recorded from %s to %s", at(r.Start), at(r.End))
			break
		}
	}
	return p.Err("The work was not recorded: check the fields marked")
}
