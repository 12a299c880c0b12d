package rota

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/openelective/elective"
)

// Candidate is one person considered for a gap.
type Candidate struct {
	StaffID int64
	Name    string
	Minutes int // already rostered in the period
	OK      bool
	Reason  string // why not, if !OK, for staff
	// Rule is why not as a code: RuleOnLeave, ReasonWorking, ReasonGrade,
	// ReasonSkill, RuleContractLength, ReasonNoShift, or the safety rule
	// (RuleRest, …) the shift would break.
	Rule string
}

// Reasons a person cannot take a shift other than the rules' own codes.
const (
	ReasonWorking = "already-working" // has a shift starting that day
	ReasonGrade   = "wrong-grade"     // the cover does not take their grade
	ReasonSkill   = "missing-skill"   // the cover needs a skill they lack
	ReasonNoShift = "no-such-shift"   // the rota has no shift of that code
	// ReasonNearBreach: their duties already break a rule within a week,
	// which more work would add to.
	ReasonNearBreach = "near-breach"
)

// Eligible lists every person for shift gapCode on gapDate given the
// current rota: those who may take it first, fewest minutes first, then
// the others by name with why not: on leave, already working that day,
// wrong grade, missing skill, longer than their contract allows, or the
// safety rule it would break. current is the whole rota (as for
// Summarise); grades and skills are those of the cover still unmet.
func Eligible(p *Problem, current []Duty, gapCode string, gapDate elective.Date) []Candidate {
	v := newView(p, current)
	s := p.shift(gapCode)
	if s < 0 {
		out := make([]Candidate, len(p.Staff))
		for i, pe := range p.Staff {
			out[i] = Candidate{StaffID: pe.ID, Name: pe.Name, Minutes: v.minutes(i), Rule: ReasonNoShift,
				Reason: fmt.Sprintf("The rota has no shift %q.", gapCode)}
		}
		return out
	}
	return v.candidates(s, gapDate)
}

// candidates considers everyone for shift s on date.
func (v *view) candidates(s int, date elective.Date) []Candidate {
	var sc shiftCover
	if k, ok := v.at[coverKey{date, s}]; ok {
		sc = v.cover[k]
	}
	who := v.on(s, date)
	base := matched(v.fill(&sc, who))
	out := make([]Candidate, len(v.p.Staff))
	for i := range v.p.Staff {
		out[i] = v.candidate(i, s, date, &sc, who, base)
	}
	slices.SortStableFunc(out, func(a, b Candidate) int {
		switch {
		case a.OK != b.OK:
			if a.OK {
				return -1
			}
			return 1
		case a.OK && a.Minutes != b.Minutes:
			return cmp.Compare(a.Minutes, b.Minutes)
		}
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.StaffID, b.StaffID))
	})
	return out
}

func (v *view) minutes(i int) int {
	n := 0
	for _, d := range v.mine[i] {
		if v.inPeriod(d) {
			n += d.WorkMinutes()
		}
	}
	return n
}

func (v *view) candidate(i, s int, date elective.Date, sc *shiftCover, who []int, base int) Candidate {
	pe := &v.p.Staff[i]
	c := Candidate{StaffID: pe.ID, Name: pe.Name, Minutes: v.minutes(i)}
	d := dutyOf(pe.ID, &v.p.Shifts[s], date, v.loc)
	refuse := func(rule, format string, args ...any) Candidate {
		c.Rule, c.Reason = rule, fmt.Sprintf(format, args...)
		return c
	}
	if u, ok := v.onLeave(pe, d); ok {
		return refuse(RuleOnLeave, "On leave on %s.", u.Format("2 Jan 2006"))
	}
	if k := slices.IndexFunc(v.mine[i], func(o Duty) bool { return elective.DateOf(o.Start, v.loc) == date }); k >= 0 {
		return refuse(ReasonWorking, "Already working %s that day.", v.shiftName(v.mine[i][k].Code))
	}
	if len(sc.slots) > 0 && base < len(sc.slots) && matched(v.fill(sc, append(slices.Clone(who), i))) == base {
		if !slices.ContainsFunc(sc.slots, func(sl slot) bool { return suits(sl.cover, false, pe) }) {
			return refuse(ReasonGrade, "Grade %s cannot fill this shift (%s).", pe.Grade, describe(sc.slots[0]))
		}
		var skills []string
		for _, sl := range sc.slots {
			if sl.skill && !pe.HasSkill(sl.cover.Skill) {
				skills = append(skills, sl.cover.Skill)
			}
		}
		return refuse(ReasonSkill, "Does not hold %s, which this shift still needs.", strings.Join(slices.Compact(skills), " or "))
	}
	if lim := pe.MaxShiftMinutes; !d.NonResident && lim > 0 && d.Minutes() > lim {
		return refuse(RuleContractLength, "The shift is %s, longer than the %s their contract allows.", hours(int64(d.Minutes())), hours(int64(lim)))
	}
	if need, short := breaksShort(d, &v.p.Limits); short {
		return refuse(RuleBreaks, "The shift plans %s; a shift of %s needs %d (rules.md 4.3).",
			plural(int64(d.Breaks), "break"), hours(int64(d.Minutes())), need)
	}
	if b, ok := v.wouldBreak(i, d); ok {
		if b.rule == ReasonNearBreach {
			return refuse(ReasonNearBreach, "Their rota already breaks the rules on %s; fix that first.", elective.DateFromDays(b.day).Format("2 Jan 2006"))
		}
		return refuse(b.rule, "Would break the rules on %s: %s", elective.DateFromDays(b.day).Format("2 Jan 2006"), b.message())
	}
	c.OK = true
	return c
}

// wouldBreak finds the first rule that adding d to person i's rota would
// break that it does not already, or a breach they already have within a
// week of it (the builder adds nothing there either).
func (v *view) wouldBreak(i int, d Duty) (breach, bool) {
	sp := spanOf(d, v.loc)
	for _, b := range v.base[i] {
		if b.rule != RuleAverageWeekly && b.day >= sp.day-breachMargin && b.day <= sp.day+breachMargin {
			return breach{rule: ReasonNearBreach, day: b.day}, true
		}
	}
	ss := append(slices.Clone(v.spans[i]), sp)
	sortSpans(ss)
	for _, b := range v.per.breaches(ss, &v.p.Limits, nil) {
		known := slices.ContainsFunc(v.base[i], func(a breach) bool { return a.rule == b.rule && a.day == b.day })
		if !known || (b.rule == RuleAverageWeekly && sp.end > v.per.start && sp.start < v.per.end) {
			return b, true
		}
	}
	return breach{}, false
}

func (v *view) shiftName(code string) string {
	if k := v.p.shift(code); k >= 0 && v.p.Shifts[k].Name != "" {
		return v.p.Shifts[k].Name
	}
	return code
}

// reasonLabel names a refusal for a gap's summary.
func reasonLabel(rule string) string {
	switch rule {
	case RuleOnLeave:
		return "on leave"
	case ReasonWorking:
		return "already working that day"
	case ReasonGrade:
		return "of another grade"
	case ReasonSkill:
		return "without the skill"
	case RuleContractLength:
		return "whose contract allows no shift so long"
	case ReasonNearBreach:
		return "already breaking a rule that week"
	case ReasonNoShift:
		return "not offered (no such shift)"
	case RuleBreaks:
		return "kept off it: the shift plans too few breaks"
	case RuleConsecutiveOnCall:
		return "on call the day before or after"
	}
	return "would break " + rule
}
