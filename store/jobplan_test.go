package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// sessionOn returns the id of a template's clinic session on a date.
func sessionOn(t *testing.T, db *store.DB, templateID int64, d elective.Date) int64 {
	t.Helper()
	var id int64
	if err := db.SQL().QueryRow(db.Rebind(`SELECT id FROM clinic_session WHERE template_id = ? AND session_date = ?`),
		db.Args(templateID, d)...).Scan(&id); err != nil {
		t.Fatalf("no session of template %d on %s: %v", templateID, d, err)
	}
	return id
}

// Mr Bone's job plan holds his Monday knee clinic (template 1) and a
// Saturday list in premium time; a block on the wrong day, another
// clinician's template or an overlap is refused; over eight weeks his
// clinic ran five times, was cancelled once and has two to come.
func TestWorkforceJobPlan(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		bone := mustStaff(t, db, mrBone())
		svc := store.NewJobPlanService(db)
		clinic := &elective.ProgrammedActivity{StaffID: bone.ID, Weekday: time.Monday, StartMinute: 9 * 60, Minutes: 240,
			Category: elective.PADirectClinicalCare, Description: "Knee clinic", ClinicTemplateID: 1}
		if err := svc.AddProgrammedActivity(as(rota), clinic); err != nil {
			t.Fatal(err)
		}
		if clinic.Premium {
			t.Error("a Monday morning clinic is in premium time")
		}
		saturday := &elective.ProgrammedActivity{StaffID: bone.ID, Weekday: time.Saturday, StartMinute: 9 * 60, Minutes: 180,
			Category: elective.PADirectClinicalCare, Description: "Waiting-list list"}
		if err := svc.AddProgrammedActivity(as(rota), saturday); err != nil || !saturday.Premium {
			t.Fatalf("Saturday PA: %v, premium %v", err, saturday.Premium)
		}
		for name, c := range map[string]struct {
			a    elective.ProgrammedActivity
			code string
		}{
			"wrong weekday":         {elective.ProgrammedActivity{Weekday: time.Tuesday, StartMinute: 540, Minutes: 240, Category: elective.PADirectClinicalCare, ClinicTemplateID: 1}, elective.EINVALID},
			"another's template":    {elective.ProgrammedActivity{Weekday: time.Wednesday, StartMinute: 810, Minutes: 240, Category: elective.PADirectClinicalCare, ClinicTemplateID: 2}, elective.EINVALID},
			"overlap":               {elective.ProgrammedActivity{Weekday: time.Monday, StartMinute: 600, Minutes: 240, Category: elective.PASupporting}, elective.EINVALID},
			"external without text": {elective.ProgrammedActivity{Weekday: time.Friday, StartMinute: 540, Minutes: 240, Category: elective.PAExternal}, elective.EINVALID},
			"unknown staff":         {elective.ProgrammedActivity{StaffID: 99, Weekday: time.Friday, StartMinute: 540, Minutes: 240, Category: elective.PASupporting}, elective.ENOTFOUND},
		} {
			a := c.a
			if a.StaffID == 0 {
				a.StaffID = bone.ID
			}
			if err := svc.AddProgrammedActivity(as(rota), &a); elective.ErrorCode(err) != c.code {
				t.Errorf("%s: %v, want %s", name, err, c.code)
			}
		}
		wantCode(t, svc.AddProgrammedActivity(as(booker), &elective.ProgrammedActivity{StaffID: bone.ID, Weekday: time.Friday,
			StartMinute: 540, Minutes: 240, Category: elective.PASupporting}), elective.EFORBIDDEN)

		jp, err := svc.FindJobPlan(as(booker), bone.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(jp.Activities) != 2 || jp.Activities[0].ID != clinic.ID || jp.Activities[0].TemplateName != "Mr Bone knee clinic" ||
			!jp.Activities[1].Premium || jp.Staff.ID != bone.ID {
			t.Errorf("job plan = %+v", jp.Activities)
		}

		cancelled := today.AddDays(14)
		if _, err := store.NewCascadeService(db).CancelSession(as(manager), &elective.SessionCancellation{
			SessionID: sessionOn(t, db, 1, cancelled), Reason: elective.CancelForRoom}); err != nil {
			t.Fatal(err)
		}
		rec, err := svc.ReconcileJobPlan(as(booker), bone.ID, today.AddDays(-28), today.AddDays(27))
		if err != nil {
			t.Fatal(err)
		}
		want := elective.SessionTally{Planned: 8, Made: 8, Ran: 5, Cancelled: 1, Upcoming: 2}
		if len(rec.Rows) != 1 || rec.Rows[0].Tally != want || rec.Totals != want || rec.Unlinked != 1 {
			t.Errorf("reconciliation = %+v, rows %+v", rec, rec.Rows)
		}
		_, err = svc.ReconcileJobPlan(as(booker), bone.ID, today, today.AddDays(-1))
		wantCode(t, err, elective.EINVALID)

		if err := svc.RemoveProgrammedActivity(as(rota), saturday.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.RemoveProgrammedActivity(as(rota), saturday.ID), elective.ENOTFOUND)
		if jp, _ := svc.FindJobPlan(as(booker), bone.ID); len(jp.Activities) != 1 {
			t.Errorf("after removal: %d activities", len(jp.Activities))
		}
	})
}
