package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/openelective/elective"
)

// exportEntries are the PTL fixtures and a urology pathway (TFC 101).
func exportEntries() []*elective.PTLEntry {
	es := fixturePTLEntries()
	uro := *es[0]
	uro.PathwayID, uro.SpecialtyID, uro.SpecialtyName, uro.DaysWaited, uro.Band = 12, 2, "Urology", 20, "2-3"
	uro.PatientName = "=HYPERLINK(1)" // a formula must stay text
	return append(es, &uro)
}

// stubExportPTL streams entries and records the filter asked for.
func (e *testEnv) stubExportPTL(entries []*elective.PTLEntry) *elective.PTLFilter {
	got := &elective.PTLFilter{}
	e.reports.ExportPTLFn = func(_ context.Context, f elective.PTLFilter, fn func(*elective.PTLEntry) error) error {
		*got = f
		for _, en := range entries {
			if err := fn(en); err != nil {
				return err
			}
		}
		return nil
	}
	return got
}

func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, body)
	}
	return recs
}

func wantAttachment(t *testing.T, w interface{ Header() http.Header }, contentType, filename string) {
	t.Helper()
	h := w.Header()
	if h.Get("Content-Type") != contentType || h.Get("Content-Disposition") != `attachment; filename="`+filename+`"` ||
		h.Get("Cache-Control") != "no-store" {
		t.Errorf("headers = %v, want an uncached %s attachment %s", h, contentType, filename)
	}
}

func TestPTLExportCSV(t *testing.T) {
	e := newTestEnv(t)
	got := e.stubExportPTL(exportEntries())
	w := e.get("/ptl/export.csv?specialty=1&waited=52%2B&sort=priority&booked=no&page=3", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantAttachment(t, w, csvContentType, "ptl-2026-11-23.csv")
	want := elective.PTLFilter{SpecialtyID: 1, MinWeeks: 52, Sort: elective.SortPriority, Booked: "no", Census: e.today()}
	if *got != want {
		t.Errorf("filter = %+v, want %+v (the PTL's filters, no paging)", *got, want)
	}
	recs := readCSV(t, w.Body.Bytes())
	if len(recs) != 4 || strings.Join(recs[0], ",") != "PPID,NHS number,Patient,Specialty,TFC,Consultant,Site,List,Priority,"+
		"Clock start,Days waited,Weeks waited,Band,Breach date,Long wait,RTT status,Next activity,Last validated,Validation due" {
		t.Fatalf("records = %q", recs)
	}
	wantRow := []string{"RXX00000000000000007", "9991234578", "SMITH, Jane (Mrs)", "Trauma and orthopaedics", "110",
		"Ms A Okafor", "Anytown General Hospital", "Outpatient new", "Routine", "2026-07-10", "136", "19", "19-20",
		"2026-11-14", "", "10", "", "", "2026-10-02"}
	if strings.Join(recs[1], "|") != strings.Join(wantRow, "|") {
		t.Errorf("row 1 = %q\nwant    %q", recs[1], wantRow)
	}
	if r := recs[2]; r[14] != "52+" || r[16] != "2026-12-01" || r[17] != "2026-09-01" {
		t.Errorf("row 2 = %q", r)
	}
	if r := recs[3]; r[2] != "'=HYPERLINK(1)" || r[4] != "101" {
		t.Errorf("row 3 = %q, want the formula defused", r)
	}
}

func TestPTLExportCSVErrors(t *testing.T) {
	e := newTestEnv(t)
	t.Run("BeforeTheFirstRow", func(t *testing.T) {
		e.reports.ExportPTLFn = func(context.Context, elective.PTLFilter, func(*elective.PTLEntry) error) error {
			return elective.Errorf(elective.EINVALID, "A PTL export needs a census date")
		}
		w := e.get("/ptl/export.csv", "tok-officer")
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, "A PTL export needs a census date")
		if w.Header().Get("Content-Disposition") != "" {
			t.Error("an error page was sent as an attachment")
		}
	})
	t.Run("AfterRowsLeft", func(t *testing.T) {
		e.reports.ExportPTLFn = func(_ context.Context, _ elective.PTLFilter, fn func(*elective.PTLEntry) error) error {
			for range 200 { // more than csv.Writer buffers, so rows have left
				if err := fn(fixturePTLEntries()[0]); err != nil {
					return err
				}
			}
			return errors.New("connection reset")
		}
		defer func() {
			if v := recover(); v != http.ErrAbortHandler {
				t.Errorf("recover() = %v, want http.ErrAbortHandler: a cut-short download must not look complete", v)
			}
		}()
		e.get("/ptl/export.csv", "tok-officer")
	})
}

