package mock

import (
	"context"
	"time"

	"github.com/openelective/elective"
)

var _ elective.CascadeService = (*CascadeService)(nil)

// CascadeService is a mock of elective.CascadeService.
type CascadeService struct {
	FindSessionsFn               func(ctx context.Context, f elective.SessionFilter) ([]*elective.SessionSummary, error)
	PreviewSessionCancellationFn func(ctx context.Context, sessionID int64, from time.Time) (*elective.SessionChange, error)
	PreviewTemplateEndFn         func(ctx context.Context, templateID int64, last elective.Date) (*elective.TemplateChange, error)
	EndTemplateFn                func(ctx context.Context, e *elective.TemplateEnd) (int, error)
	CancelSessionFn              func(ctx context.Context, c *elective.SessionCancellation) (int, error)
	ProposeRebookingsFn          func(ctx context.Context, specialtyID int64) ([]*elective.Displaced, error)
}

// FindSessions calls FindSessionsFn.
func (s *CascadeService) FindSessions(ctx context.Context, f elective.SessionFilter) ([]*elective.SessionSummary, error) {
	return s.FindSessionsFn(ctx, f)
}

// PreviewSessionCancellation calls PreviewSessionCancellationFn.
func (s *CascadeService) PreviewSessionCancellation(ctx context.Context, sessionID int64, from time.Time) (*elective.SessionChange, error) {
	return s.PreviewSessionCancellationFn(ctx, sessionID, from)
}

// CancelSession calls CancelSessionFn.
func (s *CascadeService) CancelSession(ctx context.Context, c *elective.SessionCancellation) (int, error) {
	return s.CancelSessionFn(ctx, c)
}

// ProposeRebookings calls ProposeRebookingsFn.
func (s *CascadeService) ProposeRebookings(ctx context.Context, specialtyID int64) ([]*elective.Displaced, error) {
	return s.ProposeRebookingsFn(ctx, specialtyID)
}

// PreviewTemplateEnd calls PreviewTemplateEndFn.
func (s *CascadeService) PreviewTemplateEnd(ctx context.Context, templateID int64, last elective.Date) (*elective.TemplateChange, error) {
	return s.PreviewTemplateEndFn(ctx, templateID, last)
}

// EndTemplate calls EndTemplateFn.
func (s *CascadeService) EndTemplate(ctx context.Context, e *elective.TemplateEnd) (int, error) {
	return s.EndTemplateFn(ctx, e)
}
