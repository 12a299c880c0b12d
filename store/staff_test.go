package store_test

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// mrBone is the staff record of consultant Mr Bone (clinician 1), a
// consultant since 2015.
func mrBone(edit ...func(*elective.StaffMember)) *elective.StaffMember {
	m := &elective.StaffMember{Title: "Mr", GivenName: "Adam", FamilyName: "Bone", Group: elective.StaffConsultant,
		Grade: "Consultant", SpecialtyID: 1, Team: "Orthopaedic consultants", ClinicianID: 1, Mobile: "07700 900001",
		Bleep: "1234", Skills: []string{" ALS ", "", "arthroscopy"}, FTEPercent: 100, ContractMaxShiftMinutes: 780,
		ServiceStart: elective.MustParseDate("2015-09-01"), Active: true}
	for _, f := range edit {
		f(m)
	}
	return m
}

// mustStaff adds a member of staff as the rota coordinator.
func mustStaff(t *testing.T, db *store.DB, m *elective.StaffMember) *elective.StaffMember {
	t.Helper()
	if err := store.NewStaffService(db).CreateStaffMember(as(rota), m); err != nil {
		t.Fatal(err)
	}
	return m
}

// The rota coordinator adds and edits staff; anyone signed in finds them
// by name, team or bleep; a clinician is one member of staff.
func TestWorkforceStaff(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewStaffService(db)
		bone := mustStaff(t, db, mrBone())
		fy1 := mustStaff(t, db, &elective.StaffMember{Title: "Dr", GivenName: "Priya", FamilyName: "Shah",
			Group: elective.StaffResident, Grade: "FY1", SpecialtyID: 1, Team: "Orthopaedic residents", Bleep: "5678",
			FTEPercent: 80, ContractMaxShiftMinutes: 780, Active: true})
		wantCode(t, svc.CreateStaffMember(as(booker), mrBone(func(m *elective.StaffMember) { m.ClinicianID = 2 })), elective.EFORBIDDEN)
		wantCode(t, svc.CreateStaffMember(as(rota), mrBone()), elective.ECONFLICT)
		err := svc.CreateStaffMember(as(rota), &elective.StaffMember{Group: "porter", FTEPercent: 120})
		wantCode(t, err, elective.EINVALID)
		if n := len(elective.ErrorFields(err)); n < 4 {
			t.Errorf("fields = %+v", elective.ErrorFields(err))
		}
		wantCode(t, svc.CreateStaffMember(as(rota), mrBone(func(m *elective.StaffMember) { m.ClinicianID = 99 })), elective.EINVALID)

		got, err := svc.FindStaffMemberByID(as(booker), bone.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.DisplayName() != "Mr A Bone" || got.SpecialtyName != "Trauma and Orthopaedics" || len(got.Skills) != 2 ||
			got.Skills[0] != "ALS" || got.ClinicianID != 1 || got.ServiceStart != bone.ServiceStart || !got.Active {
			t.Errorf("staff member = %+v", got)
		}
		got.Bleep, got.Active = "4321", false
		if err := svc.UpdateStaffMember(as(rota), got); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.UpdateStaffMember(as(rota), mrBone(func(m *elective.StaffMember) { m.ID, m.ClinicianID = 999, 0 })), elective.ENOTFOUND)

		for _, c := range []struct {
			f    elective.StaffFilter
			want int
		}{
			{elective.StaffFilter{}, 2},
			{elective.StaffFilter{Search: "sha"}, 1},
			{elective.StaffFilter{Search: "4321"}, 1},
			{elective.StaffFilter{Search: "fy1"}, 1},
			{elective.StaffFilter{Team: "Orthopaedic residents"}, 1},
			{elective.StaffFilter{Group: elective.StaffConsultant}, 1},
			{elective.StaffFilter{ActiveOnly: true}, 1},
			{elective.StaffFilter{SpecialtyID: 2}, 0},
		} {
			ms, err := svc.FindStaff(as(booker), c.f)
			if err != nil || len(ms) != c.want {
				t.Errorf("FindStaff(%+v) = %d, %v; want %d", c.f, len(ms), err, c.want)
			}
		}
		_, err = svc.FindStaff(as(nil), elective.StaffFilter{})
		wantCode(t, err, elective.EUNAUTHORIZED)
		if fy1.ID == 0 || count(t, db, "audit_event WHERE action LIKE 'staff.%'") != 3 {
			t.Errorf("staff audit events = %d", count(t, db, "audit_event WHERE action LIKE 'staff.%'"))
		}
	})
}

// A bulk load maps the data's staff ids to the database's for their job
// plans and leave.
func TestWorkforceLoad(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		d := &elective.WorkforceData{
			Staff: []*elective.StaffMember{mrBone(func(m *elective.StaffMember) { m.ID = 7 })},
			Activities: []*elective.ProgrammedActivity{{StaffID: 7, Weekday: 1, StartMinute: 540, Minutes: 240,
				Category: elective.PADirectClinicalCare, ClinicTemplateID: 1}},
			Leave: []*elective.LeaveRequest{{StaffID: 7, Type: elective.LeaveAnnual, From: today.AddDays(-30), To: today.AddDays(-26),
				Status: elective.LeaveApproved, RequestedOn: today.AddDays(-90)}},
			Entitlements: []*elective.LeaveEntitlement{{StaffID: 7, YearStart: elective.MustParseDate("2026-04-01"), AnnualDays: 30, StudyDays: 10}},
		}
		if err := store.NewLoader(db).LoadWorkforceData(as(system), d); err != nil {
			t.Fatal(err)
		}
		id := d.Staff[0].ID
		jp, err := store.NewJobPlanService(db).FindJobPlan(as(booker), id)
		if err != nil || len(jp.Activities) != 1 || jp.Activities[0].TemplateName != "Mr Bone knee clinic" {
			t.Fatalf("job plan = %+v, %v", jp, err)
		}
		b, err := store.NewLeaveService(db).FindLeaveBalance(as(booker), id, today)
		if err != nil || b.AnnualTaken != 3 || b.Entitlement.AnnualDays != 30 || !b.Entitlement.Set {
			t.Errorf("balance = %+v, %v", b, err)
		}
		wantCode(t, store.NewLoader(db).LoadWorkforceData(as(rota), d), elective.EFORBIDDEN)
	})
}
