package nrp

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// ParseError is a problem with one line of an instance or roster file.
type ParseError struct {
	Line int // from 1; 0 when the problem is with the file as a whole
	Msg  string
}

// Error returns e.g. `nrp: line 12: SECTION_STAFF: want 8 fields …`.
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return "nrp: " + e.Msg
	}
	return fmt.Sprintf("nrp: line %d: %s", e.Line, e.Msg)
}

// line is one line of data: its number in the file and its text without
// comment and surrounding space.
type line struct {
	n    int
	text string
}

// The sections of an instance file, in the order they are read.
const (
	secHorizon = "SECTION_HORIZON"
	secShifts  = "SECTION_SHIFTS"
	secStaff   = "SECTION_STAFF"
	secDaysOff = "SECTION_DAYS_OFF"
	secOn      = "SECTION_SHIFT_ON_REQUESTS"
	secOff     = "SECTION_SHIFT_OFF_REQUESTS"
	secCover   = "SECTION_COVER"
)

var knownSections = map[string]bool{secHorizon: true, secShifts: true, secStaff: true, secDaysOff: true,
	secOn: true, secOff: true, secCover: true}

// readLines returns the data lines of a file (comments from # to the end
// of the line and blank lines dropped; CRLF endings accepted).
func readLines(r io.Reader) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var lines []line
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		if text = strings.TrimSpace(text); text != "" {
			lines = append(lines, line{n, text})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{Msg: err.Error()}
	}
	return lines, nil
}

// splitSections groups the data lines under their SECTION_ headers.
func splitSections(lines []line) (map[string][]line, error) {
	secs := map[string][]line{}
	seen := map[string]bool{}
	cur := ""
	for _, l := range lines {
		if strings.HasPrefix(l.text, "SECTION_") {
			if !knownSections[l.text] {
				return nil, &ParseError{l.n, fmt.Sprintf("unknown section %q", l.text)}
			}
			if seen[l.text] {
				return nil, &ParseError{l.n, fmt.Sprintf("%s appears twice", l.text)}
			}
			seen[l.text], cur = true, l.text
			continue
		}
		if cur == "" {
			return nil, &ParseError{l.n, "data before the first SECTION_ header"}
		}
		secs[cur] = append(secs[cur], l)
	}
	for _, s := range []string{secHorizon, secShifts, secStaff} {
		if !seen[s] {
			return nil, &ParseError{Msg: "missing " + s}
		}
	}
	return secs, nil
}

// ParseInstance reads an instance in the benchmark's text format (see the
// package documentation). A malformed file gets a *ParseError naming the
// line and what is wrong with it.
func ParseInstance(r io.Reader) (*Instance, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	secs, err := splitSections(lines)
	if err != nil {
		return nil, err
	}
	p := &parser{in: &Instance{}, secs: secs}
	for _, step := range []func() error{p.horizon, p.shifts, p.staff, p.daysOff, p.requests, p.cover} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return p.in, nil
}

// parser builds an Instance section by section.
type parser struct {
	in       *Instance
	secs     map[string][]line
	shiftIDs map[string]int
	staffIDs map[string]int
}

// fields splits a line at commas and checks how many fields it has.
func fields(sec string, l line, want int, names string) ([]string, error) {
	f := strings.Split(l.text, ",")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	if len(f) != want {
		return nil, &ParseError{l.n, fmt.Sprintf("%s: want %d comma-separated fields (%s), got %d", sec, want, names, len(f))}
	}
	return f, nil
}

// number parses a whole number of at least lo.
func number(sec string, l line, name, s string, lo int) (int, error) {
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, &ParseError{l.n, fmt.Sprintf("%s: %s %q is not a whole number", sec, name, s)}
	}
	if v < lo {
		return 0, &ParseError{l.n, fmt.Sprintf("%s: %s %d is below %d", sec, name, v, lo)}
	}
	return v, nil
}

func (p *parser) horizon() error {
	ls := p.secs[secHorizon]
	if len(ls) != 1 {
		n := 0
		if len(ls) > 1 {
			n = ls[1].n
		}
		return &ParseError{n, fmt.Sprintf("%s: want one line with the number of days, got %d lines", secHorizon, len(ls))}
	}
	d, err := number(secHorizon, ls[0], "the number of days", ls[0].text, 1)
	p.in.Days = d
	return err
}

