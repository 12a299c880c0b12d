package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.ExceptionReportService = (*ExceptionReportService)(nil)

// ExceptionReportService is a mock of elective.ExceptionReportService.
type ExceptionReportService struct {
	ExceptionDutiesFn       func(ctx context.Context, staffID int64, from, to elective.Date) ([]elective.ExceptionDuty, error)
	CreateExceptionReportFn func(ctx context.Context, r *elective.ExceptionReport) error
	FindExceptionReportFn   func(ctx context.Context, id int64) (*elective.ExceptionReport, error)
	FindExceptionReportsFn  func(ctx context.Context, f elective.ExceptionReportFilter) ([]*elective.ExceptionReport, error)
	AgreeExceptionOutcomeFn func(ctx context.Context, id int64, d elective.ExceptionDecision) (*elective.ExceptionReport, error)
}

// ExceptionDuties calls ExceptionDutiesFn.
func (s *ExceptionReportService) ExceptionDuties(ctx context.Context, staffID int64, from, to elective.Date) ([]elective.ExceptionDuty, error) {
	return s.ExceptionDutiesFn(ctx, staffID, from, to)
}

// CreateExceptionReport calls CreateExceptionReportFn.
func (s *ExceptionReportService) CreateExceptionReport(ctx context.Context, r *elective.ExceptionReport) error {
	return s.CreateExceptionReportFn(ctx, r)
}

// FindExceptionReport calls FindExceptionReportFn.
func (s *ExceptionReportService) FindExceptionReport(ctx context.Context, id int64) (*elective.ExceptionReport, error) {
	return s.FindExceptionReportFn(ctx, id)
}

// FindExceptionReports calls FindExceptionReportsFn.
func (s *ExceptionReportService) FindExceptionReports(ctx context.Context, f elective.ExceptionReportFilter) ([]*elective.ExceptionReport, error) {
	return s.FindExceptionReportsFn(ctx, f)
}

// AgreeExceptionOutcome calls AgreeExceptionOutcomeFn.
func (s *ExceptionReportService) AgreeExceptionOutcome(ctx context.Context, id int64, d elective.ExceptionDecision) (*elective.ExceptionReport, error) {
	return s.AgreeExceptionOutcomeFn(ctx, id, d)
}
