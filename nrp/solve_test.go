package nrp

import (
	"context"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// solveBounded solves by iterations only, so the result is deterministic.
func solveBounded(t *testing.T, in *Instance, seed, iters int64, threads int) (Roster, Stats) {
	t.Helper()
	return Solve(context.Background(), in, SolveOptions{Seed: seed, Threads: threads, MaxIterations: iters})
}

// TestSolveInstance1: the smallest benchmark instance reaches its optimum,
// 607 (proved by branch and price and by Gurobi in Curtois and Qu's
// report), within a few seconds, and the cost the solver reports is
// Evaluate's objective.
func TestSolveInstance1(t *testing.T) {
	needBench(t)
	in := mustInstance(t, "Instance1")
	start := time.Now()
	r, stats := solveBounded(t, in, 1, 3_000_000, 1)
	rep := Evaluate(in, r)
	if !rep.Feasible() || rep.Objective != 607 {
		t.Errorf("feasible %v objective %d (violations %v), want feasible at 607", rep.Feasible(), rep.Objective, rep.Violations)
	}
	if stats.Cost != int64(rep.Objective) {
		t.Errorf("solver cost %d, Evaluate objective %d", stats.Cost, rep.Objective)
	}
	t.Logf("607 in %.1fs", time.Since(start).Seconds())
}

// TestSolveDeterministic: the same seed and iteration limit give the same
// roster, with two threads.
func TestSolveDeterministic(t *testing.T) {
	needBench(t)
	in := mustInstance(t, "Instance7")
	a, _ := solveBounded(t, in, 11, 100_000, 2)
	b, _ := solveBounded(t, in, 11, 100_000, 2)
	if !reflect.DeepEqual(a, b) {
		t.Error("same seed and iterations gave different rosters")
	}
}

// TestRepairFeasible: the greedy start of the largest instances, repaired,
// breaks no rule.
func TestRepairFeasible(t *testing.T) {
	needBench(t)
	for _, name := range []string{"Instance13", "Instance21"} {
		in := mustInstance(t, name)
		st := construct(in, newSolveData(in), rand.New(rand.NewSource(1)))
		t0, tEnd := temperatures(st, rand.New(rand.NewSource(1)))
		st, _ = repair(context.Background(), st, SolveOptions{Seed: 1}, t0, tEnd)
		if rep := Evaluate(in, st.roster()); !rep.Feasible() {
			t.Errorf("%s: violations %v after repair", name, rep.Violations)
		}
	}
}

// tightWeek is a hand-made fortnight with two shifts, a rest rule, runs
// of three to four shifts, two days off in a row, leave and requests, so
// that every rule of the model is in play without the benchmark data.
func tightWeek() string {
	staff := "A,E=10|L=10,4800,2880,4,3,2,1\nB,E=10|L=0,4800,2880,4,3,2,1\nC,E=10|L=10,4800,2880,4,2,2,2\nD,E=4|L=10,4800,2880,4,3,2,1"
	extra := "SECTION_DAYS_OFF\nA,3\nC,9,10\nSECTION_SHIFT_ON_REQUESTS\nB,0,E,2\nD,5,L,3\n" +
		"SECTION_SHIFT_OFF_REQUESTS\nA,6,E,1\nC,12,L,2\nSECTION_COVER\n"
	for d := range 14 {
		extra += string(rune('0'+d/10)) + string(rune('0'+d%10)) + ",E,2,100,1\n"
		extra += string(rune('0'+d/10)) + string(rune('0'+d%10)) + ",L,1,100,1\n"
	}
	doc := tinyInstance(staff, extra)
	return doc[:len("# a hand-made instance\r\nSECTION_HORIZON\n")] + "14" + doc[len("# a hand-made instance\r\nSECTION_HORIZON\n7"):]
}

// TestSolveTiny: without the benchmark data, on a hand-made fortnight,
// the incremental costs stay exact under random moves from the greedy
// start (feasible or not), and Solve finds a feasible roster whose cost
// is Evaluate's objective.
func TestSolveTiny(t *testing.T) {
	in := mustParse(t, tightWeek())
	if in.Days != 14 || len(in.Staff) != 4 {
		t.Fatalf("tight fortnight: %d days, %d staff", in.Days, len(in.Staff))
	}
	r := rand.New(rand.NewSource(3))
	st := construct(in, newSolveData(in), r)
	checkExact(t, in, st, "tiny after construct")
	randomWalk(t, in, st, r, 20000, 100, "tiny")
	st.relaxed = true // moves the quick checks would skip
	randomWalk(t, in, st, r, 20000, 100, "tiny relaxed")
	ros, stats := solveBounded(t, in, 5, 200_000, 1)
	if rep := Evaluate(in, ros); !rep.Feasible() || int64(rep.Objective) != stats.Cost {
		t.Errorf("violations %v, objective %d, solver cost %d", rep.Violations, rep.Objective, stats.Cost)
	}
}

// TestSolveCancelled: stopped before it starts, Solve still returns a
// roster for every employee and day (the greedy start).
func TestSolveCancelled(t *testing.T) {
	in := mustParse(t, tightWeek())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, _ := Solve(ctx, in, SolveOptions{Seed: 1, Threads: 2})
	if len(r) != len(in.Staff) || len(r[0]) != in.Days {
		t.Errorf("roster %d x %d, want %d x %d", len(r), len(r[0]), len(in.Staff), in.Days)
	}
}
