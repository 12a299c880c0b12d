package main

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// benchSummary computes the PTL summary (open pathways by specialty and
// weekly band, with the 18-week percentage) twice: by Elective's
// ReportService.PTLSummary, which groups in SQL by specialty and clock
// start and bands the groups in Go with the rtt rules, and by one plain SQL
// query that does the banding itself, as a reporting analyst would write
// it. It prints both side by side with their timings and fails unless they
// agree on every specialty and band. PTLSummary audits each run, so point
// it at a copy of a production database.
func (m *Main) benchSummary(ctx context.Context, args []string) error {
	fs := m.flags("bench summary", "bench summary [--db PATH_OR_URL] [--runs N]")
	dsn := m.dbFlag(fs)
	runs := fs.Int("runs", 5, "timed runs of each way (the median is reported), after one warm-up run")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = systemContext(ctx, "bench")
	census := elective.DateOf(m.Now(), london())
	reports := store.NewReportService(db)
	var mine, plain *elective.PTLSummary
	tMine, err := medianRun(*runs, func() (err error) { mine, err = reports.PTLSummary(ctx, census); return err })
	if err != nil {
		return fmt.Errorf("elective's summary: %w", err)
	}
	tPlain, err := medianRun(*runs, func() (err error) { plain, err = plainSQLSummary(ctx, db, census); return err })
	if err != nil {
		return fmt.Errorf("plain SQL summary: %w", err)
	}
	fmt.Fprintf(m.Stdout, "PTL summary at %s on %s (%d open pathways), median of %d runs:\n", census, db.Dialect(), mine.Total.Open, *runs)
	fmt.Fprintf(m.Stdout, "  Elective  (ReportService.PTLSummary: SQL groups by clock start, bands in Go) %8.1f ms\n", ms(tMine))
	fmt.Fprintf(m.Stdout, "  Plain SQL (one query, bands in SQL)                                         %8.1f ms\n\n", ms(tPlain))
	return m.compareSummaries(mine, plain)
}

