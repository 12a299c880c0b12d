package ihtc

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// benchDir is the shared benchmark folder, relative to this package.
const benchDir = "../../shared/bench/ihtc2024"

// needBench skips the test when the benchmark data is not present.
func needBench(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(benchDir); err != nil {
		t.Skipf("IHTC-2024 data not found at %s (the shared benchmark folder): %v", benchDir, err)
	}
}

// mustInstance reads an instance of the benchmark by name (e.g. "toy").
func mustInstance(t testing.TB, name string) *Instance {
	t.Helper()
	f, err := os.Open(filepath.Join(benchDir, "instances", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, err := ParseInstance(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return in
}

// mustSolution reads a solution file of the benchmark.
func mustSolution(t testing.TB, in *Instance, path string) *Solution {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(benchDir, path))
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSolution(bytes.NewReader(data), in)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// TestParseAll: every instance and solution of the benchmark parses, and
// a solution written and read back is the same solution.
func TestParseAll(t *testing.T) {
	needBench(t)
	insts, _ := filepath.Glob(filepath.Join(benchDir, "instances", "*.json"))
	if len(insts) == 0 {
		t.Fatal("no instances")
	}
	for _, path := range insts {
		name := filepath.Base(path[:len(path)-len(".json")])
		in := mustInstance(t, name)
		sols, _ := filepath.Glob(filepath.Join(benchDir, "solutions", "*", "sol_"+name+".json"))
		if name == "toy" {
			sols = []string{filepath.Join(benchDir, "solutions", "test", "toy_solution.json")}
		}
		for _, sp := range sols {
			rel, _ := filepath.Rel(benchDir, sp)
			s := mustSolution(t, in, rel)
			var buf bytes.Buffer
			if err := WriteSolution(&buf, in, s); err != nil {
				t.Fatal(err)
			}
			back, err := ParseSolution(&buf, in)
			if err != nil {
				t.Fatalf("%s written back: %v", rel, err)
			}
			if !sameSolution(s, back) {
				t.Errorf("%s: written and read back differs", rel)
			}
		}
	}
}

func sameSolution(a, b *Solution) bool {
	if len(a.Patients) != len(b.Patients) || len(a.RoomNurse) != len(b.RoomNurse) {
		return false
	}
	for i := range a.Patients {
		if a.Patients[i] != b.Patients[i] {
			return false
		}
	}
	for r := range a.RoomNurse {
		for k := range a.RoomNurse[r] {
			if a.RoomNurse[r][k] != b.RoomNurse[r][k] {
				return false
			}
		}
	}
	return true
}
