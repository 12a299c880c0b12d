package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

func worklist(t *testing.T, db *store.DB, list elective.Worklist, census elective.Date) ([]*elective.WorklistEntry, map[elective.WorklistKind]int) {
	t.Helper()
	entries, total, counts, err := store.NewWorklistService(db).FindWorklist(as(booker), elective.WorklistFilter{List: list, Census: census})
	if err != nil || total != len(entries) {
		t.Fatalf("%s worklist: %d of %d, %v", list, len(entries), total, err)
	}
	return entries, counts
}

// TestFailsafeWorklist: no patient sits on no list. A first-appointment
// DNA takes the pathway off the PTL (its clock is nullified) but onto the
// failsafe list for a clinician's decision; a follow-up patient with
// nothing booked and a booked appointment that passed without an outcome
// are there too.
func TestFailsafeWorklist(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		dna := MustRegister(t, db, 1, today.AddDays(-30))
		seen := MustRegister(t, db, 2, today.AddDays(-30))
		forgotten := MustRegister(t, db, 3, today.AddDays(-30))
		MustRegister(t, db, 4, today.AddDays(-30)) // unbooked new patient: on the waiting list, not failsafe
		a := MustBook(t, db, dna.PathwayID, elective.SlotNew)
		b := MustBook(t, db, seen.PathwayID, elective.SlotNew)
		c := MustBook(t, db, forgotten.PathwayID, elective.SlotNew)
		sendLetters(t, db)
		db.Now = func() time.Time { return c.Start.Add(24 * time.Hour) }
		bookings := store.NewBookingService(db)
		if _, err := bookings.RecordOutcome(as(booker), &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentDNA}); err != nil {
			t.Fatal(err)
		}
		if _, err := bookings.RecordOutcome(as(booker), &elective.AppointmentOutcome{AppointmentID: b.ID,
			Status: elective.AppointmentAttended, RTTStatus: "20", Outcome: elective.OutcomeAppointmentLater,
			FollowUpDue: elective.DateOf(db.Now(), london).AddDays(20)}); err != nil {
			t.Fatal(err)
		}
		census := elective.DateOf(db.Now(), london)
		entries, counts := worklist(t, db, elective.WorklistFailsafe, census)
		want := map[elective.WorklistKind]int64{elective.WorkClinicalReview: dna.PathwayID,
			elective.WorkNoNextStep: seen.PathwayID, elective.WorkOutcomeOverdue: forgotten.PathwayID}
		if len(entries) != 3 {
			t.Fatalf("failsafe entries %d (%v), want 3", len(entries), counts)
		}
		for _, e := range entries {
			if want[e.Kind] != e.PathwayID || e.Reason == "" || e.PatientName == "" {
				t.Errorf("entry %+v", e)
			}
		}
		if entries[0].Kind != elective.WorkClinicalReview || !entries[0].ClockStart.IsZero() {
			t.Errorf("first entry %+v: want the clinical review, with no running clock", entries[0])
		}
	})
}

// TestValidationWorklist: validation falls due at 12 weeks and recording a
// validation clears it (rules.md 3.9); a second open pathway for the same
// patient and specialty is a duplicate (rules.md 1.12).
func TestValidationWorklist(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		old := MustRegister(t, db, 1, today.AddDays(-90))
		MustRegister(t, db, 2, today.AddDays(-10))
		MustRegister(t, db, 2, today.AddDays(-5))
		_, counts := worklist(t, db, elective.WorklistValidation, today)
		if counts[elective.WorkValidationDue] != 1 || counts[elective.WorkDuplicatePathway] != 2 {
			t.Fatalf("counts %v: want 1 validation due, 2 duplicates", counts)
		}
		e := ptlEntry(t, db, old.PathwayID)
		if e.ValidationDue != today.AddDays(-6) || !e.LastValidated.IsZero() {
			t.Fatalf("PTL validation due %s, last %s; want due since 12 weeks (6 days ago)", e.ValidationDue, e.LastValidated)
		}
		paths := store.NewPathwayService(db)
		err := paths.RecordValidation(as(booker), &elective.Validation{PathwayID: old.PathwayID})
		wantCode(t, err, elective.EINVALID)
		err = paths.RecordValidation(as(rota), &elective.Validation{PathwayID: old.PathwayID, Result: elective.ValidationConfirmed})
		wantCode(t, err, elective.EFORBIDDEN)
		if err := paths.RecordValidation(as(booker), &elective.Validation{PathwayID: old.PathwayID, Result: elective.ValidationConfirmed}); err != nil {
			t.Fatal(err)
		}
		if _, counts = worklist(t, db, elective.WorklistValidation, today); counts[elective.WorkValidationDue] != 0 {
			t.Fatalf("validation still due after recording it: %v", counts)
		}
		e = ptlEntry(t, db, old.PathwayID)
		// Validated at nearly 13 weeks: that is 13 weeks before the 26-week
		// milestone, not within 12, so 26 weeks is still due then.
		if e.LastValidated != today || e.ValidationDue != old.ReceivedDate.AddDays(7*26) {
			t.Fatalf("after validation: last %s, next due %s; want today and the 26-week milestone", e.LastValidated, e.ValidationDue)
		}
	})
}

// TestPTLWaitFilters: weeks-waited bands, breaching within N weeks and
// validation due select by clock start.
func TestPTLWaitFilters(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		for i, days := range []int{3, 60, 110, 125, 127, 400} {
			MustRegister(t, db, i+1, today.AddDays(-days))
		}
		svc := store.NewWaitingListService(db)
		count := func(f elective.PTLFilter) int {
			f.Census = today
			_, n, err := svc.FindPTL(as(booker), f)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
		for name, tt := range map[string]struct {
			f    elective.PTLFilter
			want int
		}{
			"18 weeks or more":         {elective.PTLFilter{MinWeeks: 18}, 2},              // 127, 400 days
			"under 18 weeks":           {elective.PTLFilter{MaxWeeks: 18}, 4},              // 3, 60, 110, 125
			"52 weeks or more":         {elective.PTLFilter{MinWeeks: 52}, 1},              // 400
			"8 to 16 weeks":            {elective.PTLFilter{MinWeeks: 8, MaxWeeks: 16}, 2}, // 60 and 110 days
			"breaching within 1 week":  {elective.PTLFilter{BreachWithinWeeks: 1}, 1},      // 125 days: breaches in 2 days
			"breaching within 3 weeks": {elective.PTLFilter{BreachWithinWeeks: 3}, 2},      // 110 and 125
			"validation due":           {elective.PTLFilter{ValidationDue: true}, 4},       // 110, 125, 127, 400
		} {
			if got := count(tt.f); got != tt.want {
				t.Errorf("%s: %d rows, want %d", name, got, tt.want)
			}
		}
	})
}
