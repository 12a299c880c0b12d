package nrp

// state is the solver's incremental view of a roster: the cells plus
// every counter the cost needs, so that changing one cell updates the
// cost in time proportional to the runs of shifts and days off around it.
// Its hard counts and penalties are Evaluate's, for rosters with at most
// one shift a day (the only ones the solver makes).
type state struct {
	in         *Instance
	data       *solveData // read-only lookups shared by clones
	E, D, T, W int

	cell     []int16 // [e*D+d] shift type, or Off
	nType    []int32 // [e*T+t] shifts of the type
	minutes  []int32 // [e] total minutes
	wkShifts []int8  // [e*W+w] shifts on the weekend's two days
	wkWorked []int32 // [e] weekends worked
	cover    []int32 // [d*T+t] staff on the shift
	short    []int32 // the d*T+t short of their cover, in no order
	shortAt  []int32 // [d*T+t] position in short, or -1

	hard [NumHard]int64 // as Report.Violations
	soft [NumSoft]int64 // as Report.Penalty
	// weight is the cost of one violation of each hard constraint, in
	// its unit: data.minuteWeight for a minute, data.shiftWeight for any
	// other unit, so above any objective, except in the search for a
	// first feasible roster.
	weight [NumHard]int64
	mv     move // the latest proposed move
	// relaxed turns the quick checks off (solve_check.go), for searches
	// whose hard weights let them cross the rules.
	relaxed bool
	// row, when not negative, is the only employee moves change (in the
	// repair of one employee's row).
	row int
}

// solveData holds per-instance lookups computed once.
type solveData struct {
	forbid  []bool    // [t*T+u] u cannot follow t
	onSum   []int32   // [e*D+d] weights of the on-requests of the cell
	onW     []int32   // [(e*D+d)*T+t] on-request weight of shift t
	offW    []int32   // [(e*D+d)*T+t] off-request weight of shift t
	dayOff  []bool    // [e*D+d] a day the employee cannot work
	allowed [][]int16 // per employee, the shift types they may work at all
	// minuteWeight is the cost of a minute of MinMinutes or MaxMinutes;
	// shiftWeight the cost of one unit of any other hard constraint: the
	// minutes of the shortest shift, so that a shift too many of any kind
	// weighs about the same. Both exceed any objective (softBound).
	minuteWeight, shiftWeight int64
	shortest                  int64
	strict                    [NumHard]int64 // the weights of every hard constraint
}

func newSolveData(in *Instance) *solveData {
	E, D, T := len(in.Staff), in.Days, len(in.Shifts)
	sd := &solveData{forbid: make([]bool, T*T), onSum: make([]int32, E*D), onW: make([]int32, E*D*T),
		offW: make([]int32, E*D*T), dayOff: make([]bool, E*D), allowed: make([][]int16, E)}
	for t := range in.Shifts {
		for _, u := range in.Shifts[t].NotFollow {
			sd.forbid[t*T+u] = true
		}
	}
	for _, q := range in.OnRequests {
		c := q.Employee*D + q.Day
		sd.onSum[c] += int32(q.Weight)
		sd.onW[c*T+q.Shift] += int32(q.Weight)
	}
	for _, q := range in.OffRequests {
		sd.offW[(q.Employee*D+q.Day)*T+q.Shift] += int32(q.Weight)
	}
	for e := range in.Staff {
		for _, d := range in.Staff[e].DaysOff {
			sd.dayOff[e*D+d] = true
		}
		for t, m := range in.Staff[e].MaxShifts {
			if m > 0 {
				sd.allowed[e] = append(sd.allowed[e], int16(t))
			}
		}
	}
	sd.shortest = 1 << 30
	for _, s := range in.Shifts {
		sd.shortest = min(sd.shortest, int64(max(1, s.Minutes)))
	}
	sd.minuteWeight = softBound(in) + 1
	sd.shiftWeight = sd.minuteWeight * sd.shortest
	for k := range sd.strict {
		sd.strict[k] = sd.shiftWeight
	}
	sd.strict[MinMinutes], sd.strict[MaxMinutes] = sd.minuteWeight, sd.minuteWeight
	return sd
}

// softBound is an upper bound of the objective of any roster with at
// most one shift a day: every request refused and every cover as far off
// as it can be.
func softBound(in *Instance) int64 {
	var b int64
	for _, q := range in.OnRequests {
		b += int64(q.Weight)
	}
	for _, q := range in.OffRequests {
		b += int64(q.Weight)
	}
	E := len(in.Staff)
	for _, c := range in.Cover {
		b += max(int64(c.Requirement*c.Under), int64(max(0, E-c.Requirement)*c.Over))
	}
	return b
}

