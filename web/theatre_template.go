package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// templateHorizonWeeks is how far ahead a new theatre template's sessions
// are made at once: the booking horizon, as for clinic templates.
const templateHorizonWeeks = 16

// TheatreTemplatesPage lists the theatre session templates, with a form
// to add one: a theatre's standing list on a weekday.
type TheatreTemplatesPage struct {
	Page
	Templates   []*elective.TheatreTemplate // those shown: the filter's, or all of a small trust's
	Theatres    []*elective.Theatre
	Specialties []*elective.Specialty
	Surgeons    []*elective.Clinician
	Form        TheatreTemplateForm
	Errors      FormErrors

	// TheatreID and SpecialtyID narrow the list (0: every one). A large
	// trust's hundreds of templates, each with its forms, make a page too
	// long to work in, so without a filter it lists the theatres instead.
	TheatreID, SpecialtyID int64
	ByTheatre              []TheatreTemplateCount
	Total                  int
}

// TheatreTemplateCount is one theatre's number of templates, for the
// unfiltered page of a large trust.
type TheatreTemplateCount struct {
	TheatreID   int64
	TheatreName string
	Templates   int
}

// templatesListedAll is the most templates the page lists without a
// filter: about a month of a small hospital's standing lists.
const templatesListedAll = 60

func (*TheatreTemplatesPage) templateName() string { return "theatre/templates" }

// Weekdays are the days a template can run, Monday first, for the form.
func (*TheatreTemplatesPage) Weekdays() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
}

// TheatreTemplateForm is a new template as typed.
type TheatreTemplateForm struct {
	TheatreID, SpecialtyID, SurgeonID int64
	Weekday                           int
	Period, Start, Minutes, ListType  string
	Kit, Anaesthetist, Every          string
	From, To                          string
}

// handleTheatreTemplates lists the templates.
func (s *Server) handleTheatreTemplates(w http.ResponseWriter, r *http.Request) error {
	p, err := s.theatreTemplatesPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) theatreTemplatesPage(r *http.Request) (*TheatreTemplatesPage, error) {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	ctx := r.Context()
	p := &TheatreTemplatesPage{Form: TheatreTemplateForm{Weekday: int(time.Monday), Period: string(elective.PeriodMorning),
		Start: "08:30", Minutes: "240", ListType: string(elective.ListGA), Every: "1", From: s.today().String()}}
	p.Title, p.Nav, p.Wide = "Theatre session templates", NavTheatres, true
	var err error
	if p.Specialties, p.Surgeons, p.Theatres, err = s.theatreChoices(ctx); err != nil {
		return nil, err
	}
	all, err := s.svc.TheatreTemplates.FindTheatreTemplates(ctx)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	p.TheatreID, p.SpecialtyID, p.Total = formInt64(q.Get("theatre_id")), formInt64(q.Get("specialty_id")), len(all)
	p.Templates, p.ByTheatre = filterTemplates(all, p.TheatreID, p.SpecialtyID)
	return p, nil
}

// filterTemplates keeps the templates of the theatre and specialty asked
// for; with neither and more than templatesListedAll, it counts them by
// theatre instead.
func filterTemplates(all []*elective.TheatreTemplate, theatreID, specialtyID int64) ([]*elective.TheatreTemplate, []TheatreTemplateCount) {
	if theatreID == 0 && specialtyID == 0 && len(all) > templatesListedAll {
		var counts []TheatreTemplateCount
		at := map[int64]int{}
		for _, t := range all {
			i, ok := at[t.TheatreID]
			if !ok {
				i = len(counts)
				at[t.TheatreID] = i
				counts = append(counts, TheatreTemplateCount{TheatreID: t.TheatreID, TheatreName: t.TheatreName})
			}
			counts[i].Templates++
		}
		return nil, counts
	}
	var out []*elective.TheatreTemplate
	for _, t := range all {
		if (theatreID == 0 || t.TheatreID == theatreID) && (specialtyID == 0 || t.SpecialtyID == specialtyID) {
			out = append(out, t)
		}
	}
	return out, nil
}

// handleTheatreTemplateCreate saves a template and makes its sessions for
// the booking horizon; a refusal is shown on the form.
func (s *Server) handleTheatreTemplateCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := readTheatreTemplateForm(r)
	t, err := f.template()
	if err == nil {
		err = s.svc.TheatreTemplates.CreateTheatreTemplate(r.Context(), t)
	}
	switch elective.ErrorCode(err) {
	case "":
		today := s.today()
		n, err := s.svc.TheatreTemplates.GenerateTheatreSessions(r.Context(), today, today.AddDays(7*templateHorizonWeeks))
		if err != nil {
			return err
		}
		return s.redirectWithFlash(w, r, "/theatre-templates",
			fmt.Sprintf("Theatre template saved; %d sessions made for the next %d weeks", n, templateHorizonWeeks))
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.theatreTemplatesPage(r)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = f, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// handleTheatreTemplateGenerate makes the templates' sessions up to the
// end of the booking horizon from today: the horizon rolls on each week,
// and serve makes them only when it starts.
func (s *Server) handleTheatreTemplateGenerate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	today := s.today()
	n, err := s.svc.TheatreTemplates.GenerateTheatreSessions(r.Context(), today, today.AddDays(7*templateHorizonWeeks))
	if err != nil {
		return err
	}
	return s.redirectWithFlash(w, r, "/theatre-templates",
		fmt.Sprintf("%d theatre sessions made for the next %d weeks", n, templateHorizonWeeks))
}