func (p *parser) shifts() error {
	p.shiftIDs = map[string]int{}
	follow := make([][]string, 0)
	for _, l := range p.secs[secShifts] {
		f := strings.Split(l.text, ",")
		if len(f) == 2 {
			f = append(f, "") // no shifts listed, and no trailing comma
		}
		if len(f) != 3 {
			return &ParseError{l.n, fmt.Sprintf("%s: want 3 comma-separated fields (ShiftID, Length in mins, Shifts which cannot follow), got %d", secShifts, len(f))}
		}
		id := strings.TrimSpace(f[0])
		if id == "" {
			return &ParseError{l.n, secShifts + ": empty shift ID"}
		}
		if _, dup := p.shiftIDs[id]; dup {
			return &ParseError{l.n, fmt.Sprintf("%s: shift %q defined twice", secShifts, id)}
		}
		mins, err := number(secShifts, l, "the length in minutes", strings.TrimSpace(f[1]), 0)
		if err != nil {
			return err
		}
		p.shiftIDs[id] = len(p.in.Shifts)
		p.in.Shifts = append(p.in.Shifts, Shift{ID: id, Minutes: mins})
		follow = append(follow, splitList(f[2]))
	}
	if len(p.in.Shifts) == 0 {
		return &ParseError{Msg: secShifts + ": no shift types"}
	}
	for i, ids := range follow {
		for _, id := range ids {
			t, ok := p.shiftIDs[id]
			if !ok {
				return &ParseError{p.secs[secShifts][i].n, fmt.Sprintf("%s: shift %q cannot be followed by unknown shift %q", secShifts, p.in.Shifts[i].ID, id)}
			}
			p.in.Shifts[i].NotFollow = append(p.in.Shifts[i].NotFollow, t)
		}
	}
	return nil
}

// splitList splits a |-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

const staffFields = "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends"

func (p *parser) staff() error {
	p.staffIDs = map[string]int{}
	for _, l := range p.secs[secStaff] {
		f, err := fields(secStaff, l, 8, staffFields)
		if err != nil {
			return err
		}
		if f[0] == "" {
			return &ParseError{l.n, secStaff + ": empty employee ID"}
		}
		if _, dup := p.staffIDs[f[0]]; dup {
			return &ParseError{l.n, fmt.Sprintf("%s: employee %q defined twice", secStaff, f[0])}
		}
		e := Employee{ID: f[0]}
		if e.MaxShifts, err = p.maxShifts(l, f[1]); err != nil {
			return err
		}
		names := strings.Split(staffFields, ", ")
		for i, dst := range []*int{&e.MaxMinutes, &e.MinMinutes, &e.MaxConsecutive, &e.MinConsecutive, &e.MinDaysOff, &e.MaxWeekends} {
			if *dst, err = number(secStaff, l, names[i+2], f[i+2], 0); err != nil {
				return err
			}
		}
		p.staffIDs[e.ID] = len(p.in.Staff)
		p.in.Staff = append(p.in.Staff, e)
	}
	if len(p.in.Staff) == 0 {
		return &ParseError{Msg: secStaff + ": no staff"}
	}
	return nil
}

// maxShifts parses "D=14|N=3": a maximum for every shift type, each once.
func (p *parser) maxShifts(l line, s string) ([]int, error) {
	limits := make([]int, len(p.in.Shifts))
	set := make([]bool, len(p.in.Shifts))
	for _, item := range splitList(s) {
		id, n, ok := strings.Cut(item, "=")
		if !ok {
			return nil, &ParseError{l.n, fmt.Sprintf("%s: MaxShifts item %q is not ShiftID=number", secStaff, item)}
		}
		t, known := p.shiftIDs[strings.TrimSpace(id)]
		if !known {
			return nil, &ParseError{l.n, fmt.Sprintf("%s: MaxShifts names unknown shift %q", secStaff, id)}
		}
		if set[t] {
			return nil, &ParseError{l.n, fmt.Sprintf("%s: MaxShifts gives shift %q twice", secStaff, id)}
		}
		v, err := number(secStaff, l, "MaxShifts of "+id, strings.TrimSpace(n), 0)
		if err != nil {
			return nil, err
		}
		limits[t], set[t] = v, true
	}
	for t, ok := range set {
		if !ok {
			return nil, &ParseError{l.n, fmt.Sprintf("%s: MaxShifts has no maximum for shift %q", secStaff, p.in.Shifts[t].ID)}
		}
	}
	return limits, nil
}

