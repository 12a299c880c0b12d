package schedule

import (
	"context"
	"testing"

	"github.com/openelective/elective"
)

func TestReasons_LeftOut(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *ListProblem)
		want string
	}{
		{"ListTypeCount", func(p *ListProblem) { p.Sessions[0].ListType, p.Sessions[1].ListType = "LA", "LA" }, "needs a GA list (2 sessions)"},
		{"Kit", func(p *ListProblem) { p.Cases[0].Kit = []string{"laser"} }, "needs kit laser not on the list (2 sessions)"},
		{"FixedKitBesideMobile", func(p *ListProblem) {
			p.Cases[0].Kit, p.Kit, p.MobileKit = []string{"laser", "image intensifier"}, map[string]int{"image intensifier": 1},
				map[string]bool{"image intensifier": true}
		}, "needs fixed kit laser not on the list (2 sessions)"},
		{"Mixed", func(p *ListProblem) {
			p.Sessions[0].ListType = "LA"
			p.Cases[0].Unavailable = []DateRange{{From: on(3)}}
		}, "needs a GA list (1 session); patient unavailable on 8 Jan (1 session)"},
		{"POAExpired", func(p *ListProblem) { p.Cases[0].POAValidUntil = on(0) }, "POA expired 5 Jan and the list is under 14 days away"},
		{"POARequired", func(p *ListProblem) { p.Cases[0].POAValidUntil, p.POA.RequireValid = on(0), true }, "(a valid POA is required)"},
		{"Locked", func(p *ListProblem) { p.Sessions[0].Locked, p.Sessions[1].Locked = true, true }, "every session of Mr Smith is locked or already past"},
		{"Specialty", func(p *ListProblem) {
			p.Cases[0].Specialty, p.Sessions[0].Specialty, p.Sessions[1].Specialty = "ENT", "T&O", "T&O"
		}, "no session of Mr Smith in the lists"},
		{"Full", fillWithP1, "no session of Mr Smith has 60 min free (most free: 40 min)"},
		{"TooLongForOwn", func(p *ListProblem) {
			p.Sessions = append(p.Sessions, session(12, 2, 2))
			p.Sessions[0].Minutes, p.Sessions[1].Minutes = 30, 30
		}, "longer than the session (60 min) (2 sessions)"},
		{"AnySurgeon", func(p *ListProblem) {
			p.Cases[0].SurgeonID = 0
			fillWithP1(p)
		}, "no session of any surgeon has 60 min free"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := listCase(1, 60)
			c.PriorityCode, c.ListedOn = "P2", on(-2)
			p := ListProblem{Today: day0, Sessions: []ListSession{session(10, 1, 1), session(11, 3, 1)}, Cases: []ListCase{c}}
			tt.edit(&p)
			for name, prop := range solvers(t, p) {
				if len(prop.LeftOut) != 1 {
					t.Fatalf("%s: %d left out", name, len(prop.LeftOut))
				}
				mustContain(t, prop.LeftOut[0].Reason, "Left out: P2 due 31 Jan, waiting 2 days: ")
				mustContain(t, prop.LeftOut[0].Reason, tt.want)
			}
		})
	}
}

// fillWithP1 leaves 40 minutes on each list with two urgent cases.
func fillWithP1(p *ListProblem) {
	for id := int64(2); id <= 3; id++ {
		c := listCase(id, 200)
		c.PriorityCode, c.ListedOn = "P1b", on(0)
		p.Cases = append(p.Cases, c)
	}
}

func TestReasons_Placement(t *testing.T) {
	locked := session(9, 1, 1)
	locked.Locked, locked.Booked = true, []int64{1}
	kept := listCase(2, 60)
	kept.CurrentSessionID = 10
	late := listCase(3, 60)
	late.PriorityCode, late.DueBy, late.BreachDate = "P2", on(2), on(2)
	p := ListProblem{Today: day0, Sessions: []ListSession{locked, session(10, 5, 1)}, Cases: []ListCase{listCase(1, 60), kept, late}}
	for name, prop := range solvers(t, p) {
		got := map[int64]Placement{}
		for _, pl := range prop.Placements {
			got[pl.CaseID] = pl
		}
		mustContain(t, got[1].Reason, "on a locked list (Tue 6 Jan, T1): not changed")
		mustContain(t, got[2].Reason, "; kept on its booked list")
		mustContain(t, got[3].Reason, "P2 due 7 Jan, waiting 30 days, breach 7 Jan: earliest session of Mr Smith with 180 min free (Sat 10 Jan, T1); after its due date; after its RTT breach date")
		if !got[3].Late || !got[3].Breach || prop.Totals.PCodeMisses != 1 || prop.Totals.RTTBreaches != 1 {
			t.Errorf("%s: late placement %+v totals %+v", name, got[3], prop.Totals)
		}
	}
}

