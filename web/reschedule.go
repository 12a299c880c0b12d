package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/openelective/elective"
)

// MoveForm is a move as chosen on the form: the new slot, who asked and
// why, and how the patient was told.
type MoveForm struct {
	SlotID       int64
	ReasonCode   string
	Note         string
	Communicated elective.Communication
}

// handleAppointmentMove shows the page that moves a booked appointment.
func (s *Server) handleAppointmentMove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionBookAppointment); err != nil {
		return err
	}
	p, err := s.movePage(r.Context(), id, readSlotFilter(r.URL.Query().Get))
	if err != nil {
		return err
	}
	p.Form.Communicated = elective.CommunicatedByLetter
	return s.render(w, r, http.StatusOK, p)
}

// handleAppointmentMoveCreate moves the appointment; a refused move comes
// back with the problems marked and fresh slots.
func (s *Server) handleAppointmentMoveCreate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionBookAppointment); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := MoveForm{SlotID: formInt64(r.PostFormValue("slot_id")), ReasonCode: r.PostFormValue("reason_code"),
		Note: strings.TrimSpace(r.PostFormValue("note")), Communicated: elective.Communication(r.PostFormValue("communicated"))}
	appt, err := s.svc.Bookings.Reschedule(r.Context(), &elective.RescheduleRequest{AppointmentID: id, SlotID: form.SlotID,
		ReasonCode: form.ReasonCode, Note: form.Note, Communicated: form.Communicated})
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, patientURL(appt.PatientID),
			"Appointment moved to "+formatTime(appt.Start, s.cfg.Location, "2 Jan 2006 at 15:04")+". A change letter is on its way.")
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.movePage(r.Context(), id, readSlotFilter(r.PostFormValue))
		if perr != nil {
			return perr
		}
		p.Form = form
		p.Errors = slotErrors(err, &p.Form.SlotID)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// movePage loads the appointment, its patient and the free slots of its
// type in its specialty.
func (s *Server) movePage(ctx context.Context, id int64, f SlotFilterForm) (*AppointmentMovePage, error) {
	a, err := s.svc.Bookings.FindAppointmentByID(ctx, id)
	if err != nil {
		return nil, err
	}
	patient, err := s.svc.Patients.FindPatientByID(ctx, a.PatientID)
	if err != nil {
		return nil, err
	}
	pw, err := s.svc.Pathways.FindPathwayByID(ctx, a.PathwayID)
	if err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return nil, err
	}
	p := &AppointmentMovePage{Appointment: a, Patient: patient, Filter: f, SlotType: a.Type,
		Clinicians: lk.cliniciansIn(pw.SpecialtyID)}
	p.Title, p.Nav = "Move an appointment", NavWaitingList
	p.Clinician, p.Site = appointmentPlace(a, lk)
	if !a.Status.Active() || !a.Start.After(s.cfg.Now()) {
		p.Started = a.Status.Active()
		return p, nil
	}
	p.Days, err = s.freeSlots(ctx, pw.SpecialtyID, a.Type, pw.Priority, f, lk)
	return p, err
}
