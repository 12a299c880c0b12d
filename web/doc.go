// Package web is Elective's staff user interface: server-rendered HTML pages
// in the NHS design system for the booking office (find a patient, register
// a referral, work the waiting list and the PTL, book appointments and
// record outcomes).
//
// The package is an adapter over the elective service interfaces; it holds
// no state of its own beyond parsed templates and hashed static files. It
// imports only the standard library, the root package and rtt (for the
// clock shown on a patient's record).
//
// Shape (house-style §14):
//   - routes.go is the one routing table; server.go builds the middleware
//     chain around it.
//   - Handlers return error. One function, serveError, maps elective error
//     codes to HTTP statuses, logs internal errors once with the request id
//     and shows staff only a generic message.
//   - Every page is a typed struct embedding Page, rendered by the template
//     of the same name under templates/<aggregate>/<action>.html inside
//     templates/layout.html. NewServer fails if a page lacks its template
//     or a template lacks its page.
//   - Static files are embedded and served under content-hashed names with
//     a one-year immutable cache lifetime, and under their plain names with
//     revalidation (ES module imports and CSS icon URLs use plain names).
//
// Security: sessions are an HttpOnly cookie resolved by UserService; every
// POST carries the session's CSRF token (the login form uses a
// double-submit cookie), and http.CrossOriginProtection rejects
// cross-origin unsafe requests. The access log never records query strings
// or form values, which may hold NHS numbers.
package web
