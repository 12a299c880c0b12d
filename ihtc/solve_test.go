package ihtc

import (
	"bytes"
	"context"
	"testing"
)

// solveBounded solves by iterations only, so the result is deterministic.
func solveBounded(t *testing.T, in *Instance, seed, iters int64, threads int) (*Solution, Stats) {
	t.Helper()
	s, stats, err := Solve(context.Background(), in, SolveOptions{Seed: seed, Threads: threads, MaxIterations: iters})
	if err != nil {
		t.Fatal(err)
	}
	return s, stats
}

// TestSolveFeasibleAndExact: on the toy instance and test01 the solver's
// solution is feasible by Evaluate, and the cost it reports is exactly
// Evaluate's total (the incremental bookkeeping is right).
func TestSolveFeasibleAndExact(t *testing.T) {
	needBench(t)
	for _, name := range []string{"toy", "test01"} {
		in := mustInstance(t, name)
		s, stats := solveBounded(t, in, 3, 200000, 2)
		rep := Evaluate(in, s)
		if !rep.Feasible() {
			t.Errorf("%s: violations %v", name, rep.Violations)
		}
		if stats.Cost != int64(rep.Total) {
			t.Errorf("%s: solver cost %d, Evaluate total %d", name, stats.Cost, rep.Total)
		}
		if stats.Cost > stats.InitialCost {
			t.Errorf("%s: cost %d above the greedy start %d", name, stats.Cost, stats.InitialCost)
		}
		var buf bytes.Buffer
		if err := WriteSolution(&buf, in, s); err != nil {
			t.Fatal(err)
		}
		back, err := ParseSolution(&buf, in)
		if err != nil {
			t.Fatal(err)
		}
		if again := Evaluate(in, back); again.Total != rep.Total || !again.Feasible() {
			t.Errorf("%s: written and read back, total %d (was %d)", name, again.Total, rep.Total)
		}
	}
}

// TestSolveDeterministic: the same seed and iteration limit give the same
// solution, with two threads.
func TestSolveDeterministic(t *testing.T) {
	needBench(t)
	in := mustInstance(t, "test01")
	a, _ := solveBounded(t, in, 11, 50000, 2)
	b, _ := solveBounded(t, in, 11, 50000, 2)
	if !sameSolution(a, b) {
		t.Error("same seed and iterations gave different solutions")
	}
}

// TestSolveNoRooms: an instance without rooms is refused, not solved.
func TestSolveNoRooms(t *testing.T) {
	if _, _, err := Solve(context.Background(), &Instance{Days: 1}, SolveOptions{}); err == nil {
		t.Error("want an error for an instance with no rooms")
	}
}
