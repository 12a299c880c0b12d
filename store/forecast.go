package store

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/forecast"
	"github.com/openelective/elective/rtt"
)

// ForecastService forecasts breaches from the PTL and the free capacity.
// A forecast reads every PTL row and every free slot of the horizon, which
// takes seconds at 250,000 pathways, so a run is kept for forecastTTL and
// pages, filters and repeat views are served from it.
type ForecastService struct {
	db *DB

	mu     sync.Mutex
	cached *forecastRun
}

// forecastRun is one forecast of the whole PTL.
type forecastRun struct {
	at       time.Time
	today    elective.Date
	weeks    int
	pathways []forecast.Pathway
	results  map[int64]forecast.Result
}

// forecastTTL is how long a forecast is reused.
const forecastTTL = 2 * time.Minute

// NewForecastService returns the service.
func NewForecastService(db *DB) *ForecastService { return &ForecastService{db: db} }

var _ elective.ForecastService = (*ForecastService)(nil)

// ForecastBreaches runs the pure forecast over every open pathway and the
// free slots of the horizon, and returns the pathways whose breach dates
// fall within it.
func (s *ForecastService) ForecastBreaches(ctx context.Context, f elective.ForecastFilter) ([]*elective.BreachForecast, int, []elective.BreachWeek, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, 0, nil, err
	}
	if f.Weeks <= 0 || f.Weeks > 52 {
		f.Weeks = 16
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	run, err := s.run(ctx, f.Today, f.Weeks)
	if err != nil {
		return nil, 0, nil, err
	}
	chosen, weeks := horizon(run.pathways, run.results, f)
	var page []*elective.BreachForecast
	err = s.db.update(ctx, func(tx *Tx) error {
		var err error
		if page, err = tx.nameForecasts(chosen, f.Offset, f.Limit); err != nil {
			return err
		}
		return tx.audit("forecast.view", 0, "rows="+itoa(len(page)))
	})
	if err != nil {
		return nil, 0, nil, err
	}
	return page, len(chosen), s.nameWeeks(ctx, weeks), nil
}

// run returns a forecast of the whole PTL, computing it when the last one
// is older than forecastTTL or for another day or horizon.
func (s *ForecastService) run(ctx context.Context, today elective.Date, weeks int) (*forecastRun, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.db.Now()
	if c := s.cached; c != nil && c.today == today && c.weeks == weeks && now.Sub(c.at) < forecastTTL && !now.Before(c.at) {
		return c, nil
	}
	run := &forecastRun{at: now, today: today, weeks: weeks}
	err := s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		if run.pathways, err = tx.forecastPathways(orgID); err != nil {
			return err
		}
		capacity, err := tx.freeCapacity(orgID, today, weeks)
		if err != nil {
			return err
		}
		run.results = forecast.Run(run.pathways, capacity, today, weeks)
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.cached = run
	return run, nil
}

