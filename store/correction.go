package store

import (
	"context"

	"github.com/openelective/elective"
)

// CorrectOutcome replaces an outcome recorded in error, voiding its event.
func (s *BookingService) CorrectOutcome(ctx context.Context, o *elective.AppointmentOutcome) (*elective.Appointment, error) {
	if err := authorize(ctx, elective.ActionCorrectOutcome); err != nil {
		return nil, err
	}
	var a *elective.Appointment
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		a, err = tx.correctOutcome(o)
		return err
	})
	return a, err
}

func (tx *Tx) correctOutcome(o *elective.AppointmentOutcome) (*elective.Appointment, error) {
	a, err := tx.findAppointment(o.AppointmentID)
	if err != nil {
		return nil, err
	}
	if err := o.ValidateCorrection(a, tx.db.Location, tx.now); err != nil {
		return nil, err
	}
	p, patient, _, err := tx.pathwayState(a.PathwayID)
	if err != nil {
		return nil, err
	}
	wrong := outcomeEvent(p, a.ID)
	if wrong == nil {
		return nil, elective.Errorf(elective.EINVALID, "The outcome of this appointment is not on its pathway, so it cannot be corrected here")
	}
	was := a.Status.Label()
	if a.RTTStatus != "" {
		was += " (RTT " + string(a.RTTStatus) + ")"
	}
	void := &elective.PathwayEvent{Kind: elective.EventEnteredInError, Date: tx.today(), Voids: wrong.Seq,
		AppointmentID: a.ID, Note: o.Reason}
	if err := tx.saveOutcome(a, p, patient, o, "Corrected: recorded as "+was+" in error. "+o.Reason,
		"The outcome was not corrected", void); err != nil {
		return nil, err
	}
	return a, tx.audit("appointment.correct", a.PatientID, "appointment="+itoa64(a.ID)+" was="+string(wrong.Kind)+" now="+string(a.Status))
}

// outcomeEvent is the attendance or non-attendance event still standing
// for an appointment: the latest one not voided since.
func outcomeEvent(p *elective.Pathway, appointmentID int64) *elective.PathwayEvent {
	voided := map[int]bool{}
	for _, e := range p.Events {
		if e.Kind == elective.EventEnteredInError {
			voided[e.Voids] = true
		}
	}
	var found *elective.PathwayEvent
	for _, e := range p.Events {
		if e.AppointmentID == appointmentID && (e.Kind == elective.EventAttended || e.Kind == elective.EventDNA) && !voided[e.Seq] {
			found = e
		}
	}
	return found
}