func readTheatreTemplateForm(r *http.Request) TheatreTemplateForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	wd, _ := strconv.Atoi(v("weekday"))
	return TheatreTemplateForm{TheatreID: formInt64(v("theatre_id")), SpecialtyID: formInt64(v("specialty_id")),
		SurgeonID: formInt64(v("surgeon_id")), Weekday: wd, Period: v("period"), Start: v("start"), Minutes: v("minutes"),
		ListType: v("list_type"), Kit: v("kit"), Anaesthetist: v("anaesthetist"), Every: v("every"), From: v("effective_from"),
		To: v("effective_to")}
}

// template reads the form into a template, naming the first field that
// does not parse; the service checks the rest.
func (f TheatreTemplateForm) template() (*elective.TheatreTemplate, error) {
	t := &elective.TheatreTemplate{TheatreID: f.TheatreID, SpecialtyID: f.SpecialtyID, SurgeonID: f.SurgeonID,
		Anaesthetist: f.Anaesthetist, Weekday: time.Weekday(f.Weekday), Period: elective.SessionPeriod(f.Period),
		ListType: elective.TheatreListType(f.ListType), Kit: splitList(f.Kit)}
	var err error
	if t.StartMinute, t.Minutes, err = sessionTimes(f.Start, f.Minutes); err != nil {
		return nil, err
	}
	if t.Every, err = strconv.Atoi(f.Every); err != nil {
		return nil, fieldErr("every", "Enter how often the list runs, in weeks: 1 is weekly")
	}
	if t.EffectiveFrom, err = elective.ParseDate(f.From); err != nil {
		return nil, fieldErr("effective_from", "Enter the date the template starts")
	}
	if f.To != "" {
		if t.EffectiveTo, err = elective.ParseDate(f.To); err != nil {
			return nil, fieldErr("effective_to", "Enter the end date as a date, or leave it empty")
		}
	}
	return t, nil
}

// handleTheatreTemplateEnd ends a template after the date given and
// releases its later lists.
func (s *Server) handleTheatreTemplateEnd(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	last, perr := elective.ParseDate(strings.TrimSpace(r.PostFormValue("last")))
	var n int
	if perr != nil {
		err = fieldErr("last", "Enter the date of the last list")
	} else {
		n, err = s.svc.TheatreTemplates.EndTheatreTemplate(r.Context(), id, last, r.PostFormValue("reason"))
	}
	if err != nil {
		return s.theatreTemplateRefused(w, r, err)
	}
	return s.redirectWithFlash(w, r, "/theatre-templates",
		fmt.Sprintf("Template ends after %s; %d later lists released", last.Format("2 Jan 2006"), n))
}

// handleTheatreTemplateException closes one date of a template.
func (s *Server) handleTheatreTemplateException(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	d, perr := elective.ParseDate(strings.TrimSpace(r.PostFormValue("date")))
	var n int
	if perr != nil {
		err = fieldErr("exception_date", "Enter the date the list does not run")
	} else {
		n, err = s.svc.TheatreTemplates.AddTheatreTemplateException(r.Context(), id,
			elective.TemplateException{Date: d, Reason: r.PostFormValue("reason")})
	}
	if err != nil {
		return s.theatreTemplateRefused(w, r, err)
	}
	return s.redirectWithFlash(w, r, "/theatre-templates",
		fmt.Sprintf("No list on %s; %d list released", d.Format("2 Jan 2006"), n))
}

// theatreTemplateRefused shows the templates page with a refusal.
func (s *Server) theatreTemplateRefused(w http.ResponseWriter, r *http.Request, err error) error {
	if c := elective.ErrorCode(err); c != elective.EINVALID && c != elective.ECONFLICT {
		return err
	}
	p, perr := s.theatreTemplatesPage(r)
	if perr != nil {
		return perr
	}
	p.Errors = newFormErrors(err, nil)
	return s.render(w, r, httpStatus(err), p)
}

// theatreChoices are what a template form chooses from: the specialties,
// the surgeons and the theatres.
func (s *Server) theatreChoices(ctx context.Context) ([]*elective.Specialty, []*elective.Clinician, []*elective.Theatre, error) {
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	theatres, err := s.svc.Theatres.FindTheatres(ctx)
	return lk.specialties, lk.clinicians, theatres, err
}
