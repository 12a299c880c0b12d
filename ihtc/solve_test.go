package ihtc

import (
	"bytes"
	"context"
	"math/rand"
	"strings"
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

// TestSolveTiny: on the hand-made two-day instance (no benchmark data
// needed), and on a copy with only its mandatory patient, Solve finds a
// feasible solution whose cost is Evaluate's total, and the incremental
// costs stay exact under random moves.
func TestSolveTiny(t *testing.T) {
	onlyMandatory := edit(t, tinyInstance, func(m map[string]any) {
		m["patients"] = m["patients"].([]any)[:1]
	})
	for _, doc := range []string{tinyInstance, onlyMandatory} {
		in, err := ParseInstance(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		s, stats := solveBounded(t, in, 5, 20000, 1)
		if rep := Evaluate(in, s); !rep.Feasible() || int64(rep.Total) != stats.Cost {
			t.Errorf("violations %v, total %d, solver cost %d", rep.Violations, rep.Total, stats.Cost)
		}
		st := construct(in, rand.New(rand.NewSource(2)))
		r := rand.New(rand.NewSource(3))
		for range 5000 {
			if delta, ok := st.propose(r); ok && (delta <= 0 || r.Intn(3) == 0) {
				st.do(&st.mv)
			}
		}
		checkExact(t, in, st, "tiny after random moves")
	}
}
