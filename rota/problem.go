package rota

import (
	"slices"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// ShiftType is a kind of shift on the rota: "D" Day 08:00-17:00.
type ShiftType struct {
	Code, Name string
	// StartMinute is the local wall-clock start, minutes after midnight.
	// Minutes is the nominal length; the shift may cross midnight. It ends
	// at the same wall-clock time on every date (a night ends at 09:00 at
	// handover), so across a clock change it is an hour longer or shorter.
	StartMinute, Minutes int
	// Unpopular shifts (say, a Friday twilight) are shared out fairly.
	Unpopular bool
	// Breaks is the 30-minute breaks the shift plans; a shift that plans
	// fewer than its length needs (Limits.BreaksNeeded) is left as a gap.
	Breaks int
	// NonResident marks non-resident on call, with the work expected while
	// on call (Duty.WorkMinutes).
	NonResident         bool
	ExpectedWorkMinutes int
}

// Cover is how many people a shift needs on a date.
type Cover struct {
	Date   elective.Date
	Code   string
	Min    int
	Grades []string // the grades that may fill it; empty: any grade
	// Skill, if set, must be held by at least one of the Min people.
	Skill string
}

// Person is one member of the rota with what the builder needs to know.
type Person struct {
	ID          int64
	Name, Grade string
	Skills      []string
	// MaxShiftMinutes is the longest shift the person's contract allows
	// (0: the Limits' maximum).
	MaxShiftMinutes int
	// FTEPercent is the share of full time (0 is taken as 100) for the
	// pro-rata fair share of hours, nights, weekends and unpopular shifts.
	FTEPercent  int
	Unavailable []elective.Date // approved leave: must not work at all on these dates
	PreferOff   []elective.Date // asked to be off: honoured where the cost allows
	// Before are the person's duties just before From (a week or more),
	// so that rest, runs and weekends carry over from the last rota.
	Before []Duty
}

// HasSkill reports whether the person holds skill (case-insensitive).
func (p *Person) HasSkill(skill string) bool {
	return slices.ContainsFunc(p.Skills, func(k string) bool { return strings.EqualFold(k, skill) })
}

func (p *Person) fte() int {
	if p.FTEPercent <= 0 {
		return 100
	}
	return p.FTEPercent
}

// share is person i's fair share of the period's work, in hundredths of
// a percent of full time: their FTE times the part of the period they are
// not on leave, so that a week's leave lowers the hours, nights and
// weekends they are expected to work (at least 1).
func (p *Problem) share(i int) int64 {
	pe := &p.Staff[i]
	days := int64(p.To.DaysSince(p.From) + 1)
	away := int64(0)
	seen := map[elective.Date]bool{}
	for _, u := range pe.Unavailable {
		if !seen[u] && !u.Before(p.From) && !u.After(p.To) {
			seen[u] = true
			away++
		}
	}
	return max(1, int64(pe.fte())*100*(days-away)/max(1, days))
}

// Problem is a rota to build or summarise: the dates, the shifts, the cover
// each date needs and the staff who may fill it.
type Problem struct {
	From, To elective.Date
	Loc      *time.Location
	Limits   Limits
	Shifts   []ShiftType
	Cover    []Cover
	Staff    []Person
	// Fixed duties inside the period are kept as they are (already agreed
	// swaps, teaching); the builder fills around them.
	Fixed []Duty
}

// maxPeriodDays bounds a rota's length: a year and a week.
const maxPeriodDays = 371

// Validate checks that the problem can be built, naming every fault. A
// shift longer than a person's contract allows is not a fault: that person
// just cannot take it.
func (p *Problem) Validate() error {
	var pr elective.Problems
	p.validatePeriod(&pr)
	if err := p.Limits.Validate(); err != nil {
		for _, f := range elective.ErrorFields(err) {
			pr.Add("limits", "The limit %s must be above zero", f.Field)
		}
	}
	codes := p.validateShifts(&pr)
	p.validateCover(&pr, codes)
	staff := p.validateStaff(&pr)
	p.validateFixed(&pr, staff)
	return pr.Err("The rota cannot be built: check the fields marked")
}

func (p *Problem) validatePeriod(pr *elective.Problems) {
	switch {
	case p.From.IsZero():
		pr.Add("from", "Enter the first date of the rota")
	case p.To.IsZero():
		pr.Add("to", "Enter the last date of the rota")
	case p.To.Before(p.From):
		pr.Add("to", "The rota ends on %s, before it starts on %s", p.To, p.From)
	case p.To.DaysSince(p.From)+1 > maxPeriodDays:
		pr.Add("to", "The rota runs for %d days; build at most %d days at once", p.To.DaysSince(p.From)+1, maxPeriodDays)
	}
	if p.Loc == nil {
		pr.Add("loc", "The rota has no time zone (Europe/London)")
	}
}

func (p *Problem) validateShifts(pr *elective.Problems) map[string]bool {
	codes := map[string]bool{}
	if len(p.Shifts) == 0 {
		pr.Add("shifts", "The rota has no shifts")
	}
	for _, s := range p.Shifts {
		switch {
		case strings.TrimSpace(s.Code) == "":
			pr.Add("shifts", "A shift (%q) has no code", s.Name)
		case codes[s.Code]:
			pr.Add("shifts", "Two shifts have the code %q", s.Code)
		}
		codes[s.Code] = true
		if s.StartMinute < 0 || s.StartMinute >= 24*60 {
			pr.Add("shifts", "Shift %q starts at minute %d; a start is from 00:00 to 23:59", s.Code, s.StartMinute)
		}
		if s.Minutes <= 0 || s.Minutes > 24*60 {
			pr.Add("shifts", "Shift %q lasts %d minutes; a shift lasts from 1 minute to 24 hours", s.Code, s.Minutes)
		}
		if s.Breaks < 0 {
			pr.Add("shifts", "Shift %q plans %d breaks", s.Code, s.Breaks)
		}
		if s.ExpectedWorkMinutes < 0 || (s.NonResident && s.ExpectedWorkMinutes > s.Minutes) {
			pr.Add("shifts", "Shift %q expects %d minutes of work on call; enter 0 to its length", s.Code, s.ExpectedWorkMinutes)
		}
	}
	return codes
}

func (p *Problem) validateCover(pr *elective.Problems, codes map[string]bool) {
	for _, c := range p.Cover {
		if !codes[c.Code] {
			pr.Add("cover", "Cover on %s names shift %q, which is not one of the rota's shifts", c.Date, c.Code)
		}
		if c.Date.Before(p.From) || c.Date.After(p.To) {
			pr.Add("cover", "Cover for %q on %s is outside the rota (%s to %s)", c.Code, c.Date, p.From, p.To)
		}
		if c.Min < 0 {
			pr.Add("cover", "Cover for %q on %s asks for %d people", c.Code, c.Date, c.Min)
		}
	}
}

func (p *Problem) validateStaff(pr *elective.Problems) map[int64]bool {
	ids := map[int64]bool{}
	for _, s := range p.Staff {
		switch {
		case s.ID == 0:
			pr.Add("staff", "%q has no staff ID", s.Name)
		case ids[s.ID]:
			pr.Add("staff", "Staff ID %d is on the rota twice", s.ID)
		}
		ids[s.ID] = true
		if s.FTEPercent < 0 || s.FTEPercent > 100 {
			pr.Add("staff", "%s works %d%% of full time; enter 1 to 100", s.Name, s.FTEPercent)
		}
		if s.MaxShiftMinutes < 0 {
			pr.Add("staff", "%s has a longest shift of %d minutes", s.Name, s.MaxShiftMinutes)
		}
		for _, d := range s.Before {
			if !d.End.After(d.Start) {
				pr.Add("staff", "An earlier duty of %s ends before it starts", s.Name)
			}
			if d.StaffID != 0 && d.StaffID != s.ID {
				pr.Add("staff", "An earlier duty of %s belongs to staff ID %d", s.Name, d.StaffID)
			}
			if p.Loc != nil && !elective.DateOf(d.Start, p.Loc).Before(p.From) {
				pr.Add("staff", "An earlier duty of %s starts on %s, not before the rota", s.Name, elective.DateOf(d.Start, p.Loc))
			}
		}
	}
	return ids
}

func (p *Problem) validateFixed(pr *elective.Problems, staff map[int64]bool) {
	for _, d := range p.Fixed {
		if !staff[d.StaffID] {
			pr.Add("fixed", "A fixed %q duty belongs to staff ID %d, who is not on the rota", d.Code, d.StaffID)
		}
		if !d.End.After(d.Start) {
			pr.Add("fixed", "A fixed %q duty ends before it starts", d.Code)
		}
		if p.Loc != nil {
			if day := elective.DateOf(d.Start, p.Loc); day.Before(p.From) || day.After(p.To) {
				pr.Add("fixed", "A fixed %q duty on %s is outside the rota; give it as an earlier duty of the person", d.Code, day)
			}
		}
	}
}

// shift returns the index of the shift with code, or -1.
func (p *Problem) shift(code string) int {
	return slices.IndexFunc(p.Shifts, func(s ShiftType) bool { return s.Code == code })
}

// DutyOf is the duty of shift code on local date d: it starts at the
// shift's wall-clock start in p.Loc and ends at its wall-clock end, so it
// keeps its times across a clock change (a 20:30-09:00 night is 13 h 30 min
// long on the night the clocks go back). An unknown code gives a zero Duty.
func (p *Problem) DutyOf(staffID int64, code string, d elective.Date) Duty {
	i := p.shift(code)
	if i < 0 {
		return Duty{}
	}
	return dutyOf(staffID, &p.Shifts[i], d, p.Loc)
}

func dutyOf(staffID int64, s *ShiftType, d elective.Date, loc *time.Location) Duty {
	start := time.Date(d.Year, d.Month, d.Day, 0, s.StartMinute, 0, 0, loc)
	end := time.Date(d.Year, d.Month, d.Day, 0, s.StartMinute+s.Minutes, 0, 0, loc)
	return Duty{StaffID: staffID, Code: s.Code, Start: start.UTC(), End: end.UTC(), Breaks: s.Breaks,
		NonResident: s.NonResident, ExpectedWorkMinutes: s.ExpectedWorkMinutes}
}

// GradesAtLeast lists the resident grades from min upwards
// (elective.ResidentGrades), for cover such as "CT1 or above". A grade not
// on that list gives just itself, never "any grade".
func GradesAtLeast(min string) []string {
	i := slices.Index(elective.ResidentGrades, min)
	if i < 0 {
		return []string{min}
	}
	return slices.Clone(elective.ResidentGrades[i:])
}
