package store_test

import (
	"context"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
	"github.com/openelective/elective/store"
)

// TestPolicyProfile: a trust changes a local choice; the new version is
// stored with who and why, is in force at once and after a restart, and a
// rebuild applies it to the clocks already derived.
func TestPolicyProfile(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-100))
		if due := ptlEntry(t, db, ref.PathwayID).ValidationDue; due != ref.ReceivedDate.AddDays(84) {
			t.Fatalf("default validation due %s", due)
		}
		_, err := db.SetPolicy(as(booker), map[string]string{rtt.KeyValidationWeeks: "16,26,52"}, "local SOP")
		wantCode(t, err, elective.EFORBIDDEN)
		_, err = db.SetPolicy(as(admin), map[string]string{rtt.KeyValidationWeeks: "26,16"}, "bad")
		wantCode(t, err, elective.EINVALID)
		v, err := db.SetPolicy(as(admin), map[string]string{rtt.KeyValidationWeeks: "16,26,52"}, "Board approved the 16-week first check")
		if err != nil || v.Version != 2 || v.CreatedBy != "admin" {
			t.Fatalf("set policy: %+v, %v", v, err)
		}
		if _, err := db.Rebuild(as(system)); err != nil {
			t.Fatal(err)
		}
		if due := ptlEntry(t, db, ref.PathwayID).ValidationDue; due != ref.ReceivedDate.AddDays(7*16) {
			t.Fatalf("after the change and a rebuild, validation due %s, want 16 weeks", due)
		}
		if err := db.Open(context.Background()); err != nil { // a restart loads version 2
			t.Fatal(err)
		}
		if db.Policy.Version != 2 || db.Policy.ValidationMilestonesWeeks[0] != 16 {
			t.Fatalf("policy after restart: %+v", db.Policy)
		}
		all, err := db.Policies(context.Background())
		if err != nil || len(all) != 1 || all[0].Reason != "Board approved the 16-week first check" {
			t.Fatalf("versions %+v, %v", all, err)
		}
	})
}
