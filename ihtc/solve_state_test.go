package ihtc

import (
	"math/rand"
	"testing"
)

// evaluatedCost is the solver's cost of a state as Evaluate sees it.
func evaluatedCost(in *Instance, st *state) (int64, Report) {
	rep := Evaluate(in, st.solution())
	return int64(rep.TotalViolations())*hardWeight + int64(rep.Total), rep
}

// checkExact fails unless the state's incremental cost and components
// equal a full evaluation of its solution.
func checkExact(t *testing.T, in *Instance, st *state, when string) {
	t.Helper()
	want, rep := evaluatedCost(in, st)
	if got := st.Cost(); got != want {
		t.Fatalf("%s: incremental cost %d, Evaluate %d (hard %d vs %d, raw %v vs %v)",
			when, got, want, st.hard, rep.TotalViolations(), st.raw, rep.Raw)
	}
}

// TestStateExactAfterRandomMoves: the cost kept incrementally equals
// Evaluate's after construction and after thousands of random moves,
// accepted at random (so infeasible states are checked too), and every
// proposed delta is the true change of the cost.
func TestStateExactAfterRandomMoves(t *testing.T) {
	needBench(t)
	for _, name := range []string{"toy", "test01", "i04"} {
		in := mustInstance(t, name)
		r := rand.New(rand.NewSource(7))
		st := construct(in, r)
		checkExact(t, in, st, name+" after construct")
		for i := range 20000 {
			before := st.Cost()
			delta, ok := st.propose(r)
			if !ok {
				continue
			}
			if st.Cost() != before {
				t.Fatalf("%s: propose changed the cost", name)
			}
			if delta <= 0 || r.Intn(4) == 0 {
				st.do(&st.mv)
				if st.Cost()-before != delta {
					t.Fatalf("%s move %d (%+v): applied delta %d, proposed %d", name, i, st.mv, st.Cost()-before, delta)
				}
			}
			if i%1000 == 0 {
				checkExact(t, in, st, name)
			}
		}
		checkExact(t, in, st, name+" at the end")
		c := st.clone()
		checkExact(t, in, c, name+" clone")
	}
}

// TestConstructFeasibleStart: the greedy start admits every mandatory
// patient of the toy and test01 instances without hard violations.
func TestConstructFeasibleStart(t *testing.T) {
	needBench(t)
	for _, name := range []string{"toy", "test01"} {
		in := mustInstance(t, name)
		st := construct(in, rand.New(rand.NewSource(1)))
		if rep := Evaluate(in, st.solution()); !rep.Feasible() {
			t.Errorf("%s: construct gives violations %v", name, rep.Violations)
		}
	}
}
