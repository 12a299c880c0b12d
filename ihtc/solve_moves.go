package ihtc

import "math/rand"

// solveData holds lookups the moves draw from, computed once per instance
// and shared read-only by every clone of a state.
type solveData struct {
	compatible [][]int // per patient, the rooms it may have (H2)
	rostered   [][]int // per shift, the nurses working it
	open       [][]int // per day, the theatres with capacity that day
	optional   []int   // the optional patients
	lastDay    []int   // per patient, the last admission day allowed in the period
	bySurgeon  [][]int // per surgeon, their patients
	maxLoad    []int32 // [nurse*shifts+shift] the nurse's maximum workload
	skill      []int   // per nurse, the skill level
	capacity   []int32 // per room, the beds
}

func newSolveData(in *Instance) *solveData {
	d := &solveData{rostered: make([][]int, in.Shifts()), open: make([][]int, in.Days),
		bySurgeon: make([][]int, len(in.Surgeons))}
	for i := range in.Patients {
		p := &in.Patients[i]
		d.bySurgeon[p.Surgeon] = append(d.bySurgeon[p.Surgeon], i)
		d.compatible = append(d.compatible, compatibleRooms(in, p))
		d.lastDay = append(d.lastDay, min(p.DueDay, in.Days-1))
		if !p.Mandatory {
			d.optional = append(d.optional, i)
		}
	}
	for r := range in.Rooms {
		d.capacity = append(d.capacity, int32(in.Rooms[r].Capacity))
	}
	for n := range in.Nurses {
		d.skill = append(d.skill, in.Nurses[n].SkillLevel)
		for _, l := range in.Nurses[n].MaxLoad {
			d.maxLoad = append(d.maxLoad, int32(l))
		}
		for _, sh := range in.Nurses[n].WorkingShifts {
			d.rostered[sh] = append(d.rostered[sh], n)
		}
	}
	for day := range in.Days {
		for t := range in.Theaters {
			if in.Theaters[t].Availability[day] > 0 {
				d.open[day] = append(d.open[day], t)
			}
		}
		if len(d.open[day]) == 0 { // every theatre closed: any will do (and overrun)
			for t := range in.Theaters {
				d.open[day] = append(d.open[day], t)
			}
		}
	}
	return d
}

// compatibleRooms lists the rooms p may have, or every room if none
// will do (so that moves still work; H2 then counts the violation).
func compatibleRooms(in *Instance, p *Patient) []int {
	var rooms []int
	for r := range in.Rooms {
		if !p.Incompatible[r] {
			rooms = append(rooms, r)
		}
	}
	if len(rooms) == 0 {
		for r := range in.Rooms {
			rooms = append(rooms, r)
		}
	}
	return rooms
}

// patChange is one patient's admission before and after a move.
type patChange struct {
	p        int
	old, new Admission
}

// nurseChange is one room-shift's nurse before and after a move.
type nurseChange struct{ room, sh, old, new int }

// move is a compound change: patients (in order; one may change more
// than once) and room-shift nurses.
type move struct {
	pats   []patChange
	nurses []nurseChange
}

// do applies m to the state.
func (st *state) do(m *move) {
	for _, c := range m.pats {
		st.reassign(c.p, c.new)
	}
	for _, c := range m.nurses {
		st.setNurse(c.room, c.sh, c.new)
	}
}

// undo reverts m, applied last.
func (st *state) undo(m *move) {
	for i := len(m.nurses) - 1; i >= 0; i-- {
		c := m.nurses[i]
		st.setNurse(c.room, c.sh, c.old)
	}
	for i := len(m.pats) - 1; i >= 0; i-- {
		st.reassign(m.pats[i].p, m.pats[i].old)
	}
}

// reassign gives patient p admission b, touching only what changes: a
// new theatre on the same day leaves the rooms alone, a new room on the
// same day leaves the surgery alone. The costs kept are functions of the
// decisions only, so the order of changes within a move does not matter.
func (st *state) reassign(p int, b Admission) {
	a := st.adm[p]
	switch {
	case a == b:
	case a.Day == Unscheduled:
		st.place(p, b)
	case b.Day == Unscheduled:
		st.unplace(p)
	default:
		pt := &st.in.Patients[p]
		st.patientRules(pt, a, -1)
		st.patientRules(pt, b, 1)
		if a.Day != b.Day || a.Theater != b.Theater {
			st.surgery(pt, a, -1)
			st.surgery(pt, b, 1)
		}
		if a.Day != b.Day || a.Room != b.Room {
			st.addStay(p, &pt.Care, a.Room, a.Day, -1)
			st.addStay(p, &pt.Care, b.Room, b.Day, 1)
		}
		st.adm[p] = b
	}
}

// propose draws a random move into st.mv and returns its exact cost
// delta, found by applying and reverting it.
func (st *state) propose(r *rand.Rand) (int64, bool) {
	if !st.pick(r) {
		return 0, false
	}
	before := st.Cost()
	st.do(&st.mv)
	delta := st.Cost() - before
	st.undo(&st.mv)
	return delta, true
}

