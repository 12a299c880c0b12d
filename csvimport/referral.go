// Package csvimport reads referral import files: CSV with a header row, in
// the format documented in docs/referral-import.md. It turns rows into
// referral registrations and reports every bad row with its line number;
// the referral service then registers all of them or none.
package csvimport

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/openelective/elective"
)

// Columns lists the columns a referral file may have, in the documented
// order. Required columns must be present in the header; the rest may be
// left out.
var Columns = []Column{
	{"nhs_number", true}, {"title", false}, {"given_name", true}, {"family_name", true},
	{"birth_date", true}, {"sex", true}, {"address_line1", false}, {"address_line2", false},
	{"town", false}, {"postcode", false}, {"phone", false}, {"gp_practice", false},
	{"specialty_code", true}, {"consultant_code", false}, {"site_code", false},
	{"priority", true}, {"source", true}, {"ubrn", false}, {"received_date", true},
	{"original_start", false}, {"ppid", false}, {"ppid_issuer", false},
	{"referrer_code", false}, {"reason", false},
}

// Column is one column of the file format.
type Column struct {
	Name     string
	Required bool
}

// Codes maps the codes used in a file to reference-data ids.
type Codes struct {
	Specialties map[string]int64 // treatment function code → id
	Clinicians  map[string]int64 // consultant code → id
	Sites       map[string]int64 // site code → id
}

// MaxRows bounds a file, so a mistaken upload cannot exhaust memory.
const MaxRows = 100000

// ReadReferrals parses a referral file. It returns an *elective.ImportError
// listing every row it cannot read, or the registrations, each with its
// line number for the service's own checks.
func ReadReferrals(r io.Reader, codes Codes) ([]*elective.ReferralRegistration, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, &elective.ImportError{Rows: []elective.RowError{{Line: 1, Message: "the file has no header row: " + err.Error()}}}
	}
	index, err := headerIndex(header)
	if err != nil {
		return nil, &elective.ImportError{Rows: []elective.RowError{{Line: 1, Message: err.Error()}}}
	}
	var regs []*elective.ReferralRegistration
	var bad elective.ImportError
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			bad.Rows = append(bad.Rows, elective.RowError{Line: line, Message: "not valid CSV: " + err.Error()})
			continue
		}
		if len(regs)+len(bad.Rows) >= MaxRows {
			bad.Rows = append(bad.Rows, elective.RowError{Line: line, Message: fmt.Sprintf("a file may hold at most %d referrals", MaxRows)})
			break
		}
		reg, err := parseRow(rowReader{rec: rec, index: index}, codes)
		if err != nil {
			bad.Rows = append(bad.Rows, elective.RowError{Line: line, Message: err.Error()})
			continue
		}
		reg.Line = line
		regs = append(regs, reg)
	}
	if len(bad.Rows) > 0 {
		return nil, &bad
	}
	if len(regs) == 0 {
		return nil, &elective.ImportError{Rows: []elective.RowError{{Line: 2, Message: "the file has no referral rows"}}}
	}
	return regs, nil
}

// headerIndex maps column names to positions, refusing unknown and
// duplicate columns and reporting missing required ones.
func headerIndex(header []string) (map[string]int, error) {
	known := map[string]bool{}
	for _, c := range Columns {
		known[c.Name] = true
	}
	index := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		switch {
		case !known[h]:
			return nil, fmt.Errorf("unknown column %q (see docs/referral-import.md for the columns)", h)
		case index[h] != 0:
			return nil, fmt.Errorf("column %q appears twice", h)
		}
		index[h] = i + 1 // 0 means absent
	}
	var missing []string
	for _, c := range Columns {
		if c.Required && index[c.Name] == 0 {
			missing = append(missing, c.Name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("missing required columns: %s", strings.Join(missing, ", "))
	}
	return index, nil
}

// rowReader reads named fields of one record.
type rowReader struct {
	rec   []string
	index map[string]int
}

func (r rowReader) get(name string) string {
	i := r.index[name]
	if i == 0 || i > len(r.rec) {
		return ""
	}
	return strings.TrimSpace(r.rec[i-1])
}
