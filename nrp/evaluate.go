package nrp

import "fmt"

// Hard names a hard constraint of the published model (constraints 1 to
// 9, with constraint 4's two sides apart). Its value indexes
// Report.Violations.
type Hard int

// The hard constraints, with the unit each is counted in. Where a
// constraint bounds a total (3, 4, 8) the count is how far the total is
// past its bound, so that a solver sees how far it has to go; otherwise it
// is the number of the model's inequalities (rows) that do not hold.
const (
	OneShiftPerDay Hard = iota // 1: employee-days with more than one shift
	ShiftRotation              // 2: a shift followed the next day by one that may not follow it (pairs)
	MaxShifts                  // 3: shifts of a type beyond the employee's maximum for it
	MinMinutes                 // 4: minutes short of the employee's minimum
	MaxMinutes                 // 4: minutes beyond the employee's maximum
	MaxConsecutive             // 5: windows of max+1 days with more than max shifts
	MinConsecutive             // 6: runs of shifts shorter than the minimum, within the horizon
	MinDaysOff                 // 7: runs of days off shorter than the minimum, within the horizon
	MaxWeekends                // 8: weekends worked beyond the employee's maximum
	DaysOff                    // 9: shifts on a day the employee cannot work
	NumHard                    // number of hard constraints
)

var hardNames = [NumHard]string{"one shift per day", "shift rotation", "max shifts per type",
	"min total minutes", "max total minutes", "max consecutive shifts", "min consecutive shifts",
	"min consecutive days off", "max weekends", "days off"}

// String returns the constraint's name, e.g. "shift rotation".
func (h Hard) String() string {
	if h < 0 || h >= NumHard {
		return fmt.Sprintf("Hard(%d)", int(h))
	}
	return hardNames[h]
}

// Soft names a term of the objective. Its value indexes Report.Unmet and
// Report.Penalty.
type Soft int

// The soft terms of the objective.
const (
	ShiftOnRequests  Soft = iota // q_idt: requests to work a shift, not granted
	ShiftOffRequests             // p_idt: requests not to work a shift, not granted
	CoverUnder                   // y_dt v_dt min: staff short of the preferred cover
	CoverOver                    // z_dt v_dt max: staff beyond the preferred cover
	NumSoft                      // number of soft terms
)

var softNames = [NumSoft]string{"shift-on requests", "shift-off requests", "cover under", "cover over"}

// String returns the term's name, e.g. "cover under".
func (s Soft) String() string {
	if s < 0 || s >= NumSoft {
		return fmt.Sprintf("Soft(%d)", int(s))
	}
	return softNames[s]
}

// Report is the evaluation of a roster: how far each hard constraint is
// broken, and each soft term, as a count (requests not granted, staff
// short or over) and as its weighted penalty.
type Report struct {
	Violations [NumHard]int // by Hard, in the units of the constants
	Unmet      [NumSoft]int // by Soft: requests, or people for cover
	Penalty    [NumSoft]int // by Soft: the weighted penalty
	Objective  int          // sum of Penalty: the benchmark's objective
}

// TotalViolations returns the sum of all hard-constraint violations.
func (r *Report) TotalViolations() int {
	t := 0
	for _, v := range r.Violations {
		t += v
	}
	return t
}

// Feasible reports whether the roster breaks no hard constraint, the
// benchmark's condition for its objective to count.
func (r *Report) Feasible() bool { return r.TotalViolations() == 0 }

// Evaluate computes the violations and objective of r for in, from the
// integer programming model of Curtois and Qu's report, row by row; it is
// the reference the solver's incremental costs are tested against. r must
// be a roster for in (from NewRoster or ParseRoster): its indices are
// trusted.
//
// The horizon ends. The model states constraints 6 and 7 only for
// d ∈ {1…h−(s+1)}: each forbidden pattern (off, s shifts, off; or on,
// s days off, on) lies wholly inside the horizon. So a run of shifts or
// of days off that touches the first or the last day is never too short:
// the days before and after the horizon are unknown, and the model counts
// them neither as off nor as worked. Evaluate implements exactly that.
// Constraint 5 likewise checks only windows of c_max+1 days inside the
// horizon, and constraint 8 only the whole weekends of W = {1…h/7}.
func Evaluate(in *Instance, r Roster) Report {
	var rep Report
	work := make([]int, in.Days)
	for e := range in.Staff {
		for d := range in.Days {
			work[d] = len(r[e][d])
		}
		evalEmployee(in, e, r[e], work, &rep)
	}
	evalRequests(in, r, &rep)
	evalCover(in, r, &rep)
	for s := range NumSoft {
		rep.Objective += rep.Penalty[s]
	}
	return rep
}

