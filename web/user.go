package web

import (
	"net/http"
	"strings"

	"github.com/openelective/elective"
)

// UserForm is the new-user form. The password is never sent back.
type UserForm struct {
	Username string
	Name     string
	Role     elective.Role
}

// handleUserIndex lists staff users with a form to add one.
func (s *Server) handleUserIndex(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionManageUsers); err != nil {
		return err
	}
	return s.renderUsers(w, r, http.StatusOK, UserForm{}, FormErrors{})
}

// handleUserCreate creates a user. A taken username is shown at the
// username field.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionManageUsers); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := UserForm{
		Username: strings.TrimSpace(r.PostFormValue("username")),
		Name:     strings.TrimSpace(r.PostFormValue("name")),
		Role:     elective.Role(r.PostFormValue("role")),
	}
	u := &elective.User{Username: form.Username, Name: form.Name, Role: form.Role, Active: true}
	err := s.svc.Users.CreateUser(r.Context(), u, r.PostFormValue("password"))
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, "/admin/users", "User "+u.Username+" created")
	case elective.EINVALID:
		return s.renderUsers(w, r, http.StatusUnprocessableEntity, form, newFormErrors(err, nil))
	case elective.ECONFLICT: // the username is taken
		errs := newFormErrors(err, nil)
		if len(errs.Items) == 0 {
			errs.Items = []FieldProblem{{Field: "username", Anchor: "username", Message: errs.Summary}}
		}
		return s.renderUsers(w, r, http.StatusConflict, form, errs)
	}
	return err
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, form UserForm, errs FormErrors) error {
	users, err := s.svc.Users.FindUsers(r.Context())
	if err != nil {
		return err
	}
	p := &UserIndexPage{Users: users, Form: form, Errors: errs}
	p.Title, p.Nav = "Users", NavUsers
	return s.render(w, r, status, p)
}
