package web

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// xlsxContentType is the media type of an Excel workbook.
const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// summarySheet is the first sheet of the PTL workbook.
const summarySheet = "Summary"

// ptlWorkbook builds the PTL download as an Excel workbook: a Summary sheet
// of the exported rows by specialty, then one sheet of rows per specialty.
// Rows are written with excelize's StreamWriter, which keeps each sheet as
// XML text (moved to a temporary file past 16 MiB) rather than an object per
// cell, so a whole-trust export does not hold millions of cells in memory.
type ptlWorkbook struct {
	f      *excelize.File
	lk     *lookup
	styles workbookStyles
	sheets map[int64]*ptlSheet // by specialty
	order  []*ptlSheet         // in workbook order
	taken  map[string]bool     // sheet names in use, lower-cased
}

// ptlSheet is one specialty's sheet while it is written; sw is nil until
// the specialty's first row.
type ptlSheet struct {
	name string
	sw   *excelize.StreamWriter
	rows int
	line elective.PTLSummaryLine
}

// workbookStyles are the style ids of the workbook's cells: body cells are
// [breached][text, date, number], so that a breached row is shaded whatever
// its cells hold.
type workbookStyles struct {
	header, percent int
	cell            [2][3]int
}

// newPTLWorkbook starts a workbook with the Summary sheet and a sheet for
// every specialty, in treatment function code order. Sheets that get no
// rows are deleted at the end: creating them up front is what puts them in
// order, because excelize cannot move or reread a sheet once it has been
// streamed.
func newPTLWorkbook(lk *lookup) (*ptlWorkbook, error) {
	f := excelize.NewFile()
	f.SetZipWriter(fastZip)
	wb := &ptlWorkbook{f: f, lk: lk, sheets: map[int64]*ptlSheet{}, taken: map[string]bool{"summary": true}}
	err := f.SetSheetName("Sheet1", summarySheet)
	if err == nil {
		err = wb.newStyles()
	}
	specs := slices.Clone(lk.specialties)
	sort.SliceStable(specs, func(i, j int) bool { return specs[i].Code < specs[j].Code })
	for _, sp := range specs {
		if err == nil {
			_, err = wb.newSheet(sp.ID, sp.Code, sp.Name)
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return wb, nil
}

// newSheet adds an empty sheet for a specialty.
func (wb *ptlWorkbook) newSheet(id int64, code, name string) (*ptlSheet, error) {
	sh := &ptlSheet{name: uniqueSheetName(strings.TrimSpace(code+" "+name), wb.taken),
		line: elective.PTLSummaryLine{SpecialtyID: id, Code: code, Name: name}}
	if _, err := wb.f.NewSheet(sh.name); err != nil {
		return nil, err
	}
	wb.sheets[id] = sh
	wb.order = append(wb.order, sh)
	return sh, nil
}

// newStyles registers the header, date and percentage styles and their
// breached (shaded) variants. Dates are Excel dates with a UK format.
func (wb *ptlWorkbook) newStyles() error {
	dateFmt, pctFmt := "dd mmm yyyy", "0.0%"
	shade := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FBD5D2"}}
	specs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true}, Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}},
		{CustomNumFmt: &pctFmt},
		{}, {CustomNumFmt: &dateFmt}, {},
		{Fill: shade}, {Fill: shade, CustomNumFmt: &dateFmt}, {Fill: shade},
	}
	ids := make([]int, len(specs))
	for i, st := range specs {
		id, err := wb.f.NewStyle(st)
		if err != nil {
			return err
		}
		ids[i] = id
	}
	wb.styles = workbookStyles{header: ids[0], percent: ids[1],
		cell: [2][3]int{{ids[2], ids[3], ids[4]}, {ids[5], ids[6], ids[7]}}}
	return nil
}

// fastZip compresses the workbook at deflate's fastest level. A
// whole-trust PTL (250,000 rows) is some 350 MB of sheet XML: the default
// level spends about six seconds on it, the fastest about half that, for a
// file a quarter larger (32 MB instead of 25 MB).
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

