package ihtc

import "math/rand"

// smartTries is how many random days smartAdmission tries: 16 did better
// than 3, 8 and 30 on eight instances (two seeds each, same iterations).
const smartTries = 16

// smartAdmission looks for an admission of unscheduled patient p that
// breaks no hard rule given the others: a day in the window where the
// surgeon has time, a theatre with room for the surgery and a compatible
// room with a free bed of p's gender on every day of the stay. It tries
// smartTries random days and reports false if none works.
func (st *state) smartAdmission(r *rand.Rand, p int) (Admission, bool) {
	pt := &st.in.Patients[p]
	for range smartTries {
		d := st.randomDay(r, p)
		if st.sdMin[pt.Surgeon*st.D+d]+int32(pt.SurgeryDuration) > int32(st.in.Surgeons[pt.Surgeon].MaxSurgeryTime[d]) {
			continue
		}
		t := st.fittingTheater(r, pt, d)
		if t < 0 {
			continue
		}
		if room := st.fittingRoom(r, p, d); room >= 0 {
			return Admission{Day: d, Room: room, Theater: t}, true
		}
	}
	return Admission{}, false
}

// fittingTheater returns a random theatre with time for pt's surgery on
// day d, preferring one already open, or -1.
func (st *state) fittingTheater(r *rand.Rand, pt *Patient, d int) int {
	open := st.data.open[d]
	best, bestScore := -1, -1
	off := r.Intn(len(open))
	for i := range open {
		t := open[(i+off)%len(open)]
		td := t*st.D + d
		if st.tdMin[td]+int32(pt.SurgeryDuration) > int32(st.in.Theaters[t].Availability[d]) {
			continue
		}
		score := 0
		if st.tdCount[td] > 0 {
			score++
		}
		if st.sdt[(pt.Surgeon*st.D+d)*st.T+t] > 0 {
			score += 2
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// fittingRoom returns a random compatible room with a free bed and no
// other gender on every day of p's stay from day d, or -1.
func (st *state) fittingRoom(r *rand.Rand, p, d int) int {
	rooms := st.data.compatible[p]
	off := r.Intn(len(rooms))
	for i := range rooms {
		if room := rooms[(i+off)%len(rooms)]; st.bedsFree(p, room, d) {
			return room
		}
	}
	return -1
}

// proposeInsert admits a postponed optional patient where it fits, or,
// when nothing fits, makes room: in the place of an admitted optional
// patient of the same surgeon (who is postponed), by moving a patient of
// the same surgeon to another day, or by moving one out of a full room.
func (st *state) proposeInsert(r *rand.Rand) bool {
	opt := st.data.optional
	if len(opt) == 0 {
		return false
	}
	p := opt[r.Intn(len(opt))]
	if st.adm[p].Day != Unscheduled {
		return false
	}
	if a, ok := st.smartAdmission(r, p); ok {
		st.addPat(p, a)
		return true
	}
	switch r.Intn(3) {
	case 0:
		return st.proposeKick(r, p)
	case 1:
		return st.proposeSurgeonKick(r, p)
	}
	same := st.data.bySurgeon[st.in.Patients[p].Surgeon]
	q := same[r.Intn(len(same))]
	b := st.adm[q]
	if st.in.Patients[q].Mandatory || b.Day == Unscheduled || !st.inWindow(p, b.Day) || st.in.Patients[p].Incompatible[b.Room] {
		return false
	}
	st.addPat(q, Admission{Day: Unscheduled, Room: -1, Theater: -1})
	st.addPat(p, b)
	return true
}

// proposeSurgeonKick admits unscheduled patient p on a day of its window
// in a room with a bed, moving another patient of the same surgeon that
// day to wherever they fit, to free the surgeon's time.
func (st *state) proposeSurgeonKick(r *rand.Rand, p int) bool {
	pt := &st.in.Patients[p]
	same := st.data.bySurgeon[pt.Surgeon]
	q := same[r.Intn(len(same))]
	b := st.adm[q]
	if q == p || b.Day == Unscheduled || !st.inWindow(p, b.Day) {
		return false
	}
	room := st.fittingRoom(r, p, b.Day)
	if room < 0 {
		return false
	}
	nb, ok := st.smartAdmission(r, q)
	if !ok || nb.Day == b.Day {
		return false
	}
	st.addPat(q, nb)
	st.addPat(p, Admission{Day: b.Day, Room: room, Theater: b.Theater})
	return true
}

// proposeKick admits unscheduled patient p on a day its surgeon and a
// theatre have time for, in a room where it would find one bed too few,
// and moves one patient of that room to wherever they fit elsewhere.
func (st *state) proposeKick(r *rand.Rand, p int) bool {
	pt := &st.in.Patients[p]
	d := st.randomDay(r, p)
	if st.sdMin[pt.Surgeon*st.D+d]+int32(pt.SurgeryDuration) > int32(st.in.Surgeons[pt.Surgeon].MaxSurgeryTime[d]) {
		return false
	}
	t := st.fittingTheater(r, pt, d)
	rooms := st.data.compatible[p]
	room := rooms[r.Intn(len(rooms))]
	l := st.rdList[room*st.D+d]
	if t < 0 || len(l) == 0 {
		return false
	}
	q := int(l[r.Intn(len(l))])
	if q >= st.nPat || q == p {
		return false
	}
	b, ok := st.smartAdmission(r, q)
	if !ok || b.Room == room {
		return false
	}
	st.addPat(q, b)
	st.addPat(p, Admission{Day: d, Room: room, Theater: t})
	return true
}
