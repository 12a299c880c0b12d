package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// wlmdsColumns are the WLMDS open-pathways fields Elective holds, headed
// with their national names (rules.md 1.14), plus the weeks waited.
var wlmdsColumns = []struct {
	Header string
	Value  func(r *elective.WLMDSRecord) any
}{
	{"Week_Ending_Date", func(r *elective.WLMDSRecord) any { return r.WeekEndingDate }},
	{"Waiting_List_Type", func(r *elective.WLMDSRecord) any { return r.WaitingListType }},
	{"NHS_NUMBER", func(r *elective.WLMDSRecord) any { return r.NHSNumber }},
	{"LOCAL_PATIENT_IDENTIFIER", func(r *elective.WLMDSRecord) any { return r.LocalPatientIdentifier }},
	{"PERSON_BIRTH_DATE", func(r *elective.WLMDSRecord) any { return r.PersonBirthDate }},
	{"PERSON_STATED_GENDER_CODE", func(r *elective.WLMDSRecord) any { return r.PersonStatedGenderCode }},
	{"REFERRAL_REQUEST_RECEIVED_DATE", func(r *elective.WLMDSRecord) any { return r.ReferralRequestReceivedDate }},
	{"Referral_Identifier", func(r *elective.WLMDSRecord) any { return r.ReferralIdentifier }},
	{"PATIENT_PATHWAY_IDENTIFIER", func(r *elective.WLMDSRecord) any { return r.PatientPathwayIdentifier }},
	{"ORGANISATION_CODE_PATIENT_PATHWAY_IDENTIFIER_ISSUER", func(r *elective.WLMDSRecord) any { return r.PPIDIssuer }},
	{"SOURCE_OF_REFERRAL", func(r *elective.WLMDSRecord) any { return r.SourceOfReferral }},
	{"ORGANISATION_IDENTIFIER_CODE_OF_PROVIDER", func(r *elective.WLMDSRecord) any { return r.OrganisationCodeOfProvider }},
	{"ORGANISATION_SITE_IDENTIFIER_OF_TREATMENT", func(r *elective.WLMDSRecord) any { return r.SiteCodeOfTreatment }},
	{"ACTIVITY_TREATMENT_FUNCTION_CODE", func(r *elective.WLMDSRecord) any { return r.ActivityTreatmentFunctionCode }},
	{"CONSULTANT_CODE", func(r *elective.WLMDSRecord) any { return r.ConsultantCode }},
	{"REFERRAL_TO_TREATMENT_PERIOD_START_DATE", func(r *elective.WLMDSRecord) any { return r.RTTPeriodStartDate }},
	{"REFERRAL_TO_TREATMENT_PERIOD_STATUS", func(r *elective.WLMDSRecord) any { return r.RTTPeriodStatus }},
	{"PRIORITY_TYPE_CODE", func(r *elective.WLMDSRecord) any { return r.PriorityTypeCode }},
	{"Outpatient_Future_Appointment_Date", func(r *elective.WLMDSRecord) any { return r.OutpatientFutureAppointmentDate }},
	{"Last_PAS_Validation_Date", func(r *elective.WLMDSRecord) any { return r.LastPASValidationDate }},
	{"Weeks_Waited", func(r *elective.WLMDSRecord) any { return r.WeeksWaited }},
}

// handleWLMDSExport streams the WLMDS open-pathways extract for the week of
// the census date (today by default).
func (s *Server) handleWLMDSExport(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	census := s.today()
	if c := r.URL.Query().Get("census"); c != "" {
		var err error
		if census, err = elective.ParseDate(c); err != nil {
			return elective.Errorf(elective.EINVALID, "Enter the census date in the form YYYY-MM-DD, for example %s", s.today())
		}
	}
	d := &download{w: w, contentType: csvContentType, filename: "wlmds-" + census.String() + ".csv"}
	cw := csv.NewWriter(d)
	record := make([]string, len(wlmdsColumns))
	for i, c := range wlmdsColumns {
		record[i] = c.Header
	}
	cw.Write(record)
	err := s.svc.Reports.ExportWLMDS(r.Context(), census, func(rec *elective.WLMDSRecord) error {
		for i, c := range wlmdsColumns {
			record[i] = csvCell(c.Value(rec))
		}
		return cw.Write(record)
	})
	return s.finishCSV(r, d, cw, err)
}

// handleMonthlyReturnExport writes the incomplete pathways at a month end
// (?month=YYYY-MM, by default the last complete month) by treatment
// function and weekly band: the layout of the monthly RTT return's Part 2
// (rules.md 1.11).
func (s *Server) handleMonthlyReturnExport(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	today := s.today()
	month := r.URL.Query().Get("month")
	if month == "" {
		month = lastCompleteMonth(today)
	}
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return elective.Errorf(elective.EINVALID, "Enter the month in the form YYYY-MM, for example %s", lastCompleteMonth(today))
	}
	end := monthEnd(t.Year(), t.Month())
	if !end.Before(today) {
		return elective.Errorf(elective.EINVALID, "A monthly return is for a month that has ended: choose %s or earlier", lastCompleteMonth(today))
	}
	sum, err := s.svc.Reports.MonthlyReturn(r.Context(), end)
	if err != nil {
		return err
	}
	setAttachment(w, csvContentType, "rtt-incomplete-"+month+".csv")
	cw := csv.NewWriter(w)
	cw.WriteAll(monthlyReturnRecords(sum))
	return cw.Error()
}

// monthEnd is the last day of a month.
func monthEnd(year int, month time.Month) elective.Date {
	next := elective.NewDate(year, month, 1).AddDays(31)
	return elective.NewDate(next.Year, next.Month, 1).AddDays(-1)
}

// monthlyReturnRecords lays out a return: a header, one row per treatment
// function, and the total.
func monthlyReturnRecords(sum *elective.PTLSummary) [][]string {
	header := []string{"TFC", "Specialty"}
	for k := range elective.WeeklyBands {
		header = append(header, rtt.BandLabel(7*k+1)) // band k starts at 7k+1 days; band 0 at 0
	}
	header = append(header, "Total", "Within 18 weeks", "% within 18 weeks")
	out := [][]string{header}
	line := func(code, name string, l *elective.PTLSummaryLine) []string {
		rec := []string{code, csvSafe(name)}
		for _, n := range l.Bands {
			rec = append(rec, strconv.Itoa(n))
		}
		pct := ""
		if l.Open > 0 {
			pct = strconv.FormatFloat(l.Percent18(), 'f', 1, 64)
		}
		return append(rec, strconv.Itoa(l.Open), strconv.Itoa(l.Within18), pct)
	}
	for i := range sum.Lines {
		out = append(out, line(sum.Lines[i].Code, sum.Lines[i].Name, &sum.Lines[i]))
	}
	return append(out, line("", "Total", &sum.Total))
}
