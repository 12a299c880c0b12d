package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.TheatreTemplateService = (*TheatreTemplateService)(nil)

// TheatreTemplateService is a mock of elective.TheatreTemplateService.
type TheatreTemplateService struct {
	CreateTheatreTemplateFn       func(ctx context.Context, t *elective.TheatreTemplate) error
	FindTheatreTemplatesFn        func(ctx context.Context) ([]*elective.TheatreTemplate, error)
	GenerateTheatreSessionsFn     func(ctx context.Context, from, to elective.Date) (int, error)
	EndTheatreTemplateFn          func(ctx context.Context, id int64, last elective.Date, reason string) (int, error)
	AddTheatreTemplateExceptionFn func(ctx context.Context, id int64, e elective.TemplateException) (int, error)
	FindTheatreTemplateFn         func(ctx context.Context, id int64) (*elective.TheatreTemplate, error)
	PreviewTheatreTemplateEditFn  func(ctx context.Context, e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error)
	EditTheatreTemplateFn         func(ctx context.Context, e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEdited, error)
}

// CreateTheatreTemplate calls CreateTheatreTemplateFn.
func (s *TheatreTemplateService) CreateTheatreTemplate(ctx context.Context, t *elective.TheatreTemplate) error {
	return s.CreateTheatreTemplateFn(ctx, t)
}

// FindTheatreTemplates calls FindTheatreTemplatesFn.
func (s *TheatreTemplateService) FindTheatreTemplates(ctx context.Context) ([]*elective.TheatreTemplate, error) {
	return s.FindTheatreTemplatesFn(ctx)
}

// GenerateTheatreSessions calls GenerateTheatreSessionsFn.
func (s *TheatreTemplateService) GenerateTheatreSessions(ctx context.Context, from, to elective.Date) (int, error) {
	return s.GenerateTheatreSessionsFn(ctx, from, to)
}

// EndTheatreTemplate calls EndTheatreTemplateFn.
func (s *TheatreTemplateService) EndTheatreTemplate(ctx context.Context, id int64, last elective.Date, reason string) (int, error) {
	return s.EndTheatreTemplateFn(ctx, id, last, reason)
}

// AddTheatreTemplateException calls AddTheatreTemplateExceptionFn.
func (s *TheatreTemplateService) AddTheatreTemplateException(ctx context.Context, id int64, e elective.TemplateException) (int, error) {
	return s.AddTheatreTemplateExceptionFn(ctx, id, e)
}

// FindTheatreTemplate calls FindTheatreTemplateFn.
func (s *TheatreTemplateService) FindTheatreTemplate(ctx context.Context, id int64) (*elective.TheatreTemplate, error) {
	return s.FindTheatreTemplateFn(ctx, id)
}

// PreviewTheatreTemplateEdit calls PreviewTheatreTemplateEditFn.
func (s *TheatreTemplateService) PreviewTheatreTemplateEdit(ctx context.Context, e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error) {
	return s.PreviewTheatreTemplateEditFn(ctx, e)
}

// EditTheatreTemplate calls EditTheatreTemplateFn.
func (s *TheatreTemplateService) EditTheatreTemplate(ctx context.Context, e elective.TheatreTemplateEdit) (*elective.TheatreTemplateEdited, error) {
	return s.EditTheatreTemplateFn(ctx, e)
}
