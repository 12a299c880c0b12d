package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.UtilisationService = (*UtilisationService)(nil)

// UtilisationService is a mock of elective.UtilisationService.
type UtilisationService struct {
	SessionUtilisationFn func(ctx context.Context, f elective.UtilisationFilter) ([]*elective.SessionUtilisation, error)
	CapacityDemandFn     func(ctx context.Context, today elective.Date, weeks int) ([]*elective.CapacityDemand, error)
}

// SessionUtilisation calls SessionUtilisationFn.
func (s *UtilisationService) SessionUtilisation(ctx context.Context, f elective.UtilisationFilter) ([]*elective.SessionUtilisation, error) {
	return s.SessionUtilisationFn(ctx, f)
}

// CapacityDemand calls CapacityDemandFn.
func (s *UtilisationService) CapacityDemand(ctx context.Context, today elective.Date, weeks int) ([]*elective.CapacityDemand, error) {
	return s.CapacityDemandFn(ctx, today, weeks)
}
