package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.PathwayService = (*PathwayService)(nil)

// PathwayService is a mock of elective.PathwayService.
type PathwayService struct {
	FindPathwayByIDFn       func(ctx context.Context, id int64) (*elective.Pathway, error)
	FindPathwaysByPatientFn func(ctx context.Context, patientID int64) ([]*elective.Pathway, error)
	RecordValidationFn      func(ctx context.Context, v *elective.Validation) error
	RecordEventFn           func(ctx context.Context, e *elective.PathwayEvent) error
}

// FindPathwayByID calls FindPathwayByIDFn.
func (s *PathwayService) FindPathwayByID(ctx context.Context, id int64) (*elective.Pathway, error) {
	return s.FindPathwayByIDFn(ctx, id)
}

// FindPathwaysByPatient calls FindPathwaysByPatientFn.
func (s *PathwayService) FindPathwaysByPatient(ctx context.Context, patientID int64) ([]*elective.Pathway, error) {
	return s.FindPathwaysByPatientFn(ctx, patientID)
}

// RecordValidation calls RecordValidationFn.
func (s *PathwayService) RecordValidation(ctx context.Context, v *elective.Validation) error {
	return s.RecordValidationFn(ctx, v)
}

// RecordEvent calls RecordEventFn.
func (s *PathwayService) RecordEvent(ctx context.Context, e *elective.PathwayEvent) error {
	return s.RecordEventFn(ctx, e)
}
