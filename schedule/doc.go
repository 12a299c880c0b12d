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
// # Theatre lists
//
// Optimise proposes which waiting-list cases go on which theatre sessions
// (ListProblem in, Proposal out; the store converts to and from these
// types). Every proposal keeps the hard limits: session minutes, surgeon,
// specialty, list type, kit on the list and kit counts across lists that
// overlap in time, beds over each length of stay, the pre-operative
// assessment rule (POAPolicy: valid on the TCI date, or the TCI at least
// 14 days away so that one can be booked; rules.md 3.7), patient
// unavailability, TCI after today, and locked lists (rules.md 3.6)
// untouched. The local search only proposes moves that keep them, so its
// cost holds just the objective, priced by Weights: P-code misses
// (rules.md 2.4), then RTT breaches, then cases left out, then priority and
// wait (rules.md 3.8), then idle minutes and sessions opened.
//
// ChronologicalFill is the baseline staff use by hand, with the same
// limits and the same Proposal, so the two can be shown side by side; Diff
// lists the bookings a proposal would change.
//
// The package is pure: it reads no clock (time is injected through
// Options.Now) and does no I/O.
package schedule
