package calendar

import (
	"slices"

	"github.com/openelective/elective"
)

// ExceptionKind says what a one-off exception does to a schedule.
type ExceptionKind int

// Exception kinds. The zero kind is invalid, so that an exception whose
// kind was never set cannot silently close a clinic.
const (
	Closed ExceptionKind = iota + 1 // no session on a date the pattern holds
	Extra                           // a session on a date the pattern does not hold
)

// String names the kind for staff.
func (k ExceptionKind) String() string {
	switch k {
	case Closed:
		return "Closed"
	case Extra:
		return "Extra session"
	}
	return "Unknown"
}

// Exception is a one-off change to a schedule: a closure (study leave, a
// refurbished room) or an extra session (a waiting-list initiative).
type Exception struct {
	Date   elective.Date
	Kind   ExceptionKind
	Reason string // shown to staff beside the date
}

// Schedule is a clinic template's calendar: its pattern, the dates it is in
// force, whether bank holidays close it, and its one-off exceptions.
//
// The embedded Recurrence's Occurs and Dates describe the bare pattern;
// Sessions and Holds describe what is actually held.
type Schedule struct {
	Recurrence
	// EffectiveFrom and EffectiveTo bound the schedule, inclusive; a zero
	// EffectiveTo leaves it open. Nothing, not even an extra session, is
	// held outside them, so that ending a template ends all its sessions.
	EffectiveFrom, EffectiveTo elective.Date
	SkipBankHolidays           bool
	Exceptions                 []Exception
}

// Occurrence is one session date. Extra marks a session held only because
// of an Extra exception, with that exception's Reason.
type Occurrence struct {
	Date   elective.Date
	Extra  bool
	Reason string
}

// Skip is a date the pattern would have held but did not, and why, so that
// staff can see why a week has no clinic.
type Skip struct {
	Date   elective.Date
	Reason string
}

// Validate checks the pattern, the effective dates and the exceptions.
func (s Schedule) Validate() error {
	var probs elective.Problems
	s.Recurrence.addProblems(&probs)
	switch {
	case s.EffectiveFrom.IsZero():
		probs.Add("effective_from", "Enter the date the schedule starts")
	case !s.EffectiveTo.IsZero() && s.EffectiveTo.Before(s.EffectiveFrom):
		probs.Add("effective_to", "The schedule cannot end before it starts")
	}
	s.addExceptionProblems(&probs)
	return probs.Err("The clinic schedule is not valid. Correct the problems below.")
}

// addExceptionProblems allows one exception per date: a date both closed
// and extra, or closed twice for different reasons, is ambiguous.
func (s Schedule) addExceptionProblems(probs *elective.Problems) {
	for i, ex := range s.Exceptions {
		switch {
		case ex.Date.IsZero():
			probs.Add("exceptions", "Exception %d has no date", i+1)
		case ex.Kind != Closed && ex.Kind != Extra:
			probs.Add("exceptions", "Say whether %s is closed or an extra session", ex.Date.Format(dayLayout))
		case slices.ContainsFunc(s.Exceptions[:i], func(e Exception) bool { return e.Date == ex.Date }):
			probs.Add("exceptions", "%s has more than one exception", ex.Date.Format(dayLayout))
		}
	}
}

// dayLayout is how a date is written in a message.
const dayLayout = "Mon 2 Jan 2006"

// Sessions lists the dates the schedule holds in [from, to], in order: the
// pattern's dates within the effective dates, less bank holidays (if
// SkipBankHolidays) and Closed exceptions, plus Extra exceptions. An
// invalid schedule holds none.
func (s Schedule) Sessions(from, to elective.Date) []Occurrence {
	lo, hi, ok := s.window(from, to)
	if !ok {
		return nil
	}
	var out []Occurrence
	for _, d := range s.Recurrence.Dates(lo, hi) {
		if _, closed := s.closure(d); !closed {
			out = append(out, Occurrence{Date: d})
		}
	}
	for _, ex := range s.Exceptions {
		if ex.Kind == Extra && inRange(ex.Date, lo, hi) {
			out = addExtra(out, ex)
		}
	}
	slices.SortFunc(out, func(a, b Occurrence) int { return a.Date.Compare(b.Date) })
	return out
}

// addExtra adds an Extra exception's session unless the regular session is
// already held that day: an extra on a bank holiday brings the clinic back,
// but an extra on an ordinary clinic day is not a second session.
func addExtra(out []Occurrence, ex Exception) []Occurrence {
	if slices.ContainsFunc(out, func(o Occurrence) bool { return o.Date == ex.Date }) {
		return out
	}
	return append(out, Occurrence{Date: ex.Date, Extra: true, Reason: ex.Reason})
}

// Skipped lists the pattern's dates in [from, to], within the effective
// dates, on which no session is held, with the reason: "Bank holiday:
// Christmas Day" or the Closed exception's reason.
func (s Schedule) Skipped(from, to elective.Date) []Skip {
	lo, hi, ok := s.window(from, to)
	if !ok {
		return nil
	}
	var out []Skip
	for _, d := range s.Recurrence.Dates(lo, hi) {
		reason, closed := s.closure(d)
		if closed && !s.hasExtra(d) {
			out = append(out, Skip{Date: d, Reason: reason})
		}
	}
	return out
}

// Holds reports whether the schedule holds a session on d.
func (s Schedule) Holds(d elective.Date) bool {
	return len(s.Sessions(d, d)) > 0
}

// closure says why the pattern's session on d is not held as usual, if it
// is not. A Closed exception's reason wins over a bank holiday's name
// because staff wrote it for that date.
func (s Schedule) closure(d elective.Date) (reason string, closed bool) {
	for _, ex := range s.Exceptions {
		if ex.Date == d && ex.Kind == Closed {
			return closedReason(ex), true
		}
	}
	if name, ok := BankHoliday(d); ok && s.SkipBankHolidays {
		return "Bank holiday: " + name, true
	}
	return "", false
}

func closedReason(ex Exception) string {
	if ex.Reason == "" {
		return "Closed"
	}
	return ex.Reason
}

func (s Schedule) hasExtra(d elective.Date) bool {
	return slices.ContainsFunc(s.Exceptions, func(ex Exception) bool { return ex.Date == d && ex.Kind == Extra })
}

// window narrows [from, to] to the effective dates. It reports false when
// nothing is left, or the schedule is invalid, so callers hold nothing.
func (s Schedule) window(from, to elective.Date) (lo, hi elective.Date, ok bool) {
	if s.Validate() != nil || from.IsZero() || to.IsZero() {
		return lo, hi, false
	}
	lo, hi = from, to
	if lo.Before(s.EffectiveFrom) {
		lo = s.EffectiveFrom
	}
	if !s.EffectiveTo.IsZero() && hi.After(s.EffectiveTo) {
		hi = s.EffectiveTo
	}
	return lo, hi, !lo.After(hi)
}

func inRange(d, lo, hi elective.Date) bool {
	return !d.Before(lo) && !d.After(hi)
}

// Overlaps lists the dates in [from, to] on which both schedules hold a
// session, in order, so that a template clashing with another of the same
// clinician or room can be refused. Whether the times overlap is the
// caller's to compare.
func Overlaps(a, b Schedule, from, to elective.Date) []elective.Date {
	as, bs := a.Sessions(from, to), b.Sessions(from, to)
	var out []elective.Date
	for i, j := 0, 0; i < len(as) && j < len(bs); {
		switch c := as[i].Date.Compare(bs[j].Date); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			out = append(out, as[i].Date)
			i, j = i+1, j+1
		}
	}
	return out
}
