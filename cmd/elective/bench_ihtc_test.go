package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchIHTCCost runs bench ihtc-cost on the competition's toy
// instance and solution: the toy solution mixes genders in one room on
// three days, so it is infeasible, and its total is 292.
func TestBenchIHTCCost(t *testing.T) {
	dir, err := filepath.Abs("../../../shared/bench/ihtc2024")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("IHTC-2024 data not found at %s (the shared benchmark folder): %v", dir, err)
	}
	out, _, err := run(t, "", "bench", "ihtc-cost",
		filepath.Join(dir, "instances", "toy.json"), filepath.Join(dir, "solutions", "test", "toy_solution.json"))
	if err != nil {
		t.Fatalf("bench ihtc-cost: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "feasible: no" || lines[len(lines)-1] != "total: 292" {
		t.Errorf("want feasible: no first and total: 292 last, got\n%s", out)
	}
	for _, want := range []string{"RoomGenderMix", "UncoveredRoom", "RoomAgeMix", "ElectiveUnscheduledPatients"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if _, _, err := run(t, "", "bench", "ihtc-cost", filepath.Join(dir, "instances", "toy.json")); !errors.Is(err, errUsage) {
		t.Errorf("one argument: %v, want a usage error", err)
	}
}
