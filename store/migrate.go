package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrations holds the forward-only schema changes, one numbered file per
// change and the same numbers in both dialect folders (a test checks). A
// migration is never edited once it has shipped; a fix is a new file.
//
//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// Migration is one numbered schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Migrations returns the migrations of a dialect in order.
func Migrations(d Dialect) ([]Migration, error) {
	dir := "migrations/" + d.String()
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var ms []Migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		b, err := migrations.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: e.Name(), SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	return ms, nil
}

// migrate applies the migrations not yet applied, each in its own
// transaction together with its schema_migrations row.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	ms, err := Migrations(db.dialect)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if err := db.update(ctx, func(tx *Tx) error { return tx.applyMigration(m) }); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	if err := db.rebuildPendingIndexes(ctx, db.db); err != nil {
		return fmt.Errorf("rebuild the indexes an interrupted bulk load dropped: %w", err)
	}
	if err := db.loadPolicy(ctx); err != nil {
		return fmt.Errorf("load the policy profile: %w", err)
	}
	return nil
}

func (tx *Tx) applyMigration(m Migration) error {
	if tx.db.dialect == Postgres {
		// Several servers may start at once; one migrates, the others wait.
		if _, err := tx.exec(`SELECT pg_advisory_xact_lock(7152026)`); err != nil {
			return err
		}
	}
	var n int
	if err := tx.queryRow(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&n); err != nil || n > 0 {
		return err
	}
	if _, err := tx.ExecContext(tx.ctx, m.SQL); err != nil {
		return err
	}
	_, err := tx.exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.Version, m.Name, tx.now)
	return err
}

// SchemaVersion returns the newest applied migration.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}
