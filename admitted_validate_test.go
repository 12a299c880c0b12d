package elective

import "testing"

// TestAdmittedListEntryValidate: each bad field of a decision to admit is
// named, so the form can mark it (rules.md 2.4 for the P-codes).
func TestAdmittedListEntryValidate(t *testing.T) {
	good := func() *AdmittedListEntry {
		return &AdmittedListEntry{ProcedureCode: "W401", ProcedureName: "Total knee replacement", Management: Inpatient,
			Priority: P2, ExpectedMinutes: 120, Anaesthetic: AnaestheticGeneral, LengthOfStay: 2,
			ListedOn: MustParseDate("2026-11-23")}
	}
	tests := []struct {
		name  string
		edit  func(e *AdmittedListEntry)
		field string // "" when valid
	}{
		{"OK", func(*AdmittedListEntry) {}, ""},
		{"OK day case, HDU", func(e *AdmittedListEntry) { e.Management, e.LengthOfStay, e.CriticalCare = DayCase, 0, "HDU" }, ""},
		{"ErrNoCode", func(e *AdmittedListEntry) { e.ProcedureCode = " " }, "procedure_code"},
		{"ErrNoProcedure", func(e *AdmittedListEntry) { e.ProcedureName = "" }, "procedure_name"},
		{"ErrManagement", func(e *AdmittedListEntry) { e.Management = "outpatient" }, "management"},
		{"ErrPriority P5 is not a listing priority", func(e *AdmittedListEntry) { e.Priority = "P5" }, "priority"},
		{"ErrMinutesZero", func(e *AdmittedListEntry) { e.ExpectedMinutes = 0 }, "expected_minutes"},
		{"ErrMinutesTooMany", func(e *AdmittedListEntry) { e.ExpectedMinutes = 721 }, "expected_minutes"},
		{"ErrAnaesthetic", func(e *AdmittedListEntry) { e.Anaesthetic = "ether" }, "anaesthetic"},
		{"ErrDayCaseWithNights", func(e *AdmittedListEntry) { e.Management = DayCase }, "length_of_stay"},
		{"ErrNegativeStay", func(e *AdmittedListEntry) { e.LengthOfStay = -1 }, "length_of_stay"},
		{"ErrCriticalCare", func(e *AdmittedListEntry) { e.CriticalCare = "CCU" }, "critical_care"},
		{"ErrReviewBeforeListing", func(e *AdmittedListEntry) { e.ReviewOn = MustParseDate("2026-11-22") }, "review_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := good()
			tt.edit(e)
			err := e.Validate()
			fields := ErrorFields(err)
			switch {
			case tt.field == "" && err != nil:
				t.Fatalf("valid entry refused: %v", err)
			case tt.field != "" && (ErrorCode(err) != EINVALID || len(fields) != 1 || fields[0].Field != tt.field):
				t.Fatalf("got %v, want one problem with %s", err, tt.field)
			}
		})
	}
}
