package schedule

import (
	"context"
	"math"
	"math/rand"
	"sort"
	"sync"
	"time"
)

// Move is a change to a State proposed by Propose and made by Apply.
type Move any

// State is one candidate solution that local search changes in place.
type State interface {
	// Cost is the total cost to minimise. Hard-constraint violations are weighted so that any feasible state costs less than any infeasible one.
	Cost() int64
	// Propose picks a random neighbouring move and returns it with the change in Cost that applying it would make. ok is false when no move was found this time.
	Propose(r *rand.Rand) (m Move, delta int64, ok bool)
	// Apply makes a move returned by the latest Propose on this state.
	Apply(m Move)
	// Clone returns an independent deep copy.
	Clone() State
}

// Progress is reported while the search runs.
type Progress struct {
	Thread       int
	Iterations   int64 // this thread's so far
	Cost, Best   int64 // this thread's current and best cost
	Improvements int   // times this thread's best improved
}

// Options controls a search.
type Options struct {
	Seed          int64
	Threads       int            // independent searches run in parallel (default 1), seeded Seed, Seed+1, …
	MaxIterations int64          // per thread; 0 = run until ctx is done
	ProgressEvery int64          // iterations between Progress calls (default 10000)
	Progress      func(Progress) // may be nil; called from search goroutines, so it must be safe for concurrent use
	// Now and Deadline, when both set, let the acceptance schedule follow elapsed time (time-limited runs); otherwise it follows MaxIterations. Stopping is always ctx or MaxIterations.
	Now      func() time.Time
	Deadline time.Time

	// InitialTemp and FinalTemp override the calibrated annealing
	// temperatures when positive, for problems whose delta distribution
	// misleads the calibration.
	InitialTemp, FinalTemp float64
}

// Result is the best state found.
type Result struct {
	Best       State
	Cost       int64
	Iterations int64 // total over threads
	Thread     int   // the thread that found Best
}

// Engine constants. They are deliberately few: the temperatures come from
// the problem's own deltas.
const (
	calibrationSamples = 200
	checkEvery         = 256     // iterations between ctx, clock and temperature updates
	reheatEvery        = 1 << 20 // schedule length for runs with no iteration or time limit
	restartFraction    = 20      // restart from best after 1/restartFraction of the run without improving
	minRestartWindow   = 5000
)

// Search runs local search in each thread from initial(r), r seeded for that thread, until ctx is done or MaxIterations, and returns the best state found. Deterministic for a seed when stopped by MaxIterations. Ties between threads go to the lowest thread.
func Search(ctx context.Context, initial func(r *rand.Rand) State, o Options) Result {
	if o.Threads < 1 {
		o.Threads = 1
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 10000
	}
	results := make([]Result, o.Threads)
	var wg sync.WaitGroup
	for t := range o.Threads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewSource(o.Seed + int64(t)))
			results[t] = newRun(ctx, t, initial(r), r, &o).search()
		}()
	}
	wg.Wait()
	best := results[0]
	var total int64
	for _, res := range results {
		total += res.Iterations
		if res.Cost < best.Cost {
			best = res
		}
	}
	best.Iterations = total
	return best
}

// run is one thread's annealing search.
type run struct {
	ctx    context.Context
	o      *Options
	r      *rand.Rand
	thread int

	cur      State
	curCost  int64
	best     State // nil while the current state is the best (lazy clone)
	bestCost int64

	iter, lastImprove int64
	improvements      int
	t0, tEnd, temp    float64
	timeStart         time.Time
	timed             bool
}

func newRun(ctx context.Context, thread int, s State, r *rand.Rand, o *Options) *run {
	c := s.Cost()
	u := &run{ctx: ctx, o: o, r: r, thread: thread, cur: s, curCost: c, bestCost: c}
	u.timed = o.Now != nil && !o.Deadline.IsZero()
	if u.timed {
		u.timeStart = o.Now()
	}
	u.t0, u.tEnd = calibrate(s, r)
	if o.InitialTemp > 0 {
		u.t0 = o.InitialTemp
	}
	if o.FinalTemp > 0 {
		u.tEnd = o.FinalTemp
	}
	if u.tEnd > u.t0 {
		u.tEnd = u.t0
	}
	u.temp = u.t0
	return u
}

