package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// ExceptionIndexPage is the guardian's list of exception reports
// (rules.md 4.3, Oversight), by status and team.
type ExceptionIndexPage struct {
	Page
	Reports      []*elective.ExceptionReport
	Status, Team string
	Teams        []string
}

func (*ExceptionIndexPage) templateName() string { return "exception/index" }

// Statuses are the filter's choices.
func (*ExceptionIndexPage) Statuses() []elective.ExceptionStatus {
	return []elective.ExceptionStatus{elective.ExceptionOpen, elective.ExceptionClosed}
}

// ExceptionNewPage reports a duty that differed from the rota: first
// the doctor, then one of their rostered duties of the last 6 weeks.
type ExceptionNewPage struct {
	Page
	Staff   []*elective.StaffMember
	StaffID int64
	Duties  []elective.ExceptionDuty
	Form    ExceptionReportForm
	Errors  FormErrors
}

func (*ExceptionNewPage) templateName() string { return "exception/new" }

// Kinds are the form's choices.
func (*ExceptionNewPage) Kinds() []elective.ExceptionKind { return elective.ExceptionKinds }

// ExceptionReportForm is a report as typed: the duty as "rotaID/date" and
// local date-times.
type ExceptionReportForm struct {
	Duty, Kind, ActualStart, ActualEnd, WhatHappened, Why string
}

// ExceptionViewPage is one report with the outcome form for a manager.
type ExceptionViewPage struct {
	Page
	Report *elective.ExceptionReport
	Form   ExceptionDecisionForm
	Errors FormErrors
}

func (*ExceptionViewPage) templateName() string { return "exception/view" }

// Outcomes are the outcome form's choices.
func (*ExceptionViewPage) Outcomes() []elective.ExceptionOutcome { return elective.ExceptionOutcomes }

// ExceptionDecisionForm is the outcome as typed.
type ExceptionDecisionForm struct{ Outcome, Note string }

// dutyValue names a duty in the form's select.
func dutyValue(d elective.ExceptionDuty) string {
	return strconv.FormatInt(d.RotaID, 10) + "/" + d.Date.String()
}

// DutyValue is dutyValue for the template.
func (*ExceptionNewPage) DutyValue(d elective.ExceptionDuty) string { return dutyValue(d) }

const exceptionLookBackDays = 42

func (s *Server) handleExceptionIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.exceptionIndex(r)
	if err != nil {
		return err
	}
	staff, err := s.svc.Staff.FindStaff(r.Context(), elective.StaffFilter{})
	if err != nil {
		return err
	}
	p.Teams = teamsOf(staff)
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) exceptionIndex(r *http.Request) (*ExceptionIndexPage, error) {
	q := r.URL.Query()
	p := &ExceptionIndexPage{Status: q.Get("status"), Team: q.Get("team")}
	p.Title, p.Nav, p.Wide = "Exception reports", NavRotas, true
	var err error
	p.Reports, err = s.svc.Exceptions.FindExceptionReports(r.Context(),
		elective.ExceptionReportFilter{Status: elective.ExceptionStatus(p.Status), Team: p.Team})
	return p, err
}

