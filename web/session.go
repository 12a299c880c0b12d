package web

import (
	"net/http"

	"github.com/openelective/elective"
)

// loginFailed is the one message for a wrong username or password: it
// never says which part was wrong.
const loginFailed = "Username or password is incorrect"

// handleLoginNew shows the sign-in form with a fresh double-submit token.
func (s *Server) handleLoginNew(w http.ResponseWriter, r *http.Request) error {
	return s.renderLogin(w, r, http.StatusOK, &LoginPage{Next: safeNext(r.URL.Query().Get("next"))})
}

// handleLoginCreate signs a user in: check the form's token against its
// cookie, authenticate, start a session, set the cookie and go on to next.
func (s *Server) handleLoginCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	c, err := r.Cookie(loginCSRFCookie)
	if err != nil || !tokensEqual(r.PostFormValue("csrf_token"), c.Value) {
		s.serveCSRFFailure(w, r)
		return nil
	}
	p := &LoginPage{Next: safeNext(r.PostFormValue("next")), Username: r.PostFormValue("username")}
	user, err := s.svc.Users.Authenticate(r.Context(), p.Username, r.PostFormValue("password"))
	if elective.ErrorCode(err) == elective.EUNAUTHORIZED {
		p.Error = loginFailed
		return s.renderLogin(w, r, http.StatusUnauthorized, p)
	} else if err != nil {
		return err
	}
	sess, err := s.svc.Users.CreateSession(r.Context(), user.ID)
	if err != nil {
		return err
	}
	s.setCookie(w, sessionCookie, sess.Token, "/", http.SameSiteLaxMode)
	s.clearCookiePath(w, loginCSRFCookie, "/login")
	http.Redirect(w, r, p.Next, http.StatusSeeOther)
	return nil
}

// renderLogin renders the sign-in form with a new token in the form and in
// a SameSite=Strict cookie scoped to /login.
func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, p *LoginPage) error {
	p.Title = "Sign in"
	p.LoginToken = randomHex(16)
	s.setCookie(w, loginCSRFCookie, p.LoginToken, "/login", http.SameSiteStrictMode)
	return s.render(w, r, status, p)
}

// handleLogout ends the session and clears its cookie.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) error {
	if sess := sessionFrom(r.Context()); sess != nil {
		if err := s.svc.Users.DeleteSession(r.Context(), sess.Token); err != nil {
			return err
		}
	}
	s.clearCookie(w, sessionCookie)
	return s.redirectWithFlash(w, r, "/login", "You have signed out")
}
