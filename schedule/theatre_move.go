package schedule

import "math/rand"

// listMove relocates one or two cases: case c[i] goes to session to[i]
// (-1 = left out). Insert, remove and move use one relocation; swap and
// replace (an unplaced case takes a placed one's place) use two.
type listMove struct {
	n     int
	c, to [2]int32
	delta int64
}

// relocate makes the move, removing every case first and then adding, and
// returns the sessions the cases came from.
func (s *listState) relocate(mv *listMove) (from [2]int32) {
	for i := range mv.n {
		from[i] = s.at[mv.c[i]]
		if from[i] >= 0 {
			s.remove(mv.c[i])
		}
	}
	for i := range mv.n {
		if mv.to[i] >= 0 {
			s.add(mv.c[i], mv.to[i])
		}
	}
	return from
}

// affected is the cost of the sessions a move touches and of its cases.
func (s *listState) affected(mv *listMove, sessions []int32) int64 {
	var cost int64
	for i, si := range sessions {
		if si >= 0 && !containsBefore(sessions, i) {
			cost += s.sessCost(si)
		}
	}
	for i := range mv.n {
		cost += s.caseCost(mv.c[i], s.at[mv.c[i]])
	}
	return cost
}

func containsBefore(xs []int32, i int) bool {
	for _, x := range xs[:i] {
		if x == xs[i] {
			return true
		}
	}
	return false
}

// try prices mv by making it and undoing it. ok is false if the move would
// break a hard limit.
func (s *listState) try(mv *listMove) (delta int64, ok bool) {
	var touched [4]int32
	for i := range mv.n {
		touched[2*i], touched[2*i+1] = s.at[mv.c[i]], mv.to[i]
	}
	sessions := touched[:2*mv.n]
	before := s.affected(mv, sessions)
	from := s.relocate(mv)
	ok = true
	for i := range mv.n {
		if mv.to[i] >= 0 && !s.fits(mv.c[i], mv.to[i]) {
			ok = false
		}
	}
	after := s.affected(mv, sessions)
	undo := listMove{n: mv.n, c: mv.c, to: from}
	s.relocate(&undo)
	return after - before, ok
}

// Apply implements State.
func (s *listState) Apply(m Move) {
	mv := m.(listMove)
	s.relocate(&mv)
	s.cost += mv.delta
}

// Propose implements State: it draws insert, move, swap, replace or remove
// and returns it only if it keeps every hard limit.
func (s *listState) Propose(r *rand.Rand) (Move, int64, bool) {
	mv, ok := s.draw(r)
	if !ok {
		return nil, 0, false
	}
	d, ok := s.try(&mv)
	if !ok {
		return nil, 0, false
	}
	mv.delta = d
	return mv, d, true
}

func (s *listState) draw(r *rand.Rand) (listMove, bool) {
	np, nu := len(s.placed.items), len(s.unplaced.items)
	k := r.Intn(100)
	switch {
	case nu > 0 && (np == 0 || k < 30):
		c := s.unplaced.items[r.Intn(nu)]
		return s.drawInsert(r, c)
	case np == 0:
		return listMove{}, false
	case k < 55:
		c := s.placed.items[r.Intn(np)]
		return s.drawTo(r, c)
	case k < 80:
		return s.drawSwap(r, s.placed.items[r.Intn(np)])
	case k < 93 && nu > 0:
		return s.drawInsert(r, s.unplaced.items[r.Intn(nu)])
	}
	c := s.placed.items[r.Intn(np)]
	return listMove{n: 1, c: [2]int32{c}, to: [2]int32{-1}}, true
}

// drawTo moves placed case c to another of its sessions.
func (s *listState) drawTo(r *rand.Rand, c int32) (listMove, bool) {
	elig := s.m.cases[c].elig
	to := elig[r.Intn(len(elig))]
	if to == s.at[c] {
		return listMove{}, false
	}
	return listMove{n: 1, c: [2]int32{c}, to: [2]int32{to}}, true
}

// drawInsert puts unplaced case c on one of its sessions, half the time
// in place of a case already there (replace).
func (s *listState) drawInsert(r *rand.Rand, c int32) (listMove, bool) {
	elig := s.m.cases[c].elig
	to := elig[r.Intn(len(elig))]
	mem := s.members[to]
	if len(mem) == 0 || r.Intn(2) == 0 {
		return listMove{n: 1, c: [2]int32{c}, to: [2]int32{to}}, true
	}
	victim := mem[r.Intn(len(mem))]
	return listMove{n: 2, c: [2]int32{victim, c}, to: [2]int32{-1, to}}, true
}

// drawSwap exchanges placed case c with a case on another of c's sessions
// that may go on c's session.
func (s *listState) drawSwap(r *rand.Rand, c int32) (listMove, bool) {
	elig := s.m.cases[c].elig
	to, from := elig[r.Intn(len(elig))], s.at[c]
	mem := s.members[to]
	if to == from || len(mem) == 0 {
		return s.drawTo(r, c)
	}
	o := mem[r.Intn(len(mem))]
	if !s.m.cases[o].eligible(from) {
		return listMove{}, false
	}
	return listMove{n: 2, c: [2]int32{c, o}, to: [2]int32{to, from}}, true
}
