package schedule

import "github.com/openelective/elective"

// ListSession is one theatre list (a session of theatre time) that cases
// may be booked on. The store converts its sessions to these.
type ListSession struct {
	ID          int64
	Date        elective.Date
	Theatre     string
	Start       int // minutes after midnight; with Minutes it says which sessions overlap (kit counts)
	Minutes     int // the session's length in minutes
	SurgeonID   int64
	SurgeonName string // for reasons ("Mr Smith"); optional
	Specialty   string // empty = any; a case with a specialty goes only on a list of that specialty (or none given)
	ListType    string // "GA", "LA", "paediatric", …; empty = any
	Kit         []string
	// Locked sessions (past the 6-4-2 lock, rules.md 3.6) keep their
	// booked cases and take no others. Sessions on or before
	// ListProblem.Today are treated as locked too.
	Locked bool
	// Booked lists the IDs of the cases currently booked on the session;
	// it may be left empty when the cases' CurrentSessionID says it.
	Booked []int64
	// OtherMinutes is time already taken by bookings outside the problem
	// (other patients), so only Minutes − OtherMinutes are free.
	OtherMinutes int
}

// DateRange is an inclusive range of dates; a zero To means "From only".
type DateRange struct {
	From, To elective.Date
}

// Contains reports whether d falls in the range.
func (r DateRange) Contains(d elective.Date) bool {
	to := r.To
	if to.IsZero() {
		to = r.From
	}
	return !d.Before(r.From) && !d.After(to)
}

// ListCase is one waiting-list entry to be given a theatre date.
type ListCase struct {
	ID               int64 // the waiting-list entry
	PatientName      string
	SurgeonID        int64  // 0 = any surgeon of the specialty
	Specialty        string // empty = any
	Minutes          int    // expected duration including turnaround
	ListType         string // required list type; empty = any
	Kit              []string
	NeedsBed         bool
	LengthOfStayDays int // nights in a bed counted as days d..d+LOS−1; 0 with NeedsBed counts as 1
	PriorityCode     string
	// DueBy is the date the priority's time limit runs out (rules.md 2.4).
	// When zero it is ListedOn plus the code's limit (P4: none).
	DueBy         elective.Date
	BreachDate    elective.Date // the RTT 18-week breach date; zero = none
	ListedOn      elective.Date // decision to admit, for chronological order
	POAValidUntil elective.Date // zero = no valid pre-operative assessment
	Unavailable   []DateRange
	// CurrentSessionID is the session the case is booked on now; 0 = not booked.
	CurrentSessionID int64
}

// POAPolicy says when a case may be given a date before its pre-operative
// assessment is valid for it (rules.md 3.7). A case may always go on a date
// on or before its POAValidUntil. Otherwise, unless RequireValid, it may go
// on a date at least LeadDays after Today, leaving time to book (or repeat)
// the assessment first. The zero policy is the default: LeadDays 14.
type POAPolicy struct {
	RequireValid bool
	LeadDays     int // 0 = DefaultPOALeadDays
}

// DefaultPOALeadDays is the time assumed to book a pre-operative
// assessment before a TCI date: two weeks, a local default (rules.md 3.7
// gives only "3–4 weeks before surgery" as an aim; unconfirmed).
const DefaultPOALeadDays = 14

// Weights price the optimiser's objective. The defaults (DefaultWeights)
// are spaced so that it is lexicographic in practice: P-code misses, then
// RTT breaches, then cases left out, then waiting order, then idle time.
type Weights struct {
	PCodeMiss int64 // per case dated after its DueBy, or left out with DueBy in the horizon
	LateDay   int64 // per day past DueBy (left out: counted to the day after the horizon)
	RTTBreach int64 // per case dated after its BreachDate, or left out with BreachDate in the horizon
	LeftOut   int64 // per case left out
	// Wait is per day from Today to the TCI, times the case's urgency: its
	// days waited plus 365 per priority step above P4 (P1a 1460, P1b 1095,
	// P2 730, P3 365), so that priority comes first and then wait (rules.md
	// 3.8). A case left out is counted at the horizon's end plus a week.
	Wait        int64
	IdleMinute  int64 // per unbooked minute of a session that has any case
	OpenSession int64 // per session with any case (an unused session is released, free)
	Disruption  int64 // per case moved off its current (unlocked) session or dropped from it
}

