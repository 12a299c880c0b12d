package elective

import (
	"context"
	"strings"
	"time"
)

// ShiftType is one of a team's shifts: its code on the rota, its local
// start and length. A shift may cross midnight (a night from 20:30 for
// 12.5 hours). Unpopular shifts are spread fairly by the rota builder.
type ShiftType struct {
	ID          int64
	Team        string
	Code        string // short, as printed on the rota: "D", "LD", "N"
	Name        string
	StartMinute int // minutes after local midnight
	Minutes     int
	Unpopular   bool
	// Breaks is how many breaks of ShiftBreakMinutes the shift plans. The
	// rota rules say how many its length needs (rules.md 4.3, Breaks) and
	// list every duty of a shift that plans too few.
	Breaks int
	// NonResident marks non-resident on call (NROC, rules.md 4.3; TS-148):
	// the doctor is at home, available by phone, for up to 24 hours. The
	// 13-hour maximum shift does not apply to it; it is still a duty for
	// the rest, consecutive-shift and weekend rules, and the hours rules
	// count its ExpectedWorkMinutes (say 4 hours of a 24-hour on call), not
	// its whole span. The rest actually had is judged from the work
	// recorded on each duty (OnCallWork).
	NonResident         bool
	ExpectedWorkMinutes int
}

// ShiftBreakMinutes is the length of one planned break: the 2019
// amendments give three 30-minute breaks in a 12-hour shift (rules.md 4.3).
const ShiftBreakMinutes = 30

// Validate checks the shift type's own fields; a shift over 24 hours or of
// no length is refused here, one longer than a contract allows is refused
// for that person by the rota rules.
func (s *ShiftType) Validate() error {
	var p Problems
	if strings.TrimSpace(s.Team) == "" {
		p.Add("team", "Enter the team")
	}
	if s.Code == "" || len(s.Code) > 6 || strings.ContainsAny(s.Code, " ,;\t") {
		p.Add("code", "Enter a code of 1 to 6 characters without spaces or commas")
	}
	if strings.TrimSpace(s.Name) == "" {
		p.Add("name", "Enter the shift's name")
	}
	if s.StartMinute < 0 || s.StartMinute >= 24*60 {
		p.Add("start", "Enter a start time within the day")
	}
	if s.Minutes <= 0 || s.Minutes > 24*60 {
		p.Add("minutes", "Enter a length from 1 minute to 24 hours")
	}
	switch {
	case s.Breaks < 0:
		p.Add("breaks", "Enter the number of 30-minute breaks, 0 or more")
	case s.Minutes > 0 && s.Breaks > 0 && s.Breaks*ShiftBreakMinutes >= s.Minutes:
		p.Add("breaks", "%d breaks of 30 minutes do not fit in a shift of %d minutes: plan fewer", s.Breaks, s.Minutes)
	}
	switch {
	case !s.NonResident && s.ExpectedWorkMinutes != 0:
		p.Add("expected_work", "Only a non-resident on-call shift has expected work: leave it empty or mark the shift on call")
	case s.ExpectedWorkMinutes < 0 || (s.Minutes > 0 && s.ExpectedWorkMinutes > s.Minutes):
		p.Add("expected_work", "Enter the work expected while on call, from 0 to the length of the shift")
	}
	return p.Err("The shift type cannot be saved: check the fields marked")
}

// Label is the shift as a coordinator reads it: "LD Long day 08:00–21:00".
func (s *ShiftType) Label() string {
	end := (s.StartMinute + s.Minutes) % (24 * 60)
	return s.Code + " " + s.Name + " " + clock(s.StartMinute) + "–" + clock(end)
}

func clock(m int) string {
	return time.Date(2000, 1, 1, m/60, m%60, 0, 0, time.UTC).Format("15:04")
}

// CoverRule says how many of a team must work a shift on the days it
// applies to, of which grades, and whether one of them must hold a skill
// (the night registrar must hold ALS).
type CoverRule struct {
	ID        int64
	Team      string
	ShiftCode string
	Weekdays  []time.Weekday // empty: every day
	Min       int
	Grades    []string // empty: any grade
	Skill     string   // "": none needed
}

// AppliesOn reports whether the rule covers weekday w.
func (c *CoverRule) AppliesOn(w time.Weekday) bool {
	if len(c.Weekdays) == 0 {
		return true
	}
	for _, d := range c.Weekdays {
		if d == w {
			return true
		}
	}
	return false
}

// RotaStatus is where a rota is in its life: drafted, then published to
// the doctors (at least 6 weeks before it starts, rules.md 4.3 Code of
// Practice); changes after publication are tracked.
type RotaStatus string

// Rota statuses.
const (
	RotaDraft     RotaStatus = "draft"
	RotaPublished RotaStatus = "published"
)

// RotaPublishNoticeDays is the Code of Practice's notice of a personal duty
// rota before the rotation starts (rules.md 4.3; TS-149).
const RotaPublishNoticeDays = 42