// TestPTLExportURL: the PTL's download links keep its filters, and the
// download reads them back as the same form.
func TestPTLExportURL(t *testing.T) {
	f := PTLFilterForm{SpecialtyID: 1, ClinicianID: 10, SiteID: 100, ListType: elective.ListAdmitted,
		Priority: elective.PriorityUrgent, Booked: "no", Waited: "52+", BreachWithin: 4, ValidationDue: true, Sort: elective.SortBreach}
	u, err := url.Parse(f.ExportURL("csv"))
	if err != nil || u.Path != "/ptl/export.csv" {
		t.Fatalf("ExportURL = %v, %v", u, err)
	}
	if back := readPTLFilter(u.Query()); back != f {
		t.Errorf("read back %+v, want %+v", back, f)
	}
	if got := (PTLFilterForm{Booked: "all", Sort: elective.SortLongestWait}).ExportURL("xlsx"); got != "/ptl/export.xlsx" {
		t.Errorf("default ExportURL = %q", got)
	}

	e := newTestEnv(t)
	e.waitlist.FindPTLFn = func(context.Context, elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
		return fixturePTLEntries(), 2, nil
	}
	w := e.get("/ptl?specialty=1&waited=52%2B&page=2", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `Download these 2 pathways`, `href="/ptl/export.csv?specialty=1&amp;waited=52%2B"`,
		`href="/ptl/export.xlsx?specialty=1&amp;waited=52%2B"`)
}

func TestPTLExportXLSX(t *testing.T) {
	e := newTestEnv(t)
	got := e.stubExportPTL(exportEntries())
	f := getWorkbook(t, e, "/ptl/export.xlsx?list=outpatient-new")
	if got.ListType != elective.ListOutpatientNew || got.Census != e.today() {
		t.Errorf("filter = %+v", *got)
	}
	sheets := f.GetSheetList()
	if strings.Join(sheets, "|") != "Summary|101 Urology|110 Trauma and orthopaedics" {
		t.Fatalf("sheets = %q, want the summary, then the specialties by TFC", sheets)
	}
	breached := checkPTLSheet(t, f, sheets[2])
	uro := sheets[1]
	if v, _ := f.GetCellValue(uro, "C2"); v != "=HYPERLINK(1)" {
		t.Errorf("urology patient = %q", v)
	}
	if formula, _ := f.GetCellFormula(uro, "C2"); formula != "" {
		t.Errorf("text became a formula: %q", formula)
	}
	if okStyle, _ := f.GetCellStyle(uro, "C2"); okStyle == breached {
		t.Error("a row within 18 weeks is shaded as breached")
	}
	// The summary: one row per sheet and the total.
	for ref, want := range map[string]string{"A1": "TFC", "B2": "Urology", "C3": "2", "F3": "1", "B4": "Total", "C4": "3", "D4": "1"} {
		if v, _ := f.GetCellValue("Summary", ref); v != want {
			t.Errorf("Summary!%s = %q, want %q", ref, v, want)
		}
	}
	if raw, _ := f.GetCellValue("Summary", "E4", excelize.Options{RawCellValue: true}); !strings.HasPrefix(raw, "0.333") {
		t.Errorf("total %% within 18 weeks = %q, want 1/3", raw)
	}

	// A specialty with no rows has no sheet.
	e.stubExportPTL(fixturePTLEntries())
	if sheets := getWorkbook(t, e, "/ptl/export.xlsx?specialty=1").GetSheetList(); strings.Join(sheets, "|") != "Summary|110 Trauma and orthopaedics" {
		t.Errorf("sheets = %q, want no urology sheet", sheets)
	}
	// A specialty created since the reference data was read gets a sheet at the end.
	newer := *fixturePTLEntries()[1]
	newer.SpecialtyID, newer.SpecialtyName = 3, "Cardiology"
	e.stubExportPTL([]*elective.PTLEntry{&newer, fixturePTLEntries()[0]})
	if sheets := getWorkbook(t, e, "/ptl/export.xlsx").GetSheetList(); strings.Join(sheets, "|") != "Summary|110 Trauma and orthopaedics|Cardiology" {
		t.Errorf("sheets = %q", sheets)
	}
}

