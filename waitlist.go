package elective

import "context"

// ListType is the waiting list a pathway is on: what it is waiting for next.
type ListType string

// List types. A pathway with a running clock is always on exactly one.
const (
	ListOutpatientNew      ListType = "outpatient-new"       // waiting for the first appointment of the period
	ListOutpatientFollowUp ListType = "outpatient-follow-up" // seen, waiting for a further appointment
	ListAdmitted           ListType = "admitted"             // decision to treat made, waiting for admission
)

// ListTypes lists the list types in display order.
var ListTypes = []ListType{ListOutpatientNew, ListOutpatientFollowUp, ListAdmitted}

// Label is the list's name for staff.
func (l ListType) Label() string {
	switch l {
	case ListOutpatientNew:
		return "Outpatient new"
	case ListOutpatientFollowUp:
		return "Outpatient follow-up"
	case ListAdmitted:
		return "Inpatient / day case"
	}
	return string(l)
}

// SlotType is the slot type an outpatient list books into.
func (l ListType) SlotType() SlotType {
	if l == ListOutpatientNew {
		return SlotNew
	}
	return SlotFollowUp
}

// PTLEntry is one row of the patient tracking list: an open pathway with a
// running clock, its next activity and what is needed to work it. Rows are a
// read model kept current on every event; DaysWaited and Band are measured
// at the census date of the query.
type PTLEntry struct {
	PathwayID     int64
	PPID          string
	PatientID     int64
	PatientName   string
	NHSNumber     string
	SpecialtyID   int64
	SpecialtyName string
	ClinicianID   int64
	ClinicianName string
	SiteID        int64
	SiteName      string
	Priority      Priority
	ListType      ListType
	ClockStart    Date
	Status        RTTStatus // the last RTT status recorded in the period
	BreachDate    Date      // the first day the clock is over 18 weeks
	ReferralDate  Date
	NextActivity  Date // the next booked appointment, zero for none
	NextSlotType  SlotType
	AppointmentID int64 // the next booked appointment
	LastValidated Date  // when the running period was last validated, zero if never
	ValidationDue Date  // from when validation is due (rules.md 3.9), zero if no milestone is left
	ReviewNeeded  bool  // a clinician's decision is outstanding
	DaysWaited    int
	Band          string
}

// Booked reports whether the pathway has its next activity booked.
func (e *PTLEntry) Booked() bool { return !e.NextActivity.IsZero() }

// PTLSort orders PTL rows.
type PTLSort string

// PTL orders.
const (
	// SortLongestWait puts the longest waits first (earliest clock start).
	SortLongestWait PTLSort = "wait"
	// SortPriority is the booking order: clinical priority, then longest
	// wait (rules.md 3.8).
	SortPriority PTLSort = "priority"
	// SortBreach puts the nearest breach dates first.
	SortBreach PTLSort = "breach"
)

// PTLFilter selects PTL rows. Zero fields do not filter.
type PTLFilter struct {
	SpecialtyID       int64
	ClinicianID       int64
	SiteID            int64
	ListType          ListType
	Priority          Priority
	Booked            string         // "yes", "no" or "" for both
	MinWeeks          int            // waited at least this many whole weeks (0: no bound)
	MaxWeeks          int            // waited fewer than this many whole weeks (0: no bound)
	BreachWithinWeeks int            // not yet breached, and breaching within this many weeks of census (0: no filter)
	ValidationDue     bool           // only pathways whose validation is due at census
	Source            ReferralSource // only pathways whose referral came this way (the ASI worklist)
	Census            Date           // the date waits are measured at; required
	Sort              PTLSort
	Offset            int
	Limit             int
}

// WorklistKind is a reason a pathway is on a worklist.
type WorklistKind string

// Worklist kinds. The failsafe kinds catch patients who would otherwise sit
// on no list; the validation kinds are the checks of rules.md 1.12 and 3.9
// that apply to one pathway.
const (
	WorkNoNextStep       WorklistKind = "no-next-step"      // seen, clock running, nothing booked and on no list with a due date
	WorkOutcomeOverdue   WorklistKind = "outcome-overdue"   // an appointment has passed with no outcome recorded
	WorkClinicalReview   WorklistKind = "clinical-review"   // a clinician's decision is outstanding, clock or no clock
	WorkValidationDue    WorklistKind = "validation-due"    // due at 12, 26 or 52 weeks and not validated in 12 weeks
	WorkDuplicatePathway WorklistKind = "duplicate-pathway" // another open pathway for the patient in the specialty
	WorkDischargedOpen   WorklistKind = "discharged-open"   // last attendance discharged the patient but the clock runs
	WorkInvalidEvents    WorklistKind = "invalid-events"    // the event log breaks the rules (found by a rebuild)
	WorkFollowUpDue      WorklistKind = "follow-up-due"     // a follow-up is past its due date, or the patient never answered (rules.md 3.4)
)

// Worklist names the two worklists.
type Worklist string

// Worklists.
const (
	WorklistFailsafe   Worklist = "failsafe"
	WorklistValidation Worklist = "validation"
)

// Kinds returns the kinds on a worklist, in the order they are worked.
func (w Worklist) Kinds() []WorklistKind {
	if w == WorklistValidation {
		return []WorklistKind{WorkInvalidEvents, WorkDischargedOpen, WorkDuplicatePathway, WorkValidationDue}
	}
	return []WorklistKind{WorkClinicalReview, WorkOutcomeOverdue, WorkFollowUpDue, WorkNoNextStep}
}

// Label is the kind's name for staff.
func (k WorklistKind) Label() string {
	switch k {
	case WorkNoNextStep:
		return "No next step"
	case WorkOutcomeOverdue:
		return "Outcome not recorded"
	case WorkClinicalReview:
		return "Clinical review needed"
	case WorkValidationDue:
		return "Validation due"
	case WorkDuplicatePathway:
		return "Duplicate open pathway"
	case WorkDischargedOpen:
		return "Discharged but clock running"
	case WorkInvalidEvents:
		return "Events break the rules"
	case WorkFollowUpDue:
		return "Follow-up overdue or unanswered"
	}
	return string(k)
}

// WorklistEntry is one pathway on a worklist and why it is there.
type WorklistEntry struct {
	PathwayID     int64
	PatientID     int64
	PatientName   string
	NHSNumber     string
	SpecialtyName string
	Kind          WorklistKind
	Reason        string
	Since         Date // when the work arose
	ClockStart    Date // zero when no clock runs
	DaysWaited    int
}

// WorklistFilter selects entries of a worklist.
type WorklistFilter struct {
	List        Worklist
	Kind        WorklistKind // "" for every kind of the list
	SpecialtyID int64
	Census      Date
	Offset      int
	Limit       int
}

// WorklistService reads the failsafe and validation worklists.
type WorklistService interface {
	// FindWorklist returns a page of a worklist, the number of entries
	// matching, and the number of each kind on the list (for the tabs).
	FindWorklist(ctx context.Context, f WorklistFilter) ([]*WorklistEntry, int, map[WorklistKind]int, error)
}

// WaitingListService reads the PTL and the waiting lists cut from it.
type WaitingListService interface {
	// FindPTL returns a page of PTL rows and the total matching. It records
	// one audit event for the list view.
	FindPTL(ctx context.Context, filter PTLFilter) ([]*PTLEntry, int, error)

	// FindPTLEntry returns the PTL row of one pathway, or ENOTFOUND when the
	// pathway has no running clock.
	FindPTLEntry(ctx context.Context, pathwayID int64, census Date) (*PTLEntry, error)
}
