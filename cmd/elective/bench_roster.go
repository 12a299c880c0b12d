package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/openelective/elective/nrp"
)

const benchRosterUsage = "bench roster INSTANCE.txt [--seconds S] [--threads T] [--seed N] [--iterations I] [--out ROSTER]"

// benchRoster solves a Curtois–Qu shift scheduling instance with
// Elective's own engine under a time limit, prints the evaluation of the
// result and writes the roster, so that the rota optimiser can be compared
// with the published results (issue 6).
func (m *Main) benchRoster(ctx context.Context, args []string) error {
	fs := m.flags("bench roster", benchRosterUsage)
	seconds := fs.Float64("seconds", 60, "wall-clock time limit")
	threads := fs.Int("threads", 1, "parallel searches")
	seed := fs.Int64("seed", 1, "random seed (thread t uses seed+t)")
	iters := fs.Int64("iterations", 0, "iterations per thread (0 = until the time limit)")
	out := fs.String("out", "", "roster file to write")
	if err := parse(fs, flagsFirst(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: expected %s", errUsage, benchRosterUsage)
	}
	if *seconds <= 0 || *threads < 1 {
		return fmt.Errorf("%w: --seconds must be positive and --threads at least 1", errUsage)
	}
	in, err := loadRosterInstance(fs.Arg(0))
	if err != nil {
		return err
	}
	limit := time.Duration(*seconds * float64(time.Second))
	start := m.Now()
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	o := nrp.SolveOptions{Seed: *seed, Threads: *threads, MaxIterations: *iters, Progress: m.ihtcProgress(start)}
	if *iters == 0 { // the annealing follows the clock; with --iterations, the iterations (deterministic)
		o.Now, o.Deadline = m.Now, start.Add(limit)
	}
	r, stats := nrp.Solve(ctx, in, o)
	fmt.Fprintf(m.Stdout, "instance: %s\nseconds: %.1f\nthreads: %d\nseed: %d\niterations: %d\nrepair iterations: %d\ntemperatures: %.2f .. %.3f\n",
		fs.Arg(0), m.Now().Sub(start).Seconds(), *threads, *seed, stats.Iterations, stats.RepairIterations, stats.T0, stats.TEnd)
	m.printRosterReport(nrp.Evaluate(in, r))
	if *out == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := nrp.WriteRoster(&buf, in, r); err != nil {
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

// benchRosterCost evaluates a roster against the published model:
// feasibility with each hard-constraint violation count, each soft term,
// and the objective last, so that any solver's roster can be checked.
func (m *Main) benchRosterCost(ctx context.Context, args []string) error {
	fs := m.flags("bench roster-cost", "bench roster-cost INSTANCE.txt ROSTER")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("%w: expected bench roster-cost INSTANCE.txt ROSTER", errUsage)
	}
	in, err := loadRosterInstance(fs.Arg(0))
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(1))
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := nrp.ParseRoster(f, in)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(1), err)
	}
	m.printRosterReport(nrp.Evaluate(in, r))
	return nil
}

// printRosterReport prints feasibility, the hard violations, the soft
// terms and, last, the objective.
func (m *Main) printRosterReport(rep nrp.Report) {
	feasible := "no"
	if rep.Feasible() {
		feasible = "yes"
	}
	fmt.Fprintf(m.Stdout, "feasible: %s\nhard violations:\n", feasible)
	for h := range nrp.NumHard {
		fmt.Fprintf(m.Stdout, "  %-26s %8d\n", h, rep.Violations[h])
	}
	fmt.Fprintf(m.Stdout, "  %-26s %8d\nsoft (count, penalty):\n", "total", rep.TotalViolations())
	for s := range nrp.NumSoft {
		fmt.Fprintf(m.Stdout, "  %-26s %8d %8d\n", s, rep.Unmet[s], rep.Penalty[s])
	}
	fmt.Fprintf(m.Stdout, "objective: %d\n", rep.Objective)
}

// loadRosterInstance reads a Curtois–Qu instance file.
func loadRosterInstance(path string) (*nrp.Instance, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	in, err := nrp.ParseInstance(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return in, nil
}
