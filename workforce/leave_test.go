package workforce

import (
	"testing"

	"github.com/openelective/elective"
)

func day(s string) elective.Date { return elective.MustParseDate(s) }

// christmas2026 are the England bank holidays around Christmas 2026:
// Friday 25 December, Monday 28 December (Boxing Day substitute) and
// Friday 1 January 2027.
func christmas2026(d elective.Date) bool {
	return d == day("2026-12-25") || d == day("2026-12-28") || d == day("2027-01-01")
}

func leave(typ elective.LeaveType, from, to string) *elective.LeaveRequest {
	return &elective.LeaveRequest{StaffID: 1, Type: typ, From: day(from), To: day(to), Status: elective.LeaveRequested}
}

func TestWorkingDays(t *testing.T) {
	half := func(r *elective.LeaveRequest, start, end bool) *elective.LeaveRequest {
		r.HalfDayStart, r.HalfDayEnd = start, end
		return r
	}
	for _, c := range []struct {
		name string
		req  *elective.LeaveRequest
		want float64
	}{
		{"a Monday-to-Friday week is 5 days", leave(elective.LeaveAnnual, "2026-11-30", "2026-12-04"), 5},
		{"a fortnight over a weekend skips it", leave(elective.LeaveAnnual, "2026-11-30", "2026-12-11"), 10},
		{"Christmas week skips the 25th", leave(elective.LeaveAnnual, "2026-12-21", "2026-12-25"), 4},
		{"Christmas to New Year skips three bank holidays", leave(elective.LeaveAnnual, "2026-12-24", "2027-01-04"), 5},
		{"a weekend takes no leave", leave(elective.LeaveAnnual, "2026-12-05", "2026-12-06"), 0},
		{"a half day at each end", half(leave(elective.LeaveStudy, "2026-11-30", "2026-12-04"), true, true), 4},
		{"a single morning", half(leave(elective.LeaveAnnual, "2026-11-30", "2026-11-30"), false, true), 0.5},
		{"a half day on a bank holiday takes nothing", half(leave(elective.LeaveAnnual, "2026-12-25", "2026-12-29"), true, false), 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := WorkingDays(c.req, elective.Date{}, elective.Date{}, christmas2026); got != c.want {
				t.Errorf("WorkingDays = %v, want %v", got, c.want)
			}
		})
	}
	if got := WorkingDays(leave(elective.LeaveAnnual, "2027-03-29", "2027-04-02"), day("2027-04-01"), day("2028-03-31"), nil); got != 2 {
		t.Errorf("the part of a week in the next leave year = %v, want 2", got)
	}
}

func TestCovers(t *testing.T) {
	r := leave(elective.LeaveAnnual, "2026-11-30", "2026-12-02")
	r.HalfDayStart, r.HalfDayEnd = true, true
	for _, c := range []struct {
		d              string
		start, minutes int
		want           bool
	}{
		{"2026-11-29", 540, 240, false}, // the day before
		{"2026-11-30", 540, 240, false}, // the first day's morning is worked
		{"2026-11-30", 810, 240, true},  // its afternoon is leave
		{"2026-11-30", 480, 480, true},  // an all-day list reaches into the afternoon
		{"2026-12-01", 540, 240, true},
		{"2026-12-02", 540, 240, true},  // the last day's morning is leave
		{"2026-12-02", 780, 240, false}, // its afternoon is worked
		{"2026-12-03", 540, 240, false},
	} {
		if got := Covers(r, day(c.d), c.start, c.minutes); got != c.want {
			t.Errorf("Covers(%s %d+%d) = %v, want %v", c.d, c.start, c.minutes, got, c.want)
		}
	}
}

