package store_test

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// findKit returns the catalogue item named, failing the test if absent.
func findKit(t *testing.T, db *store.DB, name string) *elective.TheatreKit {
	t.Helper()
	kit, err := store.NewTheatreService(db).FindTheatreKit(as(doctor))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range kit {
		if k.Name == name {
			return k
		}
	}
	t.Fatalf("no %q in %+v", name, kit)
	return nil
}

// The catalogue: the loader's items are fixed with an id; staff who manage
// theatres add, count and mark items, each write audited; bad input and a
// name taken ignoring case change nothing.
func TestTheatreKitCatalogue(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		if stack := findKit(t, db, "arthroscopy stack"); stack.ID == 0 || stack.Count != 1 || stack.Mobile {
			t.Errorf("loaded stack = %+v, want fixed with an id", stack)
		}
		audits := count(t, db, "audit_event")
		ii := &elective.TheatreKit{Name: " Image intensifier ", Count: 1}
		if err := svc.CreateTheatreKit(as(senior), ii); err != nil {
			t.Fatal(err)
		}
		for _, bad := range []struct {
			ctx   *elective.User
			k     *elective.TheatreKit
			code  string
			field string
		}{
			{senior, &elective.TheatreKit{Name: "image INTENSIFIER", Count: 2}, elective.ECONFLICT, "name"},
			{senior, &elective.TheatreKit{Name: " ", Count: 2}, elective.EINVALID, "name"},
			{senior, &elective.TheatreKit{Name: "Laser", Count: -1}, elective.EINVALID, "count"},
			{booker, &elective.TheatreKit{Name: "Laser", Count: 1}, elective.EFORBIDDEN, ""},
		} {
			err := svc.CreateTheatreKit(as(bad.ctx), bad.k)
			wantCode(t, err, bad.code)
			if fs := elective.ErrorFields(err); bad.field != "" && (len(fs) != 1 || fs[0].Field != bad.field) {
				t.Errorf("%+v: fields %+v, want %s", bad.k, fs, bad.field)
			}
		}
		if n := count(t, db, "theatre_kit"); n != 2 {
			t.Errorf("%d items after refusals, want 2", n)
		}
		three, yes := 3, true
		k, err := svc.UpdateTheatreKit(as(manager), ii.ID, elective.TheatreKitUpdate{Count: &three, Mobile: &yes})
		if err != nil || k.Name != "Image intensifier" || k.Count != 3 || !k.Mobile {
			t.Fatalf("updated = %+v, %v", k, err)
		}
		minus := -2
		wantCode(t, second(svc.UpdateTheatreKit(as(manager), ii.ID, elective.TheatreKitUpdate{Count: &minus})), elective.EINVALID)
		wantCode(t, second(svc.UpdateTheatreKit(as(manager), 9999, elective.TheatreKitUpdate{Count: &three})), elective.ENOTFOUND)
		res, err := svc.FindTheatreResources(as(booker))
		if err != nil || res.Kit["Image intensifier"] != 3 || !res.IsMobile("image intensifier") || res.IsMobile("arthroscopy stack") {
			t.Errorf("resources = %+v, %v", res, err)
		}
		if got := count(t, db, "audit_event") - audits; got != 2 {
			t.Errorf("%d audit events for one add and one change, want 2", got)
		}
	})
}

func second[T any](_ T, err error) error { return err }

