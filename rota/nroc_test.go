package rota

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// evening is a 12-hour non-resident on call from 20:00 on date: back to
// back on consecutive days it still leaves 12 hours' rest, so only the
// consecutive on-call rule can object.
func evening(date string) Duty { return onCall(date, 20, 0, 12*60, 3*60) }

// TestConsecutiveOnCall: no non-resident on call on consecutive days but
// Saturday and Sunday (rules.md 4.3, Non-resident on-call, 2016 terms;
// the reading of "except at weekends" is consecutiveOnCall's). 5 January
// 2026 is a Monday.
func TestConsecutiveOnCall(t *testing.T) {
	y19, y16 := Limits2019(), Limits2016()
	cases := []ruleCase{
		{"two weekday calls in a row", y19, []Duty{evening("2026-01-06"), evening("2026-01-07")},
			[]string{RuleConsecutiveOnCall + "@2026-01-07"}},
		{"two weekday calls in a row (2016)", y16, []Duty{evening("2026-01-06"), evening("2026-01-07")},
			[]string{RuleConsecutiveOnCall + "@2026-01-07"}},
		{"a day between", y19, []Duty{evening("2026-01-06"), evening("2026-01-08")}, nil},
		{"Saturday and Sunday", y19, []Duty{evening("2026-01-10"), evening("2026-01-11")}, nil},
		{"Friday and Saturday", y19, []Duty{evening("2026-01-09"), evening("2026-01-10")},
			[]string{RuleConsecutiveOnCall + "@2026-01-10"}},
		{"Sunday and Monday", y19, []Duty{evening("2026-01-11"), evening("2026-01-12")},
			[]string{RuleConsecutiveOnCall + "@2026-01-12"}},
		{"Friday to Sunday breaks it once", y19, []Duty{evening("2026-01-09"), evening("2026-01-10"), evening("2026-01-11")},
			[]string{RuleConsecutiveOnCall + "@2026-01-10"}},
		{"a resident shift between is still consecutive", y19, []Duty{onCall("2026-01-06", 0, 0, 6*60, 60), at("2026-01-06", 17, 0, 3*60), onCall("2026-01-07", 7, 0, 4*60, 60)},
			[]string{RuleConsecutiveOnCall + "@2026-01-07"}},
		{"resident evenings are not on call", y19, []Duty{at("2026-01-06", 20, 0, 10*60), at("2026-01-07", 20, 0, 10*60)}, nil},
		{"the call before the period counts", y19, []Duty{evening("2026-01-04"), evening("2026-01-05")},
			[]string{RuleConsecutiveOnCall + "@2026-01-05"}},
	}
	runRuleCases(t, cases, "2026-01-05", "2026-02-01")
}

// TestConsecutiveOnCallMessage names both dates.
func TestConsecutiveOnCallMessage(t *testing.T) {
	vs := Check([]Duty{evening("2026-01-08"), evening("2026-01-09")}, elective.MustParseDate("2026-01-05"), elective.MustParseDate("2026-01-11"), Limits2019(), london)
	if len(vs) != 1 || !strings.Contains(vs[0].Message, "Thu 8 Jan 2026 and again on Fri 9 Jan 2026") {
		t.Fatalf("got %+v", vs)
	}
}

// eveningOnCallTeam is onCallTeam with a 12-hour evening on call every
// day as well, so that the search meets consecutive calls that the rest
// rule allows.
func eveningOnCallTeam() *Problem {
	p := onCallTeam()
	p.Shifts = append(p.Shifts, ShiftType{Code: "EC", Name: "Evening on call", StartMinute: 20 * 60, Minutes: 12 * 60, NonResident: true, ExpectedWorkMinutes: 3 * 60})
	for d := p.From; !d.After(p.To); d = d.AddDays(1) {
		p.Cover = append(p.Cover, Cover{Date: d, Code: "EC", Min: 1})
	}
	return p
}

// TestStateInvariantsEveningOnCall walks a rota with a daily evening on
// call: the builder's incremental checks keep the consecutive on-call rule
// as Check does.
func TestStateInvariantsEveningOnCall(t *testing.T) {
	walkInvariants(t, withContext(withLeave(eveningOnCallTeam())))
}

// TestBuildEveningOnCall: a built rota breaks nothing and gives nobody
// on calls on consecutive days but Saturday and Sunday.
func TestBuildEveningOnCall(t *testing.T) {
	p := withLeave(eveningOnCallTeam())
	res := build(t, p, 200000)
	for _, v := range res.Violations {
		t.Errorf("violation: %+v", v)
	}
	byStaff := map[int64][]elective.Date{}
	for _, d := range res.Duties {
		if d.Code == "EC" || d.Code == "OC" {
			byStaff[d.StaffID] = append(byStaff[d.StaffID], elective.DateOf(d.Start, london))
		}
	}
	for id, days := range byStaff {
		slices.SortFunc(days, func(a, b elective.Date) int { return a.Compare(b) })
		for i := 1; i < len(days); i++ {
			if days[i].DaysSince(days[i-1]) == 1 && days[i-1].Weekday() != time.Saturday {
				t.Errorf("staff %d on call %s and %s", id, days[i-1], days[i])
			}
		}
	}
}
