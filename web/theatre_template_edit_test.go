package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// fixtureEditPreview is Ms Okafor's list cut to 180 minutes with Dr Sleep:
// a list in four weeks where the second case would run over, and next
// week's locked list.
func fixtureEditPreview(today elective.Date) *elective.TheatreTemplateEditPreview {
	t := fixtureTheatreTemplate(today)
	e := elective.EditOf(t, today)
	e.Anaesthetist, e.Minutes = "Dr Sleep", 180
	to := e.Apply(t)
	to.SurgeonName = t.SurgeonName
	list := func(days int) *elective.TheatreSession {
		s := t.Session(today.AddDays(days))
		s.ID, s.TheatreName, s.SurgeonName = int64(40+days), t.TheatreName, t.SurgeonName
		return s
	}
	later, locked := list(28), list(7)
	entry := &elective.AdmittedListEntry{ID: 9, ProcedureCode: "W401", ProcedureName: "Total knee replacement", PatientName: "SMITH, Jane"}
	over := &elective.TheatreCase{ID: 77, EntryID: 9, Position: 2, Minutes: 120, Status: elective.CaseBooked, Entry: entry}
	later.Cases = []*elective.TheatreCase{{ID: 76, Position: 1, Minutes: 90, Status: elective.CaseBooked}, over}
	edit := func(s *elective.TheatreSession) *elective.TheatreSession {
		n := *s
		n.Minutes, n.Anaesthetist = 180, "Dr Sleep"
		return &n
	}
	return &elective.TheatreTemplateEditPreview{Template: t, Edited: to, ApplyFrom: today, Changes: []string{"anaesthetist", "minutes"},
		Sessions: []*elective.TemplateSessionEdit{
			{Session: locked, Edited: edit(locked), Changed: []string{"anaesthetist", "minutes"}, Locked: true},
			{Session: later, Edited: edit(later), Changed: []string{"anaesthetist", "minutes"},
				Broken: []elective.BrokenCase{{Case: over, Why: "The list would have 180 minutes: the case would end 30 minutes after it"}}},
		}}
}

// addTheatreTemplateEditPages adds the edit page with a preview.
func addTheatreTemplateEditPages(add func(page, string), e *testEnv, formErrs FormErrors) {
	today := e.today()
	p := &TheatreTemplateEditPage{Template: fixtureTheatreTemplate(today), Theatres: []*elective.Theatre{{ID: 1, Name: "Main theatre 1"}},
		Specialties: fixtureSpecialties(), Surgeons: fixtureClinicians(), Errors: formErrs,
		Form: TheatreTemplateEditForm{TheatreID: 1, SpecialtyID: 1, SurgeonID: 10, Period: "am", Start: "08:30", Minutes: "180",
			ListType: "GA", Anaesthetist: "Dr Sleep", ApplyFrom: today.String(), TakeOff: []int64{77}}}
	p.setPreview(fixtureEditPreview(today))
	add(p, "Edit the Monday list of Main theatre 1")
}

func (e *testEnv) stubTheatreTemplateEdit() {
	e.stubTheatreTemplates()
	e.ttpl.FindTheatreTemplateFn = func(_ context.Context, id int64) (*elective.TheatreTemplate, error) {
		if id != 3 {
			return nil, elective.Errorf(elective.ENOTFOUND, "There is no such theatre template")
		}
		return fixtureTheatreTemplate(e.today()), nil
	}
	e.ttpl.PreviewTheatreTemplateEditFn = func(context.Context, elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error) {
		return fixtureEditPreview(e.today()), nil
	}
}

func editForm(today elective.Date) url.Values {
	return url.Values{"theatre_id": {"1"}, "specialty_id": {"1"}, "surgeon_id": {"10"}, "anaesthetist": {"Dr Sleep"},
		"list_type": {"GA"}, "period": {"am"}, "start": {"08:30"}, "minutes": {"180"}, "kit": {"knee set"},
		"apply_from": {today.String()}}
}

// The templates page links to each template's edit form, which holds the
// template's details and applies from today.
func TestTheatreTemplateEditForm(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreTemplateEdit()
	w := e.get("/theatre-templates", "tok-senior")
	wantBody(t, w, `href="/theatre-templates/3/edit"`)
	w = e.get("/theatre-templates/3/edit", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Edit the template", `action="/theatre-templates/3/preview"`, `name="csrf_token" value="csrf-tok-senior"`,
		`value="08:30"`, `value="240"`, `value="Dr Gas"`, `value="knee set"`, `value="`+e.today().String()+`"`, "Preview the change")
	wantNoBody(t, w, "Save the change")
	wantStatus(t, e.get("/theatre-templates/3/edit", "tok-officer"), http.StatusForbidden)
	wantStatus(t, e.get("/theatre-templates/4/edit", "tok-senior"), http.StatusNotFound)
}

