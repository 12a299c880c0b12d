package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"sync"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// ReportService gives managers and the national returns their numbers: the
// live PTL by specialty and weekly band, month ends derived again from the
// event log, and the PTL and WLMDS exports.
type ReportService struct {
	db *DB

	// trendMu guards trend. It is held while a trend is computed, so that
	// concurrent first views of a day wait for one pass over the event log
	// instead of each starting their own.
	trendMu sync.Mutex
	trend   *trendCache
}

// NewReportService returns the service.
func NewReportService(db *DB) *ReportService { return &ReportService{db: db} }

var _ elective.ReportService = (*ReportService)(nil)

// PTLSummary counts the live PTL by specialty and weekly band at census. It
// groups ptl_entry by specialty and clock start in SQL (a few thousand
// groups instead of 250,000 rows) and bands the groups in Go with the rtt
// rules, so that the report and the PTL cannot disagree on a band.
// Pathways whose clocks start after census were not waiting then and are
// left out.
func (s *ReportService) PTLSummary(ctx context.Context, census elective.Date) (*elective.PTLSummary, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	if census.IsZero() {
		return nil, elective.Errorf(elective.EINVALID, "A PTL summary needs a census date")
	}
	var sum *elective.PTLSummary
	err := s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		b := newSummaryBuilder(census)
		if err := tx.countPTL(orgID, b); err != nil {
			return err
		}
		specs, err := tx.specialtyIndex(orgID)
		if err != nil {
			return err
		}
		sum = b.summary(specs)
		return tx.audit("report.summary", 0, "census="+census.String()+" open="+itoa(sum.Total.Open))
	})
	return sum, err
}

// countPTL adds the PTL's open clocks, grouped by specialty and clock start,
// to b. The always-true range on specialty_id is for SQLite's planner: with
// it the query reads the covering index (org_id, specialty_id, clock_start)
// in group order (70 ms at 250,000 rows); without it SQLite picks an index
// on org_id alone and visits every row (850 ms).
func (tx *Tx) countPTL(orgID int64, b *summaryBuilder) error {
	rows, err := tx.query(`SELECT specialty_id, clock_start, COUNT(*) FROM ptl_entry
		WHERE org_id = ? AND specialty_id > 0 AND clock_start <= ? GROUP BY specialty_id, clock_start`, orgID, b.census)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var spec int64
		var start elective.Date
		var n int
		if err := rows.Scan(&spec, dateCol{&start}, &n); err != nil {
			return err
		}
		b.add(spec, rtt.DaysWaited(start, b.census), n)
	}
	return rows.Err()
}

