package store_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/openelective/elective"
	rotarules "github.com/openelective/elective/rota"
	"github.com/openelective/elective/store"
)

// Non-resident on call (rules.md 4.3; TS-148): a 24 h on call is a duty
// the 13 h contracts do not bar; work recorded on it is refused, with
// nothing saved, outside the call or over other work; 24 h on call with
// only 4 h continuous rest between 22:00 and 07:00 does not meet the rest
// expectation, and the next duty is listed for review, not changed.
func TestRotaOnCall(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		svc, r, doc, day := mustOnCallDuty(t, db)
		shifts, err := svc.FindShiftTypes(as(booker), residents)
		if i := slices.IndexFunc(shifts, func(s *elective.ShiftType) bool { return s.Code == "OC" }); err != nil || i < 0 ||
			!shifts[i].NonResident || shifts[i].ExpectedWorkMinutes != 240 || shifts[i].Minutes != 1440 {
			t.Fatalf("shift types = %+v, %v", shifts, err)
		}
		next := day.AddDays(1)
		work := &elective.OnCallWork{StaffID: doc.ID, Date: day, Start: next.At(2, 0, london), End: next.At(3, 0, london), Note: " Called in: sepsis "}
		if err := svc.RecordOnCallWork(as(rota), r.ID, work); err != nil || work.ID == 0 {
			t.Fatalf("record: %v, id %d", err, work.ID)
		}
		for _, c := range []struct {
			name       string
			w          elective.OnCallWork
			code, says string
		}{
			{"ends before it starts", elective.OnCallWork{StaffID: doc.ID, Date: day, Start: next.At(4, 0, london), End: next.At(3, 0, london)},
				elective.EINVALID, "must end after it starts"},
			{"before the call", elective.OnCallWork{StaffID: doc.ID, Date: day, Start: day.At(7, 0, london), End: day.At(9, 0, london)},
				elective.EINVALID, "before the on call starts at 08:00"},
			{"over recorded work", elective.OnCallWork{StaffID: doc.ID, Date: day, Start: next.At(2, 30, london), End: next.At(3, 30, london)},
				elective.EINVALID, "overlaps work already recorded from 02:00"},
			{"not on call that day", elective.OnCallWork{StaffID: doc.ID, Date: next, Start: next.At(21, 0, london), End: next.At(22, 0, london)},
				elective.ENOTFOUND, "has no non-resident on-call duty"},
		} {
			err := svc.RecordOnCallWork(as(rota), r.ID, &c.w)
			msg := elective.ErrorMessage(err)
			for _, f := range elective.ErrorFields(err) {
				msg += " " + f.Message
			}
			if elective.ErrorCode(err) != c.code || !strings.Contains(msg, c.says) {
				t.Errorf("%s: %v (%s), want %s saying %q", c.name, err, msg, c.code, c.says)
			}
		}
		wantCode(t, svc.RecordOnCallWork(as(booker), r.ID, &elective.OnCallWork{StaffID: doc.ID, Date: day, Start: day.At(9, 0, london),
			End: day.At(10, 0, london)}), elective.EFORBIDDEN)
		if n := count(t, db, "on_call_work"); n != 1 {
			t.Errorf("%d stretches of work saved, want 1: refusals save nothing", n)
		}
		if n := count(t, db, "audit_event WHERE action = 'rota.on-call-work'"); n != 1 {
			t.Errorf("%d audit events, want 1", n)
		}

		got, err := svc.FindOnCallDuty(as(booker), r.ID, doc.ID, day)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Work) != 1 || got.Work[0].Note != "Called in: sepsis" || got.Work[0].RecordedBy != rota.Name ||
			!got.Work[0].Start.Equal(work.Start) || got.Work[0].ShiftCode != "OC" {
			t.Errorf("work = %+v", got.Work)
		}
		if got.Met || len(got.Rest) != 1 || got.Rest[0].RestMinutes != 23*60 || got.Rest[0].NightRestMinutes != 4*60 {
			t.Errorf("rest = %+v, met %v", got.Rest, got.Met)
		}
		if got.Next == nil || got.Next.Date != next || got.Next.ShiftCode != "N" {
			t.Errorf("next duty = %+v", got.Next)
		}
		wantCode(t, func() error { _, err := svc.FindOnCallDuty(as(booker), r.ID, doc.ID, next); return err }(), elective.ENOTFOUND)

		v, err := svc.FindRota(as(rota), r.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.OnCall) != 1 || len(v.Check.RestReviews) != 1 {
			t.Fatalf("on call %+v, reviews %+v", v.OnCall, v.Check.RestReviews)
		}
		if rv := v.Check.RestReviews[0]; rv.Duty.Date != next || rv.StaffID != doc.ID || !strings.HasPrefix(rv.Message, "Rest not met after on call: 23 h rest, the longest 4 h") {
			t.Errorf("review = %+v", rv)
		}
		for _, x := range v.Check.Violations {
			if x.Rule == rotarules.RuleShiftLength || x.Rule == rotarules.RuleContractLength {
				t.Errorf("the 24 h on call was held to a resident limit: %+v", x)
			}
		}
	})
}

