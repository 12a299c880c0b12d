package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.OutboxService = (*OutboxService)(nil)

// OutboxService is a mock of elective.OutboxService.
type OutboxService struct {
	FindMessagesFn   func(ctx context.Context, patientID int64) ([]*elective.Message, error)
	LetterPDFFn      func(ctx context.Context, messageID int64) (*elective.Message, []byte, error)
	QueueRemindersFn func(ctx context.Context, days int) (int, error)
	DispatchFn       func(ctx context.Context, sender elective.Sender, limit int) (int, int, error)
}

// FindMessages calls FindMessagesFn.
func (s *OutboxService) FindMessages(ctx context.Context, patientID int64) ([]*elective.Message, error) {
	return s.FindMessagesFn(ctx, patientID)
}

// LetterPDF calls LetterPDFFn.
func (s *OutboxService) LetterPDF(ctx context.Context, messageID int64) (*elective.Message, []byte, error) {
	return s.LetterPDFFn(ctx, messageID)
}

// QueueReminders calls QueueRemindersFn.
func (s *OutboxService) QueueReminders(ctx context.Context, days int) (int, error) {
	return s.QueueRemindersFn(ctx, days)
}

// Dispatch calls DispatchFn.
func (s *OutboxService) Dispatch(ctx context.Context, sender elective.Sender, limit int) (int, int, error) {
	return s.DispatchFn(ctx, sender, limit)
}
