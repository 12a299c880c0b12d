package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"

	"github.com/openelective/elective"
)

// timeLayout writes instants as fixed-width UTC text, so that in SQLite
// text order is time order.
const timeLayout = "2006-01-02T15:04:05.000000Z"

// convertArgs turns domain values into driver values: dates become
// YYYY-MM-DD text and instants UTC text (both dialects accept them), and
// zero dates and times become NULL.
func convertArgs(args []any) []any {
	for i, a := range args {
		switch v := a.(type) {
		case elective.Date:
			if v.IsZero() {
				args[i] = nil
			} else {
				args[i] = v.String()
			}
		case time.Time:
			if v.IsZero() {
				args[i] = nil
			} else {
				args[i] = formatTime(v)
			}
		}
	}
	return args
}

// formatTime writes t in timeLayout by hand: a bulk load formats millions
// of instants, and time.Format is general and slow.
func formatTime(t time.Time) string {
	t = t.UTC()
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	if y < 1000 || y > 9999 {
		return t.Format(timeLayout)
	}
	us := t.Nanosecond() / 1000
	var b [27]byte
	put := func(at, n, width int) {
		for i := width - 1; i >= 0; i-- {
			b[at+i] = byte('0' + n%10)
			n /= 10
		}
	}
	put(0, y, 4)
	b[4] = '-'
	put(5, int(mo), 2)
	b[7] = '-'
	put(8, d, 2)
	b[10] = 'T'
	put(11, h, 2)
	b[13] = ':'
	put(14, mi, 2)
	b[16] = ':'
	put(17, s, 2)
	b[19] = '.'
	put(20, us, 6)
	b[26] = 'Z'
	return string(b[:])
}

// nullID stores 0 as NULL, for optional foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// dateCol scans a DATE (PostgreSQL) or YYYY-MM-DD text (SQLite) column;
// NULL scans as the zero Date.
type dateCol struct{ d *elective.Date }

// Scan implements sql.Scanner.
func (c dateCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.d = elective.Date{}
	case time.Time:
		*c.d = elective.Date{Year: v.Year(), Month: v.Month(), Day: v.Day()}
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("cannot scan %T into a date", src)
	}
	return nil
}

func (c dateCol) parse(s string) error {
	if len(s) > 10 {
		s = s[:10]
	}
	d, err := elective.ParseDate(s)
	*c.d = d
	return err
}

// timeCol scans a timestamptz (PostgreSQL) or UTC text (SQLite) column;
// NULL scans as the zero time.
type timeCol struct{ t *time.Time }

// Scan implements sql.Scanner.
func (c timeCol) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*c.t = time.Time{}
	case time.Time:
		*c.t = v.UTC()
	case string:
		return c.parse(v)
	case []byte:
		return c.parse(string(v))
	default:
		return fmt.Errorf("cannot scan %T into a time", src)
	}
	return nil
}

func (c timeCol) parse(s string) error {
	t, err := time.Parse(time.RFC3339Nano, s)
	*c.t = t.UTC()
	return err
}

// idCol scans a nullable integer id; NULL scans as 0.
type idCol struct{ n *int64 }

// Scan implements sql.Scanner.
func (c idCol) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*c.n = n.Int64
	return nil
}

// isUniqueViolation reports whether err is a unique-constraint violation.
func isUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == 2067 || se.Code() == 1555 // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
	}
	return false
}

// isLockNotAvailable reports whether a NOWAIT lock found the row locked.
func isLockNotAvailable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "55P03"
}

// isRetryable reports whether a transaction failed only because of a
// concurrent one (PostgreSQL serialization failure or deadlock, SQLite busy)
// and can safely be run again.
func isRetryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code()&0xff == 5 || se.Code()&0xff == 6 // SQLITE_BUSY, SQLITE_LOCKED
	}
	return false
}

// update runs fn in a transaction and commits it, retrying a few times when a
// concurrent transaction got in the way. fn must not have effects outside
// the transaction.
func (db *DB) update(ctx context.Context, fn func(tx *Tx) error) error {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		if err = db.tryUpdate(ctx, fn); err == nil || !isRetryable(err) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	return err
}

func (db *DB) tryUpdate(ctx context.Context, fn func(tx *Tx) error) error {
	return db.tryUpdateOn(ctx, db.db, fn)
}

// beginner is where a transaction begins: the pool, or one connection.
type beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

func (db *DB) tryUpdateOn(ctx context.Context, on beginner, fn func(tx *Tx) error) error {
	sqlTx, err := on.BeginTx(ctx, nil)
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

// placeholders returns "(?, ?, …)" with n marks.
func placeholders(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
}

// inClause returns "?, ?, …" for an IN list of n values.
func inClause(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// notFound turns a missing row into ENOTFOUND with msg, and passes other
// errors through.
func notFound(err error, msg string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return elective.Errorf(elective.ENOTFOUND, "%s", msg)
	}
	return err
}

// Args converts dates and instants to the stored forms, for callers that
// query db.SQL() directly (the bench command).
func (db *DB) Args(args ...any) []any { return convertArgs(args) }
