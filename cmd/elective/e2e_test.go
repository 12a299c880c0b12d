package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// clock is the end-to-end test's adjustable clock, shared by the store and
// the web server through Main.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.now = t }

const (
	e2eUser     = "bea"
	e2ePassword = "e2e-password-1"
	e2eManager  = "max"
)

// TestBrowserSlice walks the foundation slice in a real headless Chromium
// against the real binary's Main on SQLite: sign in, register a referral
// (a bad NHS number and a future received date are refused and nothing is
// saved), see it on the waiting list in priority order, book a slot, see
// the booking on the PTL, and record the outcome that stops the clock.
func TestBrowserSlice(t *testing.T) {
	chromium := findChromium(t)
	clk := &clock{now: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)} // Monday 08:00 in London
	dbPath := filepath.Join(t.TempDir(), "e2e.db")
	seedE2E(t, dbPath, clk)
	base := startServer(t, dbPath, clk)
	ctx := newBrowser(t, chromium)
	b := &browser{t: t, ctx: ctx, base: base}

	b.signIn()
	b.registerRefused(dbPath, clk)
	b.registerUrgent()
	b.waitingListInPriorityOrder()
	b.book()
	clk.Set(time.Date(2026, 11, 23, 8, 45, 0, 0, time.UTC)) // staff keep working: the session stays alive
	b.ptlShowsBooking()
	clk.Set(time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)) // after the 09:00 appointment
	b.recordTreatment()
	b.bookFollowUpAfterTreatment()
	b.moveAppointment()
	b.ptlNoLongerShows()
	b.followUpLater()

	// The live PTL's worklists (issue 3).
	b.validateFromPTL()
	b.failsafeShowsDNA()
	b.reportsAndExports()

	// Offers and filling a free slot (issue 4).
	b.offerDates()
	b.fillFreeSlot()
	b.cancelClinic()
	b.buildTemplate()
	b.endTemplate()
	b.utilisation()
	b.triage()
	b.ersConversionAndASI()
	b.correctDNA()
	b.reduceClinic()
	b.lettersSent(outboxDir(dbPath))
}

// outboxDir is where the server's outbox writes letters in the test.
func outboxDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "outbox") }

