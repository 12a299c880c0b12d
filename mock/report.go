package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.ReportService = (*ReportService)(nil)

// ReportService is a mock of elective.ReportService.
type ReportService struct {
	PTLSummaryFn    func(ctx context.Context, census elective.Date) (*elective.PTLSummary, error)
	MonthlyReturnFn func(ctx context.Context, monthEnd elective.Date) (*elective.PTLSummary, error)
	TrendFn         func(ctx context.Context, today elective.Date, months int) ([]elective.SpecialtyTrend, error)
	ExportPTLFn     func(ctx context.Context, f elective.PTLFilter, fn func(*elective.PTLEntry) error) error
	ExportWLMDSFn   func(ctx context.Context, census elective.Date, fn func(*elective.WLMDSRecord) error) error
}

// PTLSummary calls PTLSummaryFn.
func (s *ReportService) PTLSummary(ctx context.Context, census elective.Date) (*elective.PTLSummary, error) {
	return s.PTLSummaryFn(ctx, census)
}

// MonthlyReturn calls MonthlyReturnFn.
func (s *ReportService) MonthlyReturn(ctx context.Context, monthEnd elective.Date) (*elective.PTLSummary, error) {
	return s.MonthlyReturnFn(ctx, monthEnd)
}

// Trend calls TrendFn.
func (s *ReportService) Trend(ctx context.Context, today elective.Date, months int) ([]elective.SpecialtyTrend, error) {
	return s.TrendFn(ctx, today, months)
}

// ExportPTL calls ExportPTLFn.
func (s *ReportService) ExportPTL(ctx context.Context, f elective.PTLFilter, fn func(*elective.PTLEntry) error) error {
	return s.ExportPTLFn(ctx, f, fn)
}

// ExportWLMDS calls ExportWLMDSFn.
func (s *ReportService) ExportWLMDS(ctx context.Context, census elective.Date, fn func(*elective.WLMDSRecord) error) error {
	return s.ExportWLMDSFn(ctx, census, fn)
}
