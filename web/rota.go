package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rota"
)

// RotaIndexPage lists the rotas with a form to start one for a team.
type RotaIndexPage struct {
	Page
	Rotas  []*elective.Rota
	Teams  []string
	Form   RotaForm
	Errors FormErrors
}

func (*RotaIndexPage) templateName() string { return "rota/index" }

// RotaForm is a new rota as typed.
type RotaForm struct {
	Team, Name, From, To string
	Limits2016           bool
}

func (s *Server) handleRotaIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.rotaIndexPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) rotaIndexPage(r *http.Request) (*RotaIndexPage, error) {
	ctx := r.Context()
	from := s.today().AddDays(elective.RotaPublishNoticeDays + 14)
	from = from.AddDays((8 - int(from.Weekday())) % 7) // the Monday on or after
	p := &RotaIndexPage{Form: RotaForm{From: from.String(), To: from.AddDays(7*13 - 1).String()}}
	p.Title, p.Nav, p.Wide = "Rotas", NavRotas, true
	var err error
	if p.Rotas, err = s.svc.Rotas.FindRotas(ctx); err != nil {
		return nil, err
	}
	if p.Teams, err = s.svc.Rotas.Teams(ctx); err != nil {
		return nil, err
	}
	if len(p.Teams) > 0 {
		p.Form.Team = p.Teams[0]
	}
	return p, nil
}

func (s *Server) handleRotaCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := RotaForm{Team: v("team"), Name: v("name"), From: v("from"), To: v("to"), Limits2016: v("limits_2016") == "1"}
	rt := &elective.Rota{Team: f.Team, Name: f.Name, Limits2016: f.Limits2016}
	var err error
	if rt.From, err = elective.ParseDate(f.From); err != nil {
		err = fieldErr("from", "Enter the first day of the rota")
	} else if rt.To, err = elective.ParseDate(f.To); err != nil {
		err = fieldErr("to", "Enter the last day of the rota")
	} else {
		err = s.svc.Rotas.CreateRota(r.Context(), rt)
	}
	if err == nil {
		return s.redirectWithFlash(w, r, "/rotas/"+strconv.FormatInt(rt.ID, 10), "Rota started: build it, import it or fill it in by hand")
	}
	if c := elective.ErrorCode(err); c != elective.EINVALID && c != elective.ECONFLICT {
		return err
	}
	p, perr := s.rotaIndexPage(r)
	if perr != nil {
		return perr
	}
	p.Form, p.Errors = f, newFormErrors(err, nil)
	return s.render(w, r, httpStatus(err), p)
}

// RotaSetupPage shows a team's shift types, cover rules and saved rota
// patterns, with forms to add them (and to change or remove a pattern).
type RotaSetupPage struct {
	Page
	Team     string
	Teams    []string
	Shifts   []*elective.ShiftType
	Cover    []*elective.CoverRule
	Patterns []*elective.RotaPattern // the team's saved patterns (rota_pattern.go)
	Shift    ShiftTypeForm
	Rule     CoverRuleForm
	Pattern  RotaPatternForm
	Errors   FormErrors
}

func (*RotaSetupPage) templateName() string { return "rota/setup" }

// Weekdays lists the days, Monday first, for the cover form.
func (*RotaSetupPage) Weekdays() []time.Weekday {
	return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
}

// ShiftTypeForm and CoverRuleForm are the setup forms as typed. Breaks
// left empty takes what the shift's length needs; ExpectedWork is hours of
// work expected on a non-resident on call.
type ShiftTypeForm struct {
	Code, Name, Start, Hours string
	Breaks, ExpectedWork     string
	Unpopular, NonResident   bool
}

type CoverRuleForm struct {
	ShiftCode, Min, Grades, Skill string
	Weekdays                      []string
}

// HasDay reports whether the form ticked weekday w.
func (f CoverRuleForm) HasDay(w time.Weekday) bool {
	for _, d := range f.Weekdays {
		if d == strconv.Itoa(int(w)) {
			return true
		}
	}
	return false
}

func (s *Server) handleRotaSetup(w http.ResponseWriter, r *http.Request) error {
	p, err := s.rotaSetupPage(r, r.URL.Query().Get("team"))
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) rotaSetupPage(r *http.Request, team string) (*RotaSetupPage, error) {
	ctx := r.Context()
	p := &RotaSetupPage{Team: team, Shift: ShiftTypeForm{Start: "08:00", Hours: "9"}, Rule: CoverRuleForm{Min: "1"}}
	p.Title, p.Nav, p.Wide = "Shifts and cover", NavRotas, true
	var err error
	if p.Teams, err = s.svc.Rotas.Teams(ctx); err != nil {
		return nil, err
	}
	if p.Team == "" && len(p.Teams) > 0 {
		p.Team = p.Teams[0]
	}
	if p.Shifts, err = s.svc.Rotas.FindShiftTypes(ctx, p.Team); err != nil {
		return nil, err
	}
	if p.Cover, err = s.svc.Rotas.FindCoverRules(ctx, p.Team); err != nil {
		return nil, err
	}
	if p.Patterns, err = s.svc.Rotas.FindRotaPatterns(ctx, p.Team); err != nil {
		return nil, err
	}
	patternToChange(p, formInt64(r.URL.Query().Get("pattern")))
	return p, nil
}

