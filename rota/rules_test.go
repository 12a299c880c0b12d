package rota

import (
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // tests must not depend on the host's zoneinfo

	"github.com/openelective/elective"
)

var london = mustLoad("Europe/London")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// policy is the 2019 limits, for the breaks duties plan by default.
var policy = Limits2019()

// at is a duty of person 1 starting at hh:mm local on date for minutes,
// planning the breaks its length needs.
func at(date string, hh, mm, minutes int) Duty {
	start := elective.MustParseDate(date).At(hh, mm, london)
	return Duty{StaffID: 1, Code: "X", Start: start.UTC(), End: start.Add(time.Duration(minutes) * time.Minute).UTC(),
		Breaks: policy.BreaksNeeded(minutes)}
}

// daily is the same shift on n consecutive days from date.
func daily(date string, n, hh, mm, minutes int) []Duty {
	var out []Duty
	d := elective.MustParseDate(date)
	for i := range n {
		out = append(out, at(d.AddDays(i).String(), hh, mm, minutes))
	}
	return out
}

func join(parts ...[]Duty) []Duty { return slices.Concat(parts...) }

// Shift patterns of the scenarios (rules.md 4.3): a 13 h long day, a 9 h
// day, a 12.5 h night.
func longDays(date string, n int) []Duty { return daily(date, n, 8, 0, 13*60) }
func days9(date string, n int) []Duty    { return daily(date, n, 8, 0, 9*60) }
func nights(date string, n int) []Duty   { return daily(date, n, 20, 30, 750) }

type ruleCase struct {
	name   string
	limits Limits
	duties []Duty
	want   []string // "rule@date"
}

// TestScenarios runs the rota-validation scenarios TS-140..TS-147 of
// scenarios.md 6.10 under the terms they name, both 2016 and 2019 where
// the two differ (TS-148, non-resident on-call rest, is TestOnCallRest).
// The period checked is four weeks from Monday 5 January 2026, so the
// average stays within 48 h.
func TestScenarios(t *testing.T) {
	y19, y16 := Limits2019(), Limits2016()
	cases := []ruleCase{
		{"TS-140 six 13 h long days Mon-Sat", y19, longDays("2026-01-05", 6),
			[]string{RuleSevenDay + "@2026-01-10", RuleConsecutiveLong + "@2026-01-10"}},
		{"TS-140 under 2016 terms", y16, longDays("2026-01-05", 6),
			[]string{RuleSevenDay + "@2026-01-10", RuleConsecutiveLong + "@2026-01-10"}},
		{"TS-141 five long days then 48 h off", y19, join(longDays("2026-01-05", 5), []Duty{at("2026-01-11", 21, 0, 4*60)}), nil},
		{"TS-141 five long days, a week's long days after the weekend", y19, join(longDays("2026-01-05", 5), longDays("2026-01-12", 5)), nil},
		{"TS-141 five long days then only 47 h off", y19, join(longDays("2026-01-05", 5), []Duty{at("2026-01-11", 20, 0, 4*60)}),
			[]string{RuleRestLong + "@2026-01-11"}},
		{"TS-142 five nights", y19, nights("2026-01-05", 5), []string{RuleNights + "@2026-01-09"}},
		{"TS-142 under 2016 terms", y16, nights("2026-01-05", 5), []string{RuleNights + "@2026-01-09"}},
		{"TS-142 four nights then 46 h", y19, join(nights("2026-01-05", 4), []Duty{at("2026-01-11", 7, 0, 9*60)}), nil},
		{"TS-143 one night, next shift 24 h later (2019)", y19, []Duty{at("2026-01-05", 20, 30, 750), at("2026-01-07", 9, 0, 8*60)},
			[]string{RuleRestNights + "@2026-01-07"}},
		{"TS-143 one night, next shift 24 h later (2016)", y16, []Duty{at("2026-01-05", 20, 30, 750), at("2026-01-07", 9, 0, 8*60)}, nil},
		{"TS-143 three nights, next shift 24 h later (2016)", y16, join(nights("2026-01-05", 3), []Duty{at("2026-01-09", 9, 0, 8*60)}),
			[]string{RuleRestNights + "@2026-01-09"}},
		{"TS-144 eight consecutive shifts (2019)", y19, days9("2026-01-05", 8), []string{RuleConsecutive + "@2026-01-12"}},
		{"TS-144 eight consecutive shifts (2016)", y16, days9("2026-01-05", 8), nil},
		{"TS-144 eight then 48 h rest (2016)", y16, join(days9("2026-01-05", 8), days9("2026-01-15", 1)), nil},
		{"TS-144 eight then only 39 h rest (2016)", y16, join(days9("2026-01-05", 8), days9("2026-01-14", 1)),
			[]string{RuleRestConsecutive + "@2026-01-14"}},
		{"TS-145 one weekend in two (2016)", y16, join(days9("2026-01-10", 1), days9("2026-01-24", 1)), nil},
		{"TS-145 one weekend in two (2019)", y19, join(days9("2026-01-10", 1), days9("2026-01-24", 1)),
			[]string{RuleWeekendFrequency + "@2026-01-24"}},
		{"TS-145 one weekend in three (2019)", y19, join(days9("2026-01-10", 1), days9("2026-01-31", 1)), nil},
		{"TS-146 14 h shift", y19, []Duty{at("2026-01-06", 8, 0, 14*60)}, []string{RuleShiftLength + "@2026-01-06"}},
		{"TS-146 13 h shift", y19, []Duty{at("2026-01-06", 8, 0, 13*60)}, nil},
		{"TS-147 ends 20:00, next starts 06:00", y19, []Duty{at("2026-01-06", 8, 0, 12*60), at("2026-01-07", 6, 0, 8*60)},
			[]string{RuleRest + "@2026-01-07"}},
		{"TS-147 exactly 11 h rest", y19, []Duty{at("2026-01-06", 8, 0, 12*60), at("2026-01-07", 7, 0, 8*60)}, nil},
	}
	runRuleCases(t, cases, "2026-01-05", "2026-02-01")
}

