package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.OrganisationService = (*OrganisationService)(nil)

// OrganisationService is a mock of elective.OrganisationService.
type OrganisationService struct {
	FindOrganisationFn func(ctx context.Context) (*elective.Organisation, error)
	FindSitesFn        func(ctx context.Context) ([]*elective.Site, error)
	FindSpecialtiesFn  func(ctx context.Context) ([]*elective.Specialty, error)
	FindCliniciansFn   func(ctx context.Context, specialtyID int64) ([]*elective.Clinician, error)
}

// FindOrganisation calls FindOrganisationFn.
func (s *OrganisationService) FindOrganisation(ctx context.Context) (*elective.Organisation, error) {
	return s.FindOrganisationFn(ctx)
}

// FindSites calls FindSitesFn.
func (s *OrganisationService) FindSites(ctx context.Context) ([]*elective.Site, error) {
	return s.FindSitesFn(ctx)
}

// FindSpecialties calls FindSpecialtiesFn.
func (s *OrganisationService) FindSpecialties(ctx context.Context) ([]*elective.Specialty, error) {
	return s.FindSpecialtiesFn(ctx)
}

// FindClinicians calls FindCliniciansFn.
func (s *OrganisationService) FindClinicians(ctx context.Context, specialtyID int64) ([]*elective.Clinician, error) {
	return s.FindCliniciansFn(ctx, specialtyID)
}
