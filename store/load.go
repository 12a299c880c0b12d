package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Loader loads pre-identified data in bulk: the demo hospital, or a
// migration from another system. Each batch is one transaction of
// multi-row INSERTs, and each pathway's PTL row is derived by the same
// rules and code (ptlRowFor) as live recording.
type Loader struct {
	db       *DB
	conn     *sql.Conn // SQLite: the one connection the load runs on
	tx       *Tx       // the open transaction batches are loaded in
	pending  int       // rows written in tx since it began
	pathways int
	events   int
}

// commitEvery is how many rows a load transaction takes before it commits.
// Few large commits write each index page to the WAL once, not once per batch.
const commitEvery = 400000

// NewLoader returns a loader.
func NewLoader(db *DB) *Loader { return &Loader{db: db} }

// begin returns the open load transaction, starting one if needed. On
// SQLite the load runs on one connection that trades durability for speed
// while the load runs (synchronous=OFF, a 128 MiB page cache, foreign keys
// checked once at the end instead of row by row): a load goes into an empty
// database and is not acknowledged until FinishLoad, which checks every
// foreign key, restores synchronous=FULL and checkpoints, so no
// acknowledged write is at risk.
func (l *Loader) begin(ctx context.Context) (*Tx, error) {
	if l.tx != nil {
		return l.tx, nil
	}
	var on beginner = l.db.db
	if l.db.dialect == SQLite {
		if err := l.openConn(ctx); err != nil {
			return nil, err
		}
		on = l.conn
	}
	sqlTx, err := on.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	l.tx = &Tx{Tx: sqlTx, db: l.db, now: l.db.Now().UTC(), ctx: ctx, stmts: map[string]*sql.Stmt{}}
	l.pending = 0
	return l.tx, nil
}

func (l *Loader) openConn(ctx context.Context) error {
	if l.conn != nil {
		return nil
	}
	conn, err := l.db.db.Conn(ctx)
	if err != nil {
		return err
	}
	// No memory-mapped I/O while loading: mapping the file as it grows
	// would count the whole database into the process's memory.
	for _, q := range []string{`PRAGMA synchronous = OFF`, `PRAGMA cache_size = -131072`, `PRAGMA foreign_keys = OFF`,
		`PRAGMA threads = 2`, `PRAGMA mmap_size = 0`} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			conn.Close()
			return err
		}
	}
	l.conn = conn
	return nil
}

// commit ends the open load transaction.
func (l *Loader) commit() error {
	if l.tx == nil {
		return nil
	}
	tx := l.tx
	l.tx = nil
	tx.closeStmts()
	return tx.Commit()
}

// abort rolls back the open load transaction after a failure.
func (l *Loader) abort() {
	if l.tx != nil {
		l.tx.closeStmts()
		l.tx.Rollback()
		l.tx = nil
	}
}

// execer runs statements outside a transaction: the pool or one connection.
type execer interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// connOrDB is where statements outside a transaction run.
func (l *Loader) connOrDB() execer {
	if l.conn != nil {
		return l.conn
	}
	return l.db.db
}

