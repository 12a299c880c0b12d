package mock

import (
	"context"

	"github.com/openelective/elective"
)

var _ elective.UserService = (*UserService)(nil)

// UserService is a mock of elective.UserService.
type UserService struct {
	CreateUserFn    func(ctx context.Context, u *elective.User, password string) error
	FindUsersFn     func(ctx context.Context) ([]*elective.User, error)
	AuthenticateFn  func(ctx context.Context, username, password string) (*elective.User, error)
	CreateSessionFn func(ctx context.Context, userID int64) (*elective.Session, error)
	FindSessionFn   func(ctx context.Context, token string) (*elective.Session, error)
	DeleteSessionFn func(ctx context.Context, token string) error
}

// CreateUser calls CreateUserFn.
func (s *UserService) CreateUser(ctx context.Context, u *elective.User, password string) error {
	return s.CreateUserFn(ctx, u, password)
}

// FindUsers calls FindUsersFn.
func (s *UserService) FindUsers(ctx context.Context) ([]*elective.User, error) {
	return s.FindUsersFn(ctx)
}

// Authenticate calls AuthenticateFn.
func (s *UserService) Authenticate(ctx context.Context, username, password string) (*elective.User, error) {
	return s.AuthenticateFn(ctx, username, password)
}

// CreateSession calls CreateSessionFn.
func (s *UserService) CreateSession(ctx context.Context, userID int64) (*elective.Session, error) {
	return s.CreateSessionFn(ctx, userID)
}

// FindSession calls FindSessionFn.
func (s *UserService) FindSession(ctx context.Context, token string) (*elective.Session, error) {
	return s.FindSessionFn(ctx, token)
}

// DeleteSession calls DeleteSessionFn.
func (s *UserService) DeleteSession(ctx context.Context, token string) error {
	return s.DeleteSessionFn(ctx, token)
}