// The preview shows the lists that would change with old and new values,
// the case that would run over with a box to take it off, and the locked
// list apart; only a manager is offered the locked lists. Input that does
// not parse is named and nothing is previewed.
func TestTheatreTemplatePreview(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreTemplateEdit()
	var got elective.TheatreTemplateEdit
	e.ttpl.PreviewTheatreTemplateEditFn = func(_ context.Context, ed elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error) {
		got = ed
		return fixtureEditPreview(e.today()), nil
	}
	w := e.post("/theatre-templates/3/preview", "tok-senior", editForm(e.today()))
	wantStatus(t, w, http.StatusOK)
	if got.TemplateID != 3 || got.Minutes != 180 || got.Anaesthetist != "Dr Sleep" || got.StartMinute != 510 || got.ApplyFrom != e.today() {
		t.Errorf("previewed %+v", got)
	}
	wantBody(t, w, "What the change would do", "anaesthetist, minutes", "Lists that would change (1)", "minutes: 240 → 180",
		"anaesthetist: Dr Gas → Dr Sleep", "Total knee replacement (W401)", "the case would end 30 minutes after it",
		`id="take-off-77"`, "1 locked list left unchanged", `name="minutes" value="180"`, "Save the change")
	wantNoBody(t, w, `id="include-locked"`, "made first")
	e.ttpl.PreviewTheatreTemplateEditFn = func(context.Context, elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error) {
		p := fixtureEditPreview(e.today())
		p.Made = 2
		return p, nil
	}
	w = e.post("/theatre-templates/3/preview", "tok-manager", editForm(e.today()))
	wantBody(t, w, `id="include-locked"`, `id="override"`, "The 2 lists before "+e.today().Format("2 Jan 2006")+" not made yet are made first")

	bad := editForm(e.today())
	bad.Set("start", "half eight")
	got = elective.TheatreTemplateEdit{}
	w = e.post("/theatre-templates/3/preview", "tok-senior", bad)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the start time as HH:MM", `href="#start"`)
	wantNoBody(t, w, "Save the change")
	if got.TemplateID != 0 {
		t.Error("input that does not parse was previewed")
	}
	e.ttpl.PreviewTheatreTemplateEditFn = func(context.Context, elective.TheatreTemplateEdit) (*elective.TheatreTemplateEditPreview, error) {
		return nil, elective.Problems{{Field: "apply_from", Message: "The change cannot apply from a date in the past"}}.Err("The template was not changed")
	}
	w = e.post("/theatre-templates/3/preview", "tok-senior", editForm(e.today()))
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `href="#apply-from"`, "cannot apply from a date in the past", "nhsuk-form-group--error")
}

// Saving sends what was previewed with the cases agreed to come off and
// goes back to the templates with what was done; a refusal shows the page
// again with the preview and the reason.
func TestTheatreTemplateUpdate(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreTemplateEdit()
	var got elective.TheatreTemplateEdit
	e.ttpl.EditTheatreTemplateFn = func(_ context.Context, ed elective.TheatreTemplateEdit) (*elective.TheatreTemplateEdited, error) {
		got = ed
		return &elective.TheatreTemplateEdited{Changed: 12, LockedLeft: 2, TakenOff: 1}, nil
	}
	form := editForm(e.today())
	form.Set("take_off", "77")
	form.Set("reason", "List shortened")
	w := e.post("/theatre-templates/3/edit", "tok-senior", form)
	wantRedirect(t, w, "/theatre-templates")
	if got.TemplateID != 3 || len(got.TakeOff) != 1 || got.TakeOff[0] != 77 || got.Reason != "List shortened" || got.IncludeLocked {
		t.Errorf("saved %+v", got)
	}
	if msg := editedMessage(e.today(), &elective.TheatreTemplateEdited{Changed: 12, LockedLeft: 2, TakenOff: 1}); msg !=
		"Theatre template changed from "+e.today().Format("2 Jan 2006")+"; 12 lists changed, 2 locked lists left as they were; "+
			"1 case taken off its list, back to the admitted waiting list" {
		t.Errorf("flash = %q", msg)
	}
	e.ttpl.EditTheatreTemplateFn = func(context.Context, elective.TheatreTemplateEdit) (*elective.TheatreTemplateEdited, error) {
		return nil, elective.Errorf(elective.ECONFLICT, "The change would leave booked cases that no longer fit: Total knee replacement (W401) on 21 Dec 2026")
	}
	form.Del("take_off")
	w = e.post("/theatre-templates/3/edit", "tok-senior", form)
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "There is a problem", "Total knee replacement (W401) on 21 Dec 2026", "Lists that would change", `id="take-off-77"`,
		`value="List shortened"`)
	wantNoBody(t, w, `id="take-off-77" name="take_off" type="checkbox" value="77" checked`)
	e.ttpl.EditTheatreTemplateFn = func(context.Context, elective.TheatreTemplateEdit) (*elective.TheatreTemplateEdited, error) {
		return nil, elective.Errorf(elective.EFORBIDDEN, "Locked lists can only be changed by a booking manager")
	}
	form.Set("include_locked", "yes")
	w = e.post("/theatre-templates/3/edit", "tok-senior", form)
	wantStatus(t, w, http.StatusForbidden)
	wantBody(t, w, "Locked lists can only be changed by a booking manager")
}