// Rota is one team's rota for a rotation period. Every save makes a new
// version; the old ones are kept.
type Rota struct {
	ID          int64
	Team        string
	Name        string
	From, To    Date // inclusive
	Status      RotaStatus
	Version     int // the current version
	PublishedAt time.Time
	PublishedBy string
	// Limits2016 checks against the original 2016 limits instead of the
	// 2019 amendments (the default).
	Limits2016 bool
}

// Validate checks the rota's own fields.
func (r *Rota) Validate() error {
	var p Problems
	if strings.TrimSpace(r.Team) == "" {
		p.Add("team", "Choose the team")
	}
	if strings.TrimSpace(r.Name) == "" {
		p.Add("name", "Enter a name for the rota, e.g. the rotation")
	}
	switch {
	case r.From.IsZero():
		p.Add("from", "Enter the first day of the rota")
	case r.To.IsZero():
		p.Add("to", "Enter the last day of the rota")
	case r.To.Before(r.From):
		p.Add("to", "The rota cannot end before it starts")
	case r.To.DaysSince(r.From) > 366:
		p.Add("to", "A rota can cover at most a year")
	}
	return p.Err("The rota cannot be saved: check the fields marked")
}

// RotaDuty is one person's shift on one date of a rota version.
type RotaDuty struct {
	StaffID   int64
	Date      Date
	ShiftCode string
	StaffName string // joined for display
}

// RotaVersion is a saved state of a rota: built, edited, imported or
// filled from the cover worklist.
type RotaVersion struct {
	Version   int
	CreatedAt time.Time
	CreatedBy string
	Note      string
	Duties    int
}

// RotaChange is one change to a published rota, kept so that late changes
// (inside the notice period) can be seen and reported.
type RotaChange struct {
	Version     int
	StaffID     int64
	StaffName   string
	Date        Date
	From, To    string // shift codes; "" off
	Reason      string
	ChangedAt   time.Time
	ChangedBy   string
	ShortNotice bool // inside RotaPublishNoticeDays of the date
}

// RotaViolation is a breach of a safety limit (rules.md 4.3) found in a
// rota, listed for staff and never silently repaired.
type RotaViolation struct {
	StaffID   int64
	StaffName string
	Rule      string
	Date      Date
	Message   string
}

// RotaGap is a shift short of its cover.
type RotaGap struct {
	Date      Date
	ShiftCode string
	Short     int
	Why       string
}

// RotaLoad is one person's share of a rota, for fairness.
type RotaLoad struct {
	StaffID                                             int64
	StaffName, Grade                                    string
	Minutes, Shifts, Nights, Weekends, Unpopular, Leave int
	PreferOffBroken                                     int
}

// RotaCheck is everything the rules say about a rota version.
type RotaCheck struct {
	Violations []RotaViolation
	Gaps       []RotaGap
	Load       []RotaLoad
	// RestReviews are duties that follow a non-resident on call whose rest
	// expectation was not met, for review (TS-148).
	RestReviews []RotaRestReview
}

// CoverCandidate is a member of staff considered for a gap: eligible, or
// refused with the rule taking the shift would break.
type CoverCandidate struct {
	StaffID   int64
	StaffName string
	Grade     string
	Mobile    string
	Bleep     string
	Minutes   int
	OK        bool
	Reason    string
}

// DayOffRequest is a day a member of staff has asked to be off: the
// builder honours it where cover and safety allow (a soft goal, unlike
// approved leave).
type DayOffRequest struct {
	ID        int64
	StaffID   int64
	StaffName string
	Date      Date
	Note      string
	Kept      bool // set on a rota view: the version leaves the day off
}

// RotaView is a rota version with its duties, shift types and check.
type RotaView struct {
	Rota     *Rota
	Staff    []*StaffMember
	Shifts   []*ShiftType
	Duties   []RotaDuty
	Leave    map[int64][]Date // approved leave days by staff member
	Requests []DayOffRequest  // days asked off in the rota's period
	Check    RotaCheck
	// OnCall are the version's non-resident on-call duties with the work
	// recorded on them and their rest.
	OnCall []OnCallDuty
}

// RotaBuild asks the rota builder for a rota. The effort is a number of
// moves, not a time: the same seed and moves give the same rota, however
// busy the server is.
type RotaBuild struct {
	Seed  int64
	Moves int64 // 1 to RotaBuildMaxMoves
	// Progress, when set, is called from the search: first once the
	// inputs are read and checked and the cover first filled, before the
	// first move, then every 10,000 moves or so. It must be quick and safe
	// for concurrent use.
	Progress func(RotaBuildProgress)
}

// RotaBuildMaxMoves caps one build: about 5 minutes for a team of a dozen
// over a 13-week rotation.
const RotaBuildMaxMoves = 250_000_000

// RotaBuildPhase is the part of a build under way.
type RotaBuildPhase string

const (
	RotaBuildCover    RotaBuildPhase = "cover"    // filling the shifts, fairness left out
	RotaBuildFairness RotaBuildPhase = "fairness" // sharing the work out, keeping the cover
)

