package rota

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

func TestValidate(t *testing.T) {
	if err := team(10, 2).Validate(); err != nil {
		t.Fatalf("a good team: %v", err)
	}
	cases := []struct {
		name   string
		change func(p *Problem)
		field  string
		says   string
	}{
		{"to before from", func(p *Problem) { p.To = p.From.AddDays(-1) }, "to", "before it starts"},
		{"a year and more", func(p *Problem) { p.To = p.From.AddDays(400) }, "to", "at most 371 days"},
		{"no time zone", func(p *Problem) { p.Loc = nil }, "loc", "time zone"},
		{"zero limit", func(p *Problem) { p.Limits.MinRestMinutes = 0 }, "limits", "min_rest"},
		{"unknown shift in cover", func(p *Problem) { p.Cover[0].Code = "TW" }, "cover", `shift "TW", which is not one of the rota's shifts`},
		{"cover outside the rota", func(p *Problem) { p.Cover[0].Date = p.To.AddDays(1) }, "cover", "outside the rota"},
		{"two shifts one code", func(p *Problem) { p.Shifts = append(slices.Clone(p.Shifts), p.Shifts[0]) }, "shifts", `Two shifts have the code "D"`},
		{"a shift of 25 hours", func(p *Problem) { p.Shifts = slices.Clone(p.Shifts); p.Shifts[1].Minutes = 25 * 60 }, "shifts", "from 1 minute to 24 hours"},
		{"staff twice", func(p *Problem) { p.Staff[1].ID = p.Staff[0].ID }, "staff", "on the rota twice"},
		{"FTE over 100", func(p *Problem) { p.Staff[0].FTEPercent = 120 }, "staff", "enter 1 to 100"},
		{"fixed duty of a stranger", func(p *Problem) { p.Fixed = []Duty{p.DutyOf(99, "D", p.From)} }, "fixed", "staff ID 99, who is not on the rota"},
		{"fixed duty before the rota", func(p *Problem) { p.Fixed = []Duty{p.DutyOf(1, "D", p.From.AddDays(-1))} }, "fixed", "give it as an earlier duty"},
	}
	for _, c := range cases {
		p := team(10, 2)
		c.change(p)
		err := p.Validate()
		if elective.ErrorCode(err) != elective.EINVALID {
			t.Errorf("%s: %v, want EINVALID", c.name, err)
			continue
		}
		fs := elective.ErrorFields(err)
		if !slices.ContainsFunc(fs, func(f elective.FieldError) bool { return f.Field == c.field && strings.Contains(f.Message, c.says) }) {
			t.Errorf("%s: fields %+v, want %s saying %q", c.name, fs, c.field, c.says)
		}
	}
}

// TestValidateLongShift: a shift longer than someone's contract allows is
// not a fault; they just cannot take it.
func TestValidateLongShift(t *testing.T) {
	p := team(10, 2)
	p.Staff[4].MaxShiftMinutes = 10 * 60
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range Eligible(p, nil, "N", p.From) {
		if c.StaffID == p.Staff[4].ID && c.Rule != RuleContractLength && c.Rule != ReasonSkill {
			t.Errorf("%+v", c)
		}
	}
}

func TestDutyOf(t *testing.T) {
	p := team(10, 2)
	cases := []struct {
		code, date string
		start      string // local
		hours      float64
	}{
		{"D", "2026-01-05", "2026-01-05 08:00", 9},
		{"N", "2026-01-05", "2026-01-05 20:30", 12.5},
		{"N", "2026-03-28", "2026-03-28 20:30", 11.5}, // clocks go forward: the night still ends at 09:00
		{"N", "2026-10-24", "2026-10-24 20:30", 13.5}, // clocks go back
		{"LD", "2026-03-29", "2026-03-29 08:00", 13},
	}
	for _, c := range cases {
		d := p.DutyOf(7, c.code, elective.MustParseDate(c.date))
		if got := d.Start.In(london).Format("2006-01-02 15:04"); got != c.start || d.End.Sub(d.Start).Hours() != c.hours || d.StaffID != 7 || d.Start.Location() != time.UTC {
			t.Errorf("%s on %s: starts %s for %v h, want %s for %v h", c.code, c.date, got, d.End.Sub(d.Start).Hours(), c.start, c.hours)
		}
	}
	if d := p.DutyOf(7, "TW", p.From); d != (Duty{}) {
		t.Errorf("unknown code: %+v", d)
	}
	// The autumn night is 13 h 30 min, over the 13 h limit: never rostered.
	autumn := p.DutyOf(7, "N", elective.MustParseDate("2026-10-24"))
	if got := codes(Check([]Duty{autumn}, elective.MustParseDate("2026-10-19"), elective.MustParseDate("2026-11-15"), Limits2019(), london)); !slices.Equal(got, []string{RuleShiftLength + "@2026-10-24"}) {
		t.Errorf("autumn night: %v", got)
	}
}

func TestGradesAtLeast(t *testing.T) {
	if got := GradesAtLeast("ST6"); !slices.Equal(got, []string{"ST6", "ST7", "ST8"}) {
		t.Errorf("ST6: %v", got)
	}
	if got := GradesAtLeast("Band 6"); !slices.Equal(got, []string{"Band 6"}) {
		t.Errorf("a grade not on the list: %v", got)
	}
}
