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
	}
	for _, e := range t.Exceptions {
		kind := Closed
		if e.Extra {
			kind = Extra
		}
		s.Exceptions = append(s.Exceptions, Exception{Date: e.Date, Kind: kind, Reason: e.Reason})
	}
	return s
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
