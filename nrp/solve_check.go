package nrp

// Quick checks that moves use to skip changes a contract rule forbids
// outright, before pricing them: they look only at the cell's
// neighbours and counters, and are conservative (a change they pass may
// still break a rule; the cost decides).

// canWork reports whether employee e may work shift t on day d as far as
// leave, the maximum of the type, rotation with the neighbouring days and
// the maximum weekends go; freed is a type the same move takes from them
// elsewhere (or Off), whose maximum is then no bar.
func (st *state) canWork(e, d, t, freed int) bool {
	if st.relaxed {
		return st.at(e, d) != t
	}
	c := e*st.D + d
	cur := int(st.cell[c])
	if cur == t || st.data.dayOff[c] || (t != freed && st.nType[e*st.T+t] >= int32(st.in.Staff[e].MaxShifts[t])) {
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
	if cur == Off {
		if w := st.in.weekend(d); w >= 0 && st.wkShifts[e*st.W+w] == 0 && st.wkWorked[e] >= int32(st.in.Staff[e].MaxWeekends) {
			return false
		}
	}
	return true
}

// runLeft is the length of the run of days with employee e's working
// status `on` ending on day d-1, scanning at most limit days.
func (st *state) runLeft(e, d int, on bool, limit int) int {
	n := 0
	for j := d - 1; j >= 0 && n < limit && st.working(e, j) == on; j-- {
		n++
	}
	return n
}

// runRight is the length of the run with status on starting on day d+1.
func (st *state) runRight(e, d int, on bool, limit int) int {
	n := 0
	for j := d + 1; j < st.D && n < limit && st.working(e, j) == on; j++ {
		n++
	}
	return n
}

// canAdd reports whether employee e, off on day d, may start working it
// as far as the runs go: the run it joins stays within the maximum, a new
// run of one is allowed, and the days off on each side stay long enough.
func (st *state) canAdd(e, d int) bool {
	if st.relaxed {
		return true
	}
	emp := &st.in.Staff[e]
	cap := emp.MaxConsecutive + 1
	l, r := st.runLeft(e, d, true, cap), st.runRight(e, d, true, cap)
	if l+r+1 > emp.MaxConsecutive {
		return false
	}
	if l == 0 && r == 0 && d > 0 && d+1 < st.D && emp.MinConsecutive > 1 {
		return false
	}
	if l == 0 && d > 0 {
		off := st.runLeft(e, d, false, emp.MinDaysOff+1)
		if off < emp.MinDaysOff && d-off > 0 { // bounded by a worked day
			return false
		}
	}
	if r == 0 && d+1 < st.D {
		off := st.runRight(e, d, false, emp.MinDaysOff+1)
		if off < emp.MinDaysOff && d+off+1 < st.D {
			return false
		}
	}
	return true
}

// canDrop reports whether employee e, working day d, may have it off as
// far as the runs go: what is left of the run on each side stays long
// enough, and a single day off between them is allowed.
func (st *state) canDrop(e, d int) bool {
	if st.relaxed {
		return true
	}
	emp := &st.in.Staff[e]
	need := emp.MinConsecutive
	l, r := st.runLeft(e, d, true, need), st.runRight(e, d, true, need)
	if l > 0 && l < need && d-l > 0 {
		return false
	}
	if r > 0 && r < need && d+r+1 < st.D {
		return false
	}
	if l > 0 && r > 0 && emp.MinDaysOff > 1 {
		return false
	}
	return true
}

// okSet reports whether the quick checks let employee e's day d change
// to v (a shift or Off) on its own: the rules above, and the total
// minutes not moved further out of their range.
func (st *state) okSet(e, d, v int) bool {
	cur := st.at(e, d)
	if v == cur {
		return false
	}
	if st.relaxed {
		return true
	}
	emp := &st.in.Staff[e]
	dm := st.minutesOf(v) - st.minutesOf(cur)
	if m := int(st.minutes[e]) + dm; (dm > 0 && m > emp.MaxMinutes) || (dm < 0 && m < emp.MinMinutes) {
		return false
	}
	if v == Off {
		return st.canDrop(e, d)
	}
	return st.canWork(e, d, v, Off) && (cur != Off || st.canAdd(e, d))
}

// minutesOf is the length of shift t, 0 for Off.
func (st *state) minutesOf(t int) int {
	if t == Off {
		return 0
	}
	return st.in.Shifts[t].Minutes
}
