package nrp

import (
	"context"
	"math/rand"

	"github.com/openelective/elective/schedule"
)

// repair makes the greedy start feasible, on one thread so that it stays
// deterministic: first each employee whose own rules are broken gets their
// row re-planned alone (repairRows), then, while any are left, the penalty
// method over the whole roster and the rows again, up to three times.
func repair(ctx context.Context, st *state, o SolveOptions, t0, tEnd float64) (*state, int64) {
	st, n := repairRows(ctx, st, o)
	if st.feasible() {
		return st, n
	}
	for k := 0; k < 3 && !st.feasible() && ctx.Err() == nil; k++ {
		var m int64
		st, m = penaltyRepair(ctx, st, o, t0, tEnd)
		n += m
		st, m = repairRows(ctx, st, o)
		n += m
	}
	return st, n
}

// rowIterations is the longest search for one employee's row, in
// rowRounds rounds.
const (
	rowIterations = 400_000
	rowRounds     = 20
)

// repairRows re-plans, one at a time, the row of each employee who breaks
// one of their rules, by annealing on that row alone: the rows are
// independent as far as the rules go, and a row's moves are far more
// likely to find its few feasible patterns than moves anywhere. A
// shift-long unit of violation first costs about ten people short of
// cover, so that the cover matters only between rows that keep the rules.
func repairRows(ctx context.Context, st *state, o SolveOptions) (*state, int64) {
	var total int64
	iters := int64(rowIterations)
	if o.MaxIterations > 0 {
		iters = min(iters, max(1, o.MaxIterations/200))
	}
	unit := st.data.shortest
	for e := range st.E {
		if ctx.Err() != nil || st.rowViolations(e) == 0 {
			continue
		}
		st.row = e
		// In rounds, so as to stop as soon as the row keeps its rules,
		// with the rules weighing twice as much every other round in case
		// keeping them costs the cover more than they weigh; each round
		// starts hot enough to cross one violation.
		for k := int64(0); k < rowRounds && st.rowViolations(e) > 0 && ctx.Err() == nil; k++ {
			w := int64(2) << (k / 2)
			for h := range st.weight {
				st.weight[h] = w * unit
			}
			st.weight[MinMinutes], st.weight[MaxMinutes] = w, w
			res := schedule.Search(ctx, func(*rand.Rand) schedule.State { return &solveState{St: st} }, schedule.Options{
				Seed: o.Seed + int64(e)*rowRounds + k, Threads: 1, MaxIterations: max(1, iters/rowRounds),
				InitialTemp: float64(w*unit) / 2, FinalTemp: 1,
			})
			st = res.Best.(*solveState).Settle()
			total += res.Iterations
		}
	}
	st.row = -1
	st.weight = st.data.strict
	return st, total
}

// rowViolations is the number of employee e's own hard violations.
func (st *state) rowViolations(e int) int {
	row := make([]Cell, st.D)
	work := make([]int, st.D)
	for d := range st.D {
		if t := st.at(e, d); t != Off {
			row[d], work[d] = Cell{t}, 1
		}
	}
	var rep Report
	evalEmployee(st.in, e, row, work, &rep)
	return rep.TotalViolations()
}

// repairRound is the length of one round of the search for a feasible
// roster, and repairRounds the most rounds.
const (
	repairRound  = 200_000
	repairRounds = 24
)

// keepWeight multiplies, in the search for a feasible roster, the weights
// of the rules the greedy start keeps, so that the search never trades a
// shortfall for a break of one of them (all weights are then above any
// objective, and a trade of equal weight would be taken).
const keepWeight = 64

// penaltyRepair searches, on one thread so that it stays deterministic, for a
// roster with no hard violations, by the penalty method. The greedy start
// breaks only the minimum minutes and the minimum runs (the rules later
// days were to meet); in rounds of annealing, a minute short costs 1,
// then 2, 4, … (and a short run the shortest shift's minutes times that),
// while every other rule keeps its full weight, so that the search can
// trade the shortfalls against the cover the greedy start built, until a
// round ends feasible. Every other rule weighs keepWeight times its full
// weight.
func penaltyRepair(ctx context.Context, st *state, o SolveOptions, t0, tEnd float64) (*state, int64) {
	var total int64
	round := int64(repairRound)
	if o.MaxIterations > 0 {
		round = min(round, max(1, o.MaxIterations/100))
	}
	for k := 0; k < repairRounds && !st.feasible() && ctx.Err() == nil; k++ {
		lambda := min(int64(1)<<k, st.data.minuteWeight)
		if k == repairRounds-1 {
			lambda = st.data.minuteWeight
		}
		for h := range st.weight {
			st.weight[h] = st.data.strict[h] * keepWeight
		}
		st.weight[MinMinutes], st.weight[MinConsecutive] = lambda, lambda*st.data.shortest
		res := schedule.Search(ctx, func(*rand.Rand) schedule.State { return &solveState{St: st} }, schedule.Options{
			Seed: o.Seed + int64(k), Threads: 1, MaxIterations: round, InitialTemp: t0, FinalTemp: tEnd,
		})
		st = res.Best.(*solveState).Settle()
		total += res.Iterations
	}
	st.weight = st.data.strict
	return st, total
}
