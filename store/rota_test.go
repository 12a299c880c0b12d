package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

const residents = "Surgery residents"

// mustResidentTeam adds ten resident doctors with the team's shift types
// and cover rules: two on the day in the week and one at weekends (three
// at a weekend, so that each can work one weekend in three), a long day of CT1 or above and a night
// with an ALS holder.
func mustResidentTeam(t *testing.T, db *store.DB) []*elective.StaffMember {
	t.Helper()
	grades := []string{"FY1", "FY1", "FY2", "FY2", "CT1", "CT2", "ST3", "ST4", "ST5", "ST6"}
	var team []*elective.StaffMember
	for i, g := range grades {
		m := &elective.StaffMember{Title: "Dr", GivenName: "Res", FamilyName: fmt.Sprintf("Doctor%02d", i+1),
			Group: elective.StaffResident, Grade: g, SpecialtyID: 1, Team: residents, Mobile: fmt.Sprintf("07700 9000%02d", i),
			FTEPercent: 100, ContractMaxShiftMinutes: 780, Active: true}
		if i >= 4 {
			m.Skills = []string{"ALS"}
		}
		team = append(team, mustStaff(t, db, m))
	}
	svc := store.NewRotaService(db)
	for _, st := range []*elective.ShiftType{
		{Team: residents, Code: "D", Name: "Day", StartMinute: 8 * 60, Minutes: 9 * 60, Breaks: 1},
		{Team: residents, Code: "LD", Name: "Long day", StartMinute: 8 * 60, Minutes: 13 * 60, Unpopular: true, Breaks: 3},
		{Team: residents, Code: "N", Name: "Night", StartMinute: 20*60 + 30, Minutes: 12*60 + 30, Unpopular: true, Breaks: 3},
	} {
		if err := svc.CreateShiftType(as(rota), st); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []*elective.CoverRule{
		{Team: residents, ShiftCode: "D", Min: 2, Weekdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}},
		{Team: residents, ShiftCode: "D", Min: 1, Weekdays: []time.Weekday{time.Saturday, time.Sunday}},
		{Team: residents, ShiftCode: "LD", Min: 1, Grades: []string{"CT1", "CT2", "ST3", "ST4", "ST5", "ST6"}},
		{Team: residents, ShiftCode: "N", Min: 1, Skill: "ALS"},
	} {
		if err := svc.CreateCoverRule(as(rota), c); err != nil {
			t.Fatal(err)
		}
	}
	return team
}

