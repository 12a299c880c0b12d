package web

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

func TestHome(t *testing.T) {
	e := newTestEnv(t)
	t.Run("BookingOfficer", func(t *testing.T) {
		w := e.get("/", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, `<label class="nhsuk-label nhsuk-label--m" for="q">Find a patient by NHS number, hospital number or family name</label>`,
			`name="q" type="search"`, "autofocus", `action="/patients" method="get"`,
			`href="/waiting-list"`, `href="/ptl"`, `href="/referrals/new"`, "Register referral",
			"Keyboard shortcuts", "<kbd>/</kbd>", "Bob Booker", "(Booking officer)", `action="/logout"`,
			`name="csrf_token" value="csrf-tok-officer"`, "Anytown Hospitals NHS Trust",
			`aria-current="page">Home</a>`)
		wantNoBody(t, w, `href="/admin/users"`)
	})
	t.Run("RotaCoordinator", func(t *testing.T) {
		w := e.get("/", "tok-rota")
		wantStatus(t, w, http.StatusOK)
		wantNoBody(t, w, "Register referral", `href="/referrals/new"`, `href="/waiting-list"`, `name="q"`)
		wantBody(t, w, "Rita Rota", "Sign out")
	})
	t.Run("Administrator", func(t *testing.T) {
		w := e.get("/", "tok-admin")
		wantBody(t, w, `href="/admin/users"`, `action="/audit"`)
		wantNoBody(t, w, "Register referral")
	})
}

// TestForbiddenPages: pages that exist only to take an action are refused
// to roles that may not take it, before anything is filled in.
func TestForbiddenPages(t *testing.T) {
	e := newTestEnv(t)
	for _, tc := range []struct{ token, path string }{
		{"tok-rota", "/referrals/new"},
		{"tok-admin", "/referrals/new"},
		{"tok-clinician", "/pathways/7/book"},
		{"tok-rota", "/appointments/300/outcome"},
		{"tok-officer", "/admin/users"},
	} {
		w := e.get(tc.path, tc.token)
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "does not allow this") {
			t.Errorf("%s as %s: status = %d, want 403", tc.path, tc.token, w.Code)
		}
	}
}

func TestNotFound(t *testing.T) {
	e := newTestEnv(t)
	w := e.get("/no/such/page", "tok-officer")
	wantStatus(t, w, http.StatusNotFound)
	wantBody(t, w, "Page not found", "nhsuk-header", "Bob Booker")
}

func TestSecurityHeaders(t *testing.T) {
	e := newTestEnv(t)
	for _, path := range []string{"/", "/login", "/no/such/page"} {
		w := e.get(path, "tok-officer")
		h := w.Header()
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") ||
			!strings.Contains(csp, "style-src 'self'") || !strings.Contains(csp, "img-src 'self'") {
			t.Errorf("%s: CSP = %q", path, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", path, k, h.Get(k), v)
			}
		}
		if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(h.Get("X-Request-Id")) {
			t.Errorf("%s: X-Request-Id = %q", path, h.Get("X-Request-Id"))
		}
	}
	// No inline scripts: every script tag loads a file.
	body := e.get("/", "tok-officer").Body.String()
	for _, tag := range regexp.MustCompile(`<script[^>]*>`).FindAllString(body, -1) {
		if !strings.Contains(tag, `src="/static/js/`) || !strings.Contains(tag, `type="module"`) {
			t.Errorf("script tag %s is not an external module", tag)
		}
	}
}

func TestAccessLog(t *testing.T) {
	e := newTestEnv(t)
	e.patients.FindPatientsFn = func(context.Context, elective.PatientFilter) ([]*elective.Patient, int, error) {
		return nil, 0, nil
	}
	w := e.get("/patients?q=9991234578", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	log := e.logs.String()
	for _, want := range []string{"method=GET", "path=/patients ", "status=200", "user_id=2",
		"request_id=" + w.Header().Get("X-Request-Id"), "duration="} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "9991234578") || strings.Contains(log, "q=") {
		t.Errorf("log contains the query string:\n%s", log)
	}
}

func TestErrors(t *testing.T) {
	t.Run("Internal", func(t *testing.T) {
		e := newTestEnv(t)
		e.waitlist.FindPTLFn = func(context.Context, elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
			return nil, 0, errors.New("pq: relation ptl_rows does not exist")
		}
		w := e.get("/ptl", "tok-officer")
		wantStatus(t, w, http.StatusInternalServerError)
		wantBody(t, w, "Sorry, there is a problem with the service", "Something went wrong on our side")
		wantNoBody(t, w, "ptl_rows")
		log := e.logs.String()
		if strings.Count(log, "ptl_rows") != 1 || !strings.Contains(log, "request_id="+w.Header().Get("X-Request-Id")) {
			t.Errorf("the internal error was not logged once with the request id:\n%s", log)
		}
	})
	t.Run("Panic", func(t *testing.T) {
		e := newTestEnv(t)
		e.waitlist.FindPTLFn = func(context.Context, elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
			panic("boom")
		}
		w := e.get("/ptl", "tok-officer")
		wantStatus(t, w, http.StatusInternalServerError)
		wantBody(t, w, "Sorry, there is a problem with the service")
		if !strings.Contains(e.logs.String(), "boom") || !strings.Contains(e.logs.String(), "status=500") {
			t.Errorf("panic not logged:\n%s", e.logs.String())
		}
	})
	t.Run("Forbidden", func(t *testing.T) {
		e := newTestEnv(t)
		e.audit.FindAuditEventsFn = func(context.Context, elective.AuditFilter) ([]*elective.AuditEvent, error) {
			return nil, elective.Errorf(elective.EFORBIDDEN, "Your role (Booking officer) does not allow this")
		}
		w := e.get("/patients/42/audit", "tok-officer")
		wantStatus(t, w, http.StatusForbidden)
		wantBody(t, w, "You cannot do this", "Your role (Booking officer) does not allow this")
	})
	t.Run("Unauthorized", func(t *testing.T) {
		e := newTestEnv(t)
		e.waitlist.FindPTLFn = func(context.Context, elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
			return nil, 0, elective.Errorf(elective.EUNAUTHORIZED, "This account has been disabled")
		}
		wantRedirect(t, e.get("/ptl", "tok-officer"), "/login?next=%2Fptl")
	})
}

func TestHTTPStatus(t *testing.T) {
	for code, want := range map[string]int{
		elective.EINVALID: 422, elective.ENOTFOUND: 404, elective.EUNAUTHORIZED: 401,
		elective.EFORBIDDEN: 403, elective.ECONFLICT: 409, elective.EINTERNAL: 500,
	} {
		if got := httpStatus(elective.Errorf(code, "x")); got != want {
			t.Errorf("httpStatus(%s) = %d, want %d", code, got, want)
		}
	}
	if got := httpStatus(errors.New("plain")); got != 500 {
		t.Errorf("httpStatus(plain error) = %d, want 500", got)
	}
}

func TestSessionStoreFailing(t *testing.T) {
	e := newTestEnv(t)
	e.users.FindSessionFn = func(context.Context, string) (*elective.Session, error) {
		return nil, errors.New("database is locked")
	}
	w := e.get("/ptl", "tok-officer")
	wantStatus(t, w, http.StatusInternalServerError)
	wantNoBody(t, w, "database is locked")
}