// Close removes the workbook's temporary files.
func (wb *ptlWorkbook) Close() error { return wb.f.Close() }

// add writes a PTL row on its specialty's sheet and counts it for the
// summary. Breached rows are shaded.
func (wb *ptlWorkbook) add(e *elective.PTLEntry) error {
	sh, err := wb.sheet(e)
	if err != nil {
		return err
	}
	sh.rows++
	countWait(&sh.line, e.DaysWaited)
	breached := 0
	if rtt.Breached(e.DaysWaited) {
		breached = 1
	}
	row := make([]any, len(ptlColumns))
	for i, c := range ptlColumns {
		row[i] = wb.cell(c.Value(e, wb.lk), breached)
	}
	return sh.sw.SetRow(cellName(1, sh.rows+1), row)
}

// cell turns a column value into a styled workbook cell; dates become Excel
// dates and a missing date an empty (but shaded) cell.
func (wb *ptlWorkbook) cell(v any, breached int) excelize.Cell {
	st := wb.styles.cell[breached]
	switch v := v.(type) {
	case elective.Date:
		if v.IsZero() {
			return excelize.Cell{StyleID: st[0]}
		}
		return excelize.Cell{StyleID: st[1], Value: time.Date(v.Year, v.Month, v.Day, 0, 0, 0, 0, time.UTC)}
	case int:
		return excelize.Cell{StyleID: st[2], Value: v}
	}
	return excelize.Cell{StyleID: st[0], Value: v}
}

// sheet returns the specialty's sheet, starting its stream on the first
// row: column widths, the bold header, and the header frozen.
func (wb *ptlWorkbook) sheet(e *elective.PTLEntry) (*ptlSheet, error) {
	sh := wb.sheets[e.SpecialtyID]
	if sh == nil { // a specialty added since the reference data was read
		var err error
		if sh, err = wb.newSheet(e.SpecialtyID, wb.lk.specialtyCode(e.SpecialtyID), e.SpecialtyName); err != nil {
			return nil, err
		}
	}
	if sh.sw != nil {
		return sh, nil
	}
	sw, err := wb.f.NewStreamWriter(sh.name)
	if err != nil {
		return nil, err
	}
	sh.sw = sw
	header := make([]any, len(ptlColumns))
	for i, c := range ptlColumns {
		if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return nil, err
		}
		header[i] = excelize.Cell{StyleID: wb.styles.header, Value: c.Header}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	return sh, sw.SetRow("A1", header)
}

// finish deletes the sheets that got no rows (before any stream is flushed:
// deleting rereads every sheet), ends every other sheet with an autofilter
// over its rows (an Excel table without a style, whose header has the
// filter buttons), and writes the summary.
func (wb *ptlWorkbook) finish() error {
	var used []*ptlSheet
	for _, sh := range wb.order {
		if sh.sw != nil {
			used = append(used, sh)
		} else if err := wb.f.DeleteSheet(sh.name); err != nil {
			return err
		}
	}
	noStripes := false
	for i, sh := range used {
		ref := "A1:" + cellName(len(ptlColumns), sh.rows+1)
		if err := sh.sw.AddTable(&excelize.Table{Range: ref, Name: "PTL_" + strconv.Itoa(i+1), ShowRowStripes: &noStripes}); err != nil {
			return err
		}
		if err := sh.sw.Flush(); err != nil {
			return err
		}
	}
	return wb.writeSummary(used)
}

// summaryColumns head the Summary sheet.
var summaryColumns = []string{"TFC", "Specialty", "Open pathways", "Within 18 weeks", "% within 18 weeks",
	"52+ weeks", "65+ weeks", "78+ weeks", "104+ weeks"}