// findChromium returns the browser to drive. Without one the test skips,
// unless ELECTIVE_TEST_BROWSER=required (CI), when it fails.
func findChromium(t *testing.T) string {
	for _, p := range []string{os.Getenv("ELECTIVE_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("ELECTIVE_TEST_BROWSER") == "required" {
		t.Fatal("no Chromium found and ELECTIVE_TEST_BROWSER=required: install Debian's chromium")
	}
	t.Skip("no Chromium found; set ELECTIVE_TEST_BROWSER=required to make this a failure")
	return ""
}

// openSeed opens the test's database with its clock, for a seed to write
// as the system user; the seed closes it before the server opens the file.
func openSeed(t *testing.T, path string, clk *clock) (*store.DB, context.Context) {
	t.Helper()
	db := store.NewDB(path)
	db.Now, db.Location = clk.Now, london()
	if err := db.Open(context.Background()); err != nil {
		t.Fatal(err)
	}
	return db, systemContext(context.Background(), "e2e")
}

// addRotaCoordinator adds the workforce walks' rota coordinator.
func addRotaCoordinator(t *testing.T, db *store.DB, sys context.Context) {
	t.Helper()
	u := &elective.User{Username: e2eRota, Name: "Rory Rota", Role: elective.RoleRotaCoordinator}
	if err := store.NewUserService(db).CreateUser(sys, u, e2ePassword); err != nil {
		t.Fatal(err)
	}
}

// seedE2E makes a small trust, a booking officer and one routine patient
// who has waited 100 days.
func seedE2E(t *testing.T, path string, clk *clock) {
	t.Helper()
	ctx := context.Background()
	db := store.NewDB(path)
	db.Now, db.Location = clk.Now, london()
	if err := db.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sys := systemContext(ctx, "e2e")
	l := store.NewLoader(db)
	if err := l.LoadReference(sys, fixture.Reference()); err != nil {
		t.Fatal(err)
	}
	if err := l.FinishLoad(sys); err != nil {
		t.Fatal(err)
	}
	u := &elective.User{Username: e2eUser, Name: "Bea Booker", Role: elective.RoleBookingOfficer}
	if err := store.NewUserService(db).CreateUser(sys, u, e2ePassword); err != nil {
		t.Fatal(err)
	}
	mgr := &elective.User{Username: e2eManager, Name: "Max Manager", Role: elective.RoleBookingManager}
	if err := store.NewUserService(db).CreateUser(sys, mgr, e2ePassword); err != nil {
		t.Fatal(err)
	}
	today := elective.DateOf(clk.Now(), london())
	if _, err := store.NewClinicService(db).GenerateSessions(sys, today.AddDays(-42), today.AddDays(7*16)); err != nil {
		t.Fatal(err)
	}
	reg := fixture.Registration(1, today.AddDays(-100))
	reg.Patient.FamilyName = "Routineton"
	if _, err := store.NewReferralService(db).RegisterReferral(sys, reg); err != nil {
		t.Fatal(err)
	}
	seedDNA(t, db, clk, sys)
	seedDisplaced(t, db, sys, today)
	seedFollowUp(t, db, sys, today)
	seedASI(t, db, sys, today)
	seedReduce(t, db, sys, today)
}

// toReduce is the clinic the manager closes early in the browser test, and
// the time its closed slots start.
var toReduce struct {
	session int64
	from    string
}

// seedReduce books a patient into the second slot of the breast clinic a
// week or more ahead, for the manager to close the clinic from that slot.
func seedReduce(t *testing.T, db *store.DB, sys context.Context, today elective.Date) {
	t.Helper()
	reg := fixture.Registration(8, today.AddDays(-20))
	reg.Patient.FamilyName = "Lateslot"
	reg.Referral.SpecialtyID = 2
	ref, err := store.NewReferralService(db).RegisterReferral(sys, reg)
	if err != nil {
		t.Fatal(err)
	}
	slots, err := store.NewClinicService(db).FindSlots(sys, elective.SlotFilter{SpecialtyID: 2, Type: elective.SlotNew,
		From: today.AddDays(8).At(0, 0, london()), FreeOnly: true, Limit: 2})
	if err != nil || len(slots) < 2 || slots[0].SessionID != slots[1].SessionID {
		t.Fatalf("no two slots in one breast clinic: %v", err)
	}
	if _, err := store.NewBookingService(db).BookAppointment(sys, &elective.BookingRequest{PathwayID: ref.PathwayID,
		SlotID: slots[1].ID, Communicated: elective.CommunicatedByLetter}); err != nil {
		t.Fatal(err)
	}
	toReduce.session, toReduce.from = slots[1].SessionID, slots[1].Start.In(london()).Format("15:04")
}

// seedASI puts a UBRN on the appointment slot issues worklist: e-RS found
// no slot for it three days ago.
func seedASI(t *testing.T, db *store.DB, sys context.Context, today elective.Date) {
	t.Helper()
	reg := fixture.Registration(6, today.AddDays(-3))
	reg.Patient.FamilyName = "Slotless"
	reg.Referral.Source, reg.Referral.UBRN = elective.SourceERSASI, "000987654321"
	if _, err := store.NewReferralService(db).RegisterReferral(sys, reg); err != nil {
		t.Fatal(err)
	}
}

// seedFollowUp books a patient into this morning's first clinic, to be
// seen and sent away with a follow-up months ahead.
func seedFollowUp(t *testing.T, db *store.DB, sys context.Context, today elective.Date) {
	t.Helper()
	reg := fixture.Registration(5, today.AddDays(-60))
	reg.Patient.FamilyName = "Followupson"
	ref, err := store.NewReferralService(db).RegisterReferral(sys, reg)
	if err != nil {
		t.Fatal(err)
	}
	slots, err := store.NewClinicService(db).FindSlots(sys, elective.SlotFilter{SpecialtyID: 1, Type: elective.SlotNew,
		From: db.Now(), FreeOnly: true, Limit: 1})
	if err != nil || len(slots) == 0 {
		t.Fatalf("no slot this morning: %v", err)
	}
	if _, err := store.NewBookingService(db).BookAppointment(sys, &elective.BookingRequest{PathwayID: ref.PathwayID,
		SlotID: slots[0].ID, Communicated: elective.CommunicatedByLetter}); err != nil {
		t.Fatal(err)
	}
}

// seedDisplaced books a patient into a clinic a week ahead, for the
// manager to cancel.
func seedDisplaced(t *testing.T, db *store.DB, sys context.Context, today elective.Date) {
	t.Helper()
	reg := fixture.Registration(4, today.AddDays(-50))
	reg.Patient.FamilyName = "Displacia"
	ref, err := store.NewReferralService(db).RegisterReferral(sys, reg)
	if err != nil {
		t.Fatal(err)
	}
	slots, err := store.NewClinicService(db).FindSlots(sys, elective.SlotFilter{SpecialtyID: 1, Type: elective.SlotNew,
		From: today.AddDays(7).At(0, 0, london()), FreeOnly: true, Limit: 1})
	if err != nil || len(slots) == 0 {
		t.Fatalf("no slot a week ahead: %v", err)
	}
	if _, err := store.NewBookingService(db).BookAppointment(sys, &elective.BookingRequest{PathwayID: ref.PathwayID,
		SlotID: slots[0].ID, Communicated: elective.CommunicatedByLetter}); err != nil {
		t.Fatal(err)
	}
}

// seedDNA gives the failsafe list a patient who did not attend a first
// appointment last week: the clock is nullified and a clinician must decide.
func seedDNA(t *testing.T, db *store.DB, clk *clock, sys context.Context) {
	t.Helper()
	now := clk.Now()
	db.Now = func() time.Time { return now.AddDate(0, 0, -21) }
	defer func() { db.Now = clk.Now }()
	reg := fixture.Registration(3, elective.DateOf(db.Now(), london()).AddDays(-30))
	reg.Patient.FamilyName = "Absentia"
	ref, err := store.NewReferralService(db).RegisterReferral(sys, reg)
	if err != nil {
		t.Fatal(err)
	}
	slots, err := store.NewClinicService(db).FindSlots(sys, elective.SlotFilter{SpecialtyID: 1, Type: elective.SlotNew,
		From: db.Now(), FreeOnly: true, Limit: 1})
	if err != nil || len(slots) == 0 {
		t.Fatalf("no slot for the DNA patient: %v", err)
	}
	bookings := store.NewBookingService(db)
	a, err := bookings.BookAppointment(sys, &elective.BookingRequest{PathwayID: ref.PathwayID, SlotID: slots[0].ID,
		Communicated: elective.CommunicatedByLetter})
	if err != nil {
		t.Fatal(err)
	}
	// The appointment letter went out the day it was booked: the proof a
	// first DNA needs before it nullifies the clock (rules.md 1.5.2).
	if _, failed, err := store.NewOutboxService(db).Dispatch(sys, posted{}, 100); err != nil || failed != 0 {
		t.Fatalf("dispatch the DNA patient's letter: %d failed, %v", failed, err)
	}
	db.Now = func() time.Time { return a.Start.Add(time.Hour) }
	if _, err := bookings.RecordOutcome(sys, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentDNA}); err != nil {
		t.Fatal(err)
	}
}

