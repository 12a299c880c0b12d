package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// fixtureTheatreTemplate is Ms Okafor's weekly Monday morning GA list in
// main theatre 1.
func fixtureTheatreTemplate(today elective.Date) *elective.TheatreTemplate {
	return &elective.TheatreTemplate{ID: 3, TheatreID: 1, SpecialtyID: 1, SurgeonID: 10, Anaesthetist: "Dr Gas", Weekday: time.Monday,
		Period: elective.PeriodMorning, StartMinute: 510, Minutes: 240, ListType: elective.ListGA, Kit: []string{"knee set"}, Every: 2,
		EffectiveFrom: today, EffectiveTo: today.AddDays(365), TheatreName: "Main theatre 1", SpecialtyName: "Trauma and orthopaedics",
		SurgeonName: "Ms A Okafor"}
}

// addTheatreTemplatePages adds a filled templates page.
func addTheatreTemplatePages(add func(page, string), e *testEnv, formErrs FormErrors) {
	today := e.today()
	add(&TheatreTemplatesPage{Templates: []*elective.TheatreTemplate{fixtureTheatreTemplate(today)},
		Theatres: []*elective.Theatre{{ID: 1, Name: "Main theatre 1"}}, Specialties: fixtureSpecialties(), Surgeons: fixtureClinicians(),
		Form:   TheatreTemplateForm{Weekday: 1, Period: "am", Start: "08:30", Minutes: "240", ListType: "GA", Every: "1"},
		Errors: formErrs, Total: 1}, "Theatre session templates")
	add(&TheatreTemplatesPage{Theatres: []*elective.Theatre{{ID: 1, Name: "Main theatre 1"}}, Specialties: fixtureSpecialties(),
		Surgeons: fixtureClinicians(), Total: 61, ByTheatre: []TheatreTemplateCount{{TheatreID: 1, TheatreName: "Main theatre 1", Templates: 61}},
		Form: TheatreTemplateForm{Weekday: 1, Period: "am", Start: "08:30", Minutes: "240", ListType: "GA", Every: "1"}},
		"61 templates in 1 theatres")
	addTheatreTemplateEditPages(add, e, formErrs)
	addTheatreKitPages(add)
}

func (e *testEnv) stubTheatreTemplates() {
	e.stubTheatres()
	e.ttpl.FindTheatreTemplatesFn = func(context.Context) ([]*elective.TheatreTemplate, error) {
		return []*elective.TheatreTemplate{fixtureTheatreTemplate(e.today())}, nil
	}
}