// specialtyIndex returns the trust's specialties by id.
func (tx *Tx) specialtyIndex(orgID int64) (map[int64]*elective.Specialty, error) {
	rows, err := tx.query(`SELECT id, code, name FROM specialty WHERE org_id = ?`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*elective.Specialty{}
	for rows.Next() {
		sp := &elective.Specialty{}
		if err := rows.Scan(&sp.ID, &sp.Code, &sp.Name); err != nil {
			return nil, err
		}
		out[sp.ID] = sp
	}
	return out, rows.Err()
}

// summaryBuilder counts open clocks by specialty at one census date.
type summaryBuilder struct {
	census elective.Date
	lines  map[int64]*elective.PTLSummaryLine
}

func newSummaryBuilder(census elective.Date) *summaryBuilder {
	return &summaryBuilder{census: census, lines: map[int64]*elective.PTLSummaryLine{}}
}

// add counts n clocks of a specialty that have waited days at the census.
func (b *summaryBuilder) add(specialtyID int64, days, n int) {
	l := b.lines[specialtyID]
	if l == nil {
		l = &elective.PTLSummaryLine{SpecialtyID: specialtyID}
		b.lines[specialtyID] = l
	}
	addWait(l, days, n)
}

// addWait counts n waits of days into a line. The thresholds are the rtt
// package's: within 18 weeks is not breached (days ≤ 126) and the long
// waits are the milestones of rules.md 1.11 (365, 456, 547, 729 days).
func addWait(l *elective.PTLSummaryLine, days, n int) {
	l.Open += n
	l.Bands[rtt.BandIndex(days)] += n
	if !rtt.Breached(days) {
		l.Within18 += n
	}
	w := rtt.LongWaitWeeks(days)
	if w >= 52 {
		l.Over52 += n
	}
	if w >= 65 {
		l.Over65 += n
	}
	if w >= 78 {
		l.Over78 += n
	}
	if w >= 104 {
		l.Over104 += n
	}
}

// addLine adds every count of src to dst, for totals.
func addLine(dst, src *elective.PTLSummaryLine) {
	dst.Open += src.Open
	dst.Within18 += src.Within18
	dst.Over52 += src.Over52
	dst.Over65 += src.Over65
	dst.Over78 += src.Over78
	dst.Over104 += src.Over104
	for i, n := range src.Bands {
		dst.Bands[i] += n
	}
}

// summary returns the lines in treatment function code order, named from
// specs, with their total. Only specialties with open clocks have a line.
func (b *summaryBuilder) summary(specs map[int64]*elective.Specialty) *elective.PTLSummary {
	sum := &elective.PTLSummary{Census: b.census, Total: elective.PTLSummaryLine{Name: "Total"}}
	for id, l := range b.lines {
		if sp := specs[id]; sp != nil {
			l.Code, l.Name = sp.Code, sp.Name
		} else {
			l.Name = fmt.Sprintf("Specialty %d", id)
		}
		addLine(&sum.Total, l)
		sum.Lines = append(sum.Lines, *l)
	}
	sort.Slice(sum.Lines, func(i, j int) bool {
		a, c := sum.Lines[i], sum.Lines[j]
		return a.Code < c.Code || a.Code == c.Code && a.SpecialtyID < c.SpecialtyID
	})
	return sum
}

// read runs fn in a read-only transaction on on (the pool, or a scan
// connection). On SQLite it is a deferred BEGIN, which takes no write lock,
// so a long read (a pass over the whole event log, a 250,000-row export
// going out at the speed of the browser) never holds up a booking; on
// PostgreSQL it is one REPEATABLE READ snapshot, so the several queries of
// a pass see the same database.
func (db *DB) read(ctx context.Context, on beginner, fn func(tx *Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if db.dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	sqlTx, err := on.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	tx := &Tx{Tx: sqlTx, db: db, now: db.Now().UTC(), ctx: ctx}
	defer tx.closeStmts()
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// auditAlone records an audit event in a transaction of its own. Exports
// record theirs before the first row leaves, so that an export cut short
// is still on the trail.
func (db *DB) auditAlone(ctx context.Context, action, detail string) error {
	return db.update(ctx, func(tx *Tx) error { return tx.audit(action, 0, detail) })
}

// ExportPTL streams every PTL row matching f, in f's order and with no
// paging, to fn. The export is audited first, then read in a read-only
// transaction, so a slow download holds no lock that bookings need.
func (s *ReportService) ExportPTL(ctx context.Context, f elective.PTLFilter, fn func(*elective.PTLEntry) error) error {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return err
	}
	if f.Census.IsZero() {
		return elective.Errorf(elective.EINVALID, "A PTL export needs a census date")
	}
	if err := s.db.auditAlone(ctx, "ptl.export", ptlFilterDetail(f)); err != nil {
		return err
	}
	return s.db.read(ctx, s.db.db, func(tx *Tx) error { return tx.eachPTLEntry(f, fn) })
}

// eachPTLEntry streams the PTL rows matching f, in f's order, to fn.
func (tx *Tx) eachPTLEntry(f elective.PTLFilter, fn func(*elective.PTLEntry) error) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	where, args := ptlWhere(orgID, f)
	if f.Sort != elective.SortPriority {
		// An always-true range on clock start, the order's first column,
		// steers SQLite to an index that gives the order (ptl_wait, or
		// ptl_specialty with a specialty filter); without it SQLite reads
		// an index on org_id alone and sorts the whole joined PTL before
		// the first row leaves (4.6 s at 250,000 rows).
		where += " AND e.clock_start >= ?"
		args = append(args, elective.NewDate(1900, 1, 1))
	}
	rows, err := tx.query(ptlSelect+where+ptlOrder(f.Sort), args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanPTLEntry(rows, f.Census)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ptlFilterDetail describes an export's filter for the audit trail: ids and
// choices, never anything that identifies a patient.
func ptlFilterDetail(f elective.PTLFilter) string {
	return fmt.Sprintf("census=%s specialty=%d consultant=%d site=%d list=%s priority=%s booked=%s weeks=%d-%d breach_within=%d validation_due=%t sort=%s",
		f.Census, f.SpecialtyID, f.ClinicianID, f.SiteID, f.ListType, f.Priority, f.Booked, f.MinWeeks, f.MaxWeeks,
		f.BreachWithinWeeks, f.ValidationDue, f.Sort)
}