// release gives the loader's connection back with its normal settings.
func (l *Loader) release(ctx context.Context) error {
	if l.conn == nil {
		return nil
	}
	defer func() { l.conn.Close(); l.conn = nil }()
	for _, q := range []string{`PRAGMA foreign_keys = ON`, `PRAGMA synchronous = FULL`, `PRAGMA cache_size = -32768`,
		`PRAGMA mmap_size = ` + mmapSize, `PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := l.conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// checkForeignKeys fails the load if any loaded row points at a row that
// does not exist. SQLite checked nothing during the load; PostgreSQL
// enforced every key as rows arrived.
func (l *Loader) checkForeignKeys(ctx context.Context) error {
	if l.db.dialect != SQLite {
		return nil
	}
	conn, release, err := l.db.scanConn(ctx)
	if err != nil {
		return err
	}
	defer release()
	rows, err := conn.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid, fk sql.NullInt64
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return err
		}
		return fmt.Errorf("loaded data is inconsistent: a %s row (rowid %d) points at a missing %s row", table, rowid.Int64, parent)
	}
	return rows.Err()
}

var _ elective.Loader = (*Loader)(nil)

// maxParams keeps every statement under SQLite's and PostgreSQL's limits on
// bound parameters.
const maxParams = 30000

// bulkInsert inserts n rows of cols into table; row(i) returns the values
// of row i. Rows go in multi-row statements of a fixed size, and the rest
// one row at a time: parsing a long INSERT costs SQLite more than running
// it, so statements are prepared once per load (see stmt), and PostgreSQL
// saves round trips.
func (tx *Tx) bulkInsert(table, cols string, n int, row func(i int) []any) error {
	width := strings.Count(cols, ",") + 1
	per := min(maxParams/width, 500)
	args := make([]any, 0, per*width)
	for start := 0; start < n; {
		rows := per
		if n-start < per {
			rows = 1
		}
		stmt, err := tx.stmt(table, cols, width, rows)
		if err != nil {
			return err
		}
		args = args[:0]
		for i := start; i < start+rows; i++ {
			args = append(args, row(i)...)
		}
		if _, err := stmt.ExecContext(tx.ctx, convertArgs(args)...); err != nil {
			return err
		}
		start += rows
	}
	return nil
}

// stmt returns the INSERT of rows rows into table, prepared once per load
// transaction (a plain transaction prepares it for the call).
func (tx *Tx) stmt(table, cols string, width, rows int) (*sql.Stmt, error) {
	key := table + "/" + itoa(rows)
	if s, ok := tx.stmts[key]; ok {
		return s, nil
	}
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
	ph := placeholders(width)
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(ph)
	}
	s, err := tx.PrepareContext(tx.ctx, tx.db.rebind(b.String()))
	if err != nil {
		return nil, err
	}
	if tx.stmts != nil {
		tx.stmts[key] = s
	} else {
		tx.closers = append(tx.closers, s)
	}
	return s, nil
}

// closeStmts closes the statements prepared in the transaction.
func (tx *Tx) closeStmts() {
	for _, s := range tx.stmts {
		s.Close()
	}
	for _, s := range tx.closers {
		s.Close()
	}
	tx.stmts, tx.closers = nil, nil
}

// LoadReference loads the organisation, sites, specialties, clinicians and
// clinic templates.
func (l *Loader) LoadReference(ctx context.Context, ref *elective.ReferenceData) error {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return err
	}
	tx, err := l.begin(ctx)
	if err != nil {
		return err
	}
	err = func() error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM organisation`).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return elective.Errorf(elective.ECONFLICT, "The database already holds a trust; load into an empty database")
		}
		o := ref.Organisation
		if _, err := tx.exec(`INSERT INTO organisation (id, code, name) VALUES (?, ?, ?)`, o.ID, o.Code, o.Name); err != nil {
			return err
		}
		if _, err := tx.dropIndexes(); err != nil {
			return err
		}
		return tx.loadReference(o.ID, ref)
	}()
	if err != nil {
		l.abort()
		return err
	}
	return l.commit()
}

func (tx *Tx) loadReference(orgID int64, ref *elective.ReferenceData) error {
	if err := tx.bulkInsert("site", "id, org_id, code, name", len(ref.Sites), func(i int) []any {
		s := ref.Sites[i]
		return []any{s.ID, orgID, s.Code, s.Name}
	}); err != nil {
		return err
	}
	if err := tx.bulkInsert("specialty", "id, org_id, code, name", len(ref.Specialties), func(i int) []any {
		s := ref.Specialties[i]
		return []any{s.ID, orgID, s.Code, s.Name}
	}); err != nil {
		return err
	}
	if err := tx.bulkInsert("clinician", "id, org_id, code, title, given_name, family_name, specialty_id", len(ref.Clinicians), func(i int) []any {
		c := ref.Clinicians[i]
		return []any{c.ID, orgID, c.Code, c.Title, c.GivenName, c.FamilyName, c.SpecialtyID}
	}); err != nil {
		return err
	}
	if err := tx.bulkInsert("clinic_template", "id, org_id, code, name, clinician_id, specialty_id, site_id, room, weekday, start_minute, effective_from, effective_to", len(ref.Templates), func(i int) []any {
		t := ref.Templates[i]
		return []any{t.ID, orgID, t.Code, t.Name, t.ClinicianID, t.SpecialtyID, t.SiteID, t.Room, int(t.Weekday), t.StartMinute, t.EffectiveFrom, t.EffectiveTo}
	}); err != nil {
		return err
	}
	for _, t := range ref.Templates {
		if err := tx.insertTemplateSlots(t); err != nil {
			return err
		}
	}
	return nil
}