// RotaBuildProgress is how far a build has gone.
type RotaBuildProgress struct {
	Phase RotaBuildPhase
	Moves int64 // tried so far
	Gaps  int   // positions of cover the best rota so far leaves empty
	// Unfairness is the best rota's cost less its gaps: the spread of
	// nights, weekends, unpopular shifts and hours beyond each person's
	// pro-rata share, and days asked off that are worked. Lower is fairer;
	// only comparable within one rota. It is 0 in the cover phase, which
	// does not price fairness.
	Unfairness int64
}

// RotaService keeps teams' shift types, cover rules and rotas.
type RotaService interface {
	CreateShiftType(ctx context.Context, st *ShiftType) error
	FindShiftTypes(ctx context.Context, team string) ([]*ShiftType, error)
	CreateCoverRule(ctx context.Context, c *CoverRule) error
	FindCoverRules(ctx context.Context, team string) ([]*CoverRule, error)
	// Teams lists the teams that have staff.
	Teams(ctx context.Context) ([]string, error)

	CreateRota(ctx context.Context, r *Rota) error
	FindRotas(ctx context.Context) ([]*Rota, error)
	// FindRota returns version (0: the current one) with its check.
	FindRota(ctx context.Context, id int64, version int) (*RotaView, error)
	RotaVersions(ctx context.Context, id int64) ([]RotaVersion, error)
	RotaChanges(ctx context.Context, id int64) ([]RotaChange, error)

	// BuildRota runs the rota builder and saves its rota as a new version.
	// No transaction is open while it searches. When ctx is done during
	// the search (stopped, or out of time) the best rota found so far is
	// saved all the same, its note saying so.
	BuildRota(ctx context.Context, id int64, b RotaBuild) (*RotaView, error)
	// SetDuty puts a person on a shift (code "" takes them off) as a new
	// version; on a published rota the change is tracked.
	SetDuty(ctx context.Context, id int64, d RotaDuty, reason string) error
	// ImportRota replaces the duties with rows read from a file, as a new
	// version: EINVALID naming every unknown person or shift code, and
	// nothing changed. Violations are listed, never repaired.
	ImportRota(ctx context.Context, id int64, duties []RotaDuty, note string) error
	// ApplyPattern fills the rota from a rolling pattern (one week a line
	// of seven shift codes, "-" off), each member of the team a week of
	// the pattern apart in the order of the rota, as a new version: the
	// "1 in 8" rota. Approved leave is left off; breaches are listed.
	ApplyPattern(ctx context.Context, id int64, pattern string) error
	// ApplySavedPattern fills the rota from one of its team's saved
	// patterns exactly as ApplyPattern does with the pattern's text, read
	// in the same transaction; the version's note names the pattern.
	// EINVALID if the pattern is not one of the team's.
	ApplySavedPattern(ctx context.Context, id, patternID int64) error

	// FindRotaPatterns returns a team's saved patterns by name.
	FindRotaPatterns(ctx context.Context, team string) ([]*RotaPattern, error)
	// CreateRotaPattern saves a named pattern for a team, and
	// UpdateRotaPattern changes one's name and text: EINVALID naming the
	// line and code the team has no shift for (rota.ParsePattern), and
	// nothing saved; ECONFLICT if the team has a pattern of that name.
	// UpdateRotaPattern and DeleteRotaPattern return ENOTFOUND for no such
	// pattern. Rotas filled from a pattern keep their duties when it
	// changes or goes.
	CreateRotaPattern(ctx context.Context, p *RotaPattern) error
	UpdateRotaPattern(ctx context.Context, p *RotaPattern) error
	DeleteRotaPattern(ctx context.Context, id int64) error
	// PublishRota publishes the current version: less than
	// RotaPublishNoticeDays before it starts needs a manager.
	PublishRota(ctx context.Context, id int64) error
	// AskDayOff records a day a member of the rota's team asked to be off;
	// ECONFLICT if they asked already. CancelDayOff removes it.
	AskDayOff(ctx context.Context, id int64, r DayOffRequest) error
	CancelDayOff(ctx context.Context, id, requestID int64) error
	// CoverCandidates lists everyone of the rota's team for a shift on a
	// date, eligible first.
	CoverCandidates(ctx context.Context, id int64, date Date, code string) ([]CoverCandidate, error)

	// RecordOnCallWork records a stretch of work done on a non-resident
	// on-call duty of the rota's current version (TS-148): EINVALID naming
	// the problem, and nothing saved, unless it ends after it starts, lies
	// within the duty and overlaps no work already recorded on it;
	// ENOTFOUND if the person has no on-call duty that day.
	RecordOnCallWork(ctx context.Context, id int64, w *OnCallWork) error
	// RemoveOnCallWork removes a stretch of work recorded in error on an
	// on-call duty of the rota: it is kept, marked removed with who, when
	// and why, audited, and left out of the rest from then on. EINVALID
	// without a reason; ENOTFOUND if the rota has no such work; ECONFLICT
	// if it was removed already.
	RemoveOnCallWork(ctx context.Context, id, workID int64, reason string) error
	// FindOnCallDuty returns a person's non-resident on-call duty on a date
	// of the rota's current version with the work recorded on it, what the
	// rest expectation says and their next duty: ENOTFOUND if none.
	FindOnCallDuty(ctx context.Context, id, staffID int64, date Date) (*OnCallDuty, error)
}
