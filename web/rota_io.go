package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openelective/elective"
)

// The rota's file form is a grid, as coordinators keep it in a
// spreadsheet: a header "Staff ID", "Name", "Grade", then one column per
// date (YYYY-MM-DD); each row is one person with a shift code or nothing
// in each date's column. The CSV download is in this form, so a rota can
// be exported, edited in Excel and imported again.

// rotaGridRows is the rota as the file's rows, header first.
func rotaGridRows(v *elective.RotaView) [][]string {
	g := buildGrid(v, v.Rota.From, v.Rota.To.DaysSince(v.Rota.From)+1)
	header := []string{"Staff ID", "Name", "Grade"}
	for _, d := range g.Days {
		header = append(header, d.Date.String())
	}
	rows := [][]string{header}
	for _, row := range g.Rows {
		line := []string{strconv.FormatInt(row.Staff.ID, 10), csvSafe(row.Staff.DisplayName()), csvSafe(row.Staff.Grade)}
		for _, c := range row.Cells {
			line = append(line, csvSafe(c.Code))
		}
		rows = append(rows, line)
	}
	return rows
}

// parseRotaGrid reads a rota file into duties, naming the row and column
// of everything it cannot read; the service checks the people and codes.
func parseRotaGrid(r io.Reader) ([]elective.RotaDuty, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, elective.Errorf(elective.EINVALID, "The file is not a CSV file: %v", err)
	}
	if len(recs) < 2 || len(recs[0]) < 4 || !strings.EqualFold(strings.TrimPrefix(recs[0][0], "\ufeff"), "Staff ID") {
		return nil, elective.Errorf(elective.EINVALID, "The file must start with a header row: Staff ID, Name, Grade, then one column per date")
	}
	var p elective.Problems
	dates := make([]elective.Date, len(recs[0]))
	for c := 3; c < len(recs[0]); c++ {
		if dates[c], err = elective.ParseDate(strings.TrimSpace(recs[0][c])); err != nil {
			p.Add("file", "Header column %d: %q is not a date (YYYY-MM-DD)", c+1, recs[0][c])
		}
	}
	var out []elective.RotaDuty
	for i, rec := range recs[1:] {
		row := i + 2
		if len(rec) == 0 || (len(rec) == 1 && strings.TrimSpace(rec[0]) == "") {
			continue
		}
		id, err := strconv.ParseInt(strings.TrimSpace(rec[0]), 10, 64)
		if err != nil {
			p.Add("file", "Row %d: %q is not a staff ID", row, rec[0])
			continue
		}
		if len(rec) > len(recs[0]) {
			p.Add("file", "Row %d has more columns than the header", row)
			continue
		}
		for c := 3; c < len(rec); c++ {
			if code := strings.TrimSpace(rec[c]); code != "" && !dates[c].IsZero() {
				out = append(out, elective.RotaDuty{StaffID: id, Date: dates[c], ShiftCode: code})
			}
		}
	}
	return out, p.Err("The rota was not imported: nothing was changed")
}

func (s *Server) handleRotaImport(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := r.ParseMultipartForm(4 << 20); err != nil {
		return s.rotaError(w, r, fieldErr("file", "Choose a CSV file of at most 4 MB"))
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return s.rotaError(w, r, fieldErr("file", "Choose the rota file to import"))
	}
	defer f.Close()
	duties, err := parseRotaGrid(f)
	if err == nil {
		err = s.svc.Rotas.ImportRota(r.Context(), id, duties, hdr.Filename)
	}
	if err != nil {
		return s.rotaError(w, r, err)
	}
	return s.redirectWithFlash(w, r, rotaURL(id), fmt.Sprintf("Rota imported from %s: %d duties", hdr.Filename, len(duties)))
}

func (s *Server) rotaForDownload(r *http.Request) (*elective.RotaView, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	version, _ := strconv.Atoi(r.URL.Query().Get("version"))
	return s.svc.Rotas.FindRota(r.Context(), id, version)
}

func rotaFilename(v *elective.RotaView, ext string) string {
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, v.Rota.Team+"-"+v.Rota.Name)
	return fmt.Sprintf("rota-%s-v%d.%s", name, v.Rota.Version, ext)
}

