package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// london is the time zone every date and time is shown in.
func london() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err) // time/tzdata is embedded
	}
	return loc
}

// openDB opens and migrates the database with the process clock.
func (m *Main) openDB(ctx context.Context, dsn string) (*store.DB, error) {
	db := store.NewDB(dsn)
	db.Now, db.Location = m.Now, london()
	if err := db.Open(ctx); err != nil {
		return nil, err
	}
	return db, nil
}

// parseAndOpen parses a command's flags and then opens the database its
// --db flag names (dsn is read after parsing).
func (m *Main) parseAndOpen(ctx context.Context, fs *flag.FlagSet, args []string, dsn *string) (*store.DB, error) {
	if err := parse(fs, args); err != nil {
		return nil, err
	}
	return m.openDB(ctx, *dsn)
}

// systemContext is the context in which command-line jobs act.
func systemContext(ctx context.Context, job string) context.Context {
	ctx = elective.NewContextWithUser(ctx, elective.SystemUser(job))
	return elective.NewContextWithRequestID(ctx, "cli-"+job)
}

// hasOrganisation reports whether the database has been set up.
func hasOrganisation(ctx context.Context, db *store.DB) bool {
	_, err := store.NewOrganisationService(db).FindOrganisation(ctx)
	return err == nil
}

func (m *Main) migrate(ctx context.Context, args []string) error {
	fs := m.flags("migrate", "migrate [--db PATH_OR_URL]")
	dsn := m.dbFlag(fs)
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s database %s is at schema version %d\n", db.Dialect(), redact(*dsn), v)
	return nil
}
