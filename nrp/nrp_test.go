package nrp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchDir is the shared benchmark folder, relative to this package.
const benchDir = "../../shared/bench/rostering/curtois-qu"

// needBench skips the test when the benchmark data is not present.
func needBench(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(benchDir); err != nil {
		t.Skipf("Curtois-Qu data not found at %s (the shared benchmark folder): %v", benchDir, err)
	}
}

// mustInstance reads an instance of the benchmark by name ("Instance1").
func mustInstance(t testing.TB, name string) *Instance {
	t.Helper()
	f, err := os.Open(filepath.Join(benchDir, name+".txt"))
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

// mustParse reads an instance from text, failing the test on error.
func mustParse(t testing.TB, doc string) *Instance {
	t.Helper()
	in, err := ParseInstance(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// mustRoster reads a roster from text, failing the test on error.
func mustRoster(t testing.TB, in *Instance, doc string) Roster {
	t.Helper()
	r, err := ParseRoster(strings.NewReader(doc), in)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
