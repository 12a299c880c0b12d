package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// Dialect is the SQL database behind a DB.
type Dialect int

// Dialects.
const (
	SQLite Dialect = iota
	Postgres
)

// String names the dialect.
func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// DB is the database handle shared by every service. Now and Location are
// the injected clock and the local time zone: "today" is the date in
// Location at Now.
type DB struct {
	db      *sql.DB
	dialect Dialect
	dsn     string

	Now      func() time.Time
	Location *time.Location
	Policy   rtt.Policy

	orgMu   sync.Mutex
	orgID   int64
	orgCode string
}

// NewDB returns a DB for dsn: a postgres:// or postgresql:// URL selects
// PostgreSQL, anything else is a SQLite file path.
func NewDB(dsn string) *DB {
	d := &DB{dsn: dsn, Now: time.Now, Location: time.UTC, Policy: rtt.DefaultPolicy()}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		d.dialect = Postgres
	}
	return d
}

// DSN returns the data source the DB was made with.
func (db *DB) DSN() string { return db.dsn }

// Dialect returns the database dialect.
func (db *DB) Dialect() Dialect { return db.dialect }

// Open connects and brings the schema up to date.
func (db *DB) Open(ctx context.Context) error {
	var err error
	if db.dialect == Postgres {
		db.db, err = sql.Open("pgx", db.dsn)
		db.db.SetMaxOpenConns(32)
		db.db.SetMaxIdleConns(32) // keep connections: opening one costs milliseconds
	} else {
		db.db, err = sql.Open("sqlite", sqliteDSN(db.dsn))
		// WAL lets readers run beside the one writer; writers queue on
		// busy_timeout rather than failing.
		db.db.SetMaxOpenConns(8)
		db.db.SetMaxIdleConns(8)
	}
	if err != nil {
		return fmt.Errorf("open %s database: %w", db.dialect, err)
	}
	if err := db.db.PingContext(ctx); err != nil {
		return fmt.Errorf("connect to %s database: %w", db.dialect, err)
	}
	return db.migrate(ctx)
}

// sqliteDSN adds the pragmas Elective relies on to a file path:
//   - journal_mode WAL: readers do not block the writer;
//   - synchronous FULL: a committed (acknowledged) write survives a power cut;
//   - foreign_keys: referential integrity is enforced, as in PostgreSQL;
//   - busy_timeout: concurrent writers wait for the lock instead of failing;
//   - cache_size and mmap_size: a PTL query reads many pages; a 32 MiB cache
//     per connection and memory-mapped reads keep them off the syscall path;
//   - _txlock=immediate: a transaction takes the write lock when it begins,
//     so two bookers cannot both read "free" and then deadlock upgrading.
func sqliteDSN(path string) string {
	if strings.HasPrefix(path, "file:") {
		path = strings.TrimPrefix(path, "file:")
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)", "busy_timeout(20000)",
		"cache_size(-32768)", "mmap_size(" + mmapSize + ")"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// mmapSize is how much of a SQLite file connections map for reading: 1 GiB.
const mmapSize = "1073741824"

// Close closes the database.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	return db.db.Close()
}

// SQL returns the underlying handle, for benchmarks and tools.
func (db *DB) SQL() *sql.DB { return db.db }

// today is the calendar date now in the trust's time zone.
func (db *DB) today(now time.Time) elective.Date { return elective.DateOf(now, db.Location) }

// Tx is a transaction with the instant it began: one "now" per transaction.
type Tx struct {
	*sql.Tx
	db  *DB
	now time.Time
	ctx context.Context

	stmts   map[string]*sql.Stmt // a load transaction's prepared INSERTs, kept for its life
	closers []*sql.Stmt          // statements to close when the transaction ends
}

// today is the transaction's calendar date.
func (tx *Tx) today() elective.Date { return tx.db.today(tx.now) }

// exec runs a statement, rebinding placeholders and converting arguments.
func (tx *Tx) exec(query string, args ...any) (sql.Result, error) {
	return tx.ExecContext(tx.ctx, tx.db.rebind(query), convertArgs(args)...)
}

// query runs a query.
func (tx *Tx) query(query string, args ...any) (*sql.Rows, error) {
	return tx.QueryContext(tx.ctx, tx.db.rebind(query), convertArgs(args)...)
}

// queryRow runs a query expected to return at most one row.
func (tx *Tx) queryRow(query string, args ...any) *sql.Row {
	return tx.QueryRowContext(tx.ctx, tx.db.rebind(query), convertArgs(args)...)
}

// insert runs an INSERT and returns the new row's id.
func (tx *Tx) insert(query string, args ...any) (int64, error) {
	var id int64
	err := tx.queryRow(query+" RETURNING id", args...).Scan(&id)
	return id, err
}

// Rebind turns ? placeholders into the dialect's, for tools and tests that
// write their own SQL.
func (db *DB) Rebind(q string) string { return db.rebind(q) }

var rebindCache sync.Map

// rebind turns ? placeholders into $1, $2 … for PostgreSQL. Queries never
// contain a literal question mark.
func (db *DB) rebind(q string) string {
	if db.dialect != Postgres || !strings.Contains(q, "?") {
		return q
	}
	if s, ok := rebindCache.Load(q); ok {
		return s.(string)
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	s := b.String()
	rebindCache.Store(q, s)
	return s
}