// TestNotice: planned leave asked for with less than the notice its group
// must give needs a manager's approval; sickness needs none.
func TestNotice(t *testing.T) {
	eight := DefaultRules()
	eight.SeniorNoticeDays = 56
	for _, c := range []struct {
		name           string
		rules          Rules
		typ            elective.LeaveType
		group          elective.StaffGroup
		requested      string
		from           string
		given, require int
		short          bool
	}{
		{"TS-151: a consultant asks with 5 weeks' notice; leaveNotice = 42 days: short, needs approval",
			DefaultRules(), elective.LeaveAnnual, elective.StaffConsultant, "2026-11-23", "2026-12-28", 35, 42, true},
		{"TS-152: the surgeon of a list on day L declares leave at L-30: breaches the 6-week milestone",
			DefaultRules(), elective.LeaveAnnual, elective.StaffConsultant, "2026-11-23", "2026-12-23", 30, 42, true},
		{"six weeks exactly is enough", DefaultRules(), elective.LeaveStudy, elective.StaffResident, "2026-11-23", "2027-01-04", 42, 42, false},
		{"a consultant with 7 weeks where the trust asks 8", eight, elective.LeaveAnnual, elective.StaffConsultant, "2026-11-23", "2027-01-11", 49, 56, true},
		{"an SAS doctor gives a consultant's notice", eight, elective.LeaveAnnual, elective.StaffSAS, "2026-11-23", "2027-01-18", 56, 56, false},
		{"a resident doctor gives 6 weeks where consultants give 8", eight, elective.LeaveAnnual, elective.StaffResident, "2026-11-23", "2027-01-04", 42, 42, false},
		{"sickness needs no notice", DefaultRules(), elective.LeaveSick, elective.StaffConsultant, "2026-11-23", "2026-11-23", 0, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := leave(c.typ, c.from, c.from)
			r.RequestedOn = day(c.requested)
			given, required, short := Notice(c.rules, r, c.group)
			if given != c.given || required != c.require || short != c.short {
				t.Errorf("Notice = %d, %d, %v; want %d, %d, %v", given, required, short, c.given, c.require, c.short)
			}
		})
	}
}

// TS-152 in full: the surgeon's leave falls on their theatre list, so
// approving it releases the list.
func TestLeaveCoversTheatreList(t *testing.T) {
	list := day("2026-12-23")
	r := leave(elective.LeaveAnnual, "2026-12-21", "2026-12-24")
	if !Covers(r, list, 8*60, 240) {
		t.Error("TS-152: the leave does not cover the surgeon's list")
	}
}

func TestTeamAway(t *testing.T) {
	away := func(id int64, from, to string, st elective.LeaveStatus) *elective.LeaveRequest {
		r := leave(elective.LeaveAnnual, from, to)
		r.ID, r.StaffID, r.Status = id, id, st
		return r
	}
	others := []*elective.LeaveRequest{
		away(2, "2026-12-07", "2026-12-11", elective.LeaveApproved),
		away(3, "2026-12-10", "2026-12-14", elective.LeaveApproved),
		away(4, "2026-12-07", "2026-12-18", elective.LeaveRequested), // not yet approved: does not count
		away(5, "2026-12-14", "2026-12-18", elective.LeaveDeclined),
	}
	for _, c := range []struct {
		name   string
		req    *elective.LeaveRequest
		max    int
		over   bool
		day    string
		awayOn int
	}{
		{"one other away on each day: within a limit of 2", leave(elective.LeaveAnnual, "2026-12-07", "2026-12-09"), 2, false, "", 0},
		{"two others away on 10 December: beyond 2", leave(elective.LeaveAnnual, "2026-12-07", "2026-12-11"), 2, true, "2026-12-10", 2},
		{"no limit", leave(elective.LeaveAnnual, "2026-12-07", "2026-12-11"), 0, false, "", 0},
		{"sickness is never refused", leave(elective.LeaveSick, "2026-12-10", "2026-12-10"), 2, false, "", 0},
		{"the weekend between does not count", leave(elective.LeaveAnnual, "2026-12-12", "2026-12-13"), 1, false, "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := TeamAway(c.req, others, c.max, nil)
			if got.Over != c.over || (c.over && (got.Day != day(c.day) || len(got.AwayOn(got.Day)) != c.awayOn)) {
				t.Errorf("TeamAway = %+v", got)
			}
		})
	}
}
