package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// rotaGridDays is how many days the rota grid shows at once: four weeks
// fit a screen at a readable size.
const rotaGridDays = 28

// RotaViewPage is one rota version: the grid of who works what, what the
// safety rules say about it, the gaps, each person's share, and its
// versions and changes.
type RotaViewPage struct {
	Page
	Today    elective.Date
	View     *elective.RotaView
	Grid     RotaGrid
	Versions []elective.RotaVersion
	Changes  []elective.RotaChange
	Version  int // shown; 0 the current
	Current  bool
	Prev     string // links to the grid's previous and next four weeks
	Next     string
	Seed     string
	Building bool   // a build of the rota is running (rota_build.go)
	Pattern  string // a refused pattern, shown again
	// Patterns are the team's saved patterns, offered beside typing one;
	// PatternID is the one chosen, kept when refused.
	Patterns  []*elective.RotaPattern
	PatternID int64
	// EditStaff and EditDate preset the change form from a grid cell.
	EditStaff int64
	EditDate  string
	from      elective.Date // the grid's first day
	Errors    FormErrors
}

func (*RotaViewPage) templateName() string { return "rota/view" }

// Efforts are the build form's choices, quickest first.
func (*RotaViewPage) Efforts() []RotaEffort { return rotaEfforts }

// CellURL opens the change form for a person's day, keeping the grid
// where it is.
func (p *RotaViewPage) CellURL(staffID int64, d elective.Date) string {
	return rotaURL(p.View.Rota.ID) + "?from=" + p.from.String() + "&staff=" + strconv.FormatInt(staffID, 10) +
		"&date=" + d.String() + "#rota-duty"
}

// PublishLate reports whether publishing now is inside the notice period.
func (p *RotaViewPage) PublishLate(today elective.Date) bool {
	return p.View.Rota.From.DaysSince(today) < elective.RotaPublishNoticeDays
}

// OnCallShown are the non-resident on-call duties in the grid's days.
func (p *RotaViewPage) OnCallShown() []elective.OnCallDuty {
	var out []elective.OnCallDuty
	for _, oc := range p.View.OnCall {
		if n := len(p.Grid.Days); n > 0 && !oc.Duty.Date.Before(p.Grid.Days[0].Date) && !oc.Duty.Date.After(p.Grid.Days[n-1].Date) {
			out = append(out, oc)
		}
	}
	return out
}

// RotaGrid is the rota laid out as staff × days.
type RotaGrid struct {
	Days []GridDay
	Rows []GridRow
}

// GridDay is one column of the grid.
type GridDay struct {
	Date    elective.Date
	Weekend bool
}

// GridRow is one person's line.
type GridRow struct {
	Staff *elective.StaffMember
	Cells []GridCell
}

// GridCell is one person's day: a shift code, leave, or nothing; Breach
// marks a day a safety rule is broken.
type GridCell struct {
	Date   elective.Date
	Code   string
	Leave  bool
	Breach bool
	Asked  bool // the person asked for the day off
}

