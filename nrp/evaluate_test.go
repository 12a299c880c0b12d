package nrp

import (
	"strings"
	"testing"
)

// tinyInstance is a one-week horizon (Monday to Sunday) with an early
// shift E and a late shift L that an early may not follow (the rest rule
// of TS-147: a late then an early is too short a break), the staff lines
// given and any further sections.
func tinyInstance(staff, extra string) string {
	return "# a hand-made instance\r\nSECTION_HORIZON\n7\nSECTION_SHIFTS\nE,480,\nL,480,E\n" +
		"SECTION_STAFF\n" + staff + "\n" + extra
}

// loose is a contract that no one-week roster of single shifts breaks:
// up to 7 of each shift, 0 to 10000 minutes, up to 7 in a row, runs of 1
// allowed, one weekend.
const loose = "A,E=7|L=7,10000,0,7,1,1,1"

// TestEvaluateConstraints: each hard constraint and soft term of the
// model on a hand-made week, including the horizon ends of constraints 6
// and 7 (a short run touching the first or last day is not counted, as
// the model states them only for patterns wholly inside the horizon).
func TestEvaluateConstraints(t *testing.T) {
	for _, c := range []struct {
		name, staff, extra, roster string
		hard                       map[Hard]int
		soft                       map[Soft]int // penalties
	}{
		{"loose contract, no requests", loose, "", "A E E L L - - E", nil, nil},
		{"two shifts on a day", loose, "", "A E|L - - - - - -", map[Hard]int{OneShiftPerDay: 1}, nil},
		{"late then early breaks rotation", loose, "", "A L E - L E - -", map[Hard]int{ShiftRotation: 2}, nil},
		{"early then late keeps rotation", loose, "", "A E L - - - - -", nil, nil},
		{"rotation does not cross a day off", loose, "", "A L - E - - - -", nil, nil},
		{"third early beyond a maximum of two", "A,E=2|L=7,10000,0,7,1,1,1", "", "A E E E - - - -", map[Hard]int{MaxShifts: 1}, nil},
		{"a banned shift type", "A,E=7|L=0,10000,0,7,1,1,1", "", "A L L - - - - -", map[Hard]int{MaxShifts: 2}, nil},
		{"960 minutes short of 1440", "A,E=7|L=7,10000,1440,7,1,1,1", "", "A E - - - - - -", map[Hard]int{MinMinutes: 960}, nil},
		{"480 minutes over 960", "A,E=7|L=7,960,0,7,1,1,1", "", "A E E E - - - -", map[Hard]int{MaxMinutes: 480}, nil},
		// TS-144 in miniature: a run beyond the maximum in a row breaks
		// one window of max+1 days for each shift beyond it.
		{"five in a row, at most three", "A,E=7|L=7,10000,0,3,1,1,1", "", "A E E E E E - -", map[Hard]int{MaxConsecutive: 2}, nil},
		{"three, rest, three: at most three", "A,E=7|L=7,10000,0,3,1,1,1", "", "A E E E - E E E", nil, nil},
		{"run of two inside, at least three", "A,E=7|L=7,10000,0,7,3,1,1", "", "A - E E - - - -", map[Hard]int{MinConsecutive: 1}, nil},
		{"runs of one and two inside", "A,E=7|L=7,10000,0,7,3,1,1", "", "A - E - E E - -", map[Hard]int{MinConsecutive: 2}, nil},
		{"short run from the first day", "A,E=7|L=7,10000,0,7,3,1,1", "", "A E E - - - - -", nil, nil},
		{"short run to the last day", "A,E=7|L=7,10000,0,7,3,1,1", "", "A - - - - - E E", nil, nil},
		{"one day off inside, at least two", "A,E=7|L=7,10000,0,7,1,2,1", "", "A E - E - - - -", map[Hard]int{MinDaysOff: 1}, nil},
		{"two single days off", "A,E=7|L=7,10000,0,7,1,2,1", "", "A E E - E E - E", map[Hard]int{MinDaysOff: 2}, nil},
		{"short days off from the first day", "A,E=7|L=7,10000,0,7,1,3,1", "", "A - E E E E E E", nil, nil},
		{"short days off to the last day", "A,E=7|L=7,10000,0,7,1,3,1", "", "A E E E E E - -", nil, nil},
		// TS-145 in miniature: weekends beyond the maximum.
		{"a weekend when none is allowed", "A,E=7|L=7,10000,0,7,1,1,0", "", "A - - - - - E -", map[Hard]int{MaxWeekends: 1}, nil},
		{"both weekend days are one weekend", "A,E=7|L=7,10000,0,7,1,1,1", "", "A - - - - - E E", nil, nil},
		{"a shift on leave", loose, "SECTION_DAYS_OFF\nA,2,3\n", "A - - E - - - -", map[Hard]int{DaysOff: 1}, nil},
		{"shift-on request refused", loose, "SECTION_SHIFT_ON_REQUESTS\nA,0,E,3\nA,1,E,2\nA,2,L,1\n",
			"A - L L - - - -", nil, map[Soft]int{ShiftOnRequests: 5}},
		{"shift-off request refused", loose, "SECTION_SHIFT_OFF_REQUESTS\nA,1,L,2\nA,2,L,4\n",
			"A - L L - - - -", nil, map[Soft]int{ShiftOffRequests: 6}},
		{"cover under and over", loose + "\nB,E=7|L=7,10000,0,7,1,1,1", "SECTION_COVER\n0,E,3,100,1\n1,L,1,100,5\n2,E,0,7,9\n",
			"A E L - - - - -\nB E L - - - - -", nil, map[Soft]int{CoverUnder: 100, CoverOver: 5}},
	} {
		in := mustParse(t, tinyInstance(c.staff, c.extra))
		rep := Evaluate(in, mustRoster(t, in, strings.ReplaceAll(c.roster, "A ", "A\t")))
		for h := range NumHard {
			if rep.Violations[h] != c.hard[h] {
				t.Errorf("%s: %s = %d, want %d", c.name, h, rep.Violations[h], c.hard[h])
			}
		}
		objective := 0
		for s := range NumSoft {
			objective += c.soft[s]
			if rep.Penalty[s] != c.soft[s] {
				t.Errorf("%s: %s penalty = %d, want %d", c.name, s, rep.Penalty[s], c.soft[s])
			}
		}
		if rep.Objective != objective || rep.Feasible() != (len(c.hard) == 0) {
			t.Errorf("%s: objective %d feasible %v, want %d and %v", c.name, rep.Objective, rep.Feasible(), objective, len(c.hard) == 0)
		}
	}
}

