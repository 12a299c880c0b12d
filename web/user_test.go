package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/openelective/elective"
)

func TestUsers(t *testing.T) {
	e := newTestEnv(t)
	e.users.FindUsersFn = func(context.Context) ([]*elective.User, error) { return fixtureUsers(), nil }
	t.Run("Index", func(t *testing.T) {
		w := e.get("/admin/users", "tok-admin")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, "Ada Admin", "Booking officer", `name="username"`, `<option value="rota-coordinator">Rota coordinator</option>`)
		wantStatus(t, e.get("/admin/users", "tok-officer"), http.StatusForbidden)
	})
	t.Run("Create", func(t *testing.T) {
		var got *elective.User
		e.users.CreateUserFn = func(_ context.Context, u *elective.User, password string) error {
			got = u
			return elective.ValidateNewUser(u, password)
		}
		w := e.post("/admin/users", "tok-admin", url.Values{"username": {"Carol"}, "name": {"Carol Clinic"},
			"role": {"clinician"}, "password": {"long enough password"}})
		wantRedirect(t, w, "/admin/users")
		if got.Username != "carol" || got.Role != elective.RoleClinician || !got.Active {
			t.Errorf("user = %+v", got)
		}
		w = e.post("/admin/users", "tok-admin", url.Values{"username": {"x"}, "name": {"X"}, "password": {"short"}})
		wantStatus(t, w, http.StatusUnprocessableEntity)
		wantBody(t, w, `href="#username"`, `href="#role"`, `href="#password"`, `value="x"`)
		wantNoBody(t, w, `value="short"`)
		e.users.CreateUserFn = func(context.Context, *elective.User, string) error {
			return &elective.Error{Code: elective.ECONFLICT, Message: "The user was not created",
				Fields: []elective.FieldError{{Field: "username", Message: "The username carol is taken"}}}
		}
		w = e.post("/admin/users", "tok-admin", url.Values{"username": {"carol"}})
		wantStatus(t, w, http.StatusConflict)
		wantBody(t, w, "The username carol is taken", `id="username-error"`)
	})
}
