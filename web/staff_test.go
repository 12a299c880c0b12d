package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/workforce"
)

// workforceStaff is consultant Ms Okafor (clinician 10), a consultant since
// 2018, and FY1 Dr Shah.
func workforceStaff() []*elective.StaffMember {
	return []*elective.StaffMember{
		{ID: 20, Title: "Ms", GivenName: "Adaeze", FamilyName: "Okafor", Group: elective.StaffConsultant, Grade: "Consultant",
			SpecialtyID: 1, SpecialtyName: "Trauma and orthopaedics", Team: "Orthopaedic consultants", ClinicianID: 10,
			Mobile: "07700 900123", Bleep: "2210", Skills: []string{"ALS", "arthroscopy"}, FTEPercent: 100,
			ContractMaxShiftMinutes: 780, ServiceStart: elective.MustParseDate("2018-09-01"), Active: true},
		{ID: 21, Title: "Dr", GivenName: "Priya", FamilyName: "Shah", Group: elective.StaffResident, Grade: "FY1",
			Team: "Orthopaedic residents", Bleep: "5678", FTEPercent: 80, ContractMaxShiftMinutes: 780, Active: true},
	}
}

// fixtureJobPlan is Ms Okafor's Monday clinic (template 5), Wednesday
// list (theatre template 3) and a Saturday list in premium time.
func fixtureJobPlan() *elective.JobPlan {
	return &elective.JobPlan{Staff: workforceStaff()[0], Activities: []*elective.ProgrammedActivity{
		{ID: 1, StaffID: 20, Weekday: time.Monday, StartMinute: 540, Minutes: 240, Category: elective.PADirectClinicalCare,
			Description: "Knee clinic", ClinicTemplateID: 5, TemplateName: "Okafor knee clinic"},
		{ID: 2, StaffID: 20, Weekday: time.Wednesday, StartMinute: 480, Minutes: 300, Category: elective.PADirectClinicalCare,
			Description: "Theatre list", TheatreTemplateID: 3, TemplateName: "Main theatre 1 list"},
		{ID: 3, StaffID: 20, Weekday: time.Thursday, StartMinute: 780, Minutes: 240, Category: elective.PASupporting, Description: "Audit"},
		{ID: 4, StaffID: 20, Weekday: time.Saturday, StartMinute: 540, Minutes: 180, Category: elective.PADirectClinicalCare,
			Premium: true, Description: "Waiting-list list"},
	}}
}

func fixtureBalance() *elective.LeaveBalance {
	return &elective.LeaveBalance{Entitlement: elective.LeaveEntitlement{StaffID: 20, YearStart: elective.MustParseDate("2026-04-01"),
		AnnualDays: 32, StudyDays: 10}, YearEnd: elective.MustParseDate("2027-03-31"), AnnualTaken: 10, AnnualRequested: 5, StudyTaken: 2}
}

func (e *testEnv) stubStaff() {
	e.staff.FindStaffFn = func(context.Context, elective.StaffFilter) ([]*elective.StaffMember, error) {
		return workforceStaff(), nil
	}
	e.staff.FindStaffMemberByIDFn = func(_ context.Context, id int64) (*elective.StaffMember, error) { return workforceStaff()[0], nil }
	e.jobplans.FindJobPlanFn = func(context.Context, int64) (*elective.JobPlan, error) { return fixtureJobPlan(), nil }
	e.leave.FindLeaveBalanceFn = func(context.Context, int64, elective.Date) (*elective.LeaveBalance, error) {
		return fixtureBalance(), nil
	}
	e.leave.FindLeaveRequestsFn = func(context.Context, elective.LeaveFilter) ([]*elective.LeaveRequest, error) {
		return []*elective.LeaveRequest{fixtureLeave(e.today())}, nil
	}
	e.clinics.FindClinicTemplatesFn = func(context.Context, int64) ([]*elective.ClinicTemplate, error) {
		return []*elective.ClinicTemplate{{ID: 5, Code: "ORTH-OKA-MON", Name: "Okafor knee clinic", ClinicianID: 10, Weekday: time.Monday, StartMinute: 540},
			{ID: 6, Code: "URO-HUG-TUE", ClinicianID: 11, Weekday: time.Tuesday}}, nil
	}
	e.ttpl.FindTheatreTemplatesFn = func(context.Context) ([]*elective.TheatreTemplate, error) {
		return []*elective.TheatreTemplate{fixtureTheatreTemplate(e.today())}, nil
	}
}

