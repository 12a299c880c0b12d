package web

import (
	"encoding/csv"
	"net/http"
	"sort"
	"strconv"

	"github.com/openelective/elective"
)

// UtilisationPage shows how a specialty's clinics are used and whether
// each specialty's capacity meets its demand.
type UtilisationPage struct {
	Page
	Filter      UtilisationForm
	Specialties []*elective.Specialty
	Sessions    []UtilisationRow
	Clinics     []ClinicUse
	Capacity    []*elective.CapacityDemand
	Weeks       int
	ByWeek      []WeekUse
	WeekChart   BarChart
}

func (*UtilisationPage) templateName() string { return "report/utilisation" }

// UtilisationForm is the filter.
type UtilisationForm struct {
	SpecialtyID int64
	From, To    string
}

// UtilisationRow is a session with its alerts.
type UtilisationRow struct {
	*elective.SessionUtilisation
	Alerts []string
}

// ClinicUse adds up a clinic's sessions in the period.
type ClinicUse struct {
	Code      string
	Clinician string
	Sessions  int
	elective.SessionUtilisation
}

// capacityWeeks is how many weeks ahead and back capacity and demand are
// compared over.
const capacityWeeks = 8

func (s *Server) utilisationFilter(r *http.Request, lk *lookup) (UtilisationForm, elective.UtilisationFilter) {
	q := r.URL.Query()
	f := UtilisationForm{SpecialtyID: formInt64(q.Get("specialty_id")), From: q.Get("from"), To: q.Get("to")}
	f.SpecialtyID = lk.specialtyOrFirst(f.SpecialtyID)
	uf := elective.UtilisationFilter{SpecialtyID: f.SpecialtyID, From: s.today().AddDays(-28), To: s.today().AddDays(14)}
	if d, err := elective.ParseDate(f.From); err == nil {
		uf.From = d
	}
	if d, err := elective.ParseDate(f.To); err == nil && !d.Before(uf.From) {
		uf.To = d
	}
	f.From, f.To = uf.From.String(), uf.To.String()
	return f, uf
}

// handleUtilisation shows the page.
func (s *Server) handleUtilisation(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	form, f := s.utilisationFilter(r, lk)
	sessions, err := s.svc.Utilisation.SessionUtilisation(r.Context(), f)
	if err != nil {
		return err
	}
	p := &UtilisationPage{Filter: form, Specialties: lk.specialties, Weeks: capacityWeeks}
	p.Title, p.Nav = "Clinic utilisation", NavReports
	for _, u := range sessions {
		p.Sessions = append(p.Sessions, UtilisationRow{SessionUtilisation: u, Alerts: u.Alerts(s.today(), s.today().AddDays(14))})
	}
	p.Clinics = clinicUse(sessions)
	p.ByWeek = weeklyUse(p.Sessions)
	p.WeekChart = weeklyUseChart(p.ByWeek)
	if p.Capacity, err = s.svc.Utilisation.CapacityDemand(r.Context(), s.today(), capacityWeeks); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// clinicUse adds up the open sessions of each clinic.
func clinicUse(sessions []*elective.SessionUtilisation) []ClinicUse {
	by := map[string]*ClinicUse{}
	for _, u := range sessions {
		if u.Session.Status != elective.SessionOpen {
			continue
		}
		c := by[u.TemplateCode]
		if c == nil {
			c = &ClinicUse{Code: u.TemplateCode, Clinician: u.Clinician}
			by[u.TemplateCode] = c
		}
		c.Sessions++
		c.Slots, c.Booked, c.Attended, c.DNA, c.Unfilled = c.Slots+u.Slots, c.Booked+u.Booked, c.Attended+u.Attended, c.DNA+u.DNA, c.Unfilled+u.Unfilled
	}
	out := make([]ClinicUse, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].BookedPct() < out[j].BookedPct() })
	return out
}

// handleUtilisationCSV downloads the sessions of the filter as CSV.
func (s *Server) handleUtilisationCSV(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	_, f := s.utilisationFilter(r, lk)
	sessions, err := s.svc.Utilisation.SessionUtilisation(r.Context(), f)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="utilisation-`+f.From.String()+`-to-`+f.To.String()+`.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"date", "start", "clinic", "clinician", "status", "slots", "booked", "booked_pct", "attended", "dna", "dna_pct", "freed_not_refilled"})
	for _, u := range sessions {
		cw.Write([]string{u.Session.Date.String(), formatTime(u.Session.Start, s.cfg.Location, "15:04"), u.TemplateCode, u.Clinician,
			string(u.Session.Status), strconv.Itoa(u.Slots), strconv.Itoa(u.Booked), strconv.Itoa(u.BookedPct()),
			strconv.Itoa(u.Attended), strconv.Itoa(u.DNA), strconv.Itoa(u.DNAPct()), strconv.Itoa(u.Unfilled)})
	}
	cw.Flush()
	return cw.Error()
}
