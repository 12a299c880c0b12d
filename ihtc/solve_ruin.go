package ihtc

import (
	"math/rand"
	"sort"
)

// ruinPerMille is how often (per thousand moves) pick draws a ruin and
// recreate move, which costs hundreds of ordinary moves.
const ruinPerMille = 6

// proposeRuin takes the patients of one room, or of one surgeon, over a
// few days out and puts them back greedily, together with a few postponed
// optional patients who may fill the freed beds or surgeon time: a large
// move that single-patient moves cannot make, such as pushing a patient
// later to admit another.
// It builds the move by doing it, then reverts it.
func (st *state) proposeRuin(r *rand.Rand) bool {
	var pool, extra []int
	if r.Intn(2) == 0 {
		pool, extra = st.ruinRoom(r), st.data.optional
	} else {
		k := r.Intn(len(st.in.Surgeons))
		pool, extra = st.ruinSurgeon(r, k), st.data.bySurgeon[k]
	}
	if len(pool) == 0 {
		return false
	}
	old := make([]Admission, len(pool))
	for i, q := range pool {
		old[i] = st.adm[q]
		st.record(q, Admission{Day: Unscheduled, Room: -1, Theater: -1})
	}
	for range min(3, len(extra)) {
		if q := extra[r.Intn(len(extra))]; st.adm[q].Day == Unscheduled && !contains(pool, q) {
			pool = append(pool, q)
			old = append(old, st.adm[q])
		}
	}
	st.recreate(r, pool, old)
	st.undo(&st.mv)
	return true
}

// ruinRoom returns the patients in a random room over a few days.
func (st *state) ruinRoom(r *rand.Rand) []int {
	room, d := r.Intn(st.R), r.Intn(st.D)
	var pool []int
	for day := d; day < min(st.D, d+1+r.Intn(3)); day++ {
		for _, q := range st.rdList[room*st.D+day] {
			if int(q) < st.nPat && !contains(pool, int(q)) {
				pool = append(pool, int(q))
			}
		}
	}
	return pool
}

// ruinSurgeon returns surgeon k's patients operated on over a few days,
// so that recreate can pack the surgeon's time anew.
func (st *state) ruinSurgeon(r *rand.Rand, k int) []int {
	d := r.Intn(st.D)
	end := d + 1 + r.Intn(3)
	var pool []int
	for _, q := range st.data.bySurgeon[k] {
		if day := st.adm[q].Day; day >= d && day < end {
			pool = append(pool, q)
		}
	}
	return pool
}

// recreate puts the pool back: mandatory patients first (back where they
// were if nothing fits), then optional ones, shortest surgery first, each
// at its cheapest fitting admission if that lowers the cost.
func (st *state) recreate(r *rand.Rand, pool []int, old []Admission) {
	order := r.Perm(len(pool))
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &st.in.Patients[pool[order[i]]], &st.in.Patients[pool[order[j]]]
		if a.Mandatory != b.Mandatory {
			return a.Mandatory
		}
		return a.SurgeryDuration < b.SurgeryDuration
	})
	for _, i := range order {
		q := pool[i]
		a, delta, ok := st.cheapestFit(r, q)
		switch {
		case ok && (st.in.Patients[q].Mandatory || delta < 0):
			st.record(q, a)
		case st.in.Patients[q].Mandatory:
			st.record(q, old[i])
		}
	}
}

// cheapestFit returns the admission of unscheduled patient q that breaks
// no hard rule (as smartAdmission checks them) and costs least, with the
// change in cost.
func (st *state) cheapestFit(r *rand.Rand, q int) (Admission, int64, bool) {
	pt := &st.in.Patients[q]
	var best Admission
	var bestDelta int64
	found := false
	base := st.Cost()
	for d := pt.ReleaseDay; d <= st.data.lastDay[q]; d++ {
		if st.sdMin[pt.Surgeon*st.D+d]+int32(pt.SurgeryDuration) > int32(st.in.Surgeons[pt.Surgeon].MaxSurgeryTime[d]) {
			continue
		}
		t := st.fittingTheater(r, pt, d)
		if t < 0 {
			continue
		}
		for _, room := range st.data.compatible[q] {
			if !st.bedsFree(q, room, d) {
				continue
			}
			a := Admission{Day: d, Room: room, Theater: t}
			st.place(q, a)
			delta := st.Cost() - base
			st.unplace(q)
			if !found || delta < bestDelta {
				best, bestDelta, found = a, delta, true
			}
		}
	}
	return best, bestDelta, found
}

// bedsFree reports whether room has a bed and no other gender for p on
// every day of a stay from day d.
func (st *state) bedsFree(p, room, d int) bool {
	pt := &st.in.Patients[p]
	for day := d; day < min(st.D, d+pt.LengthOfStay); day++ {
		cell := room*st.D + day
		n := st.rdCount[cell]
		if n >= st.data.capacity[room] || n != st.rdGender[cell*st.G+pt.Gender] {
			return false
		}
	}
	return true
}

// record makes a patient change and adds it to the pending move.
func (st *state) record(p int, a Admission) {
	st.addPat(p, a)
	st.reassign(p, a)
}

func contains(s []int, x int) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
