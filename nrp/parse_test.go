package nrp

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestParseTiny: every section of a hand-made instance lands in the
// right field, with comments, CRLF endings and blank lines ignored.
func TestParseTiny(t *testing.T) {
	in := mustParse(t, tinyInstance("A,E=5|L=0,2400,960,4,2,3,1 # full time\r\nB,E=1|L=2,480,0,1,1,1,0",
		"\nSECTION_DAYS_OFF\nA,6,2,6\nB\nSECTION_SHIFT_ON_REQUESTS\nB,1,L,2\n"+
			"SECTION_SHIFT_OFF_REQUESTS\nA,0,E,1\nSECTION_COVER\n3,L,2,100,1\n"))
	if in.Days != 7 || len(in.Shifts) != 2 || len(in.Staff) != 2 || in.Weekends() != 1 {
		t.Fatalf("days %d shifts %d staff %d weekends %d", in.Days, len(in.Shifts), len(in.Staff), in.Weekends())
	}
	if got := in.Shifts[1]; got.ID != "L" || got.Minutes != 480 || !reflect.DeepEqual(got.NotFollow, []int{0}) {
		t.Errorf("shift L = %+v", got)
	}
	want := Employee{ID: "A", MaxShifts: []int{5, 0}, MaxMinutes: 2400, MinMinutes: 960, MaxConsecutive: 4,
		MinConsecutive: 2, MinDaysOff: 3, MaxWeekends: 1, DaysOff: []int{2, 6}}
	if !reflect.DeepEqual(in.Staff[0], want) {
		t.Errorf("employee A = %+v, want %+v", in.Staff[0], want)
	}
	if in.Staff[1].DaysOff != nil && len(in.Staff[1].DaysOff) != 0 {
		t.Errorf("employee B days off %v", in.Staff[1].DaysOff)
	}
	if !reflect.DeepEqual(in.OnRequests, []Request{{1, 1, 1, 2}}) || !reflect.DeepEqual(in.OffRequests, []Request{{0, 0, 0, 1}}) {
		t.Errorf("requests on %v off %v", in.OnRequests, in.OffRequests)
	}
	if c := in.CoverAt(3, 1); c != (Cover{2, 100, 1}) || in.CoverAt(3, 0) != (Cover{}) {
		t.Errorf("cover %+v, %+v", c, in.CoverAt(3, 0))
	}
}

// TestParseErrors: a malformed file is refused with the line at fault
// and what is wrong with it.
func TestParseErrors(t *testing.T) {
	good := tinyInstance(loose, "")
	for _, c := range []struct {
		name, doc string
		line      int
		msg       string
	}{
		{"data before a section", "7\n" + good, 1, "data before the first SECTION_ header"},
		{"unknown section", good + "SECTION_LEAVE\nA,1\n", 9, `unknown section "SECTION_LEAVE"`},
		{"section twice", good + "SECTION_SHIFTS\n", 9, "SECTION_SHIFTS appears twice"},
		{"no staff", "SECTION_HORIZON\n7\nSECTION_SHIFTS\nE,480,\n", 0, "missing SECTION_STAFF"},
		{"horizon not a number", strings.Replace(good, "\n7\n", "\nseven\n", 1), 3, `the number of days "seven" is not a whole number`},
		{"horizon zero", strings.Replace(good, "\n7\n", "\n0\n", 1), 3, "the number of days 0 is below 1"},
		{"shift twice", strings.Replace(good, "L,480,E", "E,480,", 1), 6, `shift "E" defined twice`},
		{"shift length", strings.Replace(good, "L,480,E", "L,8h,E", 1), 6, `the length in minutes "8h" is not a whole number`},
		{"unknown shift after", strings.Replace(good, "L,480,E", "L,480,E|N", 1), 6, `cannot be followed by unknown shift "N"`},
		{"staff fields", strings.Replace(good, loose, "A,E=7|L=7,10000,0", 1), 8, "want 8 comma-separated fields"},
		{"staff twice", tinyInstance(loose+"\n"+loose, ""), 9, `employee "A" defined twice`},
		{"max shifts item", strings.Replace(good, "E=7|L=7", "E7|L=7", 1), 8, `MaxShifts item "E7" is not ShiftID=number`},
		{"max shifts unknown", strings.Replace(good, "E=7|L=7", "E=7|N=7", 1), 8, `MaxShifts names unknown shift "N"`},
		{"max shifts missing", strings.Replace(good, "E=7|L=7", "E=7", 1), 8, `no maximum for shift "L"`},
		{"negative minutes", strings.Replace(good, "10000,0", "10000,-5", 1), 8, "MinTotalMinutes -5 is below 0"},
		{"days off unknown", tinyInstance(loose, "SECTION_DAYS_OFF\nZ,1\n"), 10, `SECTION_DAYS_OFF: unknown employee "Z"`},
		{"day off outside", tinyInstance(loose, "SECTION_DAYS_OFF\nA,7\n"), 10, "day 7 is outside the horizon (days 0 to 6)"},
		{"request shift", tinyInstance(loose, "SECTION_SHIFT_ON_REQUESTS\nA,1,N,1\n"), 10, `SECTION_SHIFT_ON_REQUESTS: unknown shift "N"`},
		{"request weight", tinyInstance(loose, "SECTION_SHIFT_OFF_REQUESTS\nA,1,E,-1\n"), 10, "Weight -1 is below 0"},
		{"request fields", tinyInstance(loose, "SECTION_SHIFT_OFF_REQUESTS\nA,1,E\n"), 10, "want 4 comma-separated fields"},
		{"cover twice", tinyInstance(loose, "SECTION_COVER\n0,E,1,1,1\n0,E,2,1,1\n"), 11, `cover for day 0 shift "E" given twice`},
		{"cover weight", tinyInstance(loose, "SECTION_COVER\n0,E,1,x,1\n"), 10, `Weight for under "x" is not a whole number`},
	} {
		_, err := ParseInstance(strings.NewReader(c.doc))
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

// TestParseBenchmark: every instance of the folder parses with the size
// best-known.csv gives it (weeks, staff, shift types).
func TestParseBenchmark(t *testing.T) {
	needBench(t)
	f, err := os.Open(filepath.Join(benchDir, "best-known.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		in := mustInstance(t, row[0])
		weeks, _ := strconv.Atoi(row[1])
		staff, _ := strconv.Atoi(row[2])
		types, _ := strconv.Atoi(row[3])
		if in.Days != 7*weeks || len(in.Staff) != staff || len(in.Shifts) != types {
			t.Errorf("%s: %d days, %d staff, %d shift types; want %d weeks, %d, %d", row[0], in.Days, len(in.Staff), len(in.Shifts), weeks, staff, types)
		}
		if len(in.OnRequests)+len(in.OffRequests) == 0 {
			t.Errorf("%s: no requests read", row[0])
		}
	}
	if len(rows) < 13 {
		t.Errorf("best-known.csv has %d instances, want 12", len(rows)-1)
	}
}
