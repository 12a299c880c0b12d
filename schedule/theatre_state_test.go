package schedule

import (
	"context"
	"math/rand"
	"slices"
	"testing"
)

// lockedProblem is a generated problem with some realism added: the first
// week's lists locked with cases on them, and other cases booked already.
func lockedProblem(seed int64) ListProblem {
	p := GenerateListProblem(seed)
	for i := range p.Cases {
		switch {
		case i%15 == 0:
			p.Cases[i].CurrentSessionID = p.Sessions[i%6].ID // first three days
		case i%7 == 0:
			p.Cases[i].CurrentSessionID = p.Sessions[10+i%20].ID
		}
	}
	for i := range 6 {
		p.Sessions[i].Locked = true
	}
	p.Sessions[12].OtherMinutes = 90
	return p
}

// recount rebuilds a state's bookkeeping from its assignment alone.
func recount(s *listState) (used, occ []int, kitUse []int32, members [][]int32) {
	m := s.m
	used, occ = make([]int, len(m.sess)), make([]int, len(m.bedCap))
	kitUse, members = make([]int32, len(s.kitUse)), make([][]int32, len(m.sess))
	for c, si := range s.at {
		if si < 0 {
			continue
		}
		ci := &m.cases[c]
		used[si] += ci.minutes
		members[si] = append(members[si], int32(c))
		for d := m.sess[si].day; d < m.sess[si].day+ci.los; d++ {
			occ[d]++
		}
		for _, k := range ci.kits {
			kitUse[int(si)*len(m.kitNames)+k]++
		}
	}
	return used, occ, kitUse, members
}

func checkBookkeeping(t *testing.T, step int, s *listState) {
	t.Helper()
	used, occ, kitUse, members := recount(s)
	if !slices.Equal(used, s.used) || !slices.Equal(occ, s.occ) || !slices.Equal(kitUse, s.kitUse) {
		t.Fatalf("step %d: bookkeeping differs from the assignment", step)
	}
	for si := range members {
		got := slices.Clone(s.members[si])
		slices.Sort(got)
		if !slices.Equal(got, members[si]) {
			t.Fatalf("step %d: session %d members %v, want %v", step, si, got, members[si])
		}
	}
	if full := s.fullCost(); full != s.cost {
		t.Fatalf("step %d: incremental cost %d, full cost %d", step, s.cost, full)
	}
	for c := range s.at {
		placed, unplaced := s.placed.pos[c] >= 0, s.unplaced.pos[c] >= 0
		if s.movable(int32(c)) && placed == unplaced || placed != (s.movable(int32(c)) && s.at[c] >= 0) {
			t.Fatalf("step %d: case %d placed %v unplaced %v at %d", step, c, placed, unplaced, s.at[c])
		}
	}
}

// TestListState_RandomWalk applies thousands of random proposed moves and
// checks after each that the incremental cost and bookkeeping agree with a
// recount, and at the end that every hard limit holds.
func TestListState_RandomWalk(t *testing.T) {
	p := lockedProblem(5)
	m, err := compile(&p)
	if err != nil {
		t.Fatal(err)
	}
	s := keepCurrent(m)
	checkBookkeeping(t, -1, s)
	r := rand.New(rand.NewSource(1))
	applied := map[int]int{}
	for step := range 5000 {
		mv, d, ok := s.Propose(r)
		if !ok {
			continue
		}
		applied[mv.(listMove).n]++
		s.Apply(mv)
		if s.Cost()-d < 0 {
			t.Fatal("negative cost")
		}
		checkBookkeeping(t, step, s)
	}
	if applied[1] == 0 || applied[2] == 0 {
		t.Errorf("moves applied by size: %v", applied)
	}
	checkProposal(t, "random walk", p, report(s, "walk"))
}

func TestListState_CloneIndependent(t *testing.T) {
	p := GenerateListProblem(2)
	m, _ := compile(&p)
	s := greedyFill(m)
	c := s.Clone().(*listState)
	before := slices.Clone(s.at)
	r := rand.New(rand.NewSource(2))
	for range 2000 {
		if mv, _, ok := c.Propose(r); ok {
			c.Apply(mv)
		}
	}
	if !slices.Equal(before, s.at) || s.fullCost() != s.cost {
		t.Fatal("changing a clone changed the original")
	}
	checkBookkeeping(t, 0, c)
}

func TestOptimise_LockedAndBooked(t *testing.T) {
	p := lockedProblem(3)
	prop, err := Optimise(context.Background(), p, Options{Seed: 4, MaxIterations: 50000})
	if err != nil {
		t.Fatal(err)
	}
	checkProposal(t, "optimiser", p, prop)
	checkProposal(t, "chronological", p, ChronologicalFill(p))
	for _, ch := range Diff(p, prop) {
		for i := range 6 {
			if ch.FromSessionID == p.Sessions[i].ID || ch.ToSessionID == p.Sessions[i].ID {
				t.Errorf("change %+v touches locked session %d", ch, p.Sessions[i].ID)
			}
		}
	}
}

func TestOptimise_StopsOnCancel(t *testing.T) {
	p := GenerateListProblem(1)
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	o := Options{Seed: 1, ProgressEvery: 1000, Progress: func(Progress) {
		if calls++; calls == 2 {
			cancel()
		}
	}}
	prop, err := Optimise(ctx, p, o)
	if err != nil {
		t.Fatal(err)
	}
	checkProposal(t, "cancelled", p, prop)
	if prop.Totals.Placed == 0 {
		t.Error("a cancelled run still returns the greedy lists")
	}
}

func TestOptimise_NeverWorseThanStart(t *testing.T) {
	for seed := int64(1); seed <= 3; seed++ {
		p := GenerateListProblem(seed)
		m, _ := compile(&p)
		start := min(greedyFill(m).Cost(), chronologicalFill(m).Cost())
		prop, _ := Optimise(context.Background(), p, Options{Seed: seed, MaxIterations: 3000})
		if prop.Cost > start {
			t.Errorf("seed %d: cost %d, worse than the start %d", seed, prop.Cost, start)
		}
	}
}

func TestGenerateListProblem(t *testing.T) {
	a, b := GenerateListProblem(7), GenerateListProblem(7)
	if len(a.Sessions) != 40 || len(a.Cases) != 150 {
		t.Fatalf("%d sessions, %d cases", len(a.Sessions), len(a.Cases))
	}
	if !slices.EqualFunc(a.Cases, b.Cases, func(x, y ListCase) bool { return x.ID == y.ID && x.Minutes == y.Minutes && x.ListedOn == y.ListedOn }) {
		t.Error("the same seed gave different cases")
	}
	if err := Validate(a); err != nil {
		t.Error(err)
	}
}
