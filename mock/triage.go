package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.TriageService = (*TriageService)(nil)

// TriageService is a mock of elective.TriageService.
type TriageService struct {
	FindTriageFn func(ctx context.Context, specialtyID int64) ([]*elective.TriageItem, error)
	TriageFn     func(ctx context.Context, d *elective.TriageDecision) error
}

// FindTriage calls FindTriageFn.
func (s *TriageService) FindTriage(ctx context.Context, specialtyID int64) ([]*elective.TriageItem, error) {
	return s.FindTriageFn(ctx, specialtyID)
}

// Triage calls TriageFn.
func (s *TriageService) Triage(ctx context.Context, d *elective.TriageDecision) error {
	return s.TriageFn(ctx, d)
}
