package web

import (
	"net/http"
	"net/url"
	"sort"
	"strconv"

	"github.com/openelective/elective"
	"github.com/openelective/elective/forecast"
)

// BreachForecastPage is the manager's view of who will breach unless
// someone acts: at-risk counts by specialty and breach week, and the
// patients, soonest breach first.
type BreachForecastPage struct {
	Page
	Filter      BreachFilterForm
	Specialties []*elective.Specialty
	Weeks       []elective.Date // the Mondays of the horizon, the table's columns
	Grid        []BreachGridRow
	Rows        []*elective.BreachForecast
	Pagination  Pagination
}

func (*BreachForecastPage) templateName() string { return "report/breaches" }

// BreachFilterForm is the page's GET filters.
type BreachFilterForm struct {
	SpecialtyID int64
	Weeks       int
	All         bool // every pathway breaching in the horizon, not only those at risk
}

// BreachGridRow is one specialty's at-risk counts by breach week.
type BreachGridRow struct {
	SpecialtyID   int64
	SpecialtyName string
	Cells         []BreachGridCell
	AtRisk        int
	Total         int
}

// BreachGridCell is one week of a specialty: pathways breaching that week,
// and how many of them will unless someone acts.
type BreachGridCell struct {
	AtRisk int
	Total  int
}

// Level grades a cell for colour (with the number always shown): none,
// some or most of the week's breaches at risk.
func (c BreachGridCell) Level() string {
	switch {
	case c.AtRisk == 0:
		return "none"
	case 2*c.AtRisk >= c.Total:
		return "most"
	}
	return "some"
}

func readBreachFilter(q url.Values) BreachFilterForm {
	f := BreachFilterForm{SpecialtyID: formInt64(q.Get("specialty")), Weeks: 16, All: q.Get("all") == "1"}
	if w, err := strconv.Atoi(q.Get("weeks")); err == nil && w >= 1 && w <= 26 {
		f.Weeks = w
	}
	return f
}

// handleBreachForecast shows the breach forecast.
func (s *Server) handleBreachForecast(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	q := r.URL.Query()
	f, page := readBreachFilter(q), pageNumber(q)
	today := s.today()
	rows, total, weeks, err := s.svc.Forecasts.ForecastBreaches(r.Context(), elective.ForecastFilter{Today: today,
		Weeks: f.Weeks, SpecialtyID: f.SpecialtyID, AtRiskOnly: !f.All, Offset: offset(page), Limit: perPage})
	if err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &BreachForecastPage{Filter: f, Specialties: lk.specialties, Rows: rows,
		Pagination: newPagination(r.URL, page, total)}
	p.Weeks, p.Grid = breachGrid(today, f.Weeks, weeks)
	p.Title, p.Nav, p.Wide = "Breach forecast", NavReports, true
	return s.render(w, r, http.StatusOK, p)
}

// breachGrid lays the weekly counts out as specialty rows and week columns.
func breachGrid(today elective.Date, horizon int, weeks []elective.BreachWeek) ([]elective.Date, []BreachGridRow) {
	first := forecast.MondayOf(today)
	cols := make([]elective.Date, horizon+1)
	for i := range cols {
		cols[i] = first.AddDays(7 * i)
	}
	bySpec := map[int64]*BreachGridRow{}
	for _, w := range weeks {
		row := bySpec[w.SpecialtyID]
		if row == nil {
			row = &BreachGridRow{SpecialtyID: w.SpecialtyID, SpecialtyName: w.SpecialtyName, Cells: make([]BreachGridCell, len(cols))}
			bySpec[w.SpecialtyID] = row
		}
		i := w.WeekStart.DaysSince(first) / 7
		if i < 0 || i >= len(cols) {
			continue
		}
		row.Cells[i].AtRisk += w.AtRisk
		row.Cells[i].Total += w.Total
		row.AtRisk += w.AtRisk
		row.Total += w.Total
	}
	grid := make([]BreachGridRow, 0, len(bySpec))
	for _, row := range bySpec {
		grid = append(grid, *row)
	}
	sort.Slice(grid, func(i, j int) bool {
		if grid[i].AtRisk != grid[j].AtRisk {
			return grid[i].AtRisk > grid[j].AtRisk
		}
		return grid[i].SpecialtyName < grid[j].SpecialtyName
	})
	return cols, grid
}
