package elective

import (
	"strings"
	"time"
	"unicode/utf8"
)

// RotaPattern is a rolling pattern a team keeps for filling its rotas, the
// "1 in 8" of a registrar rota, so that the coordinator chooses it on the
// rota page each rotation instead of typing it again. Text is written as
// on the rota page: one week a line, seven shift codes Monday first, "-"
// for a day off. The rota package reads it (rota.ParsePattern) against the
// team's shift codes when it is saved and again whenever it fills a rota,
// so a saved pattern fills a rota exactly as typing its text does.
type RotaPattern struct {
	ID        int64
	Team      string
	Name      string // "Registrars 1 in 8"
	Text      string // kept one space between codes, a line a week
	UpdatedAt time.Time
	UpdatedBy string
}

// Limits of a saved pattern: a name fits a select on the rota page, and a
// rolling pattern repeats within a year.
const (
	RotaPatternNameMax  = 80
	RotaPatternMaxWeeks = 52
)

// Weeks is the number of weeks (non-blank lines) of the pattern.
func (p *RotaPattern) Weeks() int {
	n := 0
	for _, line := range strings.Split(p.Text, "\n") {
		if strings.TrimSpace(line) != "" {
			n++
		}
	}
	return n
}

// Validate checks the pattern's own fields. Whether every code is one of
// the team's shifts is the rota rules' check (rota.ParsePattern), made by
// the store with the team's shift types.
func (p *RotaPattern) Validate() error {
	var pr Problems
	if strings.TrimSpace(p.Team) == "" {
		pr.Add("team", "Choose the team")
	}
	switch name := strings.TrimSpace(p.Name); {
	case name == "":
		pr.Add("name", "Enter a name for the pattern, for example Registrars 1 in 8")
	case utf8.RuneCountInString(name) > RotaPatternNameMax:
		pr.Add("name", "Keep the name to %d characters", RotaPatternNameMax)
	}
	if n := p.Weeks(); n > RotaPatternMaxWeeks {
		pr.Add("pattern", "A pattern can run for at most %d weeks; this one has %d lines", RotaPatternMaxWeeks, n)
	}
	return pr.Err("The pattern was not saved: check the fields marked")
}