// medianRun runs fn once to warm the caches, then runs times, and returns
// the median time.
func medianRun(runs int, fn func() error) (time.Duration, error) {
	if err := fn(); err != nil {
		return 0, err
	}
	times := make([]time.Duration, 0, max(runs, 1))
	for range max(runs, 1) {
		start := time.Now()
		if err := fn(); err != nil {
			return 0, err
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return times[len(times)/2], nil
}

// summaryBySQL is the plain query. Days waited are census − clock start in
// calendar days (rules.md 1.11): date subtraction in PostgreSQL, Julian day
// numbers in SQLite. The band is k = ceil(days / 7) − 1, with 0–7 days in
// band 0 and 729 days or more in the top band, 104+. Its WHERE is the one
// PTLSummary uses (the range on specialty_id steers SQLite to the covering
// index), so the two differ only in where the banding is done.
const summaryBySQL = `SELECT sp.code, sp.name, b.band, b.n FROM (
	SELECT d.specialty_id, CASE WHEN d.days <= 7 THEN 0 WHEN d.days >= 729 THEN 104 ELSE (d.days + 6) / 7 - 1 END AS band,
		COUNT(*) AS n
	FROM (SELECT e.specialty_id, %s AS days FROM ptl_entry e WHERE e.org_id = ? AND e.specialty_id > 0 AND e.clock_start <= ?) d
	GROUP BY d.specialty_id, band
	) b JOIN specialty sp ON sp.id = b.specialty_id
	ORDER BY sp.code, b.band`

// plainSQLSummary runs summaryBySQL and totals its bands. Within 18 weeks is
// bands 0–17 (126 days or fewer) and the long waits are bands from 52, 65,
// 78 and 104: each threshold of rules.md 1.11 is the first day of a band.
func plainSQLSummary(ctx context.Context, db *store.DB, census elective.Date) (*elective.PTLSummary, error) {
	days := `CAST(ROUND(julianday(?) - julianday(e.clock_start)) AS INTEGER)`
	if db.Dialect() == store.Postgres {
		days = `(CAST(? AS DATE) - e.clock_start)`
	}
	var orgID int64
	if err := db.SQL().QueryRowContext(ctx, `SELECT MIN(id) FROM organisation`).Scan(&orgID); err != nil {
		return nil, err
	}
	rows, err := db.SQL().QueryContext(ctx, db.Rebind(fmt.Sprintf(summaryBySQL, days)), census.String(), orgID, census.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sum := &elective.PTLSummary{Census: census, Total: elective.PTLSummaryLine{Name: "Total"}}
	for rows.Next() {
		var code, name string
		var band, n int
		if err := rows.Scan(&code, &name, &band, &n); err != nil {
			return nil, err
		}
		if k := len(sum.Lines); k == 0 || sum.Lines[k-1].Code != code {
			sum.Lines = append(sum.Lines, elective.PTLSummaryLine{Code: code, Name: name})
		}
		for _, l := range []*elective.PTLSummaryLine{&sum.Lines[len(sum.Lines)-1], &sum.Total} {
			addBand(l, band, n)
		}
	}
	return sum, rows.Err()
}

// addBand counts n waits of weekly band k into a line.
func addBand(l *elective.PTLSummaryLine, k, n int) {
	l.Open += n
	l.Bands[k] += n
	if k <= 17 {
		l.Within18 += n
	}
	if k >= 52 {
		l.Over52 += n
	}
	if k >= 65 {
		l.Over65 += n
	}
	if k >= 78 {
		l.Over78 += n
	}
	if k >= 104 {
		l.Over104 += n
	}
}

// compareSummaries prints the two summaries side by side and returns an
// error unless every specialty and the total agree in every count and band.
func (m *Main) compareSummaries(mine, plain *elective.PTLSummary) error {
	byCode := map[string]*elective.PTLSummaryLine{}
	for i := range plain.Lines {
		byCode[plain.Lines[i].Code] = &plain.Lines[i]
	}
	fmt.Fprintf(m.Stdout, "%-5s %-34s %17s %17s %15s %13s %11s  %s\n", "TFC", "Specialty",
		"Open (E | SQL)", "≤18 wk (E | SQL)", "% (E | SQL)", "52+ (E | SQL)", "104+", "agree")
	bad := 0
	show := func(code, name string, a, b *elective.PTLSummaryLine) {
		if b == nil {
			b = &elective.PTLSummaryLine{}
		}
		same := a.Open == b.Open && a.Within18 == b.Within18 && a.Over52 == b.Over52 && a.Over65 == b.Over65 &&
			a.Over78 == b.Over78 && a.Over104 == b.Over104 && a.Bands == b.Bands
		verdict := "yes"
		if !same {
			verdict, bad = "NO", bad+1
		}
		fmt.Fprintf(m.Stdout, "%-5s %-34.34s %8d|%-8d %8d|%-8d %6.1f|%-6.1f %6d|%-6d %5d|%-5d  %s\n", code, name,
			a.Open, b.Open, a.Within18, b.Within18, a.Percent18(), b.Percent18(), a.Over52, b.Over52, a.Over104, b.Over104, verdict)
	}
	for i := range mine.Lines {
		l := &mine.Lines[i]
		show(l.Code, l.Name, l, byCode[l.Code])
		delete(byCode, l.Code)
	}
	for code, l := range byCode { // specialties only the plain query found
		show(code, l.Name, &elective.PTLSummaryLine{}, l)
	}
	show("", "Total", &mine.Total, &plain.Total)
	if bad > 0 {
		return fmt.Errorf("the two summaries disagree on %d lines", bad)
	}
	fmt.Fprintln(m.Stdout, "\nThe two agree on every specialty, every count and every weekly band.")
	return nil
}