// employee resolves an employee ID.
func (p *parser) employee(sec string, l line, id string) (int, error) {
	e, ok := p.staffIDs[id]
	if !ok {
		return 0, &ParseError{l.n, fmt.Sprintf("%s: unknown employee %q", sec, id)}
	}
	return e, nil
}

// shift resolves a shift ID.
func (p *parser) shift(sec string, l line, id string) (int, error) {
	t, ok := p.shiftIDs[id]
	if !ok {
		return 0, &ParseError{l.n, fmt.Sprintf("%s: unknown shift %q", sec, id)}
	}
	return t, nil
}

// day parses a day index within the horizon.
func (p *parser) day(sec string, l line, s string) (int, error) {
	d, err := number(sec, l, "day", s, 0)
	if err == nil && d >= p.in.Days {
		err = &ParseError{l.n, fmt.Sprintf("%s: day %d is outside the horizon (days 0 to %d)", sec, d, p.in.Days-1)}
	}
	return d, err
}

func (p *parser) daysOff() error {
	for _, l := range p.secs[secDaysOff] {
		f := strings.Split(l.text, ",")
		e, err := p.employee(secDaysOff, l, strings.TrimSpace(f[0]))
		if err != nil {
			return err
		}
		emp := &p.in.Staff[e]
		for _, s := range f[1:] {
			d, err := p.day(secDaysOff, l, strings.TrimSpace(s))
			if err != nil {
				return err
			}
			emp.DaysOff = append(emp.DaysOff, d)
		}
	}
	for i := range p.in.Staff {
		p.in.Staff[i].DaysOff = sortedUnique(p.in.Staff[i].DaysOff)
	}
	return nil
}

// sortedUnique sorts days and drops repeats (N_i is a set).
func sortedUnique(days []int) []int {
	sort.Ints(days)
	out := days[:0]
	for i, d := range days {
		if i == 0 || d != days[i-1] {
			out = append(out, d)
		}
	}
	return out
}

func (p *parser) requests() error {
	for _, sec := range []string{secOn, secOff} {
		for _, l := range p.secs[sec] {
			f, err := fields(sec, l, 4, "EmployeeID, Day, ShiftID, Weight")
			if err != nil {
				return err
			}
			var rq Request
			if rq.Employee, err = p.employee(sec, l, f[0]); err != nil {
				return err
			}
			if rq.Day, err = p.day(sec, l, f[1]); err != nil {
				return err
			}
			if rq.Shift, err = p.shift(sec, l, f[2]); err != nil {
				return err
			}
			if rq.Weight, err = number(sec, l, "Weight", f[3], 0); err != nil {
				return err
			}
			if sec == secOn {
				p.in.OnRequests = append(p.in.OnRequests, rq)
			} else {
				p.in.OffRequests = append(p.in.OffRequests, rq)
			}
		}
	}
	return nil
}

func (p *parser) cover() error {
	T := len(p.in.Shifts)
	p.in.Cover = make([]Cover, p.in.Days*T)
	seen := make([]bool, len(p.in.Cover))
	for _, l := range p.secs[secCover] {
		f, err := fields(secCover, l, 5, "Day, ShiftID, Requirement, Weight for under, Weight for over")
		if err != nil {
			return err
		}
		d, err := p.day(secCover, l, f[0])
		if err != nil {
			return err
		}
		t, err := p.shift(secCover, l, f[1])
		if err != nil {
			return err
		}
		if seen[d*T+t] {
			return &ParseError{l.n, fmt.Sprintf("%s: cover for day %d shift %q given twice", secCover, d, f[1])}
		}
		seen[d*T+t] = true
		c := &p.in.Cover[d*T+t]
		for i, dst := range []*int{&c.Requirement, &c.Under, &c.Over} {
			name := []string{"Requirement", "Weight for under", "Weight for over"}[i]
			if *dst, err = number(secCover, l, name, f[i+2], 0); err != nil {
				return err
			}
		}
	}
	return nil
}
