package elective

import (
	"context"
	"strings"
	"time"
)

// PACategory is the kind of work a programmed activity is, as the 2003
// consultant contract divides a job plan (rules.md 4.1).
type PACategory string

// Programmed activity categories.
const (
	PADirectClinicalCare PACategory = "dcc"        // clinics, theatre lists, ward rounds
	PASupporting         PACategory = "spa"        // supporting professional activities: CPD, audit, teaching
	PAAdditional         PACategory = "additional" // additional NHS responsibilities (clinical director …)
	PAExternal           PACategory = "external"   // external duties (Royal College, BMA, examining)
)

// PACategories lists the categories in form order.
var PACategories = []PACategory{PADirectClinicalCare, PASupporting, PAAdditional, PAExternal}

// Label is the category's name in a job plan.
func (c PACategory) Label() string {
	switch c {
	case PADirectClinicalCare:
		return "Direct clinical care"
	case PASupporting:
		return "Supporting professional activities"
	case PAAdditional:
		return "Additional NHS responsibilities"
	case PAExternal:
		return "External duties"
	}
	return string(c)
}

// Short is the category's abbreviation: DCC, SPA …
func (c PACategory) Short() string {
	switch c {
	case PADirectClinicalCare:
		return "DCC"
	case PASupporting:
		return "SPA"
	case PAAdditional:
		return "Additional"
	case PAExternal:
		return "External"
	}
	return string(c)
}

// Valid reports whether c is one of PACategories.
func (c PACategory) Valid() bool {
	for _, v := range PACategories {
		if v == c {
			return true
		}
	}
	return false
}

// ProgrammedActivity is one timetabled block of a consultant's week. A PA
// is nominally 4 hours, 3 in premium time (evenings, nights, weekends);
// the block's length says how many PAs it is. A clinical PA names the
// clinic or theatre template it staffs, so that sessions delivered can be
// reconciled against the plan.
type ProgrammedActivity struct {
	ID          int64
	StaffID     int64
	Weekday     time.Weekday
	StartMinute int // minutes after local midnight
	Minutes     int
	Category    PACategory
	// Premium marks a block in premium time. The store sets it for a block
	// outside the plain-time window (jobPlan.plainTimeStartHour …); staff
	// may also set it for one agreed as premium locally.
	Premium           bool
	Description       string // e.g. "Knee clinic", "Ward round", "Audit"
	ClinicTemplateID  int64  // the clinic template the PA staffs, or 0
	TheatreTemplateID int64  // the theatre template the PA staffs, or 0
	External          string // the commitment outside the trust, for external duties

	// Joined for display: the linked template's name.
	TemplateName string
}

// EndMinute is when the block ends, in minutes after local midnight
// (past 1440 for one running overnight).
func (a *ProgrammedActivity) EndMinute() int { return a.StartMinute + a.Minutes }

// Validate checks the block's own fields, naming each bad one.
func (a *ProgrammedActivity) Validate() error {
	var p Problems
	if a.Weekday < time.Sunday || a.Weekday > time.Saturday {
		p.Add("weekday", "Choose the day of the week")
	}
	if a.StartMinute < 0 || a.StartMinute >= 24*60 {
		p.Add("start", "Enter the start time as HH:MM, for example 08:30")
	}
	if a.Minutes < 30 || a.Minutes > 24*60 {
		p.Add("minutes", "Enter the length in minutes, from 30 to 1440")
	}
	if !a.Category.Valid() {
		p.Add("category", "Choose the kind of activity")
	}
	if a.ClinicTemplateID != 0 && a.TheatreTemplateID != 0 {
		p.Add("template", "Link the activity to a clinic template or a theatre template, not both")
	}
	if (a.ClinicTemplateID != 0 || a.TheatreTemplateID != 0) && a.Category != PADirectClinicalCare {
		p.Add("category", "Only direct clinical care staffs a clinic or theatre list")
	}
	if a.Category == PAExternal && strings.TrimSpace(a.External) == "" {
		p.Add("external", "Say what the external commitment is")
	}
	return p.Err("The activity cannot be added: check the fields marked")
}

// JobPlan is a consultant's agreed weekly timetable of programmed
// activities, reviewed each year (rules.md 4.1).
type JobPlan struct {
	Staff      *StaffMember
	Activities []*ProgrammedActivity // by weekday (Monday first) and start
}

// SessionTally counts the sessions made for one programmed activity over
// a period, by what became of them.
type SessionTally struct {
	Planned   int // dates the job plan puts the activity on (its weekday, bank holidays skipped)
	Made      int // sessions the linked template made in the period
	Ran       int // sessions on or before today that were not cancelled
	Cancelled int // sessions cancelled (clinics) or released (theatre lists)
	Upcoming  int // sessions after today still to run
	NotMade   int // planned dates with no session at all
}

// Add adds t to the tally.
func (s *SessionTally) Add(t SessionTally) {
	s.Planned += t.Planned
	s.Made += t.Made
	s.Ran += t.Ran
	s.Cancelled += t.Cancelled
	s.Upcoming += t.Upcoming
	s.NotMade += t.NotMade
}

// ReconciliationRow is one clinical PA of a job plan with what its
// template delivered.
type ReconciliationRow struct {
	Activity *ProgrammedActivity
	Tally    SessionTally
}

// JobPlanReconciliation sets the sessions a consultant's clinics and
// theatre lists delivered against those their job plan promises, over a
// period.
type JobPlanReconciliation struct {
	Staff    *StaffMember
	From, To Date
	Today    Date
	Rows     []*ReconciliationRow // clinical PAs linked to a template
	Unlinked int                  // clinical PAs linked to no template, which cannot be reconciled
	Totals   SessionTally
}

// JobPlanService keeps consultants' job plans and reconciles them with
// the sessions delivered.
type JobPlanService interface {
	// FindJobPlan returns a member of staff's job plan: ENOTFOUND.
	FindJobPlan(ctx context.Context, staffID int64) (*JobPlan, error)
	// AddProgrammedActivity adds a block to a job plan: EINVALID naming
	// the bad fields (an unknown template; more than 12 PAs), ENOTFOUND
	// for an unknown member of staff.
	AddProgrammedActivity(ctx context.Context, a *ProgrammedActivity) error
	// RemoveProgrammedActivity takes a block out of its job plan.
	RemoveProgrammedActivity(ctx context.Context, id int64) error
	// ReconcileJobPlan counts, for each clinical PA linked to a template,
	// the sessions planned from..to against those made, run and cancelled.
	ReconcileJobPlan(ctx context.Context, staffID int64, from, to Date) (*JobPlanReconciliation, error)
}
