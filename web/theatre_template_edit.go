package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// TheatreTemplateEditPage edits a theatre template in place: the form,
// then (once previewed) the lists the change would reach, the booked cases
// it would no longer fit and the locked lists it would leave alone, with
// the form that saves exactly what was previewed.
type TheatreTemplateEditPage struct {
	Page
	Template    *elective.TheatreTemplate
	Theatres    []*elective.Theatre
	Specialties []*elective.Specialty
	Surgeons    []*elective.Clinician
	Form        TheatreTemplateEditForm
	Errors      FormErrors
	// Preview is nil until the change is previewed.
	Preview *elective.TheatreTemplateEditPreview
	Rows    []TemplateEditRow // unlocked lists that would change
	Locked  []TemplateEditRow // locked lists: changed only if a manager includes them
	Kept    []TemplateEditRow // lists that keep details set on the list itself, and nothing else changes
	Broken  int               // cases on Rows that would no longer fit
}

func (*TheatreTemplateEditPage) templateName() string { return "theatre/template-edit" }

// TemplateEditRow is one list in the preview.
type TemplateEditRow struct {
	SessionID int64
	Date      elective.Date
	When      string   // as it is: "Morning 08:30, 240 min"
	Changes   []string // "minutes 240 → 180"
	Kept      string   // details set on the list itself, kept
	Clash     string
	Broken    []BrokenCaseRow
}

// BrokenCaseRow is a booked case the change would no longer fit.
type BrokenCaseRow struct {
	CaseID, EntryID int64
	Procedure       string
	Patient         string
	Why             string
	Checked         bool // agreed to take it off (the form as posted)
	Date            elective.Date
	Locked          bool // on a locked list: comes off only if the locked lists are included
}

// TheatreTemplateEditForm is an edit as typed, with the confirmation.
type TheatreTemplateEditForm struct {
	TheatreID, SpecialtyID, SurgeonID int64
	Period, Start, Minutes, ListType  string
	Kit, Anaesthetist, ApplyFrom      string
	TakeOff                           []int64
	Reason                            string
	IncludeLocked                     bool
	Override                          string
}

// editAnchors link the summary to the inputs named differently.
var editAnchors = map[string]string{"theatre": "theatre-id", "specialty": "specialty-id", "surgeon": "surgeon-id",
	"kit": "template-kit", "minutes": "minutes", "start": "start"}

// handleTheatreTemplateEdit shows the edit form with the template's
// details, applying from today.
func (s *Server) handleTheatreTemplateEdit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.theatreTemplateEditPage(r)
	if err != nil {
		return err
	}
	p.Form = editFormOf(p.Template, s.today())
	return s.render(w, r, http.StatusOK, p)
}

// handleTheatreTemplatePreview shows what the typed change would do,
// changing nothing.
func (s *Server) handleTheatreTemplatePreview(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	p, err := s.theatreTemplateEditPage(r)
	if err != nil {
		return err
	}
	p.Form = readTheatreTemplateEditForm(r)
	e, err := p.Form.edit(p.Template.ID)
	if err == nil {
		p.Preview, err = s.svc.TheatreTemplates.PreviewTheatreTemplateEdit(r.Context(), e)
	}
	if c := elective.ErrorCode(err); c != "" && c != elective.EINVALID && c != elective.ECONFLICT {
		return err
	}
	p.Errors = newFormErrors(err, editAnchors)
	p.setPreview(p.Preview)
	return s.render(w, r, httpStatus(err), p)
}

// handleTheatreTemplateUpdate saves the previewed change; a refusal shows
// the page again with the preview worked out afresh.
func (s *Server) handleTheatreTemplateUpdate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f := readTheatreTemplateEditForm(r)
	e, err := f.edit(id)
	parsed := err == nil
	var done *elective.TheatreTemplateEdited
	if parsed {
		done, err = s.svc.TheatreTemplates.EditTheatreTemplate(r.Context(), e)
	}
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, "/theatre-templates", editedMessage(e.ApplyFrom, done))
	case elective.EINVALID, elective.ECONFLICT, elective.EFORBIDDEN:
	default:
		return err
	}
	p, perr := s.theatreTemplateEditPage(r)
	if perr != nil {
		return perr
	}
	p.Form, p.Errors = f, newFormErrors(err, editAnchors)
	if parsed {
		if preview, perr := s.svc.TheatreTemplates.PreviewTheatreTemplateEdit(r.Context(), e); perr == nil {
			p.setPreview(preview)
		}
	}
	return s.render(w, r, httpStatus(err), p)
}

