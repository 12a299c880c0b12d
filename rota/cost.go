package rota

// weights price a rota. A position of cover left empty outweighs any
// unfairness, so the builder fills every shift it safely can before it
// shares the work out. Fairness is the FTE-weighted sum of squared
// deviations from each person's pro-rata share,
//
//	Σ f·(x/f − T/F)² = Σ x²/f − T²/F
//
// (x a person's count, f their share of full time less leave, T and F the
// totals),
// which changes for one person at a time plus the totals, so that a move's
// delta is priced without touching the others. Integer arithmetic keeps
// the search's running cost exact.
type weights struct {
	gap       int64 // per position of cover left empty
	nights    int64 // spread of night shifts
	weekends  int64 // spread of weekends worked
	unpopular int64 // spread of unpopular shifts
	hours     int64 // spread of hours (in half hours)
	preferOff int64 // per day worked that the person asked to have off
}

// defaultWeights: at full time a night or weekend out of line by one
// costs about as much as 2 hours of work out of line; a broken request
// for a day off costs more than a night out of line.
var defaultWeights = weights{gap: 1e10, nights: 400, weekends: 400, unpopular: 200, hours: 1, preferOff: 60000}

// spreadScale keeps precision in the integer division by the share
// (hundredths of a percent: 10000 is full time, all period).
const spreadScale = 1000000

// spread is one person's x²/f part of a spread term.
func spread(x, share int64) int64 { return x * x * spreadScale / share }

// spreadTotal is the T²/F part.
func spreadTotal(t, sumFTE int64) int64 {
	if sumFTE == 0 {
		return 0
	}
	return t * t * spreadScale / sumFTE
}

// tally is what the cost counts for one person.
type tally struct {
	minutes, nights, weekends, unpopular, broken int64
}

func (t *tally) halfHours() int64 { return t.minutes / 30 }

// personCost is one person's share of the cost.
func (w *weights) personCost(t *tally, fte int64) int64 {
	return w.nights*spread(t.nights, fte) + w.weekends*spread(t.weekends, fte) +
		w.unpopular*spread(t.unpopular, fte) + w.hours*spread(t.halfHours(), fte) + w.preferOff*t.broken
}

// sums are the team's totals that the spread terms subtract.
type sums struct {
	nights, weekends, unpopular, halfHours int64
}

func (s *sums) add(t *tally, sign int64) {
	s.nights += sign * t.nights
	s.weekends += sign * t.weekends
	s.unpopular += sign * t.unpopular
	s.halfHours += sign * t.halfHours()
}

// teamCost is the cost of empty positions less the T²/F parts.
func (w *weights) teamCost(s *sums, empty int, sumFTE int64) int64 {
	return w.gap*int64(empty) - w.nights*spreadTotal(s.nights, sumFTE) - w.weekends*spreadTotal(s.weekends, sumFTE) -
		w.unpopular*spreadTotal(s.unpopular, sumFTE) - w.hours*spreadTotal(s.halfHours, sumFTE)
}

// costOf prices a rota from its loads (one per person, with their shares
// in the same order, Problem.share) and the positions of cover left empty.
func costOf(w *weights, loads []Load, fte []int64, empty int) int64 {
	var s sums
	var sumFTE, cost int64
	for i := range loads {
		t := loads[i].tally()
		cost += w.personCost(&t, fte[i])
		s.add(&t, 1)
		sumFTE += fte[i]
	}
	return cost + w.teamCost(&s, empty, sumFTE)
}
