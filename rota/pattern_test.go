package rota

import (
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// A "1 in 8" on-call pattern: eight people, eight lines, one on call each
// week; each person moves down a line a week (rules.md 4.3 rotas are
// checked afterwards, never repaired here).
func TestPatternDuties(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	shifts := []ShiftType{{Code: "D", StartMinute: 480, Minutes: 540}, {Code: "OC", StartMinute: 480, Minutes: 24 * 60}}
	text := "OC OC OC OC OC OC OC\n" + strings.Repeat("D D D D D - -\n", 7)
	pat, err := ParsePattern(text, shifts)
	if err != nil || len(pat) != 8 {
		t.Fatalf("pattern = %v, %v", pat, err)
	}
	p := &Problem{From: elective.MustParseDate("2027-02-03"), To: elective.MustParseDate("2027-03-30"), Loc: loc, Shifts: shifts}
	var order []int64
	for i := int64(1); i <= 8; i++ {
		p.Staff = append(p.Staff, Person{ID: i})
		order = append(order, i)
	}
	p.Staff[2].Unavailable = []elective.Date{elective.MustParseDate("2027-02-17")}
	duties := p.Duties(pat, order)
	onCall := map[elective.Date][]int64{}
	for _, d := range duties {
		if d.Code == "OC" {
			day := elective.DateOf(d.Start, loc)
			onCall[day] = append(onCall[day], d.StaffID)
		}
	}
	for d := p.From; !d.After(p.To); d = d.AddDays(1) {
		// The Monday on or before 3 Feb is 1 Feb: person 1 is on call
		// that week, person 8 the next (8 - 1 = 7 lines down), then 7.
		want := int64((8-int(d.DaysSince(elective.MustParseDate("2027-02-01"))/7))%8 + 1)
		if d == elective.MustParseDate("2027-02-17") && want == 3 {
			if len(onCall[d]) != 0 {
				t.Errorf("%s: on leave but on call", d)
			}
			continue
		}
		if got := onCall[d]; len(got) != 1 || got[0] != want {
			t.Errorf("%s: on call %v, want [%d]", d, got, want)
		}
	}
	if duties[0].Code != "OC" || elective.DateOf(duties[0].Start, loc) != p.From {
		t.Errorf("the rota starts mid-week on the pattern's Wednesday: %+v", duties[0])
	}
}

func TestParsePattern(t *testing.T) {
	shifts := []ShiftType{{Code: "D"}, {Code: "N"}}
	for _, tt := range []struct {
		text, want string
	}{
		{"D D D D D - -", ""},
		{"D D D D D -", "Line 1 has 6 days"},
		{"D D X D D - -", `Line 1: "X" is not one of the team's shift codes`},
		{"D D D D D - -\n\nN N N N - - Q", `Line 3: "Q" is not one of the team's shift codes`},
		{"\n\n", "Enter the pattern"},
	} {
		_, err := ParsePattern(tt.text, shifts)
		msg := ""
		for _, f := range elective.ErrorFields(err) {
			msg += f.Message
		}
		if tt.want == "" && err != nil || tt.want != "" && !strings.Contains(msg, tt.want) {
			t.Errorf("ParsePattern(%q) = %q, want %q", tt.text, msg, tt.want)
		}
	}
}

// A saved pattern is kept in one spelling (rules.md 4.3 rotas, the rolling
// "1 in 8"): however it was spaced, it is written back one week a line,
// codes one space apart and "-" off, and reads back to the same pattern.
func TestPatternString(t *testing.T) {
	shifts := []ShiftType{{Code: "D"}, {Code: "N"}, {Code: "LD"}}
	for _, tt := range []struct{ text, want string }{
		{"D D D D D - -", "D D D D D - -"},
		{"  N\tN N  N - - -  \n\n\n- - - - N N N\n", "N N N N - - -\n- - - - N N N"},
		{"LD - - LD - LD LD\r\nD D D D D - -", "LD - - LD - LD LD\nD D D D D - -"},
	} {
		pat, err := ParsePattern(tt.text, shifts)
		if err != nil {
			t.Fatalf("ParsePattern(%q): %v", tt.text, err)
		}
		got := pat.String()
		if got != tt.want {
			t.Errorf("String of %q = %q, want %q", tt.text, got, tt.want)
		}
		again, err := ParsePattern(got, shifts)
		if err != nil || len(again) != len(pat) || again.String() != got {
			t.Errorf("%q does not read back: %v, %v", got, again, err)
		}
	}
}
