package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.StaffService = (*StaffService)(nil)

// StaffService is a mock of elective.StaffService.
type StaffService struct {
	CreateStaffMemberFn   func(ctx context.Context, s *elective.StaffMember) error
	UpdateStaffMemberFn   func(ctx context.Context, s *elective.StaffMember) error
	FindStaffMemberByIDFn func(ctx context.Context, id int64) (*elective.StaffMember, error)
	FindStaffFn           func(ctx context.Context, f elective.StaffFilter) ([]*elective.StaffMember, error)
}

// CreateStaffMember calls CreateStaffMemberFn.
func (s *StaffService) CreateStaffMember(ctx context.Context, m *elective.StaffMember) error {
	return s.CreateStaffMemberFn(ctx, m)
}

// UpdateStaffMember calls UpdateStaffMemberFn.
func (s *StaffService) UpdateStaffMember(ctx context.Context, m *elective.StaffMember) error {
	return s.UpdateStaffMemberFn(ctx, m)
}

// FindStaffMemberByID calls FindStaffMemberByIDFn.
func (s *StaffService) FindStaffMemberByID(ctx context.Context, id int64) (*elective.StaffMember, error) {
	return s.FindStaffMemberByIDFn(ctx, id)
}

// FindStaff calls FindStaffFn.
func (s *StaffService) FindStaff(ctx context.Context, f elective.StaffFilter) ([]*elective.StaffMember, error) {
	return s.FindStaffFn(ctx, f)
}
