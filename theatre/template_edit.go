package theatre

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// EditSession is what changing a template (from, as it was; to, as it
// will be) does to one of the lists it made, s: the list as it would be,
// the details that change and the details kept. A detail changes only
// where the list still has the template's old value; where it differs, it was set on the list itself
// (another surgeon confirmed for the day) and the list keeps it. A new
// surgeon or anaesthetist has not confirmed yet: the list's confirmation
// is cleared, so 6-4-2 asks for it again (rules.md 3.6, T-6 weeks). The
// list's status, date and cases are not touched.
func EditSession(from, to *elective.TheatreTemplate, s *elective.TheatreSession) (*elective.TheatreSession, []string, []string) {
	e := *s
	e.Kit = append([]string(nil), s.Kit...)
	var changed, kept []string
	apply := func(name string, templateChanges, listHasOld bool, set func()) {
		switch {
		case !templateChanges:
		case listHasOld:
			set()
			changed = append(changed, name)
		default:
			kept = append(kept, name)
		}
	}
	apply("theatre", from.TheatreID != to.TheatreID, s.TheatreID == from.TheatreID,
		func() { e.TheatreID, e.TheatreName = to.TheatreID, to.TheatreName })
	apply("specialty", from.SpecialtyID != to.SpecialtyID, s.SpecialtyID == from.SpecialtyID,
		func() { e.SpecialtyID, e.SpecialtyName = to.SpecialtyID, to.SpecialtyName })
	apply("owner surgeon", from.SurgeonID != to.SurgeonID, s.SurgeonID == from.SurgeonID,
		func() { e.SurgeonID, e.SurgeonName, e.SurgeonConfirmed = to.SurgeonID, to.SurgeonName, false })
	apply("anaesthetist", from.Anaesthetist != to.Anaesthetist, s.Anaesthetist == from.Anaesthetist,
		func() { e.Anaesthetist, e.AnaesthetistConfirmed = to.Anaesthetist, false })
	apply("part of the day", from.Period != to.Period, s.Period == from.Period, func() { e.Period = to.Period })
	apply("start time", from.StartMinute != to.StartMinute, s.StartMinute == from.StartMinute, func() { e.StartMinute = to.StartMinute })
	apply("minutes", from.Minutes != to.Minutes, s.Minutes == from.Minutes, func() { e.Minutes = to.Minutes })
	apply("list type", from.ListType != to.ListType, s.ListType == from.ListType, func() { e.ListType = to.ListType })
	apply("kit", !elective.SameKit(from.Kit, to.Kit), elective.SameKit(s.Kit, from.Kit),
		func() { e.Kit = append([]string(nil), to.Kit...) })
	if e.SurgeonID == 0 {
		e.SurgeonConfirmed = false
	}
	return &e, changed, kept
}

// BrokenCases are the booked cases of list s (as it would be after a
// change) that would no longer fit it, in list order, each with why: the
// rules CheckCase books by, for a case already on the list (rules.md 3.6):
// another surgeon's patient (or another specialty's), the wrong list type
// (FitsListType), fixed kit the list would not have (mobile kit in res
// goes to any list), and the cases that would run past the list's end. Cases are counted in list order and a case
// already broken leaves its minutes free, so the cases that no longer fit
// the time are the last ones.
func BrokenCases(s *elective.TheatreSession, res *elective.TheatreResources) []elective.BrokenCase {
	var out []elective.BrokenCase
	used := 0
	for _, c := range s.Cases {
		if c == nil || c.Status != elective.CaseBooked {
			continue
		}
		why := caseProblem(s, c, res)
		if why == "" && used+c.Minutes > s.Minutes {
			why = fmt.Sprintf("The list would have %d minutes: the case would end %d minutes after it (%d of %d minutes)",
				s.Minutes, used+c.Minutes-s.Minutes, used+c.Minutes, s.Minutes)
		}
		if why != "" {
			out = append(out, elective.BrokenCase{Case: c, Why: why})
			continue
		}
		used += c.Minutes
	}
	return out
}