// pick draws a random move into st.mv, reporting false if none was found.
func (st *state) pick(r *rand.Rand) bool {
	st.mv.pats, st.mv.nurses = st.mv.pats[:0], st.mv.nurses[:0]
	if !st.hardOnly && r.Intn(1000) < ruinPerMille {
		return st.proposeRuin(r)
	}
	span := 100
	if st.hardOnly {
		span = 46 // only moves of admitted patients: nurse moves cannot
		// change hard violations, and admitting optional ones is for later
	}
	switch x := r.Intn(span); {
	case x < 10:
		return st.proposeDay(r)
	case x < 20:
		return st.proposeRoom(r)
	case x < 28:
		return st.proposeTheater(r)
	case x < 36:
		return st.proposeRelocate(r)
	case x < 42:
		return st.proposeSwap(r)
	case x < 46:
		return st.proposeSwapDays(r)
	case x < 49:
		return st.proposeToggle(r)
	case x < 54:
		return st.proposeInsert(r)
	case x < 72:
		return st.proposeNurse(r)
	case x < 84:
		return st.proposeNurseSwap(r)
	default:
		return st.proposeNurseBlock(r)
	}
}

// addPat records a patient change in the pending move.
func (st *state) addPat(p int, a Admission) {
	st.mv.pats = append(st.mv.pats, patChange{p: p, old: st.adm[p], new: a})
}

// randomScheduled returns a random admitted patient, if one is found.
func (st *state) randomScheduled(r *rand.Rand) (int, bool) {
	for range 4 {
		if p := r.Intn(st.nPat); st.adm[p].Day != Unscheduled {
			return p, true
		}
	}
	return 0, false
}

// randomDay returns an admission day in p's window.
func (st *state) randomDay(r *rand.Rand, p int) int {
	lo, hi := st.in.Patients[p].ReleaseDay, st.data.lastDay[p]
	return lo + r.Intn(hi-lo+1)
}

// theaterFor keeps theatre t on day d if it is open then, or draws one.
func (st *state) theaterFor(r *rand.Rand, t, d int) int {
	if t >= 0 && st.in.Theaters[t].Availability[d] > 0 {
		return t
	}
	open := st.data.open[d]
	return open[r.Intn(len(open))]
}

// proposeDay moves a patient to another day, same room.
func (st *state) proposeDay(r *rand.Rand) bool {
	p, ok := st.randomScheduled(r)
	if !ok {
		return false
	}
	a := st.adm[p]
	d := st.randomDay(r, p)
	if d == a.Day {
		return false
	}
	st.addPat(p, Admission{Day: d, Room: a.Room, Theater: st.theaterFor(r, a.Theater, d)})
	return true
}

// proposeRoom moves a patient to another compatible room.
func (st *state) proposeRoom(r *rand.Rand) bool {
	p, ok := st.randomScheduled(r)
	if !ok {
		return false
	}
	a, rooms := st.adm[p], st.data.compatible[p]
	room := rooms[r.Intn(len(rooms))]
	if room == a.Room {
		return false
	}
	st.addPat(p, Admission{Day: a.Day, Room: room, Theater: a.Theater})
	return true
}

// proposeTheater moves a patient's surgery to another open theatre.
func (st *state) proposeTheater(r *rand.Rand) bool {
	p, ok := st.randomScheduled(r)
	if !ok {
		return false
	}
	a := st.adm[p]
	t := st.theaterFor(r, -1, a.Day)
	if t == a.Theater {
		return false
	}
	st.addPat(p, Admission{Day: a.Day, Room: a.Room, Theater: t})
	return true
}

// proposeRelocate gives a patient a new day, room and theatre.
func (st *state) proposeRelocate(r *rand.Rand) bool {
	p, ok := st.randomScheduled(r)
	if !ok {
		return false
	}
	if r.Intn(2) == 0 {
		if a, ok := st.smartAdmission(r, p); ok {
			st.addPat(p, a)
			return true
		}
	}
	st.addPat(p, st.randomAdmission(r, p))
	return true
}

func (st *state) randomAdmission(r *rand.Rand, p int) Admission {
	d := st.randomDay(r, p)
	rooms := st.data.compatible[p]
	return Admission{Day: d, Room: rooms[r.Intn(len(rooms))], Theater: st.theaterFor(r, -1, d)}
}