func (s *Server) exceptionNewPage(r *http.Request, staffID int64, f ExceptionReportForm, errs FormErrors) (*ExceptionNewPage, error) {
	staff, err := s.svc.Staff.FindStaff(r.Context(), elective.StaffFilter{ActiveOnly: true, Group: elective.StaffResident})
	if err != nil {
		return nil, err
	}
	p := &ExceptionNewPage{Staff: staff, StaffID: staffID, Form: f, Errors: errs}
	p.Title, p.Nav = "Report an exception", NavRotas
	if staffID > 0 {
		today := s.today()
		if p.Duties, err = s.svc.Exceptions.ExceptionDuties(r.Context(), staffID, today.AddDays(-exceptionLookBackDays), today); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func (s *Server) handleExceptionNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.exceptionNewPage(r, formInt64(r.URL.Query().Get("staff_id")), ExceptionReportForm{Kind: string(elective.ExceptionHours)}, FormErrors{})
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleExceptionCreate stores the report; bad input shows the form again
// with the problems named and nothing saved.
func (s *Server) handleExceptionCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	staffID := formInt64(v("staff_id"))
	f := ExceptionReportForm{Duty: v("duty"), Kind: v("kind"), ActualStart: v("actual_start"), ActualEnd: v("actual_end"),
		WhatHappened: v("what_happened"), Why: v("why")}
	rep, err := s.readException(staffID, f)
	if err == nil {
		err = s.svc.Exceptions.CreateExceptionReport(r.Context(), rep)
	}
	if err == nil {
		return s.redirectWithFlash(w, r, "/exception-reports/"+strconv.FormatInt(rep.ID, 10), "Exception report sent to the guardian of safe working hours")
	}
	if c := elective.ErrorCode(err); c != elective.EINVALID && c != elective.ENOTFOUND {
		return err
	}
	if elective.ErrorCode(err) == elective.ENOTFOUND {
		err = fieldErr("duty", elective.ErrorMessage(err))
	}
	p, perr := s.exceptionNewPage(r, staffID, f, newFormErrors(err, nil))
	if perr != nil {
		return perr
	}
	return s.render(w, r, http.StatusUnprocessableEntity, p)
}

// readException parses the typed duty and times.
func (s *Server) readException(staffID int64, f ExceptionReportForm) (*elective.ExceptionReport, error) {
	rep := &elective.ExceptionReport{StaffID: staffID, Kind: elective.ExceptionKind(f.Kind), WhatHappened: f.WhatHappened, Why: f.Why}
	id, date, ok := strings.Cut(f.Duty, "/")
	d, derr := elective.ParseDate(date)
	if rep.RotaID = formInt64(id); !ok || derr != nil || rep.RotaID <= 0 || staffID <= 0 {
		return nil, fieldErr("duty", "Select the rostered duty the report is about")
	}
	rep.Date = d
	var err error
	if rep.ActualStart, err = time.ParseInLocation(localInput, f.ActualStart, s.cfg.Location); err != nil {
		return nil, fieldErr("actual_start", "Enter when the duty actually started, as a date and time")
	}
	if rep.ActualEnd, err = time.ParseInLocation(localInput, f.ActualEnd, s.cfg.Location); err != nil {
		return nil, fieldErr("actual_end", "Enter when the duty actually ended, as a date and time")
	}
	return rep, nil
}

func (s *Server) exceptionViewPage(r *http.Request) (*ExceptionViewPage, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	rep, err := s.svc.Exceptions.FindExceptionReport(r.Context(), id)
	if err != nil {
		return nil, err
	}
	p := &ExceptionViewPage{Report: rep}
	p.Title, p.Nav = fmt.Sprintf("Exception report: %s, %s", rep.StaffName, rep.Date.Format("2 Jan 2006")), NavRotas
	return p, nil
}

func (s *Server) handleExceptionView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.exceptionViewPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleExceptionOutcome agrees the outcome; bad input shows the page
// again with the problems named.
func (s *Server) handleExceptionOutcome(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := ExceptionDecisionForm{Outcome: strings.TrimSpace(r.PostFormValue("outcome")), Note: strings.TrimSpace(r.PostFormValue("note"))}
	rep, err := s.svc.Exceptions.AgreeExceptionOutcome(r.Context(), id, elective.ExceptionDecision{Outcome: elective.ExceptionOutcome(f.Outcome), Note: f.Note})
	if err == nil {
		return s.redirectWithFlash(w, r, "/exception-reports/"+strconv.FormatInt(id, 10), "Outcome agreed: "+rep.Outcome.Label())
	}
	if elective.ErrorCode(err) != elective.EINVALID {
		return err
	}
	p, perr := s.exceptionViewPage(r)
	if perr != nil {
		return perr
	}
	p.Form, p.Errors = f, newFormErrors(err, map[string]string{"outcome": "outcome-toil"})
	return s.render(w, r, http.StatusUnprocessableEntity, p)
}

var exceptionHeader = []string{"Report", "Staff ID", "Name", "Team", "Rota", "Duty date", "Shift", "Rostered start", "Rostered end",
	"Actual start", "Actual end", "Extra minutes", "Kind", "What happened", "Why", "Status", "Reported by", "Reported at",
	"Outcome", "Outcome note", "Outcome by", "Outcome at"}

// handleExceptionCSV downloads the filtered list, times in UK time.
func (s *Server) handleExceptionCSV(w http.ResponseWriter, r *http.Request) error {
	p, err := s.exceptionIndex(r)
	if err != nil {
		return err
	}
	d := &download{w: w, contentType: csvContentType, filename: "exception-reports-" + s.today().String() + ".csv"}
	cw := csv.NewWriter(d)
	cw.Write(exceptionHeader)
	for _, e := range p.Reports {
		if err = cw.Write(s.exceptionRow(e)); err != nil {
			break
		}
	}
	return s.finishCSV(r, d, cw, err)
}

func (s *Server) exceptionRow(e *elective.ExceptionReport) []string {
	t := func(v time.Time) string { return formatTime(v, s.cfg.Location, "2006-01-02 15:04") }
	return []string{strconv.FormatInt(e.ID, 10), strconv.FormatInt(e.StaffID, 10), csvSafe(e.StaffName), csvSafe(e.Team),
		csvSafe(e.RotaName), e.Date.String(), csvSafe(e.ShiftCode), t(e.RosteredStart), t(e.RosteredEnd), t(e.ActualStart),
		t(e.ActualEnd), strconv.Itoa(e.ExtraMinutes()), e.Kind.Label(), csvSafe(e.WhatHappened), csvSafe(e.Why), string(e.Status),
		csvSafe(e.ReportedBy), t(e.CreatedAt), outcomeLabel(e.Outcome), csvSafe(e.OutcomeNote), csvSafe(e.OutcomeBy), t(e.OutcomeAt)}
}

func outcomeLabel(o elective.ExceptionOutcome) string {
	if o == "" {
		return ""
	}
	return o.Label()
}
