package elective

// RTTStatus is a REFERRAL TO TREATMENT PERIOD STATUS code (DSCN 18/2006),
// recorded at every care activity to say what it means for the clock
// (rules.md 1.9).
type RTTStatus string

// RTT status codes.
const (
	RTTFirstActivity           RTTStatus = "10" // first activity in an RTT period
	RTTFirstActivityAfterAM    RTTStatus = "11" // first activity of a new period after active monitoring
	RTTFirstActivitySeparate   RTTStatus = "12" // first activity after referral to a consultant for a separate condition
	RTTSubsequentActivity      RTTStatus = "20" // further activity expected, clock running
	RTTTransferred             RTTStatus = "21" // transferred to another provider
	RTTTreatment               RTTStatus = "30" // first definitive treatment: stop
	RTTActiveMonitoringPatient RTTStatus = "31" // active monitoring at the patient's choice: stop
	RTTActiveMonitoringClinic  RTTStatus = "32" // active monitoring by the clinician: stop
	RTTFirstDNA                RTTStatus = "33" // did not attend the first activity: stop and nullify
	RTTNotTreated              RTTStatus = "34" // decision not to treat, no further contact: stop
	RTTDeclined                RTTStatus = "35" // patient declined treatment: stop
	RTTDied                    RTTStatus = "36" // patient died before treatment: stop
	RTTAfterTreatment          RTTStatus = "90" // activity after treatment: not RTT
	RTTDuringMonitoring        RTTStatus = "91" // activity during active monitoring: not RTT
	RTTGPDiagnostics           RTTStatus = "92" // undergoing GP diagnostics: not RTT
	RTTNotApplicable           RTTStatus = "98" // not applicable to RTT
	RTTNotKnown                RTTStatus = "99" // not yet known
)

// RTTStatuses lists every code in numeric order.
var RTTStatuses = []RTTStatus{
	RTTFirstActivity, RTTFirstActivityAfterAM, RTTFirstActivitySeparate,
	RTTSubsequentActivity, RTTTransferred,
	RTTTreatment, RTTActiveMonitoringPatient, RTTActiveMonitoringClinic, RTTFirstDNA,
	RTTNotTreated, RTTDeclined, RTTDied,
	RTTAfterTreatment, RTTDuringMonitoring, RTTGPDiagnostics, RTTNotApplicable, RTTNotKnown,
}

// ClinicOutcomeStatuses are the codes a clinician may record at an attended
// outpatient appointment. 33 is not among them: the system records it when
// a first appointment is not attended.
var ClinicOutcomeStatuses = []RTTStatus{
	RTTSubsequentActivity, RTTTreatment, RTTActiveMonitoringPatient, RTTActiveMonitoringClinic,
	RTTNotTreated, RTTDeclined, RTTDied, RTTTransferred,
	RTTAfterTreatment, RTTDuringMonitoring, RTTNotApplicable,
}

// Label is the code's meaning for staff.
func (s RTTStatus) Label() string {
	switch s {
	case RTTFirstActivity:
		return "First activity"
	case RTTFirstActivityAfterAM:
		return "First activity after active monitoring"
	case RTTFirstActivitySeparate:
		return "First activity, separate condition"
	case RTTSubsequentActivity:
		return "Further activity expected"
	case RTTTransferred:
		return "Transferred to another provider"
	case RTTTreatment:
		return "First definitive treatment"
	case RTTActiveMonitoringPatient:
		return "Active monitoring (patient's choice)"
	case RTTActiveMonitoringClinic:
		return "Active monitoring (clinician's decision)"
	case RTTFirstDNA:
		return "Did not attend first appointment"
	case RTTNotTreated:
		return "Decision not to treat / discharged"
	case RTTDeclined:
		return "Patient declined treatment"
	case RTTDied:
		return "Patient died before treatment"
	case RTTAfterTreatment:
		return "After treatment (not RTT)"
	case RTTDuringMonitoring:
		return "During active monitoring (not RTT)"
	case RTTGPDiagnostics:
		return "GP diagnostics (not RTT)"
	case RTTNotApplicable:
		return "Not applicable to RTT"
	case RTTNotKnown:
		return "Not yet known"
	}
	return "Unknown status " + string(s)
}

// Valid reports whether s is one of the 17 national codes.
func (s RTTStatus) Valid() bool {
	for _, c := range RTTStatuses {
		if c == s {
			return true
		}
	}
	return false
}

// StopsClock reports whether the code ends an RTT period (rules.md 1.3, 1.4).
func (s RTTStatus) StopsClock() bool {
	switch s {
	case RTTTreatment, RTTActiveMonitoringPatient, RTTActiveMonitoringClinic,
		RTTFirstDNA, RTTNotTreated, RTTDeclined, RTTDied:
		return true
	}
	return false
}