func runRuleCases(t *testing.T, cases []ruleCase, from, to string) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := codes(Check(c.duties, elective.MustParseDate(from), elective.MustParseDate(to), c.limits, london))
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func codes(vs []Violation) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Rule+"@"+v.Date.String())
	}
	slices.Sort(out)
	return out
}

// TestRuleEdges covers each rule's boundaries (rules.md 4.3) beyond the
// scenarios.
func TestRuleEdges(t *testing.T) {
	y19 := Limits2019()
	cases := []ruleCase{
		{"72 h exactly in 7 days", y19, join(longDays("2026-01-05", 4), daily("2026-01-09", 2, 8, 0, 600)), nil},
		{"72 h and a minute in 7 days", y19, join(longDays("2026-01-05", 4), daily("2026-01-09", 1, 8, 0, 600), daily("2026-01-10", 1, 8, 0, 601)),
			[]string{RuleSevenDay + "@2026-01-10"}},
		{"overlapping duties", y19, []Duty{at("2026-01-06", 8, 0, 9*60), at("2026-01-06", 16, 0, 4*60)},
			[]string{RuleOverlap + "@2026-01-06"}},
		{"five long late evenings", y19, daily("2026-01-05", 5, 13, 0, 690), []string{RuleLongLate + "@2026-01-09"}},
		{"four long late evenings then a day after 24 h", y19, join(daily("2026-01-05", 4, 13, 0, 690), days9("2026-01-10", 1)),
			[]string{RuleRestLongLate + "@2026-01-10"}},
		{"seven shifts then a day off only", y19, join(days9("2026-01-05", 7), days9("2026-01-13", 1)),
			[]string{RuleRestConsecutive + "@2026-01-13"}},
		{"a Friday night works the weekend", y19, join(nights("2026-01-09", 1), days9("2026-01-18", 1)),
			[]string{RuleWeekendFrequency + "@2026-01-18"}},
		{"a short day after five long days still owes 48 h", y19, join(longDays("2026-01-05", 5), daily("2026-01-10", 1, 8, 0, 420)),
			[]string{RuleRestLong + "@2026-01-10"}},
	}
	runRuleCases(t, cases, "2026-01-05", "2026-02-01")
}

