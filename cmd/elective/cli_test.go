package main

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective/fixture"
)

// run runs one command in-process and returns its output and error.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	t.Chdir(t.TempDir()) // a command that ignored --db would leave elective.db here, not in the tree
	var out, errOut strings.Builder
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC) }}
	err = m.Run(context.Background(), args)
	return out.String(), errOut.String(), err
}

// TestCLIUsage: no command and an unknown one are usage errors; --help on
// every command prints its flags and succeeds.
func TestCLIUsage(t *testing.T) {
	if _, _, err := run(t, ""); !errors.Is(err, errUsage) {
		t.Errorf("no command: %v, want a usage error", err)
	}
	if _, _, err := run(t, "", "frobnicate"); !errors.Is(err, errUsage) {
		t.Errorf("unknown command: %v, want a usage error", err)
	}
	for _, args := range [][]string{{"serve"}, {"migrate"}, {"demo"}, {"user", "add"}, {"import", "referrals"},
		{"version"}, {"rtt", "check"}, {"bench", "ptl"}, {"rebuild"}, {"policy", "show"}, {"policy", "set"}} {
		_, stderr, err := run(t, "", append(args, "--help")...)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "Usage: elective") {
			t.Errorf("%v --help: %v\n%s", args, err, stderr)
		}
	}
	if out, _, err := run(t, "", "version"); err != nil || !strings.HasPrefix(out, "elective ") {
		t.Errorf("version: %q, %v", out, err)
	}
	if _, _, err := run(t, "", "demo", "--scale", "huge", "--db", filepath.Join(t.TempDir(), "x.db")); !errors.Is(err, errUsage) {
		t.Errorf("demo --scale huge: %v, want a usage error", err)
	}
}

// TestCLIUserAndImport: migrate a new database, add a user from standard
// input, import a referral file, and refuse a file with bad rows whole,
// naming each bad line.
func TestCLIUserAndImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.db")
	if out, _, err := run(t, "", "migrate", "--db", db); err != nil || !strings.Contains(out, db+" is at schema version") {
		t.Fatalf("migrate: %q, %v", out, err)
	}
	if _, _, err := run(t, "a long enough password\n", "user", "add", "--db", db, "--username", "sam",
		"--name", "Sam Senior", "--role", "senior-booking-officer", "--password-stdin"); err != nil {
		t.Fatalf("user add: %v", err)
	}
	if _, _, err := run(t, "short\n", "user", "add", "--db", db, "--username", "tim",
		"--name", "Tim", "--role", "clinician", "--password-stdin"); err == nil || !strings.Contains(err.Error(), "password") {
		t.Fatalf("user add with a short password: %v", err)
	}
	seedSpecialties(t, db)

	good := filepath.Join(t.TempDir(), "good.csv")
	write(t, good, "nhs_number,given_name,family_name,birth_date,sex,specialty_code,priority,source,received_date\n"+
		fixture.NHSNumber(1)+",Ann,Able,1970-01-01,F,110,routine,paper,2026-11-20\n"+
		fixture.NHSNumber(2)+",Bob,Baker,1971-02-02,M,110,urgent,paper,2026-11-21\n")
	if out, _, err := run(t, "", "import", "referrals", "--db", db, good); err != nil || !strings.Contains(out, "Imported 2 referrals") {
		t.Fatalf("import: %q, %v", out, err)
	}
	bad := filepath.Join(t.TempDir(), "bad.csv")
	write(t, bad, "nhs_number,given_name,family_name,birth_date,sex,specialty_code,priority,source,received_date\n"+
		fixture.NHSNumber(3)+",Cat,Cole,1972-03-03,F,110,routine,paper,2026-11-20\n"+
		"9990000019,Dan,Dale,1973-04-04,M,110,routine,paper,2026-11-20\n"+
		fixture.NHSNumber(5)+",Eve,East,1974-05-05,F,110,routine,paper,2026-12-25\n")
	_, _, err := run(t, "", "import", "referrals", "--db", db, bad)
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "line 4") ||
		!strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("bad import: %v", err)
	}
	if n := countRows(t, db, "referral"); n != 2 {
		t.Fatalf("%d referrals after a refused file, want the 2 imported before", n)
	}
}

// TestCLIPolicy shows the default policy, changes a setting with a
// reason, and refuses a change without one.
func TestCLIPolicy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "policy.db")
	if _, _, err := run(t, "", "migrate", "--db", db); err != nil {
		t.Fatal(err)
	}
	seedSpecialties(t, db)
	out, _, err := run(t, "", "policy", "show", "--db", db)
	if err != nil || !strings.Contains(out, "validation.milestonesWeeks = 12,26,52") {
		t.Fatalf("policy show: %v\n%s", err, out)
	}
	if _, _, err := run(t, "", "policy", "set", "--db", db, "validation.recencyDays=56"); err == nil {
		t.Fatal("a change without a reason was accepted")
	}
	out, _, err = run(t, "", "policy", "set", "--db", db, "--reason", "local SOP", "validation.recencyDays=56")
	if err != nil || !strings.Contains(out, "version 2") {
		t.Fatalf("policy set: %v\n%s", err, out)
	}
	out, _, _ = run(t, "", "policy", "show", "--db", db)
	if !strings.Contains(out, "validation.recencyDays = 56") || !strings.Contains(out, "local SOP") {
		t.Fatalf("policy show after the change:\n%s", out)
	}
}

// seedSpecialties adds one specialty to a new database by SQL, as reference
// data would arrive.
func seedSpecialties(t *testing.T, path string) {
	t.Helper()
	db, err := (&Main{Now: time.Now}).openDB(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.EnsureOrganisation(context.Background(), "RXX", "Test Trust"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`INSERT INTO specialty (id, org_id, code, name) VALUES (1, 1, '110', 'Trauma and Orthopaedics')`); err != nil {
		t.Fatal(err)
	}
}

// TestCLIRTTCheck runs the scenario checker on the engine's scenarios and
// on a scenario whose expectation is wrong.
func TestCLIRTTCheck(t *testing.T) {
	testdata, err := filepath.Abs("../../rtt/testdata")
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "", "rtt", "check", testdata)
	if err != nil || !strings.Contains(out, "0 failed") {
		t.Fatalf("rtt check: %v\n%s", err, out)
	}
	wrong := filepath.Join(t.TempDir(), "wrong.json")
	write(t, wrong, `{"name": "wrong", "priority": "routine", "census": "2025-02-01",
		"events": [{"date": "2025-01-02", "kind": "referral-received", "source": "paper"}],
		"expect": {"open": {"start": "2025-01-02", "days": 31, "band": "4-5", "breach": true}}}`)
	out, _, err = run(t, "", "rtt", "check", wrong)
	if err == nil || !strings.Contains(out, "FAIL") || !strings.Contains(out, "open: want") {
		t.Fatalf("wrong scenario: %v\n%s", err, out)
	}
	out, _, err = run(t, "", "rtt", "eval", wrong)
	if err != nil || !strings.Contains(out, `"days": 30`) || !strings.Contains(out, `"band": "4-5"`) {
		t.Fatalf("rtt eval: %v\n%s", err, out)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSMTPAuth: credentials come from the environment, and a relay that
// needs none gets none.
func TestSMTPAuth(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	if smtpAuth("mail.example.nhs.uk:587", get) != nil {
		t.Error("auth without a username")
	}
	env["ELECTIVE_SMTP_USERNAME"], env["ELECTIVE_SMTP_PASSWORD"] = "elective", "secret"
	if smtpAuth("mail.example.nhs.uk:587", get) == nil {
		t.Error("no auth with a username")
	}
}
