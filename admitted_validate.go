package elective

import "strings"

// Validate checks the fields of a decision to admit, naming each bad one,
// so that a form can mark them and nothing is written. The booking rules
// (which list a case may go on) are package theatre's, not this.
func (e *AdmittedListEntry) Validate() error {
	var p Problems
	if strings.TrimSpace(e.ProcedureCode) == "" {
		p.Add("procedure_code", "Enter the OPCS-4 code of the procedure")
	}
	if strings.TrimSpace(e.ProcedureName) == "" {
		p.Add("procedure_name", "Enter the procedure")
	}
	if e.Management != DayCase && e.Management != Inpatient {
		p.Add("management", "Choose day case or inpatient")
	}
	if !e.Priority.Valid() {
		p.Add("priority", "Choose the surgical priority (P1a to P4)")
	}
	if e.ExpectedMinutes <= 0 || e.ExpectedMinutes > 720 {
		p.Add("expected_minutes", "Enter the expected theatre minutes, from 1 to 720")
	}
	if !validAnaesthetic(e.Anaesthetic) {
		p.Add("anaesthetic", "Choose the anaesthetic")
	}
	if e.LengthOfStay < 0 || (e.Management == DayCase && e.LengthOfStay > 0) {
		p.Add("length_of_stay", "A day case stays no nights; an inpatient stay cannot be negative")
	}
	if c := e.CriticalCare; c != "" && c != "HDU" && c != "ITU" {
		p.Add("critical_care", "Critical care is HDU, ITU or none")
	}
	if !e.ReviewOn.IsZero() && e.ReviewOn.Before(e.ListedOn) {
		p.Add("review_on", "The priority review cannot be before the decision to admit")
	}
	return p.Err("The entry cannot be listed: check the fields marked")
}

// validAnaesthetic reports whether a is one of the anaesthetic types.
func validAnaesthetic(a AnaestheticType) bool {
	for _, t := range AnaestheticTypes {
		if t == a {
			return true
		}
	}
	return false
}