// buildGrid lays out days from..from+n-1 of the view (within the rota).
func buildGrid(v *elective.RotaView, from elective.Date, n int) RotaGrid {
	var g RotaGrid
	for d := from; d.DaysSince(from) < n && !d.After(v.Rota.To); d = d.AddDays(1) {
		wd := d.Weekday()
		g.Days = append(g.Days, GridDay{Date: d, Weekend: wd == 0 || wd == 6})
	}
	type key struct {
		id int64
		d  elective.Date
	}
	codes, leave, breach, asked := map[key]string{}, map[key]bool{}, map[key]bool{}, map[key]bool{}
	for _, q := range v.Requests {
		asked[key{q.StaffID, q.Date}] = true
	}
	for _, d := range v.Duties {
		codes[key{d.StaffID, d.Date}] = d.ShiftCode
	}
	for id, days := range v.Leave {
		for _, d := range days {
			leave[key{id, d}] = true
		}
	}
	for _, x := range v.Check.Violations {
		breach[key{x.StaffID, x.Date}] = true
	}
	for _, m := range v.Staff {
		row := GridRow{Staff: m}
		for _, day := range g.Days {
			k := key{m.ID, day.Date}
			row.Cells = append(row.Cells, GridCell{Date: day.Date, Code: codes[k], Leave: leave[k], Breach: breach[k],
				Asked: asked[k]})
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}

func rotaURL(id int64) string { return "/rotas/" + strconv.FormatInt(id, 10) }

func (s *Server) handleRotaView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.rotaViewPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) rotaViewPage(r *http.Request) (*RotaViewPage, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	q := r.URL.Query()
	version, _ := strconv.Atoi(q.Get("version"))
	p := &RotaViewPage{Today: s.today(), Version: version, Seed: "1"}
	if p.View, err = s.svc.Rotas.FindRota(ctx, id, version); err != nil {
		return nil, err
	}
	rt := p.View.Rota
	p.Current = version <= 0 || version == rt.Version
	from := rt.From
	if d, err := elective.ParseDate(q.Get("from")); err == nil && !d.Before(rt.From) && !d.After(rt.To) {
		from = d
	}
	p.Grid, p.from = buildGrid(p.View, from, rotaGridDays), from
	p.EditStaff, p.EditDate = formInt64(q.Get("staff")), rt.From.String()
	if d, err := elective.ParseDate(q.Get("date")); err == nil && !d.Before(rt.From) && !d.After(rt.To) {
		p.EditDate = d.String()
	}
	base := rotaURL(id) + "?version=" + strconv.Itoa(version) + "&from="
	if from.After(rt.From) {
		p.Prev = base + from.AddDays(-rotaGridDays).String()
	}
	if end := from.AddDays(rotaGridDays); !end.After(rt.To) {
		p.Next = base + end.String()
	}
	if p.Versions, err = s.svc.Rotas.RotaVersions(ctx, id); err != nil {
		return nil, err
	}
	if p.Changes, err = s.svc.Rotas.RotaChanges(ctx, id); err != nil {
		return nil, err
	}
	if p.Patterns, err = s.svc.Rotas.FindRotaPatterns(ctx, rt.Team); err != nil {
		return nil, err
	}
	if j := s.rotaBuilds.get(id); j != nil {
		p.Building = !j.finished()
	}
	p.Title, p.Nav, p.Wide = rt.Team+": "+rt.Name, NavRotas, true
	return p, nil
}

// rotaError shows the rota page again with a refusal.
func (s *Server) rotaError(w http.ResponseWriter, r *http.Request, err error) error {
	switch elective.ErrorCode(err) {
	case elective.EINVALID, elective.ECONFLICT, elective.EFORBIDDEN:
	default:
		return err
	}
	p, perr := s.rotaViewPage(r)
	if perr != nil {
		return perr
	}
	p.Errors = newFormErrors(err, nil)
	return s.render(w, r, httpStatus(err), p)
}

// handleRotaDuty sets one cell of the grid by hand.
func (s *Server) handleRotaDuty(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	d := elective.RotaDuty{StaffID: formInt64(v("staff_id")), ShiftCode: v("code")}
	if d.Date, err = elective.ParseDate(v("date")); err != nil {
		err = fieldErr("date", "Enter the date of the duty")
	} else {
		err = s.svc.Rotas.SetDuty(r.Context(), id, d, v("reason"))
	}
	if err != nil {
		return s.rotaError(w, r, err)
	}
	to := v("back")
	if !strings.HasPrefix(to, "/rotas/") && !strings.HasPrefix(to, "/cover") {
		to = rotaURL(id)
	}
	return s.redirectWithFlash(w, r, to, "Rota changed: "+d.Date.Format("Mon 2 Jan")+" "+orOffLabel(d.ShiftCode))
}

func orOffLabel(code string) string {
	if code == "" {
		return "off"
	}
	return code
}

// handleRotaPublish publishes the current version.
func (s *Server) handleRotaPublish(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	if err := s.svc.Rotas.PublishRota(r.Context(), id); err != nil {
		return s.rotaError(w, r, err)
	}
	return s.redirectWithFlash(w, r, rotaURL(id), "Rota published to the team")
}

// handleDayOffAsk records a day a member of the team asked to be off.
func (s *Server) handleDayOffAsk(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	q := elective.DayOffRequest{StaffID: formInt64(v("staff_id")), Note: v("note")}
	if q.Date, err = elective.ParseDate(v("date")); err != nil {
		err = fieldErr("off_date", "Enter the day they asked to have off")
	} else {
		err = s.svc.Rotas.AskDayOff(r.Context(), id, q)
	}
	if err != nil {
		return s.rotaError(w, r, err)
	}
	return s.redirectWithFlash(w, r, rotaURL(id)+"#days-off", "Day off asked for "+q.Date.Format("Mon 2 Jan")+
		": the next build honours it where cover and safety allow")
}

// handleDayOffCancel removes a request for a day off.
func (s *Server) handleDayOffCancel(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	req, err := strconv.ParseInt(r.PathValue("req"), 10, 64)
	if err != nil {
		return elective.Errorf(elective.ENOTFOUND, "No such request for a day off")
	}
	if err := s.svc.Rotas.CancelDayOff(r.Context(), id, req); err != nil {
		return s.rotaError(w, r, err)
	}
	return s.redirectWithFlash(w, r, rotaURL(id)+"#days-off", "Request for a day off removed")
}

// handleRotaPattern fills the rota from a rolling pattern: one of the
// team's saved patterns, or one typed. Both go through the store's one
// way of filling from a pattern (ApplySavedPattern reads the saved text
// and fills as ApplyPattern does). Choosing one and typing another is
// refused rather than guessed at.
func (s *Server) handleRotaPattern(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	text, saved := r.PostFormValue("pattern"), formInt64(r.PostFormValue("pattern_id"))
	switch {
	case saved > 0 && strings.TrimSpace(text) != "":
		err = fieldErr("pattern_id", "Choose a saved pattern or type one, not both: empty the typed pattern to use the saved one")
	case saved > 0:
		err = s.svc.Rotas.ApplySavedPattern(r.Context(), id, saved)
	default:
		err = s.svc.Rotas.ApplyPattern(r.Context(), id, text)
	}
	if err != nil {
		return s.rotaPatternError(w, r, text, saved, err)
	}
	return s.redirectWithFlash(w, r, rotaURL(id), "Rota filled from the pattern: check the breaches and gaps below")
}

// rotaPatternError shows the rota page again with the refused pattern.
func (s *Server) rotaPatternError(w http.ResponseWriter, r *http.Request, text string, saved int64, err error) error {
	if elective.ErrorCode(err) != elective.EINVALID {
		return s.rotaError(w, r, err)
	}
	p, perr := s.rotaViewPage(r)
	if perr != nil {
		return perr
	}
	p.Pattern, p.PatternID, p.Errors = text, saved, newFormErrors(err, nil)
	return s.render(w, r, httpStatus(err), p)
}
