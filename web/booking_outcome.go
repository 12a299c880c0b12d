package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// outcomeStatuses are the outcomes the form offers, in form order.
var outcomeStatuses = []elective.AppointmentStatus{
	elective.AppointmentAttended, elective.AppointmentDNA,
	elective.AppointmentCancelledPatient, elective.AppointmentCancelledHospital,
}

// OutcomeForm is the outcome as chosen on the form.
type OutcomeForm struct {
	Status    elective.AppointmentStatus
	RTTStatus elective.RTTStatus
	Outcome   elective.OutcomeOfAttendance
	Reason    string
	// ReasonCode is a cancellation's structured reason (CancellationReasons).
	ReasonCode string
	// FollowUpDue (YYYY-MM-DD) and PIFU say how a later appointment is
	// managed (rules.md 3.4, 3.11).
	FollowUpDue string
	PIFU        bool
}

// handleAppointmentOutcome shows the outcome form for an appointment.
func (s *Server) handleAppointmentOutcome(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionRecordOutcome); err != nil {
		return err
	}
	p, err := s.outcomePage(r.Context(), id)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleAppointmentRecordOutcome records the outcome; a rejected outcome
// comes back with the problems marked.
func (s *Server) handleAppointmentRecordOutcome(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionRecordOutcome); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := readOutcomeForm(r)
	cmd := form.command(id)
	var appt *elective.Appointment
	if cancelled := cmd.Status == elective.AppointmentCancelledPatient || cmd.Status == elective.AppointmentCancelledHospital; cancelled && cmd.ReasonCode == "" {
		err = &elective.Error{Code: elective.EINVALID, Message: "The outcome was not recorded",
			Fields: []elective.FieldError{{Field: "reason_code", Message: "Select who cancelled and why"}}}
	} else {
		appt, err = s.svc.Bookings.RecordOutcome(r.Context(), cmd)
	}
	switch elective.ErrorCode(err) {
	case "":
		if cmd.Outcome == elective.OutcomeAppointmentLater && !cmd.PIFU && access.BookBeforeLeaving(cmd.FollowUpDue, s.today(), s.cfg.Policy) {
			return s.redirectWithFlash(w, r, pathwayURL(appt.PathwayID)+"/book",
				"Outcome recorded. The follow-up is due by "+cmd.FollowUpDue.Format("2 Jan 2006")+": book it before the patient leaves")
		}
		return s.redirectWithFlash(w, r, patientURL(appt.PatientID), "Outcome recorded: "+appt.Status.Label())
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.outcomePage(r.Context(), id)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = form, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

func readOutcomeForm(r *http.Request) OutcomeForm {
	return OutcomeForm{
		Status:      elective.AppointmentStatus(r.PostFormValue("status")),
		RTTStatus:   elective.RTTStatus(r.PostFormValue("rtt_status")),
		Outcome:     elective.OutcomeOfAttendance(r.PostFormValue("outcome")),
		Reason:      strings.TrimSpace(r.PostFormValue("reason")),
		ReasonCode:  r.PostFormValue("reason_code"),
		FollowUpDue: strings.TrimSpace(r.PostFormValue("follow_up_due")),
		PIFU:        r.PostFormValue("pifu") == "1",
	}
}

// handleAppointmentCorrect corrects an attendance or non-attendance
// recorded in error; a refused correction comes back with the problems.
func (s *Server) handleAppointmentCorrect(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionCorrectOutcome); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := readOutcomeForm(r)
	appt, err := s.svc.Bookings.CorrectOutcome(r.Context(), form.command(id))
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, patientURL(appt.PatientID), "Outcome corrected: "+appt.Status.Label())
	case elective.EINVALID:
		p, perr := s.outcomePage(r.Context(), id)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = form, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// command builds the outcome command. The RTT status and outcome of
// attendance belong to attendance only: the hidden (conditionally revealed)
// fields are still posted when another outcome is chosen, so drop them.
func (f OutcomeForm) command(appointmentID int64) *elective.AppointmentOutcome {
	o := &elective.AppointmentOutcome{AppointmentID: appointmentID, Status: f.Status, Reason: f.Reason}
	if f.Status == elective.AppointmentCancelledPatient || f.Status == elective.AppointmentCancelledHospital {
		o.ReasonCode = f.ReasonCode
	}
	if f.Status == elective.AppointmentAttended {
		o.RTTStatus, o.Outcome = f.RTTStatus, f.Outcome
	}
	if o.Outcome == elective.OutcomeAppointmentLater {
		o.FollowUpDue, _ = elective.ParseDate(f.FollowUpDue) // a bad date is left zero: the rules ask for one
		o.PIFU = f.PIFU
	}
	return o
}

// outcomePage loads the appointment and its patient.
func (s *Server) outcomePage(ctx context.Context, id int64) (*AppointmentOutcomePage, error) {
	appt, err := s.svc.Bookings.FindAppointmentByID(ctx, id)
	if err != nil {
		return nil, err
	}
	patient, err := s.svc.Patients.FindPatientByID(ctx, appt.PatientID)
	if err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return nil, err
	}
	p := &AppointmentOutcomePage{Appointment: appt, Patient: patient, FullBookDays: s.cfg.Policy.FullBookHorizonDays}
	if u := elective.UserFromContext(ctx); u != nil && elective.Can(u.Role, elective.ActionCorrectOutcome) &&
		(appt.Status == elective.AppointmentAttended || appt.Status == elective.AppointmentDNA) {
		p.Correcting = true
		p.Form = OutcomeForm{Status: appt.Status, RTTStatus: appt.RTTStatus, Outcome: appt.Outcome}
	}
	if appt.Communicated == elective.CommunicatedByLetter && appt.Status.Active() {
		msgs, err := s.svc.Outbox.FindMessages(ctx, appt.PatientID)
		if err != nil {
			return nil, err
		}
		p.LetterNotSent = !appt.Told(msgs)
	}
	p.Clinician, p.Site = appointmentPlace(appt, lk)
	p.Title, p.Nav = "Record the outcome", NavHome
	return p, nil
}