func setupURL(team string) string { return "/rota-setup?team=" + url.QueryEscape(team) }

func (s *Server) handleShiftTypeCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	team := v("team")
	f := ShiftTypeForm{Code: v("code"), Name: v("name"), Start: v("start"), Hours: v("hours"), Unpopular: v("unpopular") == "1",
		Breaks: v("breaks"), NonResident: v("non_resident") == "1", ExpectedWork: v("expected_work")}
	st := &elective.ShiftType{Team: team, Code: f.Code, Name: f.Name, Unpopular: f.Unpopular, NonResident: f.NonResident}
	err := f.read(st, s.rotaLimits())
	if err == nil {
		err = s.svc.Rotas.CreateShiftType(r.Context(), st)
	}
	if err == nil {
		return s.redirectWithFlash(w, r, setupURL(team), "Shift type "+st.Code+" added")
	}
	return s.setupError(w, r, team, err, func(p *RotaSetupPage) { p.Shift = f })
}

// rotaLimits are the 2019 limits with the trust's break thresholds (the
// rota.*Break* policy settings).
func (s *Server) rotaLimits() rota.Limits {
	pol := s.cfg.Policy
	return rota.Limits2019().WithBreaks(rota.BreakThresholds{OneOverMinutes: pol.RotaOneBreakOverMinutes,
		TwoOverMinutes: pol.RotaTwoBreaksOverMinutes, ThreeFromMinutes: pol.RotaThreeBreaksFromMinutes})
}

// read parses the typed times and numbers into st. Empty breaks take what
// the length needs under the trust's break policy (rules.md 4.3, Breaks),
// so that a new shift is clean unless the coordinator says otherwise.
func (f ShiftTypeForm) read(st *elective.ShiftType, policy rota.Limits) error {
	var err error
	if st.StartMinute, err = parseHHMM(f.Start); err != nil {
		return fieldErr("start", "Enter the start time as HH:MM, for example 08:00")
	}
	h, err := strconv.ParseFloat(f.Hours, 64)
	if err != nil || h <= 0 || h > 24 {
		return fieldErr("minutes", "Enter the length in hours, for example 12.5")
	}
	st.Minutes = int(h*60 + 0.5)
	if f.Breaks == "" {
		st.Breaks = policy.BreaksNeeded(st.Minutes)
	} else if st.Breaks, err = strconv.Atoi(f.Breaks); err != nil {
		return fieldErr("breaks", "Enter the number of 30-minute breaks as a whole number, for example 2")
	}
	if f.ExpectedWork != "" {
		w, err := strconv.ParseFloat(f.ExpectedWork, 64)
		if err != nil {
			return fieldErr("expected_work", "Enter the work expected on call in hours, for example 4")
		}
		st.ExpectedWorkMinutes = int(w*60 + 0.5)
	}
	return nil
}

func (s *Server) handleCoverRuleCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	team := v("team")
	f := CoverRuleForm{ShiftCode: v("shift"), Min: v("min"), Grades: v("grades"), Skill: v("skill"), Weekdays: r.PostForm["weekday"]}
	c := &elective.CoverRule{Team: team, ShiftCode: f.ShiftCode, Grades: splitList(f.Grades), Skill: f.Skill}
	for _, d := range f.Weekdays {
		if n, err := strconv.Atoi(d); err == nil && n >= 0 && n <= 6 {
			c.Weekdays = append(c.Weekdays, time.Weekday(n))
		}
	}
	var err error
	if c.Min, err = strconv.Atoi(f.Min); err != nil {
		err = fieldErr("min", "Enter how many must work the shift, as a number")
	} else {
		err = s.svc.Rotas.CreateCoverRule(r.Context(), c)
	}
	if err == nil {
		return s.redirectWithFlash(w, r, setupURL(team), "Cover rule for "+c.ShiftCode+" added")
	}
	return s.setupError(w, r, team, err, func(p *RotaSetupPage) { p.Rule = f })
}

// setupError shows a refused setup form again with its errors.
func (s *Server) setupError(w http.ResponseWriter, r *http.Request, team string, err error, keep func(*RotaSetupPage)) error {
	if c := elective.ErrorCode(err); c != elective.EINVALID && c != elective.ECONFLICT {
		return err
	}
	p, perr := s.rotaSetupPage(r, team)
	if perr != nil {
		return perr
	}
	p.Errors = newFormErrors(err, map[string]string{"minutes": "hours", "name": "shift-name", "shift": "cover-shift"})
	keep(p)
	return s.render(w, r, httpStatus(err), p)
}
