package demo

import (
	"cmp"
	"slices"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// Cancelled-session rates: clinics lost to leave and sickness in the past,
// and those already cancelled ahead.
const (
	pastCancelRate   = 0.05
	futureCancelRate = 0.02
)

// Slot types as list indices.
const (
	typNew = 0
	typFU  = 1
)

// slotIndex is the compact memory of every slot that bookings need: its
// session, date, start and type, and whether it is taken. Slot index i is
// slot ID i+1 and session index j is session ID j+1. Slots of cancelled
// sessions are marked taken from the start so nothing is ever booked there.
type slotIndex struct {
	sessDay   []int32 // session date, days since 1970-01-01
	sessTpl   []int32 // template index
	slotSess  []int32
	slotStart []int64 // Unix seconds
	slotMin   []uint8
	slotType  []uint8
	used      []uint64 // bitset: taken by an active appointment, or unusable
	firstDay  int32    // the first clinic day, for slotList.dayStart

	byCons [][2]slotList // per consultant, per slot type, in date order
	bySpec [][2]slotList // per specialty, per slot type, in date order
}

// slotList is a date-ordered list of slots with "next free" pointers
// (a union-find over positions), so that finding the first free slot on or
// after a date costs almost nothing however full the clinics get.
type slotList struct {
	idx      []int32
	next     []int32
	dayStart []int32 // by day from slotIndex.firstDay: the first position on or after that day
}

func (x *slotIndex) day(s int32) int32 { return x.sessDay[x.slotSess[s]] }

func (x *slotIndex) isUsed(s int32) bool { return x.used[s>>6]&(1<<(s&63)) != 0 }

func (x *slotIndex) take(s int32) { x.used[s>>6] |= 1 << (s & 63) }

// release frees a slot whose appointment was cancelled. Other bookings may
// then use it, though the next-free pointers may already have passed it.
func (x *slotIndex) release(s int32) { x.used[s>>6] &^= 1 << (s & 63) }

// first returns the first free slot in the list dated on or after from and
// before before, or -1.
func (l *slotList) first(x *slotIndex, from, before int32) int32 {
	n := int32(len(l.idx))
	p := n
	if i := from - x.firstDay; i < 0 {
		p = 0
	} else if int(i) < len(l.dayStart) {
		p = l.dayStart[i]
	}
	r := p
	for {
		for l.next[r] != r {
			r = l.next[r]
		}
		if r == n || !x.isUsed(l.idx[r]) {
			break
		}
		l.next[r] = r + 1
	}
	for p != r {
		p, l.next[p] = l.next[p], r
	}
	if r == n || x.day(l.idx[r]) >= before {
		return -1
	}
	return l.idx[r]
}

// find returns a free slot of type typ for a patient of consultant cons in
// specialty spec, dated in [from, before): the consultant's own clinic when
// it is no more than window days later than the specialty's first free
// slot, otherwise a colleague's. It returns -1 when there is none.
func (x *slotIndex) find(spec, cons, typ int, from, before, window int32) int32 {
	c := x.byCons[cons][typ].first(x, from, before)
	s := x.bySpec[spec][typ].first(x, from, before)
	if c >= 0 && (s < 0 || x.day(c) <= x.day(s)+window) {
		return c
	}
	return s
}

// emitSessions makes every session and slot of every template from 18
// months ago to 16 weeks ahead, in date order, and streams them in batches
// of up to slotBatch slots. A few sessions are cancelled.
func (g *gen) emitSessions(batch func(*elective.LoadBatch) error, progress func(int, int)) error {
	type occurrence struct {
		day   int64
		start int
		tpl   int
	}
	var occs []occurrence
	for i, t := range g.templates {
		for _, d := range calendar.TemplateDates(t, g.from, g.horizon) {
			occs = append(occs, occurrence{d.Days(), t.StartMinute, i})
		}
	}
	slices.SortFunc(occs, func(a, b occurrence) int {
		return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.start, b.start), cmp.Compare(a.tpl, b.tpl))
	})
	g.slots.byCons = make([][2]slotList, len(g.clinicians))
	g.slots.bySpec = make([][2]slotList, len(g.specs))
	b := &elective.LoadBatch{}
	for _, o := range occs {
		s, slots := g.templates[o.tpl].Session(elective.DateFromDays(o.day), g.loc)
		if len(b.Slots)+len(slots) > slotBatch {
			if err := batch(b); err != nil {
				return err
			}
			progress(0, g.open+g.completed)
			b = &elective.LoadBatch{}
		}
		g.addSession(s, slots, o.tpl)
		b.Sessions = append(b.Sessions, s)
		b.Slots = append(b.Slots, slots...)
	}
	g.slots.finish(int32(g.from.Days()), int32(g.horizon.Days()))
	if len(b.Sessions) > 0 {
		if err := batch(b); err != nil {
			return err
		}
		progress(0, g.open+g.completed)
	}
	return nil
}

// addSession assigns the session's and slots' IDs, cancels a few sessions
// and records the slots in the index.
func (g *gen) addSession(s *elective.ClinicSession, slots []*elective.Slot, tpl int) {
	x := &g.slots
	s.ID = int64(len(x.sessDay) + 1)
	rate := futureCancelRate
	if s.Date.Before(g.today) {
		rate = pastCancelRate
	}
	cancelled := g.chance(rate)
	if cancelled {
		s.Status = elective.SessionCancelled
	}
	x.sessDay = append(x.sessDay, int32(s.Date.Days()))
	x.sessTpl = append(x.sessTpl, int32(tpl))
	cons, spec := int(s.ClinicianID-1), int(s.SpecialtyID-1)
	for _, sl := range slots {
		i := int32(len(x.slotSess))
		sl.ID, sl.SessionID = int64(i)+1, s.ID
		typ := typNew
		if sl.Type == elective.SlotFollowUp {
			typ = typFU
		}
		x.slotSess = append(x.slotSess, int32(s.ID-1))
		x.slotStart = append(x.slotStart, sl.Start.Unix())
		x.slotMin = append(x.slotMin, uint8(sl.Minutes))
		x.slotType = append(x.slotType, uint8(typ))
		if int(i>>6) >= len(x.used) {
			x.used = append(x.used, 0)
		}
		if cancelled {
			x.take(i)
		}
		x.byCons[cons][typ].idx = append(x.byCons[cons][typ].idx, i)
		x.bySpec[spec][typ].idx = append(x.bySpec[spec][typ].idx, i)
	}
}

// finish sets up the next-free pointers and the day index once every slot
// is known, for days firstDay to lastDay.
func (x *slotIndex) finish(firstDay, lastDay int32) {
	x.firstDay = firstDay
	for _, lists := range [][][2]slotList{x.byCons, x.bySpec} {
		for i := range lists {
			for t := range lists[i] {
				l := &lists[i][t]
				l.next = make([]int32, len(l.idx)+1)
				for j := range l.next {
					l.next[j] = int32(j)
				}
				l.dayStart = make([]int32, lastDay-firstDay+1)
				p := 0
				for d := range l.dayStart {
					for p < len(l.idx) && x.day(l.idx[p]) < firstDay+int32(d) {
						p++
					}
					l.dayStart[d] = int32(p)
				}
			}
		}
	}
}

// slotStart is the slot's start in London time.
func (g *gen) slotStart(s int32) time.Time {
	return time.Unix(g.slots.slotStart[s], 0).In(g.loc)
}
