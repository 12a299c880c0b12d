package web

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// fixtureClaims are a submitted WLI session, an approved mileage claim and
// an open bank request, in November 2026.
func fixtureClaims(e *testEnv) []*elective.Claim {
	sat := e.today().AddDays(5)
	return []*elective.Claim{
		{ID: 1, Kind: elective.ClaimWLI, StaffID: 7, Date: sat, Start: sat.At(8, 0, e.loc), End: sat.At(12, 0, e.loc), PATenths: 15,
			Rate: elective.RatePremium, Status: elective.ClaimSubmitted, SubmittedBy: "rita", StaffName: "Ms A Okafor", StaffGrade: "Consultant"},
		{ID: 2, Kind: elective.ClaimMileage, StaffID: 7, Date: e.today(), Miles: 42, MileagePence: 56, AmountPence: 2352,
			Status: elective.ClaimApproved, SubmittedBy: "rita", DecidedBy: "meg", StaffName: "Ms A Okafor", StaffGrade: "Consultant"},
		{ID: 3, Kind: elective.ClaimBank, Date: sat, Start: sat.At(20, 0, e.loc), End: sat.AddDays(1).At(8, 0, e.loc), Grade: "ST4",
			Reason: "Sickness", Fill: elective.FillRequested, Status: elective.ClaimApproved, SubmittedBy: "rita"},
	}
}

func fixtureStaff() []*elective.StaffMember {
	return []*elective.StaffMember{{ID: 7, Title: "Ms", GivenName: "Adaeze", FamilyName: "Okafor", Group: elective.StaffConsultant,
		Grade: "Consultant", Active: true}, {ID: 8, Title: "Dr", GivenName: "Rhea", FamilyName: "Bank", Grade: "ST4", Active: true}}
}

// addClaimPages adds filled claims pages.
func addClaimPages(add func(page, string), e *testEnv, formErrs FormErrors) {
	p := &ClaimIndexPage{Month: elective.MonthOf(e.today()), Staff: fixtureStaff(), MileagePence: 56, Errors: formErrs, ErrorClaim: 1}
	for _, c := range fixtureClaims(e) {
		p.Rows = append(p.Rows, newClaimRow(c, e.loc))
	}
	add(p, "Claims")
	add(&ClaimNewPage{Kind: elective.ClaimWLI, Staff: fixtureStaff(), MileagePence: 56, Form: ClaimForm{Date: "2026-11-28"},
		Errors: formErrs}, "Programmed activities")
}

func (e *testEnv) stubClaims() *elective.ClaimFilter {
	var got elective.ClaimFilter
	e.claims.FindClaimsFn = func(_ context.Context, f elective.ClaimFilter) ([]*elective.Claim, error) {
		got = f
		return fixtureClaims(e), nil
	}
	e.claims.MileagePenceFn = func(context.Context) (int, error) { return 56, nil }
	e.staff.FindStaffFn = func(context.Context, elective.StaffFilter) ([]*elective.StaffMember, error) {
		return fixtureStaff(), nil
	}
	return &got
}

// /claims filters by kind, status and month; the manager sees approve and
// reject buttons and the payroll downloads, the rota coordinator the
// new-claim links and the fill step; a clinician may not look.
func TestClaimIndex(t *testing.T) {
	e := newTestEnv(t)
	f := e.stubClaims()
	w := e.get("/claims?kind=wli&status=submitted&month=2026-11", "tok-manager")
	wantStatus(t, w, http.StatusOK)
	if f.Kind != elective.ClaimWLI || f.Status != elective.ClaimSubmitted || f.Month.String() != "2026-11" {
		t.Errorf("filter = %+v", *f)
	}
	wantBody(t, w, "November 2026", "Ms A Okafor", "4 h, 1.5 PA, Premium time", "42 miles at 56p", "£23.52",
		"12 h, ST4: Sickness", "Approve", "Reject", "/claims/export.csv?month=2026-11", "/claims/export.xlsx?month=2026-11",
		"Change the rate")
	w = e.get("/claims", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Claim a waiting-list-initiative session", "Mark filled", "Dr R Bank (ST4)")
	if strings.Contains(w.Body.String(), ">Approve<") || strings.Contains(w.Body.String(), "export.csv") {
		t.Error("the rota coordinator is offered approval or the payroll export")
	}
	wantStatus(t, e.get("/claims?month=Nov", "tok-manager"), http.StatusUnprocessableEntity)
	e.claims.FindClaimsFn = func(context.Context, elective.ClaimFilter) ([]*elective.Claim, error) {
		return nil, elective.Errorf(elective.EFORBIDDEN, "Your role does not allow this")
	}
	wantStatus(t, e.get("/claims", "tok-clinician"), http.StatusForbidden)
}

// Submitting: each kind's form; bad input (an end before the start, a
// negative amount that does not parse) names the field and keeps what was
// typed; a night shift ends the next morning.
func TestClaimCreate(t *testing.T) {
	e := newTestEnv(t)
	e.stubClaims()
	for _, k := range elective.ClaimKinds {
		wantStatus(t, e.get("/claims/new?kind="+string(k), "tok-rota"), http.StatusOK)
	}
	wantStatus(t, e.get("/claims/new?kind=bonus", "tok-rota"), http.StatusNotFound)
	var got *elective.Claim
	e.claims.SubmitClaimFn = func(_ context.Context, c *elective.Claim) error { got, c.ID = c, 9; return c.Validate() }
	form := url.Values{"kind": {"bank"}, "date": {"2026-11-28"}, "start": {"20:00"}, "end": {"08:00"}, "grade": {"ST4"},
		"reason": {"Sickness"}}
	wantRedirect(t, e.post("/claims", "tok-rota", form), "/claims?month=2026-11")
	if got.End.Sub(got.Start) != 12*time.Hour || got.Rate != "" {
		t.Errorf("night shift = %s to %s", got.Start, got.End)
	}
	wli := url.Values{"kind": {"wli"}, "staff_id": {"7"}, "date": {"2026-11-28"}, "start": {"12:00"}, "end": {"08:00"}, "pas": {"1.5"},
		"rate": {"premium"}}
	w := e.post("/claims", "tok-rota", wli)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "The end time must be after the start time", `href="#end"`, `value="1.5"`)
	exp := url.Values{"kind": {"expense"}, "staff_id": {"7"}, "date": {"2026-11-23"}, "expense_type": {"Parking"}, "amount": {"-4.50"},
		"receipt": {"P1"}}
	w = e.post("/claims", "tok-rota", exp)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the amount in pounds, more than £0", `href="#amount"`)
	exp.Set("amount", "four pounds")
	wantBody(t, e.post("/claims", "tok-rota", exp), "Enter the amount in pounds and pence, for example 12.50")
	exp.Set("amount", "£1,204.5")
	wantRedirect(t, e.post("/claims", "tok-rota", exp), "/claims?month=2026-11")
	if got.AmountPence != 120450 {
		t.Errorf("amount = %d pence", got.AmountPence)
	}
}

