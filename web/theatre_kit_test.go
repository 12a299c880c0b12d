package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

// fixtureKit is the catalogue: one image intensifier on a trolley and two
// arthroscopy stacks set up in their theatres.
func fixtureKit() []*elective.TheatreKit {
	return []*elective.TheatreKit{{ID: 5, Name: "arthroscopy stack", Count: 2}, {ID: 6, Name: "image intensifier", Count: 1, Mobile: true}}
}

// addTheatreKitPages adds a filled kit page, with a row's count error.
func addTheatreKitPages(add func(page, string)) {
	add(&TheatreKitPage{Items: fixtureKit(), Form: TheatreKitForm{Name: "laser", Count: "x"},
		Errors: FormErrors{Summary: "Enter how many", Items: []FieldProblem{{Field: "count-5", Anchor: "count-5", Message: "Enter how many"}}}},
		"Theatre kit")
}

// stubTheatreKit serves the catalogue and records what is asked of it.
func (e *testEnv) stubTheatreKit() (created *[]*elective.TheatreKit, updates *[]elective.TheatreKitUpdate) {
	created, updates = &[]*elective.TheatreKit{}, &[]elective.TheatreKitUpdate{}
	e.theatres.FindTheatreKitFn = func(context.Context) ([]*elective.TheatreKit, error) { return fixtureKit(), nil }
	e.theatres.CreateTheatreKitFn = func(_ context.Context, k *elective.TheatreKit) error {
		if err := k.Validate(); err != nil {
			return err
		}
		if elective.KitKey(k.Name) == "image intensifier" {
			var p elective.Problems
			p.Add("name", "The catalogue already has image intensifier: change its count instead")
			e := p.Err("The kit cannot be added: check the fields marked").(*elective.Error)
			e.Code = elective.ECONFLICT
			return e
		}
		*created = append(*created, k)
		return nil
	}
	e.theatres.UpdateTheatreKitFn = func(_ context.Context, id int64, u elective.TheatreKitUpdate) (*elective.TheatreKit, error) {
		if err := u.Validate(); err != nil {
			return nil, err
		}
		*updates = append(*updates, u)
		k := fixtureKit()[0]
		if u.Mobile != nil {
			k.Mobile = *u.Mobile
		}
		if u.Count != nil {
			k.Count = *u.Count
		}
		return k, nil
	}
	e.theatres.DeleteTheatreKitFn = func(context.Context, int64) (*elective.TheatreKit, error) {
		return nil, elective.Errorf(elective.ECONFLICT, "The image intensifier cannot be removed: booked cases need it on 1 list: Main theatre 1 on 14 Dec 2026 (morning)")
	}
	return created, updates
}

// Everyone signed in sees the catalogue; only theatre managers (senior
// booking officers, booking managers) get the forms.
func TestTheatreKitPage(t *testing.T) {
	e := newTestEnv(t)
	e.stubTheatreKit()
	for _, token := range []string{"tok-officer", "tok-rota", "tok-clinician"} {
		w := e.get("/theatre-kit", token)
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, "Theatre kit", "arthroscopy stack", "Fixed", "image intensifier", "Mobile", "any theatre")
		wantNoBody(t, w, "Add kit", "Mark mobile")
	}
	w := e.get("/theatre-kit", "tok-senior")
	wantBody(t, w, "Add kit", `action="/theatre-kit/5/mobile"`, "Mark mobile<span class=\"nhsuk-u-visually-hidden\">: arthroscopy stack",
		"Mark fixed<span class=\"nhsuk-u-visually-hidden\">: image intensifier", `name="csrf_token"`)
	e.stubTheatres()
	w = e.get("/theatre-sessions", "tok-senior")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `<a href="/theatre-kit">Theatre kit</a>`)
}

// Bad input names its field and reaches no service; a duplicate name is
// refused on the name field; a good item is added.
func TestTheatreKitCreate(t *testing.T) {
	e := newTestEnv(t)
	created, _ := e.stubTheatreKit()
	for _, tt := range []struct {
		form   url.Values
		status int
		want   []string
	}{
		{url.Values{"name": {"laser"}, "count": {"two"}}, http.StatusUnprocessableEntity,
			[]string{`href="#count"`, "Enter how many the trust has, as a whole number from 0 to 999", `value="two"`}},
		{url.Values{"name": {"laser"}, "count": {"-1"}}, http.StatusUnprocessableEntity, []string{`href="#count"`, "from 0 to 999"}},
		{url.Values{"name": {"  "}, "count": {"1"}}, http.StatusUnprocessableEntity, []string{`href="#name"`, "Enter the name of the kit"}},
		{url.Values{"name": {"Image Intensifier"}, "count": {"1"}}, http.StatusConflict,
			[]string{`href="#name"`, "The catalogue already has image intensifier"}},
	} {
		w := e.post("/theatre-kit", "tok-senior", tt.form)
		wantStatus(t, w, tt.status)
		wantBody(t, w, tt.want...)
	}
	if len(*created) != 0 {
		t.Fatalf("bad input created %+v", *created)
	}
	w := e.post("/theatre-kit", "tok-manager", url.Values{"name": {"laser"}, "count": {"2"}, "mobile": {"yes"}})
	wantRedirect(t, w, "/theatre-kit")
	if len(*created) != 1 || (*created)[0].Name != "laser" || (*created)[0].Count != 2 || !(*created)[0].Mobile {
		t.Errorf("created %+v", *created)
	}
}

// A row's count error is shown on that row; marking mobile asks for it;
// a refused removal names the lists.
func TestTheatreKitChange(t *testing.T) {
	e := newTestEnv(t)
	_, updates := e.stubTheatreKit()
	w := e.post("/theatre-kit/5/count", "tok-senior", url.Values{"count": {"many"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `href="#count-5"`, `id="count-5-error"`)
	w = e.post("/theatre-kit/5/count", "tok-senior", url.Values{"count": {"3"}})
	wantRedirect(t, w, "/theatre-kit")
	w = e.post("/theatre-kit/5/mobile", "tok-senior", url.Values{"mobile": {"yes"}})
	wantRedirect(t, w, "/theatre-kit")
	if u := *updates; len(u) != 2 || u[0].Count == nil || *u[0].Count != 3 || u[1].Mobile == nil || !*u[1].Mobile || u[1].Count != nil {
		t.Errorf("updates %+v", u)
	}
	w = e.post("/theatre-kit/6/remove", "tok-senior", nil)
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "cannot be removed: booked cases need it on 1 list: Main theatre 1 on 14 Dec 2026 (morning)")
}
