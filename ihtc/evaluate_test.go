package ihtc

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// solutionPath maps a solution_set of solution-costs.csv to its file.
func solutionPath(set, inst string) (string, bool) {
	dir := map[string]string{"test_solution": "test", "comp_best_10min": "competition-best", "ihtp_upper_bound": "best-known"}[set]
	if dir == "" {
		return "", false
	}
	if inst == "toy" {
		return filepath.Join("solutions", dir, "toy_solution.json"), true
	}
	return filepath.Join("solutions", dir, "sol_"+inst+".json"), true
}

// TestEvaluateMatchesOfficialChecker evaluates every published solution
// and requires the violations, every component raw and weighted, and the
// total to equal the organisers' checker's figures in solution-costs.csv.
func TestEvaluateMatchesOfficialChecker(t *testing.T) {
	needBench(t)
	rows := readCosts(t)
	instances := map[string]*Instance{}
	for _, row := range rows {
		name := row["instance"]
		if instances[name] == nil {
			instances[name] = mustInstance(t, name)
		}
		in := instances[name]
		path, ok := solutionPath(row["solution_set"], name)
		if !ok {
			t.Fatalf("%s: unknown solution_set %q", name, row["solution_set"])
		}
		rep := Evaluate(in, mustSolution(t, in, path))
		check := func(col string, got int) {
			want, err := strconv.Atoi(row[col])
			if err != nil {
				t.Fatalf("%s: column %s: %v", path, col, err)
			}
			if got != want {
				t.Errorf("%s: %s = %d, official checker %d", path, col, got, want)
			}
		}
		check("violations", rep.TotalViolations())
		for c := range NumSoft {
			check(c.String()+"_raw", rep.Raw[c])
			check(c.String()+"_weighted", rep.Weighted[c])
		}
		check("total", rep.Total)
	}
	if len(rows) < 70 {
		t.Errorf("only %d rows in solution-costs.csv, want 70", len(rows))
	}
}

// readCosts reads solution-costs.csv as one map per row, keyed by column.
func readCosts(t *testing.T) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(benchDir, "solution-costs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, col := range recs[0] {
			row[col] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// BenchmarkEvaluate evaluates the best-known solution of the largest
// public instance (i27: 493 patients, 28 days).
func BenchmarkEvaluate(b *testing.B) {
	needBench(b)
	in := mustInstance(b, "i27")
	s := mustSolution(b, in, "solutions/best-known/sol_i27.json")
	for b.Loop() {
		Evaluate(in, s)
	}
}
