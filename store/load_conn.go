package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

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
