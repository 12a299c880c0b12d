package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.FollowUpService = (*FollowUpService)(nil)

// FollowUpService is a mock of elective.FollowUpService.
type FollowUpService struct {
	FindFollowUpsFn    func(ctx context.Context, f elective.FollowUpFilter) ([]*elective.FollowUp, error)
	AdvanceFollowUpsFn func(ctx context.Context) (int, int, error)
	DischargePIFUFn    func(ctx context.Context, id int64) error
}

// FindFollowUps calls FindFollowUpsFn.
func (s *FollowUpService) FindFollowUps(ctx context.Context, f elective.FollowUpFilter) ([]*elective.FollowUp, error) {
	return s.FindFollowUpsFn(ctx, f)
}

// AdvanceFollowUps calls AdvanceFollowUpsFn.
func (s *FollowUpService) AdvanceFollowUps(ctx context.Context) (int, int, error) {
	return s.AdvanceFollowUpsFn(ctx)
}

// DischargePIFU calls DischargePIFUFn.
func (s *FollowUpService) DischargePIFU(ctx context.Context, id int64) error {
	return s.DischargePIFUFn(ctx, id)
}
