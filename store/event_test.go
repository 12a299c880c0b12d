package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestRecordEvent: after a first-appointment DNA nullified the clock, a
// clinician's re-offer decision starts a new clock that day (rules.md
// 1.2.12) and the pathway leaves the failsafe list for the waiting list.
// Dates in the future or before the last event, kinds recorded elsewhere,
// and roles that may not record outcomes are refused.
func TestRecordEvent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-30))
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		sendLetters(t, db)
		db.Now = func() time.Time { return a.Start.Add(time.Hour) }
		if _, err := store.NewBookingService(db).RecordOutcome(as(booker), &elective.AppointmentOutcome{AppointmentID: a.ID,
			Status: elective.AppointmentDNA}); err != nil {
			t.Fatal(err)
		}
		paths := store.NewPathwayService(db)
		day := elective.DateOf(db.Now(), london)
		record := func(u *elective.User, e elective.PathwayEvent) error {
			e.PathwayID = ref.PathwayID
			return paths.RecordEvent(as(u), &e)
		}
		wantCode(t, record(booker, elective.PathwayEvent{Kind: elective.EventReofferDecided, Date: day.AddDays(1)}), elective.EINVALID)
		wantCode(t, record(booker, elective.PathwayEvent{Kind: elective.EventReofferDecided, Date: day.AddDays(-1)}), elective.EINVALID)
		wantCode(t, record(booker, elective.PathwayEvent{Kind: elective.EventValidated, Date: day}), elective.EINVALID)
		wantCode(t, record(rota, elective.PathwayEvent{Kind: elective.EventReofferDecided, Date: day}), elective.EFORBIDDEN)
		// 90 cannot be recorded as an administrative stop.
		wantCode(t, record(booker, elective.PathwayEvent{Kind: elective.EventAdminEvent, Date: day, Outcome: "90"}), elective.EINVALID)
		if err := record(doctor, elective.PathwayEvent{Kind: elective.EventReofferDecided, Date: day, Note: "offer another"}); err != nil {
			t.Fatal(err)
		}
		e := ptlEntry(t, db, ref.PathwayID)
		if e == nil || e.ClockStart != day || e.ListType != elective.ListOutpatientNew {
			t.Fatalf("after the re-offer decision: %+v, want a new clock from %s on the new-patient list", e, day)
		}
		_, counts := worklist(t, db, elective.WorklistFailsafe, day)
		if counts[elective.WorkClinicalReview] != 0 {
			t.Fatalf("still on the failsafe list: %v", counts)
		}
	})
}

// TestThinkingTimeWorklist: thinking time appears on the failsafe list
// only once 14 days have passed without a decision (rules.md 1.7.12).
func TestThinkingTimeWorklist(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-30))
		if err := store.NewPathwayService(db).RecordEvent(as(booker), &elective.PathwayEvent{PathwayID: ref.PathwayID,
			Kind: elective.EventTreatmentOffered, Date: today}); err != nil {
			t.Fatal(err)
		}
		if _, counts := worklist(t, db, elective.WorklistFailsafe, today.AddDays(14)); counts[elective.WorkClinicalReview] != 0 {
			t.Fatalf("thinking time on the list after 14 days: %v", counts)
		}
		entries, counts := worklist(t, db, elective.WorklistFailsafe, today.AddDays(15))
		if counts[elective.WorkClinicalReview] != 1 || entries[0].Since != today.AddDays(15) {
			t.Fatalf("thinking time after 15 days: %v %+v", counts, entries)
		}
	})
}

// TestSecondPatientCancellation: the second time a patient cancels, the
// pathway goes to the failsafe list for a clinician's review (rules.md
// 3.2); hospital cancellations never count.
func TestSecondPatientCancellation(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-30))
		bookings := store.NewBookingService(db)
		for i, status := range []elective.AppointmentStatus{elective.AppointmentCancelledPatient,
			elective.AppointmentCancelledHospital, elective.AppointmentCancelledPatient} {
			a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
			if _, err := bookings.RecordOutcome(as(booker), &elective.AppointmentOutcome{AppointmentID: a.ID, Status: status}); err != nil {
				t.Fatal(err)
			}
			_, counts := worklist(t, db, elective.WorklistFailsafe, today)
			if want := map[bool]int{false: 0, true: 1}[i == 2]; counts[elective.WorkClinicalReview] != want {
				t.Fatalf("after cancellation %d (%s): %d reviews, want %d", i+1, status, counts[elective.WorkClinicalReview], want)
			}
		}
		if e := ptlEntry(t, db, ref.PathwayID); e == nil {
			t.Fatal("cancellations never stop the clock (rules.md 1.6)")
		}
	})
}
