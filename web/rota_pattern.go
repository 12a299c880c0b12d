package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// RotaPatternForm is a team's named rota pattern as typed on the setup
// page; ID is set when changing a saved one.
type RotaPatternForm struct {
	ID         int64
	Name, Text string
}

// Action is where the form posts: a new pattern, or the one changed.
func (f RotaPatternForm) Action() string {
	if f.ID > 0 {
		return "/rota-setup/patterns/" + strconv.FormatInt(f.ID, 10)
	}
	return "/rota-setup/patterns"
}

// patternToChange presets the pattern form from ?pattern= (the "Change or
// remove" link of the list); an id not among the team's is ignored.
func patternToChange(p *RotaSetupPage, id int64) {
	for _, rp := range p.Patterns {
		if rp.ID == id {
			p.Pattern = RotaPatternForm{ID: rp.ID, Name: rp.Name, Text: rp.Text}
		}
	}
}

// patternPath reads the {pattern} path value.
func patternPath(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("pattern"), 10, 64)
	if err != nil || id <= 0 {
		return 0, elective.Errorf(elective.ENOTFOUND, "No such rota pattern")
	}
	return id, nil
}

// readPatternForm reads the posted pattern form and the team it is for.
func readPatternForm(r *http.Request, id int64) (string, RotaPatternForm) {
	return strings.TrimSpace(r.PostFormValue("team")),
		RotaPatternForm{ID: id, Name: strings.TrimSpace(r.PostFormValue("name")), Text: r.PostFormValue("pattern")}
}

// handleRotaPatternCreate saves a named pattern for the team.
func (s *Server) handleRotaPatternCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	team, f := readPatternForm(r, 0)
	p := &elective.RotaPattern{Team: team, Name: f.Name, Text: f.Text}
	if err := s.svc.Rotas.CreateRotaPattern(r.Context(), p); err != nil {
		return s.patternError(w, r, team, f, err)
	}
	return s.redirectWithFlash(w, r, setupURL(team)+"#rota-patterns", "Pattern "+p.Name+" saved: choose it on the rota page to fill a rota")
}

// handleRotaPatternUpdate changes a saved pattern's name and text.
func (s *Server) handleRotaPatternUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := patternPath(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	team, f := readPatternForm(r, id)
	p := &elective.RotaPattern{ID: id, Name: f.Name, Text: f.Text}
	if err := s.svc.Rotas.UpdateRotaPattern(r.Context(), p); err != nil {
		return s.patternError(w, r, team, f, err)
	}
	return s.redirectWithFlash(w, r, setupURL(p.Team)+"#rota-patterns", "Pattern "+p.Name+" saved")
}

// handleRotaPatternDelete removes a saved pattern.
func (s *Server) handleRotaPatternDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := patternPath(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if err := s.svc.Rotas.DeleteRotaPattern(r.Context(), id); err != nil {
		return err
	}
	team := strings.TrimSpace(r.PostFormValue("team"))
	return s.redirectWithFlash(w, r, setupURL(team)+"#rota-patterns", "Pattern removed: rotas filled from it keep their duties")
}

// patternError shows the setup page again with the refused pattern. The
// pattern's fields are named apart from the shift-type form's (both have
// a name), so that each form marks only its own.
func (s *Server) patternError(w http.ResponseWriter, r *http.Request, team string, f RotaPatternForm, err error) error {
	return s.setupError(w, r, team, err, func(p *RotaSetupPage) {
		p.Pattern = f
		renamed := map[string]string{"name": "pattern_name", "pattern": "pattern_text"}
		for i, it := range p.Errors.Items {
			if to, ok := renamed[it.Field]; ok {
				p.Errors.Items[i].Field, p.Errors.Items[i].Anchor = to, anchorFor(to, nil)
			}
		}
	})
}