// addWorkforcePages adds filled staff, job plan and leave pages.
func addWorkforcePages(add func(page, string), e *testEnv, formErrs FormErrors) {
	jp := fixtureJobPlan()
	add(&StaffIndexPage{Staff: workforceStaff(), Teams: teamsOf(workforceStaff()), Query: "oka"}, "Staff")
	add(&StaffFormPage{StaffID: 20, Form: staffFormOf(workforceStaff()[0]), Errors: formErrs, Specialties: fixtureSpecialties(),
		Clinicians: fixtureClinicians()}, "Change Ms Adaeze Okafor")
	add(&StaffViewPage{Staff: jp.Staff, JobPlan: jp, Summary: workforce.Summarise(workforce.DefaultPlainTime, jp.Activities),
		Balance: fixtureBalance(), Leave: []*elective.LeaveRequest{fixtureLeave(e.today())}, Annual: "32", Study: "10",
		Errors: formErrs}, "Ms A Okafor")
	add(&JobPlanPage{Plan: jp, Summary: workforce.Summarise(workforce.DefaultPlainTime, jp.Activities), Errors: formErrs,
		Form: ActivityForm{Weekday: 1, Start: "09:00", Minutes: "240", Category: "dcc", Template: "c:5"}, PlainTime: workforce.DefaultPlainTime,
		ClinicTemplates:  []*elective.ClinicTemplate{{ID: 5, Name: "Okafor knee clinic", Weekday: time.Monday, StartMinute: 540}},
		TheatreTemplates: []*elective.TheatreTemplate{fixtureTheatreTemplate(e.today())}}, "Job plan of Ms A Okafor")
	add(&ReconciliationPage{StaffID: 20, Rec: fixtureReconciliation(e.today()), From: "2026-09-01", To: "2026-12-20"},
		"Sessions delivered against the job plan")
	addLeavePages(add, e, formErrs)
}

func fixtureReconciliation(today elective.Date) *elective.JobPlanReconciliation {
	jp := fixtureJobPlan()
	rows := []*elective.ReconciliationRow{
		{Activity: jp.Activities[0], Tally: elective.SessionTally{Planned: 16, Made: 15, Ran: 10, Cancelled: 2, Upcoming: 3, NotMade: 1}},
		{Activity: jp.Activities[1], Tally: elective.SessionTally{Planned: 16, Made: 16, Ran: 12, Upcoming: 4}},
	}
	rec := &elective.JobPlanReconciliation{Staff: jp.Staff, From: today.AddDays(-84), To: today.AddDays(27), Today: today, Rows: rows, Unlinked: 1}
	for _, r := range rows {
		rec.Totals.Add(r.Tally)
	}
	return rec
}

