package web

import (
	"net/http"
	"strings"

	"github.com/openelective/elective"
)

// handleHome shows the start page: patient search, the main tasks and the
// keyboard shortcuts.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	p := &HomePage{}
	p.Title, p.Nav = "Home", NavHome
	return s.render(w, r, http.StatusOK, p)
}

// handleAuditIndex shows the access history of the patient whose NHS number
// an administrator typed on the home page: audit officers may read the
// trail without being allowed to open records.
func (s *Server) handleAuditIndex(w http.ResponseWriter, r *http.Request) error {
	nhs := strings.TrimSpace(r.URL.Query().Get("nhs_number"))
	if msg := elective.CheckNHSNumber(elective.NormalizeNHSNumber(nhs)); msg != "" {
		return elective.Errorf(elective.EINVALID, "%s", msg)
	}
	events, err := s.svc.Audit.FindAuditEvents(r.Context(), elective.AuditFilter{NHSNumber: nhs, Limit: 500})
	if err != nil {
		return err
	}
	p := &PatientAuditPage{NHSNumber: elective.NormalizeNHSNumber(nhs), Events: events}
	p.Title, p.Nav = "Access history", NavHome
	return s.render(w, r, http.StatusOK, p)
}
