package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.PatientService = (*PatientService)(nil)

// PatientService is a mock of elective.PatientService.
type PatientService struct {
	FindPatientByIDFn func(ctx context.Context, id int64) (*elective.Patient, error)
	FindPatientsFn    func(ctx context.Context, filter elective.PatientFilter) ([]*elective.Patient, int, error)
}

// FindPatientByID calls FindPatientByIDFn.
func (s *PatientService) FindPatientByID(ctx context.Context, id int64) (*elective.Patient, error) {
	return s.FindPatientByIDFn(ctx, id)
}

// FindPatients calls FindPatientsFn.
func (s *PatientService) FindPatients(ctx context.Context, filter elective.PatientFilter) ([]*elective.Patient, int, error) {
	return s.FindPatientsFn(ctx, filter)
}
