package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/demo"
	"github.com/openelective/elective/store"
)

// TestDemoTheatresFromTemplates: the demo hospital's theatre lists are
// made from its theatre templates and name them, so the templates page
// shows the job plan and "Generate lists" (the booking horizon from
// today) makes none for the weeks the demo built: only the later weeks'
// lists, each template's date once; making them again makes none.
func TestDemoTheatresFromTemplates(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC) // Thursday: the twelve weeks hold Christmas
	db := store.NewDB(filepath.Join(t.TempDir(), "demo.db"))
	db.Now, db.Location = func() time.Time { return now }, london()
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sys := systemContext(ctx, "demo")
	today := elective.DateOf(now, london())
	cfg := demo.Config{Seed: 1, Scale: demo.Small, Today: today, Location: london(), Pathways: 2000}
	loader := store.NewLoader(db)
	if err := generate(sys, cfg, loader, nil); err != nil {
		t.Fatal(err)
	}
	if err := loader.FinishLoad(sys); err != nil {
		t.Fatal(err)
	}
	if err := loadDemoTheatres(sys, loader, cfg); err != nil {
		t.Fatal(err)
	}
	q := func(sql string, args ...any) int {
		t.Helper()
		var n int
		if err := db.SQL().QueryRow(db.Rebind(sql), args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
		return n
	}
	templates, sessions := q(`SELECT COUNT(*) FROM theatre_template`), q(`SELECT COUNT(*) FROM theatre_session`)
	if templates == 0 || sessions == 0 || q(`SELECT COUNT(*) FROM theatre_session WHERE template_id IS NULL`) != 0 {
		t.Fatalf("%d templates, %d lists, %d without a template", templates, sessions,
			q(`SELECT COUNT(*) FROM theatre_session WHERE template_id IS NULL`))
	}
	if n := q(`SELECT COUNT(*) FROM theatre_case`); n == 0 {
		t.Error("no cases booked on the lists")
	}
	svc := store.NewTheatreTemplateService(db)
	lastBuilt := elective.MustParseDate("2026-11-30").AddDays(7*12 - 1)
	if n, err := svc.GenerateTheatreSessions(sys, today, lastBuilt); err != nil || n != 0 {
		t.Fatalf("making the demo's weeks again made %d lists, %v; want none", n, err)
	}
	horizon := today.AddDays(7 * 16) // what the templates page's "Generate lists" makes
	n, err := svc.GenerateTheatreSessions(sys, today, horizon)
	if err != nil || n == 0 {
		t.Fatalf("the weeks after the demo's made %d lists, %v", n, err)
	}
	if later := q(`SELECT COUNT(*) FROM theatre_session WHERE session_date > ?`, lastBuilt.String()); later != n {
		t.Errorf("made %d lists, %d of them after the demo's weeks", n, later)
	}
	if dup := q(`SELECT COUNT(*) FROM (SELECT template_id, session_date FROM theatre_session
		GROUP BY template_id, session_date HAVING COUNT(*) > 1) d`); dup != 0 {
		t.Errorf("%d template dates with more than one list", dup)
	}
	if n, err := svc.GenerateTheatreSessions(sys, today, horizon); err != nil || n != 0 {
		t.Errorf("again: made %d, %v; want none", n, err)
	}
}