// LoadBatch loads a batch of records and derives their PTL rows.
func (l *Loader) LoadBatch(ctx context.Context, b *elective.LoadBatch) error {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return err
	}
	// Deriving the clocks runs beside the inserts, on another core; the PTL
	// rows go in last.
	type derived struct {
		rows  []ptlRow
		tasks []taskRow
		err   error
	}
	ptl := make(chan derived, 1)
	go func() {
		rows, tasks, err := l.ptlRows(b)
		ptl <- derived{rows, tasks, err}
	}()
	tx, err := l.begin(ctx)
	if err != nil {
		<-ptl
		return err
	}
	orgID, _, err := tx.org()
	for _, step := range []func(int64, *elective.LoadBatch) error{
		tx.loadSessions, tx.loadPatients, tx.loadPathways, tx.loadAppointments,
	} {
		if err == nil {
			err = step(orgID, b)
		}
	}
	d := <-ptl
	if err == nil {
		err = d.err
	}
	if err == nil {
		err = tx.bulkInsert("ptl_entry", ptlColumns, len(d.rows), func(i int) []any { return d.rows[i].args(orgID) })
	}
	if err == nil {
		err = tx.bulkInsert("pathway_task", taskColumns, len(d.tasks), func(i int) []any { return d.tasks[i].args(orgID) })
	}
	if err != nil {
		l.abort()
		return err
	}
	l.pathways += len(b.Pathways)
	l.pending += len(b.Slots) + len(b.Patients) + 3*len(b.Pathways) + 3*len(b.Appointments)
	for _, p := range b.Pathways {
		l.events += len(p.Events)
		l.pending += len(p.Events)
	}
	if l.pending >= commitEvery {
		return l.commit()
	}
	return nil
}

// ptlRows derives the PTL rows and tasks of a batch's pathways. A pathway
// whose events the rules refuse fails the whole batch.
func (l *Loader) ptlRows(b *elective.LoadBatch) ([]ptlRow, []taskRow, error) {
	patients := make(map[int64]*elective.Patient, len(b.Patients))
	for _, p := range b.Patients {
		patients[p.ID] = p
	}
	next := map[int64]*nextBooking{}
	last := map[int64]*elective.Appointment{}
	for _, a := range b.Appointments {
		if n := next[a.PathwayID]; a.Status == elective.AppointmentBooked && (n == nil || a.Start.Before(n.start)) {
			next[a.PathwayID] = &nextBooking{id: a.ID, start: a.Start, slotType: a.Type}
		}
		if l := last[a.PathwayID]; a.Status == elective.AppointmentAttended && (l == nil || a.Start.After(l.Start)) {
			last[a.PathwayID] = a
		}
	}
	today := l.db.today(l.db.Now())
	var rows []ptlRow
	var tasks []taskRow
	for _, p := range b.Pathways {
		vulnerable := patients[p.PatientID] != nil && patients[p.PatientID].IsVulnerable(today)
		res, err := rtt.Derive(rtt.Pathway{Priority: p.Priority, Vulnerable: vulnerable, Events: p.Events}, l.db.Policy)
		if err != nil {
			return nil, nil, elective.Errorf(elective.EINVALID, "pathway %d: %v", p.ID, err)
		}
		if row, ok := ptlRowFor(p, res, next[p.ID], l.db.Location, l.db.Policy); ok {
			rows = append(rows, row)
		}
		tasks = append(tasks, tasksFor(p, res, last[p.ID], l.db.Location)...)
	}
	return rows, tasks, nil
}

// FinishLoad moves PostgreSQL's identity sequences past the loaded ids and
// refreshes the planner's statistics, and records the load in the audit
// trail.
func (l *Loader) FinishLoad(ctx context.Context) error {
	if err := l.commit(); err != nil {
		return err
	}
	// The foreign-key check only reads, so it runs on a pool connection
	// while the loader's connection rebuilds the indexes.
	fk := make(chan error, 1)
	go func() { fk <- l.checkForeignKeys(ctx) }()
	err := l.db.rebuildPendingIndexes(ctx, l.connOrDB())
	if fkErr := <-fk; fkErr != nil {
		return fkErr
	}
	if err != nil {
		return fmt.Errorf("rebuild indexes after the load: %w", err)
	}
	if l.db.dialect == Postgres {
		for _, t := range []string{"organisation", "site", "specialty", "clinician", "clinic_template", "clinic_session",
			"slot", "patient", "referral", "pathway", "pathway_event", "appointment", "appointment_change", "app_user", "audit_event"} {
			q := `SELECT setval(pg_get_serial_sequence('` + t + `', 'id'), COALESCE((SELECT MAX(id) FROM ` + t + `), 0) + 1, false)`
			if _, err := l.db.db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	analyze := `ANALYZE`
	if l.db.dialect == SQLite {
		// A sample is enough for the planner and keeps this to seconds.
		analyze = `PRAGMA analysis_limit = 1000; ANALYZE`
	}
	if _, err := l.connOrDB().ExecContext(ctx, analyze); err != nil {
		return err
	}
	if err := l.release(ctx); err != nil {
		return err
	}
	return l.db.update(ctx, func(tx *Tx) error {
		return tx.audit("bulk.load", 0, "pathways="+itoa(l.pathways)+" events="+itoa(l.events))
	})
}
