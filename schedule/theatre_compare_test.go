package schedule

import (
	"context"
	"testing"
)

// TestOptimise_BeatsChronological compares the optimiser with the hand
// method on generated month-sized problems. The objective puts P-code
// misses before RTT breaches, so on some seeds it accepts a breach or two
// more to avoid many more misses; on seed 1 it is no worse on either.
func TestOptimise_BeatsChronological(t *testing.T) {
	for seed := int64(1); seed <= 4; seed++ {
		p := GenerateListProblem(seed)
		chrono := ChronologicalFill(p)
		opt, err := Optimise(context.Background(), p, Options{Seed: 1, MaxIterations: 200_000})
		if err != nil {
			t.Fatal(err)
		}
		checkProposal(t, "chronological", p, chrono)
		checkProposal(t, "optimiser", p, opt)
		c, o := chrono.Totals, opt.Totals
		t.Logf("seed %d chronological: %+v", seed, c)
		t.Logf("seed %d optimiser:     %+v", seed, o)
		if o.PCodeMisses > c.PCodeMisses || o.Utilisation < c.Utilisation || o.Placed < c.Placed {
			t.Errorf("seed %d: optimiser %+v not better than chronological %+v", seed, o, c)
		}
		if lb := unavoidableMisses(p); o.PCodeMisses != lb {
			t.Errorf("seed %d: optimiser misses %d, but only %d are unavoidable", seed, o.PCodeMisses, lb)
		}
		if o.PCodeMisses+o.RTTBreaches > c.PCodeMisses+c.RTTBreaches || seed == 1 && o.RTTBreaches > c.RTTBreaches {
			t.Errorf("seed %d: optimiser breaches %d, chronological %d", seed, o.RTTBreaches, c.RTTBreaches)
		}
	}
}

func BenchmarkOptimise(b *testing.B) {
	p := GenerateListProblem(1)
	for b.Loop() {
		if _, err := Optimise(context.Background(), p, Options{Seed: 1, MaxIterations: 200_000}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChronologicalFill(b *testing.B) {
	p := GenerateListProblem(1)
	for b.Loop() {
		ChronologicalFill(p)
	}
}

// unavoidableMisses counts the cases due in the horizon that no session
// they may go on comes before: a lower bound on P-code misses.
func unavoidableMisses(p ListProblem) int {
	m, _ := compile(&p)
	n := 0
	for _, ci := range m.cases {
		if !ci.fixed && ci.due != noDay && ci.due <= m.horizon && (len(ci.elig) == 0 || m.sess[ci.elig[0]].day > ci.due) {
			n++
		}
	}
	return n
}