func (s *Server) handleRotaCSV(w http.ResponseWriter, r *http.Request) error {
	v, err := s.rotaForDownload(r)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.WriteAll(rotaGridRows(v)); err != nil {
		return err
	}
	setAttachment(w, csvContentType, rotaFilename(v, "csv"))
	_, err = w.Write(buf.Bytes())
	return err
}

// handleRotaXLSX writes the rota as an Excel workbook: the grid, weekends
// shaded, then a sheet of the safety breaches and gaps.
func (s *Server) handleRotaXLSX(w http.ResponseWriter, r *http.Request) error {
	v, err := s.rotaForDownload(r)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Rota"
	f.SetSheetName("Sheet1", sheet)
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	for i, row := range rotaGridRows(v) {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &cells); err != nil {
			return err
		}
	}
	f.SetRowStyle(sheet, 1, 1, bold)
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 3, YSplit: 1, TopLeftCell: "D2", ActivePane: "bottomRight"})
	checks := "Checks"
	f.NewSheet(checks)
	f.SetSheetRow(checks, "A1", &[]any{"Kind", "Date", "Who or shift", "Rule", "Detail"})
	f.SetRowStyle(checks, 1, 1, bold)
	n := 2
	for _, x := range v.Check.Violations {
		cell, _ := excelize.CoordinatesToCellName(1, n)
		f.SetSheetRow(checks, cell, &[]any{"Safety breach", x.Date.String(), x.StaffName, x.Rule, x.Message})
		n++
	}
	for _, g := range v.Check.Gaps {
		cell, _ := excelize.CoordinatesToCellName(1, n)
		f.SetSheetRow(checks, cell, &[]any{"Gap", g.Date.String(), g.ShiftCode, fmt.Sprintf("%d short", g.Short), g.Why})
		n++
	}
	setAttachment(w, xlsxContentType, rotaFilename(v, "xlsx"))
	return f.Write(w)
}

// handleRotaICS writes the rota's duties as an iCalendar file (RFC 5545),
// one event a duty, for one person (?staff=ID) or the whole team, so
// doctors can see their shifts in their own calendars.
func (s *Server) handleRotaICS(w http.ResponseWriter, r *http.Request) error {
	v, err := s.rotaForDownload(r)
	if err != nil {
		return err
	}
	only := formInt64(r.URL.Query().Get("staff"))
	setAttachment(w, "text/calendar; charset=utf-8", rotaFilename(v, "ics"))
	_, err = io.WriteString(w, rotaICS(v, only, s.cfg.Location, s.cfg.Now().UTC()))
	return err
}

// rotaICS is the calendar text: lines end CRLF as RFC 5545 requires, and
// times are UTC so no time-zone block is needed.
func rotaICS(v *elective.RotaView, only int64, loc *time.Location, stamp time.Time) string {
	shifts := map[string]*elective.ShiftType{}
	for _, st := range v.Shifts {
		shifts[st.Code] = st
	}
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\r\n") }
	const utc = "20060102T150405Z"
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//Elective//Rota//EN")
	line("X-WR-CALNAME:" + icsText(v.Rota.Team+" "+v.Rota.Name))
	for _, d := range v.Duties {
		st := shifts[d.ShiftCode]
		if st == nil || (only != 0 && d.StaffID != only) {
			continue
		}
		start := d.Date.At(st.StartMinute/60, st.StartMinute%60, loc)
		line("BEGIN:VEVENT")
		line(fmt.Sprintf("UID:rota-%d-%d-%s@elective", v.Rota.ID, d.StaffID, d.Date))
		line("DTSTAMP:" + stamp.Format(utc))
		line("DTSTART:" + start.UTC().Format(utc))
		line("DTEND:" + start.Add(time.Duration(st.Minutes)*time.Minute).UTC().Format(utc))
		line("SUMMARY:" + icsText(st.Code+" "+st.Name+" – "+d.StaffName))
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return b.String()
}

// icsText escapes a TEXT value (RFC 5545 3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}
