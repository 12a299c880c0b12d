package main

import (
	"context"
	"fmt"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// demoRotaTeam is the demo's resident doctors' rota team.
const demoRotaTeam = "General surgery residents"

// demoResidents are the team's doctors: grade and whether they hold ALS
// (the night needs one). Names are invented.
var demoResidents = []struct {
	given, family, grade string
	als                  bool
	fte                  int
}{
	{"Amara", "Okoye", "FY1", false, 100}, {"Ben", "Hughes", "FY1", false, 100}, {"Chloe", "Patel", "FY1", false, 100},
	{"Daniel", "Reid", "FY2", false, 100}, {"Ella", "Morgan", "FY2", true, 100}, {"Faisal", "Khan", "CT1", true, 100},
	{"Grace", "Lewis", "CT2", true, 80}, {"Harry", "Evans", "ST3", true, 100}, {"Isla", "Campbell", "ST4", true, 100},
	{"Jacob", "Wright", "ST5", true, 100}, {"Kiran", "Shah", "ST6", true, 100}, {"Lucy", "Turner", "ST7", true, 100},
}

// demoRotaPattern is the team's usual rolling pattern, saved on the setup
// page for the coordinator to fill a rota from: twelve weeks for the
// twelve doctors, so that each day has one night and one long day, at
// least three on days in the week and one at weekends; each doctor works
// a weekend one week in four and rests 46 hours after nights.
const demoRotaPattern = `N N N N - - -
- - - - N N N
- - D D D - -
LD LD LD LD - - -
- - - - LD LD LD
- - D D D - -
D D D D D - -
D D D D D - -
D D D D D - -
- - - D D D D
- D D D D - -
D D D D D - -`

// loadDemoRota adds the resident team, its shifts, cover rules and usual
// pattern, the current rotation's rota (built and published) and the next
// one's (a draft, for the coordinator to build).
func loadDemoRota(ctx context.Context, db *store.DB, today elective.Date) error {
	staff := store.NewStaffService(db)
	for i, r := range demoResidents {
		m := &elective.StaffMember{Title: "Dr", GivenName: r.given, FamilyName: r.family, Group: elective.StaffResident,
			Grade: r.grade, Team: demoRotaTeam, Mobile: fmt.Sprintf("07700 900%03d", 100+i), Bleep: fmt.Sprintf("%d", 2200+i),
			FTEPercent: r.fte, ContractMaxShiftMinutes: 13 * 60, Active: true}
		if r.als {
			m.Skills = []string{"ALS"}
		}
		if err := staff.CreateStaffMember(ctx, m); err != nil {
			return err
		}
	}
	rotas := store.NewRotaService(db)
	for _, st := range []*elective.ShiftType{
		{Team: demoRotaTeam, Code: "D", Name: "Day", StartMinute: 8 * 60, Minutes: 9 * 60, Breaks: 1},
		{Team: demoRotaTeam, Code: "LD", Name: "Long day", StartMinute: 8 * 60, Minutes: 13 * 60, Unpopular: true, Breaks: 3},
		{Team: demoRotaTeam, Code: "N", Name: "Night", StartMinute: 20*60 + 30, Minutes: 12*60 + 30, Unpopular: true, Breaks: 3},
	} {
		if err := rotas.CreateShiftType(ctx, st); err != nil {
			return err
		}
	}
	seniors := []string{"CT1", "CT2", "ST3", "ST4", "ST5", "ST6", "ST7", "ST8"}
	for _, c := range []*elective.CoverRule{
		{Team: demoRotaTeam, ShiftCode: "D", Min: 3, Weekdays: weekdays()},
		{Team: demoRotaTeam, ShiftCode: "D", Min: 1, Weekdays: []time.Weekday{time.Saturday, time.Sunday}},
		{Team: demoRotaTeam, ShiftCode: "LD", Min: 1, Grades: seniors},
		{Team: demoRotaTeam, ShiftCode: "N", Min: 1, Skill: "ALS", Grades: seniors},
	} {
		if err := rotas.CreateCoverRule(ctx, c); err != nil {
			return err
		}
	}
	if err := rotas.CreateRotaPattern(ctx, &elective.RotaPattern{Team: demoRotaTeam, Name: "Residents 12-week rolling",
		Text: demoRotaPattern}); err != nil {
		return err
	}
	monday := today.AddDays(-((int(today.Weekday()) + 6) % 7))
	current := &elective.Rota{Team: demoRotaTeam, Name: "Current rotation", From: monday.AddDays(-28), To: monday.AddDays(-28 + 7*13 - 1)}
	next := &elective.Rota{Team: demoRotaTeam, Name: "Next rotation", From: current.To.AddDays(1), To: current.To.AddDays(7 * 13)}
	for _, r := range []*elective.Rota{current, next} {
		if err := rotas.CreateRota(ctx, r); err != nil {
			return err
		}
	}
	if _, err := rotas.BuildRota(ctx, current.ID, elective.RotaBuild{Seed: 1, Moves: 2_000_000}); err != nil {
		return err
	}
	return rotas.PublishRota(ctx, current.ID)
}

func weekdays() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
}
