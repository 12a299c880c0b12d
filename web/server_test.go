package web

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // tests must not depend on the host's zoneinfo

	"github.com/openelective/elective"
	"github.com/openelective/elective/mock"
	"github.com/openelective/elective/rtt"
)

// testEnv is a Server over mock services with a fixed clock: 09:00 on
// Monday 23 November 2026 in London.
type testEnv struct {
	t      *testing.T
	loc    *time.Location
	now    time.Time
	server *Server
	logs   *bytes.Buffer

	org        *mock.OrganisationService
	patients   *mock.PatientService
	refs       *mock.ReferralService
	pathways   *mock.PathwayService
	clinics    *mock.ClinicService
	bookings   *mock.BookingService
	waitlist   *mock.WaitingListService
	work       *mock.WorklistService
	reports    *mock.ReportService
	forecast   *mock.ForecastService
	offers     *mock.OfferService
	cascade    *mock.CascadeService
	outbox     *mock.OutboxService
	util       *mock.UtilisationService
	follow     *mock.FollowUpService
	triage     *mock.TriageService
	users      *mock.UserService
	audit      *mock.AuditService
	theatres   *mock.TheatreService
	planner    *mock.ListPlanner
	ttpl       *mock.TheatreTemplateService
	rooms      *mock.RoomService
	claims     *mock.ClaimService
	staff      *mock.StaffService
	rotas      *mock.RotaService
	exceptions *mock.ExceptionReportService
	jobplans   *mock.JobPlanService
	leave      *mock.LeaveService
}

// Sessions the mock UserService knows: token → user. The CSRF token of each
// is "csrf-" + token.
var testUsers = map[string]*elective.User{
	"tok-officer":   {ID: 2, Username: "bob", Name: "Bob Booker", Role: elective.RoleBookingOfficer, Active: true},
	"tok-admin":     {ID: 1, Username: "admin", Name: "Ada Admin", Role: elective.RoleAdministrator, Active: true},
	"tok-rota":      {ID: 3, Username: "rita", Name: "Rita Rota", Role: elective.RoleRotaCoordinator, Active: true},
	"tok-clinician": {ID: 4, Username: "drc", Name: "Dr Chen", Role: elective.RoleClinician, Active: true},
	"tok-senior":    {ID: 5, Username: "sam", Name: "Sam Senior", Role: elective.RoleSeniorBookingOfficer, Active: true},
	"tok-manager":   {ID: 6, Username: "meg", Name: "Meg Manager", Role: elective.RoleBookingManager, Active: true},
}

func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	e := &testEnv{
		t: t, loc: loc, now: time.Date(2026, 11, 23, 9, 0, 0, 0, loc), logs: &bytes.Buffer{},
		org: &mock.OrganisationService{}, patients: &mock.PatientService{}, refs: &mock.ReferralService{},
		pathways: &mock.PathwayService{}, clinics: &mock.ClinicService{}, bookings: &mock.BookingService{},
		waitlist: &mock.WaitingListService{}, work: &mock.WorklistService{}, reports: &mock.ReportService{}, forecast: &mock.ForecastService{}, offers: &mock.OfferService{}, cascade: &mock.CascadeService{}, outbox: &mock.OutboxService{}, util: &mock.UtilisationService{}, follow: &mock.FollowUpService{}, triage: &mock.TriageService{}, users: &mock.UserService{},
		audit: &mock.AuditService{}, theatres: &mock.TheatreService{}, planner: &mock.ListPlanner{},
		ttpl: &mock.TheatreTemplateService{}, rooms: &mock.RoomService{}, claims: &mock.ClaimService{}, staff: &mock.StaffService{},
		jobplans: &mock.JobPlanService{}, leave: &mock.LeaveService{}, rotas: &mock.RotaService{},
		exceptions: &mock.ExceptionReportService{},
	}
	e.stubReferenceData()
	e.users.FindSessionFn = func(_ context.Context, token string) (*elective.Session, error) {
		if u, ok := testUsers[token]; ok {
			return &elective.Session{Token: token, CSRFToken: "csrf-" + token, User: u}, nil
		}
		return nil, elective.Errorf(elective.EUNAUTHORIZED, "Sign in to continue")
	}
	cfg := Config{
		Location: loc, Now: func() time.Time { return e.now }, TrustName: "Anytown Hospitals NHS Trust",
		Logger: slog.New(slog.NewTextHandler(e.logs, nil)), Policy: rtt.DefaultPolicy(),
	}
	e.server, err = NewServer(cfg, Services{
		Organisations: e.org, Patients: e.patients, Referrals: e.refs, Pathways: e.pathways, Clinics: e.clinics,
		Bookings: e.bookings, WaitingList: e.waitlist, Worklists: e.work, Reports: e.reports, Forecasts: e.forecast, Offers: e.offers, Cascade: e.cascade, Outbox: e.outbox, Utilisation: e.util, FollowUps: e.follow, Triage: e.triage, Users: e.users, Audit: e.audit,
		Theatres: e.theatres, Planner: e.planner, TheatreTemplates: e.ttpl,
		Rooms: e.rooms, Claims: e.claims, Staff: e.staff,
		JobPlans: e.jobplans, Leave: e.leave, Rotas: e.rotas, Exceptions: e.exceptions,
	})
	if err != nil {
		t.Fatalf("NewServer: %v", err)
	}
	return e
}

