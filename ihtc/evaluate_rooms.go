package ihtc

// stay is one person's time in a room: an occupant from day 0, or an
// admitted patient from their admission day.
type stay struct {
	care  *Care
	room  int
	start int // first day
}

// end returns the day after the last day of the stay within the period.
func (st stay) end(days int) int { return min(days, st.start+st.care.LengthOfStay) }

// roomEval holds what the room and nurse rules share: the stays, and the
// number of people in each room on each day.
type roomEval struct {
	in       *Instance
	s        *Solution
	stays    []stay
	occupied []int // [room*Days+day] people present
}

func newRoomEval(in *Instance, s *Solution) *roomEval {
	e := &roomEval{in: in, s: s, stays: make([]stay, 0, len(in.Occupants)+len(in.Patients))}
	for i := range in.Occupants {
		o := &in.Occupants[i]
		e.stays = append(e.stays, stay{care: &o.Care, room: o.Room, start: 0})
	}
	for i := range in.Patients {
		if a := s.Patients[i]; a.Day != Unscheduled {
			e.stays = append(e.stays, stay{care: &in.Patients[i].Care, room: a.Room, start: a.Day})
		}
	}
	return e
}

// evalRoomDays checks each room on each day for gender mix (H1), beds
// (H7) and age spread (S1), and records occupancy for evalNurses.
func (e *roomEval) evalRoomDays(r *Report) {
	in, D, G := e.in, e.in.Days, len(e.in.Genders)
	cells := len(in.Rooms) * D
	e.occupied = make([]int, cells)
	genders := make([]int, cells*G)
	minAge, maxAge := make([]int, cells), make([]int, cells)
	for _, st := range e.stays {
		for d := st.start; d < st.end(D); d++ {
			c := st.room*D + d
			if e.occupied[c] == 0 || st.care.AgeGroup < minAge[c] {
				minAge[c] = st.care.AgeGroup
			}
			if e.occupied[c] == 0 || st.care.AgeGroup > maxAge[c] {
				maxAge[c] = st.care.AgeGroup
			}
			e.occupied[c]++
			genders[c*G+st.care.Gender]++
		}
	}
	for c, n := range e.occupied {
		if n == 0 {
			continue
		}
		// As the official checker counts it: the people not of the room's
		// most common gender (min(A, B) for the two genders of the data).
		most := 0
		for _, k := range genders[c*G : (c+1)*G] {
			most = max(most, k)
		}
		r.Violations[RoomGenderMix] += n - most
		r.Violations[RoomCapacity] += max(0, n-in.Rooms[c/D].Capacity)
		r.Raw[RoomAgeMix] += maxAge[c] - minAge[c]
	}
}

// evalNurses checks the nurse-to-room assignment: skill (S2), continuity
// (S3), workload (S4), rostered nurses only, and covered rooms.
func (e *roomEval) evalNurses(r *Report) {
	in, S := e.in, e.in.Shifts()
	roomLoad := make([]int, len(in.Rooms)*S)
	seen := make([]int, len(in.Nurses)) // stay number+1 that last met each nurse
	for i, st := range e.stays {
		rn := e.s.RoomNurse[st.room]
		for sh := st.start * ShiftsPerDay; sh < st.end(in.Days)*ShiftsPerDay; sh++ {
			k := sh - st.start*ShiftsPerDay
			roomLoad[st.room*S+sh] += st.care.Workload[k]
			n := rn[sh]
			if n == NoNurse {
				continue
			}
			r.Raw[RoomSkillLevel] += max(0, st.care.SkillLevelRequired[k]-in.Nurses[n].SkillLevel)
			if seen[n] != i+1 {
				seen[n] = i + 1
				r.Raw[ContinuityOfCare]++
			}
		}
	}
	nurseLoad := make([]int, len(in.Nurses)*S)
	for room, row := range e.s.RoomNurse {
		for sh, n := range row {
			switch {
			case n != NoNurse:
				nurseLoad[n*S+sh] += roomLoad[room*S+sh]
				if !in.Nurses[n].Rostered[sh] {
					r.Violations[NursePresence]++
				}
			case e.occupied[room*in.Days+sh/ShiftsPerDay] > 0:
				r.Violations[UncoveredRoom]++
			}
		}
	}
	// Like the official checker, only rostered shifts have a maximum load:
	// work in any other shift is a NursePresence violation instead.
	for n := range in.Nurses {
		for _, sh := range in.Nurses[n].WorkingShifts {
			r.Raw[ExcessiveNurseWorkload] += max(0, nurseLoad[n*S+sh]-in.Nurses[n].MaxLoad[sh])
		}
	}
}
