package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rota"
)

// stubPatternWrites records the pattern writes, refusing as the store does
// a code the team has no shift for (rota.ParsePattern, the same check).
func stubPatternWrites(e *testEnv) *[]string {
	var got []string
	check := func(p *elective.RotaPattern) error {
		_, err := rota.ParsePattern(p.Text, []rota.ShiftType{{Code: "D"}, {Code: "N"}, {Code: "OC"}})
		if err := elective.ErrorFields(err); len(err) > 0 || p.Name == "" {
			probs := elective.Problems(err)
			if p.Name == "" {
				probs.Add("name", "Enter a name for the pattern, for example Registrars 1 in 8")
			}
			return probs.Err("The pattern was not saved: check the fields and lines named")
		}
		return nil
	}
	e.rotas.CreateRotaPatternFn = func(_ context.Context, p *elective.RotaPattern) error {
		if err := check(p); err != nil {
			return err
		}
		got = append(got, "create "+p.Team+": "+p.Name+": "+p.Text)
		return nil
	}
	e.rotas.UpdateRotaPatternFn = func(_ context.Context, p *elective.RotaPattern) error {
		if p.ID != 3 {
			return elective.Errorf(elective.ENOTFOUND, "No such rota pattern")
		}
		if err := check(p); err != nil {
			return err
		}
		p.Team = "Surgery residents"
		got = append(got, "update "+p.Name+": "+p.Text)
		return nil
	}
	e.rotas.DeleteRotaPatternFn = func(_ context.Context, id int64) error {
		if id != 3 {
			return elective.Errorf(elective.ENOTFOUND, "No such rota pattern")
		}
		got = append(got, "delete")
		return nil
	}
	return &got
}

// The setup page lists the team's patterns; its form saves a new one, and
// the list's "Change or remove" link opens it for a change or removal.
// Those who do not manage rotas see the list and no forms.
func TestRotaSetupPatterns(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	got := stubPatternWrites(e)
	w := e.get("/rota-setup", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `id="rota-pattern-list"`, "Nights 1 in 4", "N N N N - - -\n- - - - N N N", "Save a pattern",
		`href="/rota-setup?team=Surgery%20residents&amp;pattern=3#pattern-form"`, `action="/rota-setup/patterns"`)
	wantNoBody(t, w, "Remove the pattern")
	w = e.get("/rota-setup?pattern=3", "tok-rota")
	wantBody(t, w, "Change the pattern", `action="/rota-setup/patterns/3"`, `value="Nights 1 in 4"`,
		`action="/rota-setup/patterns/3/delete"`, "Remove the pattern")
	w = e.get("/rota-setup?pattern=3", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Nights 1 in 4")
	wantNoBody(t, w, "Save the pattern", "Remove the pattern", "Change or remove")

	form := url.Values{"team": {"Surgery residents"}, "name": {"Registrars 1 in 8"}, "pattern": {"OC OC OC OC OC OC OC\nD D D D D - -"}}
	wantStatus(t, e.post("/rota-setup/patterns", "tok-rota", form), http.StatusSeeOther)
	wantStatus(t, e.post("/rota-setup/patterns/3", "tok-rota", url.Values{"team": {"Surgery residents"}, "name": {"Nights"},
		"pattern": {"N N N N - - -"}}), http.StatusSeeOther)
	wantStatus(t, e.post("/rota-setup/patterns/3/delete", "tok-rota", url.Values{"team": {"Surgery residents"}}), http.StatusSeeOther)
	want := "create Surgery residents: Registrars 1 in 8: OC OC OC OC OC OC OC\nD D D D D - -|update Nights: N N N N - - -|delete"
	if strings.Join(*got, "|") != want {
		t.Errorf("writes = %q, want %q", *got, want)
	}
	wantStatus(t, e.post("/rota-setup/patterns/9/delete", "tok-rota", nil), http.StatusNotFound)
	wantStatus(t, e.post("/rota-setup/patterns/nine", "tok-rota", form), http.StatusNotFound)
	w = e.post("/rota-setup/patterns", "tok-rota", url.Values{"team": {"Surgery residents"}, "name": {"Nights"}, "pattern": {"N N N N - - -"},
		"csrf_token": {"wrong"}})
	if w.Code == http.StatusSeeOther || len(*got) != 3 {
		t.Errorf("a post without the CSRF token saved a pattern: %d", w.Code)
	}
}

// A refused pattern shows the setup page again: the error summary names
// the line and the code and links to the pattern's own fields, the typed
// name and text are kept, the shift-type form (which also has a name) is
// not marked, and nothing is saved.
func TestRotaSetupPatternRefused(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	got := stubPatternWrites(e)
	for _, c := range []struct {
		path string
		form url.Values
		says []string
	}{
		{"/rota-setup/patterns", url.Values{"team": {"Surgery residents"}, "name": {"Nights"}, "pattern": {"N N N N - - -\nD D Q D D - -"}},
			[]string{`Line 2: &#34;Q&#34; is not one of the team&#39;s shift codes`, `href="#pattern-text"`, "D D Q D D - -", `value="Nights"`,
				"Save a pattern", `pattern-text-error`}},
		{"/rota-setup/patterns", url.Values{"team": {"Surgery residents"}, "pattern": {"N N N N - - -"}},
			[]string{"Enter a name for the pattern", `href="#pattern-name"`, `id="pattern-name-error"`}},
		{"/rota-setup/patterns/3", url.Values{"team": {"Surgery residents"}, "name": {"Nights"}, "pattern": {"X"}},
			[]string{"Line 1 has 1 days", "Change the pattern", `action="/rota-setup/patterns/3"`, "Remove the pattern"}},
	} {
		w := e.post(c.path, "tok-rota", c.form)
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, append(c.says, "There is a problem", "The pattern was not saved")...)
		wantNoBody(t, w, `id="shift-name-error"`, `href="#shift-name"`)
	}
	if len(*got) != 0 {
		t.Errorf("refused patterns were saved: %q", *got)
	}
}
