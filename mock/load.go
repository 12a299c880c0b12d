package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.Loader = (*Loader)(nil)

// Loader is a mock of elective.Loader.
type Loader struct {
	LoadReferenceFn func(ctx context.Context, ref *elective.ReferenceData) error
	LoadBatchFn     func(ctx context.Context, b *elective.LoadBatch) error
	FinishLoadFn    func(ctx context.Context) error
}

// LoadReference calls LoadReferenceFn.
func (l *Loader) LoadReference(ctx context.Context, ref *elective.ReferenceData) error {
	return l.LoadReferenceFn(ctx, ref)
}

// LoadBatch calls LoadBatchFn.
func (l *Loader) LoadBatch(ctx context.Context, b *elective.LoadBatch) error {
	return l.LoadBatchFn(ctx, b)
}

// FinishLoad calls FinishLoadFn.
func (l *Loader) FinishLoad(ctx context.Context) error {
	return l.FinishLoadFn(ctx)
}
