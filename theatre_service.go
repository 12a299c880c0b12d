package elective

import "context"

// AdmittedFilter selects admitted waiting-list entries; zero fields do not
// filter. Entries come in booking order: priority time limit, then RTT
// breach date, then the decision-to-admit date (rules.md 3.8).
type AdmittedFilter struct {
	SpecialtyID int64
	SurgeonID   int64
	Status      AdmittedStatus // empty: waiting and scheduled
	Limit       int
}

// TheatreSessionFilter selects theatre sessions between two dates
// (inclusive); zero fields do not filter.
type TheatreSessionFilter struct {
	From, To    Date
	TheatreID   int64
	SpecialtyID int64
	SurgeonID   int64
	// CasesOnly reads the cases' minutes and status without their
	// patients: the week view of lists needs no patient record.
	CasesOnly bool
}

// ScheduleCase asks to put a listed patient on a theatre list.
type ScheduleCase struct {
	SessionID int64
	EntryID   int64
	Minutes   int // 0: the expected minutes of the entry
	// Override is the manager's reason for changing a locked list; it is
	// audited. Empty on an unlocked list.
	Override string
	// RebookOf is the cancelled operation this booking gives the binding
	// new date for (the 28-day rule), or 0.
	RebookOf int64
}

// CancelCase records the cancellation of a booked case.
type CancelCase struct {
	CaseID   int64
	Reason   OperationCancelReason
	Note     string
	OnTheDay bool // on the day of admission or of the operation, or after arrival
	Override string
}

// CaseAdmission records the admission of a booked case (rules.md 1.3.3,
// 1.3.4).
type CaseAdmission struct {
	CaseID     int64
	AdmittedOn Date // the date of admission: the clock stops on it if treated
	// ActualMinutes is the theatre time the case took; required when
	// treated, it teaches EstimateDuration.
	ActualMinutes int
	// Treated is false when the patient was admitted but the procedure was
	// not performed (1.3.4): the clock keeps running.
	Treated bool
	Note    string
}

// SessionStaffing confirms (or clears) who staffs a theatre session: the
// T-6 weeks milestone of rules.md 3.6.
type SessionStaffing struct {
	SessionID             int64
	SurgeonID             int64
	SurgeonConfirmed      bool
	Anaesthetist          string
	AnaesthetistConfirmed bool
}

// TheatreResources are what theatre lists share across theatres: kit
// items by name with how many exist (two lists at once cannot use more),
// which of them are mobile (TheatreKit.Mobile: a case needing one may go on
// a list whose own kit lacks it; every mobile item has a count in Kit), and
// the elective beds available each night for inpatient cases.
type TheatreResources struct {
	Kit    map[string]int
	Mobile map[string]bool
	Beds   int
}

// TheatreReport is the admitted-care report for a period: session
// utilisation (booked minutes over session minutes, and capped at 100%
// per session: the Model Hospital measure), sessions released or unused,
// cancellations by reason, 28-day breaches and patients at risk of missing
// their priority's time limit.
type TheatreReport struct {
	From, To              Date
	Sessions              int
	SessionMinutes        int
	BookedMinutes         int
	Utilisation           float64 // booked / session minutes, in %
	CappedUtilisation     float64 // sum of min(booked, session) / session minutes, in %
	Released              int
	Unused                int // planned sessions with no case booked
	CancellationsByReason map[OperationCancelReason]int
	Breaches28Day         []*CancelledOperation
	Open28Day             []*CancelledOperation
	AtRisk                []*AdmittedListEntry // the first at risk of the priority's due date, in booking order
	AtRiskTotal           int                  // how many are at risk in all
}

