package nrp

import (
	"math/rand"
	"testing"
)

// evaluatedCost is the solver's cost of a state as Evaluate sees it.
func evaluatedCost(in *Instance, st *state) (int64, Report) {
	rep := Evaluate(in, st.roster())
	var units int64
	for h, v := range rep.Violations {
		if Hard(h) == MinMinutes || Hard(h) == MaxMinutes {
			units += int64(v)
		} else {
			units += int64(v) * st.data.shortest
		}
	}
	return units*st.data.minuteWeight + int64(rep.Objective), rep // the strict weights
}

// checkExact fails unless the state's incremental violations, penalties
// and cost equal a full evaluation of its roster.
func checkExact(t *testing.T, in *Instance, st *state, when string) {
	t.Helper()
	want, rep := evaluatedCost(in, st)
	for h := range NumHard {
		if st.hard[h] != int64(rep.Violations[h]) {
			t.Fatalf("%s: %s: incremental %d, Evaluate %d", when, h, st.hard[h], rep.Violations[h])
		}
	}
	for s := range NumSoft {
		if st.soft[s] != int64(rep.Penalty[s]) {
			t.Fatalf("%s: %s: incremental %d, Evaluate %d", when, s, st.soft[s], rep.Penalty[s])
		}
	}
	if got := st.Cost(); got != want {
		t.Fatalf("%s: incremental cost %d, Evaluate %d", when, got, want)
	}
}

// randomWalk makes n random moves on st, accepting improvements and a
// third of the others (so infeasible states are checked too), checking
// every proposed delta against the applied one and the whole state
// against Evaluate every check moves.
func randomWalk(t *testing.T, in *Instance, st *state, r *rand.Rand, n, check int, name string) {
	t.Helper()
	for i := range n {
		before := st.Cost()
		delta, ok := st.propose(r)
		if !ok {
			continue
		}
		if st.Cost() != before {
			t.Fatalf("%s: propose changed the cost", name)
		}
		if delta <= 0 || r.Intn(3) == 0 {
			st.do(&st.mv)
			if st.Cost()-before != delta {
				t.Fatalf("%s move %d (%+v): applied delta %d, proposed %d", name, i, st.mv, st.Cost()-before, delta)
			}
		}
		if i%check == 0 {
			checkExact(t, in, st, name)
		}
	}
	checkExact(t, in, st, name+" at the end")
}

// TestStateExactAfterRandomMoves: the cost kept incrementally equals
// Evaluate's after construction and after thousands of random moves on
// benchmark instances of every size class.
func TestStateExactAfterRandomMoves(t *testing.T) {
	needBench(t)
	for _, name := range []string{"Instance1", "Instance7", "Instance13", "Instance19"} {
		in := mustInstance(t, name)
		r := rand.New(rand.NewSource(7))
		st := construct(in, newSolveData(in), r)
		checkExact(t, in, st, name+" after construct")
		randomWalk(t, in, st, r, 30000, 1000, name)
		checkExact(t, in, st.clone(), name+" clone")
	}
}

// TestEveryMoveExact: each kind of move on its own keeps the incremental
// costs exact, including kinds the main mix draws rarely or not at all,
// on an instance with weekends, leave and many shift types.
func TestEveryMoveExact(t *testing.T) {
	needBench(t)
	in := mustInstance(t, "Instance19")
	saved := mainMix
	defer func() { mainMix = saved }()
	for k := range kinds {
		mainMix = make([]int, len(kinds))
		mainMix[k] = 1
		r := rand.New(rand.NewSource(int64(k)))
		st := construct(in, newSolveData(in), r)
		randomWalk(t, in, st, r, 5000, 500, kinds[k].name)
	}
}
