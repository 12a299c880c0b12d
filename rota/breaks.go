package rota

import (
	"fmt"
	"time"

	"github.com/openelective/elective"
)

// breaksShort says how many 30-minute breaks d needs and whether it plans
// fewer (rules.md 4.3, Breaks; Limits.BreaksNeeded). The need is judged on
// the duty's real length, as the other rules are, so a night across the
// autumn clock change may need one more break than the same night on
// other dates. Non-resident on call is exempt: its rest expectation
// (OnCallRest) governs it instead.
func breaksShort(d Duty, l *Limits) (need int, short bool) {
	if d.NonResident {
		return 0, false
	}
	need = l.BreaksNeeded(d.Minutes())
	return need, d.Breaks < need
}

// breakViolations lists the duties starting in the period that plan too
// few breaks. The rule looks at one duty at a time, so unlike the rules
// over spans it needs no context.
func breakViolations(duties []Duty, p *period, l *Limits, loc *time.Location) []Violation {
	var out []Violation
	for _, d := range duties {
		day := elective.DateOf(d.Start, loc)
		if day.Days() < p.first || day.Days() > p.last {
			continue
		}
		if need, short := breaksShort(d, l); short {
			out = append(out, Violation{StaffID: d.StaffID, Rule: RuleBreaks, Date: day, Message: breaksMessage(d, need)})
		}
	}
	return out
}

// breaksMessage names the shift, its length and the breaks it needs.
func breaksMessage(d Duty, need int) string {
	m := int64(d.Minutes())
	return fmt.Sprintf("Shift %s (%s) plans %s of 30 minutes; a shift of %s needs %d (rules.md 4.3).",
		d.Code, hours(m), plural(int64(d.Breaks), "break"), hours(m), need)
}
