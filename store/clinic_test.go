package store_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestGenerateSessionsIdempotent: making sessions again makes none twice,
// and each template's sessions fall on its weekday at its local start time.
func TestGenerateSessionsIdempotent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewClinicService(db)
		sessions := count(t, db, "clinic_session")
		n, err := svc.GenerateSessions(as(system), today.AddDays(-42), today.AddDays(42))
		if err != nil || n != 0 || count(t, db, "clinic_session") != sessions {
			t.Fatalf("second run made %d sessions (%v)", n, err)
		}
		n, err = svc.GenerateSessions(as(system), today, today.AddDays(49))
		if err != nil || n != 3 { // one more week of three weekly clinics
			t.Fatalf("one more week: made %d sessions, want 3 (%v)", n, err)
		}
		slots, err := svc.FindSlots(as(booker), elective.SlotFilter{ClinicianID: 2, From: testNow, Limit: 500})
		if err != nil || len(slots) == 0 {
			t.Fatalf("slots: %d, %v", len(slots), err)
		}
		for _, s := range slots {
			local := s.Start.In(london)
			if local.Weekday() != time.Wednesday || local.Hour() < 13 || s.Clinician.FamilyName != "Joint" || s.Site.ID != 2 {
				t.Fatalf("slot %+v at %v is not in Ms Joint's Wednesday afternoon clinic", s, local)
			}
		}
		_, err = svc.GenerateSessions(as(booker), today, today.AddDays(7))
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// TestFreeSlotsSkipCancelledSessions: a free-slot search never offers a
// slot of a cancelled session, nor a held one.
func TestFreeSlotsSkipCancelledSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		first := freeSlot(t, db, 1, elective.SlotNew)
		if _, err := db.SQL().Exec(`UPDATE slot SET session_status = 'cancelled' WHERE session_id = ` + itoa(first.SessionID)); err != nil {
			t.Fatal(err)
		}
		next := freeSlot(t, db, 1, elective.SlotNew)
		if next.SessionID == first.SessionID {
			t.Fatalf("offered slot %d of cancelled session %d", next.ID, first.SessionID)
		}
		ref := MustRegister(t, db, 1, today)
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		if again := freeSlot(t, db, 1, elective.SlotNew); again.ID == a.SlotID {
			t.Fatalf("offered held slot %d", a.SlotID)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
