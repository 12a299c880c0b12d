package store_test

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestTriage: new referrals await triage, two-week-wait first; accepting
// sets the priority on the PTL; redirecting moves the pathway to another
// specialty with its clock; returning with advice stops the clock (34) and
// writes to the patient and GP; a referral is triaged once, by a clinician.
func TestTriage(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		routine := MustRegister(t, db, 1, today.AddDays(-2))
		cancer := MustRegister(t, db, 2, today, func(r *elective.ReferralRegistration) { r.Referral.Priority = elective.PriorityTwoWeekWait })
		third := MustRegister(t, db, 3, today.AddDays(-1))
		svc := store.NewTriageService(db)
		items, err := svc.FindTriage(as(booker), 0)
		if err != nil || len(items) != 3 || items[0].Referral.ID != cancer.ID || items[1].Referral.ID != routine.ID {
			t.Fatalf("triage list %+v, %v", items, err)
		}
		if items[1].Due != today.AddDays(5) || items[1].PatientName == "" {
			t.Errorf("routine due %s, want received + 7", items[1].Due)
		}
		accept := &elective.TriageDecision{ReferralID: routine.ID, Status: elective.TriageAccepted, Priority: elective.PriorityUrgent}
		wantCode(t, svc.Triage(as(booker), accept), elective.EFORBIDDEN)
		if err := svc.Triage(as(doctor), accept); err != nil {
			t.Fatal(err)
		}
		if e := ptlEntry(t, db, routine.PathwayID); e.Priority != elective.PriorityUrgent {
			t.Errorf("PTL priority %s after upgrade", e.Priority)
		}
		wantCode(t, svc.Triage(as(doctor), accept), elective.ECONFLICT)
		if err := svc.Triage(as(doctor), &elective.TriageDecision{ReferralID: third.ID, Status: elective.TriageRedirected, SpecialtyID: 2}); err != nil {
			t.Fatal(err)
		}
		if e := ptlEntry(t, db, third.PathwayID); e.SpecialtyID != 2 || e.ClockStart != today.AddDays(-1) {
			t.Errorf("redirected PTL row %+v", e)
		}
		wantCode(t, svc.Triage(as(doctor), &elective.TriageDecision{ReferralID: cancer.ID, Status: elective.TriageReturned}), elective.EINVALID)
		if err := svc.Triage(as(doctor), &elective.TriageDecision{ReferralID: cancer.ID, Status: elective.TriageReturned,
			Note: "Benign: reassure, re-refer if it grows"}); err != nil {
			t.Fatal(err)
		}
		if e := ptlEntry(t, db, cancer.PathwayID); e != nil {
			t.Errorf("a returned referral is still on the PTL: %+v", e)
		}
		if n := count(t, db, "message WHERE kind = 'discharge_to_gp'"); n != 1 {
			t.Errorf("%d letters to the referrer", n)
		}
		if items, _ := svc.FindTriage(as(booker), 0); len(items) != 0 {
			t.Errorf("%d still awaiting triage", len(items))
		}
		// Rejected as not appropriate: the clock stops (34) and the
		// referrer is told why; a reason is required.
		fourth := MustRegister(t, db, 4, today)
		wantCode(t, svc.Triage(as(doctor), &elective.TriageDecision{ReferralID: fourth.ID, Status: elective.TriageRejected}), elective.EINVALID)
		if err := svc.Triage(as(doctor), &elective.TriageDecision{ReferralID: fourth.ID, Status: elective.TriageRejected,
			Note: "Cosmetic: not commissioned"}); err != nil {
			t.Fatal(err)
		}
		if e := ptlEntry(t, db, fourth.PathwayID); e != nil {
			t.Errorf("a rejected referral is still on the PTL: %+v", e)
		}
		p, _ := store.NewPathwayService(db).FindPathwayByID(as(doctor), fourth.PathwayID)
		if last := p.Events[len(p.Events)-1]; last.Outcome != elective.RTTNotTreated || !strings.Contains(last.Note, "Rejected at triage") {
			t.Errorf("last event %+v", last)
		}
	})
}
