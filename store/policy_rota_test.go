package store_test

import (
	"context"
	"testing"

	"github.com/openelective/elective"
	rotarules "github.com/openelective/elective/rota"
	"github.com/openelective/elective/rtt"
	"github.com/openelective/elective/store"
)

// TestPolicyRotaBreaks: the break thresholds of rules.md 4.3 are the
// trust's to set (rota.*Break* settings); thresholds that do not increase
// are refused and change nothing; the rota check follows the setting in
// force, also after a restart.
func TestPolicyRotaBreaks(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		if err := svc.CreateShiftType(as(rota), &elective.ShiftType{Team: residents, Code: "S", Name: "Short day", StartMinute: 480, Minutes: 330}); err != nil {
			t.Fatal(err)
		}
		r := &elective.Rota{Team: residents, Name: "Breaks policy", From: today.AddDays(63), To: today.AddDays(69)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		if err := svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: team[5].ID, Date: r.From, ShiftCode: "S"}, ""); err != nil {
			t.Fatal(err)
		}
		breaches := func() []elective.RotaViolation {
			v, err := svc.FindRota(as(rota), r.ID, 0)
			if err != nil {
				t.Fatal(err)
			}
			return v.Check.Violations
		}
		if vs := breaches(); len(vs) != 1 || vs[0].Rule != rotarules.RuleBreaks {
			t.Fatalf("a 5.5 h shift with no break under the default (over 5 h): %+v", vs)
		}
		_, err := db.SetPolicy(as(admin), map[string]string{rtt.KeyRotaOneBreakOver: "600"}, "above two breaks")
		wantCode(t, err, elective.EINVALID)
		_, err = db.SetPolicy(as(admin), map[string]string{rtt.KeyRotaOneBreakOver: "-5"}, "negative")
		wantCode(t, err, elective.EINVALID)
		if db.Policy.Version != 1 || db.Policy.RotaOneBreakOverMinutes != 300 {
			t.Fatalf("a refused change changed the policy: %+v", db.Policy)
		}
		if _, err := db.SetPolicy(as(admin), map[string]string{rtt.KeyRotaOneBreakOver: "360"}, "Local agreement: first break over 6 h"); err != nil {
			t.Fatal(err)
		}
		if vs := breaches(); len(vs) != 0 {
			t.Errorf("one break over 6 h, a 5.5 h shift: %+v", vs)
		}
		if err := db.Open(context.Background()); err != nil { // a restart loads the new version
			t.Fatal(err)
		}
		if db.Policy.RotaOneBreakOverMinutes != 360 || len(breaches()) != 0 {
			t.Errorf("after a restart: %+v", db.Policy)
		}
	})
}
