package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.OfferService = (*OfferService)(nil)

// OfferService is a mock of elective.OfferService.
type OfferService struct {
	EarliestOffersFn       func(ctx context.Context, pathwayID int64, n int, shortNotice bool) ([]*elective.Slot, error)
	RecordOfferFn          func(ctx context.Context, o *elective.Offer) error
	FindOffersFn           func(ctx context.Context, pathwayID int64) ([]*elective.Offer, error)
	AddUnavailabilityFn    func(ctx context.Context, u *elective.Unavailability) error
	FindUnavailabilityFn   func(ctx context.Context, patientID int64) ([]*elective.Unavailability, error)
	RemoveUnavailabilityFn func(ctx context.Context, id int64) error
	NextPatientsFn         func(ctx context.Context, slotID int64, limit int) (*elective.Slot, []*elective.SlotCandidate, error)
}

// EarliestOffers calls EarliestOffersFn.
func (s *OfferService) EarliestOffers(ctx context.Context, pathwayID int64, n int, shortNotice bool) ([]*elective.Slot, error) {
	return s.EarliestOffersFn(ctx, pathwayID, n, shortNotice)
}

// RecordOffer calls RecordOfferFn.
func (s *OfferService) RecordOffer(ctx context.Context, o *elective.Offer) error {
	return s.RecordOfferFn(ctx, o)
}

// FindOffers calls FindOffersFn.
func (s *OfferService) FindOffers(ctx context.Context, pathwayID int64) ([]*elective.Offer, error) {
	return s.FindOffersFn(ctx, pathwayID)
}

// AddUnavailability calls AddUnavailabilityFn.
func (s *OfferService) AddUnavailability(ctx context.Context, u *elective.Unavailability) error {
	return s.AddUnavailabilityFn(ctx, u)
}

// FindUnavailability calls FindUnavailabilityFn.
func (s *OfferService) FindUnavailability(ctx context.Context, patientID int64) ([]*elective.Unavailability, error) {
	return s.FindUnavailabilityFn(ctx, patientID)
}

// RemoveUnavailability calls RemoveUnavailabilityFn.
func (s *OfferService) RemoveUnavailability(ctx context.Context, id int64) error {
	return s.RemoveUnavailabilityFn(ctx, id)
}

// NextPatients calls NextPatientsFn.
func (s *OfferService) NextPatients(ctx context.Context, slotID int64, limit int) (*elective.Slot, []*elective.SlotCandidate, error) {
	return s.NextPatientsFn(ctx, slotID, limit)
}
