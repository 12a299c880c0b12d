package rota

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// Gap is cover a rota does not meet: Short more people are needed on
// shift Code on Date.
type Gap struct {
	Date  elective.Date
	Code  string
	Short int
	Why   string // what is needed and why no one can take it, or who could
}

// Load is what one person works in the period: the fairness the builder
// evens out, pro rata to FTE and time not on leave.
type Load struct {
	StaffID                           int64
	Minutes, Shifts, Nights, Weekends int
	Unpopular, PreferOffBroken        int
}

func (l *Load) tally() tally {
	return tally{minutes: int64(l.Minutes), nights: int64(l.Nights), weekends: int64(l.Weekends),
		unpopular: int64(l.Unpopular), broken: int64(l.PreferOffBroken)}
}

// Result is a rota with what is wrong with it and how fair it is.
type Result struct {
	Duties     []Duty
	Gaps       []Gap
	Violations []Violation
	Load       []Load // one per person, in the order of Problem.Staff
	// Cost is the builder's price of the rota (gaps, then fairness and days
	// off asked for): lower is better, for comparing rotas of one problem.
	Cost int64
	// Moves is how many moves Build tried, over both phases and all
	// threads: its budget unless it was stopped (0 from Summarise).
	Moves int64
}

// Summarise works out the gaps, violations, loads and cost of any rota
// for p: built, hand-edited or imported. duties is the whole rota for the
// period (p.Fixed is not added to it); each person's Before duties count
// as context. Besides the safety rules it reports work on leave
// (RuleOnLeave) and shifts longer than the person's contract allows
// (RuleContractLength). p should be valid (Validate).
func Summarise(p *Problem, duties []Duty) *Result {
	v := newView(p, duties)
	res := &Result{Duties: slices.Clone(duties)}
	sortDuties(res.Duties)
	res.Violations = v.violations()
	res.Load = v.loads()
	res.Gaps = v.gaps()
	short := 0
	for _, g := range res.Gaps {
		short += g.Short
	}
	fte := make([]int64, len(p.Staff))
	for i := range p.Staff {
		fte[i] = p.share(i)
	}
	res.Cost = costOf(&defaultWeights, res.Load, fte, short)
	return res
}

// view is a rota seen person by person, for Summarise and Eligible.
type view struct {
	p      *Problem
	loc    *time.Location
	per    period
	index  map[int64]int // staff ID → index in p.Staff
	mine   [][]Duty      // each person's duties in the rota
	others []Duty        // duties of staff not on the rota
	spans  [][]span      // Before and mine, sorted
	base   [][]breach    // breaches dated in the period
	cover  []shiftCover  // by date, then shift
	at     map[coverKey]int
}

type coverKey struct {
	date  elective.Date
	shift int
}

func newView(p *Problem, duties []Duty) *view {
	loc := p.Loc
	if loc == nil {
		loc = time.UTC
	}
	v := &view{p: p, loc: loc, per: newPeriod(p.From, p.To, loc), index: map[int64]int{}}
	n := len(p.Staff)
	v.mine, v.spans, v.base = make([][]Duty, n), make([][]span, n), make([][]breach, n)
	for i := range p.Staff {
		v.index[p.Staff[i].ID] = i
	}
	for _, d := range duties {
		if i, ok := v.index[d.StaffID]; ok {
			v.mine[i] = append(v.mine[i], d)
		} else {
			v.others = append(v.others, d)
		}
	}
	for i := range p.Staff {
		sortDuties(v.mine[i])
		v.spans[i] = spansOf(slices.Concat(p.Staff[i].Before, v.mine[i]), loc)
		v.base[i] = v.per.breaches(v.spans[i], &p.Limits, nil)
	}
	v.cover = v.covers()
	v.at = map[coverKey]int{}
	for k, sc := range v.cover {
		v.at[coverKey{sc.date, sc.shift}] = k
	}
	return v
}

// inPeriod reports whether d starts in the period.
func (v *view) inPeriod(d Duty) bool {
	day := elective.DateOf(d.Start, v.loc)
	return !day.Before(v.p.From) && !day.After(v.p.To)
}

func (v *view) violations() []Violation {
	var out []Violation
	for i := range v.p.Staff {
		pe := &v.p.Staff[i]
		for _, b := range v.base[i] {
			out = append(out, Violation{StaffID: pe.ID, Rule: b.rule, Date: elective.DateFromDays(b.day), Message: b.message()})
		}
		out = append(out, v.personal(pe, v.mine[i])...)
		out = append(out, breakViolations(v.mine[i], &v.per, &v.p.Limits, v.loc)...)
	}
	out = append(out, Check(v.others, v.p.From, v.p.To, v.p.Limits, v.loc)...)
	sortViolations(out)
	return out
}

// personal finds work on leave and shifts over the person's contract
// (which, like the maximum shift, non-resident on call is exempt from).
func (v *view) personal(pe *Person, duties []Duty) []Violation {
	var out []Violation
	for _, d := range duties {
		if !v.inPeriod(d) {
			continue
		}
		day := elective.DateOf(d.Start, v.loc)
		if u, ok := v.onLeave(pe, d); ok {
			out = append(out, Violation{StaffID: pe.ID, Rule: RuleOnLeave, Date: day,
				Message: fmt.Sprintf("Rostered on %s, when on approved leave.", u.Format("2 Jan 2006"))})
		}
		if lim := pe.MaxShiftMinutes; !d.NonResident && lim > 0 && d.Minutes() > lim && d.Minutes() <= v.p.Limits.MaxShiftMinutes {
			out = append(out, Violation{StaffID: pe.ID, Rule: RuleContractLength, Date: day,
				Message: fmt.Sprintf("This %s shift is longer than the %s the contract allows.", hours(int64(d.Minutes())), hours(int64(lim)))})
		}
	}
	return out
}

