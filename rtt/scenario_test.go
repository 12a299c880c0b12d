package rtt

import (
	"os"
	"path/filepath"
	"testing"
)

// TestScenarios runs every scenario file: the national examples copied from
// shared/domain/rtt-scenarios (testdata/national) and our own, one or more
// per rule (testdata/local).
func TestScenarios(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.json")
	if len(files) < 50 {
		t.Fatalf("found only %d scenario files", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s, err := ParseScenario(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, fail := range s.Check(DefaultPolicy()) {
				t.Errorf("%s\n%s", s.Name, fail)
			}
		})
	}
}
