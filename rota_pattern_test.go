package elective

import (
	"strings"
	"testing"
	"time"
)

// A saved rota pattern (rules.md 4.3 rotas: the rolling "1 in 8") needs a
// team and a name that fits the rota page's choice of patterns, and runs
// for at most a year; its codes are the rota rules' check, not this one.
func TestRotaPatternValidate(t *testing.T) {
	week := "D D D D D - -\n"
	for _, tt := range []struct {
		name string
		p    RotaPattern
		want []string // fields refused
	}{
		{"a 1 in 8", RotaPattern{Team: "Registrars", Name: "Registrars 1 in 8", Text: strings.Repeat(week, 8)}, nil},
		{"no team", RotaPattern{Name: "Days", Text: week}, []string{"team"}},
		{"no name", RotaPattern{Team: "Registrars", Name: "  ", Text: week}, []string{"name"}},
		{"a long name", RotaPattern{Team: "Registrars", Name: strings.Repeat("x", RotaPatternNameMax+1), Text: week}, []string{"name"}},
		{"a year", RotaPattern{Team: "Registrars", Name: "Year", Text: strings.Repeat(week+"\n", RotaPatternMaxWeeks)}, nil},
		{"over a year", RotaPattern{Team: "Registrars", Name: "Long", Text: strings.Repeat(week, RotaPatternMaxWeeks+1)}, []string{"pattern"}},
	} {
		var got []string
		for _, f := range ErrorFields(tt.p.Validate()) {
			got = append(got, f.Field)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: fields refused %v, want %v", tt.name, got, tt.want)
		}
	}
	if n := (&RotaPattern{Text: "\n" + week + "  \n" + week}).Weeks(); n != 2 {
		t.Errorf("Weeks = %d, want 2: blank lines are not weeks", n)
	}
}

// Work recorded on a non-resident on call in error (TS-148) is removed
// once, with a reason of a line, for the audit trail.
func TestOnCallWorkValidateRemoval(t *testing.T) {
	removed := OnCallWork{Removed: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), RemovedBy: "Rita Rota"}
	for _, tt := range []struct {
		name   string
		w      OnCallWork
		reason string
		code   string
		field  string
	}{
		{"with a reason", OnCallWork{}, "Recorded against the wrong doctor", "", ""},
		{"no reason", OnCallWork{}, " \t", EINVALID, "reason"},
		{"a long reason", OnCallWork{}, strings.Repeat("x", OnCallNoteMax+1), EINVALID, "reason"},
		{"the longest reason", OnCallWork{}, strings.Repeat("x", OnCallNoteMax), "", ""},
		{"removed already", removed, "Twice", ECONFLICT, ""},
	} {
		err := tt.w.ValidateRemoval(tt.reason)
		field := ""
		if f := ErrorFields(err); len(f) > 0 {
			field = f[0].Field
		}
		if ErrorCode(err) != tt.code || field != tt.field {
			t.Errorf("%s: %v (field %q), want code %q field %q", tt.name, err, field, tt.code, tt.field)
		}
	}
}