// newState returns the state of the roster with everyone off.
func newState(in *Instance, sd *solveData) *state {
	st := &state{in: in, data: sd, E: len(in.Staff), D: in.Days, T: len(in.Shifts), W: in.Weekends(), row: -1}
	st.weight = sd.strict
	st.cell = make([]int16, st.E*st.D)
	for i := range st.cell {
		st.cell[i] = Off
	}
	st.nType, st.minutes = make([]int32, st.E*st.T), make([]int32, st.E)
	st.wkShifts, st.wkWorked = make([]int8, st.E*st.W), make([]int32, st.E)
	st.cover = make([]int32, st.D*st.T)
	st.shortAt = make([]int32, st.D*st.T)
	for i := range st.shortAt {
		st.shortAt[i] = -1
		st.markShort(i)
	}
	for e := range in.Staff {
		st.hard[MinMinutes] += int64(in.Staff[e].MinMinutes)
		for d := range st.D {
			st.soft[ShiftOnRequests] += int64(sd.onSum[e*st.D+d])
		}
	}
	for _, c := range in.Cover {
		st.soft[CoverUnder] += int64(c.Requirement * c.Under)
	}
	// Each all-off row is one run of days off touching both ends of the
	// horizon, which breaks no sequence rule.
	return st
}

// hardUnits is the hard violations weighted in shortest-shift units of
// minutes (see solveData), the cost of the search for feasibility.
func (st *state) hardUnits() int64 {
	var h int64
	for k, v := range st.hard {
		if Hard(k) == MinMinutes || Hard(k) == MaxMinutes {
			h += v
		} else {
			h += v * st.data.shortest
		}
	}
	return h
}

// Cost is the weighted total: hard violations first, then the objective.
func (st *state) Cost() int64 {
	var c int64
	for k, v := range st.hard {
		c += v * st.weight[k]
	}
	for _, v := range st.soft {
		c += v
	}
	return c
}

// objective is the benchmark's objective of the state.
func (st *state) objective() int64 {
	var c int64
	for _, v := range st.soft {
		c += v
	}
	return c
}

// feasible reports whether no hard constraint is broken.
func (st *state) feasible() bool { return st.hardUnits() == 0 }

// clone returns a deep copy sharing only the instance and lookups.
func (st *state) clone() *state {
	c := *st
	c.cell = append([]int16(nil), st.cell...)
	c.nType = append([]int32(nil), st.nType...)
	c.minutes = append([]int32(nil), st.minutes...)
	c.wkShifts = append([]int8(nil), st.wkShifts...)
	c.wkWorked = append([]int32(nil), st.wkWorked...)
	c.cover = append([]int32(nil), st.cover...)
	c.short = append([]int32(nil), st.short...)
	c.shortAt = append([]int32(nil), st.shortAt...)
	c.mv = move{}
	return &c
}

// roster converts the state to a Roster.
func (st *state) roster() Roster {
	r := NewRoster(st.in)
	for e := range st.E {
		for d := range st.D {
			if t := st.cell[e*st.D+d]; t != Off {
				r[e][d] = Cell{int(t)}
			}
		}
	}
	return r
}

// at returns the shift of employee e on day d, or Off.
func (st *state) at(e, d int) int { return int(st.cell[e*st.D+d]) }

// set gives employee e shift v (or Off) on day d, updating every cost.
func (st *state) set(e, d, v int) {
	i := e*st.D + d
	old := int(st.cell[i])
	if old == v {
		return
	}
	toggles := (old == Off) != (v == Off)
	var lo, hi int
	if toggles {
		lo, hi = st.runSpan(e, d)
		st.runTerms(e, lo, hi, -1)
	}
	st.cellTerms(e, d, old, -1)
	st.cell[i] = int16(v)
	st.cellTerms(e, d, v, 1)
	if toggles {
		st.runTerms(e, lo, hi, 1)
		st.weekendDay(e, d, v != Off)
	}
}

