// Package rota holds the resident-doctor safety rules of the 2016 contract
// with its 2019 amendments (rules.md 4.3) and the rota builder.
//
// # Checking
//
// Check takes any set of duties (instants, UTC) and lists every broken
// limit, each with a stable rule code (RuleSevenDay, …), the local date
// where it shows and a message for staff. Each rule is a small function
// over a person's duties sorted by start; the readings where the contract
// leaves room are written on the functions:
//
//   - hours in 7 days are counted over every rolling 168 hours, by instants,
//     so a clock change counts as the hours really worked;
//   - a run (consecutive shifts, long shifts, nights, long late evenings) is
//     shifts of its kind starting on the same or the next local day, with no
//     other shift between; the rest after a run is owed once the run reaches
//     its maximum (for nights: any run under the 2019 terms, 3 or more under
//     the 2016 terms) and runs from the end of its last shift to the start of
//     the next shift of any kind;
//   - a weekend is any work between 00:00 Saturday and 24:00 Sunday local,
//     and two worked weekends fewer than WeekendFrequency weeks apart break
//     the frequency rule (the rolling reading, not an average);
//   - the 48-hour average is over the period checked;
//   - breaks within a shift are planned on its shift type (Duty.Breaks, in
//     30-minute breaks) and checked duty by duty against the duty's real
//     length: over 5 h one, over 9 h two, from 12 h three (the 2019
//     amendment; two under the 2016 terms). The thresholds are fields of
//     Limits, since rules.md marks the 2016 ones UNCONFIRMED (RuleBreaks).
//
// # Non-resident on call
//
// A duty may be non-resident on call (Duty.NonResident, TS-148): the
// doctor at home, available by phone, for up to 24 hours. It is exempt
// from the 13-hour maximum, the contract's longest shift and the breaks
// rule, and is not a night, long or late-evening shift; it is a duty for
// the 11-hour rest, consecutive-shift and weekend rules. The hours rules
// (72 in 7 days, the 48-hour average) and the fair share of hours count
// its expected work (Duty.WorkMinutes), spread evenly over its span, not
// the span. The rest actually had is judged from the work recorded on the
// duty by OnCallRest: per 24 hours on call, 8 hours' rest, at least 5 of
// them continuous between 22:00 and 07:00 local (the readings for clock
// changes, nights across midnight and shorter calls are on the function).
// When it is not met, NextDuty finds the doctor's next duty starting
// within 24 hours of the call ending, for review; nothing is changed.
//
// # Building
//
// Build fills a Problem's cover (shifts per date, with grades and skills)
// from its staff by local search on schedule.Search. The safety limits,
// leave, grades, skills, one shift a day, each person's longest shift and
// a shift's planned breaks are hard: a shift that cannot be filled safely
// is left as a Gap, never filled unsafely. Cover is a heavily weighted
// goal; fairness (nights, weekends, unpopular shifts and hours spread pro
// rata to FTE) and days people asked to have off are soft. Summarise
// prices any rota the same way, built, hand-edited or imported, and
// Eligible lists who could take a gap and why the others cannot.
//
// Cover is laid out as positions: a Cover of Min people on a shift and
// date is Min positions, the first of which needs the Cover's skill if it
// names one. Every move (give an empty position to someone, move or swap
// shifts between people, move a block of nights, swap whole weekends,
// kick someone off a shift so that they can take a gap) is priced by its
// delta and checked only for the people it changes, near the days it
// changes: the rest, 7-day and run rules within reach of the change, the
// weekend rule from counts of weekends worked, the average from running
// totals. A test walks the search and checks every state with the full
// Check.
//
// Build runs in two phases on the same options: three tenths of the
// iterations (or of the time to Options.Deadline) fill cover with fairness
// left out, so that moves which keep the number of gaps cost nothing and a
// last gap can wander to where someone can fill it; the rest share the
// work out fairly without losing cover. Options.Progress reports both,
// with the gaps and the unfairness of the best rota so far; a build whose
// ctx is done (a coordinator's Stop) returns that rota at once.
//
// The package is pure: no I/O, no clock. Dates are elective.Date; the time
// zone (Europe/London) is passed in.
package rota
