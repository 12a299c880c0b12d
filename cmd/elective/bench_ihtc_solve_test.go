package main

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestBenchIHTCSolve solves the competition's toy instance for a moment,
// with the instance path after the flags: the breakdown says feasible,
// and the solution written to --out is the one it rates.
func TestBenchIHTCSolve(t *testing.T) {
	dir, err := filepath.Abs("../../../shared/bench/ihtc2024")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("IHTC-2024 data not found at %s (the shared benchmark folder): %v", dir, err)
	}
	instance := filepath.Join(dir, "instances", "toy.json")
	sol := filepath.Join(t.TempDir(), "toy.json")
	out, _, err := run(t, "", "bench", "ihtc", "--seconds", "0.3", "--threads", "1", "--seed", "2", "--out", sol, instance)
	if err != nil {
		t.Fatalf("bench ihtc: %v\n%s", err, out)
	}
	if !strings.Contains(out, "feasible: yes") {
		t.Errorf("want a feasible solution, got\n%s", out)
	}
	total := out[strings.LastIndex(out, "total: "):]
	check, _, err := run(t, "", "bench", "ihtc-cost", instance, sol)
	if err != nil {
		t.Fatalf("bench ihtc-cost of the written solution: %v", err)
	}
	if !strings.HasSuffix(strings.TrimSpace(check), strings.TrimSpace(total)) {
		t.Errorf("written solution rated %q, solver printed %q", check[strings.LastIndex(check, "total: "):], total)
	}
	if _, _, err := run(t, "", "bench", "ihtc", "--seconds", "1"); !errors.Is(err, errUsage) {
		t.Errorf("no instance: %v, want a usage error", err)
	}
}

// TestFlagsFirst: the instance path may come before or after the flags.
func TestFlagsFirst(t *testing.T) {
	got := flagsFirst([]string{"in.json", "--seconds", "5", "--out=o.json", "-threads", "2"})
	want := []string{"--seconds", "5", "--out=o.json", "-threads", "2", "in.json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("flagsFirst = %q, want %q", got, want)
	}
}
