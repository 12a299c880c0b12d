package ihtc

import "fmt"

// Hard names a hard constraint: H1..H7 of the specification, then the two
// rules the official checker adds. Its value indexes Report.Violations.
type Hard int

// The hard constraints, in the official checker's order and with its names.
const (
	RoomGenderMix                Hard = iota // H1: per room-day, the patients not of its majority gender
	PatientRoomCompatibility                 // H2: patients in an incompatible room
	SurgeonOvertime                          // H3: minutes a surgeon operates beyond the day's maximum
	OperatingTheaterOvertime                 // H4: minutes a theatre is used beyond its capacity
	MandatoryUnscheduledPatients             // H5: mandatory patients not admitted
	AdmissionDay                             // H6: patients admitted before release or after due day
	RoomCapacity                             // H7: patients beyond a room's beds, per day
	NursePresence                            // room-shifts given to a nurse not rostered in that shift
	UncoveredRoom                            // room-shifts with patients and no nurse
	NumHard                                  // number of hard constraints
)

var hardNames = [NumHard]string{"RoomGenderMix", "PatientRoomCompatibility", "SurgeonOvertime",
	"OperatingTheaterOvertime", "MandatoryUnscheduledPatients", "AdmissionDay", "RoomCapacity",
	"NursePresence", "UncoveredRoom"}

// String returns the checker's name of the constraint, e.g. "RoomGenderMix".
func (h Hard) String() string {
	if h < 0 || h >= NumHard {
		return fmt.Sprintf("Hard(%d)", int(h))
	}
	return hardNames[h]
}

// Report is the evaluation of a solution: how much each hard constraint
// is violated, and each soft cost component raw and weighted.
type Report struct {
	Violations [NumHard]int // by Hard
	Raw        [NumSoft]int // unweighted cost by Soft
	Weighted   [NumSoft]int // Raw times the instance's weight, by Soft
	Total      int          // sum of Weighted: the competition's objective
}

// TotalViolations returns the sum of all hard-constraint violations.
func (r *Report) TotalViolations() int {
	t := 0
	for _, v := range r.Violations {
		t += v
	}
	return t
}

// Feasible reports whether the solution violates no hard constraint, the
// competition's condition for a solution to count at all.
func (r *Report) Feasible() bool { return r.TotalViolations() == 0 }

// Evaluate computes the violations and costs of s for in, as the official
// checker does. s must have been made for in (by NewSolution or
// ParseSolution): its indices are trusted. Stays running past the period
// count only within it.
func Evaluate(in *Instance, s *Solution) Report {
	var r Report
	evalPatients(in, s, &r)
	evalSurgery(in, s, &r)
	e := newRoomEval(in, s)
	e.evalRoomDays(&r)
	e.evalNurses(&r)
	for c := range NumSoft {
		r.Weighted[c] = r.Raw[c] * in.Weights[c]
		r.Total += r.Weighted[c]
	}
	return r
}

// evalPatients counts the per-patient rules: compatibility (H2),
// mandatory admission (H5), admission window (H6), delay (S7) and
// unscheduled optional patients (S8).
func evalPatients(in *Instance, s *Solution, r *Report) {
	for i := range in.Patients {
		p, a := &in.Patients[i], s.Patients[i]
		if a.Day == Unscheduled {
			if p.Mandatory {
				r.Violations[MandatoryUnscheduledPatients]++
			} else {
				r.Raw[ElectiveUnscheduledPatients]++
			}
			continue
		}
		if p.Incompatible[a.Room] {
			r.Violations[PatientRoomCompatibility]++
		}
		if a.Day < p.ReleaseDay || a.Day > p.DueDay {
			r.Violations[AdmissionDay]++
		}
		if a.Day > p.ReleaseDay {
			r.Raw[PatientDelay] += a.Day - p.ReleaseDay
		}
	}
}

// evalSurgery sums surgery minutes per surgeon-day and theatre-day for
// overtime (H3, H4), open theatres (S5) and surgeon transfers (S6).
func evalSurgery(in *Instance, s *Solution, r *Report) {
	D, T := in.Days, len(in.Theaters)
	surgeonMin := make([]int, len(in.Surgeons)*D)
	theaterMin := make([]int, T*D)
	// uses[(surgeon*D+day)*T+theatre] counts the surgeon's patients there.
	uses := make([]int32, len(in.Surgeons)*D*T)
	for i := range in.Patients {
		a := s.Patients[i]
		if a.Day == Unscheduled {
			continue
		}
		p := &in.Patients[i]
		sd := p.Surgeon*D + a.Day
		surgeonMin[sd] += p.SurgeryDuration
		theaterMin[a.Theater*D+a.Day] += p.SurgeryDuration
		uses[sd*T+a.Theater]++
	}
	for k := range in.Surgeons {
		for d := range D {
			r.Violations[SurgeonOvertime] += max(0, surgeonMin[k*D+d]-in.Surgeons[k].MaxSurgeryTime[d])
			used := 0
			for _, n := range uses[(k*D+d)*T : (k*D+d+1)*T] {
				if n > 0 {
					used++
				}
			}
			r.Raw[SurgeonTransfer] += max(0, used-1)
		}
	}
	for t := range in.Theaters {
		for d := range D {
			if m := theaterMin[t*D+d]; m > 0 {
				r.Raw[OpenOperatingTheater]++
				r.Violations[OperatingTheaterOvertime] += max(0, m-in.Theaters[t].Availability[d])
			}
		}
	}
}
