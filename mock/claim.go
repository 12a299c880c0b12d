package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.ClaimService = (*ClaimService)(nil)

// ClaimService is a mock of elective.ClaimService.
type ClaimService struct {
	SubmitClaimFn     func(ctx context.Context, c *elective.Claim) error
	FindClaimsFn      func(ctx context.Context, f elective.ClaimFilter) ([]*elective.Claim, error)
	DecideClaimFn     func(ctx context.Context, id int64, approve bool, reason string) (*elective.Claim, error)
	FillShiftFn       func(ctx context.Context, id int64, fill elective.FillStatus, staffID int64, agency string) (*elective.Claim, error)
	ExportPayrollFn   func(ctx context.Context, m elective.Month) ([]*elective.Claim, error)
	MileagePenceFn    func(ctx context.Context) (int, error)
	SetMileagePenceFn func(ctx context.Context, pence int) error
}

// SubmitClaim calls SubmitClaimFn.
func (s *ClaimService) SubmitClaim(ctx context.Context, c *elective.Claim) error {
	return s.SubmitClaimFn(ctx, c)
}

// FindClaims calls FindClaimsFn.
func (s *ClaimService) FindClaims(ctx context.Context, f elective.ClaimFilter) ([]*elective.Claim, error) {
	return s.FindClaimsFn(ctx, f)
}

// DecideClaim calls DecideClaimFn.
func (s *ClaimService) DecideClaim(ctx context.Context, id int64, approve bool, reason string) (*elective.Claim, error) {
	return s.DecideClaimFn(ctx, id, approve, reason)
}

// FillShift calls FillShiftFn.
func (s *ClaimService) FillShift(ctx context.Context, id int64, fill elective.FillStatus, staffID int64, agency string) (*elective.Claim, error) {
	return s.FillShiftFn(ctx, id, fill, staffID, agency)
}

// ExportPayroll calls ExportPayrollFn.
func (s *ClaimService) ExportPayroll(ctx context.Context, m elective.Month) ([]*elective.Claim, error) {
	return s.ExportPayrollFn(ctx, m)
}

// MileagePence calls MileagePenceFn.
func (s *ClaimService) MileagePence(ctx context.Context) (int, error) { return s.MileagePenceFn(ctx) }

// SetMileagePence calls SetMileagePenceFn.
func (s *ClaimService) SetMileagePence(ctx context.Context, pence int) error {
	return s.SetMileagePenceFn(ctx, pence)
}
