package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

var csrfField = regexp.MustCompile(`name="csrf_token" value="([0-9a-f]+)"`)

// loginForm fetches the sign-in page and returns its token and cookie.
func loginForm(t *testing.T, e *testEnv, next string) (string, *http.Cookie) {
	t.Helper()
	w := e.get("/login?next="+url.QueryEscape(next), "")
	wantStatus(t, w, http.StatusOK)
	m := csrfField.FindStringSubmatch(w.Body.String())
	c := cookie(w, loginCSRFCookie)
	if m == nil || c == nil || c.Value != m[1] {
		t.Fatalf("sign-in form token %v does not match its cookie %v", m, c)
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode {
		t.Errorf("login CSRF cookie = %+v, want HttpOnly and SameSite=Strict", c)
	}
	return m[1], c
}

func postLogin(e *testEnv, form url.Values, c *http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if c != nil {
		r.AddCookie(c)
	}
	return e.do(r)
}

func TestLogin(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		e := newTestEnv(t)
		e.users.AuthenticateFn = func(_ context.Context, username, password string) (*elective.User, error) {
			if username != "bob" || password != "correct horse battery" {
				t.Errorf("Authenticate(%q, %q)", username, password)
			}
			return testUsers["tok-officer"], nil
		}
		e.users.CreateSessionFn = func(_ context.Context, userID int64) (*elective.Session, error) {
			return &elective.Session{Token: "new-token", CSRFToken: "x", User: testUsers["tok-officer"]}, nil
		}
		token, c := loginForm(t, e, "/ptl?specialty=1")
		w := postLogin(e, url.Values{"csrf_token": {token}, "username": {"bob"},
			"password": {"correct horse battery"}, "next": {"/ptl?specialty=1"}}, c)
		wantRedirect(t, w, "/ptl?specialty=1")
		sc := cookie(w, sessionCookie)
		if sc == nil || sc.Value != "new-token" || !sc.HttpOnly || sc.SameSite != http.SameSiteLaxMode || sc.Path != "/" {
			t.Errorf("session cookie = %+v", sc)
		}
	})
	t.Run("ErrWrongPassword", func(t *testing.T) {
		e := newTestEnv(t)
		e.users.AuthenticateFn = func(context.Context, string, string) (*elective.User, error) {
			return nil, elective.Errorf(elective.EUNAUTHORIZED, "The username or password is wrong")
		}
		token, c := loginForm(t, e, "/")
		w := postLogin(e, url.Values{"csrf_token": {token}, "username": {"bob"}, "password": {"nope"}}, c)
		wantStatus(t, w, http.StatusUnauthorized)
		wantBody(t, w, "Username or password is incorrect", `value="bob"`, `href="#username"`)
		if cookie(w, sessionCookie) != nil {
			t.Error("a failed sign-in set a session cookie")
		}
	})
	t.Run("ErrCSRF", func(t *testing.T) {
		e := newTestEnv(t)
		token, c := loginForm(t, e, "/")
		for name, tc := range map[string]struct {
			form   url.Values
			cookie *http.Cookie
		}{
			"no cookie":   {url.Values{"csrf_token": {token}}, nil},
			"no field":    {url.Values{}, c},
			"wrong field": {url.Values{"csrf_token": {"0000"}}, c},
		} {
			tc.form.Set("username", "bob")
			w := postLogin(e, tc.form, tc.cookie)
			if w.Code != http.StatusForbidden {
				t.Errorf("%s: status = %d, want 403", name, w.Code)
			}
		}
	})
	t.Run("UnsafeNext", func(t *testing.T) {
		e := newTestEnv(t)
		e.users.AuthenticateFn = func(context.Context, string, string) (*elective.User, error) { return testUsers["tok-officer"], nil }
		e.users.CreateSessionFn = func(context.Context, int64) (*elective.Session, error) {
			return &elective.Session{Token: "t"}, nil
		}
		token, c := loginForm(t, e, "/")
		w := postLogin(e, url.Values{"csrf_token": {token}, "next": {"//evil.example/"}}, c)
		wantRedirect(t, w, "/")
	})
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"": "/", "/": "/", "/ptl?page=2": "/ptl?page=2", "//evil.example": "/", `/\evil.example`: "/",
		"https://evil.example/": "/", "ptl": "/", "/patients/1": "/patients/1",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnauthenticated(t *testing.T) {
	e := newTestEnv(t)
	t.Run("NoCookie", func(t *testing.T) {
		wantRedirect(t, e.get("/ptl?specialty=1", ""), "/login?next=%2Fptl%3Fspecialty%3D1")
	})
	t.Run("UnknownSession", func(t *testing.T) {
		w := e.get("/patients/42", "expired")
		wantRedirect(t, w, "/login?next=%2Fpatients%2F42")
		if c := cookie(w, sessionCookie); c == nil || c.MaxAge >= 0 {
			t.Errorf("the stale session cookie was not cleared: %+v", c)
		}
	})
	t.Run("Post", func(t *testing.T) {
		wantRedirect(t, e.post("/referrals", "", url.Values{}), "/login?next=%2F")
	})
	t.Run("UnknownRoute", func(t *testing.T) {
		wantRedirect(t, e.get("/no/such/page", ""), "/login?next=%2Fno%2Fsuch%2Fpage")
	})
}

func TestCSRF(t *testing.T) {
	e := newTestEnv(t)
	e.refs.RegisterReferralFn = func(context.Context, *elective.ReferralRegistration) (*elective.Referral, error) {
		t.Fatal("RegisterReferral called despite a bad CSRF token")
		return nil, nil
	}
	for name, form := range map[string]url.Values{
		"missing": {"csrf_token": nil},
		"wrong":   {"csrf_token": {"csrf-tok-admin"}},
		"empty":   {"csrf_token": {""}},
	} {
		w := e.post("/referrals", "tok-officer", form)
		if w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "Your form could not be sent") {
			t.Errorf("%s token: status = %d, want 403 with an explanation", name, w.Code)
		}
	}
}

func TestCrossOriginPost(t *testing.T) {
	e := newTestEnv(t)
	r := httptest.NewRequest(http.MethodPost, "/logout", strings.NewReader("csrf_token=csrf-tok-officer"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "cross-site")
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: "tok-officer"})
	wantStatus(t, e.do(r), http.StatusForbidden)
}

func TestLogout(t *testing.T) {
	e := newTestEnv(t)
	var deleted string
	e.users.DeleteSessionFn = func(_ context.Context, token string) error { deleted = token; return nil }
	w := e.post("/logout", "tok-officer", nil)
	wantRedirect(t, w, "/login")
	if deleted != "tok-officer" {
		t.Errorf("DeleteSession(%q), want tok-officer", deleted)
	}
	if c := cookie(w, sessionCookie); c == nil || c.MaxAge >= 0 {
		t.Errorf("session cookie not cleared: %+v", c)
	}
}

func TestSecureCookies(t *testing.T) {
	e := newTestEnv(t)
	cfg := e.server.cfg
	cfg.SecureCookies = true
	srv, err := NewServer(cfg, e.server.svc)
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	srv.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/login", nil))
	if c := cookie(w, loginCSRFCookie); c == nil || !c.Secure || c.Path != "/login" {
		t.Errorf("login CSRF cookie = %+v, want Secure with path /login", c)
	}
}

func TestNewServerMissingService(t *testing.T) {
	e := newTestEnv(t)
	svc := e.server.svc
	svc.Bookings = nil
	if _, err := NewServer(e.server.cfg, svc); err == nil || !strings.Contains(err.Error(), "Bookings") {
		t.Errorf("NewServer without Bookings: err = %v", err)
	}
}