// writeSummary writes one row per specialty sheet and the total. It is a
// few rows, so it uses excelize's ordinary cell API.
func (wb *ptlWorkbook) writeSummary(list []*ptlSheet) error {
	f, total := wb.f, elective.PTLSummaryLine{Name: "Total"}
	rows := [][]any{}
	for _, sh := range list {
		rows = append(rows, summaryRow(&sh.line))
		addSummaryLine(&total, &sh.line)
	}
	rows = append(rows, summaryRow(&total))
	header := make([]any, len(summaryColumns))
	for i, h := range summaryColumns {
		header[i] = h
	}
	if err := f.SetSheetRow(summarySheet, "A1", &header); err != nil {
		return err
	}
	for i, r := range rows {
		if err := f.SetSheetRow(summarySheet, cellName(1, i+2), &r); err != nil {
			return err
		}
	}
	last := len(rows) + 1
	steps := []error{
		f.SetCellStyle(summarySheet, "A1", cellName(len(summaryColumns), 1), wb.styles.header),
		f.SetCellStyle(summarySheet, "A"+strconv.Itoa(last), cellName(len(summaryColumns), last), wb.styles.header),
		f.SetCellStyle(summarySheet, "E2", cellName(5, last), wb.styles.percent),
		f.SetColWidth(summarySheet, "B", "B", 30),
		f.SetColWidth(summarySheet, "C", "I", 14),
		f.SetPanes(summarySheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}),
	}
	for _, err := range steps {
		if err != nil {
			return err
		}
	}
	return nil
}

func summaryRow(l *elective.PTLSummaryLine) []any {
	var pct any
	if l.Open > 0 {
		pct = float64(l.Within18) / float64(l.Open)
	}
	return []any{l.Code, l.Name, l.Open, l.Within18, pct, l.Over52, l.Over65, l.Over78, l.Over104}
}

// countWait counts one wait into a summary line, with the bands and
// thresholds of the rtt package (rules.md 1.11).
func countWait(l *elective.PTLSummaryLine, days int) {
	l.Open++
	l.Bands[rtt.BandIndex(days)]++
	if !rtt.Breached(days) {
		l.Within18++
	}
	w := rtt.LongWaitWeeks(days)
	for _, c := range []struct {
		weeks int
		n     *int
	}{{52, &l.Over52}, {65, &l.Over65}, {78, &l.Over78}, {104, &l.Over104}} {
		if w >= c.weeks {
			*c.n++
		}
	}
}

func addSummaryLine(dst, src *elective.PTLSummaryLine) {
	dst.Open += src.Open
	dst.Within18 += src.Within18
	dst.Over52 += src.Over52
	dst.Over65 += src.Over65
	dst.Over78 += src.Over78
	dst.Over104 += src.Over104
}

// cellName is the A1 reference of a column and row, both from 1.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// uniqueSheetName makes a valid, unused sheet name from base: at most 31
// characters, none of []:*?/\, unique whatever the case (Excel's rules).
func uniqueSheetName(base string, taken map[string]bool) string {
	base = strings.Trim(strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, base), "' ")
	if base == "" {
		base = "Specialty"
	}
	name := truncateRunes(base, 31)
	for n := 2; taken[strings.ToLower(name)]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		name = strings.TrimSpace(truncateRunes(base, 31-len(suffix))) + suffix
	}
	taken[strings.ToLower(name)] = true
	return name
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// handlePTLExportXLSX sends the filtered PTL as an Excel workbook. A
// workbook is a zip that is only complete at the end, so it is built first
// and sent whole: an error is always shown as a page.
func (s *Server) handlePTLExportXLSX(w http.ResponseWriter, r *http.Request) error {
	f, lk, err := s.ptlExport(r)
	if err != nil {
		return err
	}
	wb, err := newPTLWorkbook(lk)
	if err != nil {
		return err
	}
	defer wb.Close()
	if err := s.svc.Reports.ExportPTL(r.Context(), f, wb.add); err != nil {
		return err
	}
	if err := wb.finish(); err != nil {
		return err
	}
	buf, err := wb.f.WriteToBuffer()
	if err != nil {
		return err
	}
	setAttachment(w, xlsxContentType, "ptl-"+f.Census.String()+".xlsx")
	buf.WriteTo(w) // a failed write is a browser that went away: nothing to show
	return nil
}