// DefaultWeights are used for any weight left zero (set a weight negative
// to switch it off).
var DefaultWeights = Weights{
	PCodeMiss:   10_000_000,
	LateDay:     10_000,
	RTTBreach:   1_000_000,
	LeftOut:     100_000,
	Wait:        1,
	IdleMinute:  100,
	OpenSession: 5_000,
	Disruption:  2_000,
}

// ListProblem is everything the theatre-list optimiser needs, already
// loaded: it never touches the database.
type ListProblem struct {
	Sessions []ListSession
	Cases    []ListCase
	// Beds is the number of elective beds free for these cases on each day
	// (after other patients). nil means beds are not limited; in a non-nil
	// map a day that is absent is not limited either.
	Beds map[elective.Date]int
	// Kit is how many of each kit item exist. The number of sessions using
	// an item at the same time (overlapping Start..Start+Minutes on a date)
	// may not exceed it. Items not in the map are limited only by the
	// sessions' own Kit lists.
	Kit map[string]int
	// MobileKit names the items of Kit that go to any theatre (an image
	// intensifier on a trolley): a case needing one may go on a session
	// whose own Kit lacks it, within the item's count. Other items are
	// fixed: the session must have them (rules.md 3.6).
	MobileKit map[string]bool
	Today     elective.Date // TCI dates must be after Today
	POA       POAPolicy
	// ListTypeFits says whether a case needing list type want may go on a
	// session of type have. nil: either empty or the two equal.
	ListTypeFits func(have, want string) bool
	Weights      Weights // zero fields take DefaultWeights
}

// Proposal is an optimised (or chronological) set of theatre lists, for
// staff to review before it is booked.
type Proposal struct {
	Method     string // "optimiser" or "chronological"
	Sessions   []SessionPlan
	Placements []Placement
	LeftOut    []LeftOut
	Totals     Totals
	Cost       int64 // the objective under the problem's weights
}

// SessionPlan is one session's proposed list, cases in order of priority
// then wait.
type SessionPlan struct {
	SessionID   int64
	Date        elective.Date
	Theatre     string
	SurgeonID   int64
	Locked      bool
	Cases       []int64
	MinutesUsed int // including OtherMinutes
	MinutesFree int
}

// Placement is one case given a date, with the reason in words.
type Placement struct {
	CaseID    int64
	SessionID int64
	Date      elective.Date
	Late      bool // after its DueBy: a P-code miss
	Breach    bool // after its RTT breach date
	Reason    string
}

// LeftOut is a case given no date, with the reason in words.
type LeftOut struct {
	CaseID int64
	PMiss  bool // its DueBy falls in the horizon: counted as a P-code miss
	Breach bool // its breach date falls in the horizon
	Reason string
}

// Totals sum up a proposal, so that two can be shown side by side.
type Totals struct {
	Cases, Placed, LeftOut int
	PCodeMisses            int
	RTTBreaches            int
	SessionsUsed           int     // sessions with at least one case
	SessionsReleased       int     // sessions left empty
	MinutesBooked          int     // on used sessions, including OtherMinutes
	MinutesAvailable       int     // length of the used sessions
	Utilisation            float64 // MinutesBooked / MinutesAvailable, per cent
}

// ChangeKind is what a proposal does to one case's booking.
type ChangeKind string

// Change kinds.
const (
	ChangeAdded   ChangeKind = "added"   // not booked, now given a session
	ChangeMoved   ChangeKind = "moved"   // booked, now on another session
	ChangeRemoved ChangeKind = "removed" // booked, now left out
)

// Change is one case whose session differs between the problem and a
// proposal.
type Change struct {
	CaseID        int64
	Kind          ChangeKind
	FromSessionID int64 // 0 when added
	ToSessionID   int64 // 0 when removed
}
