package rota

import (
	"slices"
	"time"

	"github.com/openelective/elective"
)

// model is a Problem worked out once for the search: the span of every
// shift on every date, the positions of cover, and what each person may
// take. Days are indexes from From.
type model struct {
	p      *Problem
	l      Limits
	loc    *time.Location
	per    period
	w      weights
	nDays  int
	nShift int
	cells  []cell // [day*nShift + shift]
	pos    []position
	byDay  [][]int32 // day → its searchable positions
	people []member
	okPos  []bool // [pos*len(people) + person]
	sumFTE int64
	// Weekends are indexed by weeks from sat0, WeekendFrequency weeks
	// before the Saturday on or before From, so that earlier duties'
	// weekends count against the first ones of the rota.
	sat0   int64
	nWeeks int
	// reach is how many days from a change a rule other than the weekend
	// one can look: a run at its longest and the rest after it, or 7 days.
	reach int32
}

// cell is one shift on one date.
type cell struct {
	span      span
	inPeriod  int64    // seconds of it inside the period (the 48 h average)
	touches   int      // extra dates it works on after its start date
	weeks     [2]int16 // weekend indexes it works in, -1 unused
	unpopular bool
	// shortBreaks: the shift plans fewer breaks than this date's length
	// needs, so no one may take it (breaksShort).
	shortBreaks bool
}

// position is one person's place in a shift's cover on a date. A cover of
// Min people is Min positions; if it names a skill, its first position
// needs the skill.
type position struct {
	day, shift int32
	cover      int32
	skill      bool
	elig       []int32 // people who may take it
	fixed      int32   // person holding it with a fixed duty, or -1
}

// member is a person as the search sees them.
type member struct {
	p        *Person
	fte      int64  // fair share, Problem.share
	context  []span // Before and Fixed duties, sorted by start
	baseline []breach
	// ctxAvg is the seconds of context inside the period (beforeAvg of it
	// from earlier duties: a night into the first morning); the 48 h
	// average may not grow past its cap unless the context alone does.
	ctxAvg, beforeAvg int64
	ok                []bool // [day*nShift + shift]: may work it (leave, contract, fixed, breaches)
	ctxWk             []bool // [weekend]: worked by a duty before the period
	prefer            []bool // [day]: asked to be off
	fixed             []Duty
}

func newModel(p *Problem) *model {
	m := &model{p: p, l: p.Limits, loc: p.Loc, w: defaultWeights, nShift: len(p.Shifts)}
	m.per = newPeriod(p.From, p.To, p.Loc)
	m.nDays = m.per.days
	m.sat0 = p.From.AddDays(-((int(p.From.Weekday()) + 1) % 7) - 7*m.l.WeekendFrequency).Days()
	m.nWeeks = int((m.per.last+2-m.sat0)/7) + 1
	m.reach = m.reachDays()
	m.makeCells()
	m.makePeople()
	m.makePositions()
	return m
}

func (m *model) cell(day, shift int32) *cell { return &m.cells[int(day)*m.nShift+int(shift)] }

func (m *model) makeCells() {
	m.cells = make([]cell, m.nDays*m.nShift)
	for d := range m.nDays {
		date := m.p.From.AddDays(d)
		for s := range m.p.Shifts {
			duty := dutyOf(0, &m.p.Shifts[s], date, m.loc)
			m.cells[d*m.nShift+s] = m.cellOf(duty, m.p.Shifts[s].Unpopular)
			_, m.cells[d*m.nShift+s].shortBreaks = breaksShort(duty, &m.l)
		}
	}
}

func (m *model) cellOf(d Duty, unpopular bool) cell {
	c := cell{span: spanOf(d, m.loc), unpopular: unpopular, weeks: [2]int16{-1, -1}}
	c.inPeriod = c.span.workIn(m.per.start, m.per.end)
	first, last := touched(d.Start, d.End, m.loc)
	c.touches = last.DaysSince(first)
	for i, w := range c.span.weekends {
		if w != noWeekend {
			c.weeks[i] = int16((w - m.sat0) / 7)
		}
	}
	return c
}

// reachDays bounds how far apart a change and a breach it causes (other
// than of the weekend rule) can be: a run of the longest kind, the rest
// owed after it, and a day's slack; at least the 7-day window and a day.
func (m *model) reachDays() int32 {
	l := &m.l
	run := max(l.MaxConsecutiveShifts, l.MaxConsecutiveLong, l.MaxConsecutiveNights, l.MaxConsecutiveLongLate)
	rest := max(l.RestAfterRunMinutes, l.RestAfterNightsMinutes, l.MinRestMinutes)
	return int32(max(run+(rest+24*60-1)/(24*60)+2, 8))
}

// weekIndexOK reports whether a weekend index is in range.
func (m *model) weekIndexOK(w int16) bool { return w >= 0 && int(w) < m.nWeeks }

func (m *model) makePeople() {
	m.people = make([]member, len(m.p.Staff))
	fixed := map[int64][]Duty{}
	for _, d := range m.p.Fixed {
		fixed[d.StaffID] = append(fixed[d.StaffID], d)
	}
	for i := range m.p.Staff {
		pe := &m.p.Staff[i]
		mb := &m.people[i]
		mb.p, mb.fte, mb.fixed = pe, m.p.share(i), fixed[pe.ID]
		mb.context = spansOf(slices.Concat(pe.Before, mb.fixed), m.loc)
		mb.beforeAvg = m.per.inside(spansOf(pe.Before, m.loc))
		mb.ctxAvg = m.per.inside(mb.context)
		mb.baseline = m.per.breaches(mb.context, &m.l, nil)
		mb.ctxWk = make([]bool, m.nWeeks)
		for _, d := range pe.Before {
			c := m.cellOf(d, false)
			for _, w := range c.weeks {
				if m.weekIndexOK(w) {
					mb.ctxWk[w] = true
				}
			}
		}
		m.sumFTE += mb.fte
		m.allow(mb)
	}
}