// caseProblem is why a booked case no longer fits list s, other than time.
func caseProblem(s *elective.TheatreSession, c *elective.TheatreCase, res *elective.TheatreResources) string {
	e := c.Entry
	if e == nil {
		return ""
	}
	for _, check := range []func() string{
		func() string { return checkOwner(s, e) },
		func() string { return FitsListType(s.ListType, e) },
		func() string { return checkKit(s, e, res) },
	} {
		if msg := check(); msg != "" {
			return msg
		}
	}
	return ""
}

// PlanTemplateEdit is what changing a template (from, as it was; to, as
// it will be) from applyFrom does to the lists already made from it
// (sessions, with their cases): each list after today and from applyFrom
// that is not released, by date, with its changes (EditSession), whether
// it is locked (NeedsOverride: locked, or inside the lock window of m,
// rules.md 3.6) and the booked cases that would no longer fit
// (BrokenCases, with the mobile kit of res). Lists on or before today are
// under way and are never changed by a template.
func PlanTemplateEdit(from, to *elective.TheatreTemplate, sessions []*elective.TheatreSession, applyFrom, today elective.Date,
	m Milestones, res *elective.TheatreResources) []*elective.TemplateSessionEdit {
	var out []*elective.TemplateSessionEdit
	for _, s := range sessions {
		if s.Status == elective.SessionReleased || !s.Date.After(today) || s.Date.Before(applyFrom) {
			continue
		}
		edited, changed, kept := EditSession(from, to, s)
		se := &elective.TemplateSessionEdit{Session: s, Edited: edited, Changed: changed, Kept: kept,
			Locked: NeedsOverride(s, today, m)}
		if len(changed) > 0 {
			edited.Cases = s.Cases
			se.Broken = BrokenCases(edited, res)
		}
		out = append(out, se)
	}
	return out
}

// MovesList reports whether a session edit changes where or when the list
// runs (theatre, part of the day, start or minutes): the theatre must then
// be free at the new time.
func MovesList(se *elective.TemplateSessionEdit) bool {
	for _, c := range se.Changed {
		switch c {
		case "theatre", "part of the day", "start time", "minutes":
			return true
		}
	}
	return false
}

// UnconfirmedBroken are the broken cases on the lists an edit changes
// (locked ones when includeLocked) that are not among takeOff: the cases
// staff have not agreed to take off.
func UnconfirmedBroken(p *elective.TheatreTemplateEditPreview, includeLocked bool, takeOff []int64) []string {
	agreed := map[int64]bool{}
	for _, id := range takeOff {
		agreed[id] = true
	}
	var out []string
	for _, se := range p.Applied(includeLocked) {
		for _, b := range se.Broken {
			if !agreed[b.Case.ID] {
				out = append(out, CaseLabel(b.Case)+" on "+staffDate(se.Session.Date)+": "+b.Why)
			}
		}
	}
	return out
}

// CaseLabel names a booked case by its procedure, never its patient:
// refusals name it and may reach the logs.
func CaseLabel(c *elective.TheatreCase) string {
	if c.Entry == nil {
		return "The case at position " + strconv.Itoa(c.Position)
	}
	return procedure(c.Entry)
}

// CheckTemplateEdit refuses, with nothing changed, an edit whose lists
// cannot take it: a list whose theatre would be in use at the new time
// (ECONFLICT naming the dates), or a booked case that would no longer fit
// and that staff have not agreed to take off (ECONFLICT naming each case
// by its procedure and the list's date).
func CheckTemplateEdit(p *elective.TheatreTemplateEditPreview, includeLocked bool, takeOff []int64) error {
	var clashes []string
	for _, se := range p.Applied(includeLocked) {
		if se.Clash != "" {
			clashes = append(clashes, staffDate(se.Session.Date))
		}
	}
	if len(clashes) > 0 {
		return elective.Errorf(elective.ECONFLICT, "The theatre is already in use at the new time on %s: choose other times or another theatre",
			strings.Join(clashes, ", "))
	}
	if bad := UnconfirmedBroken(p, includeLocked, takeOff); len(bad) > 0 {
		return elective.Errorf(elective.ECONFLICT, "The change would leave booked cases that no longer fit: %s. Agree to take them off their lists, or change the edit",
			strings.Join(bad, "; "))
	}
	return nil
}
