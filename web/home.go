package web

import (
	"fmt"
	"net/http"

	"github.com/openelective/elective"
)

// handleHome shows the start page: patient search, the main tasks and the
// keyboard shortcuts.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	p := &HomePage{}
	p.Title, p.Nav = "Home", NavHome
	return s.render(w, r, http.StatusOK, p)
}

// handleAuditIndex takes the patient ID typed on the home page to that
// patient's access history. Administrators, who read the audit trail, may
// not open patient records, so they cannot reach it from the record.
func (s *Server) handleAuditIndex(w http.ResponseWriter, r *http.Request) error {
	id := formInt64(r.URL.Query().Get("patient_id"))
	if id == 0 {
		return elective.Errorf(elective.EINVALID, "Enter the patient's ID, a number shown in the address of their record.")
	}
	http.Redirect(w, r, fmt.Sprintf("/patients/%d/audit", id), http.StatusSeeOther)
	return nil
}
