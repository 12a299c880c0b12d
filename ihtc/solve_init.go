package ihtc

import (
	"math/rand"
	"sort"
)

// construct builds a starting state greedily: mandatory patients, then
// optional ones (see placeMandatory and placeOptional).
func construct(in *Instance, r *rand.Rand) *state {
	st := placeMandatory(in, r)
	st.placeOptional(r)
	return st
}

// placeMandatory starts from nurses spread over the rooms of each shift
// and admits the mandatory patients, tightest admission window first,
// each at their cheapest day and room. r breaks ties between equally
// urgent patients, so that threads start from different states.
func placeMandatory(in *Instance, r *rand.Rand) *state {
	st := newState(in)
	for sh, ns := range st.data.rostered {
		if len(ns) == 0 {
			continue
		}
		for room := range st.R {
			st.setNurse(room, sh, ns[(room+sh)%len(ns)])
		}
	}
	var mandatory []int
	key := r.Perm(st.nPat)
	for p := range in.Patients {
		if in.Patients[p].Mandatory {
			mandatory = append(mandatory, p)
		}
	}
	window := func(p int) int { return st.data.lastDay[p] - in.Patients[p].ReleaseDay }
	sort.Slice(mandatory, func(i, j int) bool {
		a, b := mandatory[i], mandatory[j]
		if window(a) != window(b) {
			return window(a) < window(b)
		}
		return key[a] < key[b]
	})
	for _, p := range mandatory {
		st.placeBest(p, true)
	}
	return st
}

// placeOptional admits each optional patient, shortest surgery first
// (surgeon time is what most often keeps them out, so more fit), where
// admitting them lowers the cost, then gives every occupied room-shift
// its cheapest nurse.
func (st *state) placeOptional(r *rand.Rand) {
	optional := append([]int(nil), st.data.optional...)
	key := r.Perm(st.nPat)
	sort.Slice(optional, func(i, j int) bool {
		a, b := &st.in.Patients[optional[i]], &st.in.Patients[optional[j]]
		if a.SurgeryDuration != b.SurgeryDuration {
			return a.SurgeryDuration < b.SurgeryDuration
		}
		return key[optional[i]] < key[optional[j]]
	})
	for _, p := range optional {
		if st.adm[p].Day == Unscheduled {
			st.placeBest(p, false)
		}
	}
	st.improveNurses()
}

// placeBest admits patient p at the day and room (with a theatre chosen
// by bestTheater) that raise the cost least; an optional patient only if
// that lowers the cost, unless must.
func (st *state) placeBest(p int, must bool) {
	best, found := Admission{}, false
	var bestDelta int64
	base := st.Cost()
	for d := st.in.Patients[p].ReleaseDay; d <= st.data.lastDay[p]; d++ {
		t := st.bestTheater(p, d)
		for _, room := range st.data.compatible[p] {
			a := Admission{Day: d, Room: room, Theater: t}
			st.place(p, a)
			delta := st.Cost() - base
			st.unplace(p)
			if !found || delta < bestDelta {
				best, bestDelta, found = a, delta, true
			}
		}
	}
	if found && (must || bestDelta < 0) {
		st.place(p, best)
	}
}

// bestTheater picks the theatre for p's surgery on day d: one where it
// fits, preferring one the surgeon already uses that day, then one
// already open, then the one with the most time left.
func (st *state) bestTheater(p, d int) int {
	pt := &st.in.Patients[p]
	best, bestScore := -1, int64(-1<<62)
	for _, t := range st.data.open[d] {
		td := t*st.D + d
		left := int64(st.in.Theaters[t].Availability[d]) - int64(st.tdMin[td])
		score := left
		if left >= int64(pt.SurgeryDuration) {
			score += 1 << 40
		}
		if st.sdt[(pt.Surgeon*st.D+d)*st.T+t] > 0 {
			score += 1 << 30
		}
		if st.tdCount[td] > 0 {
			score += 1 << 20
		}
		if score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// improveNurses gives every occupied room-shift, in shift order, the
// rostered nurse that makes the cost lowest.
func (st *state) improveNurses() {
	for sh, ns := range st.data.rostered {
		for room := range st.R {
			if st.rdCount[room*st.D+sh/ShiftsPerDay] == 0 || len(ns) < 2 {
				continue
			}
			best, bestCost := int(st.rn[room*st.S+sh]), st.Cost()
			for _, n := range ns {
				st.setNurse(room, sh, n)
				if c := st.Cost(); c < bestCost {
					best, bestCost = n, c
				}
			}
			st.setNurse(room, sh, best)
		}
	}
}
