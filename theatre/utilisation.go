package theatre

import (
	"math"
	"slices"

	"github.com/openelective/elective"
)

// Utilisation is how much of the theatre time of sessions was booked:
// booked minutes (cases not cancelled, done ones included) over session
// minutes, in percent (a done case whose procedure was not performed used
// no theatre time, so it counts nothing), and the capped measure of the Model Hospital, which
// counts each session's booked minutes up to its length only, so that an
// over-running list cannot hide an empty one (rules.md 3.6: target over
// 85%). Released sessions are left out. With no session minutes both
// percentages are 0.
func Utilisation(sessions []*elective.TheatreSession) (booked, total int, pct, cappedPct float64) {
	capped := 0
	for _, s := range sessions {
		if s == nil || s.Status == elective.SessionReleased {
			continue
		}
		n := usedMinutes(s.Cases)
		booked += n
		total += s.Minutes
		capped += min(n, s.Minutes)
	}
	if total > 0 {
		pct = 100 * float64(booked) / float64(total)
		cappedPct = 100 * float64(capped) / float64(total)
	}
	return booked, total, pct, cappedPct
}

// usedMinutes is the planned minutes of the cases that took or will take
// theatre time: not cancelled, and not admitted without the procedure.
func usedMinutes(cases []*elective.TheatreCase) int {
	n := 0
	for _, c := range cases {
		if c != nil && c.Status != elective.CaseCancelled && !c.NotPerformed {
			n += c.Minutes
		}
	}
	return n
}

// MinDurationSamples is the fewest past cases EstimateDuration will take a
// median from: with one or two a single odd case would set the plan.
const MinDurationSamples = 3

// EstimateDuration estimates the theatre minutes of a procedure from past
// cases' minutes (a surgeon's history of it): the median, with the lower
// and upper quartiles as the spread, each rounded to a whole minute. The
// quartiles interpolate between the sorted samples at (n-1)p, the common
// spreadsheet method. Samples of 0 minutes or less are ignored; with fewer
// than MinDurationSamples left the estimate is fallback (the listed
// minutes) for all three figures, with Samples 0 to say there is no
// history.
func EstimateDuration(samples []int, fallback int) elective.DurationEstimate {
	var xs []int
	for _, x := range samples {
		if x > 0 {
			xs = append(xs, x)
		}
	}
	if len(xs) < MinDurationSamples {
		return elective.DurationEstimate{Minutes: fallback, Low: fallback, High: fallback}
	}
	slices.Sort(xs)
	return elective.DurationEstimate{Minutes: quantile(xs, 0.5), Low: quantile(xs, 0.25), High: quantile(xs, 0.75), Samples: len(xs)}
}

// quantile is the p-quantile of sorted xs by linear interpolation,
// rounded half away from zero.
func quantile(xs []int, p float64) int {
	pos := float64(len(xs)-1) * p
	i := int(pos)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	v := float64(xs[i]) + (pos-float64(i))*float64(xs[i+1]-xs[i])
	return int(math.Round(v))
}
