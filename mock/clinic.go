package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.ClinicService = (*ClinicService)(nil)

// ClinicService is a mock of elective.ClinicService.
type ClinicService struct {
	CreateClinicTemplateFn func(ctx context.Context, t *elective.ClinicTemplate) error
	FindClinicTemplatesFn  func(ctx context.Context, specialtyID int64) ([]*elective.ClinicTemplate, error)
	FindClinicTemplateFn   func(ctx context.Context, id int64) (*elective.ClinicTemplate, error)
	AddTemplateExceptionFn func(ctx context.Context, templateID int64, e elective.TemplateException) error
	GenerateSessionsFn     func(ctx context.Context, from, to elective.Date) (int, error)
	FindSlotsFn            func(ctx context.Context, filter elective.SlotFilter) ([]*elective.Slot, error)
}

// CreateClinicTemplate calls CreateClinicTemplateFn.
func (s *ClinicService) CreateClinicTemplate(ctx context.Context, t *elective.ClinicTemplate) error {
	return s.CreateClinicTemplateFn(ctx, t)
}

// FindClinicTemplates calls FindClinicTemplatesFn.
func (s *ClinicService) FindClinicTemplates(ctx context.Context, specialtyID int64) ([]*elective.ClinicTemplate, error) {
	return s.FindClinicTemplatesFn(ctx, specialtyID)
}

// GenerateSessions calls GenerateSessionsFn.
func (s *ClinicService) GenerateSessions(ctx context.Context, from, to elective.Date) (int, error) {
	return s.GenerateSessionsFn(ctx, from, to)
}

// FindSlots calls FindSlotsFn.
func (s *ClinicService) FindSlots(ctx context.Context, filter elective.SlotFilter) ([]*elective.Slot, error) {
	return s.FindSlotsFn(ctx, filter)
}

// FindClinicTemplate calls FindClinicTemplateFn.
func (s *ClinicService) FindClinicTemplate(ctx context.Context, id int64) (*elective.ClinicTemplate, error) {
	return s.FindClinicTemplateFn(ctx, id)
}

// AddTemplateException calls AddTemplateExceptionFn.
func (s *ClinicService) AddTemplateException(ctx context.Context, templateID int64, e elective.TemplateException) error {
	return s.AddTemplateExceptionFn(ctx, templateID, e)
}
