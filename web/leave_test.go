package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// fixtureLeave is Ms Okafor's annual leave of 14-18 December asked for
// today, 21 days ahead: short of the 42 days' notice.
func fixtureLeave(today elective.Date) *elective.LeaveRequest {
	return &elective.LeaveRequest{ID: 30, StaffID: 20, Type: elective.LeaveAnnual, From: today.AddDays(21), To: today.AddDays(25),
		Status: elective.LeaveRequested, RequestedOn: today, Reason: "Family holiday", Days: 5, NoticeDays: 21, RequiredNotice: 42,
		ShortNotice: true, StaffName: "Ms A Okafor", Team: "Orthopaedic consultants", Group: elective.StaffConsultant}
}

// fixtureImpact is what approving fixtureLeave would do: Monday's clinic
// with 6 booked, Wednesday's list with 2 cases; Mr Hughes is away too.
func fixtureImpact(e *testEnv) *elective.LeaveImpact {
	today := e.today()
	r := fixtureLeave(today)
	monday := r.From
	clinic := &elective.ClinicSession{ID: 40, TemplateID: 5, ClinicianID: 10, Room: "OPD 1", Date: monday,
		Start: monday.At(9, 0, e.loc), End: monday.At(13, 0, e.loc), Status: elective.SessionOpen}
	list := &elective.TheatreSession{ID: 41, TheatreID: 1, Date: monday.AddDays(2), Period: elective.PeriodMorning, StartMinute: 480,
		Minutes: 240, SurgeonID: 10, ListType: elective.ListGA, TheatreName: "Main theatre 1", Status: elective.SessionPlanned}
	away := &elective.LeaveRequest{ID: 31, StaffID: 22, Type: elective.LeaveStudy, From: monday.AddDays(1), To: monday.AddDays(2),
		Status: elective.LeaveApproved, StaffName: "Mr T Hughes", Team: "Orthopaedic consultants"}
	return &elective.LeaveImpact{Request: r, Staff: workforceStaff()[0], Clinics: []*elective.LeaveClinic{{Session: clinic, Booked: 6}},
		Theatres: []*elective.LeaveTheatre{{Session: list, Booked: 2}}, Displaced: 8, Balance: fixtureBalance(), BalanceAfter: 17,
		TeamAway: []*elective.LeaveRequest{away}, MaxAway: 2}
}

func addLeavePages(add func(page, string), e *testEnv, formErrs FormErrors) {
	add(&LeaveIndexPage{Requests: []*elective.LeaveRequest{fixtureLeave(e.today())}, Teams: []string{"Orthopaedic consultants"},
		Status: "requested", From: "2026-11-09"}, "Leave")
	add(&LeaveNewPage{Form: LeaveForm{StaffID: 20, Type: "annual", From: "2026-12-14", To: "2026-12-11", RequestedOn: "2026-11-23"},
		Errors: formErrs, Staff: workforceStaff()}, "Record a leave request")
	im := fixtureImpact(e)
	im.OverLimit, im.LimitDay = true, im.Request.From.AddDays(1)
	add(&LeaveViewPage{Impact: im, Errors: formErrs}, "Annual leave for Ms A Okafor")
}

func (e *testEnv) stubLeave() {
	e.stubStaff()
	e.leave.PreviewLeaveFn = func(context.Context, int64) (*elective.LeaveImpact, error) { return fixtureImpact(e), nil }
}

