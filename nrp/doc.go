// Package nrp reads, evaluates and solves the shift scheduling benchmark
// instances of Curtois and Qu, the external yardstick Elective uses to
// measure its rota optimiser (issue 6) on the same engine as the product,
// schedule.Search.
//
// T. Curtois and R. Qu, "Computational results on new staff scheduling
// benchmark instances", technical report, ASAP group, University of
// Nottingham, 2014 (instances at www.cs.nott.ac.uk/~tec/NRP). A roster
// gives each employee at most one shift type, or a day off, on each day of
// a horizon of whole weeks starting on a Monday. The hard constraints are
// the report's integer programming model, constraints 1 to 9: one shift a
// day, shift rotation (rest: some shifts cannot follow others), a maximum
// of each shift type per employee, minimum and maximum total minutes,
// maximum consecutive shifts, minimum consecutive shifts, minimum
// consecutive days off, maximum weekends worked, and days the employee
// cannot work (leave). The objective is the sum of the soft penalties:
// shift-on requests not granted (q_idt), shift-off requests not granted
// (p_idt), and each person short of or beyond the preferred cover of a
// shift type on a day (v_dt min and v_dt max). Evaluate states how the
// sequence constraints are read at the ends of the horizon.
//
// # Instance files
//
// ParseInstance reads the benchmark's text format. Lines from # onwards
// are comments; blank lines are ignored. A section starts at its header
// line and holds comma-separated lines:
//
//	SECTION_HORIZON             the number of days
//	SECTION_SHIFTS              ShiftID, minutes, shifts that cannot follow it (| separated)
//	SECTION_STAFF               ID, MaxShifts (ShiftID=max | separated, every type),
//	                            MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts,
//	                            MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends
//	SECTION_DAYS_OFF            EmployeeID, day, day, … (days from 0)
//	SECTION_SHIFT_ON_REQUESTS   EmployeeID, day, ShiftID, weight
//	SECTION_SHIFT_OFF_REQUESTS  EmployeeID, day, ShiftID, weight
//	SECTION_COVER               day, ShiftID, requirement, weight for under, weight for over
//
// HORIZON, SHIFTS and STAFF are required. A malformed file gets a
// *ParseError naming the line and what is wrong, e.g.
// `nrp: line 12: SECTION_STAFF: unknown employee "Z"`.
//
// # Roster files
//
// ParseRoster and WriteRoster use a plain text format, one line per
// employee: the employee's ID, a tab (any white space will do), then one
// token per day from day 0, separated by spaces: the shift ID worked that
// day, or - for a day off. Several IDs joined by | mean several shifts on
// one day, which only constraint 1 allows to be written down (it is then
// counted as broken). Every employee appears exactly once, in any order;
// # starts a comment. For example, for a 7-day horizon:
//
//	# Roster: employee, then the shift worked on each day
//	A	D D D - - L L
//	B	- - E E E E -
//
// # Solving
//
// Solve runs in three steps, all on schedule.Search. A greedy start fills
// the days in order (runs too short first, then cover, then staff behind
// their minimum minutes), breaking only the rules later days could still
// meet. A repair then makes it feasible: each employee whose own rules
// are broken has their row re-planned alone (the rules are per employee,
// so rows can be repaired one by one), with the penalty method over the
// whole roster for anything left. Last, simulated annealing improves the
// objective with moves on one cell, swaps between two employees on a day
// or over a block of days (or over a stretch both have off on each side,
// with equal minutes), a run lengthened, shortened or slid by a day, a
// shift moved from the end of one run to the next of another, a person
// given to a shift short of cover, a half-worked weekend completed, a
// weekend day short of cover given to someone in exchange for a weekend
// they work (on the larger instances every weekend an employee may work
// is worked, and the shortfalls are all at weekends), and weekends
// swapped between two employees. Moves first pass quick checks
// of the neighbouring days and counters (solve_check.go), so that few are
// priced only to break a rule. Every move is priced incrementally: each
// employee's counters per rule (run lengths around the changed days for
// the sequence rules) and cover per day and shift type. Hard violations
// weigh more than any objective, so every feasible roster costs less than
// every infeasible one. With MaxIterations it is deterministic for a seed.
//
// The package is pure: it does no I/O beyond the readers and writers it is
// given and reads no clock (the caller injects Now for time-limited runs).
package nrp
