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
	SpecialtyID int64
	ClinicianID int64
	SiteID      int64
	ListType    ListType
	Priority    Priority
	Booked      string // "yes", "no" or "" for both
	Census      Date   // the date waits are measured at; required
	Sort        PTLSort
	Offset      int
	Limit       int
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
