package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/openelective/elective/store"
)

// TestMigrationsMatch checks both dialect folders hold the same numbered
// migrations, so that no change reaches one database and not the other.
func TestMigrationsMatch(t *testing.T) {
	lite, err := store.Migrations(store.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := store.Migrations(store.Postgres)
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) == 0 || len(lite) != len(pg) {
		t.Fatalf("sqlite has %d migrations, postgres %d", len(lite), len(pg))
	}
	for i := range lite {
		if lite[i].Name != pg[i].Name || lite[i].Version != i+1 {
			t.Errorf("migration %d: sqlite %s, postgres %s (want consecutive numbers from 0001)", i+1, lite[i].Name, pg[i].Name)
		}
	}
}

// TestMigrateIdempotent opens a database twice: the second open applies
// nothing and the schema version stays.
func TestMigrateIdempotent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		v, err := db.SchemaVersion(context.Background())
		if err != nil || v < 1 {
			t.Fatalf("schema version %d, %v", v, err)
		}
		if err := db.Open(context.Background()); err != nil {
			t.Fatalf("second open: %v", err)
		}
	})
}

// TestSQLitePragmas checks the durability settings a booking office relies on.
func TestSQLitePragmas(t *testing.T) {
	db := MustOpenDB(t, filepath.Join(t.TempDir(), "p.db"))
	for pragma, want := range map[string]string{"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1"} {
		var got string
		if err := db.SQL().QueryRow("PRAGMA " + pragma).Scan(&got); err != nil || got != want {
			t.Errorf("PRAGMA %s = %q (%v), want %q", pragma, got, err, want)
		}
	}
}

// TestEventsAppendOnly checks the database itself refuses to change or
// delete a pathway event or an audit event.
func TestEventsAppendOnly(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		MustRegister(t, db, 1, today)
		for _, q := range []string{`UPDATE pathway_event SET note = 'x'`, `DELETE FROM pathway_event`,
			`UPDATE audit_event SET action = 'x'`, `DELETE FROM audit_event`} {
			if _, err := db.SQL().Exec(q); err == nil {
				t.Errorf("%s: succeeded, want refused", q)
			}
		}
	})
}
