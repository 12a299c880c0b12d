package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// handlePlanView shows a run: its progress while it runs, then the
// proposal.
func (s *Server) handlePlanView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.planPage(r)
	if err != nil {
		return err
	}
	j := s.plans.get(r.PathValue("job"), elective.UserFromContext(r.Context()).ID)
	if j == nil {
		return elective.Errorf(elective.ENOTFOUND, "That planning run has ended or belongs to someone else. Start a new one.")
	}
	progress, plan, err, done := j.snapshot()
	p.JobID, p.Running, p.Progress, p.Plan, p.Target = j.id, !done, progress, plan, j.req.MaxIterations
	if err != nil {
		p.RunError = elective.ErrorMessage(err)
	}
	p.Form = PlanForm{From: j.req.From.String(), Weeks: strconv.Itoa(j.req.Weeks),
		SpecialtyID: j.req.SpecialtyID, Seed: strconv.FormatInt(j.req.Seed, 10)}
	return s.render(w, r, http.StatusOK, p)
}

// handlePlanStop stops a run early; the best plan so far is kept.
func (s *Server) handlePlanStop(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	j := s.plans.get(r.PathValue("job"), elective.UserFromContext(r.Context()).ID)
	if j == nil {
		return elective.Errorf(elective.ENOTFOUND, "That planning run has ended. Start a new one.")
	}
	j.cancel()
	http.Redirect(w, r, "/theatre-plan/"+j.id, http.StatusSeeOther)
	return nil
}

// handlePlanAccept books the placements staff ticked, each through the
// booking rules; refusals are reported and the rest still book.
func (s *Server) handlePlanAccept(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionManageTheatres); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	j := s.plans.get(r.PathValue("job"), elective.UserFromContext(r.Context()).ID)
	if j == nil {
		return elective.Errorf(elective.ENOTFOUND, "That planning run has ended. Start a new one.")
	}
	_, plan, _, done := j.snapshot()
	if !done || plan == nil {
		return elective.Errorf(elective.ECONFLICT, "The optimiser is still running: stop it or wait for it to finish.")
	}
	chosen := map[int64]bool{}
	for _, v := range r.PostForm["entry"] {
		chosen[formInt64(v)] = true
	}
	all := r.PostFormValue("all") == "yes"
	var picks []elective.PlannedCase
	for _, pc := range plan.Placements {
		if pc.Change() != "keep" && (all || chosen[pc.EntryID]) {
			picks = append(picks, pc)
		}
	}
	// A patient the plan takes off a list is passed with only the list
	// they leave: the store takes them off first, so the time is free for
	// the adds and moves.
	for _, lo := range plan.LeftOut {
		if lo.FromSessionID != 0 && (all || chosen[lo.EntryID]) {
			picks = append(picks, elective.PlannedCase{EntryID: lo.EntryID, FromSessionID: lo.FromSessionID, Reason: lo.Reason})
		}
	}
	if len(picks) == 0 {
		return s.redirectWithFlash(w, r, "/theatre-plan/"+j.id, "Nothing chosen: tick the placements to accept")
	}
	booked, refused, err := s.svc.Planner.AcceptPlan(r.Context(), picks)
	if err != nil {
		return err
	}
	msg := "Booked " + strconv.Itoa(booked) + " of " + strconv.Itoa(len(picks)) + " placements"
	if len(refused) > 0 {
		msg += ". Not booked: " + strings.Join(refused, "; ")
	}
	return s.redirectWithFlash(w, r, "/theatre-sessions?from="+plan.From.String(), msg)
}
