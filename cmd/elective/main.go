// Command elective is the one binary of Elective: the web server, the
// database migrations, the demo hospital, user administration, imports and
// the RTT scenario checker. main only delegates to Main, which the
// end-to-end tests drive too.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	_ "time/tzdata" // Europe/London even on a machine without a zoneinfo database
)

// Version and Commit are set at build time with -ldflags "-X main.Version=…".
var (
	Version = "dev"
	Commit  = "unknown"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	m := NewMain()
	if path := os.Getenv("ELECTIVE_CPUPROFILE"); path != "" {
		stopProfile := startCPUProfile(path)
		defer stopProfile()
	}
	if err := m.Run(ctx, os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "elective:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// errUsage marks a command line that could not be understood.
var errUsage = errors.New("usage error")

// Main runs one command. Its fields are the process's surroundings, so that
// tests can run commands in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	Now    func() time.Time

	// OnListen, if set, is told the address serve listens on (tests use
	// --addr 127.0.0.1:0).
	OnListen func(addr string)

	logOnce sync.Once
	log     *slog.Logger
}

// logger is the one logger of the process: the server and its background
// jobs share it, so their lines never interleave.
func (m *Main) logger() *slog.Logger {
	m.logOnce.Do(func() { m.log = slog.New(slog.NewTextHandler(m.Stderr, nil)) })
	return m.log
}

// NewMain returns a Main wired to the process.
func NewMain() *Main {
	return &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now}
}

// command is a subcommand: a one-line summary and its function.
type command struct {
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

var commands = map[string]command{
	"serve":   {"run the web server (--demo builds the demo hospital first)", (*Main).serve},
	"migrate": {"bring the database schema up to date", (*Main).migrate},
	"demo":    {"build the synthetic demo hospital into an empty database", (*Main).demo},
	"user":    {"manage users: user add", (*Main).user},
	"import":  {"import data: import referrals FILE.csv", (*Main).importCmd},
	"rtt":     {"RTT scenarios: rtt check FILE_OR_DIR..., rtt eval FILE", (*Main).rtt},
	"version": {"print the version", (*Main).version},
	"rebuild": {"derive the PTL and worklists again from the event log", (*Main).rebuild},
	"policy":  {"the trust's local RTT policy: policy show, policy set KEY=VALUE", (*Main).policy},
	"outbox":  {"queue appointment reminders and send queued letters and messages", (*Main).outboxCmd},
	"bench":   {"measure: bench ptl, bench booking (figures of docs/benchmarks.md)", (*Main).bench},
}

// Run runs the command named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		m.usage()
		if len(args) == 0 {
			return fmt.Errorf("%w: no command given", errUsage)
		}
		return flag.ErrHelp
	}
	cmd, ok := commands[args[0]]
	if !ok {
		m.usage()
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
	return cmd.run(m, ctx, args[1:])
}

func (m *Main) usage() {
	fmt.Fprintln(m.Stderr, "Elective: a patient-access system for elective hospital care.\n\nUsage: elective COMMAND [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(m.Stderr, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(m.Stderr, "\nRun elective COMMAND --help for a command's flags.")
}

// flags returns a flag set for a command that reports errors instead of
// exiting, with a usage line.
func (m *Main) flags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: elective %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, turning a bad flag into a usage error.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// dbFlag adds --db, defaulting to $ELECTIVE_DB or elective.db.
func (m *Main) dbFlag(fs *flag.FlagSet) *string {
	def := m.Getenv("ELECTIVE_DB")
	if def == "" {
		def = "elective.db"
	}
	return fs.String("db", def, "SQLite file path or postgres:// URL (default from $ELECTIVE_DB)")
}

// redact hides a PostgreSQL password when a DSN is printed.
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		if at := strings.Index(dsn[i+3:], "@"); at >= 0 {
			if colon := strings.Index(dsn[i+3:i+3+at], ":"); colon >= 0 {
				return dsn[:i+3+colon] + ":***" + dsn[i+3+at:]
			}
		}
	}
	return dsn
}