func TestStaffIndex(t *testing.T) {
	e := newTestEnv(t)
	e.stubStaff()
	var filters []elective.StaffFilter
	e.staff.FindStaffFn = func(_ context.Context, f elective.StaffFilter) ([]*elective.StaffMember, error) {
		filters = append(filters, f)
		return workforceStaff(), nil
	}
	w := e.get("/staff?q=oka&team=Orthopaedic+consultants&group=consultant", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Ms A Okafor", "07700 900123", "2210", "Orthopaedic residents", "Add a member of staff", `href="/staff"`, ">Workforce<")
	if len(filters) != 2 || filters[1].Search != "oka" || filters[1].Team != "Orthopaedic consultants" || filters[1].Group != elective.StaffConsultant {
		t.Errorf("filters = %+v", filters)
	}
	w = e.get("/staff/new", "tok-officer")
	wantStatus(t, w, http.StatusForbidden)
}

func TestStaffCreate(t *testing.T) {
	e := newTestEnv(t)
	e.stubStaff()
	var got *elective.StaffMember
	e.staff.CreateStaffMemberFn = func(_ context.Context, m *elective.StaffMember) error { got, m.ID = m, 21; return nil }
	form := url.Values{"title": {"Dr"}, "given_name": {"Priya"}, "family_name": {"Shah"}, "group": {"resident"}, "grade": {"FY1"},
		"specialty_id": {"1"}, "team": {"Orthopaedic residents"}, "clinician_id": {"0"}, "bleep": {"5678"},
		"skills": {"ALS, , cannulation"}, "fte": {"80"}, "max_shift": {"13"}, "service_start": {"2026-08-05"}, "active": {"yes"}}
	w := e.post("/staff", "tok-rota", form)
	wantRedirect(t, w, "/staff/21")
	if got == nil || got.Group != elective.StaffResident || got.FTEPercent != 80 || got.ContractMaxShiftMinutes != 780 ||
		len(got.Skills) != 2 || got.ServiceStart.String() != "2026-08-05" || !got.Active || got.SpecialtyID != 1 {
		t.Errorf("member = %+v", got)
	}
	form.Set("fte", "most")
	w = e.post("/staff", "tok-rota", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the share of full time", `value="Shah"`)
	e.staff.UpdateStaffMemberFn = func(context.Context, *elective.StaffMember) error {
		var p elective.Problems
		p.Add("family_name", "Enter the family name")
		return p.Err("The staff member cannot be saved: check the fields marked")
	}
	form.Set("fte", "100")
	w = e.post("/staff/20", "tok-rota", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the family name", `href="#family-name"`)
}

func TestStaffView(t *testing.T) {
	e := newTestEnv(t)
	e.stubStaff()
	w := e.get("/staff/20", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Ms A Okafor", "ALS, arthroscopy", "4.25 PAs", "in premium time", "<strong>22</strong>", "Annual", "entitlement")
	var set *elective.LeaveEntitlement
	e.leave.SetLeaveEntitlementFn = func(_ context.Context, en *elective.LeaveEntitlement) error { set = en; return nil }
	w = e.post("/staff/20/entitlement", "tok-rota", url.Values{"annual_days": {"29.5"}, "study_days": {"10"}})
	wantRedirect(t, w, "/staff/20")
	if set == nil || set.AnnualDays != 29.5 || set.StaffID != 20 || set.YearStart != e.today() {
		t.Errorf("entitlement = %+v", set)
	}
	w = e.post("/staff/20/entitlement", "tok-rota", url.Values{"annual_days": {"lots"}, "study_days": {"10"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the annual leave in days", `value="lots"`)
}

func TestJobPlanPage(t *testing.T) {
	e := newTestEnv(t)
	e.stubStaff()
	w := e.get("/staff/20/job-plan", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Knee clinic", "Okafor knee clinic", "Premium time", "4.25 PAs", "SPA is below the 1.5 core",
		`value="c:5"`, `value="t:3"`, "Add to the job plan")
	if strings.Contains(w.Body.String(), `value="c:6"`) {
		t.Error("another clinician's template is offered")
	}
	var got *elective.ProgrammedActivity
	e.jobplans.AddProgrammedActivityFn = func(_ context.Context, a *elective.ProgrammedActivity) error { got = a; return nil }
	form := url.Values{"weekday": {"2"}, "start": {"13:30"}, "minutes": {"240"}, "category": {"dcc"}, "template": {"t:3"},
		"description": {"Theatre list"}}
	w = e.post("/staff/20/job-plan", "tok-rota", form)
	wantRedirect(t, w, "/staff/20/job-plan")
	if got == nil || got.StaffID != 20 || got.Weekday != time.Tuesday || got.StartMinute != 810 || got.TheatreTemplateID != 3 || got.ClinicTemplateID != 0 {
		t.Errorf("activity = %+v", got)
	}
	e.jobplans.AddProgrammedActivityFn = func(context.Context, *elective.ProgrammedActivity) error {
		return fieldErr("start", "It overlaps Knee clinic on Monday from 09:00")
	}
	w = e.post("/staff/20/job-plan", "tok-rota", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "It overlaps Knee clinic", `href="#pa-start"`)
	var removed int64
	e.jobplans.RemoveProgrammedActivityFn = func(_ context.Context, id int64) error { removed = id; return nil }
	w = e.post("/staff/20/job-plan/3/delete", "tok-rota", nil)
	wantRedirect(t, w, "/staff/20/job-plan")
	if removed != 3 {
		t.Errorf("removed %d", removed)
	}
}

func TestReconciliationPage(t *testing.T) {
	e := newTestEnv(t)
	var from, to elective.Date
	e.jobplans.ReconcileJobPlanFn = func(_ context.Context, _ int64, f, tt elective.Date) (*elective.JobPlanReconciliation, error) {
		from, to = f, tt
		return fixtureReconciliation(e.today()), nil
	}
	w := e.get("/staff/20/reconciliation", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Okafor knee clinic", "reconciliation-totals", ">32<", "1 clinical activities are linked to no template")
	if from != e.today().AddDays(-84) || to != e.today().AddDays(27) {
		t.Errorf("period %s..%s", from, to)
	}
	e.get("/staff/20/reconciliation?from=2026-09-01&to=2026-09-30", "tok-officer")
	if from.String() != "2026-09-01" || to.String() != "2026-09-30" {
		t.Errorf("chosen period %s..%s", from, to)
	}
	w = e.get("/staff/20/reconciliation?from=soon", "tok-officer")
	wantStatus(t, w, http.StatusUnprocessableEntity)
}
