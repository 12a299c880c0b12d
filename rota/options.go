package rota

import (
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/schedule"
)

// Options bound a build and let it report how it is going.
type Options struct {
	Seed    int64
	Threads int // independent searches (default 1), seeded Seed, Seed+1, …
	// MaxIterations is the moves of the search over both phases, per
	// thread: a build it stops is the same for the same Seed, whatever
	// else the machine is doing. With 0 the build runs until ctx is done
	// (following Now and Deadline when both are set) or, when ctx can
	// never be done, a default for the size of the problem.
	MaxIterations int64
	Now           func() time.Time
	Deadline      time.Time
	// Progress, when set, is called from the search: once when the first
	// fill of the cover is made, before the first move, then every 10,000
	// moves of the first thread. It must be quick and safe for concurrent
	// use. Reporting changes nothing in the search.
	Progress func(Progress)
}

// search is o as the engine's options, without Progress, which Build
// sets per phase.
func (o Options) search() schedule.Options {
	return schedule.Options{Seed: o.Seed, Threads: max(1, o.Threads), MaxIterations: o.MaxIterations, Now: o.Now, Deadline: o.Deadline}
}

// Phase is the part of a build under way (see the package comment), and
// Progress how far a build has gone: the first thread's moves and the best
// rota it has found so far. They are the domain's own types, so that the
// store and the web pass reports on as they come.
type (
	Phase    = elective.RotaBuildPhase
	Progress = elective.RotaBuildProgress
)

const (
	PhaseCover    = elective.RotaBuildCover    // filling the shifts, fairness left out
	PhaseFairness = elective.RotaBuildFairness // sharing the work out, keeping the cover
)

// progress reads a cost of the phase as Progress. A position left empty
// outweighs any unfairness (weights), so the gaps are the cost in gap
// weights, rounded: the integer spreads can fall a little below zero.
func (m *model) progress(ph Phase, moves, cost int64) Progress {
	gaps := (cost + m.w.gap/2) / m.w.gap
	pr := Progress{Phase: ph, Moves: moves, Gaps: int(gaps)}
	if ph == PhaseFairness {
		pr.Unfairness = max(0, cost-gaps*m.w.gap)
	}
	return pr
}

// reporter passes the first thread's reports of a phase on as Progress,
// its moves counted on from base.
func (m *model) reporter(report func(Progress), ph Phase, base int64) func(schedule.Progress) {
	if report == nil {
		return nil
	}
	return func(sp schedule.Progress) {
		if sp.Thread == 0 {
			report(m.progress(ph, base+sp.Iterations, sp.Best))
		}
	}
}
