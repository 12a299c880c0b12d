package schedule

import (
	"fmt"
	"slices"
	"strings"

	"github.com/openelective/elective"
)

// leftOut explains why case c has no session.
func (s *listState) leftOut(c int32) LeftOut {
	m := s.m
	pc, ci := &m.p.Cases[c], &m.cases[c]
	lo := LeftOut{CaseID: pc.ID, PMiss: ci.due != noDay && ci.due <= m.horizon, Breach: ci.breach != noDay && ci.breach <= m.horizon}
	longest := 0
	for _, se := range m.sess {
		longest = max(longest, se.cap)
	}
	var why string
	switch {
	case len(m.sess) > 0 && pc.Minutes > longest:
		why = fmt.Sprintf("longer than any session (%d min > %d min)", pc.Minutes, longest)
	case len(ci.elig) == 0:
		why = m.staticWhy(c)
	default:
		why = s.dynamicWhy(c)
	}
	lo.Reason = "Left out: " + m.priorityPhrase(c) + ": " + why
	return lo
}

// caseSurgeon names the surgeon a case waits for.
func (m *model) caseSurgeon(c int32) string {
	id := m.p.Cases[c].SurgeonID
	if id == 0 {
		return "any surgeon"
	}
	for si, ps := range m.p.Sessions {
		if ps.SurgeonID == id {
			return m.surgeon(int32(si))
		}
	}
	return fmt.Sprintf("surgeon %d", id)
}

// staticWhy explains a case that no session can ever take, from the
// static limits that failed on the sessions of its surgeon.
func (m *model) staticWhy(c int32) string {
	counts := map[fit]int{}
	var lockedOwn bool
	for si := range m.sess {
		f := m.staticReason(int(c), si)
		counts[f]++
		ps := &m.p.Sessions[si]
		lockedOwn = lockedOwn || (f == fitLocked && (m.p.Cases[c].SurgeonID == 0 || ps.SurgeonID == m.p.Cases[c].SurgeonID))
	}
	var parts []string
	for f := fitListType; f <= fitPOA; f++ {
		if n := counts[f]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s (%d %s)", m.fitPhrase(c, f), n, plural(n, "session")))
		}
	}
	switch {
	case len(parts) > 0:
		return "no session of " + m.caseSurgeon(c) + " it may go on: " + strings.Join(parts, "; ")
	case lockedOwn:
		return "every session of " + m.caseSurgeon(c) + " is locked or already past"
	}
	return "no session of " + m.caseSurgeon(c) + " in the lists"
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// fitPhrase says in words why the static limit f keeps case c off.
func (m *model) fitPhrase(c int32, f fit) string {
	pc := &m.p.Cases[c]
	switch f {
	case fitListType:
		return "needs a " + pc.ListType + " list"
	case fitKit:
		what := "needs kit "
		if len(m.p.MobileKit) > 0 { // the trust has mobile kit: say this is not
			what = "needs fixed kit "
		}
		return what + strings.Join(m.fixedKit(pc.Kit), ", ") + " not on the list"
	case fitTooLong:
		return fmt.Sprintf("longer than the session (%d min)", pc.Minutes)
	case fitUnavailable:
		return "patient unavailable " + ranges(pc.Unavailable)
	case fitPOA:
		return m.poaPhrase(pc)
	}
	return ""
}

// fixedKit are the items of kit that are not mobile: a session must have
// them.
func (m *model) fixedKit(kit []string) []string {
	var out []string
	for _, k := range kit {
		if !m.p.MobileKit[k] {
			out = append(out, k)
		}
	}
	return out
}

func ranges(rs []DateRange) string {
	var out []string
	for _, r := range rs {
		if r.To.IsZero() || r.To == r.From {
			out = append(out, "on "+r.From.Format("2 Jan"))
		} else {
			out = append(out, r.From.Format("2 Jan")+" until "+r.To.Format("2 Jan"))
		}
	}
	return strings.Join(out, ", ")
}

func (m *model) poaPhrase(pc *ListCase) string {
	what := "no valid pre-operative assessment (POA)"
	if !pc.POAValidUntil.IsZero() {
		what = "POA expired " + pc.POAValidUntil.Format("2 Jan")
	}
	if m.p.POA.RequireValid {
		return what + " (a valid POA is required)"
	}
	lead := m.p.POA.LeadDays
	if lead <= 0 {
		lead = DefaultPOALeadDays
	}
	return fmt.Sprintf("%s and the list is under %d days away, too soon to book one", what, lead)
}

// dynamicWhy explains a case that some session could take alone but none
// can with the cases now on the lists.
func (s *listState) dynamicWhy(c int32) string {
	ci := &s.m.cases[c]
	mostFree, full := 0, 0
	var beds []elective.Date
	var kits []string
	for _, si := range ci.elig {
		mostFree = max(mostFree, s.m.sess[si].cap-s.used[si])
		minutes, bed, kit := s.whyNot(c, si)
		switch {
		case minutes:
			full++
		case !bed.IsZero():
			if !slices.Contains(beds, bed) {
				beds = append(beds, bed)
			}
		case kit != "":
			if !slices.Contains(kits, kit) {
				kits = append(kits, kit)
			}
		default:
			return "a session had room, but placing it would not lower the proposal's cost"
		}
	}
	var parts []string
	if full > 0 {
		parts = append(parts, fmt.Sprintf("no session of %s has %d min free (most free: %d min%s)",
			s.m.caseSurgeon(c), ci.minutes, mostFree, s.m.dueNote(c)))
	}
	if len(beds) > 0 {
		slices.SortFunc(beds, elective.Date.Compare)
		parts = append(parts, "beds short on "+dates(beds))
	}
	parts = append(parts, s.m.kitInUse(kits)...)
	return strings.Join(parts, "; ")
}

// kitInUse says which counted kit is taken: fixed kit "in use in another
// theatre", mobile kit with how many the trust has, since any theatre may
// have taken them.
func (m *model) kitInUse(kits []string) []string {
	var fixed, parts []string
	for _, k := range kits {
		if m.p.MobileKit[k] {
			parts = append(parts, fmt.Sprintf("mobile kit %s: all %d in use in other theatres at the same time", k, m.p.Kit[k]))
		} else {
			fixed = append(fixed, k)
		}
	}
	if len(fixed) > 0 {
		parts = append([]string{"kit " + strings.Join(fixed, ", ") + " in use in another theatre at the same time"}, parts...)
	}
	return parts
}

// dueNote reminds staff of a due date that falls in the lists' horizon.
func (m *model) dueNote(c int32) string {
	if ci := &m.cases[c]; ci.due != noDay && ci.due <= m.horizon {
		return "; due " + m.date(ci.due).Format("2 Jan")
	}
	return ""
}

func dates(ds []elective.Date) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Format("2 Jan")
	}
	return strings.Join(out, ", ")
}

// whyNot says which dynamic limit stops case c going on session si now:
// minutes, the first day beds run short, or the first kit item over its
// count. All empty means it fits.
func (s *listState) whyNot(c, si int32) (minutes bool, bed elective.Date, kit string) {
	ci, se := &s.m.cases[c], &s.m.sess[si]
	if s.used[si]+ci.minutes > se.cap {
		return true, bed, ""
	}
	s.add(c, si)
	defer s.remove(c)
	for d := se.day; d < se.day+ci.los; d++ {
		if b := s.m.bedCap[d]; b >= 0 && s.occ[d] > b {
			return false, s.m.date(d), ""
		}
	}
	for _, k := range ci.kits {
		if !s.kitFits(si, k) {
			return false, bed, s.m.kitNames[k]
		}
	}
	return false, bed, ""
}