// A rota coordinator builds a four-week rota that breaks no safety limit
// and covers every shift; edits make versions; breaches are listed, not
// repaired; a bad import changes nothing.
func TestRotaBuildEditImport(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		r := &elective.Rota{Team: residents, Name: "Spring", From: today.AddDays(63), To: today.AddDays(63 + 27)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.CreateRota(as(rota), &elective.Rota{Team: "Nobody", Name: "x", From: r.From, To: r.To}), elective.EINVALID)
		wantCode(t, svc.CreateRota(as(rota), &elective.Rota{Team: residents, Name: "x", From: r.To, To: r.From}), elective.EINVALID)
		wantCode(t, svc.CreateRota(as(booker), &elective.Rota{Team: residents, Name: "x", From: r.From, To: r.To}), elective.EFORBIDDEN)

		v, err := svc.BuildRota(as(rota), r.ID, elective.RotaBuild{Seed: 1, Moves: 400_000})
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Check.Violations) != 0 || len(v.Check.Gaps) != 0 || v.Rota.Version != 1 || len(v.Duties) < 104 { // 20 weekdays × 4 + 8 weekend days × 3
			t.Fatalf("built: version %d, %d duties, violations %+v, gaps %+v", v.Rota.Version, len(v.Duties),
				v.Check.Violations, v.Check.Gaps)
		}
		// Eight nights in a row for one doctor: breaches listed, kept.
		for i := 0; i < 8; i++ {
			if err := svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: team[9].ID, Date: r.From.AddDays(i), ShiftCode: "N"}, ""); err != nil {
				t.Fatal(err)
			}
		}
		v, err = svc.FindRota(as(booker), r.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if v.Rota.Version != 9 || len(v.Check.Violations) == 0 {
			t.Fatalf("after edits: version %d, violations %d", v.Rota.Version, len(v.Check.Violations))
		}
		old, err := svc.FindRota(as(booker), r.ID, 1)
		if err != nil || len(old.Check.Violations) != 0 {
			t.Fatalf("version 1 is kept as built: %v %+v", err, old.Check.Violations)
		}
		wantCode(t, svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: team[0].ID, Date: r.From, ShiftCode: "XX"}, ""), elective.EINVALID)
		wantCode(t, svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: team[0].ID, Date: r.To.AddDays(1), ShiftCode: "D"}, ""), elective.EINVALID)

		err = svc.ImportRota(as(rota), r.ID, []elective.RotaDuty{
			{StaffID: team[0].ID, Date: r.From, ShiftCode: "D"},
			{StaffID: 9999, Date: r.From, ShiftCode: "D"},
			{StaffID: team[1].ID, Date: r.From, ShiftCode: "Q"},
		}, "bad.csv")
		wantCode(t, err, elective.EINVALID)
		if f := elective.ErrorFields(err); len(f) != 2 {
			t.Errorf("import problems = %+v", f)
		}
		if v, _ := svc.FindRota(as(booker), r.ID, 0); v.Rota.Version != 9 {
			t.Errorf("a refused import made version %d", v.Rota.Version)
		}
		versions, err := svc.RotaVersions(as(booker), r.ID)
		if err != nil || len(versions) != 9 || versions[0].Version != 9 {
			t.Errorf("versions = %+v, %v", versions, err)
		}
	})
}

// Publishing under 6 weeks before the start needs a manager (TS-149);
// changes after publication are tracked, inside the notice period marked
// short notice; cover candidates come eligible first.
func TestRotaPublishChangesCover(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		r := &elective.Rota{Team: residents, Name: "Soon", From: today.AddDays(28), To: today.AddDays(28 + 27)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.PublishRota(as(rota), r.ID), elective.EINVALID) // nothing to publish yet
		if _, err := svc.BuildRota(as(rota), r.ID, elective.RotaBuild{Seed: 2, Moves: 400_000}); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.PublishRota(as(rota), r.ID), elective.EFORBIDDEN)
		if err := svc.PublishRota(as(manager), r.ID); err != nil {
			t.Fatal(err)
		}
		v, _ := svc.FindRota(as(rota), r.ID, 0)
		var d elective.RotaDuty
		for _, x := range v.Duties {
			if x.ShiftCode == "N" {
				d = x
				break
			}
		}
		if err := svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: d.StaffID, Date: d.Date}, "Sickness"); err != nil {
			t.Fatal(err)
		}
		changes, err := svc.RotaChanges(as(rota), r.ID)
		if err != nil || len(changes) != 1 || changes[0].From != "N" || changes[0].To != "" || !changes[0].ShortNotice ||
			changes[0].Reason != "Sickness" {
			t.Fatalf("changes = %+v, %v", changes, err)
		}
		v, _ = svc.FindRota(as(rota), r.ID, 0)
		if len(v.Check.Gaps) != 1 || v.Check.Gaps[0].ShiftCode != "N" {
			t.Fatalf("gaps = %+v", v.Check.Gaps)
		}
		cands, err := svc.CoverCandidates(as(rota), r.ID, d.Date, "N")
		if err != nil || len(cands) != len(team) {
			t.Fatalf("candidates = %+v, %v", cands, err)
		}
		seenRefused := false
		for _, c := range cands {
			if !c.OK {
				seenRefused = true
				if c.Reason == "" {
					t.Errorf("refused without a reason: %+v", c)
				}
			} else if seenRefused {
				t.Errorf("eligible after refused: %+v", cands)
			}
		}
		if !cands[0].OK {
			t.Fatalf("no one can cover the night: %+v", cands)
		}
		if err := svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: cands[0].StaffID, Date: d.Date, ShiftCode: "N"}, "Cover"); err != nil {
			t.Fatal(err)
		}
		if v, _ = svc.FindRota(as(rota), r.ID, 0); len(v.Check.Gaps) != 0 || len(v.Check.Violations) != 0 {
			t.Errorf("after cover: gaps %+v violations %+v", v.Check.Gaps, v.Check.Violations)
		}
	})
}

