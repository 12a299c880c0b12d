package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/workforce"
)

// JobPlanPage shows a consultant's job plan with its totals and checks,
// and adds and removes programmed activities.
type JobPlanPage struct {
	Page
	workforceHelpers
	Plan             *elective.JobPlan
	Summary          workforce.Summary
	Form             ActivityForm
	Errors           FormErrors
	ClinicTemplates  []*elective.ClinicTemplate  // the consultant's clinics
	TheatreTemplates []*elective.TheatreTemplate // the consultant's theatre lists
	PlainTime        workforce.PlainTime
}

func (*JobPlanPage) templateName() string { return "staff/jobplan" }

// ActivityPAs is what one block counts for.
func (p *JobPlanPage) ActivityPAs(a *elective.ProgrammedActivity) string {
	return workforce.FormatPAs(workforce.PAs(p.PlainTime, a))
}

// ActivityForm is a programmed activity as typed. Template is "c:ID" for
// a clinic template, "t:ID" for a theatre template, "" for none.
type ActivityForm struct {
	Weekday                       int
	Start, Minutes, Category      string
	Premium                       bool
	Description, Template, Extern string
}

// ReconciliationPage sets the sessions a consultant's templates delivered
// against the job plan over a period.
type ReconciliationPage struct {
	Page
	workforceHelpers
	StaffID  int64
	Rec      *elective.JobPlanReconciliation
	From, To string
	Errors   FormErrors
}

func (*ReconciliationPage) templateName() string { return "staff/reconciliation" }

// handleJobPlan shows the job plan.
func (s *Server) handleJobPlan(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p, err := s.jobPlanPage(r, id)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) jobPlanPage(r *http.Request, id int64) (*JobPlanPage, error) {
	ctx := r.Context()
	jp, err := s.svc.JobPlans.FindJobPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &JobPlanPage{Plan: jp, Summary: workforce.Summarise(s.plainTime(), jp.Activities), PlainTime: s.plainTime(),
		Form: ActivityForm{Weekday: int(time.Monday), Start: "09:00", Minutes: "240", Category: string(elective.PADirectClinicalCare)}}
	p.Title, p.Nav = "Job plan of "+jp.Staff.DisplayName(), NavWorkforce
	if c := jp.Staff.ClinicianID; c != 0 && authorize(r, elective.ActionManageWorkforce) == nil {
		if p.ClinicTemplates, p.TheatreTemplates, err = s.consultantTemplates(r, c); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// consultantTemplates lists the clinic and theatre templates whose
// sessions carry the clinician's name. A user who may not read theatre
// templates sees only clinics.
func (s *Server) consultantTemplates(r *http.Request, clinicianID int64) ([]*elective.ClinicTemplate, []*elective.TheatreTemplate, error) {
	cts, err := s.svc.Clinics.FindClinicTemplates(r.Context(), 0)
	if err != nil {
		return nil, nil, err
	}
	var clinics []*elective.ClinicTemplate
	for _, t := range cts {
		if t.ClinicianID == clinicianID {
			clinics = append(clinics, t)
		}
	}
	tts, err := s.svc.TheatreTemplates.FindTheatreTemplates(r.Context())
	if elective.ErrorCode(err) == elective.EFORBIDDEN {
		return clinics, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	var lists []*elective.TheatreTemplate
	for _, t := range tts {
		if t.SurgeonID == clinicianID {
			lists = append(lists, t)
		}
	}
	return clinics, lists, nil
}

// handleActivityAdd adds a programmed activity; a refusal is shown on the
// form.
func (s *Server) handleActivityAdd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := readActivityForm(r)
	a, err := f.activity(id)
	if err == nil {
		err = s.svc.JobPlans.AddProgrammedActivity(r.Context(), a)
	}
	if elective.ErrorCode(err) == elective.EINVALID {
		p, perr := s.jobPlanPage(r, id)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = f, newFormErrors(err, map[string]string{"template": "pa-template", "start": "pa-start",
			"minutes": "pa-minutes", "category": "pa-category", "weekday": "pa-weekday", "external": "pa-external"})
		return s.render(w, r, httpStatus(err), p)
	} else if err != nil {
		return err
	}
	msg := fmt.Sprintf("Added %s on %s at %s", a.Category.Short(), a.Weekday, hhmm(a.StartMinute))
	if a.Premium {
		msg += " (premium time: 3 hours a PA)"
	}
	return s.redirectWithFlash(w, r, fmt.Sprintf("/staff/%d/job-plan", id), msg)
}

// handleActivityRemove takes an activity out of the job plan.
func (s *Server) handleActivityRemove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.svc.JobPlans.RemoveProgrammedActivity(r.Context(), formInt64(r.PathValue("pa"))); err != nil {
		return err
	}
	return s.redirectWithFlash(w, r, fmt.Sprintf("/staff/%d/job-plan", id), "Activity removed from the job plan")
}

func readActivityForm(r *http.Request) ActivityForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	wd, _ := strconv.Atoi(v("weekday"))
	return ActivityForm{Weekday: wd, Start: v("start"), Minutes: v("minutes"), Category: v("category"),
		Premium: v("premium") == "yes", Description: v("description"), Template: v("template"), Extern: v("external")}
}

// activity reads the form, naming the first field that does not parse.
func (f ActivityForm) activity(staffID int64) (*elective.ProgrammedActivity, error) {
	a := &elective.ProgrammedActivity{StaffID: staffID, Weekday: time.Weekday(f.Weekday), Category: elective.PACategory(f.Category),
		Premium: f.Premium, Description: f.Description, External: f.Extern}
	var err error
	if a.StartMinute, err = parseHHMM(f.Start); err != nil {
		return nil, fieldErr("start", "Enter the start time as HH:MM, for example 09:00")
	}
	if a.Minutes, err = formMinutes(f.Minutes, "minutes", "The length"); err != nil {
		return nil, err
	}
	kind, tid, _ := strings.Cut(f.Template, ":")
	switch kind {
	case "c":
		a.ClinicTemplateID = formInt64(tid)
	case "t":
		a.TheatreTemplateID = formInt64(tid)
	}
	return a, nil
}

// handleReconciliation counts sessions delivered against the job plan,
// by default over the last twelve weeks and the next four.
func (s *Server) handleReconciliation(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	today := s.today()
	p := &ReconciliationPage{StaffID: id, From: r.URL.Query().Get("from"), To: r.URL.Query().Get("to")}
	if p.From == "" {
		p.From = today.AddDays(-84).String()
	}
	if p.To == "" {
		p.To = today.AddDays(27).String()
	}
	from, ferr := elective.ParseDate(p.From)
	to, terr := elective.ParseDate(p.To)
	if ferr != nil || terr != nil {
		err = fieldErr("from", "Enter the period as two dates")
	} else {
		p.Rec, err = s.svc.JobPlans.ReconcileJobPlan(r.Context(), id, from, to)
	}
	p.Title, p.Nav = "Sessions delivered against the job plan", NavWorkforce
	if elective.ErrorCode(err) == elective.EINVALID {
		p.Errors = newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	} else if err != nil {
		return err
	}
	p.Title += " of " + p.Rec.Staff.DisplayName()
	return s.render(w, r, http.StatusOK, p)
}
