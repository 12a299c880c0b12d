package web

import (
	"slices"

	"github.com/openelective/elective"
)

// WeekUse is one week's slots and bookings, for the utilisation chart.
type WeekUse struct {
	Monday       elective.Date
	Slots        int
	Booked       int
	BookedPct    int
	UnderUsed    bool
	Cancelled    int // sessions cancelled that week
	SessionCount int
}

// weeklyUse adds the sessions up by week (Monday to Sunday), in date
// order; cancelled sessions count only as cancelled.
func weeklyUse(rows []UtilisationRow) []WeekUse {
	var weeks []WeekUse
	index := map[elective.Date]int{}
	for _, r := range rows {
		d := r.Session.Date
		monday := d.AddDays(-((int(d.Weekday()) + 6) % 7))
		i, ok := index[monday]
		if !ok {
			i = len(weeks)
			index[monday] = i
			weeks = append(weeks, WeekUse{Monday: monday})
		}
		w := &weeks[i]
		w.SessionCount++
		if r.Session.Status != elective.SessionOpen {
			w.Cancelled++
			continue
		}
		w.Slots += r.Slots
		w.Booked += r.Booked
	}
	slices.SortFunc(weeks, func(a, b WeekUse) int { return a.Monday.Compare(b.Monday) })
	for i := range weeks {
		w := &weeks[i]
		if w.Slots > 0 {
			w.BookedPct = w.Booked * 100 / w.Slots
		}
		w.UnderUsed = w.Slots > 0 && w.BookedPct < elective.UnderUsedPct
	}
	return weeks
}

// weeklyUseChart draws the share of slots booked each week, under-used
// weeks in the warning colour.
func weeklyUseChart(weeks []WeekUse) BarChart {
	values := make([]barValue, len(weeks))
	for i, w := range weeks {
		values[i] = barValue{Label: w.Monday.Format("2 Jan"), Value: w.BookedPct}
		if w.UnderUsed {
			values[i].Class = "app-chart__bar--breached"
		}
	}
	return newBarChart(values, -1, "", "Week beginning", "% of slots booked")
}