func (e *testEnv) stubReferenceData() {
	// Pages that show offers or letters find none unless a test says otherwise.
	e.outbox.FindMessagesFn = func(context.Context, int64) ([]*elective.Message, error) { return nil, nil }
	e.offers.FindUnavailabilityFn = func(context.Context, int64) ([]*elective.Unavailability, error) { return nil, nil }
	e.offers.FindOffersFn = func(context.Context, int64) ([]*elective.Offer, error) { return nil, nil }
	e.offers.EarliestOffersFn = func(context.Context, int64, int, bool) ([]*elective.Slot, error) { return nil, nil }
	e.org.FindSpecialtiesFn = func(context.Context) ([]*elective.Specialty, error) { return fixtureSpecialties(), nil }
	e.org.FindSitesFn = func(context.Context) ([]*elective.Site, error) { return fixtureSites(), nil }
	e.org.FindCliniciansFn = func(_ context.Context, id int64) ([]*elective.Clinician, error) {
		if id != 0 {
			e.t.Errorf("FindClinicians(%d): pages load every clinician", id)
		}
		return fixtureClinicians(), nil
	}
}

// today is the test's date in London.
func (e *testEnv) today() elective.Date { return elective.DateOf(e.now, e.loc) }

// do serves a request through the complete handler.
func (e *testEnv) do(r *http.Request) *httptest.ResponseRecorder {
	e.t.Helper()
	w := httptest.NewRecorder()
	e.server.Handler().ServeHTTP(w, r)
	return w
}

// get requests path as the user with the session token ("" for none).
func (e *testEnv) get(path, token string) *httptest.ResponseRecorder {
	e.t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if token != "" {
		r.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
	}
	return e.do(r)
}

// post submits a form as the user, with the session's CSRF token unless
// the form already sets csrf_token.
func (e *testEnv) post(path, token string, form url.Values) *httptest.ResponseRecorder {
	e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf_token"]; !ok && token != "" {
		form.Set("csrf_token", "csrf-"+token)
	}
	r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if token != "" {
		r.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
	}
	return e.do(r)
}

// wantStatus fails unless the response has status code.
func wantStatus(t *testing.T, w *httptest.ResponseRecorder, code int) {
	t.Helper()
	if w.Code != code {
		t.Fatalf("status = %d, want %d; body:\n%s", w.Code, code, w.Body.String())
	}
}

// wantBody fails unless the body contains every string.
func wantBody(t *testing.T, w *httptest.ResponseRecorder, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(w.Body.String(), s) {
			t.Errorf("body does not contain %q", s)
		}
	}
}

// wantNoBody fails if the body contains any of the strings.
func wantNoBody(t *testing.T, w *httptest.ResponseRecorder, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if strings.Contains(w.Body.String(), s) {
			t.Errorf("body contains %q", s)
		}
	}
}

// wantRedirect fails unless the response is a 303 to location.
func wantRedirect(t *testing.T, w *httptest.ResponseRecorder, location string) {
	t.Helper()
	wantStatus(t, w, http.StatusSeeOther)
	if got := w.Header().Get("Location"); got != location {
		t.Fatalf("Location = %q, want %q", got, location)
	}
}

// cookie returns the named cookie the response set, or nil.
func cookie(w *httptest.ResponseRecorder, name string) *http.Cookie {
	for _, c := range w.Result().Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// newGet builds a GET as the user, with extra cookies.
func newGet(path, token string, cookies ...*http.Cookie) *http.Request {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	if token != "" {
		r.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	return r
}
