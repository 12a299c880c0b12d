package rota

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/openelective/elective"
)

// Violation is one broken safety rule for one person.
type Violation struct {
	StaffID int64
	Rule    string        // stable code, one of the Rule constants
	Date    elective.Date // local date where it shows: the shift that breaks the rule
	Message string        // for staff; cites rules.md 4.3
}

// Check lists every violation of the limits l in a set of duties, for the
// dates from..to (local, inclusive), sorted by staff, then date, then rule.
// Duties outside the period still count as context (rest and runs from the
// rota before), but only violations dated inside it are reported; the
// average weekly hours count only the work inside the period and show on
// its last day. Check never repairs anything.
func Check(duties []Duty, from, to elective.Date, l Limits, loc *time.Location) []Violation {
	byStaff := map[int64][]Duty{}
	var ids []int64
	for _, d := range duties {
		if _, ok := byStaff[d.StaffID]; !ok {
			ids = append(ids, d.StaffID)
		}
		byStaff[d.StaffID] = append(byStaff[d.StaffID], d)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	per := newPeriod(from, to, loc)
	var out []Violation
	for _, id := range ids {
		out = append(out, per.violations(id, spansOf(byStaff[id], loc), &l)...)
		out = append(out, breakViolations(byStaff[id], &per, &l, loc)...)
	}
	sortViolations(out)
	return out
}

// sortViolations orders violations by staff, then date, then rule.
func sortViolations(vs []Violation) {
	slices.SortStableFunc(vs, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.StaffID, b.StaffID), a.Date.Compare(b.Date), cmp.Compare(a.Rule, b.Rule))
	})
}

// period is the dates checked, with the instants that bound them.
type period struct {
	from, to    elective.Date
	start, end  int64 // Unix seconds: 00:00 local on from, 00:00 local after to
	first, last int64 // from.Days(), to.Days()
	days        int
}

func newPeriod(from, to elective.Date, loc *time.Location) period {
	return period{from: from, to: to, start: from.At(0, 0, loc).Unix(), end: to.AddDays(1).At(0, 0, loc).Unix(),
		first: from.Days(), last: to.Days(), days: to.DaysSince(from) + 1}
}

// inside is the seconds of work of ss inside the period.
func (p *period) inside(ss []span) int64 {
	var secs int64
	for i := range ss {
		secs += ss[i].workIn(p.start, p.end)
	}
	return secs
}

// breaches applies every rule, the average included, to one person's
// spans and keeps those dated in the period, in date then rule order.
func (p *period) breaches(ss []span, l *Limits, out []breach) []breach {
	n := len(out)
	out = breaches(ss, l, out)
	out = averageWeekly(ss, p.start, p.end, p.days, p.last, l, out)
	kept := out[:n]
	for _, b := range out[n:] {
		if b.day >= p.first && b.day <= p.last {
			kept = append(kept, b)
		}
	}
	sort.SliceStable(kept[n:], func(i, j int) bool {
		a, b := kept[n+i], kept[n+j]
		if a.day != b.day {
			return a.day < b.day
		}
		return a.rule < b.rule
	})
	return kept
}

func (p *period) violations(id int64, ss []span, l *Limits) []Violation {
	bs := p.breaches(ss, l, nil)
	out := make([]Violation, len(bs))
	for i, b := range bs {
		out[i] = Violation{StaffID: id, Rule: b.rule, Date: elective.DateFromDays(b.day), Message: b.message()}
	}
	return out
}