// evalEmployee counts one employee's hard violations; work[d] is the
// number of shifts they work on day d (the model's Σ_t x_idt).
func evalEmployee(in *Instance, e int, row []Cell, work []int, rep *Report) {
	emp := &in.Staff[e]
	count := make([]int, len(in.Shifts))
	minutes := 0
	for d, c := range row {
		if len(c) > 1 {
			rep.Violations[OneShiftPerDay]++
		}
		for _, t := range c {
			count[t]++
			minutes += in.Shifts[t].Minutes
			if d+1 < in.Days {
				for _, u := range row[d+1] {
					if contains(in.Shifts[t].NotFollow, u) {
						rep.Violations[ShiftRotation]++
					}
				}
			}
		}
	}
	for t, n := range count {
		rep.Violations[MaxShifts] += max(0, n-emp.MaxShifts[t])
	}
	rep.Violations[MinMinutes] += max(0, emp.MinMinutes-minutes)
	rep.Violations[MaxMinutes] += max(0, minutes-emp.MaxMinutes)
	rep.Violations[MaxConsecutive] += maxConsecutiveRows(work, emp.MaxConsecutive)
	rep.Violations[MinConsecutive] += shortRunRows(work, emp.MinConsecutive, true)
	rep.Violations[MinDaysOff] += shortRunRows(work, emp.MinDaysOff, false)
	worked := 0
	for w := range in.Weekends() {
		if work[7*w+5]+work[7*w+6] > 0 {
			worked++
		}
	}
	rep.Violations[MaxWeekends] += max(0, worked-emp.MaxWeekends)
	for _, d := range emp.DaysOff {
		rep.Violations[DaysOff] += work[d]
	}
}

// maxConsecutiveRows counts the rows of constraint 5 that fail: windows
// of cmax+1 days inside the horizon with more than cmax shifts.
func maxConsecutiveRows(work []int, cmax int) int {
	n := 0
	for d := 0; d+cmax < len(work); d++ {
		sum := 0
		for j := d; j <= d+cmax; j++ {
			sum += work[j]
		}
		if sum > cmax {
			n++
		}
	}
	return n
}

// shortRunRows counts the rows of constraint 6 (on: off, s shifts, off)
// or 7 (off: on, s days off, on) that fail, for s from 1 to least-1 and
// the pattern wholly inside the horizon, in the model's own arithmetic.
func shortRunRows(work []int, least int, on bool) int {
	n, h := 0, len(work)
	for s := 1; s < least; s++ {
		for d := 0; d+s+1 < h; d++ {
			inner := 0
			for j := d + 1; j <= d+s; j++ {
				inner += work[j]
			}
			var lhs int
			if on {
				lhs = work[d] + (s - inner) + work[d+s+1]
			} else {
				lhs = (1 - work[d]) + inner + (1 - work[d+s+1])
			}
			if lhs <= 0 {
				n++
			}
		}
	}
	return n
}

// evalRequests prices the shift-on and shift-off requests.
func evalRequests(in *Instance, r Roster, rep *Report) {
	for _, q := range in.OnRequests {
		if !r[q.Employee][q.Day].has(q.Shift) {
			rep.Unmet[ShiftOnRequests]++
			rep.Penalty[ShiftOnRequests] += q.Weight
		}
	}
	for _, q := range in.OffRequests {
		if r[q.Employee][q.Day].has(q.Shift) {
			rep.Unmet[ShiftOffRequests]++
			rep.Penalty[ShiftOffRequests] += q.Weight
		}
	}
}

// evalCover prices the staff short of and beyond each preferred cover.
func evalCover(in *Instance, r Roster, rep *Report) {
	T := len(in.Shifts)
	n := make([]int, in.Days*T)
	for e := range r {
		for d, c := range r[e] {
			for _, t := range c {
				n[d*T+t]++
			}
		}
	}
	for i, c := range in.Cover {
		under, over := max(0, c.Requirement-n[i]), max(0, n[i]-c.Requirement)
		rep.Unmet[CoverUnder] += under
		rep.Penalty[CoverUnder] += under * c.Under
		rep.Unmet[CoverOver] += over
		rep.Penalty[CoverOver] += over * c.Over
	}
}

func contains(s []int, x int) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}
