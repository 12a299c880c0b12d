package nrp

import (
	"context"
	"math"
	"math/rand"
	"time"

	"github.com/openelective/elective/schedule"
)

// SolveOptions controls Solve. Stopping is by ctx, by MaxIterations, or
// both; with Now and Deadline set the annealing schedule follows the
// clock (the CLI injects the clock: Solve never reads it itself).
type SolveOptions struct {
	Seed          int64
	Threads       int   // independent searches (default 1)
	MaxIterations int64 // per thread; 0 = until ctx is done
	Now           func() time.Time
	Deadline      time.Time
	// Progress, when set, is called from the search goroutines every
	// ProgressEvery iterations of a thread (default 100000).
	Progress      func(schedule.Progress)
	ProgressEvery int64
	// InitialTemp and FinalTemp override the annealing temperatures of
	// the main search when positive (for experiments; by default they come
	// from the instance's own move deltas).
	InitialTemp, FinalTemp float64
}

// Stats describes a finished search.
type Stats struct {
	InitialCost int64   // the greedy start's cost, hard violations weighted above any objective
	Cost        int64   // final cost, same units (the objective when feasible)
	Iterations  int64   // over all threads
	Thread      int     // the thread that found the roster
	T0, TEnd    float64 // annealing temperatures of the main search
	// RepairIterations is the length of the search for a first feasible
	// roster, when the greedy start was infeasible.
	RepairIterations int64
	RepairedFeasible bool // whether the main search started feasible
}

// Solve finds a roster for in: a greedy start, a repair of its hard
// violations if any are left, then simulated annealing on the shared
// schedule engine. It is deterministic for a seed when stopped by
// MaxIterations, and anytime: stopped by ctx, it returns the best roster
// found so far.
func Solve(ctx context.Context, in *Instance, o SolveOptions) (Roster, Stats) {
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 100000
	}
	sd := newSolveData(in)
	var stats Stats
	start := construct(in, sd, rand.New(rand.NewSource(o.Seed)))
	stats.InitialCost = start.Cost()
	stats.T0, stats.TEnd = temperatures(start, rand.New(rand.NewSource(o.Seed)))
	if !start.feasible() {
		start, stats.RepairIterations = repair(ctx, start, o, stats.T0, stats.TEnd)
	}
	stats.RepairedFeasible = start.feasible()
	if o.InitialTemp > 0 {
		stats.T0 = o.InitialTemp
	}
	if o.FinalTemp > 0 {
		stats.TEnd = o.FinalTemp
	}
	initial := func(*rand.Rand) schedule.State { return &solveState{St: start.clone()} }
	res := schedule.Search(ctx, initial, schedule.Options{
		Seed: o.Seed, Threads: o.Threads, MaxIterations: o.MaxIterations,
		ProgressEvery: o.ProgressEvery, Progress: o.Progress, Now: o.Now, Deadline: o.Deadline,
		InitialTemp: stats.T0, FinalTemp: stats.TEnd,
	})
	best := res.Best.(*solveState).Settle()
	stats.Cost, stats.Iterations, stats.Thread = best.Cost(), res.Iterations, res.Thread
	return best.roster(), stats
}

// temperatures picks the annealing range. The start accepts one person
// short of cover (the largest such weight of the instance) with
// probability 1/e: the median move delta, the engine's own calibration,
// is the weight of a request on some instances and made the search far
// too cold there (Instance5: 1,860 against 1,270 at the same length). The
// end accepts the smallest delta of a sample of moves that keep the hard
// rules with probability 1/1000.
func temperatures(st *state, r *rand.Rand) (t0, tEnd float64) {
	for _, c := range st.in.Cover {
		t0 = max(t0, float64(c.Under))
	}
	smallest := int64(0)
	limit := st.data.minuteWeight / 2
	for range 2000 {
		d, ok := st.propose(r)
		if d = max(d, -d); ok && d != 0 && d < limit && (smallest == 0 || d < smallest) {
			smallest = d
		}
	}
	if smallest == 0 {
		smallest = 1
	}
	if t0 == 0 {
		t0 = 100 * float64(smallest)
	}
	tEnd = float64(smallest) / math.Log(1000)
	return t0, min(tEnd, t0)
}

// solveState runs state on the engine: each move is priced by doing it,
// with the incremental costs, and undone when the engine turns it down.
type solveState = schedule.Tentative[*state, *move]

// Draw, Do, Undo and Copy make state a schedule.Reversible.
func (st *state) Draw(r *rand.Rand) (*move, bool) { return &st.mv, st.pick(r) }
func (st *state) Do(m *move)                      { st.do(m) }
func (st *state) Undo(m *move)                    { st.undo(m) }
func (st *state) Copy() *state                    { return st.clone() }
