package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
	"github.com/openelective/elective/web"
)

// bench measures the figures docs/benchmarks.md records, on a real
// database (normally the demo hospital at --scale large).
func (m *Main) bench(ctx context.Context, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "ptl":
			return m.benchPTL(ctx, args[1:])
		case "booking":
			return m.benchBooking(ctx, args[1:])
		case "rtt":
			return m.benchRTT(ctx, args[1:])
		case "summary":
			return m.benchSummary(ctx, args[1:])
		case "offers":
			return m.benchOffers(ctx, args[1:])
		case "lists":
			return m.benchLists(ctx, args[1:])
		case "ihtc":
			return m.benchIHTC(ctx, args[1:])
		case "ihtc-cost":
			return m.benchIHTCCost(ctx, args[1:])
		case "roster":
			return m.benchRoster(ctx, args[1:])
		case "roster-cost":
			return m.benchRosterCost(ctx, args[1:])
		}
	}
	fmt.Fprintln(m.Stderr, "Usage:\n  elective bench ptl [--db D] [--requests N]      server time of PTL and waiting-list pages\n"+
		"  elective bench booking [--db D] [--bookers N]  bookings per second (writes bookings: use a copy of the database)\n"+
		"  elective bench rtt [--pathways N]              derive a national-scale synthetic list in one streaming pass\n"+
		"  elective bench summary [--db D] [--runs N]     PTL summary by Elective and by one plain SQL query, side by side (audits: use a copy)\n"+
		"  elective bench ihtc INSTANCE [--seconds S]     solve an IHTC-2024 instance with the schedule engine, print its costs, --out writes it\n"+
		"  elective bench ihtc-cost INSTANCE SOLUTION     IHTC-2024 violations and costs of a solution, as the official checker reports them\n"+
		"  elective bench roster INSTANCE [--seconds S]   solve a Curtois-Qu shift scheduling instance with the schedule engine, --out writes the roster\n"+
		"  elective bench roster-cost INSTANCE ROSTER     Curtois-Qu hard violations, soft terms and objective of a roster\n"+
		"  elective bench offers [--db D] [--samples N]   earliest reasonable offers and the right next patient (writes sessions: use a copy)")
	return fmt.Errorf("%w: expected bench ptl, bench booking, bench rtt, bench summary or bench offers", errUsage)
}

// benchPTL times the PTL and waiting-list pages in-process: the server's
// time to answer, from the handler call to the last byte, with the real
// store, templates and middleware, and a signed-in booking officer.
func (m *Main) benchPTL(ctx context.Context, args []string) error {
	fs := m.flags("bench ptl", "bench ptl [--db PATH_OR_URL] [--requests N]")
	dsn := m.dbFlag(fs)
	n := fs.Int("requests", 50, "requests per page")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	h, cookie, err := m.benchHandler(ctx, db)
	if err != nil {
		return err
	}
	spec, err := largestSpecialty(ctx, db)
	if err != nil {
		return err
	}
	var open int
	db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM ptl_entry`).Scan(&open)
	fmt.Fprintf(m.Stdout, "PTL pages on %s (%d open pathways), %d requests each, server time:\n", db.Dialect(), open, *n)
	for _, page := range []struct{ name, url string }{
		{"PTL, first page (longest wait)", "/ptl"},
		{"PTL, specialty filter", fmt.Sprintf("/ptl?specialty=%d", spec)},
		{"PTL, specialty, sorted by breach date", fmt.Sprintf("/ptl?specialty=%d&sort=breach", spec)},
		{"PTL, page 200", "/ptl?page=200"},
		{"Waiting list, outpatient new, unbooked", "/waiting-list"},
		{"Waiting list, one specialty", fmt.Sprintf("/waiting-list?specialty=%d", spec)},
		{"Clinic utilisation and capacity, one specialty", fmt.Sprintf("/reports/utilisation?specialty_id=%d", spec)},
		{"Free slots, one specialty", fmt.Sprintf("/slots?specialty_id=%d", spec)},
		{"Clinic sessions, one specialty", fmt.Sprintf("/sessions?specialty_id=%d", spec)},
		{"Admitted waiting list, one specialty", fmt.Sprintf("/admitted?specialty_id=%d", spec)},
		{"Admitted waiting list, every specialty", "/admitted"},
		{"Theatre lists, next four weeks", "/theatre-sessions"},
		{"Theatre report", "/reports/theatres"},
		{"Cancelled operations (28-day rule)", "/cancelled-operations"},
		{"Theatre templates (counted by theatre)", "/theatre-templates"},
		{"Theatre templates, one theatre", "/theatre-templates?theatre_id=1"},
		{"Theatre kit", "/theatre-kit"},
	} {
		if err := m.timePage(h, cookie, page.name, page.url, *n); err != nil {
			return err
		}
	}
	return m.timeWorkforcePages(ctx, db, h, *n)
}

// timePage times n requests of one page and prints the line for it.
func (m *Main) timePage(h http.Handler, cookie *http.Cookie, name, url string, n int) error {
	times, err := timeRequests(h, cookie, url, n)
	if err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	fmt.Fprintf(m.Stdout, "  %-48s median %6.1f ms   p95 %6.1f ms   max %6.1f ms\n",
		name, ms(times[len(times)/2]), ms(times[len(times)*95/100]), ms(times[len(times)-1]))
	return nil
}

// benchHandler builds the web handler over db and signs in a booking
// officer (the demo user "booking", or the first user with that role).
func (m *Main) benchHandler(ctx context.Context, db *store.DB) (http.Handler, *http.Cookie, error) {
	org, err := store.NewOrganisationService(db).FindOrganisation(ctx)
	if err != nil {
		return nil, nil, err
	}
	srv, err := web.NewServer(web.Config{Location: london(), Now: m.Now, Policy: db.Policy, TrustName: org.Name}, services(db))
	if err != nil {
		return nil, nil, err
	}
	cookie, err := benchSignIn(ctx, db, elective.RoleBookingOfficer)
	return srv.Handler(), cookie, err
}

// benchSignIn opens a session for the first active user with the role.
func benchSignIn(ctx context.Context, db *store.DB, role elective.Role) (*http.Cookie, error) {
	users := store.NewUserService(db)
	all, err := users.FindUsers(systemContext(ctx, "bench"))
	if err != nil {
		return nil, err
	}
	for _, u := range all {
		if u.Role == role && u.Active {
			sess, err := users.CreateSession(ctx, u.ID)
			if err != nil {
				return nil, err
			}
			return &http.Cookie{Name: "elective_session", Value: sess.Token}, nil
		}
	}
	return nil, fmt.Errorf("no active user with the role %s to sign in as: build the demo hospital first", role)
}

// timeRequests makes n GET requests and returns their durations, sorted.
func timeRequests(h http.Handler, cookie *http.Cookie, url string, n int) ([]time.Duration, error) {
	times := make([]time.Duration, 0, n)
	for i := 0; i < n+2; i++ {
		req := httptest.NewRequest("GET", url, nil)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		d := time.Since(start)
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("status %d", rec.Code)
		}
		if i >= 2 { // the first requests warm the caches
			times = append(times, d)
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return times, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// largestSpecialty is the specialty with the most open pathways.
func largestSpecialty(ctx context.Context, db *store.DB) (int64, error) {
	var id int64
	err := db.SQL().QueryRowContext(ctx, `SELECT specialty_id FROM ptl_entry GROUP BY specialty_id ORDER BY COUNT(*) DESC LIMIT 1`).Scan(&id)
	return id, err
}
