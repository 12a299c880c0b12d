package theatre

import (
	"fmt"

	"github.com/openelective/elective"
)

// MaxCaseMinutes is the longest a case can have taken: a day.
const MaxCaseMinutes = 24 * 60

// CheckAdmission says whether admission a can be recorded for case c on
// the list of listDate, on today. It returns nil, an ECONFLICT error when
// the case is no longer booked, or an EINVALID error naming the first bad
// field:
//
//   - the date of admission is required and cannot be in the future: the
//     clock stops on the date the patient was admitted, which has happened
//     (rules.md 1.3.3);
//   - it cannot be before the day before the list (a patient admitted the
//     evening before surgery), nor after the list's date: an admission
//     after it was for another list;
//   - when the procedure was performed, the actual theatre minutes are
//     required, 1 to MaxCaseMinutes: they teach the duration estimates.
//     When it was not performed (1.3.4: the clock keeps running) the
//     minutes are not used.
func CheckAdmission(a elective.CaseAdmission, c *elective.TheatreCase, listDate, today elective.Date) error {
	if c == nil || c.Status != elective.CaseBooked {
		return elective.Errorf(elective.ECONFLICT, "The case is no longer booked: only a booked case can be admitted")
	}
	field, msg := admissionProblem(a, listDate, today)
	if msg == "" {
		return nil
	}
	return &elective.Error{Code: elective.EINVALID, Message: msg,
		Fields: []elective.FieldError{{Field: field, Message: msg}}}
}

// admissionProblem is the first bad field of an admission and why.
func admissionProblem(a elective.CaseAdmission, listDate, today elective.Date) (field, msg string) {
	earliest := listDate.AddDays(-1)
	switch {
	case a.AdmittedOn.IsZero():
		return "admitted_on", "Enter the date the patient was admitted"
	case a.AdmittedOn.After(today):
		return "admitted_on", "The date of admission cannot be in the future"
	case a.AdmittedOn.Before(earliest):
		return "admitted_on", fmt.Sprintf("The date of admission cannot be before %s, the day before the list", staffDate(earliest))
	case a.AdmittedOn.After(listDate):
		return "admitted_on", fmt.Sprintf("The date of admission cannot be after the list's date, %s", staffDate(listDate))
	case a.Treated && (a.ActualMinutes < 1 || a.ActualMinutes > MaxCaseMinutes):
		return "actual_minutes", fmt.Sprintf("Enter the minutes the operation took, from 1 to %d", MaxCaseMinutes)
	}
	return "", ""
}
