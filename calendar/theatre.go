package calendar

import "github.com/openelective/elective"

// TheatreScheduleOf is a theatre template's calendar: its weekday every
// Every weeks from the first such day on or after its effective date (so
// a fortnightly list's effective date says which fortnight), bank holidays
// skipped, as theatres run no elective lists on them (rules.md 3.6), and
// its closures and extra lists. The store makes sessions by it and the
// demo hospital builds its lists by it, so that making them again finds
// every date already made.
func TheatreScheduleOf(t *elective.TheatreTemplate) Schedule {
	first := t.EffectiveFrom.AddDays((int(t.Weekday) - int(t.EffectiveFrom.Weekday()) + 7) % 7)
	return Schedule{Recurrence: Recurrence{Weekday: t.Weekday, Every: t.Every, Anchor: first},
		EffectiveFrom: t.EffectiveFrom, EffectiveTo: t.EffectiveTo, SkipBankHolidays: true, Exceptions: Exceptions(t.Exceptions)}
}
