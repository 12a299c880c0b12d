package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.JobPlanService = (*JobPlanService)(nil)

// JobPlanService is a mock of elective.JobPlanService.
type JobPlanService struct {
	FindJobPlanFn              func(ctx context.Context, staffID int64) (*elective.JobPlan, error)
	AddProgrammedActivityFn    func(ctx context.Context, a *elective.ProgrammedActivity) error
	RemoveProgrammedActivityFn func(ctx context.Context, id int64) error
	ReconcileJobPlanFn         func(ctx context.Context, staffID int64, from, to elective.Date) (*elective.JobPlanReconciliation, error)
}

// FindJobPlan calls FindJobPlanFn.
func (s *JobPlanService) FindJobPlan(ctx context.Context, staffID int64) (*elective.JobPlan, error) {
	return s.FindJobPlanFn(ctx, staffID)
}

// AddProgrammedActivity calls AddProgrammedActivityFn.
func (s *JobPlanService) AddProgrammedActivity(ctx context.Context, a *elective.ProgrammedActivity) error {
	return s.AddProgrammedActivityFn(ctx, a)
}

// RemoveProgrammedActivity calls RemoveProgrammedActivityFn.
func (s *JobPlanService) RemoveProgrammedActivity(ctx context.Context, id int64) error {
	return s.RemoveProgrammedActivityFn(ctx, id)
}

// ReconcileJobPlan calls ReconcileJobPlanFn.
func (s *JobPlanService) ReconcileJobPlan(ctx context.Context, staffID int64, from, to elective.Date) (*elective.JobPlanReconciliation, error) {
	return s.ReconcileJobPlanFn(ctx, staffID, from, to)
}
