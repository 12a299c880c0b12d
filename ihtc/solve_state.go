package ihtc

// hardWeight is the cost of one unit of hard violation (as Report counts
// them: a patient, a minute, a room-shift). It exceeds any instance's soft
// total, so every feasible state costs less than every infeasible one.
const hardWeight = 1_000_000

// state is the solver's incremental view of a solution: the decisions
// (admissions and room nurses) plus every counter the cost needs, so that
// a change to one patient or one room-shift updates the cost in time
// proportional to what it touches. People are indexed patients first,
// then occupants (at len(Patients)+o).
type state struct {
	in                  *Instance
	D, S, R, T, N, G, A int
	L                   int // skill levels
	nPat                int

	adm []Admission // per patient
	rn  []int32     // [room*S+shift] nurse, or NoNurse

	rdCount  []int32   // [room*D+day] people present
	rdGender []int32   // [(room*D+day)*G+gender]
	rdAge    []int32   // [(room*D+day)*A+age group]
	rdList   [][]int32 // [room*D+day] people present
	rsLoad   []int32   // [room*S+shift] workload of the room
	rsReq    []int32   // [(room*S+shift)*L+level] people needing that level
	nsLoad   []int32   // [nurse*S+shift] workload of the nurse's rooms
	pn       []int16   // [person*N+nurse] shifts the nurse cares for the person
	sdMin    []int32   // [surgeon*D+day] minutes
	sdt      []int32   // [(surgeon*D+day)*T+theatre] the surgeon's patients there
	sdUsed   []int32   // [surgeon*D+day] theatres the surgeon uses
	tdMin    []int32   // [theatre*D+day] minutes
	tdCount  []int32   // [theatre*D+day] patients

	hard int64 // hard violations, in Report's units
	// hardOnly makes Cost the hard violations alone, for the search for a
	// first feasible state.
	hardOnly bool
	raw      [NumSoft]int64 // raw soft costs, as Report.Raw

	data *solveData // read-only lookups shared by clones
	mv   move       // the latest proposed move
}

// newState returns the state of the empty solution with the occupants in
// their rooms: no patient admitted and no nurse assigned.
func newState(in *Instance) *state {
	st := &state{in: in, data: newSolveData(in), D: in.Days, S: in.Shifts(), R: len(in.Rooms), T: len(in.Theaters),
		N: len(in.Nurses), G: max(1, len(in.Genders)), A: len(in.AgeGroups), L: in.SkillLevels, nPat: len(in.Patients)}
	rd, rs, people := st.R*st.D, st.R*st.S, st.nPat+len(in.Occupants)
	st.adm = make([]Admission, st.nPat)
	st.rn = make([]int32, rs)
	st.rdCount, st.rdGender, st.rdAge = make([]int32, rd), make([]int32, rd*st.G), make([]int32, rd*st.A)
	st.rdList = make([][]int32, rd)
	st.rsLoad, st.rsReq, st.nsLoad = make([]int32, rs), make([]int32, rs*st.L), make([]int32, st.N*st.S)
	st.pn = make([]int16, people*st.N)
	K := len(in.Surgeons)
	st.sdMin, st.sdt, st.sdUsed = make([]int32, K*st.D), make([]int32, K*st.D*st.T), make([]int32, K*st.D)
	st.tdMin, st.tdCount = make([]int32, st.T*st.D), make([]int32, st.T*st.D)
	for i := range st.rn {
		st.rn[i] = NoNurse
	}
	for p := range st.adm {
		st.adm[p] = Admission{Day: Unscheduled, Room: -1, Theater: -1}
		if in.Patients[p].Mandatory {
			st.hard++
		} else {
			st.raw[ElectiveUnscheduledPatients]++
		}
	}
	for o := range in.Occupants {
		st.addStay(st.nPat+o, &in.Occupants[o].Care, in.Occupants[o].Room, 0, 1)
	}
	return st
}

// Cost is the weighted total: hard violations first, then the soft sum.
func (st *state) Cost() int64 {
	if st.hardOnly {
		return st.hard
	}
	c := st.hard * hardWeight
	for k, v := range st.raw {
		c += v * int64(st.in.Weights[k])
	}
	return c
}

// clone returns a deep copy sharing only the instance.
func (st *state) clone() *state {
	c := *st
	c.adm = append([]Admission(nil), st.adm...)
	c.rn = append([]int32(nil), st.rn...)
	c.rdCount, c.rdGender, c.rdAge = cloneI32(st.rdCount), cloneI32(st.rdGender), cloneI32(st.rdAge)
	c.rdList = make([][]int32, len(st.rdList))
	for i, l := range st.rdList {
		c.rdList[i] = append(make([]int32, 0, cap(l)), l...)
	}
	c.rsLoad, c.rsReq, c.nsLoad = cloneI32(st.rsLoad), cloneI32(st.rsReq), cloneI32(st.nsLoad)
	c.pn = append([]int16(nil), st.pn...)
	c.sdMin, c.sdt, c.sdUsed = cloneI32(st.sdMin), cloneI32(st.sdt), cloneI32(st.sdUsed)
	c.tdMin, c.tdCount = cloneI32(st.tdMin), cloneI32(st.tdCount)
	c.mv = move{}
	return &c
}

