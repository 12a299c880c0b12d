package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// TemplateIndexPage lists a specialty's clinic templates.
type TemplateIndexPage struct {
	Page
	Filter      SlotIndexForm
	Specialties []*elective.Specialty
	Rows        []TemplateRow
}

func (*TemplateIndexPage) templateName() string { return "clinic/templates" }

// TemplateRow is a template with its clinician and site named.
type TemplateRow struct {
	Template  *elective.ClinicTemplate
	Clinician string
	Site      string
}

// TemplateViewPage is one template: its pattern, the sessions it will
// hold, the dates it skips and why, and the form for a one-off change.
type TemplateViewPage struct {
	Page
	Row      TemplateRow
	Sessions []calendar.Occurrence
	Skipped  []calendar.Skip
	Form     ExceptionForm
	Errors   FormErrors
	// ReleaseDays is clinic.urgentReleaseDays.
	ReleaseDays int
	// End previews ending the template after EndForm.Last (nil until a
	// date is chosen).
	End     *elective.TemplateChange
	EndForm TemplateEndForm
}

// TemplateEndForm is ending a template as typed.
type TemplateEndForm struct {
	Last   string // YYYY-MM-DD
	Reason elective.SessionCancelReason
	Note   string
}

func (*TemplateViewPage) templateName() string { return "clinic/template" }

// ExceptionForm is a closure or an extra session as typed.
type ExceptionForm struct {
	Date   string
	Extra  bool
	Reason string
}

// TemplateNewPage builds a new clinic template.
type TemplateNewPage struct {
	Page
	Form        TemplateForm
	Specialties []*elective.Specialty
	Clinicians  []*elective.Clinician
	Sites       []*elective.Site
	Errors      FormErrors
	ReleaseDays int // clinic.urgentReleaseDays
}

func (*TemplateNewPage) templateName() string { return "clinic/template-new" }

// Weekdays lists Monday to Friday for the form.
func (TemplateNewPage) Weekdays() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
}

// handleTemplateIndex lists templates of a specialty.
func (s *Server) handleTemplateIndex(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionManageClinics); err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &TemplateIndexPage{Filter: SlotIndexForm{SpecialtyID: formInt64(r.URL.Query().Get("specialty_id"))}, Specialties: lk.specialties}
	p.Title, p.Nav = "Clinic templates", NavSessions
	p.Filter.SpecialtyID = lk.specialtyOrFirst(p.Filter.SpecialtyID)
	ts, err := s.svc.Clinics.FindClinicTemplates(r.Context(), p.Filter.SpecialtyID)
	if err != nil {
		return err
	}
	for _, t := range ts {
		p.Rows = append(p.Rows, TemplateRow{Template: t, Clinician: lk.clinician(t.ClinicianID), Site: lk.site(t.SiteID)})
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleTemplateView shows a template and the next 16 weeks of its
// calendar.
func (s *Server) handleTemplateView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.templatePage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) templatePage(r *http.Request) (*TemplateViewPage, error) {
	if err := authorize(r, elective.ActionManageClinics); err != nil {
		return nil, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	t, err := s.svc.Clinics.FindClinicTemplate(r.Context(), id)
	if err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	sched := calendar.ScheduleOf(t)
	from, to := s.today(), s.today().AddDays(7*16)
	p := &TemplateViewPage{Row: TemplateRow{Template: t, Clinician: lk.clinician(t.ClinicianID), Site: lk.site(t.SiteID)},
		Sessions: sched.Sessions(from, to), Skipped: sched.Skipped(from, to), ReleaseDays: s.cfg.Policy.UrgentReleaseDays}
	p.Title, p.Nav = t.Name, NavSessions
	p.EndForm = TemplateEndForm{Last: r.FormValue("last"), Reason: elective.CancelForLeave}
	if last, err := elective.ParseDate(p.EndForm.Last); err == nil {
		p.End, err = s.svc.Cascade.PreviewTemplateEnd(r.Context(), id, last)
		if elective.ErrorCode(err) == elective.EINVALID {
			p.Errors, p.End = newFormErrors(elective.Errorf(elective.EINVALID, "%s", elective.ErrorMessage(err)), nil), nil
		} else if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// handleTemplateEnd ends the template after the chosen date and sends the
// manager to the patients it displaced.
func (s *Server) handleTemplateEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := TemplateEndForm{Last: r.PostFormValue("last"), Reason: elective.SessionCancelReason(r.PostFormValue("reason")),
		Note: strings.TrimSpace(r.PostFormValue("note"))}
	last, _ := elective.ParseDate(form.Last) // a bad date is zero: the rules ask for one
	n, err := s.svc.Cascade.EndTemplate(r.Context(), &elective.TemplateEnd{TemplateID: id, Last: last, Reason: form.Reason, Note: form.Note})
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, "/displaced?specialty_id="+r.PostFormValue("specialty_id"),
			"Clinic template ended after "+last.Format("2 Jan 2006")+". "+strconv.Itoa(n)+" patients to rebook")
	case elective.EINVALID, elective.EFORBIDDEN:
		p, perr := s.templatePage(r)
		if perr != nil {
			return perr
		}
		p.EndForm, p.Errors = form, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// handleTemplateException adds a closure or an extra session.
func (s *Server) handleTemplateException(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := ExceptionForm{Date: strings.TrimSpace(r.PostFormValue("date")), Extra: r.PostFormValue("extra") == "1",
		Reason: strings.TrimSpace(r.PostFormValue("reason"))}
	e := elective.TemplateException{Extra: f.Extra, Reason: f.Reason}
	if e.Date, err = elective.ParseDate(f.Date); err != nil {
		err = elective.Errorf(elective.EINVALID, "Enter the date, for example 2026-12-24")
	} else {
		err = s.svc.Clinics.AddTemplateException(r.Context(), id, e)
	}
	switch elective.ErrorCode(err) {
	case "":
		what := "Closed on "
		if e.Extra {
			what = "Extra session on "
		}
		return s.redirectWithFlash(w, r, "/templates/"+strconv.FormatInt(id, 10), what+e.Date.Format("2 Jan 2006"))
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.templatePage(r)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = f, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}
