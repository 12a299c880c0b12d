package rota

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// teamShifts are the three shifts of a typical medical rota.
var teamShifts = []ShiftType{
	{Code: "D", Name: "Day", StartMinute: 8 * 60, Minutes: 9 * 60, Breaks: 1},
	{Code: "LD", Name: "Long day", StartMinute: 8 * 60, Minutes: 13 * 60, Breaks: 3},
	{Code: "N", Name: "Night", StartMinute: 20*60 + 30, Minutes: 750, Unpopular: true, Breaks: 3},
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
	res, err := Build(context.Background(), p, Options{Seed: 1, MaxIterations: iters})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestBuildTeam: a realistic 8-week rota of 10 residents with leave is
// built with no gaps and nothing that Check or Summarise finds wrong; the
// long days go to CT1 and above, the nights to ALS holders, the day asked
// off is honoured, and the hours are shared pro rata.
func TestBuildTeam(t *testing.T) {
	p := withLeave(team(10, 8))
	res := build(t, p, 200000)
	for _, g := range res.Gaps {
		t.Errorf("gap: %+v", g)
	}
	if vs := Check(res.Duties, p.From, p.To, p.Limits, p.Loc); len(vs) > 0 {
		t.Errorf("Check: %+v", vs)
	}
	for _, v := range res.Violations {
		t.Errorf("Summarise: %+v", v)
	}
	byID := map[int64]*Person{}
	for i := range p.Staff {
		byID[p.Staff[i].ID] = &p.Staff[i]
	}
	for _, d := range res.Duties {
		pe := byID[d.StaffID]
		if d.Code == "LD" && !slices.Contains(GradesAtLeast("CT1"), pe.Grade) || d.Code == "N" && !pe.HasSkill("ALS") {
			t.Errorf("%s works %s on %s", pe.Name, d.Code, elective.DateOf(d.Start, london))
		}
	}
	if again := Summarise(p, res.Duties); again.Cost != res.Cost {
		t.Errorf("Summarise prices the rota at %d, Build at %d", again.Cost, res.Cost)
	}
	for i, l := range res.Load {
		share := float64(l.Minutes) / float64(p.Staff[i].fte())
		if share < 120 || share > 160 || l.PreferOffBroken > 0 {
			t.Errorf("load %+v (FTE %d%%)", l, p.Staff[i].fte())
		}
	}
}

// TestBuildDeterministic: the same seed and iterations give the same rota,
// with two threads too.
func TestBuildDeterministic(t *testing.T) {
	p := withLeave(team(10, 4))
	o := Options{Seed: 5, Threads: 2, MaxIterations: 20000}
	a, err := Build(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Build(context.Background(), p, o)
	if !slices.Equal(a.Duties, b.Duties) || a.Cost != b.Cost {
		t.Errorf("two runs differ: costs %d and %d", a.Cost, b.Cost)
	}
}

// TestBuildProgress: Build reports the first fill, then the cover phase,
// then the fairness phase, its moves rising to the budget and the gaps
// falling to none; reporting does not change the rota (the same seed and
// moves give the same rota with and without it).
func TestBuildProgress(t *testing.T) {
	p := withLeave(team(10, 4))
	var mu sync.Mutex
	var got []Progress
	o := Options{Seed: 3, MaxIterations: 60000, Progress: func(pr Progress) {
		mu.Lock()
		got = append(got, pr)
		mu.Unlock()
	}}
	res, err := Build(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 3 || got[0].Moves != 0 || got[0].Phase != PhaseCover || got[len(got)-1].Phase != PhaseFairness {
		t.Fatalf("progress %+v", got)
	}
	for i := 1; i < len(got); i++ {
		if a, b := got[i-1], got[i]; b.Moves <= a.Moves || b.Gaps > a.Gaps && a.Phase == b.Phase || b.Phase == PhaseCover && a.Phase == PhaseFairness {
			t.Errorf("report %d %+v after %+v", i, b, a)
		}
	}
	if last := got[len(got)-1]; last.Gaps != 0 || last.Unfairness <= 0 || last.Moves < 50000 || last.Moves > 60000 || res.Moves != 60000 {
		t.Errorf("last report %+v, %d moves tried", last, res.Moves)
	}
	o.Progress = nil
	if again, _ := Build(context.Background(), p, o); !slices.Equal(again.Duties, res.Duties) {
		t.Error("the rota differs without Progress")
	}
}

// TestBuildStopped: a build stopped (a coordinator's Stop cancels ctx)
// ends at once with the best rota so far: safe, covered, and with far
// fewer moves than its budget.
func TestBuildStopped(t *testing.T) {
	p := withLeave(team(10, 4))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const budget = 50_000_000
	res, err := Build(ctx, p, Options{Seed: 1, MaxIterations: budget, Progress: func(pr Progress) {
		if pr.Moves >= 40000 {
			cancel()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Moves < 40000 || res.Moves > 50000 || len(res.Gaps) > 0 || len(res.Violations) > 0 {
		t.Errorf("%d moves, gaps %+v, violations %+v", res.Moves, res.Gaps, res.Violations)
	}
}

// TestBuildTimed: a run to a deadline (the way the web asks for one)
// spends its first phase to three tenths of the time and still fills the
// cover.
func TestBuildTimed(t *testing.T) {
	p := withLeave(team(12, 4))
	ctx, cancel := context.WithTimeout(context.Background(), 400*time.Millisecond)
	defer cancel()
	deadline, _ := ctx.Deadline()
	res, err := Build(ctx, p, Options{Seed: 1, Now: time.Now, Deadline: deadline})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Gaps) > 0 || len(res.Violations) > 0 || len(res.Duties) == 0 {
		t.Errorf("gaps %+v, violations %+v", res.Gaps, res.Violations)
	}
}

// TestBuildImpossibleCover: with everyone on leave for three days, those
// days are left as gaps that say why, and nothing unsafe is rostered.
func TestBuildImpossibleCover(t *testing.T) {
	p := team(10, 4)
	away := []elective.Date{p.From.AddDays(9), p.From.AddDays(10), p.From.AddDays(11)}
	for i := range p.Staff {
		p.Staff[i].Unavailable = away
	}
	res := build(t, p, 60000)
	if len(res.Violations) > 0 {
		t.Errorf("violations: %+v", res.Violations)
	}
	short := map[elective.Date]int{}
	for _, g := range res.Gaps {
		short[g.Date] += g.Short
		if !strings.Contains(g.Why, "on leave") {
			t.Errorf("gap %+v does not say who is on leave", g)
		}
	}
	// The night before the leave ends on its first day, so it is a gap too.
	want := map[elective.Date]int{p.From.AddDays(8): 1, away[0]: 4, away[1]: 4, away[2]: 4}
	if !maps.Equal(short, want) {
		t.Errorf("gaps by date %v, want %v", short, want)
	}
}

// TestBuildKeepsFixed: fixed duties stay as they are and count as cover;
// a fixed duty that breaks a limit is reported, and the builder adds
// nothing near it; the nights before the rota owe their 46 h rest.
func TestBuildKeepsFixed(t *testing.T) {
	p := withContext(withLeave(team(12, 4)))
	res := build(t, p, 60000)
	for _, f := range p.Fixed {
		if !slices.Contains(res.Duties, f) {
			t.Errorf("fixed duty %+v is not in the rota", f)
		}
	}
	if got, want := codes(res.Violations), contextViolations(p); !slices.Equal(got, want) || len(want) == 0 {
		t.Errorf("violations %v, want those of the fixed duties %v", got, want)
	}
	unsafe := p.Fixed[1]
	for _, d := range res.Duties {
		if gap := d.Start.Sub(unsafe.Start).Hours() / 24; d.StaffID == unsafe.StaffID && d != unsafe && gap > -8 && gap < 8 {
			t.Errorf("rostered %s on %s, within a week of the unsafe fixed duty", d.Code, elective.DateOf(d.Start, london))
		}
	}
	for _, d := range res.Duties {
		if d.StaffID == p.Staff[2].ID && d.Start.Before(p.Staff[2].Before[3].End.Add(46*time.Hour)) {
			t.Errorf("rostered %s on %s, within 46 h of the nights before the rota", d.Code, elective.DateOf(d.Start, london))
		}
	}
	for _, g := range res.Gaps {
		t.Errorf("gap: %+v", g)
	}
}

// BenchmarkBuild builds a 13-week rotation of 12 residents with leave
// (docs/benchmarks.md, issue 6) and reports its gaps.
func BenchmarkBuild(b *testing.B) {
	p := withLeave(team(12, 13))
	var gaps int
	for b.Loop() {
		res, err := Build(context.Background(), p, Options{Seed: 1, MaxIterations: 400000})
		if err != nil {
			b.Fatal(err)
		}
		gaps = 0
		for _, g := range res.Gaps {
			gaps += g.Short
		}
		if len(res.Violations) > 0 {
			b.Fatalf("violations: %+v", res.Violations)
		}
	}
	b.ReportMetric(float64(gaps), "gaps")
}
