package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// TestUsersAndSessions covers creating a user, signing in, sessions and
// their idle and absolute timeouts, and signing out.
func TestUsersAndSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewUserService(db)
		u := &elective.User{Username: "Bea", Name: "Bea Booker", Role: elective.RoleBookingOfficer}
		if err := svc.CreateUser(as(admin), u, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.CreateUser(as(admin), &elective.User{Username: "bea", Name: "B", Role: elective.RoleClinician}, "another long one"), elective.ECONFLICT)
		wantCode(t, svc.CreateUser(as(booker), &elective.User{Username: "x", Name: "X", Role: elective.RoleClinician}, "another long one"), elective.EFORBIDDEN)
		wantCode(t, svc.CreateUser(as(admin), &elective.User{Username: "y", Name: "Y", Role: elective.RoleClinician}, "short"), elective.EINVALID)

		_, err := svc.Authenticate(as(nil), "bea", "wrong password!")
		wantCode(t, err, elective.EUNAUTHORIZED)
		_, err = svc.Authenticate(as(nil), "nobody", "wrong password!")
		wantCode(t, err, elective.EUNAUTHORIZED)
		got, err := svc.Authenticate(as(nil), "bea", "correct horse battery")
		if err != nil || got.ID != u.ID || got.Role != elective.RoleBookingOfficer {
			t.Fatalf("authenticate = %+v, %v", got, err)
		}

		sess, err := svc.CreateSession(as(nil), u.ID)
		if err != nil || sess.Token == "" || sess.CSRFToken == "" {
			t.Fatalf("session = %+v, %v", sess, err)
		}
		found, err := svc.FindSession(as(nil), sess.Token)
		if err != nil || found.User.ID != u.ID || found.CSRFToken != sess.CSRFToken {
			t.Fatalf("find session = %+v, %v", found, err)
		}
		_, err = svc.FindSession(as(nil), "not-a-token")
		wantCode(t, err, elective.EUNAUTHORIZED)

		// Idle for more than an hour: the session has ended.
		db.Now = func() time.Time { return testNow.Add(61 * time.Minute) }
		_, err = svc.FindSession(as(nil), sess.Token)
		wantCode(t, err, elective.EUNAUTHORIZED)
		db.Now = func() time.Time { return testNow }

		// Used every 50 minutes, it still ends 12 hours after sign-in.
		sess, _ = svc.CreateSession(as(nil), u.ID)
		for m := 50; m < 12*60; m += 50 {
			db.Now = func() time.Time { return testNow.Add(time.Duration(m) * time.Minute) }
			if _, err := svc.FindSession(as(nil), sess.Token); err != nil {
				t.Fatalf("after %d minutes: %v", m, err)
			}
		}
		db.Now = func() time.Time { return testNow.Add(12*time.Hour + time.Minute) }
		_, err = svc.FindSession(as(nil), sess.Token)
		wantCode(t, err, elective.EUNAUTHORIZED)
		db.Now = func() time.Time { return testNow }

		sess, _ = svc.CreateSession(as(nil), u.ID)
		if err := svc.DeleteSession(as(nil), sess.Token); err != nil {
			t.Fatal(err)
		}
		_, err = svc.FindSession(as(nil), sess.Token)
		wantCode(t, err, elective.EUNAUTHORIZED)
	})
}

// TestPatientAudit: every read of a patient's record is audited, and only
// an administrator may read the trail.
func TestPatientAudit(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today)
		patients := store.NewPatientService(db)
		if _, err := patients.FindPatientByID(as(doctor), ref.PatientID); err != nil {
			t.Fatal(err)
		}
		_, err := patients.FindPatientByID(as(rota), ref.PatientID)
		wantCode(t, err, elective.EFORBIDDEN)
		_, err = patients.FindPatientByID(as(booker), 9999)
		wantCode(t, err, elective.ENOTFOUND)

		audit := store.NewAuditService(db)
		_, err = audit.FindAuditEvents(as(booker), elective.AuditFilter{PatientID: ref.PatientID})
		wantCode(t, err, elective.EFORBIDDEN)
		events, err := audit.FindAuditEvents(as(admin), elective.AuditFilter{PatientID: ref.PatientID})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range events {
			actions = append(actions, e.Username+":"+e.Action)
			if e.RequestID != "req-test" || e.At.IsZero() {
				t.Errorf("audit event without request id or time: %+v", e)
			}
		}
		if len(events) < 2 || events[0].Action != "patient.read" || events[0].Username != "doctor" {
			t.Fatalf("audit trail = %v, want the doctor's read first, then the registration", actions)
		}
		// An audit officer finds the same trail by NHS number; reading it is audited too.
		p, _ := patients.FindPatientByID(as(booker), ref.PatientID)
		byNHS, err := audit.FindAuditEvents(as(admin), elective.AuditFilter{NHSNumber: elective.FormatNHSNumber(p.NHSNumber)})
		if err != nil || len(byNHS) != len(events)+2 || byNHS[1].Action != "audit.read" {
			t.Fatalf("by NHS number: %d events, want the earlier %d, the first trail read and the booker's read; %v", len(byNHS), len(events), err)
		}
		_, err = audit.FindAuditEvents(as(admin), elective.AuditFilter{NHSNumber: fixture.NHSNumber(500)})
		wantCode(t, err, elective.ENOTFOUND)
	})
}

// TestFindPatients searches by NHS number (with spaces), hospital number
// and family name prefix.
func TestFindPatients(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 7, today)
		svc := store.NewPatientService(db)
		p, _ := svc.FindPatientByID(as(booker), ref.PatientID)
		for _, q := range []string{elective.FormatNHSNumber(p.NHSNumber), p.LocalID, "testperson7", "TESTPERSON", "Testperson7, ja"} {
			got, n, err := svc.FindPatients(as(booker), elective.PatientFilter{Query: q})
			if err != nil || n != 1 || len(got) != 1 || got[0].ID != p.ID {
				t.Errorf("search %q: %d results, %v", q, n, err)
			}
		}
		if _, n, _ := svc.FindPatients(as(booker), elective.PatientFilter{Query: "Nobody"}); n != 0 {
			t.Errorf("search for a missing name found %d", n)
		}
	})
}
