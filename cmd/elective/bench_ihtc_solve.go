package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/openelective/elective/ihtc"
	"github.com/openelective/elective/schedule"
)

const benchIHTCUsage = "bench ihtc INSTANCE.json [--seconds S] [--threads T] [--seed N] [--iterations I] [--out SOLUTION.json]"

// benchIHTC solves an IHTC-2024 instance with Elective's own engine under
// a time limit, as the competition runs solvers, then prints the official
// checker's breakdown of the result and writes it in the competition's
// solution format, so that our optimiser can be compared with the
// published results.
func (m *Main) benchIHTC(ctx context.Context, args []string) error {
	fs := m.flags("bench ihtc", benchIHTCUsage)
	seconds := fs.Float64("seconds", 60, "wall-clock time limit")
	threads := fs.Int("threads", 1, "parallel searches")
	seed := fs.Int64("seed", 1, "random seed (thread t uses seed+t)")
	iters := fs.Int64("iterations", 0, "iterations per thread (0 = until the time limit)")
	out := fs.String("out", "", "solution file to write")
	if err := parse(fs, flagsFirst(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: expected %s", errUsage, benchIHTCUsage)
	}
	in, err := loadIHTCInstance(fs.Arg(0))
	if err != nil {
		return err
	}
	limit := time.Duration(*seconds * float64(time.Second))
	start := m.Now()
	deadline := start.Add(limit) // for the annealing schedule, on m.Now's clock
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	s, stats, err := ihtc.Solve(ctx, in, ihtc.SolveOptions{Seed: *seed, Threads: *threads, MaxIterations: *iters,
		Now: m.Now, Deadline: deadline, Progress: m.ihtcProgress(start)})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "instance: %s\nseconds: %.1f\nthreads: %d\nseed: %d\niterations: %d\nstart cost: %d\ntemperatures: %.2f .. %.3f\n",
		fs.Arg(0), m.Now().Sub(start).Seconds(), *threads, *seed, stats.Iterations, stats.InitialCost, stats.T0, stats.TEnd)
	m.printIHTCReport(in, ihtc.Evaluate(in, s))
	if *out == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := ihtc.WriteSolution(&buf, in, s); err != nil {
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

// flagsFirst moves the arguments that are not flags (the instance path)
// after the flags, because package flag stops at the first non-flag.
func flagsFirst(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i+1:]...)
			i = len(args)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			flags = append(flags, a)
			if !strings.Contains(a, "=") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		default:
			rest = append(rest, a)
		}
	}
	return append(flags, rest...)
}

// ihtcProgress returns a progress printer for stderr: each thread's
// current and best cost, at most once a second per thread.
func (m *Main) ihtcProgress(start time.Time) func(schedule.Progress) {
	var mu sync.Mutex
	last := map[int]time.Time{}
	return func(p schedule.Progress) {
		mu.Lock()
		defer mu.Unlock()
		now := m.Now()
		if now.Sub(last[p.Thread]) < time.Second {
			return
		}
		last[p.Thread] = now
		fmt.Fprintf(m.Stderr, "%6.1fs thread %d: %d iterations, cost %d, best %d\n",
			now.Sub(start).Seconds(), p.Thread, p.Iterations, p.Cost, p.Best)
	}
}
