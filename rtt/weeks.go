package rtt

import (
	"strconv"

	"github.com/openelective/elective"
)

// StandardDays is the 18-week standard in days: a wait of 126 days or fewer
// is within 18 weeks; 127 or more is a breach (rules.md 1.11, 1.13.1).
const StandardDays = 126

// TopBand is the index of the open-ended "104+" band (rules.md 1.11).
const TopBand = 104

// DaysWaited counts calendar days from the clock start (day 0) to end, the
// clock stop or the census date (rules.md 1.11).
func DaysWaited(start, end elective.Date) int { return end.DaysSince(start) }

// WeeksWaited is the whole weeks shown on a PTL: floor(days / 7).
func WeeksWaited(days int) int {
	if days < 0 {
		return 0
	}
	return days / 7
}

// BandIndex is the weekly band k (">k to k+1 weeks") a wait falls in: band 0
// holds 0–7 days, band k ≥ 1 holds 7k+1 … 7k+7 days, and every wait of 729
// days or more is in the top band (rules.md 1.11: k = max(0, ceil(d/7) − 1)).
func BandIndex(days int) int {
	k := (days+6)/7 - 1
	switch {
	case k < 0:
		return 0
	case k > TopBand:
		return TopBand
	}
	return k
}

// BandLabel is the band's name as the national returns print it: "17-18",
// and "104+" for the top band.
func BandLabel(days int) string {
	k := BandIndex(days)
	if k == TopBand {
		return "104+"
	}
	return strconv.Itoa(k) + "-" + strconv.Itoa(k+1)
}

// Breached reports whether a wait is over 18 weeks (days ≥ 127).
func Breached(days int) bool { return days > StandardDays }

// BreachDate is the first day on which a clock started on start is over 18
// weeks: treatment on the day before is still within the standard.
func BreachDate(start elective.Date) elective.Date { return start.AddDays(StandardDays + 1) }

// LongWait thresholds in days for the national long-wait milestones
// (rules.md 1.11: > 52 weeks ⇔ days ≥ 365; > 65 ⇔ ≥ 456; > 78 ⇔ ≥ 547;
// the 104+ band ⇔ ≥ 729).
var LongWaits = []struct {
	Weeks int
	Days  int
}{{52, 365}, {65, 456}, {78, 547}, {104, 729}}

// LongWaitWeeks returns the highest long-wait milestone the wait has passed
// (52, 65, 78 or 104), or 0.
func LongWaitWeeks(days int) int {
	w := 0
	for _, lw := range LongWaits {
		if days >= lw.Days {
			w = lw.Weeks
		}
	}
	return w
}
