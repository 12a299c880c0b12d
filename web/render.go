package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

//go:embed templates
var templateFS embed.FS

// parseTemplates parses each page template with the layout and partials,
// keyed by its name ("patient/view"), and checks that pages and templates
// match one to one (a page without a template, or a template no page
// uses, fails startup rather than a request).
func (s *Server) parseTemplates() (map[string]*template.Template, error) {
	files, err := fs.Glob(templateFS, "templates/*/*.html")
	if err != nil {
		return nil, err
	}
	ts := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if path.Dir(name) == "partials" {
			continue
		}
		t, err := template.New(name).Funcs(s.funcs()).ParseFS(templateFS,
			"templates/layout.html", "templates/partials/*.html", f)
		if err != nil {
			return nil, fmt.Errorf("web: parse template %s: %w", name, err)
		}
		ts[name] = t
	}
	return ts, checkPages(ts)
}

// checkPages is Miniflux's sanity check between page structs and templates.
func checkPages(ts map[string]*template.Template) error {
	used := map[string]bool{}
	for _, p := range allPages() {
		name := p.templateName()
		if ts[name] == nil {
			return fmt.Errorf("web: page %T has no template %s.html", p, name)
		}
		used[name] = true
	}
	for name := range ts {
		if !used[name] {
			return fmt.Errorf("web: template %s.html has no page struct", name)
		}
	}
	return nil
}

// render executes a page into a buffer, so that a template error becomes a
// clean 500 rather than half a page, then writes it with status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, p page) error {
	s.fillPage(w, r, p.base())
	t := s.templates[p.templateName()]
	if t == nil {
		return fmt.Errorf("web: no template %s", p.templateName())
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("render %s: %w", p.templateName(), err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store") // pages hold patient data: never cache them
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// fillPage sets the fields every page shares from the request.
func (s *Server) fillPage(w http.ResponseWriter, r *http.Request, p *Page) {
	p.User = elective.UserFromContext(r.Context())
	if sess := sessionFrom(r.Context()); sess != nil {
		p.CSRFToken = sess.CSRFToken
	}
	p.TrustName = s.cfg.TrustName
	if p.Flash == "" {
		p.Flash = s.takeFlash(w, r)
	}
}

// funcs are the template helpers. Dates are shown as "2 Jan 2006" and
// times as "15:04" in Europe/London.
func (s *Server) funcs() template.FuncMap {
	fm := s.baseFuncs()
	for k, f := range theatreFuncs() {
		fm[k] = f
	}
	for k, f := range rotaFuncs() {
		fm[k] = f
	}
	return fm
}

func (s *Server) baseFuncs() template.FuncMap {
	loc := s.cfg.Location
	return template.FuncMap{
		"static":                s.static.url,
		"date":                  func(d elective.Date) string { return d.Format("2 Jan 2006") },
		"longdate":              func(d elective.Date) string { return d.Format("Monday 2 January 2006") },
		"datetime":              func(t time.Time) string { return formatTime(t, loc, "2 Jan 2006 15:04") },
		"clock":                 func(t time.Time) string { return formatTime(t, loc, "15:04") },
		"underUsedPct":          func() int { return elective.UnderUsedPct },
		"cancellationReasons":   func() []elective.CancellationReason { return elective.CancellationReasons },
		"nhs":                   elective.FormatNHSNumber,
		"priorityClass":         priorityClass,
		"sexes":                 func() []elective.Sex { return elective.Sexes },
		"alertKinds":            func() []elective.AlertKind { return elective.AlertKinds },
		"priorities":            func() []elective.Priority { return elective.Priorities },
		"referralSources":       func() []elective.ReferralSource { return elective.ReferralSources },
		"listTypes":             func() []elective.ListType { return elective.ListTypes },
		"communications":        func() []elective.Communication { return elective.Communications },
		"clinicOutcomeStatuses": func() []elective.RTTStatus { return elective.ClinicOutcomeStatuses },
		"outcomesOfAttendance":  func() []elective.OutcomeOfAttendance { return elective.OutcomesOfAttendance },
		"roles":                 func() []elective.Role { return elective.Roles },
		"offerResponses":        func() []elective.OfferResponse { return elective.OfferResponses },
		"sessionCancelReasons":  func() []elective.SessionCancelReason { return elective.SessionCancelReasons },
		"templateStart": func(t *elective.ClinicTemplate) string {
			return fmt.Sprintf("%02d:%02d", t.StartMinute/60, t.StartMinute%60)
		},
		"weekChoices":  weekChoices,
		"slotDate":     func(t time.Time) string { return elective.DateOf(t, loc).String() },
		"inc":          func(i int) int { return i + 1 },
		"itemID":       itemID,
		"errorMessage": errorMessage,
		"field":        newTextField,
	}
}

// itemID is the id of item i of a radio or checkbox group: the first takes
// the group's id (so error summary links land on it), the rest id-2, id-3 …
func itemID(base string, i int) string {
	if i == 0 {
		return base
	}
	return base + "-" + strconv.Itoa(i+1)
}

// errorMessage is the NHS inline error for the input with id, empty when
// there is no message.
func errorMessage(id, msg string) template.HTML {
	if msg == "" {
		return ""
	}
	return template.HTML(`<span class="nhsuk-error-message" id="` + template.HTMLEscapeString(id) +
		`-error"><span class="nhsuk-u-visually-hidden">Error: </span>` + template.HTMLEscapeString(msg) + `</span>`)
}

// TextField is what the text-field partial shows.
type TextField struct {
	ID, Name, Label, Hint, Value, Error string
	Width                               string // an nhsuk width class
}

func newTextField(id, name, label, hint, value, errMsg, width string) TextField {
	return TextField{ID: id, Name: name, Label: label, Hint: hint, Value: value, Error: errMsg, Width: width}
}

func formatTime(t time.Time, loc *time.Location, layout string) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(layout)
}

// priorityClass colours a priority tag: two-week wait red, urgent orange,
// routine grey. The tag always carries the priority's name too.
func priorityClass(p elective.Priority) string {
	switch p {
	case elective.PriorityTwoWeekWait:
		return "nhsuk-tag--red"
	case elective.PriorityUrgent:
		return "nhsuk-tag--orange"
	}
	return "nhsuk-tag--grey"
}

// WeekChoice is a week of the month on the template form.
type WeekChoice struct{ Value, Label string }

func weekChoices() []WeekChoice {
	return []WeekChoice{{"1", "1st"}, {"2", "2nd"}, {"3", "3rd"}, {"4", "4th"}, {"5", "5th"}, {"-1", "Last"}}
}