// Mobile kit (rules.md 3.6): a case needing the one mobile image
// intensifier is booked on a list whose kit lacks it, a second list at the
// same time is refused naming it mobile, and while the case is booked the
// item can be neither marked fixed nor removed (the lists are named);
// once fixed, a list must have it.
func TestTheatreKitMobileBooking(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		ii := &elective.TheatreKit{Name: "image intensifier", Count: 1, Mobile: true}
		if err := svc.CreateTheatreKit(as(senior), ii); err != nil {
			t.Fatal(err)
		}
		needs := func(e *elective.AdmittedListEntry) { e.Kit = []string{"Image intensifier"} }
		one := mustSession(t, db, 21, elective.PeriodMorning)
		two := mustSession(t, db, 21, elective.PeriodMorning, func(s *elective.TheatreSession) { s.TheatreID = 2 })
		a, b := listEntry(t, db, 1, elective.P3, needs), listEntry(t, db, 2, elective.P3, needs)
		c, err := svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: one.ID, EntryID: a.ID})
		if err != nil {
			t.Fatalf("mobile kit not on the list: %v", err)
		}
		_, err = svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: two.ID, EntryID: b.ID})
		wantCode(t, err, elective.EINVALID)
		if !strings.Contains(elective.ErrorMessage(err), "The mobile Image intensifier would be needed by 2 lists at 08:00") {
			t.Errorf("second list: %q", elective.ErrorMessage(err))
		}
		no := false
		_, err = svc.UpdateTheatreKit(as(senior), ii.ID, elective.TheatreKitUpdate{Mobile: &no})
		wantCode(t, err, elective.ECONFLICT)
		if !strings.Contains(elective.ErrorMessage(err), "cannot be marked fixed: booked cases need it on 1 list: Main theatre 1 on ") {
			t.Errorf("mark fixed: %q", elective.ErrorMessage(err))
		}
		_, err = svc.DeleteTheatreKit(as(senior), ii.ID)
		wantCode(t, err, elective.ECONFLICT)
		if !strings.Contains(elective.ErrorMessage(err), "cannot be removed: booked cases need it on 1 list: Main theatre 1 on ") {
			t.Errorf("remove: %q", elective.ErrorMessage(err))
		}
		if got := findKit(t, db, "image intensifier"); !got.Mobile || got.Count != 1 {
			t.Errorf("after refusals = %+v", got)
		}
		if err := svc.UnscheduleCase(as(senior), c.ID, "Patient asked", ""); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.UpdateTheatreKit(as(senior), ii.ID, elective.TheatreKitUpdate{Mobile: &no}); err != nil {
			t.Fatalf("mark fixed with no case: %v", err)
		}
		_, err = svc.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: one.ID, EntryID: a.ID})
		if wantCode(t, err, elective.EINVALID); !strings.Contains(elective.ErrorMessage(err), "it is not mobile kit") {
			t.Errorf("fixed kit not on the list: %q", elective.ErrorMessage(err))
		}
		if _, err := svc.DeleteTheatreKit(as(senior), ii.ID); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, "theatre_kit"); n != 1 {
			t.Errorf("%d items after removal, want 1", n)
		}
	})
}

// The optimiser brings mobile kit to a list that lacks it, within its
// count: of two cases needing the one intensifier at the same time in two
// theatres, one is placed and the other left out saying why.
func TestTheatreKitMobilePlan(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		svc := store.NewTheatreService(db)
		if err := svc.CreateTheatreKit(as(senior), &elective.TheatreKit{Name: "Image intensifier", Count: 1, Mobile: true}); err != nil {
			t.Fatal(err)
		}
		needs := func(e *elective.AdmittedListEntry) { e.Kit = []string{"image intensifier"} }
		mustSession(t, db, 21, elective.PeriodMorning)
		mustSession(t, db, 21, elective.PeriodMorning, func(s *elective.TheatreSession) { s.TheatreID = 2 })
		listEntry(t, db, 1, elective.P3, needs)
		listEntry(t, db, 2, elective.P3, func(e *elective.AdmittedListEntry) { needs(e); e.ExpectedMinutes = 200 })
		plan, err := svc.PlanLists(as(senior), elective.PlanRequest{From: today, Weeks: 4, Seed: 1, MaxIterations: 5000})
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Placements) != 1 || len(plan.LeftOut) != 1 ||
			!strings.Contains(plan.LeftOut[0].Reason, "mobile kit Image intensifier: all 1 in use in other theatres") {
			t.Errorf("placements %+v, left out %+v", plan.Placements, plan.LeftOut)
		}
	})
}
