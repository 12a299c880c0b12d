package demo

import "github.com/openelective/elective"

// listState is the waiting list an open pathway should end on.
type listState int

const (
	stateNew listState = iota
	stateFollowUp
	stateAdmitted
)

// waitBand is a range of days waited with its share of pathways.
type waitBand struct {
	lo, hi int
	share  float64
}

// routineWaits shapes the incomplete routine waits of an English trust in
// the mid-2020s: about half within 18 weeks, a long tail with a few per cent
// over 52 weeks and a handful over 65 and 78 weeks. With the shorter
// two-week-wait and urgent waits the whole list is about 62% within 18
// weeks and 2–3% over 52 weeks.
var routineWaits = []waitBand{
	{0, 126, 51}, {127, 252, 30}, {253, 364, 15.5}, {365, 455, 2.7}, {456, 546, 0.6}, {547, 700, 0.2},
}

// urgentWaits: urgent patients are mostly seen within 18 weeks.
var urgentWaits = []waitBand{
	{0, 62, 55}, {63, 126, 30}, {127, 300, 13}, {301, 420, 2},
}

// twwWaits: suspected-cancer referrals are seen within two weeks and most
// are diagnosed and treated or discharged within a few months.
var twwWaits = []waitBand{
	{0, 14, 45}, {15, 34, 40}, {35, 110, 15},
}

// drawBand draws days waited from bands.
func (g *gen) drawBand(bands []waitBand) int {
	total := 0.0
	for _, b := range bands {
		total += b.share
	}
	r := g.rng.Float64() * total
	for _, b := range bands {
		if r < b.share {
			return g.between(b.lo, b.hi)
		}
		r -= b.share
	}
	b := bands[len(bands)-1]
	return g.between(b.lo, b.hi)
}

// openWait is the number of days an open pathway has waited at today.
func (g *gen) openWait(p elective.Priority) int {
	switch p {
	case elective.PriorityTwoWeekWait:
		return g.drawBand(twwWaits)
	case elective.PriorityUrgent:
		return g.drawBand(urgentWaits)
	}
	return g.drawBand(routineWaits)
}

// openState chooses the list an open pathway ends on. Pathways referred in
// the last fortnight are still waiting for their first appointment; the
// others are shared so that the whole list is about 45% new outpatients,
// 30% follow-ups and 25% waiting for admission.
func (g *gen) openState(days int) listState {
	if days < 14 {
		return stateNew
	}
	switch g.weighted(stateWeights) {
	case 0:
		return stateNew
	case 1:
		return stateFollowUp
	}
	return stateAdmitted
}

var stateWeights = []float64{0.38, 0.34, 0.28}

// completedWait is the planned length of a completed pathway's clock: most
// completed within 18 weeks, some long waits.
func (g *gen) completedWait(p elective.Priority) int {
	switch p {
	case elective.PriorityTwoWeekWait:
		return g.between(10, 62)
	case elective.PriorityUrgent:
		return g.between(14, 126)
	}
	return g.drawBand(completedRoutineWaits)
}

var completedRoutineWaits = []waitBand{{20, 126, 70}, {127, 280, 25}, {281, 450, 5}}

// firstLag is the least and most days from referral to first appointment
// for the priority, when there is room: two weeks for suspected cancer.
func firstLag(p elective.Priority) (lo, hi int) {
	switch p {
	case elective.PriorityTwoWeekWait:
		return 4, 14
	case elective.PriorityUrgent:
		return 7, 42
	}
	return 14, 140
}

// futureLag is how far ahead a waiting patient's first appointment is
// booked: soon for suspected cancer, up to the 16-week horizon for routine.
func (g *gen) futureLag(p elective.Priority) int {
	switch p {
	case elective.PriorityTwoWeekWait:
		return g.between(1, 12)
	case elective.PriorityUrgent:
		return g.between(2, 35)
	}
	return g.between(5, 100)
}

// futureBookRate is the share of pathways waiting for a first appointment
// that already have one booked.
func futureBookRate(p elective.Priority) float64 {
	switch p {
	case elective.PriorityTwoWeekWait:
		return 0.6
	case elective.PriorityUrgent:
		return 0.4
	}
	return 0.3
}
