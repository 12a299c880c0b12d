package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.TheatreService = (*TheatreService)(nil)

// TheatreService is a mock of elective.TheatreService.
type TheatreService struct {
	FindTheatreResourcesFn    func(ctx context.Context) (*elective.TheatreResources, error)
	FindTheatreKitFn          func(ctx context.Context) ([]*elective.TheatreKit, error)
	CreateTheatreKitFn        func(ctx context.Context, k *elective.TheatreKit) error
	UpdateTheatreKitFn        func(ctx context.Context, id int64, u elective.TheatreKitUpdate) (*elective.TheatreKit, error)
	DeleteTheatreKitFn        func(ctx context.Context, id int64) (*elective.TheatreKit, error)
	ListPatientFn             func(ctx context.Context, e *elective.AdmittedListEntry) error
	FindAdmittedEntriesFn     func(ctx context.Context, f elective.AdmittedFilter) ([]*elective.AdmittedListEntry, error)
	FindAdmittedEntryFn       func(ctx context.Context, id int64) (*elective.AdmittedListEntry, error)
	BookPreOpFn               func(ctx context.Context, entryID int64, on elective.Date) (*elective.PreOpAssessment, error)
	RecordPreOpFn             func(ctx context.Context, id int64, outcome elective.PreOpOutcome, notes string) (*elective.PreOpAssessment, error)
	FindTheatresFn            func(ctx context.Context) ([]*elective.Theatre, error)
	CreateTheatreSessionFn    func(ctx context.Context, s *elective.TheatreSession) error
	FindTheatreSessionsFn     func(ctx context.Context, f elective.TheatreSessionFilter) ([]*elective.TheatreSession, error)
	FindTheatreSessionFn      func(ctx context.Context, id int64) (*elective.TheatreSession, error)
	ConfirmStaffingFn         func(ctx context.Context, st elective.SessionStaffing) error
	ReleaseSessionFn          func(ctx context.Context, id int64, reason string) error
	LockSessionFn             func(ctx context.Context, id int64) error
	ScheduleCaseFn            func(ctx context.Context, c elective.ScheduleCase) (*elective.TheatreCase, error)
	UnscheduleCaseFn          func(ctx context.Context, caseID int64, reason, override string) error
	MoveCaseFn                func(ctx context.Context, caseID int64, position int) error
	CancelCaseFn              func(ctx context.Context, c elective.CancelCase) (*elective.CancelledOperation, error)
	RecordAdmissionFn         func(ctx context.Context, a elective.CaseAdmission) error
	FindCancelledOperationsFn func(ctx context.Context, from, to elective.Date) ([]*elective.CancelledOperation, error)
	EstimateDurationFn        func(ctx context.Context, surgeonID int64, procedureCode string, fallback int) (elective.DurationEstimate, error)
	TheatreReportFn           func(ctx context.Context, from, to elective.Date) (*elective.TheatreReport, error)
}

// ListPatient calls ListPatientFn.
func (s *TheatreService) ListPatient(ctx context.Context, e *elective.AdmittedListEntry) error {
	return s.ListPatientFn(ctx, e)
}

// FindAdmittedEntries calls FindAdmittedEntriesFn.
func (s *TheatreService) FindAdmittedEntries(ctx context.Context, f elective.AdmittedFilter) ([]*elective.AdmittedListEntry, error) {
	return s.FindAdmittedEntriesFn(ctx, f)
}

// FindAdmittedEntry calls FindAdmittedEntryFn.
func (s *TheatreService) FindAdmittedEntry(ctx context.Context, id int64) (*elective.AdmittedListEntry, error) {
	return s.FindAdmittedEntryFn(ctx, id)
}

// BookPreOp calls BookPreOpFn.
func (s *TheatreService) BookPreOp(ctx context.Context, entryID int64, on elective.Date) (*elective.PreOpAssessment, error) {
	return s.BookPreOpFn(ctx, entryID, on)
}

// RecordPreOp calls RecordPreOpFn.
func (s *TheatreService) RecordPreOp(ctx context.Context, id int64, outcome elective.PreOpOutcome, notes string) (*elective.PreOpAssessment, error) {
	return s.RecordPreOpFn(ctx, id, outcome, notes)
}

// FindTheatres calls FindTheatresFn.
func (s *TheatreService) FindTheatres(ctx context.Context) ([]*elective.Theatre, error) {
	return s.FindTheatresFn(ctx)
}

// CreateTheatreSession calls CreateTheatreSessionFn.
func (s *TheatreService) CreateTheatreSession(ctx context.Context, ts *elective.TheatreSession) error {
	return s.CreateTheatreSessionFn(ctx, ts)
}

// FindTheatreSessions calls FindTheatreSessionsFn.
func (s *TheatreService) FindTheatreSessions(ctx context.Context, f elective.TheatreSessionFilter) ([]*elective.TheatreSession, error) {
	return s.FindTheatreSessionsFn(ctx, f)
}

