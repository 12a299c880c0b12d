package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"time"

	"github.com/openelective/elective"
)

// Session lifetimes: a session ends after an hour without use or twelve
// hours after sign-in, whichever comes first.
const (
	sessionIdle     = time.Hour
	sessionAbsolute = 12 * time.Hour
)

// UserService manages users and sign-in sessions.
type UserService struct{ db *DB }

// NewUserService returns the service.
func NewUserService(db *DB) *UserService { return &UserService{db} }

var _ elective.UserService = (*UserService)(nil)

// CreateUser saves a user with an argon2id password hash.
func (s *UserService) CreateUser(ctx context.Context, u *elective.User, password string) error {
	if err := authorize(ctx, elective.ActionManageUsers); err != nil {
		return err
	}
	if err := elective.ValidateNewUser(u, password); err != nil {
		return err
	}
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		u.Active, u.CreatedAt = true, tx.now
		u.ID, err = tx.insert(`INSERT INTO app_user (org_id, username, name, role, password_hash, active, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, orgID, u.Username, u.Name, u.Role, hash, u.Active, u.CreatedAt)
		if isUniqueViolation(err) {
			return &elective.Error{Code: elective.ECONFLICT, Message: "The user was not created",
				Fields: []elective.FieldError{{Field: "username", Message: "The username " + u.Username + " is taken"}}}
		}
		return err
	})
}

const userColumns = `id, username, name, role, active, created_at`

func scanUser(row scanner) (*elective.User, error) {
	u := &elective.User{}
	err := row.Scan(&u.ID, &u.Username, &u.Name, &u.Role, &u.Active, timeCol{&u.CreatedAt})
	return u, err
}

// FindUsers returns every user by username.
func (s *UserService) FindUsers(ctx context.Context) ([]*elective.User, error) {
	if err := authorize(ctx, elective.ActionManageUsers); err != nil {
		return nil, err
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT `+userColumns+` FROM app_user ORDER BY username`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

var errSignIn = elective.Errorf(elective.EUNAUTHORIZED, "Username or password is incorrect")

// Authenticate checks a username and password. An unknown username costs
// the same hashing work as a wrong password, so timing does not reveal
// which usernames exist.
func (s *UserService) Authenticate(ctx context.Context, username, password string) (*elective.User, error) {
	var hash string
	u := &elective.User{}
	err := s.db.db.QueryRowContext(ctx, s.db.rebind(`SELECT `+userColumns+`, password_hash FROM app_user WHERE username = ?`),
		username).Scan(&u.ID, &u.Username, &u.Name, &u.Role, &u.Active, timeCol{&u.CreatedAt}, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		checkPassword(dummyHash, password)
		return nil, errSignIn
	} else if err != nil {
		return nil, err
	}
	if !checkPassword(hash, password) || !u.Active {
		return nil, errSignIn
	}
	return u, nil
}

// dummyHash is hashed against when the username is unknown.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$2k6Y+8Qk3WqDqP2J1mJm1l4QyT8wqG8cP9n5Yxq2v1Q"

func tokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// CreateSession starts a session for a user.
func (s *UserService) CreateSession(ctx context.Context, userID int64) (*elective.Session, error) {
	now := s.db.Now().UTC()
	sess := &elective.Session{Token: randomToken(), CSRFToken: randomToken(), CreatedAt: now, ExpiresAt: now.Add(sessionAbsolute)}
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if sess.User, err = scanUser(tx.queryRow(`SELECT `+userColumns+` FROM app_user WHERE id = ?`, userID)); err != nil {
			return err
		}
		_, err = tx.exec(`INSERT INTO user_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
			VALUES (?, ?, ?, ?, ?, ?)`, tokenHash(sess.Token), userID, sess.CSRFToken, now, now, sess.ExpiresAt)
		return err
	})
	return sess, err
}

// FindSession returns the live session for a token, extending its idle
// timeout at most once a minute.
func (s *UserService) FindSession(ctx context.Context, token string) (*elective.Session, error) {
	now := s.db.Now().UTC()
	sess := &elective.Session{Token: token, User: &elective.User{}}
	var lastSeen time.Time
	u := sess.User
	err := s.db.db.QueryRowContext(ctx, s.db.rebind(`SELECT s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
		u.id, u.username, u.name, u.role, u.active, u.created_at
		FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = ?`), tokenHash(token)).Scan(
		&sess.CSRFToken, timeCol{&sess.CreatedAt}, timeCol{&lastSeen}, timeCol{&sess.ExpiresAt},
		&u.ID, &u.Username, &u.Name, &u.Role, &u.Active, timeCol{&u.CreatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, elective.Errorf(elective.EUNAUTHORIZED, "Your session has ended. Sign in again.")
	} else if err != nil {
		return nil, err
	}
	if !u.Active || now.After(sess.ExpiresAt) || now.Sub(lastSeen) > sessionIdle {
		_ = s.DeleteSession(ctx, token)
		return nil, elective.Errorf(elective.EUNAUTHORIZED, "Your session has ended. Sign in again.")
	}
	if now.Sub(lastSeen) > time.Minute {
		_, err = s.db.db.ExecContext(ctx, s.db.rebind(`UPDATE user_session SET last_seen_at = ? WHERE token_hash = ?`),
			convertArgs([]any{now, tokenHash(token)})...)
	}
	return sess, err
}

// DeleteSession ends a session.
func (s *UserService) DeleteSession(ctx context.Context, token string) error {
	_, err := s.db.db.ExecContext(ctx, s.db.rebind(`DELETE FROM user_session WHERE token_hash = ?`), tokenHash(token))
	return err
}
