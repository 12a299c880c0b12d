package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/openelective/elective"
)

// LeaveViewPage is a leave request with what approving it would do: the
// clinics it cancels and lists it releases with the patients displaced,
// the balance after it, who else in the team is away; and the decision.
type LeaveViewPage struct {
	Page
	workforceHelpers
	Impact *elective.LeaveImpact
	Errors FormErrors
}

func (*LeaveViewPage) templateName() string { return "leave/view" }

// Decidable reports whether the request still waits for a decision.
func (p *LeaveViewPage) Decidable() bool { return p.Impact.Request.Status == elective.LeaveRequested }

// Cancellable reports whether the request can still be withdrawn.
func (p *LeaveViewPage) Cancellable() bool {
	st := p.Impact.Request.Status
	return st == elective.LeaveRequested || st == elective.LeaveApproved
}

// handleLeaveView shows a request with its impact.
func (s *Server) handleLeaveView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.leaveViewPage(r, id)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) leaveViewPage(r *http.Request, id int64) (*LeaveViewPage, error) {
	im, err := s.svc.Leave.PreviewLeave(r.Context(), id)
	if err != nil {
		return nil, err
	}
	p := &LeaveViewPage{Impact: im}
	p.Title = fmt.Sprintf("%s for %s", im.Request.Type.Label(), im.Staff.DisplayName())
	p.Nav = NavWorkforce
	return p, nil
}

// handleLeaveApprove approves the request: its clinics go to the
// cancellation cascade and its lists are released. A refusal (short
// notice, the team's away limit, a clinic inside the change window) is
// shown on the request.
func (s *Server) handleLeaveApprove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	out, err := s.svc.Leave.ApproveLeave(r.Context(), id, r.PostFormValue("note"))
	if err != nil {
		return s.leaveRefused(w, r, id, err)
	}
	msg := fmt.Sprintf("Leave approved: %d clinics cancelled, %d theatre lists released, %d patients to rebook, %d rostered shifts to cover",
		out.ClinicsCancelled, out.TheatresReleased, out.Displaced, out.ShiftsFreed)
	return s.redirectWithFlash(w, r, fmt.Sprintf("/leave/%d", id), msg)
}

// handleLeaveDecline declines the request with a reason.
func (s *Server) handleLeaveDecline(w http.ResponseWriter, r *http.Request) error {
	return s.closeLeave(w, r, s.svc.Leave.DeclineLeave, "Leave declined")
}

// handleLeaveCancel withdraws the request.
func (s *Server) handleLeaveCancel(w http.ResponseWriter, r *http.Request) error {
	return s.closeLeave(w, r, s.svc.Leave.CancelLeave, "Leave cancelled")
}

func (s *Server) closeLeave(w http.ResponseWriter, r *http.Request, fn func(ctx context.Context, id int64, reason string) error, done string) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if err := fn(r.Context(), id, strings.TrimSpace(r.PostFormValue("reason"))); err != nil {
		return s.leaveRefused(w, r, id, err)
	}
	return s.redirectWithFlash(w, r, fmt.Sprintf("/leave/%d", id), done)
}

// leaveRefused shows a refused decision on the request page; other errors
// go to the error page.
func (s *Server) leaveRefused(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	switch elective.ErrorCode(err) {
	case elective.EINVALID, elective.EFORBIDDEN, elective.ECONFLICT:
	default:
		return err
	}
	p, perr := s.leaveViewPage(r, id)
	if perr != nil {
		return perr
	}
	p.Errors = newFormErrors(err, map[string]string{"reason": "decline-reason"})
	return s.render(w, r, httpStatus(err), p)
}
