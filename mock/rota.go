package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.RotaService = (*RotaService)(nil)

// RotaService is a mock of elective.RotaService.
type RotaService struct {
	CreateShiftTypeFn   func(ctx context.Context, st *elective.ShiftType) error
	FindShiftTypesFn    func(ctx context.Context, team string) ([]*elective.ShiftType, error)
	CreateCoverRuleFn   func(ctx context.Context, c *elective.CoverRule) error
	FindCoverRulesFn    func(ctx context.Context, team string) ([]*elective.CoverRule, error)
	TeamsFn             func(ctx context.Context) ([]string, error)
	CreateRotaFn        func(ctx context.Context, r *elective.Rota) error
	FindRotasFn         func(ctx context.Context) ([]*elective.Rota, error)
	FindRotaFn          func(ctx context.Context, id int64, version int) (*elective.RotaView, error)
	RotaVersionsFn      func(ctx context.Context, id int64) ([]elective.RotaVersion, error)
	RotaChangesFn       func(ctx context.Context, id int64) ([]elective.RotaChange, error)
	BuildRotaFn         func(ctx context.Context, id int64, b elective.RotaBuild) (*elective.RotaView, error)
	SetDutyFn           func(ctx context.Context, id int64, d elective.RotaDuty, reason string) error
	ImportRotaFn        func(ctx context.Context, id int64, duties []elective.RotaDuty, note string) error
	PublishRotaFn       func(ctx context.Context, id int64) error
	ApplyPatternFn      func(ctx context.Context, id int64, pattern string) error
	AskDayOffFn         func(ctx context.Context, id int64, r elective.DayOffRequest) error
	CancelDayOffFn      func(ctx context.Context, id, requestID int64) error
	CoverCandidatesFn   func(ctx context.Context, id int64, date elective.Date, code string) ([]elective.CoverCandidate, error)
	RecordOnCallWorkFn  func(ctx context.Context, id int64, w *elective.OnCallWork) error
	FindOnCallDutyFn    func(ctx context.Context, id, staffID int64, date elective.Date) (*elective.OnCallDuty, error)
	RemoveOnCallWorkFn  func(ctx context.Context, id, workID int64, reason string) error
	ApplySavedPatternFn func(ctx context.Context, id, patternID int64) error
	FindRotaPatternsFn  func(ctx context.Context, team string) ([]*elective.RotaPattern, error)
	CreateRotaPatternFn func(ctx context.Context, p *elective.RotaPattern) error
	UpdateRotaPatternFn func(ctx context.Context, p *elective.RotaPattern) error
	DeleteRotaPatternFn func(ctx context.Context, id int64) error
}

// CreateShiftType calls CreateShiftTypeFn.
func (s *RotaService) CreateShiftType(ctx context.Context, st *elective.ShiftType) error {
	return s.CreateShiftTypeFn(ctx, st)
}

// FindShiftTypes calls FindShiftTypesFn.
func (s *RotaService) FindShiftTypes(ctx context.Context, team string) ([]*elective.ShiftType, error) {
	return s.FindShiftTypesFn(ctx, team)
}

// CreateCoverRule calls CreateCoverRuleFn.
func (s *RotaService) CreateCoverRule(ctx context.Context, c *elective.CoverRule) error {
	return s.CreateCoverRuleFn(ctx, c)
}

// FindCoverRules calls FindCoverRulesFn.
func (s *RotaService) FindCoverRules(ctx context.Context, team string) ([]*elective.CoverRule, error) {
	return s.FindCoverRulesFn(ctx, team)
}

// Teams calls TeamsFn.
func (s *RotaService) Teams(ctx context.Context) ([]string, error) {
	return s.TeamsFn(ctx)
}

// CreateRota calls CreateRotaFn.
func (s *RotaService) CreateRota(ctx context.Context, r *elective.Rota) error {
	return s.CreateRotaFn(ctx, r)
}

// FindRotas calls FindRotasFn.
func (s *RotaService) FindRotas(ctx context.Context) ([]*elective.Rota, error) {
	return s.FindRotasFn(ctx)
}

// FindRota calls FindRotaFn.
func (s *RotaService) FindRota(ctx context.Context, id int64, version int) (*elective.RotaView, error) {
	return s.FindRotaFn(ctx, id, version)
}

