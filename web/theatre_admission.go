package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// AdmissionOpen reports whether the list builder offers to record the
// admission of its cases: on the list's day and after it. A patient
// admitted the evening before is recorded on the day, with that date.
func (p *TheatreSessionViewPage) AdmissionOpen() bool {
	return p.Session != nil && p.Session.Status != elective.SessionReleased &&
		(p.OnTheDay || p.Milestone.Stage == theatre.StagePast)
}

// handleCaseAdmission records that a booked case's patient was admitted,
// and whether the procedure was performed; a performed one stops the RTT
// clock on the date of admission (rules.md 1.3.3, 1.3.4). It returns to
// the case's list, with the refusal shown there.
func (s *Server) handleCaseAdmission(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	session := formInt64(r.PostFormValue("session_id"))
	a := elective.CaseAdmission{CaseID: id, Treated: r.PostFormValue("treated") == "yes",
		Note: strings.TrimSpace(r.PostFormValue("note"))}
	// A date or number that does not parse is left zero: the rule asks
	// for one, naming the field.
	a.AdmittedOn, _ = elective.ParseDate(strings.TrimSpace(r.PostFormValue("admitted_on")))
	a.ActualMinutes, _ = strconv.Atoi(strings.TrimSpace(r.PostFormValue("actual_minutes")))
	if err := s.svc.Theatres.RecordAdmission(r.Context(), a); err != nil {
		return s.sessionRefused(w, r, session, err)
	}
	msg := "Admitted on " + a.AdmittedOn.Format("2 Jan 2006") + " and treated: the RTT clock stopped on the date of admission"
	if !a.Treated {
		msg = "Admitted on " + a.AdmittedOn.Format("2 Jan 2006") + ", procedure not performed: the RTT clock keeps running and the patient is waiting again"
	}
	return s.redirectWithFlash(w, r, sessionURL(session), msg)
}