func cloneI32(s []int32) []int32 { return append([]int32(nil), s...) }

// care returns the care needs of a person (patient or occupant).
func (st *state) care(person int) *Care {
	if person < st.nPat {
		return &st.in.Patients[person].Care
	}
	return &st.in.Occupants[person-st.nPat].Care
}

// solution converts the decisions to a Solution.
func (st *state) solution() *Solution {
	s := NewSolution(st.in)
	copy(s.Patients, st.adm)
	for r := range s.RoomNurse {
		for sh := range s.RoomNurse[r] {
			s.RoomNurse[r][sh] = int(st.rn[r*st.S+sh])
		}
	}
	return s
}

// place admits patient p (currently unscheduled) with a.
func (st *state) place(p int, a Admission) {
	pt := &st.in.Patients[p]
	if pt.Mandatory {
		st.hard--
	} else {
		st.raw[ElectiveUnscheduledPatients]--
	}
	st.patientRules(pt, a, 1)
	st.surgery(pt, a, 1)
	st.addStay(p, &pt.Care, a.Room, a.Day, 1)
	st.adm[p] = a
}

// unplace makes patient p (currently admitted) unscheduled.
func (st *state) unplace(p int) {
	pt, a := &st.in.Patients[p], st.adm[p]
	if pt.Mandatory {
		st.hard++
	} else {
		st.raw[ElectiveUnscheduledPatients]++
	}
	st.patientRules(pt, a, -1)
	st.surgery(pt, a, -1)
	st.addStay(p, &pt.Care, a.Room, a.Day, -1)
	st.adm[p] = Admission{Day: Unscheduled, Room: -1, Theater: -1}
}

// patientRules counts compatibility (H2), window (H6) and delay (S7).
func (st *state) patientRules(pt *Patient, a Admission, sign int64) {
	if pt.Incompatible[a.Room] {
		st.hard += sign
	}
	if a.Day < pt.ReleaseDay || a.Day > pt.DueDay {
		st.hard += sign
	}
	if a.Day > pt.ReleaseDay {
		st.raw[PatientDelay] += sign * int64(a.Day-pt.ReleaseDay)
	}
}

// surgery adds (sign 1) or removes (-1) a patient's operation: surgeon
// and theatre minutes (H3, H4), open theatres (S5) and transfers (S6).
func (st *state) surgery(pt *Patient, a Admission, sign int32) {
	sd := pt.Surgeon*st.D + a.Day
	dur := int32(pt.SurgeryDuration)
	limit := int32(st.in.Surgeons[pt.Surgeon].MaxSurgeryTime[a.Day])
	st.hard -= int64(max(0, st.sdMin[sd]-limit))
	st.sdMin[sd] += sign * dur
	st.hard += int64(max(0, st.sdMin[sd]-limit))

	td := a.Theater*st.D + a.Day
	cap := int32(st.in.Theaters[a.Theater].Availability[a.Day])
	st.hard -= int64(max(0, st.tdMin[td]-cap))
	st.tdMin[td] += sign * dur
	st.hard += int64(max(0, st.tdMin[td]-cap))
	st.tdCount[td] += sign
	if c := st.tdCount[td]; (sign > 0 && c == 1) || (sign < 0 && c == 0) {
		st.raw[OpenOperatingTheater] += int64(sign)
	}

	st.raw[SurgeonTransfer] -= int64(max(0, st.sdUsed[sd]-1))
	k := sd*st.T + a.Theater
	st.sdt[k] += sign
	if c := st.sdt[k]; (sign > 0 && c == 1) || (sign < 0 && c == 0) {
		st.sdUsed[sd] += sign
	}
	st.raw[SurgeonTransfer] += int64(max(0, st.sdUsed[sd]-1))
}

// addStay adds (sign 1) or removes (-1) a person's stay in a room from
// day start, truncated at the end of the period.
func (st *state) addStay(person int, c *Care, room, start int, sign int32) {
	end := min(st.D, start+c.LengthOfStay)
	for d := start; d < end; d++ {
		st.roomDay(person, c, room, d, sign)
		for t := range ShiftsPerDay {
			k := (d-start)*ShiftsPerDay + t
			st.roomShift(person, c, room, d*ShiftsPerDay+t, k, sign)
		}
	}
}