// Deciding: approve returns to the filtered list; a rejection without a
// reason is shown against its claim.
func TestClaimDecide(t *testing.T) {
	e := newTestEnv(t)
	e.stubClaims()
	var approved bool
	e.claims.DecideClaimFn = func(_ context.Context, id int64, approve bool, reason string) (*elective.Claim, error) {
		c := fixtureClaims(e)[0]
		if !approve && reason == "" {
			return c, c.Decide(false, "", "meg", e.now)
		}
		approved = approve
		return c, c.Decide(approve, reason, "meg", e.now)
	}
	form := url.Values{"decision": {"approve"}, "return": {"/claims?kind=wli"}}
	wantRedirect(t, e.post("/claims/1/decision", "tok-manager", form), "/claims?kind=wli")
	if !approved {
		t.Error("not approved")
	}
	form = url.Values{"decision": {"reject"}, "reason": {""}, "return": {"https://evil.example/claims"}}
	w := e.post("/claims/1/decision", "tok-manager", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter why the claim is rejected", `href="#reason-1"`)
	form.Set("reason", "In the job plan")
	wantRedirect(t, e.post("/claims/1/decision", "tok-manager", form), "/claims")
}

// Filling a bank request names who fills it.
func TestClaimFill(t *testing.T) {
	e := newTestEnv(t)
	e.stubClaims()
	e.claims.FillShiftFn = func(_ context.Context, id int64, fill elective.FillStatus, staffID int64, _ string) (*elective.Claim, error) {
		c := fixtureClaims(e)[2]
		if staffID == 0 {
			return nil, fieldErr("staff", "Choose the member of bank staff who will work the shift")
		}
		c.Fill, c.StaffName = fill, "Dr R Bank"
		return c, nil
	}
	wantRedirect(t, e.post("/claims/3/fill", "tok-rota", url.Values{"fill": {"filled"}, "staff_id": {"8"}}), "/claims")
	w := e.post("/claims/3/fill", "tok-rota", url.Values{"fill": {"filled"}, "staff_id": {"0"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, `href="#fill-staff-3"`, "details class=\"nhsuk-details\" open")
}

// The payroll downloads: CSV rows and an Excel workbook of the month's
// approved claims, with staff, grade, date, kind and figures.
func TestClaimExports(t *testing.T) {
	e := newTestEnv(t)
	e.stubClaims()
	var month elective.Month
	e.claims.ExportPayrollFn = func(_ context.Context, m elective.Month) ([]*elective.Claim, error) {
		month = m
		cs := fixtureClaims(e)
		cs[1].StaffName = "=Okafor" // a name that a spreadsheet would read as a formula
		cs[2].Fill, cs[2].Agency = elective.FillFilled, "Medics Ltd"
		return cs[1:], nil
	}
	w := e.get("/claims/export.csv?month=2026-11", "tok-manager")
	wantStatus(t, w, http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(w.Body.String())).ReadAll()
	if err != nil || len(rows) != 3 || month.String() != "2026-11" {
		t.Fatalf("csv = %v, %v", rows, err)
	}
	if got := strings.Join(rows[1], "|"); got != "'=Okafor|Consultant|2026-11-23|Mileage||||||42|23.52|at 56p a mile|2|meg" {
		t.Errorf("mileage row = %s", got)
	}
	if got := rows[2]; got[0] != "Agency: Medics Ltd" || got[1] != "ST4" || got[6] != "12.00" || got[4] != "20:00" {
		t.Errorf("bank row = %v", got)
	}
	w = e.get("/claims/export.xlsx?month=2026-11", "tok-manager")
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != xlsxContentType {
		t.Errorf("content type %s", ct)
	}
	z, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var sheet string
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			rc, _ := f.Open()
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			sheet = b.String()
		}
	}
	// Figures are numbers; names are text, never formulas.
	if !strings.Contains(sheet, "<v>23.52</v>") || strings.Contains(sheet, "<f>") {
		t.Errorf("sheet: %s", sheet)
	}
}