// TestEvaluateCounts: the counts beside the penalties are requests and
// people, whatever the weights.
func TestEvaluateCounts(t *testing.T) {
	in := mustParse(t, tinyInstance(loose, "SECTION_SHIFT_ON_REQUESTS\nA,0,E,3\nA,1,E,2\nSECTION_COVER\n0,E,3,10,1\n"))
	rep := Evaluate(in, mustRoster(t, in, "A E - - - - - -"))
	if rep.Unmet[ShiftOnRequests] != 1 || rep.Unmet[CoverUnder] != 2 || rep.Objective != 22 {
		t.Errorf("unmet %v, objective %d; want 1 request, 2 people short, 22", rep.Unmet, rep.Objective)
	}
}

// TestEvaluateHorizonWindows: a two-week horizon has two weekends, and a
// run over the week boundary counts as one run.
func TestEvaluateHorizonWindows(t *testing.T) {
	doc := strings.Replace(tinyInstance("A,E=14|L=14,10000,0,5,1,1,1", ""), "\n7\n", "\n14\n", 1)
	in := mustParse(t, doc)
	rep := Evaluate(in, mustRoster(t, in, "A - - - - E E E E E E - - - E"))
	if rep.Violations[MaxWeekends] != 1 || rep.Violations[MaxConsecutive] != 1 {
		t.Errorf("violations %v, want one weekend beyond one (both worked) and one window beyond five", rep.Violations)
	}
}
