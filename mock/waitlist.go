package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.WaitingListService = (*WaitingListService)(nil)

// WaitingListService is a mock of elective.WaitingListService.
type WaitingListService struct {
	FindPTLFn      func(ctx context.Context, filter elective.PTLFilter) ([]*elective.PTLEntry, int, error)
	FindPTLEntryFn func(ctx context.Context, pathwayID int64, census elective.Date) (*elective.PTLEntry, error)
}

// FindPTL calls FindPTLFn.
func (s *WaitingListService) FindPTL(ctx context.Context, filter elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
	return s.FindPTLFn(ctx, filter)
}

// FindPTLEntry calls FindPTLEntryFn.
func (s *WaitingListService) FindPTLEntry(ctx context.Context, pathwayID int64, census elective.Date) (*elective.PTLEntry, error) {
	return s.FindPTLEntryFn(ctx, pathwayID, census)
}
