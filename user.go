package elective

import (
	"context"
	"strings"
	"time"
)

// Role is a staff member's job in the booking office; it decides what they
// may do (see Can).
type Role string

// Roles.
const (
	RoleBookingOfficer       Role = "booking-officer"
	RoleSeniorBookingOfficer Role = "senior-booking-officer"
	RoleBookingManager       Role = "booking-manager"
	RoleClinician            Role = "clinician"
	RoleRotaCoordinator      Role = "rota-coordinator"
	RoleAdministrator        Role = "administrator"
)

// Roles lists every role.
var Roles = []Role{RoleBookingOfficer, RoleSeniorBookingOfficer, RoleBookingManager, RoleClinician, RoleRotaCoordinator, RoleAdministrator}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Label is the role's name for staff.
func (r Role) Label() string {
	switch r {
	case RoleBookingOfficer:
		return "Booking officer"
	case RoleSeniorBookingOfficer:
		return "Senior booking officer"
	case RoleBookingManager:
		return "Booking manager"
	case RoleClinician:
		return "Clinician"
	case RoleRotaCoordinator:
		return "Rota coordinator"
	case RoleAdministrator:
		return "Administrator"
	}
	return string(r)
}

// User is a member of staff who signs in.
type User struct {
	ID        int64
	Username  string
	Name      string
	Role      Role
	Active    bool
	CreatedAt time.Time
}

// SystemUser returns the identity under which command-line jobs (imports,
// the demo hospital) act; it is audited by name and has ID 0.
func SystemUser(name string) *User {
	return &User{Username: "system:" + name, Name: "System (" + name + ")", Role: RoleAdministrator, Active: true}
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// ValidateNewUser checks a new user's details and password.
func ValidateNewUser(u *User, password string) error {
	var probs Problems
	u.Username = strings.ToLower(strings.TrimSpace(u.Username))
	if len(u.Username) < 2 || len(u.Username) > 64 || strings.ContainsAny(u.Username, " :/\\") {
		probs.Add("username", "Enter a username of 2 to 64 characters without spaces, colons or slashes")
	}
	if strings.TrimSpace(u.Name) == "" {
		probs.Add("name", "Enter the person's name")
	}
	if !u.Role.Valid() {
		probs.Add("role", "Select a role")
	}
	if len(password) < MinPasswordLength {
		probs.Add("password", "Use a password of at least %d characters", MinPasswordLength)
	}
	return probs.Err("The user was not created")
}

// Session is a signed-in browser session. The token is the cookie value;
// the CSRF token must accompany every form post.
type Session struct {
	Token     string
	CSRFToken string
	User      *User
	CreatedAt time.Time
	ExpiresAt time.Time
}

// UserService manages staff users and their sign-in sessions.
type UserService interface {
	// CreateUser saves a user with an argon2id hash of the password.
	// Returns EINVALID for bad details, ECONFLICT if the username is taken,
	// EFORBIDDEN unless the acting user may manage users.
	CreateUser(ctx context.Context, u *User, password string) error

	// FindUsers returns every user, by username.
	FindUsers(ctx context.Context) ([]*User, error)

	// Authenticate checks a username and password. Returns EUNAUTHORIZED,
	// with the same message whichever part was wrong.
	Authenticate(ctx context.Context, username, password string) (*User, error)

	// CreateSession starts a session for the user.
	CreateSession(ctx context.Context, userID int64) (*Session, error)

	// FindSession returns the live session for a token and extends its
	// idle timeout. Returns EUNAUTHORIZED if it is unknown or expired.
	FindSession(ctx context.Context, token string) (*Session, error)

	// DeleteSession ends a session (sign out).
	DeleteSession(ctx context.Context, token string) error
}