func TestTheatreTemplatesPage(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreTemplates()
	w := e.get("/theatre-templates", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Theatre session templates", "Monday Morning, 08:30 for 240 min", "every 2 weeks", "Ms A Okafor", "knee set",
		"Save the template")
	w = e.get("/theatre-templates", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if strings.Contains(w.Body.String(), "Save the template") {
		t.Error("an officer who cannot manage theatres is offered the form")
	}
	w = e.get("/theatre-sessions", "tok-officer")
	wantBody(t, w, `href="/theatre-templates"`)
}

// The horizon rolls on: staff make the sessions up to 16 weeks from today.
func TestTheatreTemplateGenerate(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreTemplates()
	var to elective.Date
	e.ttpl.GenerateTheatreSessionsFn = func(ctx context.Context, _, t elective.Date) (int, error) {
		to = t
		return 2, nil
	}
	w := e.post("/theatre-templates/generate", "tok-senior", nil)
	wantRedirect(t, w, "/theatre-templates")
	if to != e.today().AddDays(7*16) {
		t.Errorf("made up to %s", to)
	}
	e.ttpl.GenerateTheatreSessionsFn = func(context.Context, elective.Date, elective.Date) (int, error) {
		return 0, elective.Errorf(elective.EFORBIDDEN, "You do not have permission")
	}
	w = e.post("/theatre-templates/generate", "tok-officer", nil)
	wantStatus(t, w, http.StatusForbidden)
}

// Saving a template makes its sessions for the booking horizon at once.
func TestTheatreTemplateCreate(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreTemplates()
	var got *elective.TheatreTemplate
	e.ttpl.CreateTheatreTemplateFn = func(_ context.Context, tt *elective.TheatreTemplate) error { got = tt; tt.ID = 4; return nil }
	var from, to elective.Date
	e.ttpl.GenerateTheatreSessionsFn = func(_ context.Context, f, t elective.Date) (int, error) { from, to = f, t; return 15, nil }
	form := url.Values{"theatre_id": {"1"}, "specialty_id": {"1"}, "surgeon_id": {"10"}, "weekday": {"3"}, "period": {"pm"},
		"start": {"13:30"}, "minutes": {"210"}, "list_type": {"LA"}, "kit": {"hand set, tourniquet"}, "every": {"2"},
		"effective_from": {"2026-11-25"}, "effective_to": {""}, "anaesthetist": {""}}
	w := e.post("/theatre-templates", "tok-senior", form)
	wantRedirect(t, w, "/theatre-templates")
	if got == nil || got.Weekday != time.Wednesday || got.Period != elective.PeriodAfternoon || got.StartMinute != 810 || got.Minutes != 210 ||
		got.ListType != elective.ListLA || len(got.Kit) != 2 || got.Every != 2 || got.EffectiveFrom.String() != "2026-11-25" ||
		!got.EffectiveTo.IsZero() || got.SurgeonID != 10 {
		t.Errorf("template = %+v", got)
	}
	if from != e.today() || to != e.today().AddDays(7*16) {
		t.Errorf("generated %s..%s", from, to)
	}
	e.ttpl.CreateTheatreTemplateFn = func(context.Context, *elective.TheatreTemplate) error {
		return elective.Errorf(elective.ECONFLICT, "The theatre already has a Wednesday Afternoon list from another template")
	}
	w = e.post("/theatre-templates", "tok-senior", form)
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "already has a Wednesday Afternoon list", `value="13:30"`)
	form.Set("start", "half one")
	w = e.post("/theatre-templates", "tok-senior", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the start time as HH:MM")
}

// Staff close a date of a template or end it; a refusal is shown on the page.
func TestTheatreTemplateEndAndClose(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreTemplates()
	var last elective.Date
	e.ttpl.EndTheatreTemplateFn = func(_ context.Context, id int64, l elective.Date, reason string) (int, error) {
		last = l
		if reason == "" {
			return 0, elective.Problems{{Field: "reason", Message: "Say why the template ends"}}.Err("The template was not ended")
		}
		return 3, nil
	}
	e.ttpl.AddTheatreTemplateExceptionFn = func(_ context.Context, id int64, x elective.TemplateException) (int, error) {
		return 0, elective.Errorf(elective.ECONFLICT, "Patients are booked on the lists of 7 Dec: move them to other lists first")
	}
	w := e.get("/theatre-templates", "tok-senior")
	wantBody(t, w, "Close the date", "End the template")
	w = e.post("/theatre-templates/3/end", "tok-senior", url.Values{"last": {"2027-01-04"}, "reason": {"Retiring"}})
	wantStatus(t, w, http.StatusSeeOther)
	if last != elective.MustParseDate("2027-01-04") {
		t.Errorf("last = %s", last)
	}
	w = e.post("/theatre-templates/3/end", "tok-senior", url.Values{"last": {"2027-01-04"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Say why the template ends")
	w = e.post("/theatre-templates/3/exceptions", "tok-senior", url.Values{"date": {"2026-12-07"}, "reason": {"Training"}})
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "move them to other lists first")
}

// TestFilterTemplates: a filter keeps its theatre's and specialty's
// templates; a large trust's unfiltered page counts them by theatre, in
// the order they come, rather than listing hundreds of rows of forms.
func TestFilterTemplates(t *testing.T) {
	var all []*elective.TheatreTemplate
	for i := range templatesListedAll + 1 {
		all = append(all, &elective.TheatreTemplate{ID: int64(i + 1), TheatreID: int64(1 + i%2), TheatreName: []string{"Main 1", "Main 2"}[i%2],
			SpecialtyID: int64(1 + i%3)})
	}
	if shown, counts := filterTemplates(all, 0, 0); shown != nil || len(counts) != 2 || counts[0].TheatreName != "Main 1" ||
		counts[0].Templates != 31 || counts[1].Templates != 30 {
		t.Errorf("unfiltered, large: %d shown, counts %+v", len(shown), counts)
	}
	if shown, counts := filterTemplates(all[:templatesListedAll], 0, 0); len(shown) != templatesListedAll || counts != nil {
		t.Errorf("unfiltered, small: %d shown, counts %+v", len(shown), counts)
	}
	shown, _ := filterTemplates(all, 2, 3)
	for _, x := range shown {
		if x.TheatreID != 2 || x.SpecialtyID != 3 {
			t.Errorf("filtered: got theatre %d specialty %d", x.TheatreID, x.SpecialtyID)
		}
	}
	if len(shown) != 10 {
		t.Errorf("theatre 2 and specialty 3: %d shown, want 10", len(shown))
	}
}