// The worklist shows the notice and tags short notice; filters reach the
// service.
func TestLeaveIndex(t *testing.T) {
	e := newTestEnv(t)
	e.stubLeave()
	var got elective.LeaveFilter
	e.leave.FindLeaveRequestsFn = func(_ context.Context, f elective.LeaveFilter) ([]*elective.LeaveRequest, error) {
		got = f
		return []*elective.LeaveRequest{fixtureLeave(e.today())}, nil
	}
	w := e.get("/leave?status=requested&team=Orthopaedic+consultants&type=annual", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Ms A Okafor", "Annual leave", "21 days", "Short notice", "Requested", "Record a leave request")
	if got.Status != elective.LeaveRequested || got.Team != "Orthopaedic consultants" || got.Type != elective.LeaveAnnual ||
		got.From != e.today().AddDays(-14) {
		t.Errorf("filter = %+v", got)
	}
}

// Recording a request: leave that ends before it starts is refused on the
// form with the service's message; a good one goes to its impact.
func TestLeaveCreate(t *testing.T) {
	e := newTestEnv(t)
	e.stubLeave()
	w := e.get("/leave/new?staff_id=20", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `<option value="20" selected>`, `value="2026-11-23"`)
	form := url.Values{"staff_id": {"20"}, "type": {"annual"}, "from": {"2026-12-18"}, "to": {"2026-12-14"}, "requested_on": {"2026-11-23"}}
	e.leave.RequestLeaveFn = func(_ context.Context, r *elective.LeaveRequest) error { return r.Validate() }
	w = e.post("/leave", "tok-rota", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "The leave ends (14 Dec 2026) before it starts (18 Dec 2026)", `href="#to"`, `value="2026-12-18"`)

	var got *elective.LeaveRequest
	e.leave.RequestLeaveFn = func(_ context.Context, r *elective.LeaveRequest) error {
		got, r.ID, r.Days, r.NoticeDays, r.RequiredNotice, r.ShortNotice = r, 30, 4.5, 21, 42, true
		return nil
	}
	form.Set("to", "2026-12-18")
	form.Set("half_day_end", "yes")
	w = e.post("/leave", "tok-rota", form)
	wantRedirect(t, w, "/leave/30")
	if got.From.String() != "2026-12-18" || !got.HalfDayEnd || got.HalfDayStart || got.RequestedOn.String() != "2026-11-23" {
		t.Errorf("request = %+v", got)
	}
	form.Set("from", "next week")
	w = e.post("/leave", "tok-rota", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the first day of leave as a date")
	wantStatus(t, e.get("/leave/new", "tok-officer"), http.StatusForbidden)
}

// The request page shows, before anyone approves, the clinics and lists
// the leave cancels with the patients displaced, the balance after it and
// who else is away.
func TestLeaveView(t *testing.T) {
	e := newTestEnv(t)
	e.stubLeave()
	w := e.get("/leave/30", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "5 working days", "21 days of the 42 needed", "Short notice", "8 booked patients", "Main theatre 1",
		"09:00 to 13:00", "After this leave: 17 days", "Mr T Hughes", "Approve the leave", "Decline the leave")
	w = e.get("/leave/30", "tok-officer")
	if wantStatus(t, w, http.StatusOK); strings.Contains(w.Body.String(), "Approve the leave") {
		t.Error("a booking officer is offered the decision")
	}
}

// Approving reports what was cancelled; a refusal (short notice for the
// rota coordinator, the team's limit) is shown on the request, which
// stays as it was.
func TestLeaveApprove(t *testing.T) {
	e := newTestEnv(t)
	e.stubLeave()
	e.leave.ApproveLeaveFn = func(context.Context, int64, string) (*elective.LeaveOutcome, error) {
		return nil, elective.Errorf(elective.EFORBIDDEN, "This leave was asked for with 21 days' notice, less than the 42 needed: a manager must approve it (rules.md 3.5)")
	}
	w := e.post("/leave/30/approve", "tok-rota", nil)
	wantStatus(t, w, http.StatusForbidden)
	wantBody(t, w, "a manager must approve it", "8 booked patients")
	var note string
	e.leave.ApproveLeaveFn = func(_ context.Context, _ int64, n string) (*elective.LeaveOutcome, error) {
		note = n
		return &elective.LeaveOutcome{ClinicsCancelled: 1, TheatresReleased: 1, Displaced: 8}, nil
	}
	w = e.post("/leave/30/approve", "tok-manager", url.Values{"note": {"Cover arranged"}})
	wantRedirect(t, w, "/leave/30")
	if note != "Cover arranged" {
		t.Errorf("note = %q", note)
	}
	e.leave.DeclineLeaveFn = func(_ context.Context, _ int64, reason string) error {
		if reason == "" {
			return fieldErr("reason", "Say why the leave is declined")
		}
		return nil
	}
	w = e.post("/leave/30/decline", "tok-rota", url.Values{"reason": {""}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Say why the leave is declined", `href="#decline-reason"`)
	w = e.post("/leave/30/decline", "tok-rota", url.Values{"reason": {"Theatre cover"}})
	wantRedirect(t, w, "/leave/30")
	e.leave.CancelLeaveFn = func(context.Context, int64, string) error { return nil }
	wantRedirect(t, e.post("/leave/30/cancel", "tok-rota", url.Values{"reason": {"Plans changed"}}), "/leave/30")
}