// mustOnCallDuty adds a 24 h non-resident on call from 08:00 expecting 4 h
// of work to the resident team, and a rota with one doctor on it on day
// and on the night after.
func mustOnCallDuty(t *testing.T, db *store.DB) (*store.RotaService, *elective.Rota, *elective.StaffMember, elective.Date) {
	t.Helper()
	MustSetup(t, db)
	team := mustResidentTeam(t, db)
	svc := store.NewRotaService(db)
	oc := &elective.ShiftType{Team: residents, Code: "OC", Name: "On call from home", StartMinute: 8 * 60, Minutes: 24 * 60,
		NonResident: true, ExpectedWorkMinutes: 4 * 60}
	if err := svc.CreateShiftType(as(rota), oc); err != nil {
		t.Fatal(err)
	}
	r := &elective.Rota{Team: residents, Name: "On call", From: today.AddDays(63), To: today.AddDays(63 + 13)}
	if err := svc.CreateRota(as(rota), r); err != nil {
		t.Fatal(err)
	}
	doc, day := team[6], r.From.AddDays(2)
	for _, d := range []elective.RotaDuty{{StaffID: doc.ID, Date: day, ShiftCode: "OC"}, {StaffID: doc.ID, Date: day.AddDays(1), ShiftCode: "N"}} {
		if err := svc.SetDuty(as(rota), r.ID, d, ""); err != nil {
			t.Fatal(err)
		}
	}
	return svc, r, doc, day
}

// Work recorded in error is removed with a reason, by those who may record
// it, once (TS-148): the row is kept, marked with who removed it, when and
// why, the audit says the same, and the rest is judged without it, so the
// next duty leaves the review list and the time can be recorded again.
func TestRotaOnCallRemove(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		svc, r, doc, day := mustOnCallDuty(t, db)
		next := day.AddDays(1)
		work := &elective.OnCallWork{StaffID: doc.ID, Date: day, Start: next.At(2, 0, london), End: next.At(3, 0, london), Note: "Called in"}
		if err := svc.RecordOnCallWork(as(rota), r.ID, work); err != nil {
			t.Fatal(err)
		}
		if got, err := svc.FindOnCallDuty(as(rota), r.ID, doc.ID, day); err != nil || got.Met {
			t.Fatalf("before removal: %+v, %v", got, err)
		}
		wantCode(t, svc.RemoveOnCallWork(as(booker), r.ID, work.ID, "Wrong doctor"), elective.EFORBIDDEN)
		err := svc.RemoveOnCallWork(as(rota), r.ID, work.ID, "  ")
		if f := elective.ErrorFields(err); elective.ErrorCode(err) != elective.EINVALID || len(f) != 1 || f[0].Field != "reason" {
			t.Errorf("no reason: %v %+v", err, f)
		}
		wantCode(t, svc.RemoveOnCallWork(as(rota), r.ID+1000, work.ID, "Wrong doctor"), elective.ENOTFOUND)
		wantCode(t, svc.RemoveOnCallWork(as(rota), r.ID, work.ID+1000, "Wrong doctor"), elective.ENOTFOUND)
		if n := count(t, db, "audit_event WHERE action = 'rota.on-call-work-remove'"); n != 0 {
			t.Fatalf("%d removals audited before any removal", n)
		}
		if err := svc.RemoveOnCallWork(as(rota), r.ID, work.ID, " Recorded against the wrong doctor "); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.RemoveOnCallWork(as(rota), r.ID, work.ID, "Again"), elective.ECONFLICT)

		got, err := svc.FindOnCallDuty(as(booker), r.ID, doc.ID, day)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Met || len(got.Work) != 0 || got.Rest[0].WorkMinutes != 0 || got.Rest[0].NightRestMinutes != 9*60 {
			t.Errorf("the removed work still counts: met %v, work %+v, rest %+v", got.Met, got.Work, got.Rest)
		}
		if len(got.Removed) != 1 || got.Removed[0].RemovedBy != rota.Name || !got.Removed[0].Removed.Equal(testNow) ||
			got.Removed[0].RemovedReason != "Recorded against the wrong doctor" || got.Removed[0].Note != "Called in" {
			t.Errorf("removed = %+v", got.Removed)
		}
		if n := count(t, db, "on_call_work"); n != 1 {
			t.Errorf("%d rows of work, want the removed one kept", n)
		}
		var who, detail string
		var at any
		if err := db.SQL().QueryRow(`SELECT username, at, detail FROM audit_event WHERE action = 'rota.on-call-work-remove'`).
			Scan(&who, &at, &detail); err != nil {
			t.Fatal(err)
		}
		if who != rota.Username || at == nil || !strings.Contains(detail, "work="+itoa(work.ID)) ||
			!strings.HasSuffix(detail, "reason=Recorded against the wrong doctor") {
			t.Errorf("audit: %s at %v: %s", who, at, detail)
		}
		v, err := svc.FindRota(as(rota), r.ID, 0)
		if err != nil || len(v.Check.RestReviews) != 0 || len(v.OnCall) != 1 || !v.OnCall[0].Met {
			t.Errorf("rota after removal: reviews %+v, on call %+v, %v", v.Check.RestReviews, v.OnCall, err)
		}
		again := &elective.OnCallWork{StaffID: doc.ID, Date: day, Start: work.Start, End: work.End}
		if err := svc.RecordOnCallWork(as(rota), r.ID, again); err != nil {
			t.Errorf("the time of removed work cannot be recorded again: %v", err)
		}
	})
}