// proposeSwap swaps the rooms of two patients whose stays overlap.
func (st *state) proposeSwap(r *rand.Rand) bool {
	p, ok := st.randomScheduled(r)
	if !ok || st.R < 2 {
		return false
	}
	a := st.adm[p]
	end := min(st.D, a.Day+st.in.Patients[p].LengthOfStay)
	d := a.Day + r.Intn(end-a.Day)
	room := r.Intn(st.R)
	l := st.rdList[room*st.D+d]
	if room == a.Room || len(l) == 0 {
		return false
	}
	q := int(l[r.Intn(len(l))])
	if q >= st.nPat || st.in.Patients[p].Incompatible[room] || st.in.Patients[q].Incompatible[a.Room] {
		return false
	}
	b := st.adm[q]
	st.addPat(p, Admission{Day: a.Day, Room: b.Room, Theater: a.Theater})
	st.addPat(q, Admission{Day: b.Day, Room: a.Room, Theater: b.Theater})
	return true
}

// proposeToggle admits a postponed optional patient, or postpones one.
func (st *state) proposeToggle(r *rand.Rand) bool {
	opt := st.data.optional
	if len(opt) == 0 {
		return false
	}
	p := opt[r.Intn(len(opt))]
	if st.adm[p].Day != Unscheduled {
		st.addPat(p, Admission{Day: Unscheduled, Room: -1, Theater: -1})
		return true
	}
	st.addPat(p, st.randomAdmission(r, p))
	return true
}

// occupiedRoomShift draws a room-shift with people in the room.
func (st *state) occupiedRoomShift(r *rand.Rand) (room, sh int, ok bool) {
	for range 8 {
		room, sh = r.Intn(st.R), r.Intn(st.S)
		if st.rdCount[room*st.D+sh/ShiftsPerDay] > 0 {
			return room, sh, true
		}
	}
	return 0, 0, false
}

// addNurse records a room-shift nurse change in the pending move.
func (st *state) addNurse(room, sh, n int) {
	st.mv.nurses = append(st.mv.nurses, nurseChange{room: room, sh: sh, old: int(st.rn[room*st.S+sh]), new: n})
}

// proposeNurse gives an occupied room-shift another rostered nurse.
func (st *state) proposeNurse(r *rand.Rand) bool {
	room, sh, ok := st.occupiedRoomShift(r)
	if !ok {
		return false
	}
	ns := st.data.rostered[sh]
	if len(ns) < 2 {
		return false
	}
	n := ns[r.Intn(len(ns))]
	if n == int(st.rn[room*st.S+sh]) {
		return false
	}
	st.addNurse(room, sh, n)
	return true
}

// proposeNurseSwap exchanges the nurses of two rooms in one shift.
func (st *state) proposeNurseSwap(r *rand.Rand) bool {
	room, sh, ok := st.occupiedRoomShift(r)
	if !ok {
		return false
	}
	other := r.Intn(st.R)
	a, b := int(st.rn[room*st.S+sh]), int(st.rn[other*st.S+sh])
	if a == b {
		return false
	}
	st.addNurse(room, sh, b)
	st.addNurse(other, sh, a)
	return true
}

// proposeNurseBlock gives a room one nurse in every shift that nurse
// works over a few consecutive occupied days, for continuity of care.
func (st *state) proposeNurseBlock(r *rand.Rand) bool {
	room, sh, ok := st.occupiedRoomShift(r)
	if !ok {
		return false
	}
	ns := st.data.rostered[sh]
	if len(ns) == 0 {
		return false
	}
	n := ns[r.Intn(len(ns))]
	nurse := &st.in.Nurses[n]
	for d := sh / ShiftsPerDay; d < min(st.D, sh/ShiftsPerDay+2+r.Intn(6)); d++ {
		if st.rdCount[room*st.D+d] == 0 {
			break
		}
		for t := range ShiftsPerDay {
			if s := d*ShiftsPerDay + t; nurse.Rostered[s] && int(st.rn[room*st.S+s]) != n {
				st.addNurse(room, s, n)
			}
		}
	}
	return len(st.mv.nurses) > 0
}

// proposeSwapDays exchanges the admissions (day, and room and theatre
// where allowed) of two patients of one surgeon: the way to repack a
// surgeon's tightly filled days.
func (st *state) proposeSwapDays(r *rand.Rand) bool {
	p, ok := st.randomScheduled(r)
	if !ok {
		return false
	}
	same := st.data.bySurgeon[st.in.Patients[p].Surgeon]
	q := same[r.Intn(len(same))]
	a, b := st.adm[p], st.adm[q]
	if b.Day == Unscheduled || a.Day == b.Day || !st.inWindow(p, b.Day) || !st.inWindow(q, a.Day) {
		return false
	}
	na, nb := Admission{Day: b.Day, Room: b.Room, Theater: b.Theater}, Admission{Day: a.Day, Room: a.Room, Theater: a.Theater}
	if st.in.Patients[p].Incompatible[b.Room] || st.in.Patients[q].Incompatible[a.Room] {
		na.Room, nb.Room = a.Room, b.Room
	}
	st.addPat(p, na)
	st.addPat(q, nb)
	return true
}

// inWindow reports whether day d is in p's admission window.
func (st *state) inWindow(p, d int) bool {
	return d >= st.in.Patients[p].ReleaseDay && d <= st.data.lastDay[p]
}