// Rest and runs carry over from one rotation to the next; days asked off
// are recorded once, honoured by the builder and shown kept.
func TestRotaContextAndDaysOff(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		first := &elective.Rota{Team: residents, Name: "One", From: today.AddDays(63), To: today.AddDays(63 + 13)}
		second := &elective.Rota{Team: residents, Name: "Two", From: first.To.AddDays(1), To: first.To.AddDays(14)}
		for _, r := range []*elective.Rota{first, second} {
			if err := svc.CreateRota(as(rota), r); err != nil {
				t.Fatal(err)
			}
		}
		// Nights on the last two days of the first rota, a day shift on
		// the first day of the second: 46 hours' rest are missing.
		night := elective.RotaDuty{StaffID: team[9].ID, ShiftCode: "N"}
		for _, d := range []elective.Date{first.To.AddDays(-1), first.To} {
			night.Date = d
			if err := svc.SetDuty(as(rota), first.ID, night, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := svc.SetDuty(as(rota), second.ID, elective.RotaDuty{StaffID: team[9].ID, Date: second.From, ShiftCode: "D"}, ""); err != nil {
			t.Fatal(err)
		}
		v, err := svc.FindRota(as(rota), second.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Check.Violations) == 0 || v.Check.Violations[0].StaffID != team[9].ID {
			t.Fatalf("violations across the rotations = %+v", v.Check.Violations)
		}

		ask := elective.DayOffRequest{StaffID: team[4].ID, Date: second.From.AddDays(5), Note: "Wedding"}
		if err := svc.AskDayOff(as(rota), second.ID, ask); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.AskDayOff(as(rota), second.ID, ask), elective.ECONFLICT)
		wantCode(t, svc.AskDayOff(as(rota), second.ID, elective.DayOffRequest{StaffID: team[4].ID, Date: second.To.AddDays(1)}), elective.EINVALID)
		if v, err = svc.BuildRota(as(rota), second.ID, elective.RotaBuild{Seed: 3, Moves: 400_000}); err != nil {
			t.Fatal(err)
		}
		if len(v.Requests) != 1 || !v.Requests[0].Kept || v.Requests[0].Note != "Wedding" {
			t.Errorf("requests = %+v", v.Requests)
		}
		if len(v.Check.Violations) != 0 {
			t.Errorf("the builder broke a limit across the rotations: %+v", v.Check.Violations)
		}
		wantCode(t, svc.CancelDayOff(as(rota), first.ID+100, v.Requests[0].ID), elective.ENOTFOUND)
		if err := svc.CancelDayOff(as(rota), second.ID, v.Requests[0].ID); err != nil {
			t.Fatal(err)
		}
	})
}

// A rolling pattern fills the rota a week apart per person; a bad pattern
// changes nothing.
func TestRotaPattern(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		r := &elective.Rota{Team: residents, Name: "Pattern", From: today.AddDays(63), To: today.AddDays(63 + 69)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.ApplyPattern(as(rota), r.ID, "D D D D D - -\nD D Q D D - -"), elective.EINVALID)
		wantCode(t, svc.ApplyPattern(as(booker), r.ID, "D D D D D - -"), elective.EFORBIDDEN)
		lines := "N N N N - - -\n- - - - N N N\n" + strings.Repeat("D D D D D - -\n", 8)
		if err := svc.ApplyPattern(as(rota), r.ID, lines); err != nil {
			t.Fatal(err)
		}
		v, err := svc.FindRota(as(rota), r.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		nights := map[elective.Date]int{}
		for _, d := range v.Duties {
			if d.ShiftCode == "N" {
				nights[d.Date]++
			}
		}
		for d := r.From; !d.After(r.To); d = d.AddDays(1) {
			if nights[d] != 1 {
				t.Fatalf("%s: %d on nights, want 1 from a 10-line pattern with 10 doctors", d, nights[d])
			}
		}
		if v.Rota.Version != 1 || len(team) != 10 {
			t.Errorf("version %d", v.Rota.Version)
		}
	})
}