func TestReasons_LaterSession(t *testing.T) {
	// Two 150-minute cases and two lists: the optimiser may put the second
	// case on the later list though the first had room for one of them; a
	// 100-minute case fills the first list better.
	a, b, c := listCase(1, 150), listCase(2, 150), listCase(3, 90)
	c.ListedOn = on(-5)
	p := ListProblem{Today: day0, Sessions: []ListSession{session(10, 1, 1), session(11, 2, 1)}, Cases: []ListCase{a, b, c}}
	prop, err := Optimise(context.Background(), p, Options{Seed: 1, MaxIterations: 5000})
	if err != nil {
		t.Fatal(err)
	}
	checkProposal(t, "optimiser", p, prop)
	if sessionOf(prop, 3) != 10 {
		t.Fatalf("the 90-min case on %d, want 10 next to a 150-min one", sessionOf(prop, 3))
	}
	if prop.Totals.Utilisation != 100*390/480.0 {
		t.Errorf("utilisation %.2f", prop.Totals.Utilisation)
	}
}

func TestSessionPlan_OrderAndMinutes(t *testing.T) {
	p4, p2, p3old, p3new := listCase(1, 30), listCase(2, 30), listCase(3, 30), listCase(4, 30)
	p4.PriorityCode, p2.PriorityCode = "P4", "P2"
	p3old.ListedOn, p3new.ListedOn = on(-90), on(-10)
	s := session(10, 1, 1)
	s.OtherMinutes = 20
	p := ListProblem{Today: day0, Sessions: []ListSession{s, session(11, 2, 2)}, Cases: []ListCase{p4, p3new, p2, p3old}}
	for name, prop := range solvers(t, p) {
		sp := prop.Sessions[0]
		if want := []int64{2, 3, 4, 1}; !equalIDs(sp.Cases, want) || sp.MinutesUsed != 140 || sp.MinutesFree != 100 {
			t.Errorf("%s: plan %+v, want cases %v, 140 used, 100 free", name, sp, want)
		}
		if tot := prop.Totals; tot.SessionsUsed != 1 || tot.SessionsReleased != 1 || tot.MinutesAvailable != 240 {
			t.Errorf("%s: totals %+v", name, tot)
		}
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDueBy(t *testing.T) {
	listed := elective.MustParseDate("2026-01-01")
	tests := []struct {
		code  string
		due   elective.Date
		want  elective.Date
		hasLO bool
	}{
		{"P2", elective.Date{}, elective.MustParseDate("2026-01-29"), true},
		{"P1b", elective.Date{}, elective.MustParseDate("2026-01-04"), true},
		{"P4", elective.Date{}, elective.Date{}, true},
		{"P2", elective.MustParseDate("2026-01-10"), elective.MustParseDate("2026-01-10"), true},
		{"P2", elective.Date{}, elective.Date{}, false},
	}
	for _, tt := range tests {
		c := ListCase{PriorityCode: tt.code, DueBy: tt.due}
		if tt.hasLO {
			c.ListedOn = listed
		}
		if got := dueBy(&c); got != tt.want {
			t.Errorf("%s due %s listed %v: got %s, want %s", tt.code, tt.due, tt.hasLO, got, tt.want)
		}
	}
}

func TestDateRange_Contains(t *testing.T) {
	one := DateRange{From: on(2)}
	span := DateRange{From: on(2), To: on(4)}
	for _, tt := range []struct {
		r    DateRange
		d    int
		want bool
	}{{one, 2, true}, {one, 3, false}, {span, 1, false}, {span, 2, true}, {span, 4, true}, {span, 5, false}} {
		if got := tt.r.Contains(on(tt.d)); got != tt.want {
			t.Errorf("%+v contains day %d: %v", tt.r, tt.d, got)
		}
	}
}

func TestWeights_Defaults(t *testing.T) {
	w := weights(Weights{LeftOut: 5, IdleMinute: -1})
	if w.LeftOut != 5 || w.IdleMinute != 0 || w.PCodeMiss != DefaultWeights.PCodeMiss || w.Disruption != DefaultWeights.Disruption {
		t.Errorf("got %+v", w)
	}
}

func TestListTypeFits_Custom(t *testing.T) {
	c := listCase(1, 60)
	c.ListType = "LA"
	p := ListProblem{Today: day0, Sessions: []ListSession{session(10, 1, 1)}, Cases: []ListCase{c}}
	if got := sessionOf(solvers(t, p)["optimiser"], 1); got != 0 {
		t.Fatalf("LA case on a GA list by default")
	}
	p.ListTypeFits = func(have, want string) bool { return have == want || have == "GA" && want == "LA" }
	for name, prop := range solvers(t, p) {
		if sessionOf(prop, 1) != 10 {
			t.Errorf("%s: LA case not on the GA list", name)
		}
	}
}

func TestValidate_More(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *ListProblem)
		want string
	}{
		{"OK", func(*ListProblem) {}, ""},
		{"DuplicateSession", func(p *ListProblem) { p.Sessions = append(p.Sessions, p.Sessions[0]) }, "Session 10 appears twice."},
		{"NoDate", func(p *ListProblem) { p.Sessions[0].Date = elective.Date{} }, "Session 10 has no date."},
		{"OtherMinutes", func(p *ListProblem) { p.Sessions[0].OtherMinutes = 300 }, "Session 10 has 300 other minutes booked, outside 0..240."},
		{"NegativeStart", func(p *ListProblem) { p.Sessions[0].Start = -1 }, "Session 10 starts at a negative time (-1)."},
		{"NoSessionID", func(p *ListProblem) { p.Sessions[0].ID = 0 }, "A session on 2026-01-06 has no ID."},
		{"NoCaseID", func(p *ListProblem) { p.Cases[0].ID = 0 }, "A case has no ID."},
		{"LOS", func(p *ListProblem) { p.Cases[0].LengthOfStayDays = -2 }, "Case 1 has a negative length of stay (-2)."},
		{"Kit", func(p *ListProblem) { p.Kit = map[string]int{"laser": -1} }, `Kit "laser" has a negative count (-1).`},
		{"MobileKitNoCount", func(p *ListProblem) { p.MobileKit = map[string]bool{"laser": true} }, `Mobile kit "laser" has no count: a mobile item is limited by how many there are.`},
		{"BookedTwice", func(p *ListProblem) {
			p.Sessions = append(p.Sessions, session(11, 2, 1))
			p.Sessions[0].Booked, p.Sessions[1].Booked = []int64{1}, []int64{1}
		}, "Case 1 is booked on both session 10 and session 11."},
		{"BookedDisagrees", func(p *ListProblem) {
			p.Sessions = append(p.Sessions, session(11, 2, 1))
			p.Sessions[0].Booked, p.Cases[0].CurrentSessionID = []int64{1}, 11
		}, "Session 10 lists case 1, whose current session is 11."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ListProblem{Today: day0, Sessions: []ListSession{session(10, 1, 1)}, Cases: []ListCase{listCase(1, 60)}}
			tt.edit(&p)
			err := Validate(p)
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if elective.ErrorCode(err) != elective.EINVALID || elective.ErrorMessage(err) != tt.want {
				t.Errorf("got %v, want EINVALID %q", err, tt.want)
			}
		})
	}
}

