package schedule

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/openelective/elective"
)

// report turns a state into a Proposal with reasons and totals.
func report(s *listState, method string) Proposal {
	m := s.m
	prop := Proposal{Method: method, Cost: s.fullCost()}
	index := make(map[int64]int32, len(m.cases))
	for i, c := range m.p.Cases {
		index[c.ID] = int32(i)
	}
	for _, si := range m.sessionOrder() {
		prop.Sessions = append(prop.Sessions, s.sessionPlan(si))
		for _, id := range prop.Sessions[len(prop.Sessions)-1].Cases {
			prop.Placements = append(prop.Placements, s.placement(index[id]))
		}
	}
	for _, c := range unplacedAll(s) {
		prop.LeftOut = append(prop.LeftOut, s.leftOut(c))
	}
	prop.Totals = totals(&prop, len(m.cases))
	return prop
}

// unplacedAll is every case left out, most urgent first.
func unplacedAll(s *listState) []int32 {
	var cs []int32
	for c := range s.m.cases {
		if s.at[c] < 0 {
			cs = append(cs, int32(c))
		}
	}
	slices.SortStableFunc(cs, func(a, b int32) int { return urgent(&s.m.p.Cases[a], &s.m.p.Cases[b]) })
	return cs
}

// sessionPlan lists a session's cases by priority then wait (rules.md 3.8).
func (s *listState) sessionPlan(si int32) SessionPlan {
	ps := &s.m.p.Sessions[si]
	mem := slices.Clone(s.members[si])
	slices.SortFunc(mem, func(a, b int32) int {
		ca, cb := &s.m.p.Cases[a], &s.m.p.Cases[b]
		return cmp.Or(cmp.Compare(elective.SurgicalPriority(ca.PriorityCode).Rank(), elective.SurgicalPriority(cb.PriorityCode).Rank()),
			ca.ListedOn.CompareZeroLast(cb.ListedOn), cmp.Compare(ca.ID, cb.ID))
	})
	plan := SessionPlan{SessionID: ps.ID, Date: ps.Date, Theatre: ps.Theatre, SurgeonID: ps.SurgeonID, Locked: s.m.sess[si].locked}
	for _, c := range mem {
		plan.Cases = append(plan.Cases, s.m.p.Cases[c].ID)
	}
	plan.MinutesUsed = s.used[si] + ps.OtherMinutes
	plan.MinutesFree = ps.Minutes - plan.MinutesUsed
	return plan
}

func totals(prop *Proposal, cases int) Totals {
	t := Totals{Cases: cases, Placed: len(prop.Placements), LeftOut: len(prop.LeftOut)}
	for _, p := range prop.Placements {
		t.PCodeMisses += b2i(p.Late)
		t.RTTBreaches += b2i(p.Breach)
	}
	for _, l := range prop.LeftOut {
		t.PCodeMisses += b2i(l.PMiss)
		t.RTTBreaches += b2i(l.Breach)
	}
	for _, sp := range prop.Sessions {
		if len(sp.Cases) == 0 && sp.MinutesUsed == 0 {
			t.SessionsReleased++
			continue
		}
		t.SessionsUsed++
		t.MinutesBooked += sp.MinutesUsed
		t.MinutesAvailable += sp.MinutesUsed + sp.MinutesFree
	}
	if t.MinutesAvailable > 0 {
		t.Utilisation = 100 * float64(t.MinutesBooked) / float64(t.MinutesAvailable)
	}
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// placement explains why case c is on its session.
func (s *listState) placement(c int32) Placement {
	m, si := s.m, s.at[c]
	pc, ci, ps := &m.p.Cases[c], &m.cases[c], &m.p.Sessions[si]
	day := m.sess[si].day
	pl := Placement{CaseID: pc.ID, SessionID: ps.ID, Date: ps.Date,
		Late: ci.due != noDay && day > ci.due, Breach: ci.breach != noDay && day > ci.breach}
	when := ps.Date.Format("Mon 2 Jan") + ", " + ps.Theatre
	var where string
	switch {
	case ci.fixed:
		where = "on a locked list (" + when + "): not changed"
	case s.earliest(c):
		where = fmt.Sprintf("earliest session of %s with %d min free (%s)", m.surgeon(si),
			m.sess[si].cap-s.used[si]+ci.minutes, when)
	default:
		where = fmt.Sprintf("session of %s (%s); an earlier session had room, but this date keeps lists fuller or more urgent cases earlier", m.surgeon(si), when)
	}
	pl.Reason = m.priorityPhrase(c) + ": " + where
	if ci.cur == si && !ci.fixed {
		pl.Reason += "; kept on its booked list"
	}
	if pl.Late {
		pl.Reason += "; after its due date"
	}
	if pl.Breach {
		pl.Reason += "; after its RTT breach date"
	}
	return pl
}

// earliest reports whether no earlier session of case c has room for it
// in the final lists.
func (s *listState) earliest(c int32) bool {
	day := s.m.sess[s.at[c]].day
	for _, si := range s.m.cases[c].elig {
		if s.m.sess[si].day >= day {
			break
		}
		if _, ok := s.try(&listMove{n: 1, c: [2]int32{c}, to: [2]int32{si}}); ok {
			return false
		}
	}
	return true
}

// surgeon names the session's surgeon for staff.
func (m *model) surgeon(si int32) string {
	ps := &m.p.Sessions[si]
	if ps.SurgeonName != "" {
		return ps.SurgeonName
	}
	return fmt.Sprintf("surgeon %d", ps.SurgeonID)
}

// priorityPhrase is "P2 due 14 Jan" or "P4, waiting 300 days, breach 3 Feb".
func (m *model) priorityPhrase(c int32) string {
	pc := &m.p.Cases[c]
	code := pc.PriorityCode
	if code == "" {
		code = "No priority"
	}
	if due := dueBy(pc); !due.IsZero() {
		code += " due " + due.Format("2 Jan")
	}
	if !pc.ListedOn.IsZero() {
		code += fmt.Sprintf(", waiting %d days", m.p.Today.DaysSince(pc.ListedOn))
	}
	if !pc.BreachDate.IsZero() {
		code += ", breach " + pc.BreachDate.Format("2 Jan")
	}
	return code
}
