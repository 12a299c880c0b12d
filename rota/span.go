package rota

import (
	"math"
	"sort"
	"time"

	"github.com/openelective/elective"
)

// noWeekend marks an unused weekend of a span.
const noWeekend = math.MinInt64

// span is a duty as the rules see it: instants in Unix seconds, the local
// date its start falls on, and its kinds, worked out once so that the
// rules (run millions of times by the builder) do only integer arithmetic.
type span struct {
	start, end        int64 // Unix seconds
	day               int64 // local date of the start, as elective.Date.Days
	work              int64 // seconds the hours rules count: Duty.WorkMinutes
	night, long, late bool
	onCall            bool // non-resident on call
	// weekends are the weekends the duty works in, each by its Saturday's
	// Days; noWeekend when unused.
	weekends [2]int64
}

func (s *span) minutes() int64 { return (s.end - s.start) / 60 }

// workMinutes is the minutes of work the hours rules count.
func (s *span) workMinutes() int64 { return s.work / 60 }

// workIn is the seconds of work counted in [lo, hi): all of it for a
// resident shift, the expected work spread evenly over the span for
// non-resident on call (Duty.WorkMinutes).
func (s *span) workIn(lo, hi int64) int64 {
	lo, hi = max(lo, s.start), min(hi, s.end)
	if hi <= lo {
		return 0
	}
	if length := s.end - s.start; s.work != length {
		return (hi - lo) * s.work / length
	}
	return hi - lo
}

// spanOf works out the span of d in loc.
func spanOf(d Duty, loc *time.Location) span {
	s := span{start: d.Start.Unix(), end: d.End.Unix(), day: elective.DateOf(d.Start, loc).Days(),
		work: int64(d.WorkMinutes()) * 60, night: IsNight(d, loc), long: IsLong(d), late: IsLongLateEvening(d, loc),
		onCall: d.NonResident}
	if !d.NonResident {
		s.work = s.end - s.start // to the second, as the rules counted before
	}
	s.weekends = weekendsOf(d.Start, d.End, loc)
	return s
}

// weekendsOf lists the weekends in which [start, end) has any work: any
// time between 00:00 Saturday and 24:00 Sunday local. A Friday night that
// runs into Saturday morning works that weekend; so does a Sunday night.
func weekendsOf(start, end time.Time, loc *time.Location) [2]int64 {
	w := [2]int64{noWeekend, noWeekend}
	first, last := touched(start, end, loc)
	n := 0
	for d := first; !d.After(last) && n < 2; d = d.AddDays(1) {
		var sat elective.Date
		switch d.Weekday() {
		case time.Saturday:
			sat = d
		case time.Sunday:
			sat = d.AddDays(-1)
		default:
			continue
		}
		if n == 0 || w[0] != sat.Days() {
			w[n] = sat.Days()
			n++
		}
	}
	return w
}

// touched is the first and last local date on which [start, end) has any
// work. A night 20:30-09:00 touches two dates; one ending at midnight, one.
func touched(start, end time.Time, loc *time.Location) (first, last elective.Date) {
	first = elective.DateOf(start, loc)
	last = first
	if end.After(start) {
		last = elective.DateOf(end.Add(-time.Nanosecond), loc)
	}
	return first, last
}

// spansOf converts one person's duties and sorts them by start.
func spansOf(duties []Duty, loc *time.Location) []span {
	ss := make([]span, len(duties))
	for i, d := range duties {
		ss[i] = spanOf(d, loc)
	}
	sortSpans(ss)
	return ss
}

func sortSpans(ss []span) {
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].start != ss[j].start {
			return ss[i].start < ss[j].start
		}
		return ss[i].end < ss[j].end
	})
}
