package rota

import (
	"cmp"
	"slices"

	"github.com/openelective/elective/schedule"
)

// indexSet is a set of small integers with O(1) add, delete and random
// pick: the empty and the filled positions.
type indexSet struct {
	items []int32
	at    []int32 // index in items, or -1
}

func newIndexSet(n int) indexSet {
	s := indexSet{at: make([]int32, n)}
	for i := range s.at {
		s.at[i] = -1
	}
	return s
}

func (s *indexSet) add(i int32) {
	if s.at[i] < 0 {
		s.at[i] = int32(len(s.items))
		s.items = append(s.items, i)
	}
}

func (s *indexSet) del(i int32) {
	k := s.at[i]
	if k < 0 {
		return
	}
	last := s.items[len(s.items)-1]
	s.items[k], s.at[last] = last, k
	s.items = s.items[:len(s.items)-1]
	s.at[i] = -1
}

func (s indexSet) clone() indexSet {
	return indexSet{items: slices.Clone(s.items), at: slices.Clone(s.at)}
}

// state is a rota under local search. Every state the search visits keeps
// the hard rules (moves that would break one are not proposed), so its
// cost is the cover left empty and the fairness.
type state struct {
	m      *model
	who    []int32 // position → person, or -1
	at     []int32 // person*nDays + day → position the search gave them, or -1
	t      []tally
	avg    []int64 // seconds inside the period, for the 48 h average
	wk     []int16 // person*nWeeks + weekend: duties working in it
	touch  []int16 // person*nDays + day: duties working on it
	team   sums
	empty  int
	open   indexSet // empty positions that someone may take
	filled indexSet // positions the search filled
	cost   int64

	buf  []span
	bbuf []breach
}

func (m *model) newState() *state {
	n := len(m.people)
	s := &state{m: m, who: make([]int32, len(m.pos)), at: make([]int32, n*m.nDays), t: make([]tally, n),
		avg: make([]int64, n), wk: make([]int16, n*m.nWeeks), touch: make([]int16, n*m.nDays),
		open: newIndexSet(len(m.pos)), filled: newIndexSet(len(m.pos))}
	for i := range s.at {
		s.at[i] = -1
	}
	for j := range m.people {
		s.avg[j] = m.people[j].beforeAvg
		for _, d := range m.people[j].fixed {
			i := m.p.shift(d.Code)
			c := m.cellOf(d, i >= 0 && m.p.Shifts[i].Unpopular)
			s.count(int32(j), &c, int(c.span.day-m.per.first), 1)
		}
	}
	for i := range m.pos {
		s.who[i] = m.pos[i].fixed
		if m.pos[i].fixed < 0 {
			s.empty++
			if len(m.pos[i].elig) > 0 {
				s.open.add(int32(i))
			}
		}
	}
	s.cost = s.fullCost()
	return s
}

// count adds (sign 1) or takes away (-1) a duty's part of person p's
// tally; day is its start's index in the period.
func (s *state) count(p int32, c *cell, day int, sign int64) {
	m := s.m
	t := &s.t[p]
	s.team.add(t, -1)
	t.minutes += sign * c.span.workMinutes()
	if c.span.night {
		t.nights += sign
	}
	if c.unpopular {
		t.unpopular += sign
	}
	s.avg[p] += sign * c.inPeriod
	for _, w := range c.weeks {
		if !m.weekIndexOK(w) {
			continue
		}
		k := int(p)*m.nWeeks + int(w)
		if s.wk[k] += int16(sign); (sign > 0 && s.wk[k] == 1) || (sign < 0 && s.wk[k] == 0) {
			t.weekends += sign
		}
	}
	for d := day; d <= day+c.touches && d < m.nDays; d++ {
		k := int(p)*m.nDays + d
		if s.touch[k] += int16(sign); m.people[p].prefer[d] && ((sign > 0 && s.touch[k] == 1) || (sign < 0 && s.touch[k] == 0)) {
			t.broken += sign
		}
	}
	s.team.add(t, 1)
}

// place gives position pos to person p, who must be free that day.
func (s *state) place(pos, p int32) {
	ps := &s.m.pos[pos]
	s.who[pos] = p
	s.at[int(p)*s.m.nDays+int(ps.day)] = pos
	s.count(p, s.m.cell(ps.day, ps.shift), int(ps.day), 1)
	s.empty--
	s.open.del(pos)
	s.filled.add(pos)
}

// unplace empties position pos.
func (s *state) unplace(pos int32) {
	ps, p := &s.m.pos[pos], s.who[pos]
	s.who[pos] = -1
	s.at[int(p)*s.m.nDays+int(ps.day)] = -1
	s.count(p, s.m.cell(ps.day, ps.shift), int(ps.day), -1)
	s.empty++
	s.filled.del(pos)
	s.open.add(pos)
}

