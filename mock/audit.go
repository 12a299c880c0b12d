package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.AuditService = (*AuditService)(nil)

// AuditService is a mock of elective.AuditService.
type AuditService struct {
	FindAuditEventsFn func(ctx context.Context, filter elective.AuditFilter) ([]*elective.AuditEvent, error)
}

// FindAuditEvents calls FindAuditEventsFn.
func (s *AuditService) FindAuditEvents(ctx context.Context, filter elective.AuditFilter) ([]*elective.AuditEvent, error) {
	return s.FindAuditEventsFn(ctx, filter)
}