func TestReasons_LaterToFillAList(t *testing.T) {
	// Session 11 is open anyway (other patients on it); opening session 10
	// for one case costs more than a day's wait.
	open := session(11, 2, 1)
	open.OtherMinutes = 180
	p := ListProblem{Today: day0, Sessions: []ListSession{session(10, 1, 1), open}, Cases: []ListCase{listCase(1, 60)}}
	props := solvers(t, p)
	opt, chrono := props["optimiser"], props["chronological"]
	if sessionOf(opt, 1) != 11 || sessionOf(chrono, 1) != 10 {
		t.Fatalf("optimiser on %d, chronological on %d; want 11 and 10", sessionOf(opt, 1), sessionOf(chrono, 1))
	}
	mustContain(t, opt.Placements[0].Reason, "session of Mr Smith (Wed 7 Jan, T1); an earlier session had room")
	mustContain(t, chrono.Placements[0].Reason, "earliest session of Mr Smith with 240 min free (Tue 6 Jan, T1)")
	if opt.Totals.Utilisation != 100 || opt.Totals.SessionsReleased != 1 {
		t.Errorf("totals %+v", opt.Totals)
	}
}

func TestOptimise_Empty(t *testing.T) {
	for name, prop := range solvers(t, ListProblem{Today: day0}) {
		if len(prop.Sessions) != 0 || prop.Totals != (Totals{}) {
			t.Errorf("%s: %+v", name, prop)
		}
	}
	p := ListProblem{Today: day0, Cases: []ListCase{listCase(1, 60)}}
	for name, prop := range solvers(t, p) {
		if len(prop.LeftOut) != 1 {
			t.Fatalf("%s: %+v", name, prop)
		}
		mustContain(t, prop.LeftOut[0].Reason, "no session of surgeon 1 in the lists")
	}
}
