package schedule

import (
	"slices"

	"github.com/openelective/elective"
)

// noDay marks a case with no due or breach date.
const noDay = 1 << 30

// sessInfo is a session compiled for the search: days are indices from
// model.base, minutes are capacity for the problem's cases.
type sessInfo struct {
	day        int
	cap        int // Minutes − OtherMinutes
	start, end int
	locked     bool
	ovl        []int32 // other sessions on the same day overlapping in time
}

// caseInfo is a case compiled for the search.
type caseInfo struct {
	minutes  int
	los      int // bed days from the TCI; 0 = no bed
	due      int // day index, or noDay
	breach   int
	urg      int64 // urgency: days waited plus 365 per priority step
	fixed    bool  // on a locked session: never moved
	cur      int32 // current session index, or -1
	kits     []int // counted kit indices the case needs
	elig     []int32
	eligBits []uint64
}

// model is the immutable compiled problem shared by every search state.
type model struct {
	p        *ListProblem
	w        Weights
	base     int64 // Days() of day index 0
	today    int
	horizon  int // day index of the last session
	sess     []sessInfo
	cases    []caseInfo
	bedCap   []int // per day index; -1 = unlimited
	kitNames []string
	kitCap   []int
	sessIdx  map[int64]int32
}

// weights fills zero weights from DefaultWeights; negative ones mean off.
func weights(w Weights) Weights {
	pick := func(v, d int64) int64 {
		switch {
		case v == 0:
			return d
		case v < 0:
			return 0
		}
		return v
	}
	d := DefaultWeights
	return Weights{
		PCodeMiss: pick(w.PCodeMiss, d.PCodeMiss), LateDay: pick(w.LateDay, d.LateDay),
		RTTBreach: pick(w.RTTBreach, d.RTTBreach), LeftOut: pick(w.LeftOut, d.LeftOut),
		Wait: pick(w.Wait, d.Wait), IdleMinute: pick(w.IdleMinute, d.IdleMinute),
		OpenSession: pick(w.OpenSession, d.OpenSession), Disruption: pick(w.Disruption, d.Disruption),
	}
}

// compile validates p and builds the model. Errors are EINVALID and name
// the session or case at fault.
func compile(p *ListProblem) (*model, error) {
	if err := validate(p); err != nil {
		return nil, err
	}
	m := &model{p: p, w: weights(p.Weights), sessIdx: map[int64]int32{}}
	m.base = p.Today.Days()
	for _, s := range p.Sessions {
		m.base = min(m.base, s.Date.Days())
	}
	m.today = m.day(p.Today)
	m.horizon = m.today
	for i, s := range p.Sessions {
		m.sessIdx[s.ID] = int32(i)
		m.horizon = max(m.horizon, m.day(s.Date))
	}
	m.compileKit()
	m.compileSessions()
	m.compileCases()
	m.compileBeds()
	return m, nil
}

func (m *model) day(d elective.Date) int { return int(d.Days() - m.base) }

func (m *model) date(day int) elective.Date { return elective.DateFromDays(m.base + int64(day)) }

func (m *model) compileKit() {
	for name := range m.p.Kit {
		m.kitNames = append(m.kitNames, name)
	}
	slices.Sort(m.kitNames)
	for _, name := range m.kitNames {
		m.kitCap = append(m.kitCap, m.p.Kit[name])
	}
}

func (m *model) compileSessions() {
	m.sess = make([]sessInfo, len(m.p.Sessions))
	for i, s := range m.p.Sessions {
		m.sess[i] = sessInfo{day: m.day(s.Date), cap: s.Minutes - s.OtherMinutes,
			start: s.Start, end: s.Start + s.Minutes, locked: s.Locked || !s.Date.After(m.p.Today)}
	}
	for i := range m.sess {
		for j := range m.sess {
			a, b := &m.sess[i], &m.sess[j]
			if i != j && a.day == b.day && a.start < b.end && b.start < a.end {
				a.ovl = append(a.ovl, int32(j))
			}
		}
	}
}

