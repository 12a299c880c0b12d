package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// handleTheatreSessionsCSV downloads the theatre lists of the page's
// filters with their utilisation and 6-4-2 stage, one row per list, for
// the managers' spreadsheets. It reads no patient's record.
func (s *Server) handleTheatreSessionsCSV(w http.ResponseWriter, r *http.Request) error {
	p, err := s.theatreSessionIndex(r)
	if err != nil {
		return err
	}
	d := &download{w: w, contentType: csvContentType, filename: "theatre-lists-" + p.From.String() + ".csv"}
	cw := csv.NewWriter(d)
	cw.Write([]string{"Date", "Part of day", "Start", "Theatre", "Specialty", "Surgeon", "Anaesthetist", "List type",
		"Session minutes", "Booked minutes", "Cases", "Utilisation %", "Capped utilisation %", "Status", "6-4-2"})
	for _, row := range p.Rows {
		ts := row.Session
		_, _, pct, capped := theatre.Utilisation([]*elective.TheatreSession{ts})
		err = cw.Write([]string{ts.Date.String(), ts.Period.Label(), hhmm(ts.StartMinute), csvSafe(ts.TheatreName),
			csvSafe(ts.SpecialtyName), csvSafe(ts.SurgeonName), csvSafe(ts.Anaesthetist), string(ts.ListType),
			strconv.Itoa(ts.Minutes), strconv.Itoa(row.Booked), strconv.Itoa(len(ts.Cases)),
			strconv.FormatFloat(pct, 'f', 1, 64), strconv.FormatFloat(capped, 'f', 1, 64), string(ts.Status), row.Milestone.Text})
		if err != nil {
			break
		}
	}
	return s.finishCSV(r, d, cw, err)
}

// ExportURL is the CSV download of the lists shown, with the filters.
func (p *TheatreSessionIndexPage) ExportURL() string {
	u := "/theatre-sessions/export.csv?from=" + p.From.String() + "&weeks=" + strconv.Itoa(p.Weeks) +
		"&specialty_id=" + strconv.FormatInt(p.SpecialtyID, 10) + "&theatre_id=" + strconv.FormatInt(p.TheatreID, 10)
	if p.ActionsOnly {
		u += "&actions=1"
	}
	return u
}

// hhmm is minutes after midnight as a 24-hour time.
func hhmm(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