// theatreTemplateEditPage is the page with the template and the choices.
func (s *Server) theatreTemplateEditPage(r *http.Request) (*TheatreTemplateEditPage, error) {
	if err := authorize(r, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	p := &TheatreTemplateEditPage{}
	if p.Template, err = s.svc.TheatreTemplates.FindTheatreTemplate(ctx, id); err != nil {
		return nil, err
	}
	p.Title, p.Nav = "Edit the "+p.Template.Weekday.String()+" list of "+p.Template.TheatreName, NavTheatres
	if p.Specialties, p.Surgeons, p.Theatres, err = s.theatreChoices(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// editFormOf is the form holding the template's details.
func editFormOf(t *elective.TheatreTemplate, applyFrom elective.Date) TheatreTemplateEditForm {
	return TheatreTemplateEditForm{TheatreID: t.TheatreID, SpecialtyID: t.SpecialtyID, SurgeonID: t.SurgeonID,
		Period: string(t.Period), Start: hhmm(t.StartMinute), Minutes: strconv.Itoa(t.Minutes), ListType: string(t.ListType),
		Kit: strings.Join(t.Kit, ", "), Anaesthetist: t.Anaesthetist, ApplyFrom: applyFrom.String()}
}

func readTheatreTemplateEditForm(r *http.Request) TheatreTemplateEditForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := TheatreTemplateEditForm{TheatreID: formInt64(v("theatre_id")), SpecialtyID: formInt64(v("specialty_id")),
		SurgeonID: formInt64(v("surgeon_id")), Period: v("period"), Start: v("start"), Minutes: v("minutes"),
		ListType: v("list_type"), Kit: v("kit"), Anaesthetist: v("anaesthetist"), ApplyFrom: v("apply_from"),
		Reason: v("reason"), IncludeLocked: v("include_locked") == "yes", Override: v("override")}
	for _, id := range r.PostForm["take_off"] {
		if n := formInt64(id); n > 0 {
			f.TakeOff = append(f.TakeOff, n)
		}
	}
	return f
}

// edit reads the form into an edit, naming the first field that does not
// parse; the service checks the rest.
func (f TheatreTemplateEditForm) edit(id int64) (elective.TheatreTemplateEdit, error) {
	e := elective.TheatreTemplateEdit{TemplateID: id, TheatreID: f.TheatreID, SpecialtyID: f.SpecialtyID, SurgeonID: f.SurgeonID,
		Anaesthetist: f.Anaesthetist, Period: elective.SessionPeriod(f.Period), ListType: elective.TheatreListType(f.ListType),
		Kit: splitList(f.Kit), TakeOff: f.TakeOff, Reason: f.Reason, IncludeLocked: f.IncludeLocked, Override: f.Override}
	var err error
	if e.StartMinute, e.Minutes, err = sessionTimes(f.Start, f.Minutes); err != nil {
		return e, err
	}
	if e.ApplyFrom, err = elective.ParseDate(f.ApplyFrom); err != nil {
		return e, fieldErr("apply_from", "Enter the date the change applies from")
	}
	return e, nil
}

// editedMessage says what saving did, for the flash.
func editedMessage(from elective.Date, d *elective.TheatreTemplateEdited) string {
	msg := fmt.Sprintf("Theatre template changed from %s; %s changed", from.Format("2 Jan 2006"), lists(d.Changed))
	if d.LockedLeft > 0 {
		msg += fmt.Sprintf(", %s left as they were", lockedLists(d.LockedLeft))
	}
	switch {
	case d.TakenOff == 1:
		msg += "; 1 case taken off its list, back to the admitted waiting list"
	case d.TakenOff > 1:
		msg += fmt.Sprintf("; %d cases taken off their lists, back to the admitted waiting list", d.TakenOff)
	}
	if d.Made > 0 {
		msg += fmt.Sprintf("; %s before then made with the old details", lists(d.Made))
	}
	return msg
}

func lists(n int) string {
	if n == 1 {
		return "1 list"
	}
	return strconv.Itoa(n) + " lists"
}

func lockedLists(n int) string {
	if n == 1 {
		return "1 locked list"
	}
	return strconv.Itoa(n) + " locked lists"
}
