package elective

import "time"

// SurgicalPriority is the clinical priority of a patient waiting for
// surgery, from the Federation of Surgical Specialty Associations' codes
// (rules.md 2.4): each code carries a time limit within which the operation
// should happen.
type SurgicalPriority string

// Surgical priorities, most urgent first.
const (
	P1a SurgicalPriority = "P1a" // emergency: within 24 hours
	P1b SurgicalPriority = "P1b" // urgent: within 72 hours
	P2  SurgicalPriority = "P2"  // within 4 weeks
	P3  SurgicalPriority = "P3"  // within 3 months
	P4  SurgicalPriority = "P4"  // can wait more than 3 months
)

// SurgicalPriorities lists the codes in order of urgency.
var SurgicalPriorities = []SurgicalPriority{P1a, P1b, P2, P3, P4}

// Rank orders priorities: 0 is the most urgent; unknown codes rank last.
func (p SurgicalPriority) Rank() int {
	for i, q := range SurgicalPriorities {
		if q == p {
			return i
		}
	}
	return len(SurgicalPriorities)
}

// Valid reports whether p is one of the codes.
func (p SurgicalPriority) Valid() bool { return p.Rank() < len(SurgicalPriorities) }

// LimitDays is the code's time limit in days from the decision to admit
// (or the latest priority review): P1a 1, P1b 3, P2 28, P3 91. P4 has no
// upper limit (0): its patients are bounded by the RTT breach date.
func (p SurgicalPriority) LimitDays() int {
	switch p {
	case P1a:
		return 1
	case P1b:
		return 3
	case P2:
		return 28
	case P3:
		return 91
	}
	return 0
}

// Label is the code with its meaning, for staff.
func (p SurgicalPriority) Label() string {
	switch p {
	case P1a:
		return "P1a – emergency, within 24 hours"
	case P1b:
		return "P1b – urgent, within 72 hours"
	case P2:
		return "P2 – within 4 weeks"
	case P3:
		return "P3 – within 3 months"
	case P4:
		return "P4 – can wait over 3 months"
	}
	return string(p)
}

// IntendedManagement is whether the patient is expected to go home the
// same day.
type IntendedManagement string

// Intended management.
const (
	DayCase   IntendedManagement = "day-case"
	Inpatient IntendedManagement = "inpatient"
)

// Label is the management for staff.
func (m IntendedManagement) Label() string {
	if m == Inpatient {
		return "Inpatient"
	}
	return "Day case"
}

// AnaestheticType is the anaesthetic planned; it decides which list types
// can take the case.
type AnaestheticType string

// Anaesthetic types.
const (
	AnaestheticGeneral  AnaestheticType = "GA"
	AnaestheticLocal    AnaestheticType = "LA"
	AnaestheticRegional AnaestheticType = "regional"
	AnaestheticSedation AnaestheticType = "sedation"
)

// AnaestheticTypes lists the anaesthetic types for forms.
var AnaestheticTypes = []AnaestheticType{AnaestheticGeneral, AnaestheticLocal, AnaestheticRegional, AnaestheticSedation}

// TheatreListType is what a theatre or endoscopy list is set up for.
type TheatreListType string

// List types.
const (
	ListGA         TheatreListType = "GA"         // general anaesthetic: an anaesthetist is on the list
	ListLA         TheatreListType = "LA"         // local anaesthetic only
	ListPaediatric TheatreListType = "paediatric" // children
	ListEndoscopy  TheatreListType = "endoscopy"
)

// TheatreListTypes lists the theatre list types for forms.
var TheatreListTypes = []TheatreListType{ListGA, ListLA, ListPaediatric, ListEndoscopy}

// AdmittedStatus is where an admitted waiting-list entry stands.
type AdmittedStatus string

// Admitted waiting-list statuses.
const (
	AdmittedWaiting   AdmittedStatus = "waiting"   // no date yet
	AdmittedScheduled AdmittedStatus = "scheduled" // a TCI date on a theatre list
	AdmittedTreated   AdmittedStatus = "treated"   // admitted for the procedure
	AdmittedRemoved   AdmittedStatus = "removed"   // taken off the list (reason recorded)
)

// AdmittedListEntry is a patient on the inpatient / day-case waiting list:
// a decision to admit recorded at a clinic outcome, with what the theatre
// team needs to plan the case (rules.md 1.3, 2.4). The RTT clock keeps
// running on the pathway until admission for treatment (1.3.3).
type AdmittedListEntry struct {
	ID          int64
	PathwayID   int64
	PatientID   int64
	SpecialtyID int64
	SurgeonID   int64 // the consultant who listed the patient

	ProcedureCode   string // OPCS-4, e.g. "W401"
	ProcedureName   string
	Management      IntendedManagement
	Priority        SurgicalPriority
	ListedOn        Date // the decision to admit
	ReviewOn        Date // the next review of the priority
	ExpectedMinutes int  // expected theatre time, turnaround included
	Anaesthetic     AnaestheticType
	LengthOfStay    int // nights in a bed; 0 for a day case

	// Special requirements.
	Kit          []string // equipment, e.g. "arthroscopy stack", "image intensifier"
	Radiology    bool
	CriticalCare string // "", "HDU" or "ITU": a bed booked for after surgery
	Interpreter  string // language, if one is needed
	Transport    bool

	Status        AdmittedStatus
	RemovedReason string
	CreatedAt     time.Time

	// Joined for display.
	PatientName   string
	NHSNumber     string
	SpecialtyName string
	SurgeonName   string
	ClockStart    Date // the RTT clock start of the pathway's running period
	BreachDate    Date // the 18-week breach date, if the clock runs
	POA           *PreOpAssessment
	Case          *TheatreCase // the booked case when scheduled
}