// posted is a sender that accepts every message, as the post room would.
type posted struct{}

func (posted) Send(context.Context, *elective.Message, []byte) error { return nil }

// startServer runs `elective serve` in-process on a free port.
func startServer(t *testing.T, dbPath string, clk *clock) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	m := &Main{Stdin: strings.NewReader(""), Stdout: &strings.Builder{}, Stderr: &strings.Builder{},
		Getenv: func(string) string { return "" }, Now: clk.Now, OnListen: func(a string) { addr <- a }}
	go func() {
		done <- m.Run(ctx, []string{"serve", "--db", dbPath, "--addr", "127.0.0.1:0", "--folder", outboxDir(dbPath), "--outbox-every", "1s"})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case a := <-addr:
		return "http://" + a
	case err := <-done:
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return ""
}

// newBrowser starts headless Chromium with the flags this closed network
// needs (no background networking, component updates or sync). The
// browser lives as long as the test; each step gets its own deadline
// (see browser.do), so a slow machine slows a walk down without failing
// it, and a step that hangs fails alone, naming itself, with the page.
func newBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	start, cancelStart := context.WithTimeout(context.Background(), stepTimeout)
	defer cancelStart()
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }() // the first Run binds the browser to ctx, so it has no deadline of its own
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("start Chromium: %v", err)
		}
	case <-start.Done():
		t.Fatalf("start Chromium: not ready after %v", stepTimeout)
	}
	return ctx
}
