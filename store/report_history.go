package store

import (
	"context"
	"sort"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// maxTrendMonths bounds a trend: ten years of month ends is already more
// than a chart can show.
const maxTrendMonths = 120

// trendCache is the trend computed for one day. Month ends are all before
// today's month, so the numbers change only when the past is rewritten (a
// late-recorded event dated last month); the cache is keyed by today, so
// the trend is recomputed once per day, on the first view of the day, and
// at most a day behind such late events.
type trendCache struct {
	today  elective.Date
	months int
	trends []elective.SpecialtyTrend
}

// MonthlyReturn counts the clocks that were running at the end of monthEnd,
// derived again from the event log, so that a past month end is as it was
// and not as the live PTL is now: a pathway treated since counts, one whose
// period a first-appointment DNA nullified does not. Each clock counts in
// its pathway's specialty. Pathways transferred out run on at another
// provider and are not counted; pathways whose events the rules refuse are
// on the validation worklist and are not counted either.
func (s *ReportService) MonthlyReturn(ctx context.Context, monthEnd elective.Date) (*elective.PTLSummary, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	if monthEnd.IsZero() {
		return nil, elective.Errorf(elective.EINVALID, "A monthly return needs a month end")
	}
	bs, specs, err := s.db.openAt(ctx, []elective.Date{monthEnd})
	if err != nil {
		return nil, err
	}
	sum := bs[0].summary(specs)
	err = s.db.auditAlone(ctx, "report.monthly-return", "month_end="+monthEnd.String()+" open="+itoa(sum.Total.Open))
	return sum, err
}

// Trend returns the open clocks and 18-week percentage at each of the last
// months month ends before today's month, for the trust (SpecialtyID 0,
// first) and each specialty (by treatment function code). Every month end
// comes from the same single pass over the event log. The pass takes
// seconds on a large trust, so the result is cached for the day (see
// trendCache); callers share it and must not modify it.
func (s *ReportService) Trend(ctx context.Context, today elective.Date, months int) ([]elective.SpecialtyTrend, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	if today.IsZero() || months < 1 || months > maxTrendMonths {
		return nil, elective.Errorf(elective.EINVALID, "A trend needs a date and between 1 and %d months", maxTrendMonths)
	}
	s.trendMu.Lock()
	defer s.trendMu.Unlock()
	if c := s.trend; c != nil && c.today == today && c.months == months {
		return c.trends, nil
	}
	ends := monthEnds(today, months)
	bs, specs, err := s.db.openAt(ctx, ends)
	if err != nil {
		return nil, err
	}
	trends := trendsFrom(ends, bs, specs)
	s.trend = &trendCache{today: today, months: months, trends: trends}
	return trends, nil
}

// monthEnds returns the last day of each of the months months before
// today's month, oldest first.
func monthEnds(today elective.Date, months int) []elective.Date {
	out := make([]elective.Date, months)
	for i := range months {
		out[months-1-i] = firstOfMonth(today, -i).AddDays(-1)
	}
	return out
}

// firstOfMonth returns the first day of the month offset months from d's.
func firstOfMonth(d elective.Date, offset int) elective.Date {
	n := d.Year*12 + int(d.Month) - 1 + offset
	return elective.Date{Year: n / 12, Month: time.Month(n%12 + 1), Day: 1}
}

// trendsFrom turns the month ends' counts into one trend per specialty and
// the trust's, whose points are the sums of the specialties'.
func trendsFrom(ends []elective.Date, bs []*summaryBuilder, specs map[int64]*elective.Specialty) []elective.SpecialtyTrend {
	newTrend := func(id int64, name string) *elective.SpecialtyTrend {
		t := &elective.SpecialtyTrend{SpecialtyID: id, Name: name, Points: make([]elective.TrendPoint, len(ends))}
		for i, end := range ends {
			t.Points[i].MonthEnd = end
		}
		return t
	}
	trust := newTrend(0, "All specialties")
	bySpec := map[int64]*elective.SpecialtyTrend{}
	codes := map[int64]string{}
	for i, b := range bs {
		sum := b.summary(specs)
		trust.Points[i].Open, trust.Points[i].Within18 = sum.Total.Open, sum.Total.Within18
		for _, l := range sum.Lines {
			t := bySpec[l.SpecialtyID]
			if t == nil {
				t = newTrend(l.SpecialtyID, l.Name)
				bySpec[l.SpecialtyID], codes[l.SpecialtyID] = t, l.Code
			}
			t.Points[i].Open, t.Points[i].Within18 = l.Open, l.Within18
		}
	}
	out := []elective.SpecialtyTrend{*trust}
	for _, t := range bySpec {
		out = append(out, *t)
	}
	sort.Slice(out[1:], func(i, j int) bool {
		a, b := out[1+i], out[1+j]
		return codes[a.SpecialtyID] < codes[b.SpecialtyID] ||
			codes[a.SpecialtyID] == codes[b.SpecialtyID] && a.SpecialtyID < b.SpecialtyID
	})
	return out
}

// openAt derives every pathway from the event log in one streaming pass,
// with the rebuild's own helpers and rules, and counts for each census date
// the clocks running at it, by specialty. It reads in a read-only
// transaction on a scan connection, so the pass neither blocks bookings
// nor maps the whole database into memory.
func (db *DB) openAt(ctx context.Context, censuses []elective.Date) ([]*summaryBuilder, map[int64]*elective.Specialty, error) {
	conn, release, err := db.scanConn(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer release()
	var bs []*summaryBuilder
	var specs map[int64]*elective.Specialty
	err = db.read(ctx, conn, func(tx *Tx) error {
		bs = make([]*summaryBuilder, len(censuses))
		for i, c := range censuses {
			bs[i] = newSummaryBuilder(c)
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		if specs, err = tx.specialtyIndex(orgID); err != nil {
			return err
		}
		return tx.countRunningClocks(bs)
	})
	return bs, specs, err
}

// countRunningClocks derives each pathway and adds each of its periods to
// every census at which its clock was running.
func (tx *Tx) countRunningClocks(bs []*summaryBuilder) error {
	vulnerable, err := tx.vulnerablePatients(tx.today())
	if err != nil {
		return err
	}
	pathways, err := tx.allPathways()
	if err != nil {
		return err
	}
	return tx.eachEventLog(pathways, func(p *elective.Pathway) {
		res, err := rtt.Derive(rtt.Pathway{Priority: p.Priority, Vulnerable: vulnerable[p.PatientID], Events: p.Events}, tx.db.Policy)
		if err != nil || res.Transferred {
			return
		}
		for i := range res.Periods {
			per := &res.Periods[i]
			for _, b := range bs {
				if clockRunningAt(per, b.census) {
					b.add(p.SpecialtyID, rtt.DaysWaited(per.Start, b.census), 1)
				}
			}
		}
	})
}

// clockRunningAt reports whether a period's clock was running at the end of
// census day c: started on or before c and not stopped by then (a clock
// stopped on c has stopped). A nullified period never counts: a
// first-appointment DNA removes it from measurement (rules.md 1.5.2).
func clockRunningAt(p *rtt.Period, c elective.Date) bool {
	return !p.Nullified && !p.Start.After(c) && (p.Open() || p.Stop.After(c))
}