// TestAverageWeekly: 48 h a week on average over the period checked.
func TestAverageWeekly(t *testing.T) {
	fifty := daily("2026-01-05", 5, 8, 0, 600) // 50 h in one week
	runRuleCases(t, []ruleCase{{"50 h in a one-week period", Limits2019(), fifty, []string{RuleAverageWeekly + "@2026-01-11"}}}, "2026-01-05", "2026-01-11")
	runRuleCases(t, []ruleCase{{"50 h in a two-week period", Limits2019(), fifty, nil}}, "2026-01-05", "2026-01-18")
}

// TestContextBeforePeriod: duties before the period count for rest and
// runs, but only violations dated inside the period are reported.
func TestContextBeforePeriod(t *testing.T) {
	duties := join(days9("2025-12-27", 1), days9("2026-01-03", 1), nights("2026-01-04", 1), []Duty{at("2026-01-06", 9, 0, 8*60)})
	got := codes(Check(duties, elective.MustParseDate("2026-01-05"), elective.MustParseDate("2026-02-01"), Limits2019(), london))
	// The weekends of 27 Dec and 3 Jan break 1 in 3 before the period; the
	// night of 4 Jan (before) owes 46 h that 6 Jan (inside) does not give.
	if want := []string{RuleRestNights + "@2026-01-06"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestKinds(t *testing.T) {
	cases := []struct {
		name              string
		d                 Duty
		night, long, late bool
	}{
		{"night 20:30-09:00", at("2026-01-05", 20, 30, 750), true, true, false},
		{"day 08:00-17:00", at("2026-01-05", 8, 0, 540), false, false, false},
		{"long day 08:00-21:00", at("2026-01-05", 8, 0, 780), false, true, false},
		{"evening 22:00-02:00 has 3 h in 23-06", at("2026-01-05", 22, 0, 240), true, false, false},
		{"23:00-01:30 has 2.5 h", at("2026-01-05", 23, 0, 150), false, false, false},
		{"long late evening 13:00-00:30", at("2026-01-05", 13, 0, 690), false, true, true},
		{"ends at 23:00 is not after 23:00", at("2026-01-05", 12, 0, 660), false, true, false},
		{"14:00-01:00 has 2 h", at("2026-01-05", 14, 0, 660), false, true, true},
		{"early 05:00-15:30 has 1 h", at("2026-01-05", 5, 0, 630), false, true, false},
	}
	for _, c := range cases {
		if n, l, ll := IsNight(c.d, london), IsLong(c.d), IsLongLateEvening(c.d, london); n != c.night || l != c.long || ll != c.late {
			t.Errorf("%s: night %v long %v late %v, want %v %v %v", c.name, n, l, ll, c.night, c.long, c.late)
		}
	}
}

func TestCheckSortsAndWords(t *testing.T) {
	a := longDays("2026-01-05", 6)
	b := []Duty{at("2026-01-06", 8, 0, 14*60)}
	for i := range a {
		a[i].StaffID = 7
	}
	vs := Check(join(a, b), elective.MustParseDate("2026-01-05"), elective.MustParseDate("2026-01-31"), Limits2019(), london)
	if len(vs) != 3 || vs[0].StaffID != 1 || vs[1].StaffID != 7 || vs[1].Rule != RuleSevenDay || vs[2].Rule != RuleConsecutiveLong {
		t.Fatalf("got %+v", vs)
	}
	if want := "78 h worked in 7 days (168 hours); at most 72 h are allowed in any 7 days (rules.md 4.3)."; vs[1].Message != want {
		t.Errorf("message %q, want %q", vs[2].Message, want)
	}
}
