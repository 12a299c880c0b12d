package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.WorklistService = (*WorklistService)(nil)

// WorklistService is a mock of elective.WorklistService.
type WorklistService struct {
	FindWorklistFn func(ctx context.Context, f elective.WorklistFilter) ([]*elective.WorklistEntry, int, map[elective.WorklistKind]int, error)
}

// FindWorklist calls FindWorklistFn.
func (s *WorklistService) FindWorklist(ctx context.Context, f elective.WorklistFilter) ([]*elective.WorklistEntry, int, map[elective.WorklistKind]int, error) {
	return s.FindWorklistFn(ctx, f)
}
