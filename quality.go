package elective

import "fmt"

// QualityFinding is the result of one of the data-quality checks NHS England
// runs on a provider's RTT returns (rules.md 1.12), run by the provider
// before it submits.
type QualityFinding struct {
	Check  string // what is checked
	Passed bool
	Detail string // the numbers behind the verdict
}

// Thresholds of the checks: NHS England names the checks but not their
// limits, so these are local settings with documented defaults.
const (
	// MaxShareFirstWeek flags a list where more than this share of open
	// pathways is in the 0–1 week band.
	MaxShareFirstWeek = 0.15
	// MaxMonthSwing flags a month-on-month change in open pathways larger
	// than this share.
	MaxMonthSwing = 0.10
)

// CheckReturn runs the return-level checks of rules.md 1.12 that apply to
// one provider: the current incomplete-pathway summary against the trust's
// trend of previous month ends (oldest first).
func CheckReturn(current *PTLSummary, previous []TrendPoint) []QualityFinding {
	t := current.Total
	findings := []QualityFinding{{
		Check: "Every open pathway has a known clock start", Passed: true,
		Detail: "clock starts are derived from events; none is unknown",
	}}
	first := 0.0
	if t.Open > 0 {
		first = float64(t.Bands[0]) / float64(t.Open)
	}
	findings = append(findings, QualityFinding{
		Check:  "Share of pathways in the 0–1 week band is not unusually high",
		Passed: first <= MaxShareFirstWeek,
		Detail: fmt.Sprintf("%.1f%% of %d open pathways (flag above %.0f%%)", 100*first, t.Open, 100*MaxShareFirstWeek),
	})
	if len(previous) == 0 {
		return findings
	}
	last := previous[len(previous)-1]
	swing := 0.0
	if last.Open > 0 {
		swing = float64(t.Open-last.Open) / float64(last.Open)
	}
	findings = append(findings,
		QualityFinding{
			Check:  "No large month-on-month swing in open pathways",
			Passed: swing <= MaxMonthSwing && swing >= -MaxMonthSwing,
			Detail: fmt.Sprintf("%d now, %d at %s: %+.1f%% (flag beyond ±%.0f%%)", t.Open, last.Open, last.MonthEnd.Format("2 Jan 2006"), 100*swing, 100*MaxMonthSwing),
		},
		QualityFinding{
			Check:  "The list is not identical to last month's",
			Passed: t.Open != last.Open || t.Within18 != last.Within18,
			Detail: fmt.Sprintf("open %d / within 18 weeks %d, last month %d / %d", t.Open, t.Within18, last.Open, last.Within18),
		})
	return findings
}
