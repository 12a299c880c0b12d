package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/openelective/elective"
)

// handlerFunc is a handler that returns its error instead of writing it;
// serveError shows it. Handlers are short scripts: parse, call a service,
// render or redirect.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc to http.Handler.
func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.serveError(w, r, err)
		}
	})
}

// httpStatus is the one mapping from elective error codes to HTTP statuses.
func httpStatus(err error) int {
	switch elective.ErrorCode(err) {
	case "":
		return http.StatusOK
	case elective.EINVALID:
		return http.StatusUnprocessableEntity
	case elective.ENOTFOUND:
		return http.StatusNotFound
	case elective.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case elective.EFORBIDDEN:
		return http.StatusForbidden
	case elective.ECONFLICT:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// errorHeadings are the page headings for the statuses staff can meet.
var errorHeadings = map[int]string{
	http.StatusNotFound:            "Page not found",
	http.StatusForbidden:           "You cannot do this",
	http.StatusConflict:            "This could not be done",
	http.StatusUnprocessableEntity: "There is a problem",
	http.StatusInternalServerError: "Sorry, there is a problem with the service",
}

// serveError shows an error a handler returned. Unauthenticated requests go
// to the sign-in page; internal errors are logged once, with the request
// id, and shown only as a generic message.
func (s *Server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	status := httpStatus(err)
	switch {
	case status == http.StatusUnauthorized:
		redirectToLogin(w, r)
		return
	case status == http.StatusInternalServerError && errors.Is(err, context.Canceled):
		return // the browser went away; nothing to show or fix
	case status == http.StatusInternalServerError:
		s.logger.Error("request failed", "request_id", elective.RequestIDFromContext(r.Context()),
			"method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.renderError(w, r, status, errorHeadings[status], elective.ErrorMessage(err))
}

// renderError renders the error page, falling back to plain text if the
// error page itself cannot be rendered.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int, heading, message string) {
	p := &ErrorPage{Status: status, Heading: heading, Message: message}
	p.Title = heading
	if err := s.render(w, r, status, p); err != nil {
		s.logger.Error("render error page", "request_id", elective.RequestIDFromContext(r.Context()), "err", err)
		http.Error(w, heading, status)
	}
}

// serveCSRFFailure answers a form post whose CSRF token is missing or wrong.
func (s *Server) serveCSRFFailure(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, http.StatusForbidden, "Your form could not be sent",
		"The form had expired or did not come from this service, so nothing was saved. "+
			"Go back, reload the page and try again.")
}

// serveCrossOriginDenied answers an unsafe request from another site.
func (s *Server) serveCrossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.renderError(w, r, http.StatusForbidden, "Your form could not be sent",
		"The request came from another website, so nothing was saved. "+
			"Open Elective directly and try again.")
}

// handleNotFound renders the 404 page for unknown routes.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) error {
	return elective.Errorf(elective.ENOTFOUND,
		"If you typed the web address, check it is correct. If you pasted it, check you copied all of it.")
}

// authorize refuses a page that exists only to take an action the user's
// role does not allow, before they fill it in. The services check again.
func authorize(r *http.Request, a elective.Action) error {
	return elective.Authorize(elective.UserFromContext(r.Context()), a)
}

// redirectToLogin sends the browser to the sign-in page, which returns it
// to the page it asked for (GET only: a form post cannot be replayed).
func redirectToLogin(w http.ResponseWriter, r *http.Request) {
	next := "/"
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		next = r.URL.RequestURI()
	}
	http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
}

// safeNext returns next if it is a path on this site, otherwise "/": an
// attacker must not be able to use the sign-in page to redirect elsewhere.
func safeNext(next string) string {
	switch {
	case next == "", next[0] != '/', len(next) > 1 && (next[1] == '/' || next[1] == '\\'):
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return next
}
