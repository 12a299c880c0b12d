package nrp

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Roster is a solution: the shifts each employee works on each day,
// indexed [employee][day].
type Roster [][]Cell

// Cell is what one employee works on one day: the indices of the shift
// types, none for a day off. A roster normally has at most one; the
// model's constraint 1 counts the days with more, so that rosters from
// elsewhere can be judged.
type Cell []int

// NewRoster returns the roster with every employee off every day.
func NewRoster(in *Instance) Roster {
	r := make(Roster, len(in.Staff))
	for e := range r {
		r[e] = make([]Cell, in.Days)
	}
	return r
}

// ParseRoster reads a roster for in in the text format of the package
// documentation: one line per employee, their ID then one token per day.
// Errors (an unknown employee or shift, a wrong number of days, an
// employee missing or listed twice) are *ParseError values naming the line.
func ParseRoster(rd io.Reader, in *Instance) (Roster, error) {
	lines, err := readLines(rd)
	if err != nil {
		return nil, err
	}
	r := make(Roster, len(in.Staff))
	for _, l := range lines {
		f := strings.Fields(l.text)
		e := in.EmployeeIndex(f[0])
		switch {
		case e < 0:
			return nil, &ParseError{l.n, fmt.Sprintf("unknown employee %q", f[0])}
		case r[e] != nil:
			return nil, &ParseError{l.n, fmt.Sprintf("employee %q listed twice", f[0])}
		case len(f)-1 != in.Days:
			return nil, &ParseError{l.n, fmt.Sprintf("employee %q: want %d days, got %d", f[0], in.Days, len(f)-1)}
		}
		r[e] = make([]Cell, in.Days)
		for d, tok := range f[1:] {
			if r[e][d], err = parseCell(in, tok); err != nil {
				return nil, &ParseError{l.n, fmt.Sprintf("employee %q, day %d: %v", f[0], d, err)}
			}
		}
	}
	for e := range r {
		if r[e] == nil {
			return nil, &ParseError{Msg: fmt.Sprintf("roster: employee %q is missing", in.Staff[e].ID)}
		}
	}
	return r, nil
}

// parseCell reads "-" (off), a shift ID, or several IDs joined by "|".
func parseCell(in *Instance, tok string) (Cell, error) {
	if tok == "-" {
		return nil, nil
	}
	var c Cell
	for _, id := range strings.Split(tok, "|") {
		t := in.ShiftIndex(id)
		if t < 0 {
			return nil, fmt.Errorf("unknown shift %q", id)
		}
		if c.has(t) {
			return nil, fmt.Errorf("shift %q given twice", id)
		}
		c = append(c, t)
	}
	return c, nil
}

// has reports whether the cell holds shift t.
func (c Cell) has(t int) bool {
	for _, x := range c {
		if x == t {
			return true
		}
	}
	return false
}

// WriteRoster writes r in the text format ParseRoster reads, employees in
// the instance's order.
func WriteRoster(w io.Writer, in *Instance, r Roster) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Roster: employee, then the shift worked on each of the %d days from day 0 (- is off)\n", in.Days)
	for e := range in.Staff {
		bw.WriteString(in.Staff[e].ID)
		for d := range in.Days {
			bw.WriteByte(" \t"[btoi(d == 0)])
			c := r[e][d]
			if len(c) == 0 {
				bw.WriteByte('-')
			}
			for i, t := range c {
				if i > 0 {
					bw.WriteByte('|')
				}
				bw.WriteString(in.Shifts[t].ID)
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