// TheatreService keeps the admitted waiting list, pre-operative
// assessments, theatre sessions and the cases booked on them.
type TheatreService interface {
	// ListPatient records a decision to admit on a pathway: the entry joins
	// the admitted waiting list. Returns EINVALID naming the first bad
	// field, ENOTFOUND if the pathway does not exist.
	ListPatient(ctx context.Context, e *AdmittedListEntry) error
	// FindAdmittedEntries returns entries in booking order (see
	// AdmittedFilter), with their latest POA and booked case.
	FindAdmittedEntries(ctx context.Context, f AdmittedFilter) ([]*AdmittedListEntry, error)
	// FindAdmittedEntry returns one entry. ENOTFOUND if absent.
	FindAdmittedEntry(ctx context.Context, id int64) (*AdmittedListEntry, error)

	// BookPreOp books a pre-operative assessment for an entry.
	BookPreOp(ctx context.Context, entryID int64, on Date) (*PreOpAssessment, error)
	// RecordPreOp records the outcome of a booked assessment; a fit
	// outcome is valid for the specialty's validity period.
	RecordPreOp(ctx context.Context, id int64, outcome PreOpOutcome, notes string) (*PreOpAssessment, error)

	// FindTheatreResources returns the shared resources lists compete for:
	// how many of each kit item the hospital has and the elective beds.
	FindTheatreResources(ctx context.Context) (*TheatreResources, error)
	// FindTheatreKit returns the kit catalogue by name; any signed-in user
	// may read it.
	FindTheatreKit(ctx context.Context) ([]*TheatreKit, error)
	// CreateTheatreKit adds an item to the catalogue. EINVALID naming the
	// field for a bad name or count, ECONFLICT naming the item when the name
	// is taken (ignoring case).
	CreateTheatreKit(ctx context.Context, k *TheatreKit) error
	// UpdateTheatreKit changes an item's count or marks it mobile or fixed.
	// Marking it fixed is refused (ECONFLICT, naming the lists) while booked
	// cases on lists after today rely on it coming to a theatre whose own
	// kit lacks it. ENOTFOUND for an unknown item.
	UpdateTheatreKit(ctx context.Context, id int64, u TheatreKitUpdate) (*TheatreKit, error)
	// DeleteTheatreKit removes an item from the catalogue and returns it.
	// Refused (ECONFLICT, naming the lists) while booked cases on lists
	// after today need it. ENOTFOUND for an unknown item.
	DeleteTheatreKit(ctx context.Context, id int64) (*TheatreKit, error)
	// FindTheatres returns the theatres and endoscopy rooms.
	FindTheatres(ctx context.Context) ([]*Theatre, error)
	// CreateTheatreSession adds a session. EINVALID for a bad session,
	// ECONFLICT if the theatre is already in use at that time.
	CreateTheatreSession(ctx context.Context, s *TheatreSession) error
	// FindTheatreSessions returns sessions with their cases, by date and
	// start.
	FindTheatreSessions(ctx context.Context, f TheatreSessionFilter) ([]*TheatreSession, error)
	// FindTheatreSession returns one session with its cases in order.
	FindTheatreSession(ctx context.Context, id int64) (*TheatreSession, error)
	// ConfirmStaffing records the surgeon and anaesthetist for a session.
	ConfirmStaffing(ctx context.Context, st SessionStaffing) error
	// ReleaseSession gives a session back (no surgeon, not needed); it must
	// have no booked cases. ECONFLICT otherwise.
	ReleaseSession(ctx context.Context, id int64, reason string) error
	// LockSession locks a list (the T-2 weeks milestone).
	LockSession(ctx context.Context, id int64) error

	// ScheduleCase books an entry on a list. EINVALID when the case does
	// not fit the session (minutes, list type, surgeon, kit, POA, patient
	// unavailable), naming the reason; EFORBIDDEN for a locked list
	// without a manager's override; nothing changes on error.
	ScheduleCase(ctx context.Context, c ScheduleCase) (*TheatreCase, error)
	// UnscheduleCase takes a case off its list before the day (not a
	// cancellation on the day); the entry goes back to waiting.
	UnscheduleCase(ctx context.Context, caseID int64, reason, override string) error
	// MoveCase changes a case's position on its list.
	MoveCase(ctx context.Context, caseID int64, position int) error
	// CancelCase records a cancellation; a last-minute, non-clinical one
	// starts the 28-day rule (rules.md 2.1). The RTT clock is not affected.
	CancelCase(ctx context.Context, c CancelCase) (*CancelledOperation, error)
	// RecordAdmission records that the patient of a booked case was
	// admitted, and whether the procedure was performed: the case is done,
	// its actual minutes join the surgeon's history, and the pathway gets an
	// admission event, which stops the RTT clock on the date of admission
	// when the procedure was performed (rules.md 1.3.3) and not otherwise
	// (1.3.4: the entry goes back to waiting). EINVALID for a bad date or
	// minutes or an event the pathway's rules refuse, ECONFLICT when the
	// case is no longer booked, ENOTFOUND for an unknown case; nothing
	// changes on error.
	RecordAdmission(ctx context.Context, a CaseAdmission) error
	// FindCancelledOperations returns cancellations under the 28-day rule
	// not yet rebooked first, then the rest, newest first.
	FindCancelledOperations(ctx context.Context, from, to Date) ([]*CancelledOperation, error)

	// EstimateDuration is the expected minutes of a procedure for a surgeon
	// from their history, or fallback when there is none.
	EstimateDuration(ctx context.Context, surgeonID int64, procedureCode string, fallback int) (DurationEstimate, error)

	// TheatreReport reports on sessions and cancellations from..to.
	TheatreReport(ctx context.Context, from, to Date) (*TheatreReport, error)
}

