package rota

import (
	"strings"

	"github.com/openelective/elective"
)

// Pattern is a rolling rota: a line of shift codes per week, Monday first
// ("" off), that each person works in turn, one week of the pattern
// apart. An 8-week pattern with one on-call week is the "1 in 8" of a
// resident rota: with eight people, exactly one is on call every week.
type Pattern [][7]string

// ParsePattern reads a pattern written one week a line, seven codes
// separated by spaces, "-" for a day off ("D D D D D - -"). Every code must
// be one of the shifts; blank lines are skipped.
func ParsePattern(text string, shifts []ShiftType) (Pattern, error) {
	known := map[string]bool{}
	for _, s := range shifts {
		known[s.Code] = true
	}
	var p Pattern
	var pr elective.Problems
	for n, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 7 {
			pr.Add("pattern", "Line %d has %d days; a week has 7, Monday first, with - for a day off", n+1, len(fields))
			continue
		}
		var week [7]string
		for i, f := range fields {
			if f == "-" {
				continue
			}
			if !known[f] {
				pr.Add("pattern", "Line %d: %q is not one of the team's shift codes", n+1, f)
			}
			week[i] = f
		}
		p = append(p, week)
	}
	if len(p) == 0 && len(pr) == 0 {
		pr.Add("pattern", "Enter the pattern: one week a line, seven shift codes each, - for a day off")
	}
	return p, pr.Err("The pattern cannot be used: check the lines named")
}

// String writes the pattern as ParsePattern reads it, one week a line,
// codes one space apart and "-" for a day off, so that a saved pattern is
// kept in one spelling however it was typed.
func (p Pattern) String() string {
	lines := make([]string, len(p))
	for i, week := range p {
		codes := make([]string, 7)
		for d, c := range week {
			codes[d] = c
			if c == "" {
				codes[d] = "-"
			}
		}
		lines[i] = strings.Join(codes, " ")
	}
	return strings.Join(lines, "\n")
}

// Duties lays the pattern over p's period: the person at position i of
// order starts the pattern at week i (modulo its length) on the Monday on
// or before p.From, so the team works every line at once and each person
// moves down a line a week. Approved leave is left off (those shifts become
// gaps); every other duty is kept even if it breaks a limit, for Check to
// list: a pattern is the coordinator's, not the builder's.
func (p *Problem) Duties(pat Pattern, order []int64) []Duty {
	if len(pat) == 0 {
		return nil
	}
	leave := map[int64]map[elective.Date]bool{}
	for _, s := range p.Staff {
		leave[s.ID] = map[elective.Date]bool{}
		for _, d := range s.Unavailable {
			leave[s.ID][d] = true
		}
	}
	monday := p.From.AddDays(-((int(p.From.Weekday()) + 6) % 7))
	var out []Duty
	for i, id := range order {
		for d := p.From; !d.After(p.To); d = d.AddDays(1) {
			days := d.DaysSince(monday)
			code := pat[(i+days/7)%len(pat)][days%7]
			if code != "" && !leave[id][d] {
				out = append(out, p.DutyOf(id, code, d))
			}
		}
	}
	return out
}
