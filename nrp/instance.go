package nrp

// Off is the value of a roster cell without a shift (a day off).
const Off = -1

// Instance is one shift scheduling problem: a horizon of Days days
// starting on a Monday, the shift types, the staff with their contracts,
// and the requests and cover that make up the objective. Shifts,
// employees and days are dense indices (positions in the slices, days from
// 0), so that evaluators and solvers work on plain arrays; the file's IDs
// are kept for reading and writing rosters.
type Instance struct {
	Days   int
	Shifts []Shift
	Staff  []Employee
	// Cover is the preferred cover of each shift type on each day, indexed
	// [day*len(Shifts)+shift]. A pair the file does not list has no
	// preference (requirement and weights zero).
	Cover []Cover
	// OnRequests and OffRequests are the file's shift requests, in file
	// order. A request listed twice counts twice: the objective is linear,
	// so that is the same as one request of the summed weight.
	OnRequests  []Request
	OffRequests []Request
}

// Shift is a shift type.
type Shift struct {
	ID      string
	Minutes int // length l_t
	// NotFollow lists the shift types that cannot be worked on the day
	// after this one (R_t), for the rest they need.
	NotFollow []int
}

// Employee is one member of staff and their contract.
type Employee struct {
	ID string
	// MaxShifts is the most shifts of each type they may work (m_it),
	// indexed by shift: 0 bans the type, as for staff who do no nights.
	MaxShifts              []int
	MinMinutes, MaxMinutes int   // b_i: total time worked over the horizon
	MaxConsecutive         int   // c_i max: shifts in a row
	MinConsecutive         int   // c_i min: shifts in a row (see Evaluate for the horizon ends)
	MinDaysOff             int   // o_i min: days off in a row (see Evaluate for the horizon ends)
	MaxWeekends            int   // a_i max: weekends with a shift on Saturday or Sunday
	DaysOff                []int // N_i, days they cannot work (leave), ascending, without repeats
}

// Cover is the preferred number of staff on one shift type on one day,
// and the penalty per person short (Under) or over (Over).
type Cover struct {
	Requirement int // u_dt
	Under       int // v_dt min
	Over        int // v_dt max
}

// Request is an employee's wish to work (on request) or not to work (off
// request) a shift type on a day, with the penalty for not granting it.
type Request struct {
	Employee, Day, Shift int
	Weight               int
}

// Weekends is the number of whole weekends in the horizon (the model's
// W = {1…h/7}): weekend w is days 7w+5 (Saturday) and 7w+6 (Sunday).
func (in *Instance) Weekends() int { return in.Days / 7 }

// weekend returns the weekend a day belongs to, or -1 for a weekday or a
// Saturday whose weekend is not whole within the horizon.
func (in *Instance) weekend(d int) int {
	if d%7 < 5 || d/7 >= in.Weekends() {
		return -1
	}
	return d / 7
}

// CoverAt returns the preferred cover of shift t on day d.
func (in *Instance) CoverAt(d, t int) Cover { return in.Cover[d*len(in.Shifts)+t] }

// ShiftIndex returns the index of the shift type with the ID, or -1.
func (in *Instance) ShiftIndex(id string) int {
	for i := range in.Shifts {
		if in.Shifts[i].ID == id {
			return i
		}
	}
	return -1
}

// EmployeeIndex returns the index of the employee with the ID, or -1.
func (in *Instance) EmployeeIndex(id string) int {
	for i := range in.Staff {
		if in.Staff[i].ID == id {
			return i
		}
	}
	return -1
}
