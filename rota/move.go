package rota

import (
	"math/rand"

	"github.com/openelective/elective/schedule"
)

// maxChanges bounds a move: a block of nights or long days is at most a
// week.
const maxChanges = 8

// change gives position pos to person to (-1: leaves it empty).
type change struct{ pos, to int32 }

// rotaMove is a set of changes made together: assign, unassign, move a
// shift to someone else, swap two people's shifts, or move a block of the
// same shift on consecutive days to someone else.
type rotaMove struct {
	n     int
	ch    [maxChanges]change
	delta int64
}

func one(pos, to int32) rotaMove { return rotaMove{n: 1, ch: [maxChanges]change{{pos, to}}} }

func two(a, to, b, to2 int32) rotaMove {
	return rotaMove{n: 2, ch: [maxChanges]change{{a, to}, {b, to2}}}
}

// people lists the people a move touches, each once.
func (s *state) people(mv *rotaMove, out []int32) []int32 {
	add := func(p int32) {
		if p < 0 {
			return
		}
		for _, q := range out {
			if q == p {
				return
			}
		}
		out = append(out, p)
	}
	for i := range mv.n {
		add(s.who[mv.ch[i].pos])
		add(mv.ch[i].to)
	}
	return out
}

func (s *state) partCost(people []int32) int64 {
	cost := s.m.w.teamCost(&s.team, s.empty, s.m.sumFTE)
	for _, p := range people {
		cost += s.m.w.personCost(&s.t[p], s.m.people[p].fte)
	}
	return cost
}

// try prices mv by making it and undoing it. ok is false if it would give
// someone two shifts on a day or break a safety rule.
func (s *state) try(mv *rotaMove) (delta int64, ok bool) {
	var pbuf [2 * maxChanges]int32
	people := s.people(mv, pbuf[:0])
	before := s.partCost(people)
	var old [maxChanges]int32
	for i := range mv.n {
		if old[i] = s.who[mv.ch[i].pos]; old[i] >= 0 {
			s.unplace(mv.ch[i].pos)
		}
	}
	ok, placed := true, 0
	for ; placed < mv.n; placed++ {
		c := mv.ch[placed]
		if c.to < 0 {
			continue
		}
		if s.at[int(c.to)*s.m.nDays+int(s.m.pos[c.pos].day)] >= 0 {
			ok = false
			break
		}
		s.place(c.pos, c.to)
	}
	for i := 0; ok && i < len(people); i++ {
		ok = s.safeAfter(mv, people[i], old[:mv.n])
	}
	after := s.partCost(people)
	for i := range placed {
		if mv.ch[i].to >= 0 {
			s.unplace(mv.ch[i].pos)
		}
	}
	for i := range mv.n {
		if old[i] >= 0 {
			s.place(mv.ch[i].pos, old[i])
		}
	}
	return after - before, ok
}

// safeAfter checks person p once mv is made: the rules near the days it
// changes for them, and the weekend rule for the shifts it gives them.
func (s *state) safeAfter(mv *rotaMove, p int32, old []int32) bool {
	lo, hi := int32(s.m.nDays), int32(-1)
	for i := range mv.n {
		c := mv.ch[i]
		if c.to != p && old[i] != p {
			continue
		}
		day := s.m.pos[c.pos].day
		lo, hi = min(lo, day), max(hi, day)
		if c.to == p && old[i] != p && !s.weekendSafe(p, c.pos) {
			return false
		}
	}
	return hi < 0 || s.safe(p, lo, hi)
}

// Apply implements schedule.State.
func (s *state) Apply(m schedule.Move) {
	mv := m.(rotaMove)
	for i := range mv.n {
		if s.who[mv.ch[i].pos] >= 0 {
			s.unplace(mv.ch[i].pos)
		}
	}
	for i := range mv.n {
		if mv.ch[i].to >= 0 {
			s.place(mv.ch[i].pos, mv.ch[i].to)
		}
	}
	s.cost += mv.delta
}

