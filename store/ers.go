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
	slot, err := tx.ersSlot(ref)
	if err != nil {
		return nil, err
	}
	if slot == nil {
		ref.Source = elective.SourceERSASI
		return nil, tx.registerReferral(reg)
	}
	if err := tx.registerReferral(reg); err != nil {
		return nil, err
	}
	return tx.book(&elective.BookingRequest{PathwayID: ref.PathwayID, SlotID: slot.ID, Communicated: elective.CommunicatedERS})
}

// ersSlot finds the earliest free new-patient slot e-RS may offer the
// referral inside its booking window: not local only, and open to its
// priority (Slot.OpenTo). Nil when there is none.
func (tx *Tx) ersSlot(ref *elective.Referral) (*elective.Slot, error) {
	end := access.ERSBookingWindowEnd(tx.today(), ref.Priority, tx.db.Policy)
	rules := tx.db.slotRules()
	var found *elective.Slot
	err := tx.freeSlotBatches(ref.SpecialtyID, elective.SlotNew, tx.now, func(slots []*elective.Slot) bool {
		for _, sl := range slots {
			if elective.DateOf(sl.Start, rules.Location).After(end) {
				return true
			}
			if !sl.LocalOnly && sl.OpenTo(ref.Priority, tx.today(), rules.Location, rules.UrgentReleaseDays) == nil {
				found = sl
				return true
			}
		}
		return false
	})
	return found, err
}
