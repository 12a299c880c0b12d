package theatre

import (
	"testing"

	"github.com/openelective/elective"
)

// TestParseMilestones: theatre.milestonesWeeks is three positive, strictly
// decreasing numbers of weeks (rules.md 3.6).
func TestParseMilestones(t *testing.T) {
	for _, tt := range []struct {
		weeks []int
		want  Milestones
		ok    bool
	}{
		{[]int{6, 4, 2}, DefaultMilestones, true},
		{[]int{8, 5, 3}, Milestones{8, 5, 3}, true}, // the 8:5:3 variant
		{[]int{3, 2, 1}, Milestones{3, 2, 1}, true},
		{[]int{2, 4, 6}, Milestones{}, false},
		{[]int{6, 4, 4}, Milestones{}, false},
		{[]int{6, 4, 0}, Milestones{}, false},
		{[]int{6, 4}, Milestones{}, false},
		{nil, Milestones{}, false},
	} {
		got, err := ParseMilestones(tt.weeks)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseMilestones(%v) = %+v, %v; want %+v ok %v", tt.weeks, got, err, tt.want, tt.ok)
		}
		if err != nil && elective.ErrorCode(err) != elective.EINVALID {
			t.Errorf("ParseMilestones(%v): code %q", tt.weeks, elective.ErrorCode(err))
		}
	}
}

// TestMilestoneState: where a list on Mon 1 Mar 2027 stands in 6-4-2
// (rules.md 3.6): confirm staff by 18 Jan, fill by 1 Feb, lock on 15 Feb.
func TestMilestoneState(t *testing.T) {
	list := func(f func(*elective.TheatreSession)) *elective.TheatreSession {
		s := &elective.TheatreSession{Date: d("2027-03-01"), Minutes: 240, ListType: elective.ListGA, SurgeonID: 10,
			Status: elective.SessionPlanned, Cases: []*elective.TheatreCase{{Minutes: 90, Status: elective.CaseBooked}}}
		if f != nil {
			f(s)
		}
		return s
	}
	confirmed := func(s *elective.TheatreSession) {
		s.SurgeonConfirmed, s.AnaesthetistConfirmed, s.Anaesthetist = true, true, "Dr Ames"
	}
	surgeonOnly := func(s *elective.TheatreSession) { s.SurgeonConfirmed = true }
	for _, tt := range []struct {
		name     string
		s        *elective.TheatreSession
		today    string
		stage    Stage
		next     string
		overdue  bool
		override bool
		text     string
	}{
		{"T-8 weeks, unconfirmed", list(nil), "2027-01-04", StageConfirm, "2027-01-18", false, false,
			"Confirm the surgeon and anaesthetist by 18 Jan 2027"},
		{"T-6 weeks, the last day to confirm", list(nil), "2027-01-18", StageConfirm, "2027-01-18", false, false, "by 18 Jan 2027"},
		{"T-8 weeks, confirmed", list(confirmed), "2027-01-04", StageConfirm, "2027-02-01", false, false, "Staff confirmed; fill the list by 1 Feb 2027"},
		{"after T-6, unconfirmed: release", list(nil), "2027-01-19", StageRelease, "2027-01-18", true, false,
			"Staff not confirmed by 18 Jan 2027: confirm them or release the list"},
		{"GA list, anaesthetist unconfirmed", list(surgeonOnly), "2027-01-25", StageRelease, "2027-01-18", true, false, "release"},
		{"LA list needs no anaesthetist", list(func(s *elective.TheatreSession) { surgeonOnly(s); s.ListType = elective.ListLA }),
			"2027-01-25", StageFill, "2027-02-01", false, false, "(90 of 240 minutes booked)"},
		{"fill due", list(confirmed), "2027-01-25", StageFill, "2027-02-01", false, false, "fill the list by 1 Feb 2027"},
		{"T-4 weeks: fill day", list(confirmed), "2027-02-01", StageFill, "2027-02-01", false, false, "fill"},
		{"lock due", list(confirmed), "2027-02-02", StageLock, "2027-02-15", false, false, "Review and lock on 15 Feb 2027"},
		{"lock day", list(confirmed), "2027-02-15", StageLock, "2027-02-15", false, true, "lock on 15 Feb"},
		{"lock overdue", list(confirmed), "2027-02-16", StageLock, "2027-02-15", true, true, "Lock overdue since 15 Feb 2027"},
		{"unconfirmed inside lock window", list(nil), "2027-02-20", StageRelease, "2027-01-18", true, true, "release"},
		{"locked", list(func(s *elective.TheatreSession) { confirmed(s); s.Status = elective.SessionLocked }), "2027-02-20",
			StageLocked, "", false, true, "Locked: changes need a manager's override"},
		{"locked early", list(func(s *elective.TheatreSession) { confirmed(s); s.Status = elective.SessionLocked }), "2027-01-04",
			StageLocked, "", false, true, "Locked"},
		{"released", list(func(s *elective.TheatreSession) {
			s.Status, s.ReleasedReason = elective.SessionReleased, "surgeon on leave"
		}),
			"2027-01-20", StageReleased, "", false, false, "Released: surgeon on leave"},
		{"on the day", list(confirmed), "2027-03-01", StageLock, "2027-02-15", true, true, "overdue"},
		{"past", list(confirmed), "2027-03-02", StagePast, "", false, true, "Past"},
	} {
		got := MilestoneState(tt.s, d(tt.today), DefaultMilestones)
		var next elective.Date
		if tt.next != "" {
			next = d(tt.next)
		}
		if got.Stage != tt.stage || got.Next != next || got.Overdue != tt.overdue || got.NeedsOverride != tt.override || !contains(got.Text, tt.text) {
			t.Errorf("%s: %+v, want %s next %s overdue %v override %v %q", tt.name, got, tt.stage, next, tt.overdue, tt.override, tt.text)
		}
	}
}