// getWorkbook downloads a workbook as a booking officer and opens it.
func getWorkbook(t *testing.T, e *testEnv, path string) *excelize.File {
	t.Helper()
	w := e.get(path, "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantAttachment(t, w, xlsxContentType, "ptl-2026-11-23.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatalf("not a workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkPTLSheet checks the fixture rows on a specialty sheet: values, Excel
// dates and numbers, the bold frozen header, the autofilter, and the first
// (breached) row shaded. It returns the breached rows' text style.
func checkPTLSheet(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	for ref, want := range map[string]string{"A1": "PPID", "S1": "Validation due", "B2": "9991234578",
		"J2": "10 Jul 2026", "K2": "136", "B3": "9990000018", "A4": ""} {
		if v, _ := f.GetCellValue(sheet, ref); v != want {
			t.Errorf("%s!%s = %q, want %q", sheet, ref, v, want)
		}
	}
	if typ, _ := f.GetCellType(sheet, "K2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("days waited is a %v cell, want a number", typ)
	}
	if raw, _ := f.GetCellValue(sheet, "J2", excelize.Options{RawCellValue: true}); raw != "46213" {
		t.Errorf("clock start is stored as %q, want the Excel date 46213", raw)
	}
	st, _ := f.GetCellStyle(sheet, "A1")
	if style, _ := f.GetStyle(st); style == nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header style = %+v, want bold", style)
	}
	if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, want the header row frozen", panes)
	}
	if tables, _ := f.GetTables(sheet); len(tables) != 1 || tables[0].Range != "A1:S3" {
		t.Errorf("tables = %+v, want an autofilter over A1:S3", tables)
	}
	breached, _ := f.GetCellStyle(sheet, "C2")
	if style, _ := f.GetStyle(breached); style == nil || len(style.Fill.Color) == 0 {
		t.Errorf("breached row style = %+v, want a fill", style)
	}
	return breached
}

func TestUniqueSheetName(t *testing.T) {
	taken := map[string]bool{"summary": true}
	for _, tc := range []struct{ base, want string }{
		{"110 Trauma and orthopaedics", "110 Trauma and orthopaedics"},
		{"Summary", "Summary (2)"},
		{"300 General medicine: acute/elderly [care]", "300 General medicine- acute-eld"},
		{"300 General medicine- acute-elderly", "300 General medicine- acute (2)"},
		{"", "Specialty"},
	} {
		if got := uniqueSheetName(tc.base, taken); got != tc.want || len([]rune(got)) > 31 {
			t.Errorf("uniqueSheetName(%q) = %q, want %q", tc.base, got, tc.want)
		}
	}
}

func TestWLMDSExport(t *testing.T) {
	e := newTestEnv(t)
	var census elective.Date
	e.reports.ExportWLMDSFn = func(_ context.Context, c elective.Date, fn func(*elective.WLMDSRecord) error) error {
		census = c
		return fn(&elective.WLMDSRecord{WeekEndingDate: elective.MustParseDate("2026-11-29"), WaitingListType: "outpatient-new",
			NHSNumber: "9991234578", LocalPatientIdentifier: "RX1234567", PersonBirthDate: elective.MustParseDate("1950-03-15"),
			PersonStatedGenderCode: "2", ReferralRequestReceivedDate: elective.MustParseDate("2026-07-10"), ReferralIdentifier: "5",
			PatientPathwayIdentifier: "RXX00000000000000007", PPIDIssuer: "RXX", SourceOfReferral: "paper",
			OrganisationCodeOfProvider: "RXX", SiteCodeOfTreatment: "RXX01", ActivityTreatmentFunctionCode: "110",
			ConsultantCode: "C1234567", RTTPeriodStartDate: elective.MustParseDate("2026-07-10"), RTTPeriodStatus: "10",
			PriorityTypeCode: "1", WeeksWaited: 20})
	}
	w := e.get("/reports/wlmds.csv?census=2026-11-25", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantAttachment(t, w, csvContentType, "wlmds-2026-11-25.csv")
	if census != elective.MustParseDate("2026-11-25") {
		t.Errorf("census = %s", census)
	}
	recs := readCSV(t, w.Body.Bytes())
	want := "Week_Ending_Date,Waiting_List_Type,NHS_NUMBER,LOCAL_PATIENT_IDENTIFIER,PERSON_BIRTH_DATE,PERSON_STATED_GENDER_CODE," +
		"REFERRAL_REQUEST_RECEIVED_DATE,Referral_Identifier,PATIENT_PATHWAY_IDENTIFIER,ORGANISATION_CODE_PATIENT_PATHWAY_IDENTIFIER_ISSUER," +
		"SOURCE_OF_REFERRAL,ORGANISATION_IDENTIFIER_CODE_OF_PROVIDER,ORGANISATION_SITE_IDENTIFIER_OF_TREATMENT," +
		"ACTIVITY_TREATMENT_FUNCTION_CODE,CONSULTANT_CODE,REFERRAL_TO_TREATMENT_PERIOD_START_DATE," +
		"REFERRAL_TO_TREATMENT_PERIOD_STATUS,PRIORITY_TYPE_CODE,Outpatient_Future_Appointment_Date,Last_PAS_Validation_Date,Weeks_Waited"
	if len(recs) != 2 || strings.Join(recs[0], ",") != want {
		t.Fatalf("header = %q", recs[0])
	}
	if got := strings.Join(recs[1], ","); got != "2026-11-29,outpatient-new,9991234578,RX1234567,1950-03-15,2,2026-07-10,5,"+
		"RXX00000000000000007,RXX,paper,RXX,RXX01,110,C1234567,2026-07-10,10,1,,,20" {
		t.Errorf("record = %s", got)
	}
	e.get("/reports/wlmds.csv", "tok-officer")
	if census != e.today() {
		t.Errorf("default census = %s, want today", census)
	}
	wantStatus(t, e.get("/reports/wlmds.csv?census=23/11/2026", "tok-officer"), http.StatusUnprocessableEntity)
}

func TestMonthlyReturnExport(t *testing.T) {
	e := newTestEnv(t)
	var monthEnd elective.Date
	e.reports.MonthlyReturnFn = func(_ context.Context, end elective.Date) (*elective.PTLSummary, error) {
		monthEnd = end
		return fixtureSummary(), nil
	}
	w := e.get("/reports/monthly-return.csv", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantAttachment(t, w, csvContentType, "rtt-incomplete-2026-10.csv")
	if monthEnd.String() != "2026-10-31" {
		t.Errorf("month end = %s, want the last complete month's, 2026-10-31", monthEnd)
	}
	recs := readCSV(t, w.Body.Bytes())
	h := recs[0]
	if len(recs) != 4 || len(h) != 2+elective.WeeklyBands+3 || h[0] != "TFC" || h[2] != "0-1" || h[19] != "17-18" ||
		h[105] != "103-104" || h[106] != "104+" || h[107] != "Total" || h[109] != "% within 18 weeks" {
		t.Fatalf("header = %q (%d records)", h, len(recs))
	}
	to, total := recs[2], recs[3]
	if to[0] != "110" || to[1] != "Trauma and orthopaedics" || to[2] != "20" || to[19] != "100" || to[107] != "200" ||
		to[108] != "120" || to[109] != "60.0" {
		t.Errorf("110 row = %q", to)
	}
	if total[1] != "Total" || total[107] != "250" || total[109] != "66.8" || total[106] != "2" {
		t.Errorf("total row = %q", total)
	}
	wantStatus(t, e.get("/reports/monthly-return.csv?month=2026-02", "tok-officer"), http.StatusOK)
	if monthEnd.String() != "2026-02-28" {
		t.Errorf("February's end = %s", monthEnd)
	}
	for _, bad := range []string{"2026-11", "2027-01", "October", "2026-13"} {
		w := e.get("/reports/monthly-return.csv?month="+bad, "tok-officer")
		wantStatus(t, w, http.StatusUnprocessableEntity)
	}
}
