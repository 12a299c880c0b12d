package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// ReceiveERS registers an e-RS referral and books its earliest free
// new-patient slot inside the booking window, or defers it to the ASI
// worklist, in one transaction.
func (s *ReferralService) ReceiveERS(ctx context.Context, reg *elective.ReferralRegistration) (*elective.Referral, *elective.Appointment, error) {
	if err := authorize(ctx, elective.ActionRegisterReferral); err != nil {
		return nil, nil, err
	}
	today := s.db.today(s.db.Now())
	reg.Referral.Source, reg.Referral.ReceivedDate = elective.SourceERS, today
	if err := reg.Validate(today); err != nil {
		return nil, nil, err
	}
	var appt *elective.Appointment
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		appt, err = tx.receiveERS(reg)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return &reg.Referral, appt, nil
}

func (tx *Tx) receiveERS(reg *elective.ReferralRegistration) (*elective.Appointment, error) {
	ref := &reg.Referral
	slots, err := tx.freeSlotTimes(ref.SpecialtyID, elective.SlotNew, tx.now, 1)
	if err != nil {
		return nil, err
	}
	end := access.ERSBookingWindowEnd(tx.today(), ref.Priority, tx.db.Policy)
	if len(slots) == 0 || elective.DateOf(slots[0].Start, tx.db.Location).After(end) {
		ref.Source = elective.SourceERSASI
		return nil, tx.registerReferral(reg)
	}
	if err := tx.registerReferral(reg); err != nil {
		return nil, err
	}
	return tx.book(&elective.BookingRequest{PathwayID: ref.PathwayID, SlotID: slots[0].ID, Communicated: elective.CommunicatedERS})
}