// current is the session index each case is booked on now (-1 = none),
// from CurrentSessionID and the sessions' Booked lists (validated to agree).
func (m *model) current() []int32 {
	cur := make([]int32, len(m.p.Cases))
	byID := map[int64]int{}
	for i, c := range m.p.Cases {
		byID[c.ID] = i
		cur[i] = -1
		if c.CurrentSessionID != 0 {
			cur[i] = m.sessIdx[c.CurrentSessionID]
		}
	}
	for si, s := range m.p.Sessions {
		for _, id := range s.Booked {
			cur[byID[id]] = int32(si)
		}
	}
	return cur
}

func (m *model) compileCases() {
	cur := m.current()
	m.cases = make([]caseInfo, len(m.p.Cases))
	for i := range m.p.Cases {
		c := &m.p.Cases[i]
		ci := &m.cases[i]
		ci.minutes, ci.cur, ci.due, ci.breach = c.Minutes, cur[i], noDay, noDay
		if c.NeedsBed {
			ci.los = max(c.LengthOfStayDays, 1)
		}
		if due := dueBy(c); !due.IsZero() {
			ci.due = m.day(due)
		}
		if !c.BreachDate.IsZero() {
			ci.breach = m.day(c.BreachDate)
		}
		ci.urg = urgency(c, m.p.Today)
		ci.fixed = ci.cur >= 0 && m.sess[ci.cur].locked
		for _, k := range c.Kit {
			if j, ok := slices.BinarySearch(m.kitNames, k); ok {
				ci.kits = append(ci.kits, j)
			}
		}
		ci.eligBits = make([]uint64, (len(m.sess)+63)/64)
		for _, s := range m.sessionOrder() {
			if !ci.fixed && m.staticReason(i, int(s)) == okFit {
				ci.elig = append(ci.elig, s)
				ci.eligBits[s/64] |= 1 << (s % 64)
			}
		}
	}
}

// sessionOrder is the session indices by date then start then input order.
func (m *model) sessionOrder() []int32 {
	order := make([]int32, len(m.sess))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		sa, sb := m.sess[a], m.sess[b]
		if sa.day != sb.day {
			return sa.day - sb.day
		}
		return sa.start - sb.start
	})
	return order
}

func (m *model) compileBeds() {
	maxLOS := 1
	for _, c := range m.cases {
		maxLOS = max(maxLOS, c.los)
	}
	m.bedCap = make([]int, m.horizon+maxLOS+1)
	for d := range m.bedCap {
		m.bedCap[d] = -1
		if n, ok := m.p.Beds[m.date(d)]; ok {
			m.bedCap[d] = n
		}
	}
}

// dueBy is the case's priority time limit date: DueBy, or ListedOn plus
// the code's limit (rules.md 2.4) when DueBy is not given.
func dueBy(c *ListCase) elective.Date {
	if !c.DueBy.IsZero() || c.ListedOn.IsZero() {
		return c.DueBy
	}
	if n := elective.SurgicalPriority(c.PriorityCode).LimitDays(); n > 0 {
		return c.ListedOn.AddDays(n)
	}
	return elective.Date{}
}

// urgency weights a case's days to TCI in the objective: priority first,
// then days waited (rules.md 3.8), as a single number.
func urgency(c *ListCase, today elective.Date) int64 {
	rank := elective.SurgicalPriority(c.PriorityCode).Rank()
	steps := max(int64(elective.P4.Rank()-rank), 0)
	waited := int64(0)
	if !c.ListedOn.IsZero() {
		waited = max(int64(today.DaysSince(c.ListedOn)), 0)
	}
	return 1 + waited + 365*steps
}

func (c *caseInfo) eligible(s int32) bool { return c.eligBits[s/64]&(1<<(s%64)) != 0 }
