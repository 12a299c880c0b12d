package schedule

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

var day0 = elective.MustParseDate("2026-01-05") // a Monday: Today in the small tests

func on(n int) elective.Date { return day0.AddDays(n) }

// session is a GA list of 240 minutes at 08:00, n days after Today.
func session(id int64, n int, surgeon int64) ListSession {
	return ListSession{ID: id, Date: on(n), Theatre: "T1", Start: 480, Minutes: 240, SurgeonID: surgeon,
		SurgeonName: "Mr Smith", ListType: "GA"}
}

// listCase is a P3 GA case of surgeon 1 listed 30 days ago with a valid POA.
func listCase(id int64, minutes int) ListCase {
	return ListCase{ID: id, SurgeonID: 1, Minutes: minutes, ListType: "GA", PriorityCode: "P3",
		ListedOn: on(-30), POAValidUntil: on(60)}
}

// solvers runs both the optimiser and the chronological fill, so each hard
// limit is tested on both.
func solvers(t *testing.T, p ListProblem) map[string]Proposal {
	t.Helper()
	opt, err := Optimise(context.Background(), p, Options{Seed: 1, MaxIterations: 20000})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Proposal{"optimiser": opt, "chronological": ChronologicalFill(p)}
	for name, prop := range out {
		checkProposal(t, name, p, prop)
	}
	return out
}

func sessionOf(prop Proposal, caseID int64) int64 {
	for _, pl := range prop.Placements {
		if pl.CaseID == caseID {
			return pl.SessionID
		}
	}
	return 0
}

func leftOutReason(prop Proposal, caseID int64) string {
	for _, l := range prop.LeftOut {
		if l.CaseID == caseID {
			return l.Reason
		}
	}
	return ""
}

// checkProposal verifies every hard limit of a proposal independently of
// the optimiser's own bookkeeping.
func checkProposal(t *testing.T, name string, p ListProblem, prop Proposal) {
	t.Helper()
	cases, sessions := map[int64]*ListCase{}, map[int64]*ListSession{}
	for i := range p.Cases {
		cases[p.Cases[i].ID] = &p.Cases[i]
	}
	for i := range p.Sessions {
		sessions[p.Sessions[i].ID] = &p.Sessions[i]
	}
	seen := map[int64]int{}
	for _, pl := range prop.Placements {
		seen[pl.CaseID]++
		if pl.Reason == "" {
			t.Errorf("%s: placement of case %d has no reason", name, pl.CaseID)
		}
	}
	for _, l := range prop.LeftOut {
		seen[l.CaseID]++
		if l.Reason == "" {
			t.Errorf("%s: left-out case %d has no reason", name, l.CaseID)
		}
	}
	for id := range cases {
		if seen[id] != 1 {
			t.Errorf("%s: case %d appears %d times", name, id, seen[id])
		}
	}
	byDate := map[elective.Date][]SessionPlan{}
	for _, sp := range prop.Sessions {
		checkSession(t, name, &p, sessions[sp.SessionID], sp, cases)
		byDate[sp.Date] = append(byDate[sp.Date], sp)
	}
	checkBeds(t, name, &p, prop, cases, sessions)
	checkKitCounts(t, name, &p, byDate, cases, sessions)
}

func checkSession(t *testing.T, name string, p *ListProblem, s *ListSession, sp SessionPlan, cases map[int64]*ListCase) {
	t.Helper()
	locked := s.Locked || !s.Date.After(p.Today)
	if locked {
		var want []int64
		for _, c := range p.Cases {
			if c.CurrentSessionID == s.ID || slices.Contains(s.Booked, c.ID) {
				want = append(want, c.ID)
			}
		}
		got := slices.Clone(sp.Cases)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: locked session %d has %v, want %v", name, s.ID, got, want)
		}
		return
	}
	used := s.OtherMinutes
	for _, id := range sp.Cases {
		c := cases[id]
		used += c.Minutes
		m := &model{p: p}
		if f := m.staticReasonFor(c, s); f != "" {
			t.Errorf("%s: case %d on session %d breaks %s", name, id, s.ID, f)
		}
	}
	if used > s.Minutes || used != sp.MinutesUsed {
		t.Errorf("%s: session %d books %d min of %d (plan says %d)", name, s.ID, used, s.Minutes, sp.MinutesUsed)
	}
}

// staticReasonFor restates the static limits for the verifier.
func (m *model) staticReasonFor(c *ListCase, s *ListSession) string {
	fits := m.p.ListTypeFits
	if fits == nil {
		fits = func(have, want string) bool { return have == "" || want == "" || have == want }
	}
	switch {
	case c.SurgeonID != 0 && c.SurgeonID != s.SurgeonID:
		return "surgeon"
	case !fits(s.ListType, c.ListType):
		return "list type"
	case !hasKit(s.Kit, c.Kit, m.p.MobileKit):
		return "kit"
	case unavailable(c, s.Date):
		return "unavailability"
	case !m.poaAllows(c, s.Date):
		return "POA"
	case !s.Date.After(m.p.Today):
		return "TCI after today"
	}
	return ""
}

func checkBeds(t *testing.T, name string, p *ListProblem, prop Proposal, cases map[int64]*ListCase, sessions map[int64]*ListSession) {
	t.Helper()
	occ := map[elective.Date]int{}
	for _, pl := range prop.Placements {
		c := cases[pl.CaseID]
		if !c.NeedsBed {
			continue
		}
		for d := range max(c.LengthOfStayDays, 1) {
			occ[sessions[pl.SessionID].Date.AddDays(d)]++
		}
	}
	for d, n := range occ {
		if limit, ok := p.Beds[d]; ok && n > limit {
			t.Errorf("%s: %d beds used on %s, %d available", name, n, d, limit)
		}
	}
}

func checkKitCounts(t *testing.T, name string, p *ListProblem, byDate map[elective.Date][]SessionPlan, cases map[int64]*ListCase, sessions map[int64]*ListSession) {
	t.Helper()
	for kit, count := range p.Kit {
		for _, plans := range byDate {
			var using []*ListSession
			for _, sp := range plans {
				if slices.ContainsFunc(sp.Cases, func(id int64) bool { return slices.Contains(cases[id].Kit, kit) }) {
					using = append(using, sessions[sp.SessionID])
				}
			}
			for _, a := range using {
				n := 0
				for _, b := range using {
					if b.Start <= a.Start && a.Start < b.Start+b.Minutes {
						n++
					}
				}
				if n > count {
					t.Errorf("%s: %d sessions use %s at %s %d, %d exist", name, n, kit, a.Date, a.Start, count)
				}
			}
		}
	}
}

func mustContain(t *testing.T, s, sub string) {
	t.Helper()
	if !strings.Contains(s, sub) {
		t.Errorf("%q does not say %q", s, sub)
	}
}
