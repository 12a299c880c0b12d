package workforce

import "github.com/openelective/elective"

// SessionRecord is a clinic session or theatre list made from a template,
// as the reconciliation needs it.
type SessionRecord struct {
	ClinicTemplateID  int64 // set for a clinic session
	TheatreTemplateID int64 // set for a theatre list
	Date              elective.Date
	Cancelled         bool // a cancelled clinic or a released list
}

// Holiday reports whether a date is a bank holiday; nil means none.
type Holiday func(elective.Date) bool

func (h Holiday) is(d elective.Date) bool { return h != nil && h(d) }

// Reconcile sets, for each clinical PA linked to a template, the sessions
// the job plan promises from..to (its weekday each week, bank holidays
// skipped) against the sessions the template made: those that ran (on or
// before today, not cancelled), were cancelled, are still to come, and
// the planned dates with no session at all. Clinical PAs linked to no
// template are counted as unlinked.
func Reconcile(acts []*elective.ProgrammedActivity, from, to, today elective.Date, sessions []SessionRecord,
	holiday Holiday) (rows []*elective.ReconciliationRow, unlinked int, totals elective.SessionTally) {
	for _, a := range acts {
		if a.Category != elective.PADirectClinicalCare {
			continue
		}
		if a.ClinicTemplateID == 0 && a.TheatreTemplateID == 0 {
			unlinked++
			continue
		}
		row := &elective.ReconciliationRow{Activity: a, Tally: tally(a, from, to, today, sessions, holiday)}
		totals.Add(row.Tally)
		rows = append(rows, row)
	}
	return rows, unlinked, totals
}

func tally(a *elective.ProgrammedActivity, from, to, today elective.Date, sessions []SessionRecord, holiday Holiday) elective.SessionTally {
	var t elective.SessionTally
	for d := from; !d.After(to); d = d.AddDays(1) {
		if d.Weekday() == a.Weekday && !holiday.is(d) {
			t.Planned++
		}
	}
	for _, s := range sessions {
		if !staffs(a, s) || s.Date.Before(from) || s.Date.After(to) {
			continue
		}
		t.Made++
		switch {
		case s.Cancelled:
			t.Cancelled++
		case s.Date.After(today):
			t.Upcoming++
		default:
			t.Ran++
		}
	}
	t.NotMade = max(0, t.Planned-t.Made)
	return t
}

// staffs reports whether the session was made from the PA's template.
func staffs(a *elective.ProgrammedActivity, s SessionRecord) bool {
	return (a.ClinicTemplateID != 0 && s.ClinicTemplateID == a.ClinicTemplateID) ||
		(a.TheatreTemplateID != 0 && s.TheatreTemplateID == a.TheatreTemplateID)
}
