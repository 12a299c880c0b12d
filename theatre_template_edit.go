package elective

import "strings"

// MaxApplyAheadDays is how far ahead an edit of a theatre template may
// start: a year, as far as templates are compared for clashes. The lists
// before the date are made at once with the details they had, so a date
// further on would make a year of lists in one go.
const MaxApplyAheadDays = 365

// TheatreTemplateEdit changes a theatre template in place from ApplyFrom:
// the owner surgeon, anaesthetist, list type, part of the day, times, kit,
// theatre or specialty. The weekday, the repeat and the dates in force are
// not edited: a list on other dates is another template (end this one and
// add it). The change reaches the sessions not yet made and the ones made
// from ApplyFrom that are after today and not locked (rules.md 3.6: a list
// is locked at T-2 weeks), or locked ones too when a booking manager says
// so with a reason. Lists before ApplyFrom keep the details they had.
type TheatreTemplateEdit struct {
	TemplateID   int64
	TheatreID    int64
	SpecialtyID  int64
	SurgeonID    int64 // 0: no owner yet
	Anaesthetist string
	Period       SessionPeriod
	StartMinute  int
	Minutes      int
	ListType     TheatreListType
	Kit          []string
	ApplyFrom    Date

	// TakeOff are the booked cases the staff member agreed to take off
	// their lists (back to the admitted waiting list) because the change
	// leaves them not fitting; any other such case refuses the change.
	TakeOff []int64
	// Reason says why the cases come off their lists; required with
	// TakeOff, audited.
	Reason string
	// IncludeLocked changes the locked lists too: a booking manager's
	// override, with Override as the audited reason.
	IncludeLocked bool
	Override      string
}

// EditOf is the edit that would leave t as it is, from applyFrom: the
// form's starting point.
func EditOf(t *TheatreTemplate, applyFrom Date) TheatreTemplateEdit {
	return TheatreTemplateEdit{TemplateID: t.ID, TheatreID: t.TheatreID, SpecialtyID: t.SpecialtyID, SurgeonID: t.SurgeonID,
		Anaesthetist: t.Anaesthetist, Period: t.Period, StartMinute: t.StartMinute, Minutes: t.Minutes, ListType: t.ListType,
		Kit: append([]string(nil), t.Kit...), ApplyFrom: applyFrom}
}

// Apply returns a copy of t with the edit's details; the names joined for
// display are cleared where the thing they name changes.
func (e *TheatreTemplateEdit) Apply(t *TheatreTemplate) *TheatreTemplate {
	n := *t
	n.TheatreID, n.SpecialtyID, n.SurgeonID, n.Anaesthetist = e.TheatreID, e.SpecialtyID, e.SurgeonID, strings.TrimSpace(e.Anaesthetist)
	n.Period, n.StartMinute, n.Minutes, n.ListType = e.Period, e.StartMinute, e.Minutes, e.ListType
	n.Kit = append([]string(nil), e.Kit...)
	n.Exceptions = append([]TemplateException(nil), t.Exceptions...)
	if n.TheatreID != t.TheatreID {
		n.TheatreName = ""
	}
	if n.SpecialtyID != t.SpecialtyID {
		n.SpecialtyName = ""
	}
	if n.SurgeonID != t.SurgeonID {
		n.SurgeonName = ""
	}
	return &n
}

// Validate checks the edit of t on today, naming each bad field: the
// template's own rules for the new details (TheatreTemplate.Validate), an
// apply-from date from today to MaxApplyAheadDays ahead and not after the
// template ends, and at least one detail changed.
func (e *TheatreTemplateEdit) Validate(t *TheatreTemplate, today Date) error {
	var p Problems
	for _, f := range ErrorFields(e.Apply(t).Validate()) {
		p = append(p, f)
	}
	switch {
	case e.ApplyFrom.IsZero():
		p.Add("apply_from", "Enter the date the change applies from")
	case e.ApplyFrom.Before(today):
		p.Add("apply_from", "The change cannot apply from a date in the past")
	case e.ApplyFrom.After(today.AddDays(MaxApplyAheadDays)):
		p.Add("apply_from", "Choose a date within a year: by %s", today.AddDays(MaxApplyAheadDays).Format("2 Jan 2006"))
	case !t.EffectiveTo.IsZero() && e.ApplyFrom.After(t.EffectiveTo):
		p.Add("apply_from", "The template ends on %s: choose a date up to then", t.EffectiveTo.Format("2 Jan 2006"))
	}
	if err := p.Err("The template was not changed: check the fields marked"); err != nil {
		return err
	}
	if len(TemplateChanges(t, e.Apply(t))) == 0 {
		return Errorf(EINVALID, "Nothing would change: change at least one detail of the list")
	}
	return nil
}

