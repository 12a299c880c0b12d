package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// snapshot dumps the derived read models as text, ordered, so two states
// can be compared exactly.
func snapshot(t *testing.T, db *store.DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT pathway_id, patient_id, specialty_id, COALESCE(clinician_id, 0), priority, priority_rank, list_type,
			clock_start, breach_date, rtt_status, referral_date, COALESCE(next_activity, ''), next_slot_type,
			COALESCE(appointment_id, 0), review_needed, COALESCE(last_validated, ''), COALESCE(validation_due, ''),
			COALESCE(last_activity, '') FROM ptl_entry ORDER BY pathway_id`,
		`SELECT pathway_id, kind, reason, since FROM pathway_task ORDER BY pathway_id, kind`,
	} {
		if db.Dialect() == store.Postgres {
			q = strings.NewReplacer("COALESCE(next_activity, '')", "COALESCE(next_activity::text, '')",
				"COALESCE(last_validated, '')", "COALESCE(last_validated::text, '')",
				"COALESCE(validation_due, '')", "COALESCE(validation_due::text, '')",
				"COALESCE(last_activity, '')", "COALESCE(last_activity::text, '')").Replace(q)
		}
		rows, err := db.SQL().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
		fmt.Fprintln(&b, "--")
	}
	return b.String()
}

// TestRebuildMatchesLive records a day's work through the services (new
// referrals, bookings, attendance, DNAs, cancellations, a validation), then
// rebuilds the PTL from the event log: the rows must be exactly the same.
func TestRebuildMatchesLive(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		bookings := store.NewBookingService(db)
		var appts []*elective.Appointment
		for i := 1; i <= 6; i++ {
			ref := MustRegister(t, db, i, today.AddDays(-20*i))
			appts = append(appts, MustBook(t, db, ref.PathwayID, elective.SlotNew))
		}
		sendLetters(t, db)
		if err := store.NewPathwayService(db).RecordValidation(as(booker), &elective.Validation{
			PathwayID: appts[5].PathwayID, Result: elective.ValidationConfirmed, Note: "phoned the patient"}); err != nil {
			t.Fatal(err)
		}
		MustRegister(t, db, 7, today.AddDays(-3), func(r *elective.ReferralRegistration) { r.Patient.BirthDate = today.AddDays(-3650) })
		db.Now = func() time.Time { return appts[len(appts)-1].Start.Add(time.Hour) }
		outcomes := []elective.AppointmentOutcome{
			{Status: elective.AppointmentAttended, RTTStatus: "20", Outcome: elective.OutcomeAppointmentLater, FollowUpDue: today.AddDays(100)},
			{Status: elective.AppointmentAttended, RTTStatus: "30", Outcome: elective.OutcomeDischarged},
			{Status: elective.AppointmentDNA},
			{Status: elective.AppointmentCancelledPatient},
			{Status: elective.AppointmentAttended, RTTStatus: "20", Outcome: elective.OutcomeDischarged},
		}
		for i, o := range outcomes {
			o.AppointmentID = appts[i].ID
			if _, err := bookings.RecordOutcome(as(booker), &o); err != nil {
				t.Fatalf("outcome %d: %v", i, err)
			}
		}
		live := snapshot(t, db)
		rep, err := db.Rebuild(as(system))
		if err != nil {
			t.Fatal(err)
		}
		if rebuilt := snapshot(t, db); rebuilt != live {
			t.Fatalf("rebuild differs from the live PTL\nlive:\n%s\nrebuilt:\n%s", live, rebuilt)
		}
		if rep.Pathways != 7 || rep.Invalid != 0 || rep.OnPTL != 5 || rep.Tasks != 2 {
			t.Fatalf("report %+v: want 7 pathways, 5 on the PTL (treated and DNA'd off), 2 tasks (DNA review, discharged but open)", rep)
		}
		_, err = db.Rebuild(as(booker))
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// TestRebuildFlagsInvalidEvents: events that break the rules (here written
// straight into the log, as a faulty import could) are not derived; the
// pathway goes to the validation worklist instead of the PTL.
func TestRebuildFlagsInvalidEvents(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-10))
		if _, err := db.SQL().Exec(db.Rebind(`INSERT INTO pathway_event (org_id, pathway_id, seq, kind, event_date, recorded_at, outcome)
			VALUES (1, ?, 2, 'attended', ?, ?, '90')`), ref.PathwayID, today.String(), "2026-11-23T08:00:00.000000Z"); err != nil {
			t.Fatal(err)
		}
		rep, err := db.Rebuild(as(system))
		if err != nil || rep.Invalid != 1 || rep.OnPTL != 0 {
			t.Fatalf("report %+v, %v", rep, err)
		}
		entries, _, counts, err := store.NewWorklistService(db).FindWorklist(as(booker), elective.WorklistFilter{
			List: elective.WorklistValidation, Census: today})
		if err != nil || counts[elective.WorkInvalidEvents] != 1 || len(entries) != 1 ||
			!strings.Contains(entries[0].Reason, "rules.md 1.9") {
			t.Fatalf("worklist %+v counts %v, %v", entries, counts, err)
		}
	})
}

var _ = context.Background
