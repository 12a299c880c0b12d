package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/openelective/elective"
)

// LeaveIndexPage is the leave worklist: requests with their status, notice
// and a tag for short notice, by team, status and type.
type LeaveIndexPage struct {
	Page
	workforceHelpers
	Requests                 []*elective.LeaveRequest
	Teams                    []string
	Team, Status, Type, From string
}

func (*LeaveIndexPage) templateName() string { return "leave/index" }

// LeaveNewPage records a leave request for a member of staff.
type LeaveNewPage struct {
	Page
	workforceHelpers
	Form   LeaveForm
	Errors FormErrors
	Staff  []*elective.StaffMember
}

func (*LeaveNewPage) templateName() string { return "leave/new" }

// LeaveForm is a leave request as typed.
type LeaveForm struct {
	StaffID                  int64
	Type, From, To           string
	HalfDayStart, HalfDayEnd bool
	RequestedOn, Reason      string
}

// handleLeaveIndex lists requests overlapping the period from the date
// chosen (two weeks ago by default), soonest first.
func (s *Server) handleLeaveIndex(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := &LeaveIndexPage{Team: q.Get("team"), Status: q.Get("status"), Type: q.Get("type"), From: q.Get("from")}
	p.Title, p.Nav, p.Wide = "Leave", NavWorkforce, true
	if p.From == "" {
		p.From = s.today().AddDays(-14).String()
	}
	from, err := parseOptionalDate(p.From, "from", "Enter the date as a date")
	if err != nil {
		return err
	}
	staff, err := s.svc.Staff.FindStaff(r.Context(), elective.StaffFilter{})
	if err != nil {
		return err
	}
	p.Teams = teamsOf(staff)
	p.Requests, err = s.svc.Leave.FindLeaveRequests(r.Context(), elective.LeaveFilter{Team: p.Team,
		Status: elective.LeaveStatus(p.Status), Type: elective.LeaveType(p.Type), From: from})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) leaveNewPage(r *http.Request, f LeaveForm, errs FormErrors) (*LeaveNewPage, error) {
	if err := authorize(r, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	staff, err := s.svc.Staff.FindStaff(r.Context(), elective.StaffFilter{ActiveOnly: true})
	if err != nil {
		return nil, err
	}
	p := &LeaveNewPage{Form: f, Errors: errs, Staff: staff}
	p.Title, p.Nav = "Record a leave request", NavWorkforce
	return p, nil
}

// handleLeaveNew shows the form, for the member of staff given.
func (s *Server) handleLeaveNew(w http.ResponseWriter, r *http.Request) error {
	f := LeaveForm{StaffID: formInt64(r.URL.Query().Get("staff_id")), Type: string(elective.LeaveAnnual),
		RequestedOn: s.today().String()}
	p, err := s.leaveNewPage(r, f, FormErrors{})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleLeaveCreate records the request and shows it with its impact.
func (s *Server) handleLeaveCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := readLeaveForm(r)
	req, err := f.request()
	if err == nil {
		err = s.svc.Leave.RequestLeave(r.Context(), req)
	}
	switch elective.ErrorCode(err) {
	case "":
		msg := fmt.Sprintf("Leave requested: %s working days with %d days' notice", workforceHelpers{}.Days(req.Days), req.NoticeDays)
		if req.ShortNotice {
			msg += fmt.Sprintf(", short of the %d needed: a manager must approve it", req.RequiredNotice)
		}
		return s.redirectWithFlash(w, r, fmt.Sprintf("/leave/%d", req.ID), msg)
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.leaveNewPage(r, f, newFormErrors(err, map[string]string{"staff": "staff-id", "half_day": "half-day-start"}))
		if perr != nil {
			return perr
		}
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

func readLeaveForm(r *http.Request) LeaveForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return LeaveForm{StaffID: formInt64(v("staff_id")), Type: v("type"), From: v("from"), To: v("to"),
		HalfDayStart: v("half_day_start") == "yes", HalfDayEnd: v("half_day_end") == "yes",
		RequestedOn: v("requested_on"), Reason: v("reason")}
}

// request reads the form; the dates must parse, and the service checks
// the rest (leave that ends before it starts).
func (f LeaveForm) request() (*elective.LeaveRequest, error) {
	r := &elective.LeaveRequest{StaffID: f.StaffID, Type: elective.LeaveType(f.Type), HalfDayStart: f.HalfDayStart,
		HalfDayEnd: f.HalfDayEnd, Reason: f.Reason}
	var err error
	if r.From, err = elective.ParseDate(f.From); err != nil {
		return nil, fieldErr("from", "Enter the first day of leave as a date")
	}
	if r.To, err = elective.ParseDate(f.To); err != nil {
		return nil, fieldErr("to", "Enter the last day of leave as a date")
	}
	if r.RequestedOn, err = parseOptionalDate(f.RequestedOn, "requested_on", "Enter the date the leave was asked for"); err != nil {
		return nil, err
	}
	return r, nil
}
