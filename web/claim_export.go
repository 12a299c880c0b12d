package web

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openelective/elective"
)

// payrollHeader are the payroll download's columns: one row per approved,
// payable claim of the month.
var payrollHeader = []string{"Staff", "Grade", "Date", "Kind", "Start", "End", "Hours", "PAs", "Rate type", "Miles",
	"Amount (GBP)", "Detail", "Claim", "Approved by"}

// payrollRow is one claim's cells: text, dates as dates, figures as
// numbers (hours to two places, pounds to the penny).
func payrollRow(c *elective.Claim, loc *time.Location) []any {
	r := newClaimRow(c, loc)
	grade := c.StaffGrade
	if c.Kind.Shift() {
		grade = c.Grade
	}
	var start, end, detail string
	if c.Kind.Timed() && !c.Start.IsZero() {
		start, end = c.Start.In(loc).Format("15:04"), c.End.In(loc).Format("15:04")
	}
	switch c.Kind {
	case elective.ClaimExpense:
		detail = c.ExpenseType + ", receipt " + c.Receipt
	case elective.ClaimBank, elective.ClaimAgency:
		detail = c.Reason
	case elective.ClaimMileage:
		detail = "at " + penceLabel(int64(c.MileagePence)) + " a mile"
	}
	var hours, pas, miles, amount any = "", "", "", ""
	if c.Minutes() > 0 {
		hours = float64(c.Minutes()) / 60
	}
	if c.Kind == elective.ClaimWLI {
		pas = float64(c.PATenths) / 10
	}
	if c.Kind == elective.ClaimMileage {
		miles = c.Miles
	}
	if c.AmountPence != 0 {
		amount = float64(c.AmountPence) / 100
	}
	return []any{r.Who, grade, c.Date, c.Kind.Label(), start, end, hours, pas, c.Rate.Label(), miles, amount, detail,
		int(c.ID), c.DecidedBy}
}

// payrollExport reads the month of the query and its payable claims.
func (s *Server) payrollExport(r *http.Request) (elective.Month, []*elective.Claim, error) {
	m := elective.MonthOf(s.today())
	if q := r.URL.Query().Get("month"); q != "" {
		var err error
		if m, err = elective.ParseMonth(q); err != nil {
			return m, nil, err
		}
	}
	claims, err := s.svc.Claims.ExportPayroll(r.Context(), m)
	return m, claims, err
}

// handleClaimsCSV downloads the month's approved claims for payroll.
func (s *Server) handleClaimsCSV(w http.ResponseWriter, r *http.Request) error {
	m, claims, err := s.payrollExport(r)
	if err != nil {
		return err
	}
	d := &download{w: w, contentType: csvContentType, filename: "payroll-claims-" + m.String() + ".csv"}
	cw := csv.NewWriter(d)
	cw.Write(payrollHeader)
	rec := make([]string, len(payrollHeader))
	for _, c := range claims {
		for i, v := range payrollRow(c, s.cfg.Location) {
			rec[i] = payrollCell(v)
		}
		if err = cw.Write(rec); err != nil {
			break
		}
	}
	return s.finishCSV(r, d, cw, err)
}

// payrollCell writes a cell as CSV text: dates ISO, hours and pounds to
// two places, text safe from formula injection.
func payrollCell(v any) string {
	switch v := v.(type) {
	case float64:
		return strconv.FormatFloat(v, 'f', 2, 64)
	case int:
		return strconv.Itoa(v)
	case elective.Date:
		return v.String()
	case string:
		return csvSafe(v)
	}
	return ""
}

// handleClaimsXLSX downloads the month's approved claims as a workbook of
// one sheet with a total row, written with excelize as the PTL workbook
// is.
func (s *Server) handleClaimsXLSX(w http.ResponseWriter, r *http.Request) error {
	m, claims, err := s.payrollExport(r)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(fastZip)
	sheet := "Claims " + m.String()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	if err != nil {
		return err
	}
	head := make([]any, len(payrollHeader))
	for i, h := range payrollHeader {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	var total float64
	for i, c := range claims {
		row := payrollRow(c, s.cfg.Location)
		for j, v := range row {
			switch v := v.(type) {
			case elective.Date:
				row[j] = excelize.Cell{StyleID: dateStyle, Value: v.At(0, 0, time.UTC)}
			case float64:
				row[j] = excelize.Cell{StyleID: money, Value: v}
			case string:
				row[j] = strings.TrimSpace(v)
			}
		}
		if a, ok := row[10].(excelize.Cell); ok {
			total += a.Value.(float64)
		}
		if err := sw.SetRow(cellName(1, i+2), row); err != nil {
			return err
		}
	}
	totalRow := make([]any, 11)
	totalRow[0] = excelize.Cell{StyleID: bold, Value: "Total"}
	totalRow[10] = excelize.Cell{StyleID: money, Value: total}
	if err := sw.SetRow(cellName(1, len(claims)+2), totalRow); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	setAttachment(w, xlsxContentType, "payroll-claims-"+m.String()+".xlsx")
	buf.WriteTo(w) // a failed write is a browser that went away: nothing to show
	return nil
}
