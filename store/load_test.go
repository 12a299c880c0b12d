package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// indexCount counts the secondary indexes of the schema.
func indexCount(t *testing.T, db *store.DB) int {
	t.Helper()
	q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`
	if db.Dialect() == store.Postgres {
		q = `SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema()`
	}
	var n int
	if err := db.SQL().QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLoadInterruptedRebuildsIndexes: a bulk load drops secondary indexes
// while it runs; if it never finishes, the next open rebuilds them, so a
// crashed load cannot leave a slow database behind. The unique index that
// forbids double booking is never dropped.
func TestLoadInterruptedRebuildsIndexes(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		before := indexCount(t, db)
		if err := store.NewLoader(db).LoadReference(as(system), fixture.Reference()); err != nil {
			t.Fatal(err)
		}
		during := indexCount(t, db)
		if during >= before {
			t.Fatalf("indexes during a load: %d, before %d: want some dropped", during, before)
		}
		var held int
		q := `SELECT COUNT(*) FROM sqlite_master WHERE name = 'appointment_slot_held'`
		if db.Dialect() == store.Postgres {
			q = `SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'appointment_slot_held'`
		}
		db.SQL().QueryRow(q).Scan(&held)
		if held != 1 {
			t.Fatal("the double-booking index was dropped during the load")
		}
		if err := db.Open(context.Background()); err != nil { // the next start
			t.Fatal(err)
		}
		if after := indexCount(t, db); after != before {
			t.Fatalf("indexes after reopening: %d, want %d", after, before)
		}
	})
}

// TestLoadBatch loads a pathway with a booked appointment and checks its PTL
// row is the one live recording would make.
func TestLoadBatch(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		l := store.NewLoader(db)
		if err := l.LoadReference(as(system), fixture.Reference()); err != nil {
			t.Fatal(err)
		}
		tmpl := fixture.Reference().Templates[0]
		day := today.AddDays(7)
		sess, slots := tmpl.Session(day, london)
		sess.ID, sess.TemplateID = 1, tmpl.ID
		for i, s := range slots {
			s.ID, s.SessionID = int64(i+1), 1
		}
		reg := fixture.Registration(9, today.AddDays(-30))
		p := &reg.Patient
		p.ID, p.LocalID, p.CreatedAt = 1, "RXX0000001", testNow
		ref := &reg.Referral
		ref.ID, ref.PatientID, ref.PathwayID, ref.CreatedAt = 1, 1, 1, testNow
		pw := &elective.Pathway{ID: 1, PPID: "RXX00000000000000001", PPIDIssuer: "RXX", PatientID: 1, ReferralID: 1,
			SpecialtyID: 1, Priority: elective.PriorityRoutine, CreatedAt: testNow}
		appt := &elective.Appointment{ID: 1, PathwayID: 1, PatientID: 1, SlotID: 1, SessionID: 1, ClinicianID: 1, SiteID: 1,
			Start: slots[0].Start, Minutes: 20, Type: elective.SlotNew, First: true, Status: elective.AppointmentBooked,
			Communicated: elective.CommunicatedByLetter, BookedAt: testNow,
			History: []*elective.AppointmentChange{{Status: elective.AppointmentBooked, At: testNow, ByName: "Demo"}}}
		pw.Events = []*elective.PathwayEvent{
			{ID: 1, PathwayID: 1, Seq: 1, Kind: elective.EventReferralReceived, Date: ref.ReceivedDate, Source: elective.SourcePaper, RecordedAt: testNow},
			{ID: 2, PathwayID: 1, Seq: 2, Kind: elective.EventAppointmentBooked, Date: today, First: true, AppointmentDate: day,
				Communicated: true, AppointmentID: 1, RecordedAt: testNow},
		}
		b := &elective.LoadBatch{Sessions: []*elective.ClinicSession{sess}, Slots: slots, Patients: []*elective.Patient{p},
			Referrals: []*elective.Referral{ref}, Pathways: []*elective.Pathway{pw}, Appointments: []*elective.Appointment{appt}}
		if err := l.LoadBatch(as(system), b); err != nil {
			t.Fatal(err)
		}
		if err := l.FinishLoad(as(system)); err != nil {
			t.Fatal(err)
		}
		e := ptlEntry(t, db, 1)
		if e == nil || e.ClockStart != ref.ReceivedDate || e.NextActivity != day || e.AppointmentID != 1 || e.ListType != elective.ListOutpatientNew {
			t.Fatalf("loaded PTL row = %+v", e)
		}
		// The loaded data is live: the next pathway id and booking continue from it.
		next := MustRegister(t, db, 10, today)
		if next.PathwayID != 2 {
			t.Errorf("next pathway id %d, want 2 (identity sequences moved past the load)", next.PathwayID)
		}
		db.Now = func() time.Time { return slots[0].Start.Add(time.Minute) }
		if _, err := store.NewBookingService(db).RecordOutcome(as(booker), &elective.AppointmentOutcome{AppointmentID: 1,
			Status: elective.AppointmentDNA}); err != nil {
			t.Fatalf("outcome of a loaded appointment: %v", err)
		}
	})
}
