package csvimport

import (
	"errors"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

var codes = Codes{
	Specialties: map[string]int64{"110": 1, "103": 2},
	Clinicians:  map[string]int64{"C9000001": 1},
	Sites:       map[string]int64{"RXX01": 1},
}

const header = "nhs_number,given_name,family_name,birth_date,sex,specialty_code,consultant_code,priority,source,ubrn,received_date\n"

// TestReadReferrals reads a good file.
func TestReadReferrals(t *testing.T) {
	in := header +
		"999 000 0018,Jane,Smith,1960-02-03,F,110,C9000001,routine,paper,,2026-11-01\n" +
		"9990000026,Tom,Jones,1950-12-31,1,103,,two-week-wait,ers,000012345678,2026-11-02\n"
	regs, err := ReadReferrals(strings.NewReader(in), codes)
	if err != nil {
		t.Fatal(err)
	}
	if len(regs) != 2 || regs[0].Line != 2 || regs[1].Line != 3 {
		t.Fatalf("regs = %d, lines %d/%d", len(regs), regs[0].Line, regs[1].Line)
	}
	r := regs[1]
	if r.Patient.Sex != elective.SexMale || r.Referral.SpecialtyID != 2 || r.Referral.Priority != elective.PriorityTwoWeekWait ||
		r.Referral.Source != elective.SourceERS || r.Referral.UBRN != "000012345678" || r.Referral.ReceivedDate.String() != "2026-11-02" {
		t.Fatalf("row 3 = %+v", r)
	}
	if regs[0].Referral.ClinicianID != 1 || regs[0].Patient.Sex != elective.SexFemale {
		t.Fatalf("row 2 = %+v", regs[0])
	}
}

// TestReadReferralsBadRows reports every bad row with its line number, and
// returns no registrations at all.
func TestReadReferralsBadRows(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		lines []int
		msg   string
	}{
		{"bad date", header + "9990000018,J,S,1960-02-30,F,110,,routine,paper,,2026-11-01\n", []int{2}, "birth_date"},
		{"unknown specialty", header + "9990000018,J,S,1960-02-03,F,999,,routine,paper,,2026-11-01\n", []int{2}, "specialty_code"},
		{"unknown consultant", header + "9990000018,J,S,1960-02-03,F,110,C1,routine,paper,,2026-11-01\n", []int{2}, "consultant_code"},
		{"two bad rows", header +
			"9990000018,J,S,1960-02-03,F,110,,routine,paper,,2026-11-01\n" +
			"9990000026,J,S,1960-02-03,F,,,routine,paper,,2026-11-01\n" +
			"9990000034,J,S,1960-02-03,F,110,,routine,paper,,yesterday\n", []int{3, 4}, "received_date"},
		{"unknown column", "nhs_number,shoe_size\n", []int{1}, "shoe_size"},
		{"missing column", "nhs_number,given_name\n", []int{1}, "family_name"},
		{"empty", header, []int{2}, "no referral rows"},
		{"nothing", "", []int{1}, "no header"},
		{"bad quoting", header + "9990000018,\"J,S\n", []int{2}, "not valid CSV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			regs, err := ReadReferrals(strings.NewReader(tt.in), codes)
			var ie *elective.ImportError
			if regs != nil || !errors.As(err, &ie) {
				t.Fatalf("got %d regs, err %v", len(regs), err)
			}
			var lines []int
			for _, r := range ie.Rows {
				lines = append(lines, r.Line)
			}
			if len(lines) != len(tt.lines) || lines[0] != tt.lines[0] || !strings.Contains(ie.Error(), tt.msg) {
				t.Fatalf("lines %v, want %v; message %q should mention %q", lines, tt.lines, ie.Error(), tt.msg)
			}
		})
	}
}
