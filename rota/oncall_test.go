package rota

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// onCall is a non-resident on-call duty of person 1 from hh:mm local on
// date for minutes, expecting work minutes of work.
func onCall(date string, hh, mm, minutes, work int) Duty {
	d := at(date, hh, mm, minutes)
	d.Code, d.Breaks, d.NonResident, d.ExpectedWorkMinutes = "OC", 0, true, work
	return d
}

// lt is hh:mm local on date, as an instant.
func lt(date string, hh, mm int) time.Time {
	return elective.MustParseDate(date).At(hh, mm, london).UTC()
}

// worked is an episode between two local times.
func worked(fromDate string, fh, fm int, toDate string, th, tm int) Episode {
	return Episode{Start: lt(fromDate, fh, fm), End: lt(toDate, th, tm)}
}

// TestOnCallRest: the rest expectation of non-resident on call, 8 h rest
// per 24 h on call with at least 5 h continuous between 22:00 and 07:00
// (rules.md 4.3; TS-148), judged from the work done.
func TestOnCallRest(t *testing.T) {
	tue := onCall("2026-01-06", 8, 0, 24*60, 4*60)
	type want struct{ rest, night, needRest, needNight int }
	cases := []struct {
		name string
		d    Duty
		work []Episode
		met  bool
		want []want // each 24 hours on call
	}{
		{"TS-148 24 h on call, only 4 h continuous rest between 22:00 and 07:00", tue,
			[]Episode{worked("2026-01-07", 2, 0, "2026-01-07", 3, 0)}, false, []want{{23 * 60, 4 * 60, 480, 300}}},
		{"no work at all", tue, nil, true, []want{{24 * 60, 9 * 60, 480, 300}}},
		{"exactly 5 h continuous and 8 h in all", tue,
			[]Episode{worked("2026-01-06", 8, 0, "2026-01-06", 22, 0), worked("2026-01-07", 3, 0, "2026-01-07", 5, 0)},
			true, []want{{8 * 60, 5 * 60, 480, 300}}},
		{"5 h continuous but a minute short of 8 h", tue,
			[]Episode{worked("2026-01-06", 8, 0, "2026-01-06", 22, 0), worked("2026-01-07", 3, 0, "2026-01-07", 5, 1)},
			false, []want{{8*60 - 1, 5 * 60, 480, 300}}},
		{"work across midnight leaves 5.5 h", tue, []Episode{worked("2026-01-06", 23, 0, "2026-01-07", 1, 30)},
			true, []want{{21*60 + 30, 5*60 + 30, 480, 300}}},
		{"work across midnight leaves 4.5 h", tue, []Episode{worked("2026-01-06", 21, 0, "2026-01-07", 2, 30)},
			false, []want{{18*60 + 30, 4*60 + 30, 480, 300}}},
		{"overlapping episodes count once", tue,
			[]Episode{worked("2026-01-07", 2, 0, "2026-01-07", 3, 0), worked("2026-01-07", 2, 30, "2026-01-07", 3, 0)},
			false, []want{{23 * 60, 4 * 60, 480, 300}}},
		// The clocks go back at 02:00 BST on 25 October 2026: the call is
		// 25 h and the night window 10 h. From 00:30 BST to 05:00 GMT is
		// 5.5 h of real rest (4.5 h by the wall clock).
		{"autumn clock change", onCall("2026-10-24", 8, 0, 25*60, 4*60),
			[]Episode{worked("2026-10-24", 20, 0, "2026-10-25", 0, 30), worked("2026-10-25", 5, 0, "2026-10-25", 6, 0)},
			true, []want{{19*60 + 30, 5*60 + 30, 480, 300}}},
		// The clocks go forward at 01:00 GMT on 28 March 2027: the call is
		// 23 h. From 23:30 GMT to 05:00 BST is 4.5 h (5.5 h by the clock).
		{"spring clock change", onCall("2027-03-27", 8, 0, 23*60, 4*60),
			[]Episode{worked("2027-03-27", 22, 0, "2027-03-27", 23, 30), worked("2027-03-28", 5, 0, "2027-03-28", 6, 0)},
			false, []want{{20*60 + 30, 4*60 + 30, 480, 300}}},
		{"a 16 h call expects rest pro rata", onCall("2026-01-06", 17, 0, 16*60, 4*60),
			[]Episode{worked("2026-01-06", 17, 0, "2026-01-06", 22, 0), worked("2026-01-07", 1, 0, "2026-01-07", 1, 30)},
			true, []want{{10*60 + 30, 5*60 + 30, 320, 300}}},
		{"a call ending at 02:00 holds only 4 h of night", onCall("2026-01-06", 18, 0, 8*60, 2*60), nil,
			true, []want{{8 * 60, 4 * 60, 160, 240}}},
		{"a call ending at 02:00, woken at 23:00", onCall("2026-01-06", 18, 0, 8*60, 2*60),
			[]Episode{worked("2026-01-06", 23, 0, "2026-01-06", 23, 30)}, false, []want{{7*60 + 30, 2*60 + 30, 160, 240}}},
		{"48 h weekend on call is two periods", onCall("2026-01-10", 8, 0, 48*60, 8*60),
			[]Episode{worked("2026-01-12", 2, 0, "2026-01-12", 3, 0)}, false,
			[]want{{24 * 60, 9 * 60, 480, 300}, {23 * 60, 4 * 60, 480, 300}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := OnCallRest(c.d, c.work, Limits2019(), london)
			if len(ps) != len(c.want) {
				t.Fatalf("%d periods, want %d: %+v", len(ps), len(c.want), ps)
			}
			for i, p := range ps {
				got := want{p.RestMinutes, p.NightRestMinutes, p.NeedRestMinutes, p.NeedNightMinutes}
				if got != c.want[i] {
					t.Errorf("period %d: rest, night, need %v, want %v", i+1, got, c.want[i])
				}
				if p.WorkMinutes+p.RestMinutes != int(p.End.Sub(p.Start)/time.Minute) {
					t.Errorf("period %d: work %d + rest %d is not its length", i+1, p.WorkMinutes, p.RestMinutes)
				}
			}
			if _, met := RestMet(ps); met != c.met {
				t.Errorf("met = %v, want %v", met, c.met)
			}
		})
	}
}

