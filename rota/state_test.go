package rota

import (
	"math/rand"
	"slices"
	"testing"
)

// withContext gives the team earlier duties and fixed ones: four nights
// just before the rota, a worked weekend before it, and a fixed long day and an
// unsafe fixed 14 h shift inside it.
func withContext(p *Problem) *Problem {
	for i := range 4 {
		p.Staff[2].Before = append(p.Staff[2].Before, p.DutyOf(p.Staff[2].ID, "N", p.From.AddDays(-4+i)))
	}
	p.Staff[5].Before = []Duty{p.DutyOf(p.Staff[5].ID, "D", p.From.AddDays(-9)), p.DutyOf(p.Staff[5].ID, "D", p.From.AddDays(-2))}
	long := p.DutyOf(p.Staff[9].ID, "LD", p.From.AddDays(20))
	long.End = long.End.Add(60 * 60e9)
	p.Fixed = []Duty{p.DutyOf(p.Staff[3].ID, "LD", p.From.AddDays(3)), long}
	return p
}

// TestStateInvariants walks a search by hand and checks after every move
// that the running cost is the cost worked out afresh, and every few moves
// that the rota breaks no rule by the full Check that its fixed and
// earlier duties do not already break: the builder's checks near each
// change miss nothing.
func TestStateInvariants(t *testing.T) {
	walkInvariants(t, withContext(withLeave(team(10, 6))))
}

// TestStateInvariantsOnCall walks a rota with a weekly 24 h non-resident
// on call, whose expected work the hours rules count (rules.md 4.3).
func TestStateInvariantsOnCall(t *testing.T) {
	walkInvariants(t, withContext(withLeave(onCallTeam())))
}

func walkInvariants(t *testing.T, p *Problem) {
	t.Helper()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	m := newModel(p)
	r := rand.New(rand.NewSource(7))
	s := m.initial(r)
	context := contextViolations(p)
	applied := 0
	for i := range 40000 {
		mv, d, ok := s.Propose(r)
		if !ok || (d > 0 && r.Intn(4) != 0) {
			continue
		}
		s.Apply(mv)
		applied++
		if got := s.fullCost(); got != s.cost {
			t.Fatalf("move %d: running cost %d, afresh %d", i, s.cost, got)
		}
		if applied%50 != 0 {
			continue
		}
		res := Summarise(p, s.duties())
		for _, v := range res.Violations {
			if !slices.Contains(context, v.Rule+"@"+v.Date.String()) {
				t.Fatalf("move %d: %+v", i, v)
			}
		}
		if res.Cost != s.cost {
			t.Fatalf("move %d: Summarise prices %d, the search %d", i, res.Cost, s.cost)
		}
	}
	if applied < 1000 {
		t.Fatalf("only %d moves applied", applied)
	}
}

// contextViolations are the violations of the fixed and earlier duties
// alone.
func contextViolations(p *Problem) []string {
	var all []Duty
	for _, pe := range p.Staff {
		all = append(all, pe.Before...)
	}
	return codes(Check(append(all, p.Fixed...), p.From, p.To, p.Limits, p.Loc))
}
