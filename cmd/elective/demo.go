package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"syscall"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/demo"
	"github.com/openelective/elective/store"
)

// demoPassword is the password of every demo user. It is printed at start
// and only ever set on demo data.
const demoPassword = "elective-demo"

// demoOptions are the flags that shape the demo hospital.
type demoOptions struct {
	scale *string
	seed  *uint64
}

func demoFlags(fs *flag.FlagSet) *demoOptions {
	return &demoOptions{
		scale: fs.String("scale", "small", "demo size: small (about 20,000 open pathways) or large (about 250,000)"),
		seed:  fs.Uint64("seed", 1, "seed of the demo hospital; the same seed builds the same hospital"),
	}
}

func (m *Main) demo(ctx context.Context, args []string) error {
	fs := m.flags("demo", "demo [--db PATH_OR_URL] [--scale small|large] [--seed N]")
	dsn := m.dbFlag(fs)
	d := demoFlags(fs)
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if hasOrganisation(ctx, db) {
		return fmt.Errorf("%s already holds a trust; build the demo into a new database (another --db)", redact(*dsn))
	}
	return m.buildDemo(ctx, db, d)
}

// buildDemo generates the demo hospital into an empty database, showing
// progress, then reports the time and peak memory it took.
func (m *Main) buildDemo(ctx context.Context, db *store.DB, d *demoOptions) error {
	scale, err := demo.ParseScale(*d.scale)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	start := time.Now()
	ctx = systemContext(ctx, "demo")
	loader := store.NewLoader(db)
	cfg := demo.Config{Seed: *d.seed, Scale: scale, Today: elective.DateOf(m.Now(), london()), Location: london()}
	lastShown := time.Time{}
	progress := func(done, total int) {
		if time.Since(lastShown) > 500*time.Millisecond || done == total {
			lastShown = time.Now()
			fmt.Fprintf(m.Stderr, "\rBuilding the demo hospital (%s, seed %d): %d of %d pathways (%d%%)   ",
				scale, *d.seed, done, total, done*100/max(total, 1))
		}
	}
	err = generate(ctx, cfg, loader, progress)
	fmt.Fprintln(m.Stderr)
	if err != nil {
		return fmt.Errorf("build the demo hospital: %w", err)
	}
	if err := loader.FinishLoad(ctx); err != nil {
		return err
	}
	if err := loadDemoTheatres(ctx, loader, cfg); err != nil {
		return fmt.Errorf("build the demo theatre lists: %w", err)
	}
	if err := loadDemoWorkforce(ctx, db, cfg.Today); err != nil {
		return fmt.Errorf("build the demo workforce: %w", err)
	}
	if err := loadDemoRota(ctx, db, cfg.Today); err != nil {
		return fmt.Errorf("build the demo rotas: %w", err)
	}
	if _, err := loadDemoRooms(ctx, db, cfg.Today); err != nil {
		return fmt.Errorf("build the demo rooms: %w", err)
	}
	if err := m.ensureDemoUsers(ctx, db); err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "Built the demo hospital in %s (peak memory %s).\n", time.Since(start).Round(100*time.Millisecond), peakMemory())
	return nil
}

// loadDemoTheatres lists the demo's admitted pathways for operations and
// builds the theatre lists, once the pathways are loaded.
func loadDemoTheatres(ctx context.Context, loader *store.Loader, cfg demo.Config) error {
	adm, err := loader.AdmittedPathways(ctx)
	if err != nil {
		return err
	}
	waiting := make([]demo.AdmittedPathway, len(adm))
	for i, p := range adm {
		waiting[i] = demo.AdmittedPathway(p)
	}
	d, err := demo.Theatres(cfg, waiting)
	if err != nil {
		return err
	}
	return loader.LoadTheatreData(ctx, d)
}

// ensureDemoUsers creates any demo user that does not exist yet.
func (m *Main) ensureDemoUsers(ctx context.Context, db *store.DB) error {
	ctx = systemContext(ctx, "demo")
	users := store.NewUserService(db)
	for _, u := range demo.Users() {
		u := *u
		err := users.CreateUser(ctx, &u, demoPassword)
		if err != nil && elective.ErrorCode(err) != elective.ECONFLICT {
			return err
		}
	}
	return nil
}

// peakMemory is the process's peak resident set size.
func peakMemory() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil || runtime.GOOS != "linux" {
		return "unknown"
	}
	return fmt.Sprintf("%d MiB", ru.Maxrss/1024) // Linux reports kilobytes
}

// generate builds the demo hospital on one goroutine and loads it on
// another, so that generating a batch overlaps loading the one before.
func generate(ctx context.Context, cfg demo.Config, loader *store.Loader, progress func(done, total int)) error {
	batches := make(chan *elective.LoadBatch, 2)
	genErr := make(chan error, 1)
	// stop ends the generator early if loading fails; the loader keeps ctx,
	// because its open transaction ends when its context does.
	stop := make(chan struct{})
	go func() {
		defer close(batches)
		genErr <- demo.Generate(cfg,
			func(ref *elective.ReferenceData) error { return loader.LoadReference(ctx, ref) },
			func(b *elective.LoadBatch) error {
				select {
				case batches <- b:
					return nil
				case <-stop:
					return errors.New("loading stopped")
				}
			}, progress)
	}()
	for b := range batches {
		if err := loader.LoadBatch(ctx, b); err != nil {
			close(stop)
			for range batches {
			}
			return err
		}
	}
	return <-genErr
}