// A shift type records the breaks it plans; bad input is refused, and a
// shift planning too few breaks is listed on every duty of it (rules.md
// 4.3, Breaks), never refused.
func TestRotaBreaks(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		svc := store.NewRotaService(db)
		for _, c := range []struct {
			breaks int
			says   string
		}{{-1, "0 or more"}, {18, "18 breaks of 30 minutes do not fit in a shift of 540 minutes"}} {
			err := svc.CreateShiftType(as(rota), &elective.ShiftType{Team: residents, Code: "B", Name: "Bad", StartMinute: 480, Minutes: 540, Breaks: c.breaks})
			if f := elective.ErrorFields(err); len(f) != 1 || f[0].Field != "breaks" || !strings.Contains(f[0].Message, c.says) {
				t.Errorf("%d breaks: %v %+v", c.breaks, err, f)
			}
		}
		if err := svc.CreateShiftType(as(rota), &elective.ShiftType{Team: residents, Code: "T", Name: "Twelve", StartMinute: 480, Minutes: 720, Breaks: 2}); err != nil {
			t.Fatal(err)
		}
		r := &elective.Rota{Team: residents, Name: "Breaks", From: today.AddDays(63), To: today.AddDays(69)}
		if err := svc.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		if err := svc.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: team[5].ID, Date: r.From, ShiftCode: "T"}, ""); err != nil {
			t.Fatal(err)
		}
		v, err := svc.FindRota(as(rota), r.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Check.Violations) != 1 || v.Check.Violations[0].Rule != rotarules.RuleBreaks ||
			v.Check.Violations[0].Message != "Shift T (12 h) plans 2 breaks of 30 minutes; a shift of 12 h needs 3 (rules.md 4.3)." {
			t.Errorf("violations = %+v", v.Check.Violations)
		}
	})
}

// Migration 0028 gives the shift types that existed before it the breaks
// their length needs, by the same policy as rota.Limits.BreaksNeeded, so
// that rotas already made stay clean: the test runs its UPDATE again over
// shift types of every length that matters.
func TestRotaBreaksMigrationDefault(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ms, err := store.Migrations(db.Dialect())
		if err != nil {
			t.Fatal(err)
		}
		var update string
		for _, m := range ms {
			if m.Version == 28 {
				_, rest, _ := strings.Cut(m.SQL, "UPDATE shift_type")
				update, _, _ = strings.Cut(rest, ";")
			}
		}
		if update == "" {
			t.Fatal("migration 0028 sets no default breaks")
		}
		var org int64
		if err := db.SQL().QueryRow(`SELECT id FROM organisation`).Scan(&org); err != nil {
			t.Fatal(err)
		}
		lengths := []int{60, 300, 301, 540, 541, 719, 720, 780, 1440}
		for i, m := range lengths {
			if _, err := db.SQL().Exec(db.Rebind(`INSERT INTO shift_type (org_id, team, code, name, start_minute, minutes)
				VALUES (?, 'Old', ?, 'Old', 480, ?)`), org, "S"+itoa(int64(i)), m); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.SQL().Exec(`UPDATE shift_type` + update); err != nil {
			t.Fatal(err)
		}
		shifts, err := store.NewRotaService(db).FindShiftTypes(as(booker), "Old")
		if err != nil || len(shifts) != len(lengths) {
			t.Fatalf("shift types = %+v, %v", shifts, err)
		}
		policy := rotarules.Limits2019()
		for _, s := range shifts {
			if want := policy.BreaksNeeded(s.Minutes); s.Breaks != want {
				t.Errorf("a %d-minute shift got %d breaks, want %d", s.Minutes, s.Breaks, want)
			}
		}
	})
}
