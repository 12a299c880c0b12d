package rota

import (
	"math"
	"sort"
)

// Rule codes: stable names for the safety rules of rules.md 4.3, for
// storage, filters and tests. Messages may change; codes do not.
const (
	RuleShiftLength      = "max-shift-length"
	RuleOverlap          = "overlapping-duties"
	RuleRest             = "min-rest"
	RuleSevenDay         = "max-72h-7days"
	RuleAverageWeekly    = "max-average-weekly"
	RuleConsecutive      = "max-consecutive-shifts"
	RuleRestConsecutive  = "rest-after-consecutive-shifts"
	RuleConsecutiveLong  = "max-consecutive-long"
	RuleRestLong         = "rest-after-long-shifts"
	RuleNights           = "max-consecutive-nights"
	RuleRestNights       = "rest-after-nights"
	RuleLongLate         = "max-consecutive-long-late"
	RuleRestLongLate     = "rest-after-long-late"
	RuleWeekendFrequency = "weekend-frequency"
	RuleBreaks           = "breaks-within-shift"
	// RuleConsecutiveOnCall: non-resident on call on consecutive days
	// other than Saturday and Sunday (consecutiveOnCall).
	RuleConsecutiveOnCall = "consecutive-on-call"
	// Summarise also reports these, which are about the person, not the
	// contract's limits.
	RuleOnLeave        = "on-leave"
	RuleContractLength = "over-contract-length"
)

// breach is a broken rule as the rule functions find it; Check turns it
// into a Violation with a message. Counts are minutes, shifts or weekends
// as the rule measures them.
type breach struct {
	rule  string
	day   int64 // local date where it shows, as elective.Date.Days
	got   int64
	limit int64
	ref   int64 // context: the rest owed or the run's length (run rules), the earlier weekend
}

// shiftLength: no shift over 13 hours (rules.md 4.3; TS-146). Non-resident
// on call may last up to 24 hours: the limit is for resident shifts.
func shiftLength(ss []span, l *Limits, out []breach) []breach {
	for i := range ss {
		if ss[i].onCall {
			continue
		}
		if m := ss[i].minutes(); m > int64(l.MaxShiftMinutes) {
			out = append(out, breach{rule: RuleShiftLength, day: ss[i].day, got: m, limit: int64(l.MaxShiftMinutes)})
		}
	}
	return out
}

// restBetween: at least 11 hours from the end of one shift to the start of
// the next (rules.md 4.3; TS-147). Duties that overlap are reported as such.
func restBetween(ss []span, l *Limits, out []breach) []breach {
	lastEnd := int64(math.MinInt64)
	for i := range ss {
		if i > 0 {
			switch gap := ss[i].start - lastEnd; {
			case gap < 0:
				out = append(out, breach{rule: RuleOverlap, day: ss[i].day, got: -gap / 60})
			case gap < int64(l.MinRestMinutes)*60:
				out = append(out, breach{rule: RuleRest, day: ss[i].day, got: gap / 60, limit: int64(l.MinRestMinutes)})
			}
		}
		lastEnd = max(lastEnd, ss[i].end)
	}
	return out
}

const weekSeconds = 7 * 24 * 3600

// sevenDay: at most 72 hours in any 168 hours, counted by instants over a
// rolling window (rules.md 4.3; TS-140); non-resident on call counts its
// expected work spread over its span (Duty.WorkMinutes). The hours in a
// sliding window peak when it starts as a duty starts or ends as a duty
// ends (the work is even within each duty), so only those windows are
// priced. Each is dated at the last duty in it, one
// breach per date with the worst window's hours.
func sevenDay(ss []span, l *Limits, out []breach) []breach {
	n := len(ss)
	if n == 0 {
		return out
	}
	var longest int64
	for i := range ss {
		longest = max(longest, ss[i].end-ss[i].start)
	}
	limit := int64(l.Max7DayMinutes) * 60
	i := 0 // the next window that starts at a duty's start
	for j := range n {
		worst := windowSum(ss, ss[j].end-weekSeconds, ss[j].end, longest)
		for i < n && (j == n-1 || ss[i].start+weekSeconds <= ss[j+1].start) {
			worst = max(worst, windowSum(ss, ss[i].start, ss[i].start+weekSeconds, longest))
			i++
		}
		if worst <= limit {
			continue
		}
		b := breach{rule: RuleSevenDay, day: ss[j].day, got: worst / 60, limit: int64(l.Max7DayMinutes)}
		if k := len(out) - 1; k >= 0 && out[k].rule == b.rule && out[k].day == b.day {
			out[k].got = max(out[k].got, b.got)
			continue
		}
		out = append(out, b)
	}
	return out
}

// windowSum is the seconds of work in [from, to).
func windowSum(ss []span, from, to, longest int64) int64 {
	k := sort.Search(len(ss), func(k int) bool { return ss[k].start >= from-longest })
	var sum int64
	for ; k < len(ss) && ss[k].start < to; k++ {
		sum += ss[k].workIn(from, to)
	}
	return sum
}

// kind picks the shifts a run rule counts.
type kind uint8

const (
	anyShift kind = iota
	longShift
	nightShift
	longLateShift
)

