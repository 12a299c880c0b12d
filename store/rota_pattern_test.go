package store_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// A team keeps its rolling patterns (the "1 in 8" of rules.md 4.3 rotas):
// a pattern is saved only when every line reads as a week of the team's
// shift codes, the refusal naming the line and the code and saving
// nothing; a name is the team's own, ignoring case; changes and removals
// are audited; and filling a rota from a saved pattern gives the very
// duties typing its text gives.
func TestRotaPatterns(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		text := "N N N N - - -\n- - - - N N N\n" + strings.Repeat("D D D D D - -\n", 8)

		err := svc.CreateRotaPattern(as(rota), &elective.RotaPattern{Team: residents, Name: "Nights", Text: "N N N N - - -\nD D Q D D - -"})
		if f := elective.ErrorFields(err); elective.ErrorCode(err) != elective.EINVALID || len(f) != 1 || f[0].Field != "pattern" ||
			f[0].Message != `Line 2: "Q" is not one of the team's shift codes` {
			t.Errorf("bad code: %v %+v", err, f)
		}
		err = svc.CreateRotaPattern(as(rota), &elective.RotaPattern{Team: residents, Text: "D D"})
		if f := elective.ErrorFields(err); len(f) != 2 || f[0].Field != "name" || !strings.Contains(f[1].Message, "Line 1 has 2 days") {
			t.Errorf("no name and a short line: %+v", f)
		}
		wantCode(t, svc.CreateRotaPattern(as(booker), &elective.RotaPattern{Team: residents, Name: "Days", Text: "D D D D D - -"}), elective.EFORBIDDEN)
		if n := count(t, db, "rota_pattern"); n != 0 {
			t.Fatalf("%d patterns saved by refusals", n)
		}

		p := &elective.RotaPattern{Team: residents, Name: " Residents 1 in 10 ", Text: "  N  N N N - - -\n\n" + text[14:]}
		if err := svc.CreateRotaPattern(as(rota), p); err != nil {
			t.Fatal(err)
		}
		if p.ID == 0 || p.Name != "Residents 1 in 10" || p.Text != strings.TrimSpace(text) || p.Weeks() != 10 {
			t.Errorf("saved %+v", p)
		}
		err = svc.CreateRotaPattern(as(rota), &elective.RotaPattern{Team: residents, Name: "residents 1 IN 10", Text: "D D D D D - -"})
		if f := elective.ErrorFields(err); elective.ErrorCode(err) != elective.ECONFLICT || len(f) != 1 || f[0].Field != "name" {
			t.Errorf("a second pattern of the same name: %v %+v", err, f)
		}

		p.Name = "Residents 1 in 10 (nights)"
		if err := svc.UpdateRotaPattern(as(rota), p); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.UpdateRotaPattern(as(rota), &elective.RotaPattern{ID: p.ID, Name: "Broken", Text: "X - - - - - -"}), elective.EINVALID)
		wantCode(t, svc.UpdateRotaPattern(as(rota), &elective.RotaPattern{ID: p.ID + 99, Name: "Gone", Text: "D D D D D - -"}), elective.ENOTFOUND)
		list, err := svc.FindRotaPatterns(as(booker), residents)
		if err != nil || len(list) != 1 || list[0].Name != p.Name || list[0].Text != p.Text || list[0].UpdatedBy != rota.Name ||
			list[0].Team != residents {
			t.Fatalf("patterns = %+v, %v", list, err)
		}

		typed, saved := mustPatternRota(t, svc, "Typed"), mustPatternRota(t, svc, "Saved")
		if err := svc.ApplyPattern(as(rota), typed.ID, text); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.ApplySavedPattern(as(booker), saved.ID, p.ID), elective.EFORBIDDEN)
		if err := svc.ApplySavedPattern(as(rota), saved.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		a, b := mustRotaView(t, svc, typed.ID), mustRotaView(t, svc, saved.ID)
		if len(a.Duties) == 0 || !slices.Equal(a.Duties, b.Duties) {
			t.Errorf("the saved pattern filled %d duties, typing it %d, or not the same ones", len(b.Duties), len(a.Duties))
		}
		if vs, err := svc.RotaVersions(as(rota), saved.ID); err != nil || vs[0].Note != "Filled from a 10-week pattern: Residents 1 in 10 (nights)" {
			t.Errorf("versions = %+v, %v", vs, err)
		}

		if err := svc.CreateShiftType(as(rota), &elective.ShiftType{Team: "Other", Code: "E", Name: "Early", StartMinute: 420, Minutes: 480, Breaks: 1}); err != nil {
			t.Fatal(err)
		}
		other := &elective.RotaPattern{Team: "Other", Name: "Residents 1 in 10", Text: "E E E E E - -"}
		if err := svc.CreateRotaPattern(as(rota), other); err != nil {
			t.Fatalf("another team cannot use the name: %v", err)
		}
		for _, id := range []int64{other.ID, p.ID + 99} {
			err := svc.ApplySavedPattern(as(rota), saved.ID, id)
			if f := elective.ErrorFields(err); len(f) != 1 || f[0].Field != "pattern_id" {
				t.Errorf("pattern %d, not the team's: %v %+v", id, err, f)
			}
		}

		wantCode(t, svc.DeleteRotaPattern(as(booker), p.ID), elective.EFORBIDDEN)
		if err := svc.DeleteRotaPattern(as(rota), p.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.DeleteRotaPattern(as(rota), p.ID), elective.ENOTFOUND)
		if list, _ := svc.FindRotaPatterns(as(rota), residents); len(list) != 0 {
			t.Errorf("after removal: %+v", list)
		}
		if v := mustRotaView(t, svc, saved.ID); !slices.Equal(v.Duties, a.Duties) {
			t.Error("removing the pattern changed a rota filled from it")
		}
		for action, want := range map[string]int{"rota.pattern-create": 2, "rota.pattern-update": 1, "rota.pattern-delete": 1} {
			if n := count(t, db, "audit_event WHERE action = '"+action+"'"); n != want {
				t.Errorf("%d %s audit events, want %d", n, action, want)
			}
		}
	})
}

func mustPatternRota(t *testing.T, svc *store.RotaService, name string) *elective.Rota {
	t.Helper()
	r := &elective.Rota{Team: residents, Name: name, From: today.AddDays(63), To: today.AddDays(63 + 27)}
	if err := svc.CreateRota(as(rota), r); err != nil {
		t.Fatal(err)
	}
	return r
}

func mustRotaView(t *testing.T, svc *store.RotaService, id int64) *elective.RotaView {
	t.Helper()
	v, err := svc.FindRota(as(rota), id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
