package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// PolicyVersion is one version of the trust's policy profile.
type PolicyVersion struct {
	Version   int
	Name      string
	Settings  map[string]string
	Reason    string
	CreatedBy string
	CreatedAt time.Time
}

// loadPolicy puts the newest stored policy version in force, over the
// national defaults; with none stored the defaults stand (version 1).
func (db *DB) loadPolicy(ctx context.Context) error {
	v, err := db.currentPolicy(ctx)
	if err != nil || v == nil {
		return err
	}
	pol := rtt.DefaultPolicy()
	for k, val := range v.Settings {
		if err := pol.Set(k, val); err != nil {
			return err
		}
	}
	if err := pol.Validate(); err != nil {
		return err
	}
	pol.Name, pol.Version = v.Name, v.Version
	db.Policy = pol
	return nil
}

func (db *DB) currentPolicy(ctx context.Context) (*PolicyVersion, error) {
	v := &PolicyVersion{}
	var settings string
	err := db.db.QueryRowContext(ctx, `SELECT version, name, settings, reason, created_by, created_at FROM policy_profile
		ORDER BY version DESC LIMIT 1`).Scan(&v.Version, &v.Name, &settings, &v.Reason, &v.CreatedBy, timeCol{&v.CreatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	v.Settings = parseSettings(settings)
	return v, err
}

// Policies returns every stored version, newest first.
func (db *DB) Policies(ctx context.Context) ([]*PolicyVersion, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT version, name, settings, reason, created_by, created_at FROM policy_profile ORDER BY version DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*PolicyVersion
	for rows.Next() {
		v := &PolicyVersion{}
		var settings string
		if err := rows.Scan(&v.Version, &v.Name, &settings, &v.Reason, &v.CreatedBy, timeCol{&v.CreatedAt}); err != nil {
			return nil, err
		}
		v.Settings = parseSettings(settings)
		out = append(out, v)
	}
	return out, rows.Err()
}

// SetPolicy stores a new version of the policy with the changed settings
// and puts it in force. Returns EINVALID for an unknown key or a value the
// rules cannot work with, EFORBIDDEN unless the user administers the
// system. Clocks already derived change only when the PTL is rebuilt.
func (db *DB) SetPolicy(ctx context.Context, changes map[string]string, reason string) (*PolicyVersion, error) {
	if err := authorize(ctx, elective.ActionManageUsers); err != nil {
		return nil, err
	}
	pol := db.Policy
	for _, k := range sortedKeys(changes) {
		if err := pol.Set(k, changes[k]); err != nil {
			return nil, elective.Errorf(elective.EINVALID, "%s", err.Error())
		}
	}
	if err := pol.Validate(); err != nil {
		return nil, elective.Errorf(elective.EINVALID, "%s", err.Error())
	}
	if strings.TrimSpace(reason) == "" {
		return nil, elective.Errorf(elective.EINVALID, "Say why the policy changes: the reason is kept with the version")
	}
	v := &PolicyVersion{Version: db.Policy.Version + 1, Name: db.Policy.Name, Settings: pol.Settings(), Reason: reason,
		CreatedBy: elective.UserFromContext(ctx).Username}
	err := db.update(ctx, func(tx *Tx) error {
		v.CreatedAt = tx.now
		if _, err := tx.exec(`INSERT INTO policy_profile (version, name, settings, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			v.Version, v.Name, formatSettings(v.Settings), v.Reason, v.CreatedBy, v.CreatedAt); err != nil {
			return err
		}
		return tx.audit("policy.set", 0, "version="+itoa(v.Version))
	})
	if err != nil {
		return nil, err
	}
	pol.Version = v.Version
	db.Policy = pol
	return v, nil
}

func formatSettings(s map[string]string) string {
	var b strings.Builder
	for _, k := range sortedKeys(s) {
		b.WriteString(k + "=" + s[k] + "\n")
	}
	return b.String()
}

func parseSettings(text string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[k] = v
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
