package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/workforce"
)

// StaffIndexPage is the staff search: name, grade, team and contact
// details, for the rota coordinator and anyone ringing round.
type StaffIndexPage struct {
	Page
	workforceHelpers
	Staff              []*elective.StaffMember
	Teams              []string
	Query, Team, Group string
}

func (*StaffIndexPage) templateName() string { return "staff/index" }

// StaffFormPage adds or edits a member of staff.
type StaffFormPage struct {
	Page
	workforceHelpers
	StaffID     int64 // 0 for a new member
	Form        StaffForm
	Errors      FormErrors
	Specialties []*elective.Specialty
	Clinicians  []*elective.Clinician
}

func (*StaffFormPage) templateName() string { return "staff/form" }

// StaffViewPage is one member: details, skills, the job plan in short,
// the leave balance and requests.
type StaffViewPage struct {
	Page
	workforceHelpers
	Staff   *elective.StaffMember
	JobPlan *elective.JobPlan
	Summary workforce.Summary
	Balance *elective.LeaveBalance
	Leave   []*elective.LeaveRequest
	Annual  string // the entitlement form
	Study   string
	Errors  FormErrors
}

func (*StaffViewPage) templateName() string { return "staff/view" }

// handleStaffIndex searches staff by name, grade or bleep, team and group.
func (s *Server) handleStaffIndex(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := &StaffIndexPage{Query: strings.TrimSpace(q.Get("q")), Team: q.Get("team"), Group: q.Get("group")}
	p.Title, p.Nav, p.Wide = "Staff", NavWorkforce, true
	all, err := s.svc.Staff.FindStaff(r.Context(), elective.StaffFilter{})
	if err != nil {
		return err
	}
	p.Teams = teamsOf(all)
	p.Staff, err = s.svc.Staff.FindStaff(r.Context(), elective.StaffFilter{Search: p.Query, Team: p.Team,
		Group: elective.StaffGroup(p.Group)})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// staffFormPage is the add or edit form with its choices.
func (s *Server) staffFormPage(r *http.Request, id int64, f StaffForm, errs FormErrors) (*StaffFormPage, error) {
	if err := authorize(r, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	p := &StaffFormPage{StaffID: id, Form: f, Errors: errs, Specialties: lk.specialties, Clinicians: lk.clinicians}
	p.Title, p.Nav = "Add a member of staff", NavWorkforce
	if id != 0 {
		p.Title = "Change " + strings.TrimSpace(f.Title+" "+f.GivenName+" "+f.FamilyName)
	}
	return p, nil
}

// handleStaffNew shows the form for a new member.
func (s *Server) handleStaffNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.staffFormPage(r, 0, newStaffForm(), FormErrors{})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleStaffEdit shows the form filled with a member's details.
func (s *Server) handleStaffEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, err := s.svc.Staff.FindStaffMemberByID(r.Context(), id)
	if err != nil {
		return err
	}
	p, err := s.staffFormPage(r, id, staffFormOf(m), FormErrors{})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleStaffCreate adds a member; a refusal is shown on the form.
func (s *Server) handleStaffCreate(w http.ResponseWriter, r *http.Request) error {
	return s.saveStaff(w, r, 0)
}

// handleStaffUpdate saves a member's changed details.
func (s *Server) handleStaffUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	return s.saveStaff(w, r, id)
}

func (s *Server) saveStaff(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := readStaffForm(r)
	m, err := f.member()
	if err == nil {
		m.ID = id
		if id == 0 {
			err = s.svc.Staff.CreateStaffMember(r.Context(), m)
		} else {
			err = s.svc.Staff.UpdateStaffMember(r.Context(), m)
		}
	}
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, fmt.Sprintf("/staff/%d", m.ID), m.DisplayName()+" saved")
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.staffFormPage(r, id, f, newFormErrors(err, map[string]string{"specialty": "specialty-id", "clinician": "clinician-id"}))
		if perr != nil {
			return perr
		}
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// handleStaffView shows a member with their job plan and leave.
func (s *Server) handleStaffView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.staffViewPage(r, id)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) staffViewPage(r *http.Request, id int64) (*StaffViewPage, error) {
	ctx := r.Context()
	jp, err := s.svc.JobPlans.FindJobPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &StaffViewPage{Staff: jp.Staff, JobPlan: jp, Summary: workforce.Summarise(s.plainTime(), jp.Activities)}
	p.Title, p.Nav = jp.Staff.DisplayName(), NavWorkforce
	if p.Balance, err = s.svc.Leave.FindLeaveBalance(ctx, id, s.today()); err != nil {
		return nil, err
	}
	p.Annual, p.Study = p.Days(p.Balance.Entitlement.AnnualDays), p.Days(p.Balance.Entitlement.StudyDays)
	p.Leave, err = s.svc.Leave.FindLeaveRequests(ctx, elective.LeaveFilter{StaffID: id, From: p.Balance.Entitlement.YearStart})
	return p, err
}

// plainTime is the policy's plain-time window for job plans.
func (s *Server) plainTime() workforce.PlainTime {
	return workforce.PlainTime{StartMinute: s.cfg.Policy.PlainTimeStartHour * 60, EndMinute: s.cfg.Policy.PlainTimeEndHour * 60}
}

// handleEntitlementSet stores a member's entitlement for this leave year.
func (s *Server) handleEntitlementSet(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	annual, study := strings.TrimSpace(r.PostFormValue("annual_days")), strings.TrimSpace(r.PostFormValue("study_days"))
	e := &elective.LeaveEntitlement{StaffID: id, YearStart: s.today()}
	var a, b error
	e.AnnualDays, a = strconv.ParseFloat(annual, 64)
	e.StudyDays, b = strconv.ParseFloat(study, 64)
	switch {
	case a != nil:
		err = fieldErr("annual_days", "Enter the annual leave in days, for example 27 or 27.5")
	case b != nil:
		err = fieldErr("study_days", "Enter the study and professional leave in days, for example 10")
	default:
		err = s.svc.Leave.SetLeaveEntitlement(r.Context(), e)
	}
	if elective.ErrorCode(err) == elective.EINVALID {
		p, perr := s.staffViewPage(r, id)
		if perr != nil {
			return perr
		}
		p.Annual, p.Study, p.Errors = annual, study, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	} else if err != nil {
		return err
	}
	return s.redirectWithFlash(w, r, fmt.Sprintf("/staff/%d", id), "Leave entitlement saved for this leave year")
}
