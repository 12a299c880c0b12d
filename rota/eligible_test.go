package rota

import (
	"slices"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// ward is a small rota for Eligible: the night of Friday 16 January 2026
// needs someone with ALS and the long day CT1 or above, and each of eight
// people is placed to show one answer.
func ward() (p *Problem, current []Duty, night elective.Date) {
	night = elective.MustParseDate("2026-01-16")
	p = &Problem{From: elective.MustParseDate("2026-01-12"), To: elective.MustParseDate("2026-01-25"), Loc: london,
		Limits: Limits2019(), Shifts: teamShifts,
		Cover: []Cover{{Date: night, Code: "N", Min: 1, Skill: "ALS"}, {Date: night, Code: "LD", Min: 1, Grades: GradesAtLeast("CT1")}}}
	als := []string{"ALS"}
	p.Staff = []Person{
		{ID: 1, Name: "Dr Ayo", Grade: "ST4", Skills: als},
		{ID: 2, Name: "Dr Bell", Grade: "FY1"},
		{ID: 3, Name: "Dr Carr", Grade: "CT1", Skills: als, Unavailable: []elective.Date{night}},
		{ID: 4, Name: "Dr Dunn", Grade: "CT2", Skills: als},
		{ID: 5, Name: "Dr Eze", Grade: "ST3", Skills: als},
		{ID: 6, Name: "Dr Fox", Grade: "CT3", Skills: als},
		{ID: 7, Name: "Dr Gray", Grade: "ST5", Skills: als, MaxShiftMinutes: 12 * 60},
		{ID: 8, Name: "Dr Hart", Grade: "ST6", Skills: als},
	}
	for i := range 4 { // Ayo has done four nights to Thursday
		current = append(current, p.DutyOf(1, "N", night.AddDays(-4+i)))
	}
	current = append(current,
		p.DutyOf(4, "D", night),              // Dunn is on the day shift
		p.DutyOf(5, "LD", night.AddDays(-2)), // Eze has 13 h so far
		p.DutyOf(8, "D", night.AddDays(2)))   // Hart works Sunday, 23 h after the night
	return p, current, night
}

// TestEligible: for the night, the two who may take it come first, fewest
// hours first, then the others by name, each with the rule they would
// break (rules.md 4.3).
func TestEligible(t *testing.T) {
	p, current, night := ward()
	got := Eligible(p, current, "N", night)
	want := []struct {
		name, rule, says string
	}{
		{"Dr Fox", "", ""},
		{"Dr Eze", "", ""},
		{"Dr Ayo", RuleNights, "5 consecutive night shifts"},
		{"Dr Bell", ReasonSkill, "Does not hold ALS"},
		{"Dr Carr", RuleOnLeave, "On leave on 16 Jan 2026"},
		{"Dr Dunn", ReasonWorking, "Already working Day that day"},
		{"Dr Gray", RuleContractLength, "12 h 30 min, longer than the 12 h"},
		{"Dr Hart", RuleRestNights, "Only 23 h rest after 1 night shift"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d candidates", len(got))
	}
	for i, w := range want {
		c := got[i]
		if c.Name != w.name || c.OK != (w.rule == "") || c.Rule != w.rule || !strings.Contains(c.Reason, w.says) {
			t.Errorf("%d: got %+v, want %s %q %q", i, c, w.name, w.rule, w.says)
		}
	}
	if got[1].Minutes != 13*60 {
		t.Errorf("Eze has %d minutes, want 780", got[1].Minutes)
	}
}

// TestEligibleGrade: the long day takes CT1 and above only; once the
// night has someone with ALS, a second person need not hold it.
func TestEligibleGrade(t *testing.T) {
	p, current, night := ward()
	ld := Eligible(p, current, "LD", night)
	bell := ld[slices.IndexFunc(ld, func(c Candidate) bool { return c.Name == "Dr Bell" })]
	if bell.OK || bell.Rule != ReasonGrade || !strings.Contains(bell.Reason, "Grade FY1 cannot fill this shift (CT1 to ST8)") {
		t.Errorf("Bell for the long day: %+v", bell)
	}
	p.Cover[0].Min = 2
	current = append(current, p.DutyOf(6, "N", night))
	n := Eligible(p, current, "N", night)
	bell = n[slices.IndexFunc(n, func(c Candidate) bool { return c.Name == "Dr Bell" })]
	if !bell.OK {
		t.Errorf("Bell as second on the night: %+v", bell)
	}
}

func TestEligibleUnknownShift(t *testing.T) {
	p, current, night := ward()
	for _, c := range Eligible(p, current, "TW", night) {
		if c.OK || c.Rule != ReasonNoShift {
			t.Errorf("%+v", c)
		}
	}
}

// TestSummarise: a hand-made rota's gaps say who could fill them; work on
// leave and a shift over the contract are reported; loads count nights,
// weekends and days asked off.
func TestSummarise(t *testing.T) {
	p, current, night := ward()
	p.Staff[1].PreferOff = []elective.Date{night.AddDays(2)}
	current = append(current,
		p.DutyOf(3, "D", night),             // Carr on leave
		p.DutyOf(7, "LD", night.AddDays(1)), // Gray: 13 h over a 12 h contract
		p.DutyOf(2, "D", night.AddDays(2)))  // Bell on a Sunday asked off
	res := Summarise(p, current)
	if len(res.Gaps) != 2 || res.Gaps[0].Code != "LD" || res.Gaps[1].Code != "N" {
		t.Fatalf("gaps %+v", res.Gaps)
	}
	if why := res.Gaps[1].Why; !strings.HasPrefix(why, "Needs 1 more (any grade, with ALS). Could be taken by Dr Fox, Dr Eze.") {
		t.Errorf("night gap: %q", why)
	}
	if got, want := codes(res.Violations), []string{RuleOnLeave + "@2026-01-16", RuleContractLength + "@2026-01-17"}; !slices.Equal(got, want) {
		t.Errorf("violations %v, want %v", got, want)
	}
	bell := res.Load[1]
	if bell.Shifts != 1 || bell.Weekends != 1 || bell.PreferOffBroken != 1 || bell.Minutes != 540 {
		t.Errorf("Bell's load %+v", bell)
	}
	if ayo := res.Load[0]; ayo.Nights != 4 || ayo.Unpopular != 4 || ayo.Weekends != 0 {
		t.Errorf("Ayo's load %+v", ayo)
	}
	filled := Summarise(p, append(slices.Clone(current), p.DutyOf(6, "N", night), p.DutyOf(5, "LD", night)))
	if len(filled.Gaps) != 0 || filled.Cost >= res.Cost {
		t.Errorf("filled: gaps %+v, cost %d (was %d)", filled.Gaps, filled.Cost, res.Cost)
	}
}
