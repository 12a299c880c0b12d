package nrp

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestRosterRoundTrip: a roster written and read back is the same, in
// the documented format.
func TestRosterRoundTrip(t *testing.T) {
	in := mustParse(t, tinyInstance(loose+"\nB,E=7|L=7,10000,0,7,1,1,1", ""))
	r := mustRoster(t, in, "# comment\nB  - - E E E E -\nA\tE E E - - L L|E\n")
	var buf bytes.Buffer
	if err := WriteRoster(&buf, in, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "A\tE E E - - L L|E\nB\t- - E E E E -\n") {
		t.Errorf("written:\n%s", buf.String())
	}
	back := mustRoster(t, in, buf.String())
	if !reflect.DeepEqual(back, r) {
		t.Errorf("read back %v, want %v", back, r)
	}
	if !reflect.DeepEqual(r[0][6], Cell{1, 0}) || r[1][0] != nil {
		t.Errorf("cells %v %v", r[0][6], r[1][0])
	}
}

// TestRosterErrors: a malformed roster is refused with the line at fault.
func TestRosterErrors(t *testing.T) {
	in := mustParse(t, tinyInstance(loose+"\nB,E=7|L=7,10000,0,7,1,1,1", ""))
	for _, c := range []struct {
		name, doc string
		line      int
		msg       string
	}{
		{"unknown employee", "A - - - - - - -\nZ - - - - - - -\n", 2, `unknown employee "Z"`},
		{"listed twice", "A - - - - - - -\nA - - - - - - -\n", 2, `employee "A" listed twice`},
		{"too short", "A - - - - - -\n", 1, `employee "A": want 7 days, got 6`},
		{"too long", "A - - - - - - - -\n", 1, `want 7 days, got 8`},
		{"unknown shift", "A - - N - - - -\n", 1, `employee "A", day 2: unknown shift "N"`},
		{"shift twice", "A - - E|E - - - -\n", 1, `shift "E" given twice`},
		{"missing employee", "A - - - - - - -\n", 0, `employee "B" is missing`},
	} {
		_, err := ParseRoster(strings.NewReader(c.doc), in)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v, want a *ParseError", c.name, err)
			continue
		}
		if pe.Line != c.line || !strings.Contains(pe.Msg, c.msg) {
			t.Errorf("%s: got line %d %q, want line %d containing %q", c.name, pe.Line, pe.Msg, c.line, c.msg)
		}
	}
}