// cellTerms adds (sign 1) or removes (-1) the terms of one cell holding
// shift t: requests, leave, type and minute totals, cover and rotation
// with the neighbouring days.
func (st *state) cellTerms(e, d, t int, sign int64) {
	sd, c := st.data, e*st.D+d
	if t == Off {
		st.soft[ShiftOnRequests] += sign * int64(sd.onSum[c])
		return
	}
	st.soft[ShiftOnRequests] += sign * int64(sd.onSum[c]-sd.onW[c*st.T+t])
	st.soft[ShiftOffRequests] += sign * int64(sd.offW[c*st.T+t])
	if sd.dayOff[c] {
		st.hard[DaysOff] += sign
	}
	emp := &st.in.Staff[e]
	k := e*st.T + t
	lim := int32(emp.MaxShifts[t])
	st.hard[MaxShifts] -= int64(max(0, st.nType[k]-lim))
	st.nType[k] += int32(sign)
	st.hard[MaxShifts] += int64(max(0, st.nType[k]-lim))
	st.minuteTerms(e, -1)
	st.minutes[e] += int32(sign) * int32(st.in.Shifts[t].Minutes)
	st.minuteTerms(e, 1)
	st.coverTerms(d, t, -1)
	st.cover[d*st.T+t] += int32(sign)
	st.coverTerms(d, t, 1)
	st.markShort(d*st.T + t)
	if d > 0 {
		if p := st.cell[c-1]; p != Off && sd.forbid[int(p)*st.T+t] {
			st.hard[ShiftRotation] += sign
		}
	}
	if d+1 < st.D {
		if n := st.cell[c+1]; n != Off && sd.forbid[t*st.T+int(n)] {
			st.hard[ShiftRotation] += sign
		}
	}
}

// minuteTerms adds or removes employee e's minute violations.
func (st *state) minuteTerms(e int, sign int64) {
	emp, m := &st.in.Staff[e], int(st.minutes[e])
	st.hard[MinMinutes] += sign * int64(max(0, emp.MinMinutes-m))
	st.hard[MaxMinutes] += sign * int64(max(0, m-emp.MaxMinutes))
}

// coverTerms adds or removes the cover penalty of shift t on day d.
func (st *state) coverTerms(d, t int, sign int64) {
	c := st.in.Cover[d*st.T+t]
	n := int(st.cover[d*st.T+t])
	st.soft[CoverUnder] += sign * int64(max(0, c.Requirement-n)*c.Under)
	st.soft[CoverOver] += sign * int64(max(0, n-c.Requirement)*c.Over)
}

// markShort keeps the list of day-shifts short of their cover.
func (st *state) markShort(i int) {
	isShort, at := st.cover[i] < int32(st.in.Cover[i].Requirement), st.shortAt[i]
	switch {
	case isShort && at < 0:
		st.shortAt[i] = int32(len(st.short))
		st.short = append(st.short, int32(i))
	case !isShort && at >= 0:
		last := st.short[len(st.short)-1]
		st.short[at] = last
		st.shortAt[last] = at
		st.short = st.short[:len(st.short)-1]
		st.shortAt[i] = -1
	}
}

// weekendDay keeps the weekends worked when day d becomes worked or off.
func (st *state) weekendDay(e, d int, on bool) {
	w := st.in.weekend(d)
	if w < 0 {
		return
	}
	lim := int32(st.in.Staff[e].MaxWeekends)
	st.hard[MaxWeekends] -= int64(max(0, st.wkWorked[e]-lim))
	k := e*st.W + w
	if on {
		st.wkShifts[k]++
		if st.wkShifts[k] == 1 {
			st.wkWorked[e]++
		}
	} else {
		st.wkShifts[k]--
		if st.wkShifts[k] == 0 {
			st.wkWorked[e]--
		}
	}
	st.hard[MaxWeekends] += int64(max(0, st.wkWorked[e]-lim))
}

// working reports whether employee e works on day d.
func (st *state) working(e, d int) bool { return st.cell[e*st.D+d] != Off }

// runSpan returns the days whose runs a change of day d between worked
// and off can affect: from the start of the run holding day d-1 to the
// end of the run holding day d+1. Both ends stay run boundaries after the
// change, so the runs in between can be priced before and after it.
func (st *state) runSpan(e, d int) (lo, hi int) {
	lo, hi = d, d
	if d > 0 {
		on := st.working(e, d-1)
		for lo = d - 1; lo > 0 && st.working(e, lo-1) == on; lo-- {
		}
	}
	if d+1 < st.D {
		on := st.working(e, d+1)
		for hi = d + 1; hi+1 < st.D && st.working(e, hi+1) == on; hi++ {
		}
	}
	return lo, hi
}

// runTerms adds or removes the sequence terms (constraints 5, 6 and 7) of
// the whole runs of shifts and of days off in days lo..hi. A run touching
// the first or last day is never too short (see Evaluate).
func (st *state) runTerms(e, lo, hi int, sign int64) {
	emp := &st.in.Staff[e]
	for d := lo; d <= hi; {
		on := st.working(e, d)
		start := d
		for d <= hi && st.working(e, d) == on {
			d++
		}
		n, inside := d-start, start > 0 && d < st.D
		switch {
		case on:
			st.hard[MaxConsecutive] += sign * int64(max(0, n-emp.MaxConsecutive))
			if inside && n < emp.MinConsecutive {
				st.hard[MinConsecutive] += sign
			}
		case inside && n < emp.MinDaysOff:
			st.hard[MinDaysOff] += sign
		}
	}
}
