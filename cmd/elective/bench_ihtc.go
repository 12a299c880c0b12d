package main

import (
	"context"
	"fmt"
	"os"

	"github.com/openelective/elective/ihtc"
)

// benchIHTCCost evaluates an IHTC-2024 solution as the competition's
// official checker does: feasibility with each hard-constraint violation
// count, then each soft cost raw and weighted, and the total last, so that
// Elective's own solver output can be verified against published figures.
func (m *Main) benchIHTCCost(ctx context.Context, args []string) error {
	fs := m.flags("bench ihtc-cost", "bench ihtc-cost INSTANCE.json SOLUTION.json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return fmt.Errorf("%w: expected bench ihtc-cost INSTANCE.json SOLUTION.json", errUsage)
	}
	in, err := loadIHTCInstance(fs.Arg(0))
	if err != nil {
		return err
	}
	s, err := loadIHTCSolution(fs.Arg(1), in)
	if err != nil {
		return err
	}
	m.printIHTCReport(in, ihtc.Evaluate(in, s))
	return nil
}

// printIHTCReport prints a report in the checker's order and names.
func (m *Main) printIHTCReport(in *ihtc.Instance, r ihtc.Report) {
	feasible := "no"
	if r.Feasible() {
		feasible = "yes"
	}
	fmt.Fprintf(m.Stdout, "feasible: %s\nviolations:\n", feasible)
	for h := range ihtc.NumHard {
		fmt.Fprintf(m.Stdout, "  %-30s %8d\n", h, r.Violations[h])
	}
	fmt.Fprintf(m.Stdout, "  %-30s %8d\ncosts (raw x weight = weighted):\n", "total violations", r.TotalViolations())
	for c := range ihtc.NumSoft {
		fmt.Fprintf(m.Stdout, "  %-30s %8d x %4d = %8d\n", c, r.Raw[c], in.Weights[c], r.Weighted[c])
	}
	fmt.Fprintf(m.Stdout, "total: %d\n", r.Total)
}

// loadIHTCInstance reads an IHTC-2024 instance file.
func loadIHTCInstance(path string) (*ihtc.Instance, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	in, err := ihtc.ParseInstance(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return in, nil
}

// loadIHTCSolution reads an IHTC-2024 solution file for an instance.
func loadIHTCSolution(path string, in *ihtc.Instance) (*ihtc.Solution, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ihtc.ParseSolution(f, in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}
