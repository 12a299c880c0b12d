package web

import (
	"crypto/subtle"
	"encoding/base64"
	"net/http"
)

// Cookie names.
const (
	// sessionCookie holds the session token (UserService.FindSession).
	sessionCookie = "elective_session"
	// loginCSRFCookie is the double-submit token of the sign-in form, which
	// is posted before there is a session to hold a CSRF token.
	loginCSRFCookie = "elective_login_csrf"
	// flashCookie carries a one-time message across a POST-redirect-GET.
	flashCookie = "elective_flash"
)

// setCookie sets an HttpOnly cookie that lasts for the browser session.
func (s *Server) setCookie(w http.ResponseWriter, name, value, path string, sameSite http.SameSite) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: value, Path: path,
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: sameSite,
	})
}

// clearCookie tells the browser to delete a cookie set with path "/".
func (s *Server) clearCookie(w http.ResponseWriter, name string) {
	s.clearCookiePath(w, name, "/")
}

func (s *Server) clearCookiePath(w http.ResponseWriter, name, path string) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: "", Path: path, MaxAge: -1,
		HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
}

// redirectWithFlash redirects (303 See Other, the POST-redirect-GET answer)
// and leaves a message for the next page to show. Flash messages never
// carry patient-identifying data.
func (s *Server) redirectWithFlash(w http.ResponseWriter, r *http.Request, to, message string) error {
	s.setCookie(w, flashCookie, base64.RawURLEncoding.EncodeToString([]byte(message)), "/", http.SameSiteLaxMode)
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// takeFlash returns the pending flash message, if any, and clears it.
func (s *Server) takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(flashCookie)
	if err != nil {
		return ""
	}
	s.clearCookie(w, flashCookie)
	msg, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || len(msg) > 200 {
		return ""
	}
	return string(msg)
}

// tokensEqual compares a submitted token with the expected one in constant
// time. An empty expected token never matches.
func tokensEqual(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
