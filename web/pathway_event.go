package web

import (
	"net/http"
	"strings"

	"github.com/openelective/elective"
)

// EventForm is an event as typed on the pathway page: what happened and
// the facts its kind needs. The rules decide whether it may be recorded.
type EventForm struct {
	Kind               elective.EventKind
	Date               string // YYYY-MM-DD, today by default
	Outcome            elective.RTTStatus
	DelayUntil         string
	NewPeriod          bool
	AfterDNA           bool
	ClinicianConfirmed bool
	Purpose            elective.AdmissionPurpose
	Treated            bool
	Note               string
}

// Kinds lists the events staff record here.
func (EventForm) Kinds() []elective.EventKind { return elective.ManualEventKinds }

// StopCodes lists the codes an administrative clock stop may record
// (rules.md 1.4.4).
func (EventForm) StopCodes() []elective.RTTStatus {
	return []elective.RTTStatus{elective.RTTActiveMonitoringPatient, elective.RTTActiveMonitoringClinic,
		elective.RTTNotTreated, elective.RTTDeclined, elective.RTTDied}
}

// Purposes lists the admission purposes.
func (EventForm) Purposes() []elective.AdmissionPurpose {
	return []elective.AdmissionPurpose{elective.AdmitForTreatment, elective.AdmitForDiagnostic, elective.AdmitForPreOp}
}

// readEventForm reads the form. Dates that are not dates are form errors,
// reported before the service is asked.
func readEventForm(r *http.Request) (EventForm, *elective.PathwayEvent, elective.Problems) {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := EventForm{Kind: elective.EventKind(v("kind")), Date: v("date"), Outcome: elective.RTTStatus(v("outcome")),
		DelayUntil: v("delay_until"), NewPeriod: v("new_period") == "1", AfterDNA: v("after_dna") == "1",
		ClinicianConfirmed: v("clinician_confirmed") == "1", Purpose: elective.AdmissionPurpose(v("purpose")),
		Treated: v("treated") == "1", Note: v("note")}
	e := &elective.PathwayEvent{Kind: f.Kind, NewPeriod: f.NewPeriod, AfterDNA: f.AfterDNA,
		ClinicianConfirmed: f.ClinicianConfirmed, Note: f.Note}
	var probs elective.Problems
	if !f.Kind.IsManual() {
		probs.Add("kind", "Select what happened")
	}
	var err error
	if e.Date, err = elective.ParseDate(f.Date); err != nil {
		probs.Add("event_date", "Enter the date it happened, for example 2026-11-23")
	}
	switch f.Kind {
	case elective.EventAdminEvent:
		e.Outcome = f.Outcome
	case elective.EventDelayRequested:
		if e.DelayUntil, err = elective.ParseDate(f.DelayUntil); err != nil {
			probs.Add("delay_until", "Enter the first date the patient can come, for example 2027-02-01")
		}
	case elective.EventAdmitted:
		e.Purpose, e.Treated = f.Purpose, f.Treated
	}
	return f, e, probs
}

// handleEventCreate records an event a member of staff reports: a rebooking
// request, a clinician's decision, a discharge, a delay request. The rules
// refuse what breaks them, naming the rule, on the form.
func (s *Server) handleEventCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form, e, probs := readEventForm(r)
	e.PathwayID = id
	err = probs.Err("The event was not recorded")
	if err == nil {
		err = s.svc.Pathways.RecordEvent(r.Context(), e)
	}
	switch elective.ErrorCode(err) {
	case "":
		if e.Kind == elective.EventDecisionToTreat && elective.Can(elective.UserFromContext(r.Context()).Role, elective.ActionManageTheatres) {
			// A decision to treat is where the admitted list starts: go on to
			// list the patient with what the theatre team needs.
			return s.redirectWithFlash(w, r, pathwayURL(id)+"/admit", "Recorded: "+e.Kind.Label()+". Now add the patient to the admitted waiting list")
		}
		return s.redirectWithFlash(w, r, pathwayURL(id), "Recorded: "+e.Kind.Label())
	case elective.EINVALID:
		p, perr := s.pathwayPage(r.Context(), id)
		if perr != nil {
			return perr
		}
		p.EventForm, p.Errors = form, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}
