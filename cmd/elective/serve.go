package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
	"github.com/openelective/elective/web"
)

// bookingHorizonWeeks is how far ahead clinic sessions are made from their
// templates when the server starts.
const bookingHorizonWeeks = 16

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := m.flags("serve", "serve [--db PATH_OR_URL] [--addr HOST:PORT] [--demo [--scale small|large] [--seed N]]")
	dsn := m.dbFlag(fs)
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	withDemo := fs.Bool("demo", false, "build the demo hospital first if the database is empty, and create the demo users")
	d := demoFlags(fs)
	secure := fs.Bool("secure-cookies", false, "mark cookies Secure (set when served over HTTPS)")
	orgCode := fs.String("org-code", "RXX", "ODS code of the trust, for a new database without --demo")
	orgName := fs.String("org-name", "Elective Hospitals NHS Trust", "name of the trust, for a new database without --demo")
	send := m.senderFlags(fs)
	every := fs.Duration("outbox-every", 5*time.Minute, "how often the outbox queues reminders and sends letters (0: never; run `elective outbox`)")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := m.prepare(ctx, db, *withDemo, d, *orgCode, *orgName); err != nil {
		return err
	}
	if *every > 0 {
		go m.outboxLoop(ctx, db, send(m.Now), *every)
	}
	return m.listen(ctx, db, *addr, *secure, *withDemo)
}

// prepare makes sure the database has a trust (the demo hospital or an
// empty one) and clinic sessions for the booking horizon.
func (m *Main) prepare(ctx context.Context, db *store.DB, withDemo bool, d *demoOptions, orgCode, orgName string) error {
	switch {
	case withDemo && !hasOrganisation(ctx, db):
		if err := m.buildDemo(ctx, db, d); err != nil {
			return err
		}
	case withDemo:
		fmt.Fprintln(m.Stderr, "The database already holds a trust: using it as it is.")
		if err := m.ensureDemoUsers(ctx, db); err != nil {
			return err
		}
	default:
		if err := db.EnsureOrganisation(ctx, orgCode, orgName); err != nil {
			return err
		}
	}
	today := elective.DateOf(m.Now(), london())
	n, err := store.NewClinicService(db).GenerateSessions(systemContext(ctx, "sessions"), today, today.AddDays(7*bookingHorizonWeeks))
	if err != nil {
		return fmt.Errorf("make clinic sessions: %w", err)
	}
	if n > 0 {
		fmt.Fprintf(m.Stderr, "Made %d clinic sessions for the next %d weeks.\n", n, bookingHorizonWeeks)
	}
	if _, err := store.NewTheatreTemplateService(db).GenerateTheatreSessions(systemContext(ctx, "sessions"), today, today.AddDays(7*bookingHorizonWeeks)); err != nil {
		return fmt.Errorf("make theatre sessions: %w", err)
	}
	return nil
}

// listen serves the web UI until ctx is cancelled, then shuts down
// gracefully, letting requests in flight finish.
func (m *Main) listen(ctx context.Context, db *store.DB, addr string, secure, withDemo bool) error {
	org, err := store.NewOrganisationService(db).FindOrganisation(ctx)
	if err != nil {
		return err
	}
	logger := m.logger()
	svc := services(db)
	srv, err := web.NewServer(web.Config{Location: london(), Now: m.Now, Logger: logger, SecureCookies: secure,
		Policy: db.Policy, TrustName: org.Name}, svc)
	if err != nil {
		return err
	}
	go m.warmReports(ctx, svc.Reports, logger)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(m.Stdout, "Elective is running at %s (%s database %s)\n", url, db.Dialect(), redact(db.DSN()))
	if withDemo {
		fmt.Fprintf(m.Stdout, "Sign in as %q with password %q (or senior, manager, clinician, rota, admin).\n", "booking", demoPassword)
	} else if users, err := store.NewUserService(db).FindUsers(systemContext(ctx, "serve")); err == nil && len(users) == 0 {
		fmt.Fprintln(m.Stdout, "No one can sign in yet: add a user with\n  elective user add --db "+redact(db.DSN())+
			" --username NAME --name \"Full Name\" --role administrator --password-stdin")
	}
	if m.OnListen != nil {
		m.OnListen(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// warmReports computes the 12-month trend in the background when the
// server starts, so the first manager to open the reports page does not
// wait the seconds it takes to derive every month end from the event log.
func (m *Main) warmReports(ctx context.Context, reports elective.ReportService, logger *slog.Logger) {
	start := time.Now()
	if _, err := reports.Trend(systemContext(ctx, "warm-reports"), elective.DateOf(m.Now(), london()), 12); err != nil {
		if ctx.Err() == nil {
			logger.Error("warm the reports", "error", err)
		}
		return
	}
	logger.Info("reports ready", "duration", time.Since(start).Round(time.Millisecond))
}

// services wires the store's services into the web server: the one place
// adapters meet.
func services(db *store.DB) web.Services {
	return web.Services{
		Organisations: store.NewOrganisationService(db),
		Patients:      store.NewPatientService(db),
		Referrals:     store.NewReferralService(db),
		Pathways:      store.NewPathwayService(db),
		Clinics:       store.NewClinicService(db),
		Bookings:      store.NewBookingService(db),
		WaitingList:   store.NewWaitingListService(db),
		Worklists:     store.NewWorklistService(db),
		Reports:       store.NewReportService(db),
		Forecasts:     store.NewForecastService(db),
		Offers:        store.NewOfferService(db),
		Cascade:       store.NewCascadeService(db),
		Outbox:        store.NewOutboxService(db),
		Utilisation:   store.NewUtilisationService(db),
		FollowUps:     store.NewFollowUpService(db),
		Triage:        store.NewTriageService(db),
		Theatres:      store.NewTheatreService(db),
		Planner:       store.NewListPlanner(db),
		Users:         store.NewUserService(db),
		Audit:         store.NewAuditService(db),

		TheatreTemplates: store.NewTheatreTemplateService(db),
		Rooms:            store.NewRoomService(db),
		Claims:           store.NewClaimService(db),
		Staff:            store.NewStaffService(db),
		JobPlans:         store.NewJobPlanService(db),
		Leave:            store.NewLeaveService(db),
		Rotas:            store.NewRotaService(db),
		Exceptions:       store.NewExceptionReportService(db),
	}
}
