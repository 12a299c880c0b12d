package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/openelective/elective/rtt"
)

// policy shows or changes the trust's local policy profile (rules.md
// section 5). A change is a new version with its reason, and the PTL is
// rebuilt at once so that every clock follows it.
func (m *Main) policy(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "set" {
		return m.policySet(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "show" {
		args = args[1:]
	}
	fs := m.flags("policy show", "policy show [--db PATH_OR_URL]\n       elective policy set [--db PATH_OR_URL] --reason WHY KEY=VALUE...")
	dsn := m.dbFlag(fs)
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(m.Stdout, "Policy %q, version %d:\n", db.Policy.Name, db.Policy.Version)
	settings := db.Policy.Settings()
	for _, k := range rtt.SettingKeys() {
		fmt.Fprintf(m.Stdout, "  %s = %s\n", k, settings[k])
	}
	history, err := db.Policies(ctx)
	for _, v := range history {
		fmt.Fprintf(m.Stdout, "version %d by %s on %s: %s\n", v.Version, v.CreatedBy, v.CreatedAt.In(london()).Format("2 Jan 2006 15:04"), v.Reason)
	}
	return err
}

func (m *Main) policySet(ctx context.Context, args []string) error {
	fs := m.flags("policy set", "policy set [--db PATH_OR_URL] --reason WHY KEY=VALUE...")
	dsn := m.dbFlag(fs)
	reason := fs.String("reason", "", "why the policy changes (kept with the version)")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	changes := map[string]string{}
	for _, a := range fs.Args() {
		k, v, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("%w: %q is not KEY=VALUE", errUsage, a)
		}
		changes[k] = v
	}
	if len(changes) == 0 {
		return fmt.Errorf("%w: give at least one KEY=VALUE", errUsage)
	}
	sys := systemContext(ctx, "policy")
	v, err := db.SetPolicy(sys, changes, *reason)
	if err != nil {
		return describe(err)
	}
	rep, err := db.Rebuild(sys)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Policy version %d is in force; the PTL was rebuilt: %d rows changed. Restart running servers to use it.\n",
		v.Version, rep.Changed)
	return nil
}