func (s *span) is(k kind) bool {
	switch k {
	case longShift:
		return s.long
	case nightShift:
		return s.night
	case longLateShift:
		return s.late
	}
	return true
}

// runRule is one "at most N in a row, then R hours' rest" rule.
type runRule struct {
	kind              kind
	max, restAfter    int // longest run; run length from which the rest is owed
	restMinutes       int
	maxRule, restRule string
}

// runRules are the four run rules of rules.md 4.3: consecutive shifts of
// any kind (TS-144), long shifts (TS-140, TS-141), nights (TS-142, TS-143)
// and long late-evening shifts.
func (l *Limits) runRules() [4]runRule {
	return [4]runRule{
		{anyShift, l.MaxConsecutiveShifts, l.MaxConsecutiveShifts, l.RestAfterRunMinutes, RuleConsecutive, RuleRestConsecutive},
		{longShift, l.MaxConsecutiveLong, l.MaxConsecutiveLong, l.RestAfterRunMinutes, RuleConsecutiveLong, RuleRestLong},
		{nightShift, l.MaxConsecutiveNights, l.nightRestThreshold(), l.RestAfterNightsMinutes, RuleNights, RuleRestNights},
		{longLateShift, l.MaxConsecutiveLongLate, l.MaxConsecutiveLongLate, l.RestAfterRunMinutes, RuleLongLate, RuleRestLongLate},
	}
}

// runs applies one run rule. A run is a sequence of shifts of the rule's
// kind that start on the same or the next local day as the one before,
// with no other shift between; a day off or a shift of another kind ends
// it. A run longer than the maximum breaks the rule at its first shift
// over; a run that reaches the rest threshold owes the rest from the end of
// its last shift to the start of the next shift, whatever that is.
func runs(ss []span, r *runRule, out []breach) []breach {
	n, first, last := 0, 0, 0
	for i := 0; i <= len(ss); i++ {
		in := i < len(ss) && ss[i].is(r.kind)
		if in && n > 0 && last == i-1 && ss[i].day-ss[last].day <= 1 {
			n, last = n+1, i
			continue
		}
		if n > 0 {
			out = closeRun(ss, r, n, first, last, out)
		}
		n, first, last = 0, i, i
		if in {
			n = 1
		}
	}
	return out
}

func closeRun(ss []span, r *runRule, n, first, last int, out []breach) []breach {
	if n > r.max {
		out = append(out, breach{rule: r.maxRule, day: ss[first+r.max].day, got: int64(n), limit: int64(r.max), ref: int64(r.restMinutes)})
	}
	if n >= r.restAfter && last+1 < len(ss) {
		if rest := ss[last+1].start - ss[last].end; rest < int64(r.restMinutes)*60 {
			out = append(out, breach{rule: r.restRule, day: ss[last+1].day, got: rest / 60, limit: int64(r.restMinutes), ref: int64(n)})
		}
	}
	return out
}

// weekendFrequency: at most one weekend worked in any WeekendFrequency
// consecutive weekends (1 in 3 from 2019, 1 in 2 under the 2016 terms;
// rules.md 4.3; TS-145). This is the strict, rolling reading: two worked
// weekends fewer than WeekendFrequency weeks apart break it, wherever
// they fall, rather than an average over the rota. A weekend is worked if
// any duty has work between 00:00 Saturday and 24:00 Sunday local. The
// breach is dated at the first day worked of the later weekend.
func weekendFrequency(ss []span, l *Limits, out []breach) []breach {
	prev := int64(noWeekend)
	for i := range ss {
		for _, w := range ss[i].weekends {
			if w == noWeekend || (prev != noWeekend && w <= prev) {
				continue
			}
			if prev != noWeekend && (w-prev)/7 < int64(l.WeekendFrequency) {
				out = append(out, breach{rule: RuleWeekendFrequency, day: max(ss[i].day, w), got: (w - prev) / 7, limit: int64(l.WeekendFrequency), ref: prev})
			}
			prev = w
		}
	}
	return out
}

// averageWeekly: at most 48 hours a week on average over the period
// [from, to) of days days (rules.md 4.3), counting only the work inside
// it (the expected work of non-resident on call, Duty.WorkMinutes). It is
// dated at the period's last day, lastDay.
func averageWeekly(ss []span, from, to int64, days int, lastDay int64, l *Limits, out []breach) []breach {
	var secs int64
	for i := range ss {
		secs += ss[i].workIn(from, to)
	}
	if days <= 0 {
		return out
	}
	if minutes := secs / 60; minutes*7 > int64(l.MaxAverageWeeklyMinutes)*int64(days) {
		out = append(out, breach{rule: RuleAverageWeekly, day: lastDay, got: minutes * 7 / int64(days), limit: int64(l.MaxAverageWeeklyMinutes)})
	}
	return out
}

// breaches applies every rule but the average to one person's spans,
// sorted by start.
func breaches(ss []span, l *Limits, out []breach) []breach {
	out = shiftLength(ss, l, out)
	out = restBetween(ss, l, out)
	out = sevenDay(ss, l, out)
	rr := l.runRules()
	for i := range rr {
		out = runs(ss, &rr[i], out)
	}
	out = consecutiveOnCall(ss, out)
	return weekendFrequency(ss, l, out)
}
