package rota

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/schedule"
)

// teamShifts are the three shifts of a typical medical rota.
var teamShifts = []ShiftType{
	{Code: "D", Name: "Day", StartMinute: 8 * 60, Minutes: 9 * 60},
	{Code: "LD", Name: "Long day", StartMinute: 8 * 60, Minutes: 13 * 60},
	{Code: "N", Name: "Night", StartMinute: 20*60 + 30, Minutes: 750, Unpopular: true},
}

// team is a resident rota of n people (FY1 to ST6; CT1 and above and one
// FY2 hold ALS) for weeks weeks from Monday 5 January 2026. Each day needs
// a long day (CT1 or above), a night (with ALS) and 2 on the day shift, 1
// at weekends: with 4 people a weekend, the 2019 limit of one weekend in
// three would need 12 people in every three weekends, so no team of 10
// could meet it.
func team(n, weeks int) *Problem {
	grades := []string{"FY1", "FY2", "CT1", "ST3", "FY1", "CT2", "FY2", "ST4", "CT3", "ST5", "ST6", "FY2"}
	p := &Problem{From: elective.MustParseDate("2026-01-05"), Loc: london, Limits: Limits2019(), Shifts: teamShifts}
	p.To = p.From.AddDays(7*weeks - 1)
	for i := range n {
		g := grades[i%len(grades)]
		pe := Person{ID: int64(i + 1), Name: fmt.Sprintf("Dr %c %s", 'A'+i, g), Grade: g, FTEPercent: 100}
		if g != "FY1" && (g != "FY2" || i == 1) {
			pe.Skills = []string{"ALS"}
		}
		p.Staff = append(p.Staff, pe)
	}
	p.Staff[3].FTEPercent = 80
	for d := p.From; !d.After(p.To); d = d.AddDays(1) {
		day := 2
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			day = 1
		}
		p.Cover = append(p.Cover,
			Cover{Date: d, Code: "D", Min: day},
			Cover{Date: d, Code: "LD", Min: 1, Grades: GradesAtLeast("CT1")},
			Cover{Date: d, Code: "N", Min: 1, Skill: "ALS"})
	}
	return p
}

// withLeave gives two people a week's leave and one a day they asked off.
func withLeave(p *Problem) *Problem {
	for i := range 5 {
		p.Staff[1].Unavailable = append(p.Staff[1].Unavailable, p.From.AddDays(14+i))
		p.Staff[7].Unavailable = append(p.Staff[7].Unavailable, p.From.AddDays(28+i))
	}
	p.Staff[2].PreferOff = []elective.Date{p.From.AddDays(10)}
	return p
}

func build(t testing.TB, p *Problem, iters int64) *Result {
	t.Helper()
	res, err := Build(context.Background(), p, schedule.Options{Seed: 1, MaxIterations: iters})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestBuildTeam: a realistic 8-week rota of 10 residents with leave is
// built with no gaps and nothing that Check or Summarise finds wrong.
func TestBuildTeam(t *testing.T) {
	p := withLeave(team(10, 8))
	start := time.Now()
	res := build(t, p, 200000)
	t.Logf("built in %v, cost %d", time.Since(start), res.Cost)
	for _, g := range res.Gaps {
		t.Errorf("gap: %+v", g)
	}
	if vs := Check(res.Duties, p.From, p.To, p.Limits, p.Loc); len(vs) > 0 {
		t.Errorf("Check: %+v", vs)
	}
	for _, v := range res.Violations {
		t.Errorf("Summarise: %+v", v)
	}
	for _, l := range res.Load {
		t.Logf("%+v", l)
	}
}
