package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.ReferralService = (*ReferralService)(nil)

// ReferralService is a mock of elective.ReferralService.
type ReferralService struct {
	RegisterReferralFn       func(ctx context.Context, reg *elective.ReferralRegistration) (*elective.Referral, error)
	ReceiveERSFn             func(ctx context.Context, reg *elective.ReferralRegistration) (*elective.Referral, *elective.Appointment, error)
	ImportReferralsFn        func(ctx context.Context, regs []*elective.ReferralRegistration) (int, error)
	FindReferralsByPatientFn func(ctx context.Context, patientID int64) ([]*elective.Referral, error)
}

// RegisterReferral calls RegisterReferralFn.
func (s *ReferralService) RegisterReferral(ctx context.Context, reg *elective.ReferralRegistration) (*elective.Referral, error) {
	return s.RegisterReferralFn(ctx, reg)
}

// ImportReferrals calls ImportReferralsFn.
func (s *ReferralService) ImportReferrals(ctx context.Context, regs []*elective.ReferralRegistration) (int, error) {
	return s.ImportReferralsFn(ctx, regs)
}

// FindReferralsByPatient calls FindReferralsByPatientFn.
func (s *ReferralService) FindReferralsByPatient(ctx context.Context, patientID int64) ([]*elective.Referral, error) {
	return s.FindReferralsByPatientFn(ctx, patientID)
}

// ReceiveERS calls ReceiveERSFn.
func (s *ReferralService) ReceiveERS(ctx context.Context, reg *elective.ReferralRegistration) (*elective.Referral, *elective.Appointment, error) {
	return s.ReceiveERSFn(ctx, reg)
}
