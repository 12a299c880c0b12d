package main

import (
	"context"
	"fmt"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// benchLists runs the theatre-list optimiser on a database (the demo
// hospital) and prints its plan's figures beside the chronological fill
// staff do by hand: the proof that the optimiser beats it. Nothing is
// booked: a plan changes nothing until accepted.
func (m *Main) benchLists(ctx context.Context, args []string) error {
	fs := m.flags("bench lists", "bench lists [--db PATH_OR_URL] [--weeks N] [--seconds S | --moves N] [--seed N]")
	dsn := m.dbFlag(fs)
	weeks := fs.Int("weeks", 4, "weeks of lists to plan, from tomorrow")
	secs := fs.Float64("seconds", 10, "time the optimiser may search")
	seed := fs.Int64("seed", 1, "random seed: the same seed and --moves give the same plan")
	moves := fs.Int64("moves", 0, "moves to try (deterministic for the seed); 0: search for --seconds")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if *weeks < 1 || *weeks > 12 || *secs <= 0 {
		return fmt.Errorf("%w: --weeks must be 1 to 12 and --seconds more than 0", errUsage)
	}
	sys := systemContext(ctx, "bench")
	from := elective.DateOf(db.Now(), db.Location).AddDays(1)
	run, cancel := context.WithTimeout(sys, time.Duration(*secs*float64(time.Second)))
	defer cancel()
	start := time.Now()
	plan, err := store.NewListPlanner(db).PlanLists(run, elective.PlanRequest{From: from, Weeks: *weeks, Seed: *seed, MaxIterations: *moves})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Theatre lists on %s, %s to %s: %d moves tried in %.1f s (seed %d)\n",
		db.Dialect(), plan.From, plan.To, plan.Iterations, time.Since(start).Seconds(), *seed)
	fmt.Fprintf(m.Stdout, "  %-38s %12s %14s\n", "", "optimiser", "chronological")
	row := func(name string, a, b any) { fmt.Fprintf(m.Stdout, "  %-38s %12v %14v\n", name, a, b) }
	o, c := plan.Optimised, plan.Chronological
	row("patients given a date", o.Placed, c.Placed)
	row("left waiting", o.LeftOut, c.LeftOut)
	row("past their P-code time limit", o.PCodeMisses, c.PCodeMisses)
	row("18-week breaches", o.RTTBreaches, c.RTTBreaches)
	row("utilisation of the lists used", fmt.Sprintf("%.1f%%", o.Utilisation), fmt.Sprintf("%.1f%%", c.Utilisation))
	row("lists used", o.SessionsUsed, c.SessionsUsed)
	row("lists left empty (to release)", o.SessionsEmpty, c.SessionsEmpty)
	return nil
}
