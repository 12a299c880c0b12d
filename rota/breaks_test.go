package rota

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// TestBreaksNeeded: the break policy of rules.md 4.3 (Breaks): over 5 h
// one 30-minute break, over 9 h two, 12 h or more three under the 2019
// amendment (3 × 30 min in a 12-hour shift, previously 2). The 2016
// thresholds are UNCONFIRMED in rules.md; 5 and 9 hours are the default.
func TestBreaksNeeded(t *testing.T) {
	y19, y16 := Limits2019(), Limits2016()
	for _, c := range []struct {
		minutes, want19, want16 int
	}{
		{4 * 60, 0, 0},
		{5 * 60, 0, 0},
		{5*60 + 1, 1, 1},
		{9 * 60, 1, 1},
		{9*60 + 1, 2, 2},
		{12*60 - 1, 2, 2},
		{12 * 60, 3, 2},
		{13 * 60, 3, 2},
	} {
		if got := y19.BreaksNeeded(c.minutes); got != c.want19 {
			t.Errorf("2019, %d min: %d breaks, want %d", c.minutes, got, c.want19)
		}
		if got := y16.BreaksNeeded(c.minutes); got != c.want16 {
			t.Errorf("2016, %d min: %d breaks, want %d", c.minutes, got, c.want16)
		}
	}
}

// planning returns d planning breaks breaks.
func planning(d Duty, breaks int) Duty {
	d.Breaks = breaks
	return d
}

// TestBreaksRule: Check lists every rostered duty whose shift plans fewer
// breaks than its length needs (rules.md 4.3, Breaks).
func TestBreaksRule(t *testing.T) {
	y19, y16 := Limits2019(), Limits2016()
	twelve := at("2026-01-06", 8, 0, 12*60)
	runRuleCases(t, []ruleCase{
		{"12 h shift with 3 breaks (2019)", y19, []Duty{planning(twelve, 3)}, nil},
		{"12 h shift with 2 breaks (2019)", y19, []Duty{planning(twelve, 2)}, []string{RuleBreaks + "@2026-01-06"}},
		{"12 h shift with 2 breaks (2016)", y16, []Duty{planning(twelve, 2)}, nil},
		{"9 h day without a break", y19, []Duty{planning(at("2026-01-06", 8, 0, 9*60), 0)}, []string{RuleBreaks + "@2026-01-06"}},
		{"5 h shift without a break", y19, []Duty{planning(at("2026-01-06", 8, 0, 5*60), 0)}, nil},
		{"non-resident on call plans none", y19, []Duty{planning(onCall("2026-01-06", 8, 0, 24*60, 4*60), 0)}, nil},
		// 20:30-08:00 is 11.5 h and plans 2 breaks; on the night the
		// clocks go back it is 12.5 h and needs 3.
		{"11.5 h night across the autumn clock change", y19, []Duty{planning(at("2026-10-24", 20, 30, 12*60+30), 2)},
			[]string{RuleBreaks + "@2026-10-24"}},
	}, "2026-01-05", "2026-11-01")
	vs := Check([]Duty{planning(twelve, 2)}, elective.MustParseDate("2026-01-05"), elective.MustParseDate("2026-01-11"), y19, london)
	if want := "Shift X (12 h) plans 2 breaks of 30 minutes; a shift of 12 h needs 3 (rules.md 4.3)."; len(vs) != 1 || vs[0].Message != want {
		t.Errorf("got %+v, want the message %q", vs, want)
	}
}

// TestBuildShortBreaks: a shift that plans too few breaks is never filled:
// it is left as a gap, and everyone is refused it with the reason.
func TestBuildShortBreaks(t *testing.T) {
	p := team(10, 1)
	p.Shifts = slices.Clone(p.Shifts)
	p.Shifts[1].Breaks = 2 // the 13 h long day needs 3
	res, err := Build(context.Background(), p, Options{Seed: 1, MaxIterations: 20000})
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(res.Duties, func(d Duty) bool { return d.Code == "LD" }) {
		t.Error("a long day planning too few breaks was rostered")
	}
	gaps := 0
	for _, g := range res.Gaps {
		if g.Code == "LD" {
			gaps++
			if !strings.Contains(g.Why, "too few breaks") {
				t.Errorf("gap reason %q", g.Why)
			}
		}
	}
	if gaps != 7 {
		t.Errorf("%d long days short, want 7", gaps)
	}
	for _, c := range Eligible(p, res.Duties, "LD", p.From) {
		if c.OK || (c.Rule != RuleBreaks && c.Rule != ReasonWorking && c.Rule != ReasonGrade) {
			t.Errorf("%+v", c)
		}
	}
}

// TestWithBreaks: a Trust's break thresholds replace the defaults; the
// 2016 terms keep no third break whatever the Trust sets; thresholds that
// do not increase are refused (rules.md 4.3, Breaks).
func TestWithBreaks(t *testing.T) {
	b := BreakThresholds{OneOverMinutes: 6 * 60, TwoOverMinutes: 10 * 60, ThreeFromMinutes: 11 * 60}
	l := Limits2019().WithBreaks(b)
	for _, c := range []struct{ minutes, want int }{{6 * 60, 0}, {6*60 + 1, 1}, {10 * 60, 1}, {10*60 + 1, 2}, {11 * 60, 3}} {
		if got := l.BreaksNeeded(c.minutes); got != c.want {
			t.Errorf("2019 with the Trust's thresholds: %d minutes need %d, want %d", c.minutes, got, c.want)
		}
	}
	if l16 := Limits2016().WithBreaks(b); l16.BreaksNeeded(12*60) != 2 {
		got := l16.BreaksNeeded(12 * 60)
		t.Errorf("2016 terms: a 12 h shift needs %d, want 2", got)
	}
	if got := Limits2019().WithBreaks(BreakThresholds{}); got != Limits2019() {
		t.Errorf("no thresholds changed the limits: %+v", got)
	}
	bad := Limits2019().WithBreaks(BreakThresholds{OneOverMinutes: 9 * 60, TwoOverMinutes: 9 * 60, ThreeFromMinutes: 12 * 60})
	if err := bad.Validate(); err == nil {
		t.Error("one break over 9 h and two over 9 h accepted")
	}
	if err := Limits2019().WithBreaks(BreakThresholds{OneOverMinutes: 0, TwoOverMinutes: 9 * 60}).Validate(); err != nil {
		t.Errorf("one break for any shift, no third: %v", err)
	}
}