// RotaVersions calls RotaVersionsFn.
func (s *RotaService) RotaVersions(ctx context.Context, id int64) ([]elective.RotaVersion, error) {
	return s.RotaVersionsFn(ctx, id)
}

// RotaChanges calls RotaChangesFn.
func (s *RotaService) RotaChanges(ctx context.Context, id int64) ([]elective.RotaChange, error) {
	return s.RotaChangesFn(ctx, id)
}

// BuildRota calls BuildRotaFn.
func (s *RotaService) BuildRota(ctx context.Context, id int64, b elective.RotaBuild) (*elective.RotaView, error) {
	return s.BuildRotaFn(ctx, id, b)
}

// SetDuty calls SetDutyFn.
func (s *RotaService) SetDuty(ctx context.Context, id int64, d elective.RotaDuty, reason string) error {
	return s.SetDutyFn(ctx, id, d, reason)
}

// ImportRota calls ImportRotaFn.
func (s *RotaService) ImportRota(ctx context.Context, id int64, duties []elective.RotaDuty, note string) error {
	return s.ImportRotaFn(ctx, id, duties, note)
}

// PublishRota calls PublishRotaFn.
func (s *RotaService) PublishRota(ctx context.Context, id int64) error {
	return s.PublishRotaFn(ctx, id)
}

// CoverCandidates calls CoverCandidatesFn.
func (s *RotaService) CoverCandidates(ctx context.Context, id int64, date elective.Date, code string) ([]elective.CoverCandidate, error) {
	return s.CoverCandidatesFn(ctx, id, date, code)
}

// AskDayOff calls AskDayOffFn.
func (s *RotaService) AskDayOff(ctx context.Context, id int64, r elective.DayOffRequest) error {
	return s.AskDayOffFn(ctx, id, r)
}

// CancelDayOff calls CancelDayOffFn.
func (s *RotaService) CancelDayOff(ctx context.Context, id, requestID int64) error {
	return s.CancelDayOffFn(ctx, id, requestID)
}

// ApplyPattern calls ApplyPatternFn.
func (s *RotaService) ApplyPattern(ctx context.Context, id int64, pattern string) error {
	return s.ApplyPatternFn(ctx, id, pattern)
}

// RecordOnCallWork calls RecordOnCallWorkFn.
func (s *RotaService) RecordOnCallWork(ctx context.Context, id int64, w *elective.OnCallWork) error {
	return s.RecordOnCallWorkFn(ctx, id, w)
}

// FindOnCallDuty calls FindOnCallDutyFn.
func (s *RotaService) FindOnCallDuty(ctx context.Context, id, staffID int64, date elective.Date) (*elective.OnCallDuty, error) {
	return s.FindOnCallDutyFn(ctx, id, staffID, date)
}

// RemoveOnCallWork calls RemoveOnCallWorkFn.
func (s *RotaService) RemoveOnCallWork(ctx context.Context, id, workID int64, reason string) error {
	return s.RemoveOnCallWorkFn(ctx, id, workID, reason)
}

// ApplySavedPattern calls ApplySavedPatternFn.
func (s *RotaService) ApplySavedPattern(ctx context.Context, id, patternID int64) error {
	return s.ApplySavedPatternFn(ctx, id, patternID)
}

// FindRotaPatterns calls FindRotaPatternsFn.
func (s *RotaService) FindRotaPatterns(ctx context.Context, team string) ([]*elective.RotaPattern, error) {
	return s.FindRotaPatternsFn(ctx, team)
}

// CreateRotaPattern calls CreateRotaPatternFn.
func (s *RotaService) CreateRotaPattern(ctx context.Context, p *elective.RotaPattern) error {
	return s.CreateRotaPatternFn(ctx, p)
}

// UpdateRotaPattern calls UpdateRotaPatternFn.
func (s *RotaService) UpdateRotaPattern(ctx context.Context, p *elective.RotaPattern) error {
	return s.UpdateRotaPatternFn(ctx, p)
}

// DeleteRotaPattern calls DeleteRotaPatternFn.
func (s *RotaService) DeleteRotaPattern(ctx context.Context, id int64) error {
	return s.DeleteRotaPatternFn(ctx, id)
}