func (s *state) fullCost() int64 {
	var cost int64
	for j := range s.t {
		cost += s.m.w.personCost(&s.t[j], s.m.people[j].fte)
	}
	return cost + s.m.w.teamCost(&s.team, s.empty, s.m.sumFTE)
}

// spans lists person p's duties, context and search's, that start on days
// lo..hi (indexes, may run outside the period), sorted by start.
func (s *state) spans(p, lo, hi int32) []span {
	m := s.m
	ctx := m.people[p].context
	first, last := m.per.first+int64(lo), m.per.first+int64(hi)
	out := s.buf[:0]
	k := 0
	for k < len(ctx) && ctx[k].day < first {
		k++
	}
	for d := max(lo, 0); d <= min(hi, int32(m.nDays-1)); d++ {
		pos := s.at[int(p)*m.nDays+int(d)]
		if pos < 0 {
			continue
		}
		sp := m.cell(m.pos[pos].day, m.pos[pos].shift).span
		for k < len(ctx) && ctx[k].start < sp.start {
			out = append(out, ctx[k])
			k++
		}
		out = append(out, sp)
	}
	for ; k < len(ctx) && ctx[k].day <= last; k++ {
		out = append(out, ctx[k])
	}
	s.buf = out
	return out
}

// safe reports whether person p's rota, changed on days lo..hi, breaks no
// rule that their fixed and earlier duties do not already break. Only the
// duties within reach of the change are checked: leaving out duties can
// hide a breach but never make one up, and none beyond reach can change.
// The weekend rule is checked by weekendSafe, the shift length up front
// (model.allow).
func (s *state) safe(p, lo, hi int32) bool {
	m, mb := s.m, &s.m.people[p]
	if s.avg[p] > mb.ctxAvg && (s.avg[p]/60)*7 > int64(m.l.MaxAverageWeeklyMinutes)*int64(m.nDays) {
		return false
	}
	ss := s.spans(p, lo-1-m.reach, hi+m.reach+1)
	bs := restBetween(ss, &m.l, s.bbuf[:0])
	bs = sevenDay(ss, &m.l, bs)
	rr := m.l.runRules()
	for i := range rr {
		bs = runs(ss, &rr[i], bs)
	}
	bs = consecutiveOnCall(ss, bs)
	s.bbuf = bs
	for _, b := range bs {
		if b.day < m.per.first || b.day > m.per.last {
			continue
		}
		if !slices.ContainsFunc(mb.baseline, func(a breach) bool { return a.rule == b.rule && a.day == b.day }) {
			return false
		}
	}
	return true
}

// weekendSafe reports whether person p, just given position pos, works no
// other weekend within WeekendFrequency weeks of its weekends (rules.md
// 4.3; the reading of weekendFrequency). Taking a shift away cannot break
// the rule, so only additions are checked.
func (s *state) weekendSafe(p, pos int32) bool {
	m := s.m
	c := m.cell(m.pos[pos].day, m.pos[pos].shift)
	for _, w := range c.weeks {
		if !m.weekIndexOK(w) {
			continue
		}
		for k := int16(1); k < int16(m.l.WeekendFrequency); k++ {
			if s.worked(p, w-k) || s.worked(p, w+k) {
				return false
			}
		}
	}
	return true
}

func (s *state) worked(p int32, w int16) bool {
	if !s.m.weekIndexOK(w) {
		return false
	}
	return s.wk[int(p)*s.m.nWeeks+int(w)] > 0 || s.m.people[p].ctxWk[w]
}

// Cost implements schedule.State.
func (s *state) Cost() int64 { return s.cost }

// Clone implements schedule.State.
func (s *state) Clone() schedule.State {
	t := *s
	t.who, t.at, t.t, t.avg = slices.Clone(s.who), slices.Clone(s.at), slices.Clone(s.t), slices.Clone(s.avg)
	t.wk, t.touch = slices.Clone(s.wk), slices.Clone(s.touch)
	t.open, t.filled = s.open.clone(), s.filled.clone()
	t.buf, t.bbuf = nil, nil
	return &t
}

// duties is the rota: the fixed duties and every filled position.
func (s *state) duties() []Duty {
	m := s.m
	out := slices.Clone(m.p.Fixed)
	for _, pos := range s.filled.items {
		ps := &m.pos[pos]
		out = append(out, dutyOf(m.people[s.who[pos]].p.ID, &m.p.Shifts[ps.shift], m.p.From.AddDays(int(ps.day)), m.loc))
	}
	sortDuties(out)
	return out
}

func sortDuties(ds []Duty) {
	slices.SortStableFunc(ds, func(a, b Duty) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.StaffID, b.StaffID); c != 0 {
			return c
		}
		return cmp.Compare(a.Code, b.Code)
	})
}
