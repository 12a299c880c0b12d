package store

import (
	"context"

	"github.com/openelective/elective"
)

// Reschedule cancels a booked appointment for whoever asked and books its
// replacement in one transaction, with one change letter instead of a
// cancellation letter and an appointment letter.
func (s *BookingService) Reschedule(ctx context.Context, req *elective.RescheduleRequest) (*elective.Appointment, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return nil, err
	}
	reason, err := req.Validate()
	if err != nil {
		return nil, err
	}
	var a *elective.Appointment
	err = s.db.update(ctx, func(tx *Tx) error {
		var err error
		a, err = tx.reschedule(req, reason)
		return err
	})
	return a, err
}

func (tx *Tx) reschedule(req *elective.RescheduleRequest, reason *elective.CancellationReason) (*elective.Appointment, error) {
	old, err := tx.findAppointment(req.AppointmentID)
	if err != nil {
		return nil, err
	}
	if !old.Status.Active() {
		return nil, elective.Errorf(elective.EINVALID, "This appointment is already recorded as %s, so it cannot be moved", old.Status.Label())
	}
	if !old.Start.After(tx.now) {
		return nil, elective.Errorf(elective.EINVALID, "This appointment has started: record what happened instead of moving it")
	}
	if old.SlotID == req.SlotID {
		return nil, elective.Errorf(elective.EINVALID, "Choose a different slot: that is the appointment being moved")
	}
	if _, _, err := tx.applyOutcome(&elective.AppointmentOutcome{AppointmentID: old.ID, Status: reason.By,
		Reason: req.Text(reason)}); err != nil {
		return nil, err
	}
	a, patient, err := tx.bookSlot(&elective.BookingRequest{PathwayID: old.PathwayID, SlotID: req.SlotID,
		Communicated: req.Communicated, Replaces: old.ID})
	if err != nil {
		return nil, err
	}
	if err := tx.queueLetter(elective.MsgChange, patient, a.PathwayID, a.ID, "change:"+itoa64(a.ID)); err != nil {
		return nil, err
	}
	return a, tx.audit("appointment.reschedule", a.PatientID, "from="+itoa64(old.ID)+" to="+itoa64(a.ID)+" reason="+reason.Code)
}
