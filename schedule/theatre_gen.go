package schedule

import (
	"fmt"
	"math/rand"
	"time"

	"github.com/openelective/elective"
)

// GenerateListProblem builds a month-sized, over-subscribed theatre
// problem from a seed, for demos, tests and benchmarks: 40 four-hour
// sessions (two theatres running at the same time every weekday for four
// weeks, from Monday 5 Jan 2026), five surgeons, 150 cases with a realistic
// mix of priorities, waits, beds, kit (one laser shared by both theatres),
// pre-operative assessments and patient unavailability. The same seed
// gives the same problem.
func GenerateListProblem(seed int64) ListProblem {
	r := rand.New(rand.NewSource(seed))
	today := elective.NewDate(2026, time.January, 2)
	p := ListProblem{Today: today, Kit: map[string]int{"laser": 1}, Beds: map[elective.Date]int{},
		ListTypeFits: func(have, want string) bool {
			return have == "" || want == "" || have == want || (have == "GA" && want == "LA")
		}}
	names := []string{"Mr Smith", "Ms Patel", "Mr Okafor", "Dr Jones", "Ms Chen"}
	first := elective.NewDate(2026, time.January, 5)
	id := int64(1)
	for day := 0; day < 28; day++ {
		d := first.AddDays(day)
		if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		p.Beds[d] = 6
		for th := range 2 {
			surgeon := (day + 2*th) % len(names)
			s := ListSession{ID: id, Date: d, Theatre: fmt.Sprintf("Theatre %d", th+1), Start: 8 * 60, Minutes: 240,
				SurgeonID: int64(surgeon + 1), SurgeonName: names[surgeon], ListType: "GA", Kit: []string{"laser"}}
			if (day+th)%4 == 3 {
				s.ListType = "LA"
			}
			p.Sessions = append(p.Sessions, s)
			id++
		}
	}
	for i := range 150 {
		p.Cases = append(p.Cases, generateCase(r, int64(1000+i), today))
	}
	return p
}

// generateCase draws one waiting-list entry.
func generateCase(r *rand.Rand, id int64, today elective.Date) ListCase {
	c := ListCase{ID: id, PatientName: fmt.Sprintf("Patient %d", id), SurgeonID: int64(1 + r.Intn(5)),
		Minutes: 30 + 15*r.Intn(7), ListType: "GA"}
	if r.Intn(10) == 0 {
		c.SurgeonID = 0
	}
	if r.Intn(5) == 0 {
		c.ListType = "LA"
	}
	switch k := r.Intn(100); {
	case k < 3:
		c.PriorityCode, c.ListedOn = "P1b", today.AddDays(-r.Intn(2))
	case k < 25:
		c.PriorityCode, c.ListedOn = "P2", today.AddDays(-r.Intn(25))
	case k < 55:
		c.PriorityCode, c.ListedOn = "P3", today.AddDays(-r.Intn(80))
	default:
		c.PriorityCode, c.ListedOn = "P4", today.AddDays(-r.Intn(120))
	}
	c.BreachDate = c.ListedOn.AddDays(126 - r.Intn(30)) // RTT clock started before the decision to admit
	if r.Intn(3) > 0 {
		c.POAValidUntil = today.AddDays(r.Intn(84))
	}
	if r.Intn(10) < 4 {
		c.NeedsBed, c.LengthOfStayDays = true, 1+r.Intn(4)
	}
	if r.Intn(10) == 0 {
		c.Kit = []string{"laser"}
	}
	if r.Intn(10) == 0 {
		from := today.AddDays(3 + r.Intn(20))
		c.Unavailable = []DateRange{{From: from, To: from.AddDays(4 + r.Intn(7))}}
	}
	return c
}
