package nrp

import "math/rand"

// construct builds a starting roster greedily, day by day, as a rota
// coordinator fills a paper rota: on each day it first continues the runs
// of shifts still shorter than their minimum, then fills each shift
// type's preferred cover one person at a time, then gives a shift to the
// employees behind their minimum minutes for the days gone. Each time it
// takes the employee and shift that break no rule with the days already
// decided and cost least. r orders the employees, so that threads start
// from different rosters.
func construct(in *Instance, sd *solveData, r *rand.Rand) *state {
	st := newState(in, sd)
	order := r.Perm(st.E)
	for d := range st.D {
		for _, e := range order {
			if n := st.openRun(e, d); n > 0 && n < in.Staff[e].MinConsecutive {
				st.assignBest(e, d, -1)
			}
		}
		for _, t := range r.Perm(st.T) {
			for st.cover[d*st.T+t] < int32(in.Cover[d*st.T+t].Requirement) {
				if !st.fillOne(order, d, t) {
					break
				}
			}
		}
		for _, e := range order {
			emp := &in.Staff[e]
			if int(st.minutes[e])*st.D < emp.MinMinutes*(d+1) {
				st.assignBest(e, d, -1)
			}
		}
	}
	return st
}

// openRun is the length of employee e's run of shifts ending on day d-1.
func (st *state) openRun(e, d int) int {
	n := 0
	for j := d - 1; j >= 0 && st.working(e, j); j-- {
		n++
	}
	return n
}

// trial prices employee e working shift t on day d (off until then) for
// construction: ok is false if it breaks a rule with the days already
// decided (every hard term but the minimum minutes and minimum run, which
// later days can still meet); score is the change of the objective.
func (st *state) trial(e, d, t int) (score int64, ok bool) {
	if st.in.Staff[e].MaxShifts[t] == 0 {
		return 0, false
	}
	hard, soft := st.hard, st.objective()
	st.set(e, d, t)
	ok = true
	for h := range NumHard {
		if Hard(h) != MinMinutes && Hard(h) != MinConsecutive && st.hard[h] > hard[h] {
			ok = false
		}
	}
	score = st.objective() - soft
	st.set(e, d, Off)
	return score, ok
}

// assignBest gives employee e, off on day d, the cheapest shift that
// breaks no rule (only shift t if t >= 0), if there is one.
func (st *state) assignBest(e, d, only int) bool {
	if st.at(e, d) != Off {
		return false
	}
	best, bestScore := -1, int64(0)
	for t := range st.T {
		if only >= 0 && t != only {
			continue
		}
		if s, ok := st.trial(e, d, t); ok && (best < 0 || s < bestScore) {
			best, bestScore = t, s
		}
	}
	if best < 0 {
		return false
	}
	st.set(e, d, best)
	return true
}

// fillOne gives shift t on day d to the employee off that day who is
// furthest behind their minimum minutes, among those it breaks no rule
// for, reporting whether there was one.
func (st *state) fillOne(order []int, d, t int) bool {
	best, bestNeed := -1, int64(0)
	for _, e := range order {
		if st.at(e, d) != Off {
			continue
		}
		if _, ok := st.trial(e, d, t); !ok {
			continue
		}
		emp := &st.in.Staff[e]
		need := int64(emp.MinMinutes)*int64(d+1) - int64(st.minutes[e])*int64(st.D)
		if best < 0 || need > bestNeed {
			best, bestNeed = e, need
		}
	}
	if best < 0 {
		return false
	}
	st.set(best, d, t)
	return true
}