// message says what is wrong in staff's words, citing the contract.
func (b breach) message() string {
	const cite = " (rules.md 4.3)"
	switch b.rule {
	case RuleShiftLength:
		return fmt.Sprintf("This %s shift is longer than the %s maximum"+cite+".", hours(b.got), hours(b.limit))
	case RuleOverlap:
		return fmt.Sprintf("This shift overlaps the one before by %s.", hours(b.got))
	case RuleRest:
		return fmt.Sprintf("Only %s rest since the previous shift; at least %s are needed between shifts"+cite+".", hours(b.got), hours(b.limit))
	case RuleSevenDay:
		return fmt.Sprintf("%s worked in 7 days (168 hours); at most %s are allowed in any 7 days"+cite+".", hours(b.got), hours(b.limit))
	case RuleAverageWeekly:
		return fmt.Sprintf("Averages %s a week over the period; at most %s a week on average"+cite+".", hours(b.got), hours(b.limit))
	case RuleConsecutive:
		return fmt.Sprintf("%d consecutive shifts; at most %d in a row, then %s rest"+cite+".", b.got, b.limit, hours(b.ref))
	case RuleConsecutiveLong:
		return fmt.Sprintf("%d consecutive long shifts (over 10 h); at most %d in a row, then %s rest"+cite+".", b.got, b.limit, hours(b.ref))
	case RuleNights:
		return fmt.Sprintf("%d consecutive night shifts; at most %d in a row, then %s rest"+cite+".", b.got, b.limit, hours(b.ref))
	case RuleLongLate:
		return fmt.Sprintf("%d consecutive long late-evening shifts (over 10 h, ending after 23:00); at most %d in a row, then %s rest"+cite+".", b.got, b.limit, hours(b.ref))
	case RuleRestConsecutive:
		return fmt.Sprintf("Only %s rest after %d consecutive shifts; %s are needed"+cite+".", hours(b.got), b.ref, hours(b.limit))
	case RuleRestLong:
		return fmt.Sprintf("Only %s rest after %d consecutive long shifts; %s are needed"+cite+".", hours(b.got), b.ref, hours(b.limit))
	case RuleRestNights:
		return fmt.Sprintf("Only %s rest after %s; %s are needed after nights"+cite+".", hours(b.got), plural(b.ref, "night shift"), hours(b.limit))
	case RuleRestLongLate:
		return fmt.Sprintf("Only %s rest after %d consecutive long late-evening shifts; %s are needed"+cite+".", hours(b.got), b.ref, hours(b.limit))
	case RuleConsecutiveOnCall:
		return consecutiveOnCallMessage(b)
	case RuleWeekendFrequency:
		return fmt.Sprintf("Works this weekend and the weekend of %s, %s before; at most 1 weekend in %d"+cite+".",
			elective.DateFromDays(b.ref).Format("2 Jan 2006"), plural(b.got, "week"), b.limit)
	}
	return b.rule
}

// hours writes minutes as "13 h" or "12 h 30 min".
func hours(minutes int64) string {
	if minutes%60 == 0 {
		return fmt.Sprintf("%d h", minutes/60)
	}
	if minutes < 60 {
		return fmt.Sprintf("%d min", minutes)
	}
	return fmt.Sprintf("%d h %d min", minutes/60, minutes%60)
}

func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Validate checks that every limit is set: a zero limit would make every
// shift a breach, or none.
func (l Limits) Validate() error {
	var p elective.Problems
	for _, f := range []struct {
		name string
		v    int
	}{
		{"max_shift", l.MaxShiftMinutes}, {"max_7day", l.Max7DayMinutes}, {"max_average_weekly", l.MaxAverageWeeklyMinutes},
		{"min_rest", l.MinRestMinutes}, {"max_consecutive", l.MaxConsecutiveShifts}, {"max_consecutive_long", l.MaxConsecutiveLong},
		{"max_consecutive_nights", l.MaxConsecutiveNights}, {"max_consecutive_long_late", l.MaxConsecutiveLongLate},
		{"weekend_frequency", l.WeekendFrequency}, {"rest_after_run", l.RestAfterRunMinutes}, {"rest_after_nights", l.RestAfterNightsMinutes},
		{"two_breaks_over", l.TwoBreaksOverMinutes},
		{"on_call_rest", l.OnCallRestMinutes}, {"on_call_night_rest", l.OnCallNightRestMinutes}, {"on_call_review", l.OnCallReviewMinutes},
	} {
		if f.v <= 0 {
			p.Add(f.name, "Enter a limit above zero for %s", f.name)
		}
	}
	for _, m := range []int{l.OnCallNightFromMinute, l.OnCallNightToMinute} {
		if m < 0 || m >= 24*60 {
			p.Add("on_call_night", "The on-call night runs between times of day, 00:00 to 23:59")
		}
	}
	if l.OneBreakOverMinutes < 0 || l.OneBreakOverMinutes >= l.TwoBreaksOverMinutes {
		p.Add("one_break_over", "Enter a length for one break of 0 or more, below the length for two")
	}
	if l.ThreeBreaksFromMinutes < 0 || (l.ThreeBreaksFromMinutes > 0 && l.ThreeBreaksFromMinutes <= l.TwoBreaksOverMinutes) {
		p.Add("three_breaks_from", "Enter 0 (no third break) or a shift length for three breaks above the length for two")
	}
	return p.Err("The rota limits are not complete: check the fields marked")
}
