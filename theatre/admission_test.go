package theatre

import (
	"testing"

	"github.com/openelective/elective"
)

// TestCheckAdmission: an admission is on a past or present date from the
// day before the list to the list's date, with the minutes taken when the
// procedure was performed (rules.md 1.3.3, 1.3.4).
func TestCheckAdmission(t *testing.T) {
	list, today := d("2025-03-03"), d("2025-03-04")
	booked := &elective.TheatreCase{ID: 1, Status: elective.CaseBooked}
	for _, tt := range []struct {
		name    string
		on      string
		minutes int
		treated bool
		c       *elective.TheatreCase
		want    string // "" for no error
		field   string
	}{
		{"1.3.3 admitted on the list's date", "2025-03-03", 55, true, booked, "", ""},
		{"1.3.3 admitted the evening before", "2025-03-02", 55, true, booked, "", ""},
		{"1.3.4 admitted, not performed: minutes not needed", "2025-03-03", 0, false, booked, "", ""},
		{"no date", "", 55, true, booked, "Enter the date", "admitted_on"},
		{"in the future", "2025-03-05", 55, true, booked, "cannot be in the future", "admitted_on"},
		{"two days before the list", "2025-03-01", 55, true, booked, "cannot be before 2 Mar 2025", "admitted_on"},
		{"after the list", "2025-03-04", 55, true, booked, "after the list's date, 3 Mar 2025", "admitted_on"},
		{"treated with no minutes", "2025-03-03", 0, true, booked, "from 1 to 1440", "actual_minutes"},
		{"treated for over a day", "2025-03-03", 1441, true, booked, "from 1 to 1440", "actual_minutes"},
		{"a whole day", "2025-03-03", 1440, true, booked, "", ""},
	} {
		a := elective.CaseAdmission{CaseID: 1, ActualMinutes: tt.minutes, Treated: tt.treated}
		if tt.on != "" {
			a.AdmittedOn = d(tt.on)
		}
		err := CheckAdmission(a, tt.c, list, today)
		wantErr(t, tt.name, err, tt.want)
		if fs := elective.ErrorFields(err); tt.field != "" && (len(fs) != 1 || fs[0].Field != tt.field) {
			t.Errorf("%s: fields %+v, want %s", tt.name, fs, tt.field)
		}
	}
}

// TestCheckAdmissionNotBooked: a cancelled or done case cannot be
// admitted; that is a conflict, not bad input.
func TestCheckAdmissionNotBooked(t *testing.T) {
	a := elective.CaseAdmission{CaseID: 1, AdmittedOn: d("2025-03-03"), ActualMinutes: 30, Treated: true}
	for _, c := range []*elective.TheatreCase{nil, {Status: elective.CaseCancelled}, {Status: elective.CaseDone}} {
		if err := CheckAdmission(a, c, d("2025-03-03"), d("2025-03-03")); elective.ErrorCode(err) != elective.ECONFLICT {
			t.Errorf("case %+v: %v, want a conflict", c, err)
		}
	}
}
