package elective

import (
	"context"
	"strings"
	"time"
)

// LeaveType is the kind of leave a member of staff asks for (rules.md 4.2).
type LeaveType string

// Leave types.
const (
	LeaveAnnual       LeaveType = "annual"
	LeaveStudy        LeaveType = "study"
	LeaveProfessional LeaveType = "professional"
	LeaveSick         LeaveType = "sick"
	LeaveOther        LeaveType = "other"
)

// LeaveTypes lists the types in form order.
var LeaveTypes = []LeaveType{LeaveAnnual, LeaveStudy, LeaveProfessional, LeaveSick, LeaveOther}

// Label is the type's name for staff: "Annual leave".
func (t LeaveType) Label() string {
	switch t {
	case LeaveAnnual:
		return "Annual leave"
	case LeaveStudy:
		return "Study leave"
	case LeaveProfessional:
		return "Professional leave"
	case LeaveSick:
		return "Sick leave"
	case LeaveOther:
		return "Other leave"
	}
	return string(t)
}

// Valid reports whether t is one of LeaveTypes.
func (t LeaveType) Valid() bool {
	for _, v := range LeaveTypes {
		if v == t {
			return true
		}
	}
	return false
}

// Planned reports whether the leave is asked for ahead, so that notice
// and the team's away limit apply; sickness is recorded, not planned.
func (t LeaveType) Planned() bool { return t != LeaveSick }

// LeaveStatus is where a leave request stands.
type LeaveStatus string

// Leave statuses.
const (
	LeaveRequested LeaveStatus = "requested"
	LeaveApproved  LeaveStatus = "approved"
	LeaveDeclined  LeaveStatus = "declined"
	LeaveCancelled LeaveStatus = "cancelled"
)

// LeaveStatuses lists the statuses in worklist order.
var LeaveStatuses = []LeaveStatus{LeaveRequested, LeaveApproved, LeaveDeclined, LeaveCancelled}

// Label is the status for staff.
func (s LeaveStatus) Label() string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// LeaveRequest is a member of staff's request for leave from one date to
// another, both included. A half day off at either end is the afternoon
// of the first day or the morning of the last.
type LeaveRequest struct {
	ID           int64
	StaffID      int64
	Type         LeaveType
	From, To     Date
	HalfDayStart bool // the first day is the afternoon only
	HalfDayEnd   bool // the last day is the morning only
	Status       LeaveStatus
	RequestedOn  Date
	Reason       string // the member of staff's note (a course, a conference)
	DecidedBy    string
	DecidedAt    time.Time
	DecisionNote string // why it was declined, or a note with the approval

	// Derived when read, for display: the working days it takes and the
	// notice it was asked with against the notice its group must give.
	Days           float64
	NoticeDays     int
	RequiredNotice int
	ShortNotice    bool

	// Joined for display.
	StaffName string
	Team      string
	Group     StaffGroup
}

// Validate checks the request's own fields. Leave that ends before it
// starts is refused with a message saying so, and nothing is saved.
func (r *LeaveRequest) Validate() error {
	var p Problems
	if r.StaffID == 0 {
		p.Add("staff", "Choose the member of staff")
	}
	if !r.Type.Valid() {
		p.Add("type", "Choose the type of leave")
	}
	switch {
	case r.From.IsZero():
		p.Add("from", "Enter the first day of leave")
	case r.To.IsZero():
		p.Add("to", "Enter the last day of leave")
	case r.To.Before(r.From):
		p.Add("to", "The leave ends (%s) before it starts (%s): enter a last day on or after the first",
			r.To.Format("2 Jan 2006"), r.From.Format("2 Jan 2006"))
	case r.To.DaysSince(r.From) > 366:
		p.Add("to", "Leave can be at most a year: split a longer absence")
	case r.From == r.To && r.HalfDayStart && r.HalfDayEnd:
		p.Add("half_day", "A single day can be a morning or an afternoon, not both")
	}
	if len(r.Reason) > 500 {
		p.Add("reason", "The note can be at most 500 characters")
	}
	return p.Err("The leave request cannot be saved: check the fields marked")
}

// LeaveFilter narrows the leave worklist. Zero fields do not filter; From
// and To select requests overlapping the period.
type LeaveFilter struct {
	StaffID  int64
	Team     string
	Status   LeaveStatus
	Type     LeaveType
	From, To Date
	Limit    int
}

// LeaveEntitlement is a member of staff's leave for one leave year (April
// to March), in days: the defaults of rules.md 4.2 for their group, grade
// and service, pro rata, unless the rota coordinator set it.
type LeaveEntitlement struct {
	StaffID    int64
	YearStart  Date // 1 April
	AnnualDays float64
	StudyDays  float64 // study and professional leave together
	Set        bool    // stored by the rota coordinator, not the default
}

