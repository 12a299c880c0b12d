package workforce

import (
	"fmt"
	"time"

	"github.com/openelective/elective"
)

// Programmed activity lengths (rules.md 4.1): a PA is 4 hours, 3 in
// premium time.
const (
	PlainPAMinutes   = 240
	PremiumPAMinutes = 180
	// MaxPAs is the most a job plan normally holds (rules.md 4.1).
	MaxPAs = 12
	// CoreSPA is the supporting time revalidation needs (rules.md 4.1:
	// 1.5 core SPA).
	CoreSPA = 1.5
)

// PlainTime is the plain-time window of a weekday, in minutes after
// midnight; outside it, and all weekend, is premium time. Sources differ
// (rules.md 4.1: 08:00-20:00 or 08:00-22:00), so it is a setting.
type PlainTime struct {
	StartMinute, EndMinute int
}

// DefaultPlainTime is Monday to Friday 08:00 to 20:00.
var DefaultPlainTime = PlainTime{StartMinute: 8 * 60, EndMinute: 20 * 60}

// plainMinutes is how much of a block lies inside plain time.
func (w PlainTime) plainMinutes(day time.Weekday, start, minutes int) int {
	if day == time.Saturday || day == time.Sunday {
		return 0
	}
	lo, hi := max(start, w.StartMinute), min(start+minutes, w.EndMinute)
	return max(0, hi-lo)
}

// InPremiumTime reports whether any of a block falls in premium time.
func (w PlainTime) InPremiumTime(day time.Weekday, start, minutes int) bool {
	return w.plainMinutes(day, start, minutes) < minutes
}

// PAs is what a block counts for: its plain-time hours at 4 a PA and its
// premium-time hours at 3, or all of it at 3 when it is marked premium.
func PAs(w PlainTime, a *elective.ProgrammedActivity) float64 {
	plain := w.plainMinutes(a.Weekday, a.StartMinute, a.Minutes)
	if a.Premium {
		plain = 0
	}
	return float64(plain)/PlainPAMinutes + float64(a.Minutes-plain)/PremiumPAMinutes
}

// Summary is a job plan's totals by category, its timetabled hours, and
// what its split and size say.
type Summary struct {
	PAs, DCC, SPA, Additional, External float64
	PremiumPAs                          float64
	Minutes                             int
	// Problems break a rule (more than 12 PAs); Notes are observations
	// for the annual review (a split below the core SPA).
	Problems []string
	Notes    []string
}

// Hours is the timetabled hours a week.
func (s Summary) Hours() float64 { return float64(s.Minutes) / 60 }

// Summarise totals a job plan's activities (TS-150: 11 PAs, two of them in
// premium time, are 42 hours).
func Summarise(w PlainTime, acts []*elective.ProgrammedActivity) Summary {
	var s Summary
	for _, a := range acts {
		n := PAs(w, a)
		s.PAs += n
		s.Minutes += a.Minutes
		if a.Premium || w.InPremiumTime(a.Weekday, a.StartMinute, a.Minutes) {
			s.PremiumPAs += n
		}
		switch a.Category {
		case elective.PADirectClinicalCare:
			s.DCC += n
		case elective.PASupporting:
			s.SPA += n
		case elective.PAAdditional:
			s.Additional += n
		case elective.PAExternal:
			s.External += n
		}
	}
	s.check()
	return s
}

func (s *Summary) check() {
	if s.PAs > MaxPAs+1e-9 {
		s.Problems = append(s.Problems, fmt.Sprintf("%s PAs is more than the %d a job plan normally holds (rules.md 4.1)",
			FormatPAs(s.PAs), MaxPAs))
	}
	if s.PAs == 0 {
		return
	}
	s.Notes = append(s.Notes, fmt.Sprintf("Split %s DCC / %s SPA (typical: 7.5 / 2.5; first-phase consultants at least 8 / 2)",
		FormatPAs(s.DCC), FormatPAs(s.SPA)))
	if s.SPA < CoreSPA-1e-9 {
		s.Notes = append(s.Notes, fmt.Sprintf("SPA is below the %s core PAs revalidation needs", FormatPAs(CoreSPA)))
	}
}

// FormatPAs writes a PA count with at most two decimals: "10", "7.5",
// "1.25".
func FormatPAs(n float64) string {
	s := fmt.Sprintf("%.2f", n)
	for s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

// Clash returns the activity of acts that overlaps a on its weekday, or
// nil: a consultant does one thing at a time.
func Clash(acts []*elective.ProgrammedActivity, a *elective.ProgrammedActivity) *elective.ProgrammedActivity {
	for _, o := range acts {
		if o.ID != a.ID && o.Weekday == a.Weekday && o.StartMinute < a.EndMinute() && a.StartMinute < o.EndMinute() {
			return o
		}
	}
	return nil
}

// CheckAdd refuses a block that would overlap another or take the plan
// past 12 PAs, naming the field for the form.
func CheckAdd(w PlainTime, acts []*elective.ProgrammedActivity, a *elective.ProgrammedActivity) error {
	var p elective.Problems
	if o := Clash(acts, a); o != nil {
		p.Add("start", "It overlaps %s on %s from %s", describe(o), o.Weekday, hhmm(o.StartMinute))
	}
	if total := Summarise(w, append(acts[:len(acts):len(acts)], a)).PAs; total > MaxPAs+1e-9 {
		p.Add("minutes", "The job plan would hold %s PAs: at most %d (rules.md 4.1)", FormatPAs(total), MaxPAs)
	}
	return p.Err("The activity cannot be added: check the fields marked")
}

func describe(a *elective.ProgrammedActivity) string {
	if a.Description != "" {
		return a.Description
	}
	return a.Category.Short()
}

func hhmm(m int) string { return fmt.Sprintf("%02d:%02d", m/60%24, m%60) }
