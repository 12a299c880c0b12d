package elective

import "context"

// BreachOutlook says whether an open pathway's next step is likely before
// its 18-week breach date.
type BreachOutlook string

// Outlooks.
const (
	OutlookBreached       BreachOutlook = "breached"              // over 18 weeks already
	OutlookBookedInTime   BreachOutlook = "booked-in-time"        // next step booked before the breach date
	OutlookBookedLate     BreachOutlook = "booked-after-breach"   // booked, but on or after the breach date
	OutlookExpectedInTime BreachOutlook = "expected-in-time"      // free capacity in its turn comes before the breach date
	OutlookExpectedLate   BreachOutlook = "expected-after-breach" // its turn in the queue comes after the breach date
	OutlookNoCapacity     BreachOutlook = "no-capacity"           // no free capacity for it within the horizon
	OutlookOutcomeOverdue BreachOutlook = "outcome-overdue"       // its booked appointment passed with no outcome
	OutlookNotForecast    BreachOutlook = "not-forecast"          // no capacity model for its list yet (admitted care)
)

// AtRisk reports whether the pathway will breach unless someone acts.
func (o BreachOutlook) AtRisk() bool {
	switch o {
	case OutlookBreached, OutlookBookedLate, OutlookExpectedLate, OutlookNoCapacity, OutlookOutcomeOverdue:
		return true
	}
	return false
}

// Label is the outlook in words for staff.
func (o BreachOutlook) Label() string {
	switch o {
	case OutlookBreached:
		return "Already breached"
	case OutlookBookedInTime:
		return "Booked before breach"
	case OutlookBookedLate:
		return "Booked after breach date"
	case OutlookExpectedInTime:
		return "Capacity in time"
	case OutlookExpectedLate:
		return "Turn comes after breach date"
	case OutlookNoCapacity:
		return "No capacity in horizon"
	case OutlookOutcomeOverdue:
		return "Outcome not recorded"
	case OutlookNotForecast:
		return "Not forecast (admitted list)"
	}
	return string(o)
}

// BreachForecast is one open pathway's forecast.
type BreachForecast struct {
	PathwayID     int64
	PatientID     int64
	PatientName   string
	NHSNumber     string
	SpecialtyID   int64
	SpecialtyName string
	Priority      Priority
	ListType      ListType
	ClockStart    Date
	BreachDate    Date
	Outlook       BreachOutlook
	Expected      Date // the booked date, or the end of the week its turn in the queue comes; zero if none
	QueueAhead    int  // unbooked pathways ahead of it in booking order, on its list in its specialty
}

// BreachWeek counts, for one specialty and the week in which breach dates
// fall, how many pathways will breach unless someone acts.
type BreachWeek struct {
	SpecialtyID   int64
	SpecialtyName string
	WeekStart     Date // Monday
	AtRisk        int
	Total         int // open pathways breaching that week
}

// ForecastFilter selects what a forecast shows.
type ForecastFilter struct {
	Today       Date
	Weeks       int   // horizon in weeks (default 16)
	SpecialtyID int64 // 0 for every specialty
	AtRiskOnly  bool
	Offset      int
	Limit       int
}

// ForecastService forecasts breaches from the PTL, the queue and the free
// capacity ahead.
type ForecastService interface {
	// ForecastBreaches returns a page of forecasts (pathways breaching
	// within the horizon, soonest first), the number matching, and the
	// at-risk counts by specialty and breach week.
	ForecastBreaches(ctx context.Context, f ForecastFilter) ([]*BreachForecast, int, []BreachWeek, error)
}
