package store

import (
	"context"
	"sync"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/schedule"
)

// planTimeout bounds a plan asked for with no iteration limit and a
// context with no deadline, so a request cannot run forever.
const planTimeout = 20 * time.Second

// maxPlanWeeks is the longest horizon a plan may take: the optimiser's
// problem grows with it, and lists further out change anyway.
const maxPlanWeeks = 16

// PlanLists loads the sessions of the request's weeks and the patients
// who could go on them in one transaction, then runs package schedule's
// optimiser and its chronological baseline outside it, and returns the
// optimised plan as changes to today's lists with both sets of totals.
func (s *TheatreService) PlanLists(ctx context.Context, r elective.PlanRequest) (*elective.ListPlan, error) {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	if r.Weeks <= 0 || r.Weeks > maxPlanWeeks {
		return nil, elective.Errorf(elective.EINVALID, "Plan from 1 to %d weeks ahead", maxPlanWeeks)
	}
	var in *planInput
	var from, to elective.Date
	err := s.db.update(ctx, func(tx *Tx) error {
		from = r.From
		if from.IsZero() || !from.After(tx.today()) {
			from = tx.today().AddDays(1)
		}
		to = from.AddDays(7*r.Weeks - 1)
		r.From = from
		var err error
		if in, err = tx.loadPlan(r, to); err != nil {
			return err
		}
		return tx.audit("theatre.plan", 0, "from="+from.String()+" weeks="+itoa(r.Weeks)+" sessions="+
			itoa(len(in.problem.Sessions))+" cases="+itoa(len(in.problem.Cases)))
	})
	if err != nil {
		return nil, err
	}
	if r.MaxIterations == 0 {
		if _, ok := ctx.Deadline(); !ok {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, planTimeout)
			defer cancel()
		}
	}
	opt, iterations, err := runOptimiser(ctx, in.problem, r)
	if err != nil {
		return nil, err
	}
	chrono := schedule.ChronologicalFill(*in.problem)
	plan := &elective.ListPlan{From: from, To: to, Optimised: planTotals(opt.Totals),
		Chronological: planTotals(chrono.Totals), Iterations: iterations}
	plan.Placements, plan.LeftOut = in.diff(opt)
	return plan, nil
}

// runOptimiser runs package schedule's optimiser on one thread (the
// server shares its cores with bookers), deterministic for the request's
// seed when it is bounded by iterations, reporting progress as it goes.
func runOptimiser(ctx context.Context, p *schedule.ListProblem, r elective.PlanRequest) (schedule.Proposal, int64, error) {
	var mu sync.Mutex
	var iterations int64
	o := schedule.Options{Seed: r.Seed, Threads: 1, MaxIterations: r.MaxIterations, ProgressEvery: 1000,
		Progress: func(pr schedule.Progress) {
			mu.Lock()
			iterations = max(iterations, pr.Iterations)
			mu.Unlock()
			if r.Progress != nil {
				r.Progress(elective.PlanProgress{Iterations: pr.Iterations, Best: pr.Best})
			}
		}}
	prop, err := schedule.Optimise(ctx, *p, o)
	mu.Lock()
	defer mu.Unlock()
	// Iterations as last reported: to within ProgressEvery of the run.
	return prop, iterations, err
}

// planTotals converts the optimiser's totals to the figures staff compare.
func planTotals(t schedule.Totals) elective.PlanTotals {
	return elective.PlanTotals{Placed: t.Placed, LeftOut: t.LeftOut, PCodeMisses: t.PCodeMisses,
		RTTBreaches: t.RTTBreaches, Utilisation: t.Utilisation, SessionsUsed: t.SessionsUsed,
		SessionsEmpty: t.SessionsReleased}
}

// diff turns a proposal into placements (each with where the case is
// booked today) and cases left out, joined with what staff read.
func (in *planInput) diff(p schedule.Proposal) ([]elective.PlannedCase, []elective.LeftOutCase) {
	current := map[int64]int64{}
	for _, c := range in.problem.Cases {
		current[c.ID] = c.CurrentSessionID
	}
	var placed []elective.PlannedCase
	for _, pl := range p.Placements {
		e, s := in.entries[pl.CaseID], in.sessions[pl.SessionID]
		if e == nil || s == nil {
			continue
		}
		minutes := e.ExpectedMinutes
		if e.Case != nil && current[e.ID] != 0 {
			minutes = e.Case.Minutes
		}
		placed = append(placed, elective.PlannedCase{EntryID: e.ID, SessionID: s.ID, FromSessionID: current[e.ID],
			Minutes: minutes, Reason: pl.Reason, PatientName: e.PatientName, Procedure: e.ProcedureName,
			Priority: e.Priority, TCI: s.Date, SessionName: sessionName(s)})
	}
	var left []elective.LeftOutCase
	for _, lo := range p.LeftOut {
		e := in.entries[lo.CaseID]
		if e == nil {
			continue
		}
		left = append(left, elective.LeftOutCase{EntryID: e.ID, FromSessionID: current[e.ID], Reason: lo.Reason,
			PatientName: e.PatientName, Priority: e.Priority})
	}
	return placed, left
}