// TestNextDuty: the duty to review after an on call whose rest was not met
// is the person's next, if it starts within 24 hours of the call ending.
func TestNextDuty(t *testing.T) {
	oc := onCall("2026-01-06", 8, 0, 24*60, 4*60)
	other := at("2026-01-07", 8, 0, 9*60)
	other.StaffID = 2
	l := Limits2019()
	for _, c := range []struct {
		name   string
		duties []Duty
		want   time.Time // zero: none
	}{
		{"a day starting as the call ends", []Duty{oc, at("2026-01-07", 8, 0, 9*60)}, lt("2026-01-07", 8, 0)},
		{"the earliest of two", []Duty{at("2026-01-08", 7, 0, 60), at("2026-01-07", 20, 30, 750)}, lt("2026-01-07", 20, 30)},
		{"24 h after is too late", []Duty{at("2026-01-08", 8, 0, 9*60)}, time.Time{}},
		{"someone else's duty", []Duty{other}, time.Time{}},
	} {
		next, ok := NextDuty(oc, c.duties, l)
		if ok != !c.want.IsZero() || (ok && !next.Start.Equal(c.want)) {
			t.Errorf("%s: %v %v, want %v", c.name, next.Start, ok, c.want)
		}
	}
	p := RestPeriod{RestMinutes: 23 * 60, NightRestMinutes: 4 * 60, NeedRestMinutes: 480, NeedNightMinutes: 300}
	want := "Rest not met after on call: 23 h rest, the longest 4 h continuous between 22:00 and 07:00; " +
		"8 h rest with 5 h continuous in the night are expected (rules.md 4.3, TS-148)."
	if got := ReviewMessage(p, l); got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}

// TestOnCallInCheck: non-resident on call may last 24 h (the 13 h maximum
// is for resident shifts), counts its expected work, not its span, for
// the hours rules, and is still a duty for the rest and weekend rules
// (rules.md 4.3).
func TestOnCallInCheck(t *testing.T) {
	y19 := Limits2019()
	// Mon-Thu long days (52 h), a Friday day (9 h): 61 h before Saturday.
	week := join(longDays("2026-01-05", 4), days9("2026-01-09", 1))
	runRuleCases(t, []ruleCase{
		{"24 h on call is not too long", y19, []Duty{onCall("2026-01-06", 8, 0, 24*60, 4*60)}, nil},
		{"a week with a Saturday on call expecting 4 h of work", y19, join(week, []Duty{onCall("2026-01-10", 8, 0, 24*60, 4*60)}), nil},
		{"a week with a Saturday on call expecting 12 h of work", y19, join(week, []Duty{onCall("2026-01-10", 8, 0, 24*60, 12*60)}),
			[]string{RuleSevenDay + "@2026-01-10"}},
		{"a day straight after the call", y19, []Duty{onCall("2026-01-06", 8, 0, 24*60, 4*60), at("2026-01-07", 8, 0, 9*60)},
			[]string{RuleRest + "@2026-01-07"}},
		{"on call on two weekends two weeks apart", y19, []Duty{onCall("2026-01-10", 8, 0, 24*60, 4*60), onCall("2026-01-24", 8, 0, 24*60, 4*60)},
			[]string{RuleWeekendFrequency + "@2026-01-24"}},
		{"on call overnight is not a night shift", y19,
			join(nights("2026-01-05", 1), []Duty{onCall("2026-01-06", 20, 30, 12*60, 2*60)}, days9("2026-01-08", 1)),
			[]string{RuleRestNights + "@2026-01-06"}},
	}, "2026-01-05", "2026-02-01")
	if !IsNight(at("2026-01-06", 20, 30, 720), london) || IsNight(onCall("2026-01-06", 20, 30, 720, 120), london) || IsLong(onCall("2026-01-06", 8, 0, 1440, 240)) {
		t.Error("on call counted as a night or long shift")
	}
}

