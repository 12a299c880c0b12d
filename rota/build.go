package rota

import (
	"cmp"
	"context"
	"math/rand"
	"slices"
	"sync"

	"github.com/openelective/elective/schedule"
)

// Build makes a rota for p: it fills the cover from the staff by local
// search (schedule.Search) and returns it with its gaps, violations, loads
// and cost (Summarise). The safety limits, leave, grades and skills, one
// shift a person a day and each person's longest shift are never broken;
// a position that cannot be filled safely is left as a gap. Violations
// come only from fixed and earlier duties, which are kept as they are.
//
// The search is deterministic for o.Seed when it stops at o.MaxIterations
// (the total over both phases, per thread; see the package comment). With
// neither MaxIterations nor a deadline on ctx it runs a default number of
// iterations for the size of the problem (1000 a position of cover). When
// ctx is done first (stopped, or out of time) the search ends at once and
// Build returns the best rota found so far.
func Build(ctx context.Context, p *Problem, o Options) (*Result, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	m := newModel(p)
	so := o.search()
	if so.MaxIterations == 0 && ctx.Done() == nil {
		so.MaxIterations = m.defaultIterations()
	}
	s, moved := m.cover(ctx, so, o.Progress)
	if so.MaxIterations > 0 {
		so.MaxIterations = max(1, so.MaxIterations-so.MaxIterations*coverShare/10)
	}
	so.Progress = m.reporter(o.Progress, PhaseFairness, moved/int64(so.Threads))
	res := schedule.Search(ctx, func(*rand.Rand) schedule.State { return s.Clone() }, so)
	out := Summarise(p, res.Best.(*state).duties())
	out.Moves = moved + res.Iterations
	return out, nil
}

// coverShare is the part of the run spent on cover alone.
const coverShare = 3 // tenths

// cover is the first phase of Build: it fills as much cover as it can
// with fairness left out, so that every move that keeps the number of
// gaps costs nothing and the search wanders freely among them, where with
// fairness priced a last gap can stay stuck. It spends coverShare tenths
// of the iterations (or of the time to o.Deadline, with o.Now), and
// returns its best state priced in full for the second phase, with the
// moves it tried over all threads.
func (m *model) cover(ctx context.Context, o schedule.Options, report func(Progress)) (*state, int64) {
	cm := *m
	cm.w = weights{gap: m.w.gap}
	o1 := o
	o1.InitialTemp, o1.FinalTemp = 1, 0.5 // only moves that lose no cover
	o1.Progress = cm.reporter(report, PhaseCover, 0)
	switch {
	case o.MaxIterations > 0:
		o1.MaxIterations = max(1, o.MaxIterations*coverShare/10)
	case o.Now != nil && !o.Deadline.IsZero():
		now := o.Now()
		o1.Deadline = now.Add(o.Deadline.Sub(now) * coverShare / 10)
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, o1.Deadline)
		defer cancel()
	default:
		o1.MaxIterations = m.defaultIterations() * coverShare / 10
	}
	var first sync.Once
	res := schedule.Search(ctx, func(r *rand.Rand) schedule.State {
		s := cm.initial(r)
		if report != nil {
			first.Do(func() { report(cm.progress(PhaseCover, 0, s.cost)) })
		}
		return s
	}, o1)
	s := res.Best.(*state)
	s.m = m
	s.cost = s.fullCost()
	return s, res.Iterations
}

// defaultIterations is enough for a team's quarter: 1000 moves a position.
func (m *model) defaultIterations() int64 { return max(50000, int64(len(m.pos))*1000) }

// initial fills the positions in date order, the hardest first (skill,
// then fewest people who may take them), each with the first person in
// order of fewest hours pro rata (ties at random) who can take it safely.
func (m *model) initial(r *rand.Rand) *state {
	s := m.newState()
	order := slices.Clone(s.open.items)
	slices.SortStableFunc(order, func(a, b int32) int {
		pa, pb := &m.pos[a], &m.pos[b]
		switch {
		case pa.day != pb.day:
			return int(pa.day - pb.day)
		case pa.skill != pb.skill:
			if pa.skill {
				return -1
			}
			return 1
		}
		return len(pa.elig) - len(pb.elig)
	})
	var cands []int32
	for _, pos := range order {
		cands = append(cands[:0], m.pos[pos].elig...)
		r.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
		slices.SortStableFunc(cands, func(a, b int32) int {
			return cmp.Compare(s.t[a].minutes*10000/m.people[a].fte, s.t[b].minutes*10000/m.people[b].fte)
		})
		for _, p := range cands {
			if s.busy(p, m.pos[pos].day) >= 0 {
				continue
			}
			mv := one(pos, p)
			if d, ok := s.try(&mv); ok {
				mv.delta = d
				s.Apply(mv)
				break
			}
		}
	}
	return s
}
