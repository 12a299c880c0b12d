package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"

	"github.com/openelective/elective"
)

type ctxKey int

const (
	sessionKey ctxKey = iota + 1
	logInfoKey
)

// logInfo carries what inner middleware learns (the signed-in user) out to
// the access log.
type logInfo struct {
	userID int64
}

// requestID gives every request a random 16-hex-digit id, returned in the
// X-Request-Id header and shared by logs and audit events.
func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := randomHex(8)
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(elective.NewContextWithRequestID(r.Context(), id)))
	})
}

// randomHex returns n random bytes as hex. crypto/rand.Read never fails.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the first status written.
func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200.
func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// accessLog logs one line per request: method, path, status, duration,
// request id and user id. It never logs the query string or form values:
// a search term may be an NHS number.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.cfg.Now()
		info := &logInfo{}
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), logInfoKey, info)))
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Duration("duration", s.cfg.Now().Sub(start)),
			slog.String("request_id", elective.RequestIDFromContext(r.Context())),
			slog.Int64("user_id", info.userID),
		)
	})
}

// recoverPanics turns a panic into a logged 500 page.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.logger.Error("panic", "request_id", elective.RequestIDFromContext(r.Context()),
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			s.renderError(w, r, http.StatusInternalServerError, "Sorry, there is a problem with the service",
				"Something went wrong on our side. The problem has been logged.")
		}()
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows scripts, styles, images and fonts from our
// own origin only: no inline scripts or styles, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

// loadSession resolves the session cookie, if any, and puts the session and
// its user in the request context. Whether a page needs a user is decided
// per route by requireUser.
func (s *Server) loadSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || c.Value == "" {
			next.ServeHTTP(w, r)
			return
		}
		sess, err := s.svc.Users.FindSession(r.Context(), c.Value)
		switch {
		case err == nil && sess.User != nil:
			if info, ok := r.Context().Value(logInfoKey).(*logInfo); ok {
				info.userID = sess.User.ID
			}
			ctx := context.WithValue(r.Context(), sessionKey, sess)
			r = r.WithContext(elective.NewContextWithUser(ctx, sess.User))
		case err == nil || elective.ErrorCode(err) == elective.EUNAUTHORIZED:
			s.clearCookie(w, sessionCookie)
		default: // the store is failing: say so rather than ask to sign in again
			s.serveError(w, r, fmt.Errorf("find session: %w", err))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// sessionFrom returns the request's session, or nil.
func sessionFrom(ctx context.Context) *elective.Session {
	sess, _ := ctx.Value(sessionKey).(*elective.Session)
	return sess
}

// requireUser sends a request without a signed-in user to the sign-in page,
// which returns the user here afterwards.
func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if elective.UserFromContext(r.Context()) == nil {
			redirectToLogin(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// maxFormBytes bounds a form body; the largest form (a referral) is a few
// kilobytes.
const maxFormBytes = 1 << 20

// checkCSRF rejects a POST whose csrf_token field is not the session's CSRF
// token. The comparison takes constant time.
func (s *Server) checkCSRF(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
		sess := sessionFrom(r.Context())
		if sess == nil || !tokensEqual(r.PostFormValue("csrf_token"), sess.CSRFToken) {
			s.serveCSRFFailure(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}