// TestBuildOnCall: the builder rosters 24 h non-resident on call for
// people whose contract caps resident shifts at 13 h, with no breach.
func TestBuildOnCall(t *testing.T) {
	p := onCallTeam()
	res, err := Build(context.Background(), p, Options{Seed: 1, MaxIterations: 50000})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Gaps) != 0 || len(res.Violations) != 0 {
		t.Fatalf("gaps %+v, violations %+v", res.Gaps, res.Violations)
	}
	want, calls := 0, 0
	for _, d := range res.Duties {
		if d.NonResident {
			want, calls = want+4*60, calls+1
		} else {
			want += d.Minutes()
		}
	}
	got := 0
	for _, l := range res.Load {
		got += l.Minutes
	}
	if calls != 4 || got != want {
		t.Errorf("%d calls; the loads count %d minutes, want %d (4 h a call)", calls, got, want)
	}
}

// onCallTeam is team(10, 4) with a 24 h non-resident on call (4 h of
// expected work) every Wednesday and contracts capped at 13 h.
func onCallTeam() *Problem {
	p := team(10, 4)
	p.Shifts = append(append([]ShiftType(nil), p.Shifts...),
		ShiftType{Code: "OC", Name: "On call from home", StartMinute: 9 * 60, Minutes: 24 * 60, NonResident: true, ExpectedWorkMinutes: 4 * 60})
	for i := range p.Staff {
		p.Staff[i].MaxShiftMinutes = 13 * 60
	}
	for d := p.From; !d.After(p.To); d = d.AddDays(1) {
		if d.Weekday() == time.Wednesday {
			p.Cover = append(p.Cover, Cover{Date: d, Code: "OC", Min: 1})
		}
	}
	return p
}

// TestCheckEpisode: work is recorded only within the on call and clear
// of work already recorded on it; the message names the problem.
func TestCheckEpisode(t *testing.T) {
	oc := onCall("2026-01-06", 8, 0, 24*60, 4*60)
	recorded := []Episode{worked("2026-01-07", 2, 0, "2026-01-07", 3, 0)}
	for _, c := range []struct {
		name  string
		e     Episode
		field string // "" accepted
		says  string
	}{
		{"within the call", worked("2026-01-06", 22, 0, "2026-01-06", 23, 0), "", ""},
		{"touching recorded work", worked("2026-01-07", 3, 0, "2026-01-07", 4, 0), "", ""},
		{"the whole call but the recorded hour is refused", worked("2026-01-06", 8, 0, "2026-01-07", 8, 0), "start", "overlaps work already recorded from 02:00 on 7 Jan to 03:00 on 7 Jan"},
		{"ends before it starts", worked("2026-01-06", 23, 0, "2026-01-06", 22, 0), "end", "must end after it starts"},
		{"before the call", worked("2026-01-06", 7, 30, "2026-01-06", 9, 0), "start", "starts at 07:30 on 6 Jan, before the on call starts at 08:00 on 6 Jan"},
		{"after the call", worked("2026-01-07", 7, 30, "2026-01-07", 9, 0), "end", "after the on call ends at 08:00 on 7 Jan"},
	} {
		err := CheckEpisode(oc, recorded, c.e, london)
		fs := elective.ErrorFields(err)
		if c.field == "" && err != nil || c.field != "" && (len(fs) != 1 || fs[0].Field != c.field || !strings.Contains(fs[0].Message, c.says)) {
			t.Errorf("%s: %v %+v, want %s saying %q", c.name, err, fs, c.field, c.says)
		}
	}
}
