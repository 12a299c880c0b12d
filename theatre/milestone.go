package theatre

import (
	"fmt"

	"github.com/openelective/elective"
)

// Milestones are the 6-4-2 steps of theatre list planning, in weeks before
// the list's date (rules.md 3.6, theatre.milestonesWeeks): by ConfirmWeeks
// the surgeon and anaesthetist are confirmed or the list is released; by
// FillWeeks the list is filled; at LockWeeks it is locked.
type Milestones struct {
	ConfirmWeeks, FillWeeks, LockWeeks int
}

// DefaultMilestones is the national 6-4-2.
var DefaultMilestones = Milestones{ConfirmWeeks: 6, FillWeeks: 4, LockWeeks: 2}

// ParseMilestones reads the setting theatre.milestonesWeeks: three
// positive, strictly decreasing week numbers (6,4,2; the 8-5-3 variant is
// allowed). Anything else is an EINVALID error.
func ParseMilestones(weeks []int) (Milestones, error) {
	if len(weeks) != 3 || weeks[2] < 1 || weeks[1] <= weeks[2] || weeks[0] <= weeks[1] {
		return Milestones{}, elective.Errorf(elective.EINVALID,
			"The theatre milestones must be three decreasing numbers of weeks, such as 6, 4, 2, not %v", weeks)
	}
	return Milestones{ConfirmWeeks: weeks[0], FillWeeks: weeks[1], LockWeeks: weeks[2]}, nil
}

// ConfirmBy is the last day to confirm a list's staff.
func (m Milestones) ConfirmBy(on elective.Date) elective.Date { return on.AddDays(-7 * m.ConfirmWeeks) }

// FillBy is the day a list should be filled by.
func (m Milestones) FillBy(on elective.Date) elective.Date { return on.AddDays(-7 * m.FillWeeks) }

// LockOn is the day a list is locked.
func (m Milestones) LockOn(on elective.Date) elective.Date { return on.AddDays(-7 * m.LockWeeks) }

// Stage is where a theatre list stands in the 6-4-2 process.
type Stage string

// Stages, in the order a list passes through them.
const (
	StageConfirm  Stage = "confirm"  // before the confirm deadline, staff confirmed or not
	StageRelease  Stage = "release"  // staff not confirmed by the deadline: confirm or release
	StageFill     Stage = "fill"     // staff confirmed: fill the list by the fill date
	StageLock     Stage = "lock"     // to be reviewed and locked (overdue once the lock date has passed)
	StageLocked   Stage = "locked"   // locked: changes need a manager's override
	StageReleased Stage = "released" // given back
	StagePast     Stage = "past"     // the list's date has gone
)

// Milestone is a list's stage with what staff should do, in words.
type Milestone struct {
	Stage Stage
	Text  string
	// Next is the date of the milestone the list is working to (zero when
	// locked, released or past).
	Next elective.Date
	// Overdue: a milestone has passed undone (staff not confirmed, or the
	// list not yet locked after its lock date).
	Overdue bool
	// NeedsOverride: changing the list's cases needs a manager's override
	// (NeedsOverride).
	NeedsOverride bool
}

// MilestoneState says where session s stands on today in the 6-4-2
// process (rules.md 3.6). Milestone dates count back from the list's date;
// "by" dates are inclusive. Staff count as confirmed when the surgeon is
// and, on lists with an anaesthetist (GA and paediatric), the anaesthetist
// too. Unconfirmed staff after the confirm date outrank the later steps:
// such a list should be released.
func MilestoneState(s *elective.TheatreSession, today elective.Date, m Milestones) Milestone {
	st := Milestone{NeedsOverride: NeedsOverride(s, today, m)}
	confirmBy, fillBy, lockOn := m.ConfirmBy(s.Date), m.FillBy(s.Date), m.LockOn(s.Date)
	use := fmt.Sprintf("%d of %d minutes booked", bookedMinutes(s.Cases, 0), s.Minutes)
	switch {
	case s.Status == elective.SessionReleased:
		st.Stage, st.Text = StageReleased, "Released"
		if s.ReleasedReason != "" {
			st.Text += ": " + s.ReleasedReason
		}
	case s.Date.Before(today):
		st.Stage, st.Text = StagePast, "Past"
	case s.Status == elective.SessionLocked:
		st.Stage, st.Text = StageLocked, "Locked: changes need a manager's override ("+use+")"
	case !staffConfirmed(s) && today.After(confirmBy):
		st.Stage, st.Next, st.Overdue = StageRelease, confirmBy, true
		st.Text = "Staff not confirmed by " + staffDate(confirmBy) + ": confirm them or release the list"
	case !staffConfirmed(s):
		st.Stage, st.Next = StageConfirm, confirmBy
		st.Text = "Confirm the surgeon and anaesthetist by " + staffDate(confirmBy)
	case !today.After(fillBy): // staff confirmed
		st.Stage, st.Next = StageFill, fillBy
		st.Text = "Staff confirmed; fill the list by " + staffDate(fillBy) + " (" + use + ")"
		if !today.After(confirmBy) {
			st.Stage = StageConfirm
		}
	default:
		st.Stage, st.Next, st.Overdue = StageLock, lockOn, today.After(lockOn)
		st.Text = "Review and lock on " + staffDate(lockOn) + " (" + use + ")"
		if st.Overdue {
			st.Text = "Lock overdue since " + staffDate(lockOn) + " (" + use + ")"
		}
	}
	return st
}

// staffConfirmed: the surgeon is confirmed and, where the list has an
// anaesthetist, so are they.
func staffConfirmed(s *elective.TheatreSession) bool {
	if !s.SurgeonConfirmed || s.SurgeonID == 0 {
		return false
	}
	needsAnaesthetist := s.ListType == elective.ListGA || s.ListType == elective.ListPaediatric
	return !needsAnaesthetist || (s.AnaesthetistConfirmed && s.Anaesthetist != "")
}

// LockDue reports whether a planned list should be locked now: its lock
// date has come and its date has not passed (rules.md 3.6, T-2 weeks). A
// list whose staff are still unconfirmed is lock due too; whether to
// release it instead is a person's decision.
func LockDue(s *elective.TheatreSession, today elective.Date, m Milestones) bool {
	return s.Status == elective.SessionPlanned && !today.Before(m.LockOn(s.Date)) && !s.Date.Before(today)
}

// NeedsOverride reports whether changing the cases of list s needs a
// manager's override: the list is locked, or it is inside the lock window
// though not yet locked (rules.md 3.6: no further changes after T-2
// weeks). Released lists take no changes at all (CheckCase refuses them).
func NeedsOverride(s *elective.TheatreSession, today elective.Date, m Milestones) bool {
	switch s.Status {
	case elective.SessionLocked:
		return true
	case elective.SessionReleased:
		return false
	}
	return !today.Before(m.LockOn(s.Date))
}
