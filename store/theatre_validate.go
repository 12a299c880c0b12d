package store

import (
	"strings"

	"github.com/openelective/elective"
)

// validateEntry checks the form fields of a decision to admit, naming each
// bad one, before anything is written.
//
// TODO(lead): this is input checking the root package (or package
// theatre) could own as AdmittedListEntry.Validate; it holds no booking
// rule.
func validateEntry(e *elective.AdmittedListEntry) error {
	var p elective.Problems
	if strings.TrimSpace(e.ProcedureCode) == "" {
		p.Add("procedure_code", "Enter the OPCS-4 code of the procedure")
	}
	if strings.TrimSpace(e.ProcedureName) == "" {
		p.Add("procedure_name", "Enter the procedure")
	}
	if e.Management != elective.DayCase && e.Management != elective.Inpatient {
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
	if e.LengthOfStay < 0 || (e.Management == elective.DayCase && e.LengthOfStay > 0) {
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

func validAnaesthetic(a elective.AnaestheticType) bool {
	for _, t := range elective.AnaestheticTypes {
		if t == a {
			return true
		}
	}
	return false
}