// DueBy is the date the priority's time limit runs out, counted from the
// decision to admit or the latest review; zero for P4 (no limit).
func (e *AdmittedListEntry) DueBy() Date {
	n := e.Priority.LimitDays()
	if n == 0 {
		return Date{}
	}
	from := e.ListedOn
	return from.AddDays(n)
}

// PreOpOutcome is the result of a pre-operative assessment (rules.md 3.7).
type PreOpOutcome string

// Pre-operative assessment outcomes.
const (
	PreOpBooked            PreOpOutcome = "booked" // appointment made, not yet held
	PreOpFit               PreOpOutcome = "fit"
	PreOpNotFit            PreOpOutcome = "not-fit"
	PreOpAnaestheticReview PreOpOutcome = "anaesthetic-review"
)

// Label is the outcome for staff.
func (o PreOpOutcome) Label() string {
	switch o {
	case PreOpBooked:
		return "Booked"
	case PreOpFit:
		return "Fit for surgery"
	case PreOpNotFit:
		return "Not fit"
	case PreOpAnaestheticReview:
		return "Needs anaesthetic review"
	}
	return string(o)
}

// PreOpAssessment is one pre-operative assessment of a listed patient.
// Only a "fit" outcome makes a patient ready for a list, and only until
// ValidUntil (the assessment date plus the specialty's validity, default
// 84 days, poa.validityDays).
type PreOpAssessment struct {
	ID         int64
	EntryID    int64
	On         Date // the appointment date
	Outcome    PreOpOutcome
	AssessedOn Date // when the outcome was recorded; zero while booked
	ValidUntil Date // zero unless fit
	Notes      string
}

// Theatre is an operating theatre or endoscopy room.
type Theatre struct {
	ID        int64
	Code      string // e.g. "MTH1"
	Name      string // e.g. "Main theatre 1"
	SiteID    int64
	Endoscopy bool
}

// SessionPeriod is the part of the day a theatre session takes.
type SessionPeriod string

// Session periods.
const (
	PeriodMorning   SessionPeriod = "am"
	PeriodAfternoon SessionPeriod = "pm"
	PeriodAllDay    SessionPeriod = "all-day"
)

// Label is the period for staff.
func (p SessionPeriod) Label() string {
	switch p {
	case PeriodMorning:
		return "Morning"
	case PeriodAfternoon:
		return "Afternoon"
	}
	return "All day"
}

// TheatreSessionStatus is where a theatre session stands in the 6-4-2
// process (rules.md 3.6).
type TheatreSessionStatus string

// Theatre session statuses.
const (
	SessionPlanned  TheatreSessionStatus = "planned"
	SessionReleased TheatreSessionStatus = "released" // given back: no surgeon or not needed
	SessionLocked   TheatreSessionStatus = "locked"   // at T-2 weeks: changes need a manager
)

// TheatreSession is one theatre or endoscopy list: a theatre for a part
// of a day, with its owner surgeon, anaesthetist, list type and kit.
type TheatreSession struct {
	ID           int64
	TheatreID    int64
	SpecialtyID  int64
	Date         Date
	Period       SessionPeriod
	StartMinute  int // minutes after local midnight
	Minutes      int // session length
	SurgeonID    int64
	Anaesthetist string // name of the anaesthetist, if confirmed
	ListType     TheatreListType
	Kit          []string // equipment available in the session
	// TemplateID is the theatre template the session was made from, or 0
	// for a one-off list.
	TemplateID int64

	SurgeonConfirmed      bool
	AnaesthetistConfirmed bool
	Status                TheatreSessionStatus
	ReleasedReason        string

	// Joined for display.
	TheatreName   string
	SpecialtyName string
	SurgeonName   string
	Cases         []*TheatreCase // in list order
}

// BookedMinutes is the planned minutes of the cases still on the list.
func (s *TheatreSession) BookedMinutes() int {
	n := 0
	for _, c := range s.Cases {
		if c.Status == CaseBooked {
			n += c.Minutes
		}
	}
	return n
}

// CaseStatus is where a case on a list stands.
type CaseStatus string

// Case statuses.
const (
	CaseBooked    CaseStatus = "booked"
	CaseCancelled CaseStatus = "cancelled"
	CaseDone      CaseStatus = "done" // the patient was admitted and operated on
)

// TheatreCase is a patient booked on a theatre list: the TCI (to come in)
// date is the session's date.
type TheatreCase struct {
	ID        int64
	SessionID int64
	EntryID   int64
	Position  int // order on the list, from 1
	Minutes   int // planned minutes, defaulted from history, overridable
	Status    CaseStatus
	// NotPerformed marks a done case whose patient was admitted but not
	// operated on (rules.md 1.3.4): its theatre time was not used.
	NotPerformed bool

	// Joined for display.
	Entry *AdmittedListEntry
	TCI   Date
}

// DurationEstimate is the expected theatre time of a procedure for a
// surgeon, from the history of their cases: the median and the spread
// (the interquartile range), or the listed minutes when there is no
// history.
type DurationEstimate struct {
	Minutes int
	Low     int // lower quartile
	High    int // upper quartile
	Samples int // 0: no history; Minutes is the fallback
}
