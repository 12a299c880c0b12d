package nrp

import "math/rand"

// change is one cell before and after a move.
type change struct{ e, d, old, new int32 }

// move is a compound change of distinct cells.
type move struct{ changes []change }

// do applies m to the state.
func (st *state) do(m *move) {
	for _, c := range m.changes {
		st.set(int(c.e), int(c.d), int(c.new))
	}
}

// undo reverts m, applied last.
func (st *state) undo(m *move) {
	for i := len(m.changes) - 1; i >= 0; i-- {
		c := m.changes[i]
		st.set(int(c.e), int(c.d), int(c.old))
	}
}

// add records in the pending move that employee e gets v on day d.
func (st *state) add(e, d, v int) {
	if old := st.at(e, d); old != v {
		st.mv.changes = append(st.mv.changes, change{int32(e), int32(d), int32(old), int32(v)})
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

// moveKind is a kind of move: it records in st.mv a change for employee
// e (moves between two employees draw the other one themselves).
type moveKind struct {
	name string
	pick func(st *state, r *rand.Rand, e int)
}

// kinds are the moves, and mainMix and rowMix how often (in parts) the
// main search and the repair of one employee's row draw each: measured
// on the benchmark (docs/benchmarks.md). The three weekend moves took the
// mean gap to the best known, at 20 million iterations and three seeds,
// from 48 % to 36 % on Instance13, 19 and 23, and from 14 % to 10 % on
// Instance5 to 17 (two seeds, 10 million).
var kinds = []moveKind{
	{"change", (*state).pickChange},
	{"swap day", func(st *state, r *rand.Rand, e int) { st.pickSwap(r, e, 1) }},
	{"swap block", func(st *state, r *rand.Rand, e int) { st.pickSwap(r, e, 2+r.Intn(maxBlock-1)) }},
	{"aligned", (*state).pickAligned},
	{"move edge", (*state).pickMoveEdge},
	{"block", (*state).pickBlock},
	{"slide", (*state).pickSlide},
	{"edge", (*state).pickEdge},
	{"fill", func(st *state, r *rand.Rand, _ int) { st.pickFill(r) }},
	{"swap within", (*state).pickSwapWithin},
	{"weekend", (*state).pickWeekend},
	{"swap weekend", (*state).pickSwapWeekend},
	{"move weekend", func(st *state, r *rand.Rand, _ int) { st.pickMoveWeekend(r) }},
}

var (
	mainMix = []int{15, 25, 20, 10, 10, 0, 5, 10, 25, 0, 10, 10, 10}
	rowMix  = []int{20, 0, 0, 0, 20, 10, 15, 20, 0, 15, 0, 0, 0}
)

// maxBlock is the longest block of days a block move touches.
const maxBlock = 7

// pick draws a random move into st.mv, reporting false if none was found:
// of any employee, or only of st.row when that is not negative.
func (st *state) pick(r *rand.Rand) bool {
	st.mv.changes = st.mv.changes[:0]
	mix, e := mainMix, r.Intn(st.E)
	if st.row >= 0 {
		mix, e = rowMix, st.row
	}
	total := 0
	for _, w := range mix {
		total += w
	}
	x := r.Intn(total)
	for k, w := range mix {
		if x < w {
			kinds[k].pick(st, r, e)
			break
		}
		x -= w
	}
	return len(st.mv.changes) > 0
}

// randomValue returns a random shift employee e may work, or Off, other
// than cur.
func (st *state) randomValue(r *rand.Rand, e, cur int) int {
	allowed := st.data.allowed[e]
	for range 4 {
		v := Off
		if i := r.Intn(len(allowed) + 1); i < len(allowed) {
			v = int(allowed[i])
		}
		if v != cur {
			return v
		}
	}
	return cur
}

// pickChange changes one random cell of employee e, to a value the
// quick checks allow.
func (st *state) pickChange(r *rand.Rand, e int) {
	for range 4 {
		d := r.Intn(st.D)
		if v := st.randomValue(r, e, st.at(e, d)); st.okSet(e, d, v) {
			st.add(e, d, v)
			return
		}
	}
}

// pickSwapWithin exchanges two of employee e's days.
func (st *state) pickSwapWithin(r *rand.Rand, e int) {
	a, b := r.Intn(st.D), r.Intn(st.D)
	if va, vb := st.at(e, a), st.at(e, b); va != vb {
		st.add(e, a, vb)
		st.add(e, b, va)
	}
}

// other returns a random employee other than e.
func (st *state) other(r *rand.Rand, e int) int {
	b := r.Intn(st.E - 1)
	if b >= e {
		b++
	}
	return b
}

// pickSwap exchanges the days d..d+k-1 of two employees, which leaves
// cover unchanged.
func (st *state) pickSwap(r *rand.Rand, a, k int) {
	if st.E < 2 {
		return
	}
	k = min(k, st.D)
	b := st.other(r, a)
	d0 := r.Intn(st.D - k + 1)
	if k == 1 {
		if va, vb := st.at(a, d0), st.at(b, d0); !st.okSet(a, d0, vb) || !st.okSet(b, d0, va) {
			return
		}
	}
	for d := d0; d < d0+k; d++ {
		va, vb := st.at(a, d), st.at(b, d)
		st.add(a, d, vb)
		st.add(b, d, va)
	}
}

// pickBlock sets a block of one employee's days to one value.
func (st *state) pickBlock(r *rand.Rand, e int) {
	k := min(2+r.Intn(maxBlock-1), st.D)
	d0 := r.Intn(st.D - k + 1)
	v := st.randomValue(r, e, Off-1)
	for d := d0; d < d0+k; d++ {
		st.add(e, d, v)
	}
}

// runAt returns the run of shifts holding day d, or the next one after
// it; ok is false if there is none.
func (st *state) runAt(e, d int) (start, end int, ok bool) {
	for d < st.D && !st.working(e, d) {
		d++
	}
	if d == st.D {
		return 0, 0, false
	}
	start, end = d, d
	for start > 0 && st.working(e, start-1) {
		start--
	}
	for end+1 < st.D && st.working(e, end+1) {
		end++
	}
	return start, end, true
}

// pickSlide moves a run of shifts one day earlier or later: its last
// shift moves to the day before it, or its first to the day after, so
// that the employee's totals stay and cover changes only at the ends.
func (st *state) pickSlide(r *rand.Rand, e int) {
	a, b, ok := st.runAt(e, r.Intn(st.D))
	if !ok {
		return
	}
	if r.Intn(2) == 0 && a > 0 {
		st.add(e, a-1, st.at(e, b))
		st.add(e, b, Off)
	} else if b+1 < st.D {
		st.add(e, b+1, st.at(e, a))
		st.add(e, a, Off)
	}
}

// pickEdge lengthens or shortens a run of shifts by one day at one end.
func (st *state) pickEdge(r *rand.Rand, e int) {
	a, b, ok := st.runAt(e, r.Intn(st.D))
	if !ok {
		return
	}
	d, v := a, Off
	switch r.Intn(4) {
	case 1:
		d = b
	case 2:
		d, v = a-1, st.randomShift(r, e, st.at(e, a))
	case 3:
		d, v = b+1, st.randomShift(r, e, st.at(e, b))
	}
	if d >= 0 && d < st.D && st.okSet(e, d, v) {
		st.add(e, d, v)
	}
}

// randomShift returns like, or half the time a random shift e may work.
func (st *state) randomShift(r *rand.Rand, e, like int) int {
	if a := st.data.allowed[e]; len(a) > 0 && r.Intn(2) == 0 {
		return int(a[r.Intn(len(a))])
	}
	return like
}

// pickFill gives a shift short of its cover on a day to an employee the
// quick checks allow: one who works another shift then, or who is off
// and may start working; if that takes them past their maximum minutes,
// or half the time, they drop a shift at the end of a run elsewhere, so
// that their total stays about the same.
func (st *state) pickFill(r *rand.Rand) {
	if len(st.short) == 0 {
		return
	}
	i := int(st.short[r.Intn(len(st.short))])
	d, t := i/st.T, i%st.T
	first := r.Intn(st.E)
	for k := range st.E {
		e := (first + k) % st.E
		if !st.canWork(e, d, t, Off) || (!st.working(e, d) && !st.canAdd(e, d)) {
			continue
		}
		over := int(st.minutes[e]) + st.in.Shifts[t].Minutes - st.minutesAt(e, d) - st.in.Staff[e].MaxMinutes
		if st.working(e, d) && over > 0 {
			continue
		}
		if !st.working(e, d) {
			if over > 0 || r.Intn(2) == 0 {
				drop, ok := st.dropDay(r, e, d, over)
				if !ok {
					continue
				}
				st.add(e, drop, Off)
			}
		}
		st.add(e, d, t)
		return
	}
}

// dropDay picks a day employee e works, at the end of a run not next to
// day d, whose shift is at least min minutes long and which the quick
// checks let them drop.
func (st *state) dropDay(r *rand.Rand, e, d, min int) (int, bool) {
	for range 4 {
		a, b, ok := st.runAt(e, r.Intn(st.D))
		if !ok || (a <= d+1 && d <= b+1) {
			continue
		}
		x := a
		if r.Intn(2) == 0 {
			x = b
		}
		if st.minutesAt(e, x) >= min && st.canDrop(e, x) {
			return x, true
		}
	}
	return 0, false
}

// pickAligned exchanges two employees' days over a stretch that both
// have off on each side, and after which both totals stay within their
// ranges, so that whole runs of shifts change hands.
func (st *state) pickAligned(r *rand.Rand, a int) {
	if st.E < 2 {
		return
	}
	b := st.other(r, a)
	free := func(d int) bool { return d < 0 || d >= st.D || (!st.working(a, d) && !st.working(b, d)) }
	lo := r.Intn(st.D)
	for n := 0; !free(lo - 1); lo-- {
		if n++; n > maxBlock {
			return
		}
	}
	minLen := 1 + r.Intn(2*maxBlock)
	ma, mb, hi := 0, 0, -1
	for d := lo; d < st.D && d < lo+4*maxBlock; d++ {
		ma, mb = ma+st.minutesAt(a, d), mb+st.minutesAt(b, d)
		if d-lo+1 >= minLen && free(d+1) && st.minutesFit(a, mb-ma) && st.minutesFit(b, ma-mb) {
			hi = d
			break
		}
	}
	for d := lo; d <= hi; d++ {
		va, vb := st.at(a, d), st.at(b, d)
		st.add(a, d, vb)
		st.add(b, d, va)
	}
}

// minutesFit reports whether employee e's total minutes changed by dm
// stay within their range.
func (st *state) minutesFit(e, dm int) bool {
	m, emp := int(st.minutes[e])+dm, &st.in.Staff[e]
	return m >= emp.MinMinutes && m <= emp.MaxMinutes
}

// minutesAt is the length of employee e's shift on day d, 0 if off.
func (st *state) minutesAt(e, d int) int {
	if t := st.at(e, d); t != Off {
		return st.in.Shifts[t].Minutes
	}
	return 0
}

// pickMoveEdge moves one of an employee's shifts from the end of a run
// to the day next to another run (or the other end of the same run), so
// that their total stays and their runs change length by one.
func (st *state) pickMoveEdge(r *rand.Rand, e int) {
	a, b, ok := st.runAt(e, r.Intn(st.D))
	if !ok {
		return
	}
	from := a
	if r.Intn(2) == 0 {
		from = b
	}
	a2, b2, ok := st.runAt(e, r.Intn(st.D))
	if !ok {
		return
	}
	to := a2 - 1
	if r.Intn(2) == 0 {
		to = b2 + 1
	}
	if to < 0 || to >= st.D || to == from || st.working(e, to) || !st.canDrop(e, from) {
		return
	}
	t := st.at(e, from)
	v := st.shortShift(r, e, to, t)
	if !st.canWork(e, to, v, t) || !st.canAdd(e, to) {
		return
	}
	st.add(e, from, Off)
	st.add(e, to, v)
}

// shortShift returns a shift type short of cover on day d that employee
// e may work, or like if the sampled one is not short.
func (st *state) shortShift(r *rand.Rand, e, d, like int) int {
	if a := st.data.allowed[e]; len(a) > 0 {
		t := int(a[r.Intn(len(a))])
		if st.cover[d*st.T+t] < int32(st.in.Cover[d*st.T+t].Requirement) {
			return t
		}
	}
	return like
}
