// Package schedule is the optimisation engine of Elective and the
// optimisers built on it: the theatre-list optimiser (Optimise) and its
// hand-booking baseline (ChronologicalFill).
//
// The engine (Search) is a generic local search. A problem supplies a State
// that can price a random neighbouring move before making it (Propose
// returns the move and its cost delta), so the engine never re-evaluates a
// whole solution. The acceptance rule is simulated annealing:
//
//   - the starting temperature is calibrated from the sizes |delta| of a
//     sample of proposed moves (an uphill move of the median size is
//     accepted with probability one half), and the final one from the
//     smallest size (accepted with probability 1/1000), so problems need no
//     tuning; Options.InitialTemp and FinalTemp override them;
//   - the temperature falls geometrically with the fraction of the run done:
//     elapsed time when Options.Now and Options.Deadline are set, otherwise
//     iterations out of Options.MaxIterations; a run with neither repeats the
//     schedule every 2^20 iterations (a reheat);
//   - when the thread's best has not improved for a twentieth of the run,
//     the search restarts from that best.
//
// Cloning a state is expensive, so the best state is cloned lazily: when
// the current state becomes the best the engine only notes it, and takes
// the clone just before an uphill move would leave it. A long descent
// therefore costs one clone, not one per improvement, and the best is never
// lost.
//
// Threads run independent searches (seeds Seed, Seed+1, …) and the best
// result wins, ties going to the lowest thread, so a run stopped by
// MaxIterations is deterministic for its seed whatever the scheduling.
//
// The package is pure: it reads no clock (time is injected through
// Options.Now) and does no I/O.
package schedule
