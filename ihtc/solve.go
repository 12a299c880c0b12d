package ihtc

import (
	"context"
	"errors"
	"math"
	"math/rand"
	"sort"
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
}

// Stats describes a finished search.
type Stats struct {
	InitialCost int64   // best starting state's cost, hard violations weighted by 1e6
	Cost        int64   // final cost, same units (the competition total when feasible)
	Iterations  int64   // over all threads
	Thread      int     // the thread that found the solution
	T0, TEnd    float64 // annealing temperatures of the main search
	// RepairIterations is the length of the search for a first feasible
	// state, when the greedy start was infeasible.
	RepairIterations int64
}

// repaired is the outcome of repair.
type repaired struct {
	st         *state
	iterations int64
}

// repairIterations bounds the search for a feasible state.
const repairIterations = 4_000_000

// repair searches, on one thread so that it stays deterministic, for a
// state with no hard violations, minimising the violations alone (soft
// costs ignored, so that the search moves freely over plateaus) and
// stopping as soon as none are left.
func repair(ctx context.Context, st *state, o SolveOptions) repaired {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	st.hardOnly = true
	iters := int64(repairIterations)
	if o.MaxIterations > 0 {
		iters = min(iters, max(1, o.MaxIterations/4))
	}
	res := schedule.Search(ctx, func(*rand.Rand) schedule.State { return &solveState{St: st} }, schedule.Options{
		Seed: o.Seed, Threads: 1, MaxIterations: iters, ProgressEvery: 1000,
		Progress: func(p schedule.Progress) {
			if p.Best == 0 {
				cancel()
			}
		},
		InitialTemp: 2, FinalTemp: 0.2,
	})
	best := res.Best.(*solveState).Settle()
	best.hardOnly = false
	return repaired{st: best, iterations: res.Iterations}
}

// Solve finds a timetable for in: a greedy start (mandatory patients
// first) improved by simulated annealing on the shared schedule engine,
// with moves on admission days, rooms, theatres, optional admissions and
// the nurses of room-shifts. It is deterministic for a seed when stopped
// by MaxIterations.
func Solve(ctx context.Context, in *Instance, o SolveOptions) (*Solution, Stats, error) {
	if len(in.Rooms) == 0 || len(in.Theaters) == 0 {
		return nil, Stats{}, errors.New("ihtc: solve: the instance has no rooms or no theatres")
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 100000
	}
	var stats Stats
	initial := func(r *rand.Rand) schedule.State { return &solveState{St: construct(in, r)} }
	probe := placeMandatory(in, rand.New(rand.NewSource(o.Seed)))
	if probe.hard > 0 {
		// Make the mandatory patients fit before the optional ones take
		// the surgeons' time and the beds.
		start := repair(ctx, probe, o)
		stats.RepairIterations = start.iterations
		initial = func(r *rand.Rand) schedule.State {
			st := start.st.clone()
			st.placeOptional(r)
			return &solveState{St: st}
		}
	}
	first := initial(rand.New(rand.NewSource(o.Seed))).(*solveState).St
	stats.InitialCost = first.Cost()
	stats.T0, stats.TEnd = temperatures(first, rand.New(rand.NewSource(o.Seed)))
	res := schedule.Search(ctx, initial, schedule.Options{
		Seed: o.Seed, Threads: o.Threads, MaxIterations: o.MaxIterations,
		ProgressEvery: o.ProgressEvery, Progress: o.Progress, Now: o.Now, Deadline: o.Deadline,
		InitialTemp: stats.T0, FinalTemp: stats.TEnd,
	})
	best := res.Best.(*solveState).Settle()
	best.improveNurses()
	stats.Cost, stats.Iterations, stats.Thread = best.Cost(), res.Iterations, res.Thread
	return best.solution(), stats, nil
}

// temperatures picks the annealing range from the deltas of moves that
// keep a state's hard violations (the engine's own calibration would be
// swamped by the 1e6 weight of hard violations): the start accepts twice
// a median soft worsening with probability 1/2, the end the smallest with
// probability 1/1000.
func temperatures(st *state, r *rand.Rand) (t0, tEnd float64) {
	var soft []int64
	for range 2000 {
		d, ok := st.propose(r)
		if ok && d != 0 && d < hardWeight/2 && d > -hardWeight/2 {
			soft = append(soft, max(d, -d))
		}
	}
	if len(soft) == 0 {
		return 10, 0.1
	}
	sort.Slice(soft, func(i, j int) bool { return soft[i] < soft[j] })
	t0 = 2 * float64(soft[len(soft)/2]) / math.Ln2 // 2: measured better than 0.5, 1, 4 and 8
	tEnd = float64(soft[0]) / math.Log(1000)
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