// calibrate samples proposed moves without applying them and returns the
// starting and final temperatures: an uphill move of the median delta size
// is accepted with probability 1/2 at the start, one of the smallest size
// with probability 1/1000 at the end. Sizes are |delta| of every non-zero
// move, because from a poor initial state nearly every move is downhill.
func calibrate(s State, r *rand.Rand) (t0, tEnd float64) {
	var up []int64
	for range calibrationSamples {
		if _, d, ok := s.Propose(r); ok && d != 0 {
			up = append(up, max(d, -d))
		}
	}
	if len(up) == 0 {
		return 1, 0.1
	}
	sort.Slice(up, func(i, j int) bool { return up[i] < up[j] })
	t0 = float64(up[len(up)/2]) / math.Ln2
	tEnd = float64(up[0]) / math.Log(1000)
	return t0, tEnd
}

func (u *run) search() Result {
	for {
		if u.o.MaxIterations > 0 && u.iter >= u.o.MaxIterations {
			break
		}
		if u.iter%checkEvery == 0 && !u.tick() {
			break
		}
		u.step()
		u.iter++
		if u.o.Progress != nil && u.iter%u.o.ProgressEvery == 0 {
			u.o.Progress(Progress{Thread: u.thread, Iterations: u.iter, Cost: u.curCost, Best: u.bestCost, Improvements: u.improvements})
		}
	}
	best := u.best
	if best == nil {
		best = u.cur
	}
	return Result{Best: best, Cost: u.bestCost, Iterations: u.iter, Thread: u.thread}
}

// step proposes one move and applies it if the annealing rule accepts it.
func (u *run) step() {
	m, d, ok := u.cur.Propose(u.r)
	if !ok {
		return
	}
	if d > 0 && u.r.Float64() >= math.Exp(-float64(d)/u.temp) {
		return
	}
	if u.best == nil && u.curCost+d > u.bestCost {
		u.best = u.cur.Clone() // leaving the best: keep it now
	}
	u.cur.Apply(m)
	u.curCost += d
	if u.curCost < u.bestCost {
		u.bestCost = u.curCost
		u.best = nil
		u.lastImprove = u.iter
		u.improvements++
	}
}

// tick checks for cancellation, updates the temperature and restarts from
// the best after a stagnant stretch. It reports whether to go on.
func (u *run) tick() bool {
	select {
	case <-u.ctx.Done():
		return false
	default:
	}
	frac := u.fraction()
	u.temp = u.t0 * math.Pow(u.tEnd/u.t0, frac)
	window := int64(minRestartWindow)
	if frac > 0 {
		if w := int64(float64(u.iter) / frac / restartFraction); w > window {
			window = w
		}
	}
	if u.iter-u.lastImprove > window {
		u.restart()
	}
	return true
}

// fraction is how far through its schedule the run is, in [0,1].
func (u *run) fraction() float64 {
	var f float64
	switch {
	case u.timed:
		total := u.o.Deadline.Sub(u.timeStart)
		if total <= 0 {
			return 1
		}
		f = float64(u.o.Now().Sub(u.timeStart)) / float64(total)
	case u.o.MaxIterations > 0:
		f = float64(u.iter) / float64(u.o.MaxIterations)
	default:
		f = float64(u.iter%reheatEvery) / reheatEvery
	}
	return min(max(f, 0), 1)
}

// restart makes the best state current again.
func (u *run) restart() {
	u.lastImprove = u.iter
	if u.best == nil {
		return // the current state is the best
	}
	// The abandoned current state is dropped, so the saved best can become
	// current without a copy; it is cloned again only when left.
	u.cur, u.best = u.best, nil
	u.curCost = u.bestCost
}