// Approved leave takes the doctor off the rota (rules.md 4.4): the impact
// lists the shifts first; approving frees them as tracked changes, and
// each becomes a gap for the cover worklist.
func TestRotaLeaveFreesShifts(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		mustResidentTeam(t, db)
		svc, leave := store.NewRotaService(db), store.NewLeaveService(db)
		r := &elective.Rota{Team: residents, Name: "Running", From: today.AddDays(70), To: today.AddDays(70 + 27)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		v, err := svc.BuildRota(as(rota), r.ID, elective.RotaBuild{Seed: 4, Moves: 400_000})
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.PublishRota(as(rota), r.ID); err != nil {
			t.Fatal(err)
		}
		who := v.Duties[0].StaffID
		lr := annualLeave(who, r.From.AddDays(7), r.From.AddDays(11))
		if err := leave.RequestLeave(as(rota), lr); err != nil {
			t.Fatal(err)
		}
		im, err := leave.PreviewLeave(as(rota), lr.ID)
		if err != nil {
			t.Fatal(err)
		}
		rostered := 0
		for _, d := range v.Duties {
			if d.StaffID == who && !d.Date.Before(lr.From) && !d.Date.After(lr.To) {
				rostered++
			}
		}
		if len(im.Shifts) != rostered || rostered == 0 {
			t.Fatalf("impact shifts = %+v, want %d", im.Shifts, rostered)
		}
		out, err := leave.ApproveLeave(as(manager), lr.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		if out.ShiftsFreed != rostered {
			t.Errorf("freed %d of %d", out.ShiftsFreed, rostered)
		}
		v, _ = svc.FindRota(as(rota), r.ID, 0)
		changes, _ := svc.RotaChanges(as(rota), r.ID)
		if len(changes) != rostered || len(v.Check.Gaps) == 0 || len(v.Check.Violations) != 0 {
			t.Errorf("after leave: %d changes, gaps %+v, violations %+v", len(changes), v.Check.Gaps, v.Check.Violations)
		}
		for _, d := range v.Leave[who] {
			if d.Before(lr.From) || d.After(lr.To) {
				t.Errorf("leave day %s outside the request", d)
			}
		}
	})
}

// A shift longer than the contract allows is refused, naming the limit,
// and nothing is changed.
func TestRotaContractLength(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		err := svc.CreateShiftType(as(rota), &elective.ShiftType{Team: residents, Code: "X14", Name: "Too long", StartMinute: 480, Minutes: 14 * 60})
		wantCode(t, err, elective.EINVALID)
		if f := elective.ErrorFields(err); len(f) != 1 || !strings.Contains(f[0].Message, "longer than any contract in Surgery residents allows (13 hours)") {
			t.Errorf("problems = %+v", f)
		}
		short := team[0]
		short.ContractMaxShiftMinutes = 10 * 60
		if err := store.NewStaffService(db).UpdateStaffMember(as(rota), short); err != nil {
			t.Fatal(err)
		}
		r := &elective.Rota{Team: residents, Name: "C", From: today.AddDays(63), To: today.AddDays(70)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		err = svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: short.ID, Date: r.From, ShiftCode: "LD"}, "")
		wantCode(t, err, elective.EINVALID)
		if f := elective.ErrorFields(err); len(f) != 1 || !strings.Contains(f[0].Message, "contract allows shifts of up to 10 hours; LD is 13 hours") {
			t.Errorf("problems = %+v", f)
		}
		if v, _ := svc.FindRota(as(rota), r.ID, 0); v.Rota.Version != 0 {
			t.Errorf("a refused duty made version %d", v.Rota.Version)
		}
	})
}
