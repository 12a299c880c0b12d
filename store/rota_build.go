package store

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rota"
)

var _ elective.RotaService = (*RotaService)(nil)

// rotaInputs is everything the rota rules need about one rota: its team,
// shift types, cover rules and approved leave.
type rotaInputs struct {
	rota   *elective.Rota
	staff  []*elective.StaffMember
	shifts []*elective.ShiftType
	cover  []*elective.CoverRule
	leave  map[int64][]elective.Date
	asked  []elective.DayOffRequest
	before []elective.RotaDuty // the team's duties just before the rota
	// breaks are the trust's break thresholds in force (policy settings
	// rota.oneBreakOverMinutes …), read with the inputs.
	breaks rota.BreakThresholds
}

func (tx *Tx) rotaInputs(id int64) (*rotaInputs, error) {
	r, err := tx.rota(id)
	if err != nil {
		return nil, err
	}
	pol := tx.db.Policy
	in := &rotaInputs{rota: r, breaks: rota.BreakThresholds{OneOverMinutes: pol.RotaOneBreakOverMinutes,
		TwoOverMinutes: pol.RotaTwoBreaksOverMinutes, ThreeFromMinutes: pol.RotaThreeBreaksFromMinutes}}
	if in.staff, err = tx.teamStaff(r.Team); err != nil {
		return nil, err
	}
	if in.shifts, err = tx.shiftTypes(r.Team); err != nil {
		return nil, err
	}
	if in.cover, err = tx.coverRules(r.Team); err != nil {
		return nil, err
	}
	if in.leave, err = tx.approvedLeaveDays(in.staff, r.From, r.To); err != nil {
		return nil, err
	}
	if in.asked, err = tx.dayOffRequests(r.Team, r.From, r.To); err != nil {
		return nil, err
	}
	in.before, err = tx.dutiesBefore(r.Team, r.From)
	return in, err
}

// teamStaff is a team's active members by name.
func (tx *Tx) teamStaff(team string) ([]*elective.StaffMember, error) {
	return tx.findStaff(` WHERE sm.team = ? AND sm.active = ?`, team, true)
}

// problem turns the inputs into the rota rules' terms.
func (in *rotaInputs) problem(loc *time.Location) *rota.Problem {
	p := &rota.Problem{From: in.rota.From, To: in.rota.To, Loc: loc, Limits: rota.Limits2019()}
	if in.rota.Limits2016 {
		p.Limits = rota.Limits2016()
	}
	p.Limits = p.Limits.WithBreaks(in.breaks)
	for _, s := range in.shifts {
		p.Shifts = append(p.Shifts, rota.ShiftType{Code: s.Code, Name: s.Name, StartMinute: s.StartMinute,
			Minutes: s.Minutes, Unpopular: s.Unpopular, Breaks: s.Breaks, NonResident: s.NonResident,
			ExpectedWorkMinutes: s.ExpectedWorkMinutes})
	}
	for d := in.rota.From; !d.After(in.rota.To); d = d.AddDays(1) {
		for _, c := range in.cover {
			if c.AppliesOn(d.Weekday()) {
				p.Cover = append(p.Cover, rota.Cover{Date: d, Code: c.ShiftCode, Min: c.Min, Grades: c.Grades, Skill: c.Skill})
			}
		}
	}
	asked := map[int64][]elective.Date{}
	for _, q := range in.asked {
		asked[q.StaffID] = append(asked[q.StaffID], q.Date)
	}
	before := map[int64][]elective.RotaDuty{}
	for _, d := range in.before {
		if in.shift(d.ShiftCode) != nil {
			before[d.StaffID] = append(before[d.StaffID], d)
		}
	}
	for _, m := range in.staff {
		p.Staff = append(p.Staff, rota.Person{ID: m.ID, Name: m.DisplayName(), Grade: m.Grade, Skills: m.Skills,
			MaxShiftMinutes: m.ContractMaxShiftMinutes, FTEPercent: m.FTEPercent, Unavailable: in.leave[m.ID],
			PreferOff: asked[m.ID]})
	}
	for i := range p.Staff {
		p.Staff[i].Before = toRuleDuties(p, before[p.Staff[i].ID])
	}
	return p
}