// PlanRequest asks the optimiser to propose how to fill every unlocked
// theatre session from From for Weeks weeks.
type PlanRequest struct {
	From        Date
	Weeks       int
	SpecialtyID int64 // 0: every specialty
	Seed        int64
	// MaxIterations bounds the search (deterministic for a seed); 0 runs
	// until ctx is done.
	MaxIterations int64
	// Progress, if set, is called as the search improves.
	Progress func(PlanProgress)
}

// PlanProgress is reported while the optimiser runs.
type PlanProgress struct {
	Iterations int64
	Best       int64 // the best cost so far (lower is better)
}

// PlanTotals are the figures staff compare plans by.
type PlanTotals struct {
	Placed        int
	LeftOut       int
	PCodeMisses   int     // cases placed after, or left waiting past, their priority's due date
	RTTBreaches   int     // cases placed after, or left waiting past, their 18-week breach date
	Utilisation   float64 // booked minutes over the minutes of the sessions used, in %
	SessionsUsed  int
	SessionsEmpty int // sessions the plan leaves empty (to release)
}

// PlannedCase is one placement in a plan, with the reason for it.
type PlannedCase struct {
	EntryID       int64
	SessionID     int64
	FromSessionID int64 // the session it is booked on today, or 0
	Minutes       int
	Reason        string
	// Joined for display.
	PatientName string
	Procedure   string
	Priority    SurgicalPriority
	TCI         Date
	SessionName string
}

// Change says what accepting the placement would do: "add", "move" or
// "keep".
func (p PlannedCase) Change() string {
	switch {
	case p.FromSessionID == 0:
		return "add"
	case p.FromSessionID != p.SessionID:
		return "move"
	}
	return "keep"
}

// LeftOutCase is an entry the plan does not place, with why.
type LeftOutCase struct {
	EntryID       int64
	FromSessionID int64 // booked today but removed by the plan, or 0
	Reason        string
	PatientName   string
	Priority      SurgicalPriority
}

// ListPlan is the optimiser's proposal as a diff against today's lists,
// with the hand-made chronological fill's totals beside it.
type ListPlan struct {
	From, To      Date
	Placements    []PlannedCase
	LeftOut       []LeftOutCase
	Optimised     PlanTotals
	Chronological PlanTotals
	Iterations    int64
}

// ListPlanner proposes and applies theatre-list plans.
type ListPlanner interface {
	// PlanLists runs the optimiser over the sessions and waiting entries of
	// the request; ctx stops it early with the best plan so far.
	PlanLists(ctx context.Context, r PlanRequest) (*ListPlan, error)
	// AcceptPlan books the chosen placements (adds and moves) each through
	// ScheduleCase's rules; a placement that no longer fits is reported and
	// the others still go ahead.
	AcceptPlan(ctx context.Context, placements []PlannedCase) (booked int, refused []string, err error)
}
