package web

import (
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// setPreview lays a template edit's preview out for the page: the lists
// that would change, the locked ones apart, and those keeping their own
// details.
func (p *TheatreTemplateEditPage) setPreview(pv *elective.TheatreTemplateEditPreview) {
	p.Preview, p.Rows, p.Locked, p.Kept, p.Broken = pv, nil, nil, nil, 0
	if pv == nil {
		return
	}
	agreed := map[int64]bool{}
	for _, id := range p.Form.TakeOff {
		agreed[id] = true
	}
	for _, se := range pv.Sessions {
		row := editRow(se, agreed)
		switch {
		case len(se.Changed) == 0:
			p.Kept = append(p.Kept, row)
		case se.Locked:
			p.Locked = append(p.Locked, row)
		default:
			p.Rows = append(p.Rows, row)
			p.Broken += len(row.Broken)
		}
	}
}

// LockedBroken is how many cases on the locked lists would no longer fit.
func (p *TheatreTemplateEditPage) LockedBroken() int {
	n := 0
	for _, r := range p.Locked {
		n += len(r.Broken)
	}
	return n
}

// LockedText is "1 locked list" or "3 locked lists".
func (p *TheatreTemplateEditPage) LockedText() string { return lockedLists(len(p.Locked)) }

// MadeText says which lists before the apply-from date saving makes first.
func (p *TheatreTemplateEditPage) MadeText() string {
	if p.Preview == nil || p.Preview.Made == 0 {
		return ""
	}
	from := p.Preview.ApplyFrom.Format("2 Jan 2006")
	if p.Preview.Made == 1 {
		return "The list before " + from + " not made yet is made first with the current details, so the change does not reach it."
	}
	return "The " + strconv.Itoa(p.Preview.Made) + " lists before " + from +
		" not made yet are made first with the current details, so the change does not reach them."
}

// ChangesText names what the edit changes, for the preview's heading.
func (p *TheatreTemplateEditPage) ChangesText() string {
	if p.Preview == nil {
		return ""
	}
	return strings.Join(p.Preview.Changes, ", ")
}

func editRow(se *elective.TemplateSessionEdit, agreed map[int64]bool) TemplateEditRow {
	s, e := se.Session, se.Edited
	row := TemplateEditRow{SessionID: s.ID, Date: s.Date, Clash: se.Clash, Kept: strings.Join(se.Kept, ", "),
		When: s.Period.Label() + " " + hhmm(s.StartMinute) + ", " + strconv.Itoa(s.Minutes) + " min"}
	for _, c := range se.Changed {
		row.Changes = append(row.Changes, c+": "+detail(c, s)+" → "+detail(c, e))
	}
	for _, b := range se.Broken {
		br := BrokenCaseRow{CaseID: b.Case.ID, EntryID: b.Case.EntryID, Why: b.Why, Checked: agreed[b.Case.ID], Date: s.Date,
			Locked: se.Locked}
		if en := b.Case.Entry; en != nil {
			br.Procedure, br.Patient = procedureLabel(en), en.PatientName
		}
		row.Broken = append(row.Broken, br)
	}
	return row
}

// detail is one detail of a list, named as TemplateChanges names it, in
// words for staff.
func detail(name string, s *elective.TheatreSession) string {
	switch name {
	case "theatre":
		return s.TheatreName
	case "specialty":
		return s.SpecialtyName
	case "owner surgeon":
		return orNone(s.SurgeonName)
	case "anaesthetist":
		return orNone(s.Anaesthetist)
	case "part of the day":
		return s.Period.Label()
	case "start time":
		return hhmm(s.StartMinute)
	case "minutes":
		return strconv.Itoa(s.Minutes)
	case "list type":
		return string(s.ListType)
	case "kit":
		return orNone(strings.Join(s.Kit, ", "))
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// procedureLabel is "Knee arthroscopy (W852)".
func procedureLabel(e *elective.AdmittedListEntry) string {
	if e.ProcedureCode == "" {
		return e.ProcedureName
	}
	return e.ProcedureName + " (" + e.ProcedureCode + ")"
}