func toRuleDuties(p *rota.Problem, ds []elective.RotaDuty) []rota.Duty {
	out := make([]rota.Duty, 0, len(ds))
	for _, d := range ds {
		out = append(out, p.DutyOf(d.StaffID, d.ShiftCode, d.Date))
	}
	return out
}

func (in *rotaInputs) fromRuleDuties(ds []rota.Duty, loc *time.Location) []elective.RotaDuty {
	names := in.names()
	out := make([]elective.RotaDuty, 0, len(ds))
	for _, d := range ds {
		out = append(out, elective.RotaDuty{StaffID: d.StaffID, Date: elective.DateOf(d.Start, loc), ShiftCode: d.Code,
			StaffName: names[d.StaffID]})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].StaffID != out[j].StaffID {
			return out[i].StaffID < out[j].StaffID
		}
		return out[i].Date.Before(out[j].Date)
	})
	return out
}

func (in *rotaInputs) names() map[int64]string {
	names := map[int64]string{}
	for _, m := range in.staff {
		names[m.ID] = m.DisplayName()
	}
	return names
}

// check runs the rota rules over a version's duties.
func (in *rotaInputs) check(p *rota.Problem, duties []elective.RotaDuty) elective.RotaCheck {
	res := rota.Summarise(p, toRuleDuties(p, duties))
	names := in.names()
	grades := map[int64]string{}
	for _, m := range in.staff {
		grades[m.ID] = m.Grade
	}
	var c elective.RotaCheck
	for _, v := range res.Violations {
		c.Violations = append(c.Violations, elective.RotaViolation{StaffID: v.StaffID, StaffName: names[v.StaffID],
			Rule: v.Rule, Date: v.Date, Message: v.Message})
	}
	for _, g := range res.Gaps {
		c.Gaps = append(c.Gaps, elective.RotaGap{Date: g.Date, ShiftCode: g.Code, Short: g.Short, Why: g.Why})
	}
	for _, l := range res.Load {
		c.Load = append(c.Load, elective.RotaLoad{StaffID: l.StaffID, StaffName: names[l.StaffID], Grade: grades[l.StaffID],
			Minutes: l.Minutes, Shifts: l.Shifts, Nights: l.Nights, Weekends: l.Weekends, Unpopular: l.Unpopular,
			Leave: len(in.leave[l.StaffID]), PreferOffBroken: l.PreferOffBroken})
	}
	return c
}

// FindRota returns a version of a rota (0: the current one) with what the
// rules say about it.
func (s *RotaService) FindRota(ctx context.Context, id int64, version int) (*elective.RotaView, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	var v *elective.RotaView
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		v, err = tx.rotaView(id, version)
		return err
	})
	return v, err
}

func (tx *Tx) rotaView(id int64, version int) (*elective.RotaView, error) {
	in, err := tx.rotaInputs(id)
	if err != nil {
		return nil, err
	}
	if version <= 0 || version > in.rota.Version {
		version = in.rota.Version
	}
	duties, err := tx.duties(id, version)
	if err != nil {
		return nil, err
	}
	work, err := tx.onCallWork(id, 0, elective.Date{})
	if err != nil {
		return nil, err
	}
	p := in.problem(tx.db.Location)
	v := &elective.RotaView{Rota: in.rota, Staff: in.staff, Shifts: in.shifts, Duties: duties, Leave: in.leave,
		Requests: keptRequests(in.asked, duties), Check: in.check(p, duties)}
	v.OnCall, v.Check.RestReviews = in.onCall(p, duties, work, tx.db.Location)
	return v, nil
}

// keptRequests marks the days asked off that the duties leave free.
func keptRequests(asked []elective.DayOffRequest, duties []elective.RotaDuty) []elective.DayOffRequest {
	working := map[dutyKey]bool{}
	for _, d := range duties {
		working[dutyKey{d.StaffID, d.Date}] = true
	}
	out := make([]elective.DayOffRequest, len(asked))
	for i, q := range asked {
		q.Kept = !working[dutyKey{q.StaffID, q.Date}]
		out[i] = q
	}
	return out
}