// onLeave returns the first date of leave that duty d works on.
func (v *view) onLeave(pe *Person, d Duty) (elective.Date, bool) {
	first, last := touched(d.Start, d.End, v.loc)
	for _, u := range pe.Unavailable {
		if !u.Before(first) && !u.After(last) {
			return u, true
		}
	}
	return elective.Date{}, false
}

func (v *view) loads() []Load {
	out := make([]Load, len(v.p.Staff))
	for i := range v.p.Staff {
		pe := &v.p.Staff[i]
		l := Load{StaffID: pe.ID}
		weekends := map[int64]bool{}
		broken := map[elective.Date]bool{}
		for _, d := range v.mine[i] {
			if !v.inPeriod(d) {
				continue
			}
			l.Minutes += d.WorkMinutes()
			l.Shifts++
			if IsNight(d, v.loc) {
				l.Nights++
			}
			if k := v.p.shift(d.Code); k >= 0 && v.p.Shifts[k].Unpopular {
				l.Unpopular++
			}
			for _, w := range weekendsOf(d.Start, d.End, v.loc) {
				if w != noWeekend {
					weekends[w] = true
				}
			}
			first, last := touched(d.Start, d.End, v.loc)
			for _, o := range pe.PreferOff {
				if !o.Before(first) && !o.After(last) && !o.Before(v.p.From) && !o.After(v.p.To) {
					broken[o] = true
				}
			}
		}
		l.Weekends, l.PreferOffBroken = len(weekends), len(broken)
		out[i] = l
	}
	return out
}

// slot is one position of cover in a shift on a date.
type slot struct {
	cover *Cover
	skill bool
}

// shiftCover is the cover of one shift on one date.
type shiftCover struct {
	date  elective.Date
	shift int
	slots []slot
}

// covers lists the cover by date, then shift in the order of p.Shifts.
func (v *view) covers() []shiftCover {
	var out []shiftCover
	index := map[coverKey]int{}
	for ci := range v.p.Cover {
		c := &v.p.Cover[ci]
		s := v.p.shift(c.Code)
		if s < 0 || c.Date.Before(v.p.From) || c.Date.After(v.p.To) {
			continue
		}
		k, ok := index[coverKey{c.Date, s}]
		if !ok {
			k = len(out)
			index[coverKey{c.Date, s}] = k
			out = append(out, shiftCover{date: c.Date, shift: s})
		}
		for j := range c.Min {
			out[k].slots = append(out[k].slots, slot{cover: c, skill: j == 0 && c.Skill != ""})
		}
	}
	slices.SortStableFunc(out, func(a, b shiftCover) int { return cmp.Or(a.date.Compare(b.date), cmp.Compare(a.shift, b.shift)) })
	return out
}

// on lists the people working shift s on date.
func (v *view) on(s int, date elective.Date) []int {
	var out []int
	for i := range v.p.Staff {
		if slices.ContainsFunc(v.mine[i], func(d Duty) bool { return d.Code == v.p.Shifts[s].Code && elective.DateOf(d.Start, v.loc) == date }) {
			out = append(out, i)
		}
	}
	return out
}

// fill matches the people to the slots and returns, per slot, the person
// index into who or -1.
func (v *view) fill(sc *shiftCover, who []int) []int {
	return match(len(sc.slots), len(who), func(pos, person int) bool {
		return suits(sc.slots[pos].cover, sc.slots[pos].skill, &v.p.Staff[who[person]])
	})
}

func (v *view) gaps() []Gap {
	var out []Gap
	for _, sc := range v.cover {
		at := v.fill(&sc, v.on(sc.shift, sc.date))
		if short := len(sc.slots) - matched(at); short > 0 {
			out = append(out, Gap{Date: sc.date, Code: v.p.Shifts[sc.shift].Code, Short: short, Why: v.why(&sc, at, short)})
		}
	}
	return out
}

// maxNames is how many people a gap names as able to take it (fewest
// hours first); Eligible lists them all.
const maxNames = 5

// why says what a gap needs and why no one can take it, or who could.
func (v *view) why(sc *shiftCover, at []int, short int) string {
	var need []string
	for k, sl := range sc.slots {
		if at[k] < 0 {
			need = append(need, describe(sl))
		}
	}
	slices.Sort(need)
	need = slices.Compact(need)
	text := fmt.Sprintf("Needs %d more (%s).", short, strings.Join(need, "; "))
	var ok []string
	counts := map[string]int{}
	var order []string
	for _, c := range v.candidates(sc.shift, sc.date) {
		if c.OK {
			ok = append(ok, c.Name)
			continue
		}
		label := reasonLabel(c.Rule)
		if counts[label] == 0 {
			order = append(order, label)
		}
		counts[label]++
	}
	if len(ok) > maxNames {
		ok = append(ok[:maxNames], fmt.Sprintf("and %d more", len(ok)-maxNames))
	}
	if len(ok) > 0 {
		return text + " Could be taken by " + strings.Join(ok, ", ") + "."
	}
	parts := make([]string, len(order))
	for i, label := range order {
		parts[i] = fmt.Sprintf("%d %s", counts[label], label)
	}
	return text + " No one can take it safely: " + strings.Join(parts, ", ") + "."
}

// describe says who may fill a slot: "any grade", "CT1 to ST8, with ALS".
func describe(sl slot) string {
	g := "any grade"
	switch n := len(sl.cover.Grades); {
	case n > 3:
		g = sl.cover.Grades[0] + " to " + sl.cover.Grades[n-1]
	case n > 0:
		g = strings.Join(sl.cover.Grades, ", ")
	}
	if sl.skill {
		g += ", with " + sl.cover.Skill
	}
	return g
}
