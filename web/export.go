package web

import (
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Downloads hold patient data: only roles that may view the waiting list
// get them, the services audit every export, and nothing is cached.

// ptlColumn is one column of the PTL downloads. The CSV file and the
// workbook share the list, so both have the same columns in the same order.
type ptlColumn struct {
	Header string
	Width  float64 // the workbook's column width, in characters
	// Value is a string, an int or an elective.Date (zero for none).
	Value func(e *elective.PTLEntry, lk *lookup) any
}

var ptlColumns = []ptlColumn{
	{"PPID", 23, func(e *elective.PTLEntry, _ *lookup) any { return e.PPID }},
	{"NHS number", 12, func(e *elective.PTLEntry, _ *lookup) any { return e.NHSNumber }},
	{"Patient", 28, func(e *elective.PTLEntry, _ *lookup) any { return e.PatientName }},
	{"Specialty", 26, func(e *elective.PTLEntry, _ *lookup) any { return e.SpecialtyName }},
	{"TFC", 6, func(e *elective.PTLEntry, lk *lookup) any { return lk.specialtyCode(e.SpecialtyID) }},
	{"Consultant", 20, func(e *elective.PTLEntry, _ *lookup) any { return e.ClinicianName }},
	{"Site", 26, func(e *elective.PTLEntry, _ *lookup) any { return e.SiteName }},
	{"List", 20, func(e *elective.PTLEntry, _ *lookup) any { return e.ListType.Label() }},
	{"Priority", 14, func(e *elective.PTLEntry, _ *lookup) any { return e.Priority.Label() }},
	{"Clock start", 12, func(e *elective.PTLEntry, _ *lookup) any { return e.ClockStart }},
	{"Days waited", 8, func(e *elective.PTLEntry, _ *lookup) any { return e.DaysWaited }},
	{"Weeks waited", 8, func(e *elective.PTLEntry, _ *lookup) any { return rtt.WeeksWaited(e.DaysWaited) }},
	{"Band", 8, func(e *elective.PTLEntry, _ *lookup) any { return e.Band }},
	{"Breach date", 12, func(e *elective.PTLEntry, _ *lookup) any { return e.BreachDate }},
	{"Long wait", 10, func(e *elective.PTLEntry, _ *lookup) any { return longWaitLabel(e.DaysWaited) }},
	{"RTT status", 8, func(e *elective.PTLEntry, _ *lookup) any { return string(e.Status) }},
	{"Next activity", 12, func(e *elective.PTLEntry, _ *lookup) any { return e.NextActivity }},
	{"Last validated", 12, func(e *elective.PTLEntry, _ *lookup) any { return e.LastValidated }},
	{"Validation due", 12, func(e *elective.PTLEntry, _ *lookup) any { return e.ValidationDue }},
}

// longWaitLabel names the highest long-wait milestone passed, "52+" …
// "104+", or "" (rules.md 1.11).
func longWaitLabel(days int) string {
	if w := rtt.LongWaitWeeks(days); w > 0 {
		return strconv.Itoa(w) + "+"
	}
	return ""
}

// specialtyCode returns a specialty's treatment function code, "" for none.
func (l *lookup) specialtyCode(id int64) string {
	for _, sp := range l.specialties {
		if sp.ID == id {
			return sp.Code
		}
	}
	return ""
}

// ExportURL is the download of the filtered PTL in a format ("csv" or
// "xlsx"), with the form's filters and without the page.
func (f PTLFilterForm) ExportURL(format string) string {
	q := url.Values{}
	set := func(k, v string) {
		if v != "" && v != "0" {
			q.Set(k, v)
		}
	}
	set("specialty", strconv.FormatInt(f.SpecialtyID, 10))
	set("consultant", strconv.FormatInt(f.ClinicianID, 10))
	set("site", strconv.FormatInt(f.SiteID, 10))
	set("list", string(f.ListType))
	set("priority", string(f.Priority))
	if f.Booked != "all" {
		set("booked", f.Booked)
	}
	set("waited", f.Waited)
	set("breach_within", strconv.Itoa(f.BreachWithin))
	if f.ValidationDue {
		q.Set("validation_due", "1")
	}
	if f.Sort != elective.SortLongestWait {
		set("sort", string(f.Sort))
	}
	if len(q) == 0 {
		return "/ptl/export." + format
	}
	return "/ptl/export." + format + "?" + q.Encode()
}

// csvCell writes a column value as CSV text: dates in ISO form.
func csvCell(v any) string {
	switch v := v.(type) {
	case string:
		return csvSafe(v)
	case int:
		return strconv.Itoa(v)
	case elective.Date:
		return v.String()
	}
	return ""
}

// csvSafe stops a spreadsheet from reading text as a formula: a cell that
// begins with = + - or @ is prefixed with an apostrophe (OWASP CSV
// injection).
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// setAttachment marks a response as a file to save. Downloads hold patient
// data, so they are never cached.
func setAttachment(w http.ResponseWriter, contentType, filename string) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "no-store")
}

const csvContentType = "text/csv; charset=utf-8"

// download is a streamed attachment that starts when its first byte is
// written, so that an error before any data has left (a refused filter, a
// database fault) is still shown as an error page.
type download struct {
	w           http.ResponseWriter
	contentType string
	filename    string
	started     bool
}

func (d *download) Write(p []byte) (int, error) {
	if !d.started {
		setAttachment(d.w, d.contentType, d.filename)
		d.w.WriteHeader(http.StatusOK)
		d.started = true
	}
	return d.w.Write(p)
}

// finishCSV ends a streamed CSV download. An error before the first byte
// is returned, to be shown as a page. After it the response can only be cut
// short: the connection is aborted so that the browser reports a failed
// download instead of saving a truncated file that looks complete.
func (s *Server) finishCSV(r *http.Request, d *download, cw *csv.Writer, err error) error {
	if err == nil {
		cw.Flush()
		if err = cw.Error(); err == nil {
			return nil
		}
	}
	if !d.started {
		return err
	}
	if !errors.Is(err, context.Canceled) {
		s.logger.Error("download failed", "request_id", elective.RequestIDFromContext(r.Context()),
			"path", r.URL.Path, "err", err)
	}
	panic(http.ErrAbortHandler)
}

// ptlExport reads what every PTL download needs: the filter of the PTL
// page's query (without paging) at today, and the reference data for codes.
func (s *Server) ptlExport(r *http.Request) (elective.PTLFilter, *lookup, error) {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return elective.PTLFilter{}, nil, err
	}
	lk, err := s.loadLookup(r.Context())
	return readPTLFilter(r.URL.Query()).filter(s.today()), lk, err
}

// handlePTLExportCSV streams the filtered PTL as CSV, one row per pathway,
// in the PTL's order.
func (s *Server) handlePTLExportCSV(w http.ResponseWriter, r *http.Request) error {
	f, lk, err := s.ptlExport(r)
	if err != nil {
		return err
	}
	d := &download{w: w, contentType: csvContentType, filename: "ptl-" + f.Census.String() + ".csv"}
	cw := csv.NewWriter(d)
	header := make([]string, len(ptlColumns))
	for i, c := range ptlColumns {
		header[i] = c.Header
	}
	cw.Write(header)
	record := make([]string, len(ptlColumns))
	err = s.svc.Reports.ExportPTL(r.Context(), f, func(e *elective.PTLEntry) error {
		for i, c := range ptlColumns {
			record[i] = csvCell(c.Value(e, lk))
		}
		return cw.Write(record)
	})
	return s.finishCSV(r, d, cw, err)
}