// BuildRota runs the rota builder over the rota's period and saves the
// result as a new version: the inputs are read and checked first, the
// search runs outside any transaction, and the save checks nobody saved a
// version meanwhile (ECONFLICT). A search stopped by ctx (a coordinator's
// Stop, or its time limit) still saves its best rota: the save does not
// take ctx's cancellation, and the version's note says it was stopped.
func (s *RotaService) BuildRota(ctx context.Context, id int64, b elective.RotaBuild) (*elective.RotaView, error) {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	if b.Moves <= 0 || b.Moves > elective.RotaBuildMaxMoves {
		return nil, elective.Errorf(elective.EINVALID, "Choose an effort from 1 to %d moves", elective.RotaBuildMaxMoves)
	}
	in, p, err := s.buildInputs(ctx, id)
	if err != nil {
		return nil, err
	}
	res, err := rota.Build(ctx, p, rota.Options{Seed: b.Seed, MaxIterations: b.Moves, Progress: b.Progress})
	if err != nil {
		return nil, err
	}
	note := buildNote(ctx, b, res.Moves)
	ctx = context.WithoutCancel(ctx)
	if err := s.saveBuilt(ctx, in, in.fromRuleDuties(res.Duties, s.db.Location), note); err != nil {
		return nil, err
	}
	return s.FindRota(ctx, id, 0)
}

// buildInputs reads what the builder needs, in a transaction of its own,
// and checks it (EINVALID naming what is wrong).
func (s *RotaService) buildInputs(ctx context.Context, id int64) (*rotaInputs, *rota.Problem, error) {
	var in *rotaInputs
	if err := s.db.read(ctx, s.db.db, func(tx *Tx) (err error) { in, err = tx.rotaInputs(id); return err }); err != nil {
		return nil, nil, err
	}
	p := in.problem(s.db.Location)
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	return in, p, nil
}

// saveBuilt saves a built rota as the next version of the one read.
func (s *RotaService) saveBuilt(ctx context.Context, in *rotaInputs, duties []elective.RotaDuty, note string) error {
	return s.db.update(ctx, func(tx *Tx) error {
		r, err := tx.rota(in.rota.ID)
		if err != nil {
			return err
		}
		if r.Version != in.rota.Version {
			return elective.Errorf(elective.ECONFLICT, "Someone saved the rota while it was being built: build it again")
		}
		return tx.saveVersion(r, duties, note, "Rebuilt")
	})
}

// buildNote is the version's note: the seed and moves that rebuild it,
// or how far a stopped build went.
func buildNote(ctx context.Context, b elective.RotaBuild, moves int64) string {
	switch {
	case moves >= b.Moves:
		return "Built (seed " + itoa64(b.Seed) + ", " + itoa64(b.Moves) + " moves)"
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "Built (seed " + itoa64(b.Seed) + ", time limit reached after " + itoa64(moves) + " of " + itoa64(b.Moves) + " moves)"
	}
	return "Built (seed " + itoa64(b.Seed) + ", stopped after " + itoa64(moves) + " of " + itoa64(b.Moves) + " moves)"
}

// approvedLeaveDays is each member's days of approved leave within
// from..to: every calendar day of the leave, half days included, since a
// doctor on leave that day cannot be rostered for any shift of it.
func (tx *Tx) approvedLeaveDays(staff []*elective.StaffMember, from, to elective.Date) (map[int64][]elective.Date, error) {
	out := map[int64][]elective.Date{}
	if len(staff) == 0 {
		return out, nil
	}
	args := []any{elective.LeaveApproved, to, from}
	for _, m := range staff {
		args = append(args, m.ID)
	}
	rows, err := tx.query(`SELECT staff_id, from_date, to_date FROM leave_request
		WHERE status = ? AND from_date <= ? AND to_date >= ? AND staff_id IN (`+inClause(len(staff))+`)
		ORDER BY staff_id, from_date`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a, b elective.Date
		if err := rows.Scan(&id, dateCol{&a}, dateCol{&b}); err != nil {
			return nil, err
		}
		for d := a; !d.After(b); d = d.AddDays(1) {
			if !d.Before(from) && !d.After(to) {
				out[id] = append(out[id], d)
			}
		}
	}
	return out, rows.Err()
}