// forecastPathways reads what the forecast needs of every PTL row.
func (tx *Tx) forecastPathways(orgID int64) ([]forecast.Pathway, error) {
	rows, err := tx.query(`SELECT pathway_id, specialty_id, list_type, priority_rank, clock_start, next_activity
		FROM ptl_entry WHERE org_id = ?`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []forecast.Pathway
	for rows.Next() {
		var p forecast.Pathway
		if err := rows.Scan(&p.ID, &p.SpecialtyID, &p.ListType, &p.PriorityRank, dateCol{&p.ClockStart}, dateCol{&p.NextActivity}); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// freeCapacity counts the free slots of open sessions from now to the end
// of the horizon, by specialty, slot type and week. Both ends of the start
// time are given so that the slot index is read as a range.
func (tx *Tx) freeCapacity(orgID int64, today elective.Date, weeks int) (forecast.Capacity, error) {
	end := forecast.MondayOf(today).AddDays(7 * (weeks + 1))
	rows, err := tx.query(`SELECT s.specialty_id, s.slot_type, cs.session_date, COUNT(*) FROM slot s
		JOIN clinic_session cs ON cs.id = s.session_id
		WHERE s.org_id = ? AND s.session_status = 'open' AND s.start_at > ? AND s.start_at < ? AND cs.session_date < ?
		AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('booked', 'attended', 'dna'))
		GROUP BY s.specialty_id, s.slot_type, cs.session_date`, orgID, tx.now, end.AddDays(1).At(0, 0, tx.db.Location), end)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	capacity := forecast.Capacity{}
	for rows.Next() {
		var k forecast.Key
		var d elective.Date
		var n int
		if err := rows.Scan(&k.SpecialtyID, &k.SlotType, dateCol{&d}, &n); err != nil {
			return nil, err
		}
		w := forecast.WeekOf(today, d)
		if w < 0 || w > weeks {
			continue
		}
		for len(capacity[k]) <= w {
			capacity[k] = append(capacity[k], 0)
		}
		capacity[k][w] += n
	}
	return capacity, rows.Err()
}

// horizon keeps the pathways not yet breached whose breach dates fall in
// the horizon (at risk only, if asked), soonest breach first, and counts
// them by specialty and breach week.
func horizon(pathways []forecast.Pathway, results map[int64]forecast.Result, f elective.ForecastFilter) ([]*elective.BreachForecast, []elective.BreachWeek) {
	end := f.Today.AddDays(7 * f.Weeks)
	counts := map[[2]int64]*elective.BreachWeek{}
	var out []*elective.BreachForecast
	for _, p := range pathways {
		breach := rtt.BreachDate(p.ClockStart)
		r := results[p.ID]
		if r.Outlook == elective.OutlookBreached || !breach.Before(end) || (f.SpecialtyID != 0 && p.SpecialtyID != f.SpecialtyID) {
			continue
		}
		monday := forecast.MondayOf(breach)
		key := [2]int64{p.SpecialtyID, monday.Days()}
		w := counts[key]
		if w == nil {
			w = &elective.BreachWeek{SpecialtyID: p.SpecialtyID, WeekStart: monday}
			counts[key] = w
		}
		w.Total++
		if r.Outlook.AtRisk() {
			w.AtRisk++
		} else if f.AtRiskOnly {
			continue
		}
		out = append(out, &elective.BreachForecast{PathwayID: p.ID, SpecialtyID: p.SpecialtyID, ListType: p.ListType,
			ClockStart: p.ClockStart, BreachDate: breach, Outlook: r.Outlook, Expected: r.Expected, QueueAhead: r.QueueAhead})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].BreachDate != out[j].BreachDate {
			return out[i].BreachDate.Before(out[j].BreachDate)
		}
		return out[i].PathwayID < out[j].PathwayID
	})
	weeks := make([]elective.BreachWeek, 0, len(counts))
	for _, w := range counts {
		weeks = append(weeks, *w)
	}
	sort.Slice(weeks, func(i, j int) bool {
		if weeks[i].SpecialtyID != weeks[j].SpecialtyID {
			return weeks[i].SpecialtyID < weeks[j].SpecialtyID
		}
		return weeks[i].WeekStart.Before(weeks[j].WeekStart)
	})
	return out, weeks
}

// nameForecasts fills in the patient and specialty of a page of forecasts.
func (tx *Tx) nameForecasts(all []*elective.BreachForecast, offset, limit int) ([]*elective.BreachForecast, error) {
	if offset >= len(all) {
		return nil, nil
	}
	page := all[offset:min(offset+limit, len(all))]
	for _, b := range page {
		pt := &elective.Patient{}
		err := tx.queryRow(`SELECT e.patient_id, p.family_name, p.given_name, p.title, p.nhs_number, sp.name, e.priority
			FROM ptl_entry e JOIN patient p ON p.id = e.patient_id JOIN specialty sp ON sp.id = e.specialty_id
			WHERE e.pathway_id = ?`, b.PathwayID).Scan(&b.PatientID, &pt.FamilyName, &pt.GivenName, &pt.Title,
			&b.NHSNumber, &b.SpecialtyName, &b.Priority)
		if err != nil {
			return nil, err
		}
		b.PatientName = pt.DisplayName()
	}
	return page, nil
}

// nameWeeks fills in specialty names.
func (s *ForecastService) nameWeeks(ctx context.Context, weeks []elective.BreachWeek) []elective.BreachWeek {
	specs, err := NewOrganisationService(s.db).FindSpecialties(ctx)
	if err != nil {
		return weeks
	}
	names := map[int64]string{}
	for _, sp := range specs {
		names[sp.ID] = sp.Name
	}
	for i := range weeks {
		weeks[i].SpecialtyName = names[weeks[i].SpecialtyID]
	}
	return weeks
}
