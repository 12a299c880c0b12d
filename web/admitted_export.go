package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// admittedColumn is one column of the admitted waiting-list download.
type admittedColumn struct {
	Header string
	Value  func(r AdmittedRow) any // a string, an int or an elective.Date
}

var admittedColumns = []admittedColumn{
	{"Position", func(r AdmittedRow) any { return r.Position }},
	{"NHS number", func(r AdmittedRow) any { return r.Entry.NHSNumber }},
	{"Patient", func(r AdmittedRow) any { return r.Entry.PatientName }},
	{"Specialty", func(r AdmittedRow) any { return r.Entry.SpecialtyName }},
	{"Surgeon", func(r AdmittedRow) any { return r.Entry.SurgeonName }},
	{"OPCS-4", func(r AdmittedRow) any { return r.Entry.ProcedureCode }},
	{"Procedure", func(r AdmittedRow) any { return r.Entry.ProcedureName }},
	{"Management", func(r AdmittedRow) any { return r.Entry.Management.Label() }},
	{"Priority", func(r AdmittedRow) any { return string(r.Entry.Priority) }},
	{"Listed", func(r AdmittedRow) any { return r.Entry.ListedOn }},
	{"Due by", func(r AdmittedRow) any { return r.DueBy }},
	{"Past due", func(r AdmittedRow) any { return yesNo(r.PastDue) }},
	{"Breach date", func(r AdmittedRow) any { return r.Entry.BreachDate }},
	{"Expected minutes", func(r AdmittedRow) any { return r.Entry.ExpectedMinutes }},
	{"Nights", func(r AdmittedRow) any { return r.Entry.LengthOfStay }},
	{"Kit", func(r AdmittedRow) any { return strings.Join(r.Entry.Kit, "; ") }},
	{"Critical care", func(r AdmittedRow) any { return r.Entry.CriticalCare }},
	{"Pre-op", func(r AdmittedRow) any {
		if r.POA.OK {
			return "Fit"
		}
		return r.POA.Problem
	}},
	{"TCI", func(r AdmittedRow) any { return r.TCI }},
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// ExportURL is the CSV download of the list with the page's filters.
func (p *AdmittedIndexPage) ExportURL() string {
	return "/admitted/export.csv?specialty_id=" + strconv.FormatInt(p.SpecialtyID, 10) +
		"&surgeon_id=" + strconv.FormatInt(p.SurgeonID, 10)
}

// handleAdmittedExportCSV downloads the admitted waiting list, filtered as
// on the page, in booking order. The service audits the read.
func (s *Server) handleAdmittedExportCSV(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	q := r.URL.Query()
	entries, err := s.svc.Theatres.FindAdmittedEntries(r.Context(), elective.AdmittedFilter{
		SpecialtyID: formInt64(q.Get("specialty_id")), SurgeonID: formInt64(q.Get("surgeon_id")), Limit: 200_000})
	if err != nil {
		return err
	}
	d := &download{w: w, contentType: csvContentType, filename: "admitted-list-" + s.today().String() + ".csv"}
	cw := csv.NewWriter(d)
	record := make([]string, len(admittedColumns))
	for i, c := range admittedColumns {
		record[i] = c.Header
	}
	cw.Write(record)
	for i, e := range entries {
		row := s.admittedRow(e)
		row.Position = i + 1
		for j, c := range admittedColumns {
			record[j] = csvCell(c.Value(row))
		}
		if err = cw.Write(record); err != nil {
			break
		}
	}
	return s.finishCSV(r, d, cw, err)
}
