package schedule

import (
	"context"
	"testing"
)

func TestOptimise_BeatsChronological(t *testing.T) {
	p := GenerateListProblem(1)
	chrono := ChronologicalFill(p)
	opt, err := Optimise(context.Background(), p, Options{Seed: 1, MaxIterations: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("chronological: %+v cost %d", chrono.Totals, chrono.Cost)
	t.Logf("optimiser:     %+v cost %d", opt.Totals, opt.Cost)
	if opt.Totals.PCodeMisses > chrono.Totals.PCodeMisses || opt.Totals.RTTBreaches > chrono.Totals.RTTBreaches {
		t.Errorf("optimiser misses %d breaches %d, chronological %d and %d",
			opt.Totals.PCodeMisses, opt.Totals.RTTBreaches, chrono.Totals.PCodeMisses, chrono.Totals.RTTBreaches)
	}
	if opt.Totals.Utilisation < chrono.Totals.Utilisation {
		t.Errorf("optimiser utilisation %.1f%% below chronological %.1f%%", opt.Totals.Utilisation, chrono.Totals.Utilisation)
	}
}