// Propose implements schedule.State: it draws a move and returns it only
// if it keeps every hard rule.
func (s *state) Propose(r *rand.Rand) (schedule.Move, int64, bool) {
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

func (s *state) draw(r *rand.Rand) (rotaMove, bool) {
	no, nf := len(s.open.items), len(s.filled.items)
	k := r.Intn(100)
	switch {
	case no > 0 && (nf == 0 || k < 30):
		return s.drawAssign(r, s.open.items[r.Intn(no)])
	case nf == 0:
		return rotaMove{}, false
	case k < 52:
		return s.drawMove(r, s.filled.items[r.Intn(nf)])
	case k < 77:
		return s.drawSwap(r, s.filled.items[r.Intn(nf)])
	case k < 88:
		return s.drawBlock(r, s.filled.items[r.Intn(nf)])
	case k < 98:
		return s.drawWeekendSwap(r, s.filled.items[r.Intn(nf)], s.filled.items[r.Intn(nf)])
	}
	return one(s.filled.items[r.Intn(nf)], -1), true
}

// busy is the position person p holds on day d, or -1.
func (s *state) busy(p, day int32) int32 { return s.at[int(p)*s.m.nDays+int(day)] }

func (s *state) okAt(pos, p int32) bool { return s.m.okPos[int(pos)*len(s.m.people)+int(p)] }

// drawAssign gives empty position pos to someone who may take it; if they
// already work that day, they leave that shift for this one. Half the time
// it kicks: they leave whatever stops them taking it (see drawKick).
func (s *state) drawAssign(r *rand.Rand, pos int32) (rotaMove, bool) {
	elig := s.m.pos[pos].elig
	p, day := elig[r.Intn(len(elig))], s.m.pos[pos].day
	if q := s.busy(p, day); q >= 0 {
		return two(q, -1, pos, p), true
	}
	if r.Intn(2) == 0 {
		return one(pos, p), true
	}
	return s.drawKick(r, pos, p), true
}

// drawKick gives empty position pos to p, who leaves the shifts that would
// stop them: all of another weekend they work too close to this one, or
// else one shift within reach of the rest and run rules. The gap moves to
// where someone else may fill it.
func (s *state) drawKick(r *rand.Rand, pos, p int32) rotaMove {
	m := s.m
	mv := one(pos, p)
	for _, w := range m.cell(m.pos[pos].day, m.pos[pos].shift).weeks {
		if !m.weekIndexOK(w) {
			continue
		}
		for k := int16(1 - m.l.WeekendFrequency); k < int16(m.l.WeekendFrequency); k++ {
			if k != 0 && s.worked(p, w+k) && s.kickWeekend(&mv, p, w+k, -1) {
				s.pass(r, &mv, 1)
				return mv
			}
		}
	}
	day := m.pos[pos].day
	var near [64]int32
	n := 0
	for d := max(0, day-m.reach); d <= min(int32(m.nDays-1), day+m.reach) && n < len(near); d++ {
		if q := s.busy(p, d); q >= 0 {
			near[n] = q
			n++
		}
	}
	if n > 0 {
		mv.ch[1], mv.n = change{near[r.Intn(n)], -1}, 2
		s.pass(r, &mv, 1)
	}
	return mv
}

// pass gives the positions a kick empties (changes from the first on) to
// someone who may take the first of them, half the time, so that a gap
// moves between people without growing.
func (s *state) pass(r *rand.Rand, mv *rotaMove, first int) {
	if r.Intn(2) == 0 {
		return
	}
	elig := s.m.pos[mv.ch[first].pos].elig
	q := elig[r.Intn(len(elig))]
	for i := first; i < mv.n; i++ {
		if !s.okAt(mv.ch[i].pos, q) {
			return
		}
	}
	for i := first; i < mv.n; i++ {
		mv.ch[i].to = q
	}
}

// kickWeekend adds to mv the giving to person to (-1: nobody) of every
// position p holds that works in weekend w. It reports false if there are
// none or too many.
func (s *state) kickWeekend(mv *rotaMove, p int32, w int16, to int32) bool {
	m := s.m
	sat := int32(m.sat0 + 7*int64(w) - m.per.first)
	n := mv.n
	for d := max(0, sat-1); d <= min(int32(m.nDays-1), sat+1); d++ {
		q := s.busy(p, d)
		if q < 0 {
			continue
		}
		if c := m.cell(m.pos[q].day, m.pos[q].shift); c.weeks[0] != w && c.weeks[1] != w {
			continue
		}
		if n == maxChanges {
			return false
		}
		mv.ch[n] = change{q, to}
		n++
	}
	if n == mv.n {
		return false
	}
	mv.n = n
	return true
}

// drawMove gives filled position pos to someone else; if they already work
// that day, the two swap shifts when they can, else theirs is left empty.
func (s *state) drawMove(r *rand.Rand, pos int32) (rotaMove, bool) {
	elig := s.m.pos[pos].elig
	p, from := elig[r.Intn(len(elig))], s.who[pos]
	if p == from {
		return rotaMove{}, false
	}
	if q := s.busy(p, s.m.pos[pos].day); q >= 0 {
		if s.okAt(q, from) {
			return two(pos, p, q, from), true
		}
		return two(q, -1, pos, p), true
	}
	return one(pos, p), true
}

// drawSwap swaps the shifts of two people, half the time on the same day.
func (s *state) drawSwap(r *rand.Rand, a int32) (rotaMove, bool) {
	var b int32
	if day := s.m.byDay[s.m.pos[a].day]; r.Intn(2) == 0 && len(day) > 1 {
		b = day[r.Intn(len(day))]
	} else {
		b = s.filled.items[r.Intn(len(s.filled.items))]
	}
	p, q := s.who[a], s.who[b]
	if q < 0 || p == q || !s.okAt(b, p) || !s.okAt(a, q) {
		return rotaMove{}, false
	}
	return two(a, q, b, p), true
}

// drawBlock moves the run of the same shift that position pos is part of
// (the same person on consecutive days, up to maxChanges) to someone else,
// so that a block of nights moves whole.
func (s *state) drawBlock(r *rand.Rand, pos int32) (rotaMove, bool) {
	m, p := s.m, s.who[pos]
	shift := m.pos[pos].shift
	same := func(day int32) int32 {
		if day < 0 || int(day) >= m.nDays {
			return -1
		}
		if q := s.busy(p, day); q >= 0 && m.pos[q].shift == shift {
			return q
		}
		return -1
	}
	first := m.pos[pos].day
	for first > 0 && same(first-1) >= 0 && m.pos[pos].day-first+1 < maxChanges {
		first--
	}
	elig := m.pos[pos].elig
	to := elig[r.Intn(len(elig))]
	if to == p {
		return rotaMove{}, false
	}
	var mv rotaMove
	for d := first; mv.n < maxChanges; d++ {
		q := same(d)
		if q < 0 {
			break
		}
		if !s.okAt(q, to) {
			return rotaMove{}, false
		}
		mv.ch[mv.n] = change{q, to}
		mv.n++
	}
	return mv, mv.n > 0
}

// drawWeekendSwap swaps whole weekends: the person holding position a
// gives everything they work in its weekend to the person holding b, who
// gives everything they work in b's weekend back. It rotates who works
// which weekend, the hardest part of one weekend in three.
func (s *state) drawWeekendSwap(r *rand.Rand, a, b int32) (rotaMove, bool) {
	m := s.m
	p, q := s.who[a], s.who[b]
	wa, wb := m.cell(m.pos[a].day, m.pos[a].shift).weeks[0], m.cell(m.pos[b].day, m.pos[b].shift).weeks[0]
	if p == q || !m.weekIndexOK(wa) || !m.weekIndexOK(wb) {
		return rotaMove{}, false
	}
	var mv rotaMove
	if !s.kickWeekend(&mv, p, wa, q) || !s.kickWeekend(&mv, q, wb, p) {
		return rotaMove{}, false
	}
	for i := range mv.n {
		if !s.okAt(mv.ch[i].pos, mv.ch[i].to) {
			return rotaMove{}, false
		}
	}
	return mv, true
}