// breachMargin is how far from a breach the fixed duties already make
// the builder adds nothing, so that it never adds to one: a week covers
// the 7-day window, rest and runs.
const breachMargin = 7

// allow works out which shifts the person may take on which dates.
func (m *model) allow(mb *member) {
	blocked := make([]bool, m.nDays)
	for _, b := range mb.baseline {
		if b.rule == RuleAverageWeekly {
			continue
		}
		for d := b.day - m.per.first - breachMargin; d <= b.day-m.per.first+breachMargin; d++ {
			if d >= 0 && d < int64(m.nDays) {
				blocked[d] = true
			}
		}
	}
	for _, s := range mb.context {
		if d := s.day - m.per.first; d >= 0 && d < int64(m.nDays) {
			blocked[d] = true // one shift a day: a fixed duty takes the day
		}
	}
	leave := m.dayFlags(mb.p.Unavailable)
	mb.prefer = m.dayFlags(mb.p.PreferOff)
	mb.ok = make([]bool, len(m.cells))
	for d := range m.nDays {
		for s := range m.nShift {
			c := &m.cells[d*m.nShift+s]
			ok := !blocked[d]
			for k := d; k <= d+c.touches && ok; k++ {
				ok = k >= m.nDays || !leave[k]
			}
			if lim := mb.p.MaxShiftMinutes; !c.span.onCall && ((lim > 0 && c.span.minutes() > int64(lim)) || c.span.minutes() > int64(m.l.MaxShiftMinutes)) {
				ok = false
			}
			if c.shortBreaks {
				ok = false
			}
			mb.ok[d*m.nShift+s] = ok
		}
	}
	// Leave on the day after the period still bars a night into it.
	for _, u := range mb.p.Unavailable {
		if u == m.p.To.AddDays(1) {
			for s := range m.nShift {
				if m.cells[(m.nDays-1)*m.nShift+s].touches > 0 {
					mb.ok[(m.nDays-1)*m.nShift+s] = false
				}
			}
		}
	}
}

func (m *model) dayFlags(dates []elective.Date) []bool {
	f := make([]bool, m.nDays)
	for _, d := range dates {
		if i := d.DaysSince(m.p.From); i >= 0 && i < m.nDays {
			f[i] = true
		}
	}
	return f
}

// makePositions lays out the cover as positions, gives each the people
// who may take it, and fills those that fixed duties already cover.
func (m *model) makePositions() {
	for ci, c := range m.p.Cover {
		s := m.p.shift(c.Code)
		d := c.Date.DaysSince(m.p.From)
		if s < 0 || d < 0 || d >= m.nDays {
			continue
		}
		for k := range c.Min {
			m.pos = append(m.pos, position{day: int32(d), shift: int32(s), cover: int32(ci), skill: k == 0 && c.Skill != "", fixed: -1})
		}
	}
	n := len(m.people)
	m.okPos = make([]bool, len(m.pos)*n)
	for i := range m.pos {
		ps := &m.pos[i]
		for j := range m.people {
			if m.fits(ps, &m.people[j]) && m.people[j].ok[int(ps.day)*m.nShift+int(ps.shift)] {
				ps.elig = append(ps.elig, int32(j))
				m.okPos[i*n+j] = true
			}
		}
	}
	m.matchFixed()
	m.byDay = make([][]int32, m.nDays)
	for i := range m.pos {
		if m.pos[i].fixed < 0 {
			m.byDay[m.pos[i].day] = append(m.byDay[m.pos[i].day], int32(i))
		}
	}
}

// fits reports whether the person's grade and skills suit the position.
func (m *model) fits(ps *position, mb *member) bool {
	c := &m.p.Cover[ps.cover]
	return suits(c, ps.skill, mb.p)
}

func suits(c *Cover, skill bool, p *Person) bool {
	if len(c.Grades) > 0 && !slices.Contains(c.Grades, p.Grade) {
		return false
	}
	return !skill || p.HasSkill(c.Skill)
}

// matchFixed fills positions with the fixed duties of their shift and
// date, as many as a matching of grades and skills allows.
func (m *model) matchFixed() {
	for _, g := range m.groups() {
		day, s := m.pos[g[0]].day, m.pos[g[0]].shift
		var who []int32
		for j := range m.people {
			for _, d := range m.people[j].fixed {
				if d.Code == m.p.Shifts[s].Code && int32(elective.DateOf(d.Start, m.loc).DaysSince(m.p.From)) == day {
					who = append(who, int32(j))
					break
				}
			}
		}
		at := match(len(g), len(who), func(pos, person int) bool { return m.fits(&m.pos[g[pos]], &m.people[who[person]]) })
		for k, person := range at {
			if person >= 0 {
				m.pos[g[k]].fixed = who[person]
			}
		}
	}
}

// groups lists the positions of each shift on each date, in position
// order.
func (m *model) groups() [][]int32 {
	type key struct{ day, shift int32 }
	index := map[key]int{}
	var out [][]int32
	for i := range m.pos {
		k := key{m.pos[i].day, m.pos[i].shift}
		g, ok := index[k]
		if !ok {
			g = len(out)
			index[k] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], int32(i))
	}
	return out
}
