package schedule

import (
	"cmp"
	"context"
	"math/rand"
	"slices"

	"github.com/openelective/elective"
)

// DefaultListIterations is the per-thread iteration budget Optimise uses
// when neither Options nor ctx set a limit, so that a call with zero
// Options still returns (a fraction of a second for a month of lists).
const DefaultListIterations = 1_000_000

// Validate reports whether p is well formed: it returns the EINVALID error
// that Optimise would, or nil.
func Validate(p ListProblem) error { return validate(&p) }

// Optimise proposes theatre lists for p: a greedy fill (or the
// chronological fill, whichever costs less) improved by Search with the
// moves insert, remove, move, swap and replace. Every proposal keeps the
// hard limits; the objective is Weights. With no MaxIterations in o and no
// deadline in ctx or o it runs DefaultListIterations per thread. It
// returns an EINVALID error naming the session or case if p is malformed.
func Optimise(ctx context.Context, p ListProblem, o Options) (Proposal, error) {
	m, err := compile(&p)
	if err != nil {
		return Proposal{}, err
	}
	if _, ok := ctx.Deadline(); o.MaxIterations == 0 && !ok && o.Deadline.IsZero() {
		o.MaxIterations = DefaultListIterations
	}
	start := greedyFill(m)
	if c := chronologicalFill(m); c.Cost() < start.Cost() {
		start = c
	}
	res := Search(ctx, func(*rand.Rand) State { return start.Clone() }, o)
	best := res.Best.(*listState)
	insertGreedy(best, urgent) // polish: any case that still fits and gains
	return report(best, "optimiser"), nil
}

// ChronologicalFill is the baseline staff book by hand (rules.md 3.8 as
// practised): cases in order of ListedOn, longest waiting first, with P1a
// and P1b ahead of the rest; each goes on the earliest session it may go on
// that has room, under the same hard limits as Optimise. Current bookings
// that still meet the limits are kept. A malformed problem gives a
// proposal with the error as the reason for every case.
func ChronologicalFill(p ListProblem) Proposal {
	m, err := compile(&p)
	if err != nil {
		prop := Proposal{Method: "chronological"}
		for _, c := range p.Cases {
			prop.LeftOut = append(prop.LeftOut, LeftOut{CaseID: c.ID, Reason: elective.ErrorMessage(err)})
		}
		prop.Totals = Totals{Cases: len(p.Cases), LeftOut: len(p.Cases)}
		return prop
	}
	return report(chronologicalFill(m), "chronological")
}

// keepCurrent starts a state from the current bookings that still meet
// every hard limit.
func keepCurrent(m *model) *listState {
	s := newListState(m)
	for c, ci := range m.cases {
		if ci.fixed || ci.cur < 0 || !ci.eligible(ci.cur) {
			continue
		}
		mv := listMove{n: 1, c: [2]int32{int32(c)}, to: [2]int32{ci.cur}}
		if d, ok := s.try(&mv); ok {
			mv.delta = d
			s.Apply(mv)
		}
	}
	return s
}

// unplacedBy lists the movable unplaced cases of s sorted by less.
func unplacedBy(s *listState, less func(a, b *ListCase) int) []int32 {
	cs := slices.Clone(s.unplaced.items)
	slices.SortFunc(cs, func(a, b int32) int {
		return cmp.Or(less(&s.m.p.Cases[a], &s.m.p.Cases[b]), cmp.Compare(a, b))
	})
	return cs
}

// chronologicalFill is ChronologicalFill on a compiled problem.
func chronologicalFill(m *model) *listState {
	s := keepCurrent(m)
	for _, c := range unplacedBy(s, chronological) {
		for _, si := range m.cases[c].elig {
			mv := listMove{n: 1, c: [2]int32{c}, to: [2]int32{si}}
			if d, ok := s.try(&mv); ok {
				mv.delta = d
				s.Apply(mv)
				break
			}
		}
	}
	return s
}

// chronological orders P1 cases first, then the longest waiting.
func chronological(a, b *ListCase) int {
	p1 := func(c *ListCase) bool { return elective.SurgicalPriority(c.PriorityCode).Rank() <= 1 }
	if p1(a) != p1(b) {
		if p1(a) {
			return -1
		}
		return 1
	}
	return a.ListedOn.CompareZeroLast(b.ListedOn)
}

// urgent orders cases by due date, breach date, priority, then wait.
func urgent(a, b *ListCase) int {
	return cmp.Or(dueBy(a).CompareZeroLast(dueBy(b)), a.BreachDate.CompareZeroLast(b.BreachDate),
		cmp.Compare(elective.SurgicalPriority(a.PriorityCode).Rank(), elective.SurgicalPriority(b.PriorityCode).Rank()),
		a.ListedOn.CompareZeroLast(b.ListedOn))
}

// greedyFill places the cases, most urgent first, each where it lowers
// the cost most.
func greedyFill(m *model) *listState {
	s := keepCurrent(m)
	insertGreedy(s, urgent)
	return s
}

// insertGreedy places the unplaced cases of s in the order less, each on
// the session where it lowers the cost most (if any does).
func insertGreedy(s *listState, less func(a, b *ListCase) int) {
	m := s.m
	for _, c := range unplacedBy(s, less) {
		best := listMove{delta: 0}
		for _, si := range m.cases[c].elig {
			mv := listMove{n: 1, c: [2]int32{c}, to: [2]int32{si}}
			if d, ok := s.try(&mv); ok && d < best.delta {
				mv.delta = d
				best = mv
			}
		}
		if best.n > 0 {
			s.Apply(best)
		}
	}
}