// TestMilestoneState853: the 8-5-3 variant moves every milestone (rules.md
// 3.6).
func TestMilestoneState853(t *testing.T) {
	s := &elective.TheatreSession{Date: d("2027-03-01"), ListType: elective.ListLA, SurgeonID: 1, SurgeonConfirmed: true,
		Status: elective.SessionPlanned, Minutes: 240}
	m := Milestones{8, 5, 3}
	if got := MilestoneState(s, d("2027-01-25"), m); got.Stage != StageFill || got.Next != d("2027-01-25") {
		t.Errorf("T-5: %+v", got)
	}
	if got := MilestoneState(s, d("2027-02-08"), m); got.Stage != StageLock || !got.NeedsOverride || got.Overdue {
		t.Errorf("T-3: %+v", got)
	}
}

// TestLockDueAndOverride: lists are locked from T-2 weeks, and a locked
// list or one inside the lock window needs a manager to change (rules.md
// 3.6).
func TestLockDueAndOverride(t *testing.T) {
	on := d("2027-03-01")
	for _, tt := range []struct {
		status            elective.TheatreSessionStatus
		today             string
		lockDue, override bool
	}{
		{elective.SessionPlanned, "2027-02-14", false, false},
		{elective.SessionPlanned, "2027-02-15", true, true},
		{elective.SessionPlanned, "2027-03-01", true, true},
		{elective.SessionPlanned, "2027-03-02", false, true}, // past: nothing to lock
		{elective.SessionLocked, "2027-02-20", false, true},
		{elective.SessionLocked, "2027-01-04", false, true},
		{elective.SessionReleased, "2027-02-20", false, false},
	} {
		s := &elective.TheatreSession{Date: on, Status: tt.status}
		if got := LockDue(s, d(tt.today), DefaultMilestones); got != tt.lockDue {
			t.Errorf("%s on %s: lock due %v, want %v", tt.status, tt.today, got, tt.lockDue)
		}
		if got := NeedsOverride(s, d(tt.today), DefaultMilestones); got != tt.override {
			t.Errorf("%s on %s: needs override %v, want %v", tt.status, tt.today, got, tt.override)
		}
	}
}