// roomDay updates gender mix (H1), capacity (H7) and age spread (S1) of
// one room-day for a person arriving or leaving.
func (st *state) roomDay(person int, c *Care, room, d int, sign int32) {
	cell := room*st.D + d
	st.hard -= st.roomDayHard(cell)
	st.raw[RoomAgeMix] -= st.ageSpread(cell)
	st.rdCount[cell] += sign
	st.rdGender[cell*st.G+c.Gender] += sign
	st.rdAge[cell*st.A+c.AgeGroup] += sign
	st.hard += st.roomDayHard(cell)
	st.raw[RoomAgeMix] += st.ageSpread(cell)
	if sign > 0 {
		st.rdList[cell] = append(st.rdList[cell], int32(person))
		return
	}
	l := st.rdList[cell]
	for i, x := range l {
		if int(x) == person {
			l[i] = l[len(l)-1]
			st.rdList[cell] = l[:len(l)-1]
			return
		}
	}
}

// roomDayHard is the gender-mix, capacity and uncovered-shift violation
// of a room-day.
func (st *state) roomDayHard(cell int) int64 {
	n := st.rdCount[cell]
	if n == 0 {
		return 0
	}
	most := int32(0)
	for _, k := range st.rdGender[cell*st.G : (cell+1)*st.G] {
		most = max(most, k)
	}
	capacity := st.data.capacity[cell/st.D]
	h := int64(n-most) + int64(max(0, n-capacity))
	room, d := cell/st.D, cell%st.D
	for t := range ShiftsPerDay {
		if st.rn[room*st.S+d*ShiftsPerDay+t] == NoNurse {
			h++ // UncoveredRoom
		}
	}
	return h
}

// ageSpread is the age-group spread (S1) of a room-day.
func (st *state) ageSpread(cell int) int64 {
	ages := st.rdAge[cell*st.A : (cell+1)*st.A]
	lo, hi := -1, -1
	for a, k := range ages {
		if k > 0 {
			if lo < 0 {
				lo = a
			}
			hi = a
		}
	}
	if lo < 0 {
		return 0
	}
	return int64(hi - lo)
}

// roomShift updates workload (S4), skill (S2) and continuity (S3) for a
// person arriving in or leaving a room-shift; k indexes their care vectors.
func (st *state) roomShift(person int, c *Care, room, sh, k int, sign int32) {
	rs := room*st.S + sh
	w := int32(c.Workload[k])
	req := c.SkillLevelRequired[k]
	st.rsLoad[rs] += sign * w
	st.rsReq[rs*st.L+req] += sign
	n := int(st.rn[rs])
	if n == NoNurse {
		return
	}
	st.nurseLoad(n, sh, sign*w)
	st.raw[RoomSkillLevel] += int64(sign) * int64(max(0, req-st.data.skill[n]))
	st.meet(person, n, int16(sign))
}

// nurseLoad changes a nurse's workload in a shift, keeping S4.
func (st *state) nurseLoad(n, sh int, delta int32) {
	ns := n*st.S + sh
	limit := st.data.maxLoad[ns]
	st.raw[ExcessiveNurseWorkload] -= int64(max(0, st.nsLoad[ns]-limit))
	st.nsLoad[ns] += delta
	st.raw[ExcessiveNurseWorkload] += int64(max(0, st.nsLoad[ns]-limit))
}

// meet counts one more (sign 1) or one fewer (-1) shift of nurse n with a
// person, keeping the number of distinct nurses per person (S3).
func (st *state) meet(person, n int, sign int16) {
	i := person*st.N + n
	st.pn[i] += sign
	if (sign > 0 && st.pn[i] == 1) || (sign < 0 && st.pn[i] == 0) {
		st.raw[ContinuityOfCare] += int64(sign)
	}
}

// setNurse gives room-shift (room, sh) to nurse n (rostered then).
func (st *state) setNurse(room, sh, n int) {
	rs := room*st.S + sh
	o := int(st.rn[rs])
	if o == n {
		return
	}
	people := st.rdList[room*st.D+sh/ShiftsPerDay]
	if o != NoNurse {
		st.nurseLoad(o, sh, -st.rsLoad[rs])
		st.raw[RoomSkillLevel] -= st.skillShort(rs, st.data.skill[o])
		for _, p := range people {
			st.meet(int(p), o, -1)
		}
	}
	st.rn[rs] = int32(n)
	if n != NoNurse {
		st.nurseLoad(n, sh, st.rsLoad[rs])
		st.raw[RoomSkillLevel] += st.skillShort(rs, st.data.skill[n])
		for _, p := range people {
			st.meet(int(p), n, 1)
		}
	}
	st.uncovered(room, sh, o, n)
}

// uncovered keeps the UncoveredRoom count when a room-shift's nurse
// changes between none and some while people are in the room.
func (st *state) uncovered(room, sh, o, n int) {
	if st.rdCount[room*st.D+sh/ShiftsPerDay] == 0 || (o == NoNurse) == (n == NoNurse) {
		return
	}
	if n == NoNurse {
		st.hard++
	} else {
		st.hard--
	}
}

// skillShort is the S2 cost of a room-shift under a nurse of the level.
func (st *state) skillShort(rs, level int) int64 {
	var c int64
	for l := level + 1; l < st.L; l++ {
		c += int64(st.rsReq[rs*st.L+l]) * int64(l-level)
	}
	return c
}
