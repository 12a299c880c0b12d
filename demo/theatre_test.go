package demo

import (
	"reflect"
	"testing"

	"github.com/openelective/elective"
)

// waitingFixture is a few hundred admitted pathways across the surgical
// specialties, with two consultants each.
func waitingFixture(today elective.Date) []AdmittedPathway {
	var out []AdmittedPathway
	for i := range 600 {
		sp := int64(i%len(specialties) + 1)
		out = append(out, AdmittedPathway{PathwayID: int64(i + 1), PatientID: int64(i + 1), SpecialtyID: sp,
			ClinicianID: sp*10 + int64(i%2), ClockStart: today.AddDays(-20 - i%200), BreachDate: today.AddDays(106 - i%200)})
	}
	return out
}

func TestTheatresDeterministicAndConsistent(t *testing.T) {
	today := elective.MustParseDate("2026-12-03")
	cfg := Config{Seed: 7, Today: today}
	a, err := Theatres(cfg, waitingFixture(today))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Theatres(cfg, waitingFixture(today))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed built different theatre data")
	}
	if len(a.Theatres) != mainTheatres+1 || len(a.Sessions) == 0 || len(a.Entries) != 600 || len(a.Cases) == 0 || len(a.History) == 0 {
		t.Fatalf("theatres %d sessions %d entries %d cases %d history %d", len(a.Theatres), len(a.Sessions),
			len(a.Entries), len(a.Cases), len(a.History))
	}
	sessions := map[int64]*elective.TheatreSession{}
	for _, s := range a.Sessions {
		sessions[s.ID] = s
		if s.Date.Before(today) {
			t.Errorf("session %d is in the past", s.ID)
		}
	}
	entries := map[int64]*elective.AdmittedListEntry{}
	for _, e := range a.Entries {
		entries[e.ID] = e
	}
	booked, used := map[int64]bool{}, map[int64]int{}
	for _, c := range a.Cases {
		s, e := sessions[c.SessionID], entries[c.EntryID]
		if booked[c.EntryID] {
			t.Errorf("entry %d booked twice", c.EntryID)
		}
		booked[c.EntryID] = true
		used[s.ID] += c.Minutes
		if s.SurgeonID != e.SurgeonID || !fitsDemoList(s, e) || s.Status == elective.SessionReleased {
			t.Errorf("case %d does not fit session %+v", c.ID, s)
		}
	}
	for id, m := range used {
		if m > sessions[id].Minutes {
			t.Errorf("session %d booked %d of %d minutes", id, m, sessions[id].Minutes)
		}
	}
}
