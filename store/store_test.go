package store_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// The store suite runs every test on SQLite, and on PostgreSQL as well when
// ELECTIVE_TEST_POSTGRES names a database (CI always sets it). Each
// PostgreSQL test gets a schema of its own, dropped afterwards.

// testNow is the injected clock: Monday 23 November 2026, 08:00 in London.
var testNow = time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)

var london = mustLoadLocation("Europe/London")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// forEachDB runs fn as a subtest against a fresh database of each dialect.
func forEachDB(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, MustOpenDB(t, filepath.Join(t.TempDir(), "elective.db")))
	})
	pg := os.Getenv("ELECTIVE_TEST_POSTGRES")
	t.Run("postgres", func(t *testing.T) {
		if pg == "" {
			t.Skip("ELECTIVE_TEST_POSTGRES is not set")
		}
		fn(t, MustOpenDB(t, postgresSchema(t, pg)))
	})
}

// postgresSchema creates a schema of its own for a test and returns a URL
// whose search_path selects it. A database that cannot be reached fails the
// test: in CI a missing PostgreSQL is an error, not a skip.
func postgresSchema(t *testing.T, base string) string {
	t.Helper()
	raw, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("ELECTIVE_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() { raw.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	if _, err := raw.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("ELECTIVE_TEST_POSTGRES=%s: cannot create a test schema: %v", base, err)
	}
	t.Cleanup(func() { raw.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// MustOpenDB opens and migrates a database with the test clock.
func MustOpenDB(tb testing.TB, dsn string) *store.DB {
	tb.Helper()
	db := store.NewDB(dsn)
	db.Now = func() time.Time { return testNow }
	db.Location = london
	if err := db.Open(context.Background()); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// Users acting in tests.
var (
	system  = elective.SystemUser("test")
	booker  = &elective.User{ID: 101, Username: "booker", Name: "Bea Booker", Role: elective.RoleBookingOfficer, Active: true}
	admin   = &elective.User{ID: 102, Username: "admin", Name: "Ada Admin", Role: elective.RoleAdministrator, Active: true}
	rota    = &elective.User{ID: 103, Username: "rota", Name: "Rory Rota", Role: elective.RoleRotaCoordinator, Active: true}
	doctor  = &elective.User{ID: 104, Username: "doctor", Name: "Dr Dee", Role: elective.RoleClinician, Active: true}
	manager = &elective.User{ID: 105, Username: "manager", Name: "Max Manager", Role: elective.RoleBookingManager, Active: true}
	senior  = &elective.User{ID: 106, Username: "senior", Name: "Sam Senior", Role: elective.RoleSeniorBookingOfficer, Active: true}
)

// as returns a context in which u is signed in.
func as(u *elective.User) context.Context {
	return elective.NewContextWithRequestID(elective.NewContextWithUser(context.Background(), u), "req-test")
}

// count returns the number of rows in a table.
func count(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := elective.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}