// LeaveBalance is what a member of staff has used and has left in a leave
// year. Approved leave counts as taken; requests still to be decided are
// shown apart.
type LeaveBalance struct {
	Entitlement     LeaveEntitlement
	YearEnd         Date
	AnnualTaken     float64
	AnnualRequested float64
	StudyTaken      float64
	StudyRequested  float64
	SickDays        float64
}

// AnnualLeft is the annual leave not yet approved.
func (b *LeaveBalance) AnnualLeft() float64 { return b.Entitlement.AnnualDays - b.AnnualTaken }

// StudyLeft is the study and professional leave not yet approved.
func (b *LeaveBalance) StudyLeft() float64 { return b.Entitlement.StudyDays - b.StudyTaken }

// LeaveClinic is a clinic session a leave request falls on.
type LeaveClinic struct {
	Session *ClinicSession
	Booked  int  // patients booked, who would be displaced
	Started bool // already started or past: approving leaves it alone
}

// LeaveTheatre is a theatre list a leave request falls on.
type LeaveTheatre struct {
	Session *TheatreSession
	Booked  int  // cases booked, which come off the list
	Started bool // today or past: approving leaves it alone
}

// LeaveImpact is what approving a leave request would do, shown before
// anyone approves it (rules.md 3.5, 4.4): the clinics it cancels and the
// theatre lists it releases with the patients they displace, the balance
// after it, and who else in the team is away.
type LeaveImpact struct {
	Request   *LeaveRequest
	Staff     *StaffMember
	Clinics   []*LeaveClinic
	Theatres  []*LeaveTheatre
	Displaced int // booked patients of the clinics and lists that would be cancelled
	Balance   *LeaveBalance
	// BalanceAfter is the annual or study leave left if it is approved.
	BalanceAfter float64
	// TeamAway are the team's other approved leave overlapping it.
	TeamAway []*LeaveRequest
	// MaxAway is leave.maxAwayPerTeam (0: no limit); OverLimit says
	// approving would put more of the team away at once than that, on
	// the first such day, LimitDay.
	MaxAway   int
	OverLimit bool
	LimitDay  Date
	// Shifts are the member's rostered shifts the leave covers; approving
	// takes them off the rotas, so they come to the cover worklist.
	Shifts []LeaveShift
}

// LeaveShift is a rostered shift in a leave request's dates.
type LeaveShift struct {
	RotaID    int64
	RotaName  string
	Date      Date
	ShiftCode string
}

// LeaveOutcome is what approving leave did.
type LeaveOutcome struct {
	ClinicsCancelled int
	TheatresReleased int
	Displaced        int // patients whose appointments or cases were cancelled
	ShiftsFreed      int // rostered shifts taken off the rotas, now gaps
}

// LeaveService keeps leave requests, entitlements and balances, and
// approves leave knowing what it does to clinics and theatre lists.
type LeaveService interface {
	// RequestLeave checks and records a request: EINVALID (leave that
	// ends before it starts), ENOTFOUND for an unknown member of staff.
	RequestLeave(ctx context.Context, r *LeaveRequest) error
	// FindLeaveRequests returns requests matching f, soonest first.
	FindLeaveRequests(ctx context.Context, f LeaveFilter) ([]*LeaveRequest, error)
	// FindLeaveRequest returns one request: ENOTFOUND.
	FindLeaveRequest(ctx context.Context, id int64) (*LeaveRequest, error)
	// PreviewLeave shows what approving the request would do, changing
	// nothing.
	PreviewLeave(ctx context.Context, id int64) (*LeaveImpact, error)
	// ApproveLeave approves a request and, in the same transaction,
	// cancels its clinics through the clinic-cancellation cascade (a
	// hospital cancellation, never counted against the patient) and
	// releases its theatre lists, each with the reason "Leave: <type>".
	// Short notice needs a manager (EFORBIDDEN); beyond the team's away
	// limit it is refused naming who else is away (ECONFLICT).
	ApproveLeave(ctx context.Context, id int64, note string) (*LeaveOutcome, error)
	// DeclineLeave declines a request with a reason.
	DeclineLeave(ctx context.Context, id int64, reason string) error
	// CancelLeave withdraws a request not yet taken. Sessions an approval
	// cancelled stay cancelled.
	CancelLeave(ctx context.Context, id int64, reason string) error
	// FindLeaveBalance returns the member's entitlement and use in the
	// leave year that includes on.
	FindLeaveBalance(ctx context.Context, staffID int64, on Date) (*LeaveBalance, error)
	// SetLeaveEntitlement stores a member's entitlement for a leave year,
	// over the default.
	SetLeaveEntitlement(ctx context.Context, e *LeaveEntitlement) error
}
