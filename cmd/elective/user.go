package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

func (m *Main) user(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(m.Stderr, "Usage: elective user add --username U --name NAME --role ROLE [--password-stdin]")
		return fmt.Errorf("%w: expected user add", errUsage)
	}
	var roles []string
	for _, r := range elective.Roles {
		roles = append(roles, string(r))
	}
	fs := m.flags("user add", "user add [--db PATH_OR_URL] --username U --name NAME --role ROLE [--password-stdin]")
	dsn := m.dbFlag(fs)
	username := fs.String("username", "", "sign-in name")
	name := fs.String("name", "", "the person's name as staff see it")
	role := fs.String("role", "", "one of: "+strings.Join(roles, ", "))
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input (otherwise from $ELECTIVE_PASSWORD)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	password, err := m.password(*fromStdin)
	if err != nil {
		return err
	}
	db, err := m.openDB(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.EnsureOrganisation(ctx, "RXX", "Elective Hospitals NHS Trust"); err != nil {
		return err
	}
	u := &elective.User{Username: *username, Name: *name, Role: elective.Role(*role)}
	if err := store.NewUserService(db).CreateUser(systemContext(ctx, "user-add"), u, password); err != nil {
		return describe(err)
	}
	fmt.Fprintf(m.Stdout, "Created user %s (%s).\n", u.Username, u.Role.Label())
	return nil
}

// password reads a new user's password without putting it on the command
// line, where other users of the machine could see it.
func (m *Main) password(fromStdin bool) (string, error) {
	if !fromStdin {
		if p := m.Getenv("ELECTIVE_PASSWORD"); p != "" {
			return p, nil
		}
		return "", fmt.Errorf("%w: give the password on standard input with --password-stdin, or in $ELECTIVE_PASSWORD", errUsage)
	}
	line, err := bufio.NewReader(m.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("read the password from standard input: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// describe turns a validation error into one readable message for a terminal.
func describe(err error) error {
	fields := elective.ErrorFields(err)
	if len(fields) == 0 {
		if code := elective.ErrorCode(err); code != elective.EINTERNAL {
			return fmt.Errorf("%s", elective.ErrorMessage(err))
		}
		return err
	}
	var b strings.Builder
	b.WriteString(elective.ErrorMessage(err))
	for _, f := range fields {
		fmt.Fprintf(&b, "\n  %s: %s", f.Field, f.Message)
	}
	return fmt.Errorf("%s", b.String())
}
