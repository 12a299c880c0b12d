package calendar

import "github.com/openelective/elective"

// ScheduleOf is a clinic template's schedule: its recurrence from the first
// session on or after its effective date, bank holidays skipped unless it
// runs on them, and its closures and extra sessions.
func ScheduleOf(t *elective.ClinicTemplate) Schedule {
	first := t.EffectiveFrom.AddDays((int(t.Weekday) - int(t.EffectiveFrom.Weekday()) + 7) % 7)
	s := Schedule{
		Recurrence:       Recurrence{Weekday: t.Weekday, Every: t.Every, WeeksOfMonth: t.WeeksOfMonth, Anchor: first},
		EffectiveFrom:    t.EffectiveFrom,
		EffectiveTo:      t.EffectiveTo,
		SkipBankHolidays: !t.OpenOnBankHolidays,
		Exceptions:       Exceptions(t.Exceptions),
	}
	return s
}

// Exceptions turns a template's one-off changes (clinic or theatre) into
// the schedule's closures and extra sessions.
func Exceptions(es []elective.TemplateException) []Exception {
	var out []Exception
	for _, e := range es {
		kind := Closed
		if e.Extra {
			kind = Extra
		}
		out = append(out, Exception{Date: e.Date, Kind: kind, Reason: e.Reason})
	}
	return out
}

// TemplateDates returns the dates in [from, to] on which the template holds
// a session.
func TemplateDates(t *elective.ClinicTemplate, from, to elective.Date) []elective.Date {
	occ := ScheduleOf(t).Sessions(from, to)
	dates := make([]elective.Date, len(occ))
	for i, o := range occ {
		dates[i] = o.Date
	}
	return dates
}

// Clash is another template whose sessions overlap a template's.
type Clash struct {
	Other *elective.ClinicTemplate
	First elective.Date // the first date both hold a session at overlapping times
	Why   string        // "the same clinician" or "the same room"
}

// Clashes finds the templates whose sessions would overlap t's in the
// year from from: the same clinician, or the same room at the same site,
// on a date both hold a session, at times that overlap. A clinician cannot
// run two clinics at once, nor can two clinics share a room.
func Clashes(t *elective.ClinicTemplate, others []*elective.ClinicTemplate, from elective.Date) []Clash {
	var out []Clash
	for _, o := range others {
		if o.ID == t.ID || !timesOverlap(t, o) {
			continue
		}
		why := ""
		switch {
		case o.ClinicianID == t.ClinicianID:
			why = "the same clinician"
		case t.Room != "" && o.SiteID == t.SiteID && o.Room == t.Room:
			why = "the same room"
		default:
			continue
		}
		if dates := Overlaps(ScheduleOf(t), ScheduleOf(o), from, from.AddDays(365)); len(dates) > 0 {
			out = append(out, Clash{Other: o, First: dates[0], Why: why})
		}
	}
	return out
}

func timesOverlap(a, b *elective.ClinicTemplate) bool {
	return a.StartMinute < b.StartMinute+b.Minutes() && b.StartMinute < a.StartMinute+a.Minutes()
}