// FindTheatreSession calls FindTheatreSessionFn.
func (s *TheatreService) FindTheatreSession(ctx context.Context, id int64) (*elective.TheatreSession, error) {
	return s.FindTheatreSessionFn(ctx, id)
}

// ConfirmStaffing calls ConfirmStaffingFn.
func (s *TheatreService) ConfirmStaffing(ctx context.Context, st elective.SessionStaffing) error {
	return s.ConfirmStaffingFn(ctx, st)
}

// ReleaseSession calls ReleaseSessionFn.
func (s *TheatreService) ReleaseSession(ctx context.Context, id int64, reason string) error {
	return s.ReleaseSessionFn(ctx, id, reason)
}

// LockSession calls LockSessionFn.
func (s *TheatreService) LockSession(ctx context.Context, id int64) error {
	return s.LockSessionFn(ctx, id)
}

// ScheduleCase calls ScheduleCaseFn.
func (s *TheatreService) ScheduleCase(ctx context.Context, c elective.ScheduleCase) (*elective.TheatreCase, error) {
	return s.ScheduleCaseFn(ctx, c)
}

// UnscheduleCase calls UnscheduleCaseFn.
func (s *TheatreService) UnscheduleCase(ctx context.Context, caseID int64, reason, override string) error {
	return s.UnscheduleCaseFn(ctx, caseID, reason, override)
}

// MoveCase calls MoveCaseFn.
func (s *TheatreService) MoveCase(ctx context.Context, caseID int64, position int) error {
	return s.MoveCaseFn(ctx, caseID, position)
}

// RecordAdmission calls RecordAdmissionFn.
func (s *TheatreService) RecordAdmission(ctx context.Context, a elective.CaseAdmission) error {
	return s.RecordAdmissionFn(ctx, a)
}

// CancelCase calls CancelCaseFn.
func (s *TheatreService) CancelCase(ctx context.Context, c elective.CancelCase) (*elective.CancelledOperation, error) {
	return s.CancelCaseFn(ctx, c)
}

// FindCancelledOperations calls FindCancelledOperationsFn.
func (s *TheatreService) FindCancelledOperations(ctx context.Context, from, to elective.Date) ([]*elective.CancelledOperation, error) {
	return s.FindCancelledOperationsFn(ctx, from, to)
}

// EstimateDuration calls EstimateDurationFn.
func (s *TheatreService) EstimateDuration(ctx context.Context, surgeonID int64, procedureCode string, fallback int) (elective.DurationEstimate, error) {
	return s.EstimateDurationFn(ctx, surgeonID, procedureCode, fallback)
}

// TheatreReport calls TheatreReportFn.
func (s *TheatreService) TheatreReport(ctx context.Context, from, to elective.Date) (*elective.TheatreReport, error) {
	return s.TheatreReportFn(ctx, from, to)
}

var _ elective.ListPlanner = (*ListPlanner)(nil)

// ListPlanner is a mock of elective.ListPlanner.
type ListPlanner struct {
	PlanListsFn  func(ctx context.Context, r elective.PlanRequest) (*elective.ListPlan, error)
	AcceptPlanFn func(ctx context.Context, placements []elective.PlannedCase) (booked int, refused []string, err error)
}

// PlanLists calls PlanListsFn.
func (s *ListPlanner) PlanLists(ctx context.Context, r elective.PlanRequest) (*elective.ListPlan, error) {
	return s.PlanListsFn(ctx, r)
}

// AcceptPlan calls AcceptPlanFn.
func (s *ListPlanner) AcceptPlan(ctx context.Context, placements []elective.PlannedCase) (booked int, refused []string, err error) {
	return s.AcceptPlanFn(ctx, placements)
}

// FindTheatreKit calls FindTheatreKitFn.
func (s *TheatreService) FindTheatreKit(ctx context.Context) ([]*elective.TheatreKit, error) {
	return s.FindTheatreKitFn(ctx)
}

// CreateTheatreKit calls CreateTheatreKitFn.
func (s *TheatreService) CreateTheatreKit(ctx context.Context, k *elective.TheatreKit) error {
	return s.CreateTheatreKitFn(ctx, k)
}

// UpdateTheatreKit calls UpdateTheatreKitFn.
func (s *TheatreService) UpdateTheatreKit(ctx context.Context, id int64, u elective.TheatreKitUpdate) (*elective.TheatreKit, error) {
	return s.UpdateTheatreKitFn(ctx, id, u)
}

// DeleteTheatreKit calls DeleteTheatreKitFn.
func (s *TheatreService) DeleteTheatreKit(ctx context.Context, id int64) (*elective.TheatreKit, error) {
	return s.DeleteTheatreKitFn(ctx, id)
}

// FindTheatreResources calls FindTheatreResourcesFn.
func (s *TheatreService) FindTheatreResources(ctx context.Context) (*elective.TheatreResources, error) {
	return s.FindTheatreResourcesFn(ctx)
}