// TemplateChanges names, for staff, the details of a template that differ
// between from and to, in form order.
func TemplateChanges(from, to *TheatreTemplate) []string {
	var out []string
	add := func(differ bool, name string) {
		if differ {
			out = append(out, name)
		}
	}
	add(from.TheatreID != to.TheatreID, "theatre")
	add(from.SpecialtyID != to.SpecialtyID, "specialty")
	add(from.SurgeonID != to.SurgeonID, "owner surgeon")
	add(from.Anaesthetist != to.Anaesthetist, "anaesthetist")
	add(from.Period != to.Period, "part of the day")
	add(from.StartMinute != to.StartMinute, "start time")
	add(from.Minutes != to.Minutes, "minutes")
	add(from.ListType != to.ListType, "list type")
	add(!SameKit(from.Kit, to.Kit), "kit")
	return out
}

// SameKit reports whether two lists of equipment hold the same items,
// whatever their order, case or surrounding spaces.
func SameKit(a, b []string) bool {
	set := func(kit []string) map[string]bool {
		m := map[string]bool{}
		for _, k := range kit {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				m[k] = true
			}
		}
		return m
	}
	sa, sb := set(a), set(b)
	if len(sa) != len(sb) {
		return false
	}
	for k := range sa {
		if !sb[k] {
			return false
		}
	}
	return true
}

// TheatreTemplateEditPreview is what an edit would do, before it is saved:
// the lists it would change, each with the booked cases that would no
// longer fit, the locked lists it would leave alone unless a manager
// includes them, and the lists before the apply-from date it would make
// first so that they keep the old details.
type TheatreTemplateEditPreview struct {
	Template  *TheatreTemplate // as it is
	Edited    *TheatreTemplate // as it would be, names joined
	ApplyFrom Date
	Changes   []string // the details that change (TemplateChanges)
	// Sessions are the lists made from the template, after today and from
	// ApplyFrom, not released, by date: every one the edit reaches.
	Sessions []*TemplateSessionEdit
	// Made is how many lists before ApplyFrom are not made yet: saving
	// makes them first, with the details they had.
	Made int
}

// TemplateSessionEdit is what a template edit does to one of its lists.
type TemplateSessionEdit struct {
	Session *TheatreSession // as it is, with its cases
	Edited  *TheatreSession // as it would be
	Changed []string        // details that change
	// Kept are details set on the list itself (a different surgeon
	// confirmed for the day): the edit leaves them as they are.
	Kept []string
	// Locked: locked, or inside the lock window (rules.md 3.6); changed
	// only when a booking manager includes the locked lists.
	Locked bool
	Broken []BrokenCase // booked cases that would no longer fit
	// Clash says why the list cannot take the new theatre or times: the
	// theatre is in use then.
	Clash string
}

// BrokenCase is a booked case a change of its list leaves not fitting.
type BrokenCase struct {
	Case *TheatreCase
	Why  string
}

// Applied are the lists an edit changes: those with a change, unlocked,
// or locked too when includeLocked.
func (p *TheatreTemplateEditPreview) Applied(includeLocked bool) []*TemplateSessionEdit {
	var out []*TemplateSessionEdit
	for _, s := range p.Sessions {
		if len(s.Changed) > 0 && (!s.Locked || includeLocked) {
			out = append(out, s)
		}
	}
	return out
}

// LockedCount is how many lists with a change are locked.
func (p *TheatreTemplateEditPreview) LockedCount() int {
	n := 0
	for _, s := range p.Sessions {
		if s.Locked && len(s.Changed) > 0 {
			n++
		}
	}
	return n
}

// BrokenCount is how many booked cases the edit would leave not fitting,
// locked lists included when includeLocked.
func (p *TheatreTemplateEditPreview) BrokenCount(includeLocked bool) int {
	n := 0
	for _, s := range p.Applied(includeLocked) {
		n += len(s.Broken)
	}
	return n
}

// TheatreTemplateEdited is what saving an edit did.
type TheatreTemplateEdited struct {
	Changed    int // lists changed
	LockedLeft int // locked lists left as they were
	TakenOff   int // cases taken off their lists, back to waiting
	Made       int // lists before the apply-from date made with the old details
}
