package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// TestLoadDemoRooms: every room the clinic templates name becomes a room
// (OPD 1, Breast unit, OPD 2) with a seminar room at each site; its
// clinics show in its day; running it again adds nothing.
func TestLoadDemoRooms(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC) // Monday
	db := store.NewDB(filepath.Join(t.TempDir(), "rooms.db"))
	db.Now, db.Location = func() time.Time { return now }, london()
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sys := systemContext(ctx, "demo")
	l := store.NewLoader(db)
	if err := l.LoadReference(sys, fixture.Reference()); err != nil {
		t.Fatal(err)
	}
	if err := l.FinishLoad(sys); err != nil {
		t.Fatal(err)
	}
	today := elective.DateOf(now, london())
	if _, err := store.NewClinicService(db).GenerateSessions(sys, today, today.AddDays(7)); err != nil {
		t.Fatal(err)
	}
	if n, err := loadDemoRooms(sys, db, today); err != nil || n != 5 {
		t.Fatalf("added %d rooms, %v; want 5", n, err)
	}
	if n, err := loadDemoRooms(sys, db, today); err != nil || n != 0 {
		t.Fatalf("again: added %d rooms, %v; want none", n, err)
	}
	days, err := store.NewRoomService(db).FindRoomDays(sys, today)
	if err != nil {
		t.Fatal(err)
	}
	uses := map[string]int{}
	for _, d := range days {
		uses[d.Room.SiteName+"/"+d.Room.Name] += len(d.Uses)
	}
	if uses["Fixture General Hospital/OPD 1"] != 1 || uses["Fixture General Hospital/Seminar room"] != 1 || uses["Fixture Community Hospital/OPD 2"] != 0 {
		t.Errorf("today's uses = %v", uses)
	}
	if got := roomCode("RXX01", "Orthopaedics Room 1 "); got != "RXX01-ORTHOPAEDICS-ROOM-1" {
		t.Errorf("code = %s", got)
	}
}
