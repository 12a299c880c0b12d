package nrp

import "math/rand"

// pickWeekend completes a weekend employee e works only half of: the
// other day gets a shift (one short of cover then, if the sampled one
// is), which costs no more weekends; if that takes them past their
// maximum minutes, or half the time, a shift at the end of a run
// elsewhere goes.
func (st *state) pickWeekend(r *rand.Rand, e int) {
	if st.W == 0 {
		return
	}
	w := r.Intn(st.W)
	sat, sun := 7*w+5, 7*w+6
	var d int
	switch {
	case st.working(e, sat) && !st.working(e, sun):
		d = sun
	case st.working(e, sun) && !st.working(e, sat):
		d = sat
	default:
		return
	}
	like := st.at(e, sat+sun-d)
	t := st.shortShift(r, e, d, like)
	if !st.canWork(e, d, t, Off) || !st.canAdd(e, d) {
		return
	}
	over := int(st.minutes[e]) + st.minutesOf(t) - st.in.Staff[e].MaxMinutes
	if over > 0 || r.Intn(2) == 0 {
		drop, ok := st.dropDay(r, e, d, over)
		if !ok {
			return
		}
		st.add(e, drop, Off)
	}
	st.add(e, d, t)
}

// pickSwapWeekend exchanges a whole weekend (Saturday and Sunday) of two
// employees, or half the time one of its days, which leaves cover
// unchanged and moves a weekend worked from one to the other, or makes two
// half weekends one whole one.
func (st *state) pickSwapWeekend(r *rand.Rand, a int) {
	if st.W == 0 || st.E < 2 {
		return
	}
	b, sat := st.other(r, a), 7*r.Intn(st.W)+5
	from, to := sat, sat+1
	if r.Intn(2) == 0 { // one day only
		from += r.Intn(2)
		to = from
	}
	for d := from; d <= to; d++ {
		va, vb := st.at(a, d), st.at(b, d)
		st.add(a, d, vb)
		st.add(b, d, va)
	}
}

// pickMoveWeekend gives a weekend day short of cover to an employee who
// works no shift that weekend, in exchange for a weekend they do work:
// they drop its shifts, so that their weekends worked stay the same. On
// the benchmark's larger instances every weekend an employee may work is
// worked, and the shortfalls are all at weekends.
func (st *state) pickMoveWeekend(r *rand.Rand) {
	if st.W < 2 || len(st.short) == 0 {
		return
	}
	i := int(st.short[r.Intn(len(st.short))])
	d, t := i/st.T, i%st.T
	w2 := st.in.weekend(d)
	if w2 < 0 {
		return
	}
	first := r.Intn(st.E)
	for k := range st.E {
		e := (first + k) % st.E
		if st.wkShifts[e*st.W+w2] != 0 || st.wkWorked[e] == 0 || !st.canWorkAnyWeekend(e, d, t) || !st.canAdd(e, d) {
			continue
		}
		w1 := r.Intn(st.W)
		for st.wkShifts[e*st.W+w1] == 0 {
			w1 = (w1 + 1) % st.W
		}
		for x := 7*w1 + 5; x <= 7*w1+6; x++ {
			if st.working(e, x) {
				if !st.canDrop(e, x) {
					return
				}
				st.add(e, x, Off)
			}
		}
		st.add(e, d, t)
		return
	}
}

// canWorkAnyWeekend is canWork without the maximum weekends.
func (st *state) canWorkAnyWeekend(e, d, t int) bool {
	c := e*st.D + d
	if st.relaxed {
		return st.cell[c] != int16(t)
	}
	if st.cell[c] == int16(t) || st.data.dayOff[c] || st.nType[e*st.T+t] >= int32(st.in.Staff[e].MaxShifts[t]) {
		return false
	}
	if d > 0 {
		if p := st.cell[c-1]; p != Off && st.data.forbid[int(p)*st.T+t] {
			return false
		}
	}
	if d+1 < st.D {
		if n := st.cell[c+1]; n != Off && st.data.forbid[t*st.T+int(n)] {
			return false
		}
	}
	return true
}
