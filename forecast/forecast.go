// Package forecast predicts, for every open pathway, whether its next step
// is likely to happen before its 18-week breach date: from what is booked,
// from the free capacity ahead, and from its place in the booking queue
// (clinical priority, then longest wait: rules.md 3.8). It is pure: values
// in, values out, no database and no wall clock.
package forecast

import (
	"sort"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Pathway is what the forecast needs of an open pathway (a PTL row).
type Pathway struct {
	ID           int64
	SpecialtyID  int64
	ListType     elective.ListType
	PriorityRank int
	ClockStart   elective.Date
	NextActivity elective.Date // the booked next step, zero if none
}

// Key identifies a queue and its capacity: outpatient lists book slots of
// one type in their specialty.
type Key struct {
	SpecialtyID int64
	SlotType    elective.SlotType
}

// Capacity is the free slots ahead by week: Capacity[k][0] is the rest of
// the current week (from today), Capacity[k][w] the week starting w
// Mondays later.
type Capacity map[Key][]int

// Result is one pathway's forecast.
type Result struct {
	Outlook    elective.BreachOutlook
	Expected   elective.Date
	QueueAhead int
}

// Run forecasts every pathway at today over a horizon of weeks. Booked
// pathways are judged by their booking; unbooked outpatient pathways take
// the free slots of their queue's weeks in booking order.
func Run(pathways []Pathway, capacity Capacity, today elective.Date, weeks int) map[int64]Result {
	out := make(map[int64]Result, len(pathways))
	queues := map[Key][]Pathway{}
	for _, p := range pathways {
		breach := rtt.BreachDate(p.ClockStart)
		switch {
		case !today.Before(breach):
			out[p.ID] = Result{Outlook: elective.OutlookBreached}
		case !p.NextActivity.IsZero() && p.NextActivity.Before(today):
			out[p.ID] = Result{Outlook: elective.OutlookOutcomeOverdue, Expected: p.NextActivity}
		case !p.NextActivity.IsZero():
			out[p.ID] = Result{Outlook: judge(p.NextActivity, breach, elective.OutlookBookedInTime, elective.OutlookBookedLate), Expected: p.NextActivity}
		case p.ListType == elective.ListOutpatientNew || p.ListType == elective.ListOutpatientFollowUp:
			k := Key{p.SpecialtyID, p.ListType.SlotType()}
			queues[k] = append(queues[k], p)
		default:
			out[p.ID] = Result{Outlook: elective.OutlookNotForecast}
		}
	}
	for k, q := range queues {
		walkQueue(q, capacity[k], today, weeks, out)
	}
	return out
}

// judge compares a date with the breach date: treatment on the day before
// the breach date is still within 18 weeks.
func judge(d, breach elective.Date, inTime, late elective.BreachOutlook) elective.BreachOutlook {
	if d.Before(breach) {
		return inTime
	}
	return late
}

// walkQueue gives one queue's pathways, in booking order, the free slots of
// the weeks ahead. Breached pathways are in the queue too: they take
// capacity first within their priority, as they have waited longest.
func walkQueue(q []Pathway, free []int, today elective.Date, weeks int, out map[int64]Result) {
	sort.Slice(q, func(i, j int) bool {
		if q[i].PriorityRank != q[j].PriorityRank {
			return q[i].PriorityRank < q[j].PriorityRank
		}
		if q[i].ClockStart != q[j].ClockStart {
			return q[i].ClockStart.Before(q[j].ClockStart)
		}
		return q[i].ID < q[j].ID
	})
	week, left := 0, slotsIn(free, 0)
	for i, p := range q {
		for left == 0 && week < weeks {
			week++
			left = slotsIn(free, week)
		}
		if left == 0 {
			out[p.ID] = Result{Outlook: elective.OutlookNoCapacity, QueueAhead: i}
			continue
		}
		left--
		expected := weekEnd(today, week)
		out[p.ID] = Result{
			Outlook:    judge(expected, rtt.BreachDate(p.ClockStart), elective.OutlookExpectedInTime, elective.OutlookExpectedLate),
			Expected:   expected,
			QueueAhead: i,
		}
	}
}

func slotsIn(free []int, week int) int {
	if week < len(free) {
		return free[week]
	}
	return 0
}

// WeekOf returns which week of the horizon date d falls in: 0 for the rest
// of today's week (to Sunday), then one per Monday.
func WeekOf(today, d elective.Date) int {
	return MondayOf(d).DaysSince(MondayOf(today)) / 7
}

// MondayOf returns the Monday on or before d.
func MondayOf(d elective.Date) elective.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// weekEnd is the last working day (Friday) of week w of the horizon, the
// latest a slot in that week can be: a pessimistic, not a lucky, guess.
func weekEnd(today elective.Date, w int) elective.Date {
	return MondayOf(today).AddDays(7*w + 4)
}
