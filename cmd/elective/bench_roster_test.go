package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rosterBench returns the Curtois-Qu folder, or skips the test.
func rosterBench(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../shared/bench/rostering/curtois-qu")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("Curtois-Qu data not found at %s (the shared benchmark folder): %v", dir, err)
	}
	return dir
}

// TestBenchRoster solves Instance1 by iterations (deterministic), with the
// instance path after the flags: it is feasible at the optimum 607, and
// the roster written to --out is rated the same by bench roster-cost,
// whose last line is the objective.
func TestBenchRoster(t *testing.T) {
	instance := filepath.Join(rosterBench(t), "Instance1.txt")
	roster := filepath.Join(t.TempDir(), "Instance1.roster")
	out, _, err := run(t, "", "bench", "roster", "--iterations", "3000000", "--threads", "1", "--seed", "1", "--out", roster, instance)
	if err != nil {
		t.Fatalf("bench roster: %v\n%s", err, out)
	}
	if !strings.Contains(out, "feasible: yes") || !strings.HasSuffix(out, "objective: 607\n") {
		t.Errorf("want feasible at objective 607, got\n%s", out)
	}
	check, _, err := run(t, "", "bench", "roster-cost", instance, roster)
	if err != nil {
		t.Fatalf("bench roster-cost: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(check), "\n")
	if lines[0] != "feasible: yes" || lines[len(lines)-1] != "objective: 607" {
		t.Errorf("roster-cost of the written roster:\n%s", check)
	}
	for _, want := range []string{"shift rotation", "min consecutive days off", "max weekends", "cover under"} {
		if !strings.Contains(check, want) {
			t.Errorf("roster-cost output lacks %q:\n%s", want, check)
		}
	}
}

// TestBenchRosterErrors: missing arguments are usage errors; a malformed
// instance or roster is refused with the file and line at fault.
func TestBenchRosterErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("SECTION_HORIZON\n7\nSECTION_SHIFTS\nE,eight hours,\nSECTION_STAFF\nA,E=7,4000,0,7,1,1,1\n"), 0o644)
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("SECTION_HORIZON\n7\nSECTION_SHIFTS\nE,480,\nSECTION_STAFF\nA,E=7,4000,0,7,1,1,1\n"), 0o644)
	roster := filepath.Join(dir, "roster.txt")
	os.WriteFile(roster, []byte("A\tE E E - - - -\nZ\t- - - - - - -\n"), 0o644)
	if _, _, err := run(t, "", "bench", "roster-cost", good); !errors.Is(err, errUsage) {
		t.Errorf("one argument: %v, want a usage error", err)
	}
	if _, _, err := run(t, "", "bench", "roster", "--seconds", "1"); !errors.Is(err, errUsage) {
		t.Errorf("no instance: %v, want a usage error", err)
	}
	if _, _, err := run(t, "", "bench", "roster", "--seconds", "0", good); !errors.Is(err, errUsage) {
		t.Errorf("zero seconds: %v, want a usage error", err)
	}
	_, _, err := run(t, "", "bench", "roster-cost", bad, roster)
	if err == nil || !strings.Contains(err.Error(), "bad.txt: nrp: line 4: SECTION_SHIFTS") {
		t.Errorf("malformed instance: %v", err)
	}
	_, _, err = run(t, "", "bench", "roster-cost", good, roster)
	if err == nil || !strings.Contains(err.Error(), `roster.txt: nrp: line 2: unknown employee "Z"`) {
		t.Errorf("malformed roster: %v", err)
	}
	os.WriteFile(roster, []byte("A\tE E E - - - -\n"), 0o644)
	out, _, err := run(t, "", "bench", "roster-cost", good, roster)
	if err != nil || !strings.HasSuffix(out, "objective: 0\n") {
		t.Errorf("a roster without requests or cover: %v\n%s", err, out)
	}
}
