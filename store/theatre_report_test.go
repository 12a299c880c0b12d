package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

func TestTheatreReport(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		s1 := mustSession(t, db, 21, elective.PeriodMorning) // 240 minutes
		mustSession(t, db, 21, elective.PeriodAfternoon)     // unused
		s3 := mustSession(t, db, 28, elective.PeriodMorning) // released
		e1 := listEntry(t, db, 1, elective.P3)               // 60 minutes
		e2 := listEntry(t, db, 2, elective.P3)               // cancelled
		p2 := listEntry(t, db, 3, elective.P2, func(e *elective.AdmittedListEntry) { e.ListedOn = today.AddDays(-25) })
		for _, e := range []*elective.AdmittedListEntry{e1, e2} {
			if _, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s1.ID, EntryID: e.ID}); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := svc.FindTheatreSession(as(booker), s1.ID)
		if _, err := svc.CancelCase(as(senior), elective.CancelCase{CaseID: got.Cases[1].ID, Reason: elective.CancelNoWardBed, OnTheDay: true}); err != nil {
			t.Fatal(err)
		}
		if err := svc.ReleaseSession(as(senior), s3.ID, "Surgeon on leave"); err != nil {
			t.Fatal(err)
		}
		r, err := svc.TheatreReport(as(booker), today, today.AddDays(60))
		if err != nil {
			t.Fatal(err)
		}
		if r.Sessions != 2 || r.SessionMinutes != 480 || r.BookedMinutes != 60 || r.Released != 1 || r.Unused != 1 {
			t.Errorf("report sessions = %+v", r)
		}
		if r.Utilisation != 12.5 || r.CappedUtilisation != 12.5 {
			t.Errorf("utilisation = %v / %v, want 12.5", r.Utilisation, r.CappedUtilisation)
		}
		if r.CancellationsByReason[elective.CancelNoWardBed] != 1 || len(r.Open28Day) != 1 || len(r.Breaches28Day) != 0 {
			t.Errorf("cancellations = %v open %d breaches %d", r.CancellationsByReason, len(r.Open28Day), len(r.Breaches28Day))
		}
		// The P2 patient's 4 weeks run out in 3 days; e1 is booked before
		// its P3 limit; e2 waits with two months left.
		if len(r.AtRisk) != 1 || r.AtRisk[0].ID != p2.ID {
			t.Errorf("at risk = %+v, want the P2 patient only", r.AtRisk)
		}
	})
}

func TestTheatreEstimateDuration(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		d := &elective.TheatreData{History: []elective.DurationSample{
			{SurgeonID: 1, ProcedureCode: "W852", On: today.AddDays(-30), Minutes: 50},
			{SurgeonID: 1, ProcedureCode: "W852", On: today.AddDays(-20), Minutes: 70},
			{SurgeonID: 1, ProcedureCode: "W852", On: today.AddDays(-10), Minutes: 60},
			{SurgeonID: 2, ProcedureCode: "W852", On: today.AddDays(-10), Minutes: 200},
		}}
		if err := store.NewLoader(db).LoadTheatreData(as(system), d); err != nil {
			t.Fatal(err)
		}
		svc := store.NewTheatreService(db)
		est, err := svc.EstimateDuration(as(booker), 1, "W852", 45)
		if err != nil || est.Minutes != 60 || est.Samples != 3 || est.Low != 55 || est.High != 65 {
			t.Errorf("estimate = %+v, %v", est, err)
		}
		est, err = svc.EstimateDuration(as(booker), 2, "W852", 45)
		if err != nil || est.Minutes != 45 || est.Samples != 0 {
			t.Errorf("estimate without history = %+v, %v", est, err)
		}
	})
}

// Loaded theatre data keeps its references when the loader gives each row
// a database id: the case is on its session with its entry and POA.
func TestTheatreLoadData(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-40))
		d := &elective.TheatreData{
			Theatres: []*elective.Theatre{{ID: 70, Code: "DSU1", Name: "Day surgery 1", SiteID: 2}},
			Sessions: []*elective.TheatreSession{{ID: 80, TheatreID: 70, SpecialtyID: 1, Date: today.AddDays(3),
				Period: elective.PeriodMorning, StartMinute: 510, Minutes: 240, SurgeonID: 1, ListType: elective.ListLA,
				Status: elective.SessionLocked}},
			Entries: []*elective.AdmittedListEntry{{ID: 90, PathwayID: ref.PathwayID, PatientID: ref.PatientID, SpecialtyID: 1,
				SurgeonID: 1, ProcedureCode: "A65.1", ProcedureName: "Carpal tunnel release", Management: elective.DayCase,
				Priority: elective.P4, ListedOn: today.AddDays(-10), ExpectedMinutes: 20, Anaesthetic: elective.AnaestheticLocal,
				Status: elective.AdmittedScheduled}},
			PreOps: []*elective.PreOpAssessment{{EntryID: 90, On: today.AddDays(-2), Outcome: elective.PreOpFit,
				AssessedOn: today.AddDays(-2), ValidUntil: today.AddDays(82)}},
			Cases: []*elective.TheatreCase{{SessionID: 80, EntryID: 90, Position: 1, Minutes: 20, Status: elective.CaseBooked}},
		}
		if err := store.NewLoader(db).LoadTheatreData(as(system), d); err != nil {
			t.Fatal(err)
		}
		s, err := store.NewTheatreService(db).FindTheatreSession(as(booker), d.Sessions[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if s.TheatreName != "Day surgery 1" || s.Status != elective.SessionLocked || len(s.Cases) != 1 {
			t.Fatalf("loaded session = %+v", s)
		}
		c := s.Cases[0]
		if c.EntryID != d.Entries[0].ID || c.Entry == nil || c.Entry.POA == nil || c.Entry.POA.ValidUntil != today.AddDays(82) ||
			c.Entry.Case == nil || c.Entry.Case.ID != c.ID {
			t.Errorf("loaded case = %+v, entry %+v", c, c.Entry)
		}
	})
}
