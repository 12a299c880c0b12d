package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.LeaveService = (*LeaveService)(nil)

// LeaveService is a mock of elective.LeaveService.
type LeaveService struct {
	RequestLeaveFn        func(ctx context.Context, r *elective.LeaveRequest) error
	FindLeaveRequestsFn   func(ctx context.Context, f elective.LeaveFilter) ([]*elective.LeaveRequest, error)
	FindLeaveRequestFn    func(ctx context.Context, id int64) (*elective.LeaveRequest, error)
	PreviewLeaveFn        func(ctx context.Context, id int64) (*elective.LeaveImpact, error)
	ApproveLeaveFn        func(ctx context.Context, id int64, note string) (*elective.LeaveOutcome, error)
	DeclineLeaveFn        func(ctx context.Context, id int64, reason string) error
	CancelLeaveFn         func(ctx context.Context, id int64, reason string) error
	FindLeaveBalanceFn    func(ctx context.Context, staffID int64, on elective.Date) (*elective.LeaveBalance, error)
	SetLeaveEntitlementFn func(ctx context.Context, e *elective.LeaveEntitlement) error
}

// RequestLeave calls RequestLeaveFn.
func (s *LeaveService) RequestLeave(ctx context.Context, r *elective.LeaveRequest) error {
	return s.RequestLeaveFn(ctx, r)
}

// FindLeaveRequests calls FindLeaveRequestsFn.
func (s *LeaveService) FindLeaveRequests(ctx context.Context, f elective.LeaveFilter) ([]*elective.LeaveRequest, error) {
	return s.FindLeaveRequestsFn(ctx, f)
}

// FindLeaveRequest calls FindLeaveRequestFn.
func (s *LeaveService) FindLeaveRequest(ctx context.Context, id int64) (*elective.LeaveRequest, error) {
	return s.FindLeaveRequestFn(ctx, id)
}

// PreviewLeave calls PreviewLeaveFn.
func (s *LeaveService) PreviewLeave(ctx context.Context, id int64) (*elective.LeaveImpact, error) {
	return s.PreviewLeaveFn(ctx, id)
}

// ApproveLeave calls ApproveLeaveFn.
func (s *LeaveService) ApproveLeave(ctx context.Context, id int64, note string) (*elective.LeaveOutcome, error) {
	return s.ApproveLeaveFn(ctx, id, note)
}

// DeclineLeave calls DeclineLeaveFn.
func (s *LeaveService) DeclineLeave(ctx context.Context, id int64, reason string) error {
	return s.DeclineLeaveFn(ctx, id, reason)
}

// CancelLeave calls CancelLeaveFn.
func (s *LeaveService) CancelLeave(ctx context.Context, id int64, reason string) error {
	return s.CancelLeaveFn(ctx, id, reason)
}

// FindLeaveBalance calls FindLeaveBalanceFn.
func (s *LeaveService) FindLeaveBalance(ctx context.Context, staffID int64, on elective.Date) (*elective.LeaveBalance, error) {
	return s.FindLeaveBalanceFn(ctx, staffID, on)
}

// SetLeaveEntitlement calls SetLeaveEntitlementFn.
func (s *LeaveService) SetLeaveEntitlement(ctx context.Context, e *elective.LeaveEntitlement) error {
	return s.SetLeaveEntitlementFn(ctx, e)
}
