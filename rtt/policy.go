package rtt

// DNADischargeStop chooses the stop date of a clock ended by discharge after
// a DNA that was not the first appointment. The guidance gives both dates
// (rules.md 1.5.5), so it is a local setting.
type DNADischargeStop string

// Stop date choices.
const (
	StopAtDNADate       DNADischargeStop = "dna-date"       // the worked example's reading (default)
	StopAtDischargeDate DNADischargeStop = "discharge-date" // the narrative's reading
)

// Policy holds the local choices the national rules leave to a trust
// (rules.md section 5). Policies are versioned: a pathway's clock can be
// re-derived under a new version when a trust changes its policy.
type Policy struct {
	Name    string
	Version int

	// DNADischargeStop is rtt.subsequentDnaDischargeStopDate.
	DNADischargeStop DNADischargeStop

	// ValidationMilestonesWeeks are the waits at which a pathway must be
	// validated unless it was validated in the ValidationRecencyDays before
	// (rules.md 3.9, section 5: 12, 26 and 52 weeks; 84 days).
	ValidationMilestonesWeeks []int
	ValidationRecencyDays     int

	// PatientCancellationsBeforeReview is cancellation.patientMaxBeforeReview:
	// the patient cancellation in a period that asks for a clinician's
	// review (rules.md 3.2, default the second; 0 never).
	PatientCancellationsBeforeReview int
}

// DefaultPolicy is the national default profile of rules.md section 5.
func DefaultPolicy() Policy {
	return Policy{
		Name:             "England default",
		Version:          1,
		DNADischargeStop: StopAtDNADate,

		ValidationMilestonesWeeks: []int{12, 26, 52},
		ValidationRecencyDays:     84,

		PatientCancellationsBeforeReview: 2,
	}
}
