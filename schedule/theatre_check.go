package schedule

import (
	"slices"

	"github.com/openelective/elective"
)

// fit is why a case can never go on a session (the static hard limits),
// in the order checked.
type fit int

const (
	okFit fit = iota
	fitLocked
	fitSpecialty
	fitSurgeon
	fitListType
	fitKit
	fitTooLong
	fitUnavailable
	fitPOA
)

// staticReason checks the hard limits that do not depend on the other
// cases: locked or past list, specialty, surgeon, list type, fixed kit on
// the session (mobile kit is counted, not required: kitFits), the case's
// length, the patient's unavailability and the pre-operative assessment
// rule.
func (m *model) staticReason(ci, si int) fit {
	c, s, info := &m.p.Cases[ci], &m.p.Sessions[si], &m.sess[si]
	switch {
	case info.locked:
		return fitLocked
	case c.Specialty != "" && s.Specialty != "" && c.Specialty != s.Specialty:
		return fitSpecialty
	case c.SurgeonID != 0 && c.SurgeonID != s.SurgeonID:
		return fitSurgeon
	case !m.listTypeFits(s.ListType, c.ListType):
		return fitListType
	case !hasKit(s.Kit, c.Kit, m.p.MobileKit):
		return fitKit
	case c.Minutes > info.cap:
		return fitTooLong
	case unavailable(c, s.Date):
		return fitUnavailable
	case !m.poaAllows(c, s.Date):
		return fitPOA
	}
	return okFit
}

func (m *model) listTypeFits(have, want string) bool {
	if m.p.ListTypeFits != nil {
		return m.p.ListTypeFits(have, want)
	}
	return have == "" || want == "" || have == want
}

// hasKit reports whether a session with kit have can take a case needing
// want: every fixed item must be on the session; mobile items come to it.
func hasKit(have, want []string, mobile map[string]bool) bool {
	for _, k := range want {
		if !mobile[k] && !slices.Contains(have, k) {
			return false
		}
	}
	return true
}

func unavailable(c *ListCase, d elective.Date) bool {
	for _, r := range c.Unavailable {
		if r.Contains(d) {
			return true
		}
	}
	return false
}

// poaAllows applies the POAPolicy: a TCI on or before POAValidUntil, or
// (unless RequireValid) far enough ahead to book the assessment first.
func (m *model) poaAllows(c *ListCase, tci elective.Date) bool {
	if !c.POAValidUntil.IsZero() && !tci.After(c.POAValidUntil) {
		return true
	}
	if m.p.POA.RequireValid {
		return false
	}
	lead := m.p.POA.LeadDays
	if lead <= 0 {
		lead = DefaultPOALeadDays
	}
	return tci.DaysSince(m.p.Today) >= lead
}

// validate rejects a malformed problem with an EINVALID error naming the
// first session or case at fault.
func validate(p *ListProblem) error {
	if p.Today.IsZero() {
		return elective.Errorf(elective.EINVALID, "The problem has no today's date.")
	}
	sessions := map[int64]bool{}
	for _, s := range p.Sessions {
		if err := validateSession(&s, sessions); err != nil {
			return err
		}
		sessions[s.ID] = true
	}
	cases := map[int64]int{}
	for i, c := range p.Cases {
		if err := validateCase(&c, sessions, cases); err != nil {
			return err
		}
		cases[c.ID] = i
	}
	for name, n := range p.Kit {
		if n < 0 {
			return elective.Errorf(elective.EINVALID, "Kit %q has a negative count (%d).", name, n)
		}
	}
	for name, on := range p.MobileKit {
		if _, counted := p.Kit[name]; on && !counted {
			return elective.Errorf(elective.EINVALID, "Mobile kit %q has no count: a mobile item is limited by how many there are.", name)
		}
	}
	return validateBooked(p, cases)
}

func validateSession(s *ListSession, seen map[int64]bool) error {
	switch {
	case s.ID == 0:
		return elective.Errorf(elective.EINVALID, "A session on %s has no ID.", s.Date)
	case seen[s.ID]:
		return elective.Errorf(elective.EINVALID, "Session %d appears twice.", s.ID)
	case s.Date.IsZero():
		return elective.Errorf(elective.EINVALID, "Session %d has no date.", s.ID)
	case s.Minutes <= 0:
		return elective.Errorf(elective.EINVALID, "Session %d has %d minutes: it must be positive.", s.ID, s.Minutes)
	case s.Start < 0:
		return elective.Errorf(elective.EINVALID, "Session %d starts at a negative time (%d).", s.ID, s.Start)
	case s.OtherMinutes < 0 || s.OtherMinutes > s.Minutes:
		return elective.Errorf(elective.EINVALID, "Session %d has %d other minutes booked, outside 0..%d.", s.ID, s.OtherMinutes, s.Minutes)
	}
	return nil
}

func validateCase(c *ListCase, sessions map[int64]bool, seen map[int64]int) error {
	_, dup := seen[c.ID]
	code := elective.SurgicalPriority(c.PriorityCode)
	switch {
	case c.ID == 0:
		return elective.Errorf(elective.EINVALID, "A case has no ID.")
	case dup:
		return elective.Errorf(elective.EINVALID, "Case %d appears twice.", c.ID)
	case c.Minutes <= 0:
		return elective.Errorf(elective.EINVALID, "Case %d has %d minutes: it must be positive.", c.ID, c.Minutes)
	case c.LengthOfStayDays < 0:
		return elective.Errorf(elective.EINVALID, "Case %d has a negative length of stay (%d).", c.ID, c.LengthOfStayDays)
	case c.PriorityCode != "" && !code.Valid():
		return elective.Errorf(elective.EINVALID, "Case %d has priority %q: only P1a, P1b, P2, P3 and P4 can be scheduled.", c.ID, c.PriorityCode)
	case c.CurrentSessionID != 0 && !sessions[c.CurrentSessionID]:
		return elective.Errorf(elective.EINVALID, "Case %d is booked on session %d, which is not in the problem.", c.ID, c.CurrentSessionID)
	}
	return nil
}

// validateBooked checks that the sessions' Booked lists agree with the
// cases' CurrentSessionID.
func validateBooked(p *ListProblem, cases map[int64]int) error {
	on := map[int64]int64{}
	for _, s := range p.Sessions {
		for _, id := range s.Booked {
			i, ok := cases[id]
			switch {
			case !ok:
				return elective.Errorf(elective.EINVALID, "Session %d lists case %d, which is not in the problem.", s.ID, id)
			case on[id] != 0:
				return elective.Errorf(elective.EINVALID, "Case %d is booked on both session %d and session %d.", id, on[id], s.ID)
			case p.Cases[i].CurrentSessionID != 0 && p.Cases[i].CurrentSessionID != s.ID:
				return elective.Errorf(elective.EINVALID, "Session %d lists case %d, whose current session is %d.", s.ID, id, p.Cases[i].CurrentSessionID)
			}
			on[id] = s.ID
		}
	}
	return nil
}
