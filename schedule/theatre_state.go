package schedule

import "slices"

// indexSet is a set of small integers with O(1) add, delete and random
// pick, for the placed and unplaced movable cases.
type indexSet struct {
	items []int32
	pos   []int32 // position in items, or -1
}

func newIndexSet(n int) indexSet {
	s := indexSet{pos: make([]int32, n)}
	for i := range s.pos {
		s.pos[i] = -1
	}
	return s
}

func (s *indexSet) add(i int32) {
	if s.pos[i] < 0 {
		s.pos[i] = int32(len(s.items))
		s.items = append(s.items, i)
	}
}

func (s *indexSet) del(i int32) {
	p := s.pos[i]
	if p < 0 {
		return
	}
	last := s.items[len(s.items)-1]
	s.items[p], s.pos[last] = last, p
	s.items = s.items[:len(s.items)-1]
	s.pos[i] = -1
}

func (s indexSet) clone() indexSet {
	return indexSet{items: slices.Clone(s.items), pos: slices.Clone(s.pos)}
}

// listState is a set of theatre lists under local search. Every state the
// search visits meets the hard limits (moves that would break one are not
// proposed), so Cost holds only the soft objective.
type listState struct {
	m        *model
	at       []int32 // case → session index, or -1
	used     []int   // minutes booked per session (problem cases only)
	members  [][]int32
	occ      []int   // beds occupied per day index
	kitUse   []int32 // session × counted kit: cases needing it
	unplaced indexSet
	placed   indexSet
	cost     int64
}

func newListState(m *model) *listState {
	s := &listState{m: m, at: make([]int32, len(m.cases)), used: make([]int, len(m.sess)),
		members: make([][]int32, len(m.sess)), occ: make([]int, len(m.bedCap)),
		kitUse:   make([]int32, len(m.sess)*len(m.kitNames)),
		unplaced: newIndexSet(len(m.cases)), placed: newIndexSet(len(m.cases))}
	for c := range m.cases {
		s.at[c] = -1
		if s.movable(int32(c)) {
			s.unplaced.add(int32(c))
		}
	}
	for c, ci := range m.cases {
		if ci.fixed {
			s.add(int32(c), ci.cur)
		}
	}
	s.cost = s.fullCost()
	return s
}

// movable reports whether the search may place case c anywhere.
func (s *listState) movable(c int32) bool {
	ci := &s.m.cases[c]
	return !ci.fixed && len(ci.elig) > 0
}

func (s *listState) add(c, si int32) {
	ci := &s.m.cases[c]
	s.at[c] = si
	s.used[si] += ci.minutes
	s.members[si] = append(s.members[si], c)
	for d := s.m.sess[si].day; d < s.m.sess[si].day+ci.los; d++ {
		s.occ[d]++
	}
	for _, k := range ci.kits {
		s.kitUse[int(si)*len(s.m.kitNames)+k]++
	}
	if s.movable(c) {
		s.unplaced.del(c)
		s.placed.add(c)
	}
}

func (s *listState) remove(c int32) {
	si, ci := s.at[c], &s.m.cases[c]
	s.at[c] = -1
	s.used[si] -= ci.minutes
	mem := s.members[si]
	i := slices.Index(mem, c)
	mem[i] = mem[len(mem)-1]
	s.members[si] = mem[:len(mem)-1]
	for d := s.m.sess[si].day; d < s.m.sess[si].day+ci.los; d++ {
		s.occ[d]--
	}
	for _, k := range ci.kits {
		s.kitUse[int(si)*len(s.m.kitNames)+k]--
	}
	if s.movable(c) {
		s.placed.del(c)
		s.unplaced.add(c)
	}
}

// fits reports whether case c, just added to session si, keeps that
// session's minutes, the beds over its stay and its counted kit within
// their limits. Only additions can break a limit, so checking each added
// case in the new state is enough.
func (s *listState) fits(c, si int32) bool {
	ci, se := &s.m.cases[c], &s.m.sess[si]
	if s.used[si] > se.cap {
		return false
	}
	for d := se.day; d < se.day+ci.los; d++ {
		if b := s.m.bedCap[d]; b >= 0 && s.occ[d] > b {
			return false
		}
	}
	for _, k := range ci.kits {
		if !s.kitFits(si, k) {
			return false
		}
	}
	return true
}

// kitFits checks that at no moment during session si more sessions use kit
// k than exist. The busiest moment of si starts at si's start or at the
// start of an overlapping session that uses the kit.
func (s *listState) kitFits(si int32, k int) bool {
	K, se := len(s.m.kitNames), &s.m.sess[si]
	uses := func(t int32) bool { return s.kitUse[int(t)*K+k] > 0 }
	count := func(p int) int {
		n := 1
		for _, t := range se.ovl {
			if uses(t) && s.m.sess[t].start <= p && p < s.m.sess[t].end {
				n++
			}
		}
		return n
	}
	if count(se.start) > s.m.kitCap[k] {
		return false
	}
	for _, t := range se.ovl {
		if st := s.m.sess[t].start; uses(t) && st > se.start && count(st) > s.m.kitCap[k] {
			return false
		}
	}
	return true
}

// caseCost is case c's share of the objective on session si (-1 = left out).
func (s *listState) caseCost(c, si int32) int64 {
	m, ci := s.m, &s.m.cases[c]
	w := &m.w
	var cost int64
	if ci.cur >= 0 && si != ci.cur {
		cost += w.Disruption
	}
	day := m.horizon + 1
	if si >= 0 {
		day = m.sess[si].day
		cost += w.Wait * ci.urg * int64(day-m.today)
	} else {
		cost += w.LeftOut + w.Wait*ci.urg*int64(m.horizon+7-m.today)
	}
	if ci.due != noDay && day > ci.due {
		cost += w.PCodeMiss + w.LateDay*int64(day-ci.due)
	}
	if ci.breach != noDay && day > ci.breach {
		cost += w.RTTBreach
	}
	return cost
}

// sessCost is session si's share: nothing if released (empty), else a
// charge for opening it and for each idle minute.
func (s *listState) sessCost(si int32) int64 {
	se := &s.m.sess[si]
	if len(s.members[si]) == 0 && se.cap == s.m.p.Sessions[si].Minutes {
		return 0
	}
	return s.m.w.OpenSession + s.m.w.IdleMinute*int64(se.cap-s.used[si])
}

func (s *listState) fullCost() int64 {
	var cost int64
	for c := range s.m.cases {
		cost += s.caseCost(int32(c), s.at[c])
	}
	for si := range s.m.sess {
		cost += s.sessCost(int32(si))
	}
	return cost
}

// Cost implements State.
func (s *listState) Cost() int64 { return s.cost }

// Clone implements State.
func (s *listState) Clone() State {
	t := *s
	t.at, t.used, t.occ, t.kitUse = slices.Clone(s.at), slices.Clone(s.used), slices.Clone(s.occ), slices.Clone(s.kitUse)
	t.members = make([][]int32, len(s.members))
	for i, mem := range s.members {
		t.members[i] = slices.Clone(mem)
	}
	t.unplaced, t.placed = s.unplaced.clone(), s.placed.clone()
	return &t
}
