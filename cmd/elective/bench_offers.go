package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// benchOffers times the two searches of a booking office: the earliest
// reasonable offers for one patient, across a year of clinic sessions, and
// the ranking of waiting patients for a freed slot. It first makes the
// sessions of the year ahead (idempotent) and gives a tenth of the sampled
// patients a fortnight's unavailability, so run it on a copy.
func (m *Main) benchOffers(ctx context.Context, args []string) error {
	fs := m.flags("bench offers", "bench offers [--db PATH_OR_URL] [--samples N]")
	dsn := m.dbFlag(fs)
	n := fs.Int("samples", 500, "patients and slots to time")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	user, err := firstBookingOfficer(ctx, db)
	if err != nil {
		return err
	}
	uctx := elective.NewContextWithUser(ctx, user)
	today := elective.DateOf(db.Now(), db.Location)
	start := time.Now()
	made, err := store.NewClinicService(db).GenerateSessions(systemContext(ctx, "bench"), today, today.AddDays(365))
	if err != nil {
		return err
	}
	var slots int
	db.SQL().QueryRowContext(ctx, db.Rebind(`SELECT COUNT(*) FROM slot WHERE start_at >= ?`), db.Args(db.Now())...).Scan(&slots)
	fmt.Fprintf(m.Stdout, "%s: a year of sessions ahead (%d made in %.1f s; %d future slots)\n",
		db.Dialect(), made, time.Since(start).Seconds(), slots)
	if err := m.timeEarliestOffers(uctx, db, today, *n); err != nil {
		return err
	}
	if err := m.timeNextPatients(uctx, db, *n); err != nil {
		return err
	}
	return m.timeCascade(ctx, uctx, db)
}

// timeCascade cancels the busiest specialty's next clinics until at least
// 30 patients are displaced, and times cancelling them and proposing a new
// slot for every displaced patient.
func (m *Main) timeCascade(ctx, uctx context.Context, db *store.DB) error {
	var spec int64
	if err := db.SQL().QueryRowContext(ctx, db.Rebind(`SELECT specialty_id FROM appointment a JOIN slot s ON s.id = a.slot_id
		WHERE a.status = 'booked' AND a.start_at > ? GROUP BY specialty_id ORDER BY COUNT(*) DESC LIMIT 1`),
		db.Args(db.Now().Add(24*time.Hour))...).Scan(&spec); err != nil {
		return fmt.Errorf("no booked future appointments: %w", err)
	}
	sessions, err := sampleIDs(ctx, db, db.Rebind(`SELECT a.session_id, COUNT(*) FROM appointment a JOIN clinic_session cs ON cs.id = a.session_id
		WHERE cs.specialty_id = ? AND cs.status = 'open' AND a.status = 'booked' AND a.start_at > ?
		GROUP BY a.session_id ORDER BY a.session_id`), 1000, db.Args(spec, db.Now().Add(24*time.Hour))...)
	if err != nil {
		return err
	}
	cascade := store.NewCascadeService(db)
	sys := systemContext(ctx, "bench")
	displaced, cancelled := 0, 0
	start := time.Now()
	for _, s := range sessions {
		if displaced >= 30 {
			break
		}
		n, err := cascade.CancelSession(sys, &elective.SessionCancellation{SessionID: s[0], Reason: elective.CancelForLeave})
		if err != nil {
			return err
		}
		displaced, cancelled = displaced+n, cancelled+1
	}
	cancelTime := time.Since(start)
	var times []time.Duration
	var proposed int
	for range 20 {
		start := time.Now()
		ds, err := cascade.ProposeRebookings(uctx, spec)
		if err != nil {
			return err
		}
		times = append(times, time.Since(start))
		proposed = 0
		for _, d := range ds {
			if d.Proposed != nil {
				proposed++
			}
		}
	}
	fmt.Fprintf(m.Stdout, "  Cancelled %d clinics displacing %d patients in %.0f ms; %d of them proposed a slot\n",
		cancelled, displaced, ms(cancelTime), proposed)
	m.printTimes("Propose new slots for all displaced", times)
	return nil
}

// timeEarliestOffers times EarliestOffers for sampled waiting outpatients.
func (m *Main) timeEarliestOffers(ctx context.Context, db *store.DB, today elective.Date, n int) error {
	ids, err := sampleIDs(ctx, db, `SELECT pathway_id, patient_id FROM ptl_entry
		WHERE list_type IN ('outpatient-new', 'outpatient-follow-up') ORDER BY pathway_id`, n)
	if err != nil {
		return err
	}
	offers := store.NewOfferService(db)
	for i, p := range ids {
		if i%10 == 0 { // a fortnight away, three to five weeks ahead
			from := today.AddDays(21 + i%14)
			if err := offers.AddUnavailability(ctx, &elective.Unavailability{PatientID: p[1], From: from, To: from.AddDays(13), Reason: "bench"}); err != nil {
				return err
			}
		}
	}
	var times []time.Duration
	found := 0
	for _, p := range ids {
		start := time.Now()
		got, err := offers.EarliestOffers(ctx, p[0], 2, false)
		if err != nil {
			return err
		}
		times = append(times, time.Since(start))
		if len(got) == 2 {
			found++
		}
	}
	m.printTimes("Earliest reasonable offers (2 dates)", times)
	fmt.Fprintf(m.Stdout, "    %d of %d patients had two reasonable dates within the year\n", found, len(ids))
	return nil
}

// timeNextPatients times NextPatients for sampled free future slots.
func (m *Main) timeNextPatients(ctx context.Context, db *store.DB, n int) error {
	ids, err := sampleIDs(ctx, db, db.Rebind(`SELECT s.id, s.specialty_id FROM slot s
		LEFT JOIN appointment a ON a.slot_id = s.id AND a.status IN ('booked', 'attended', 'dna')
		WHERE a.id IS NULL AND s.session_status = 'open' AND s.start_at > ? ORDER BY s.id`), n, db.Args(db.Now().Add(time.Hour))...)
	if err != nil {
		return err
	}
	offers := store.NewOfferService(db)
	var times []time.Duration
	for _, s := range ids {
		start := time.Now()
		if _, _, err := offers.NextPatients(ctx, s[0], 25); err != nil {
			return err
		}
		times = append(times, time.Since(start))
	}
	m.printTimes("Right next patient for a free slot (25 ranked)", times)
	return nil
}

func (m *Main) printTimes(name string, times []time.Duration) {
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Fprintf(m.Stdout, "  %-48s n=%d  median %6.2f ms   p99 %6.2f ms   max %6.2f ms\n", name, len(times),
		ms(times[len(times)/2]), ms(times[len(times)*99/100]), ms(times[len(times)-1]))
}

// sampleIDs reads pairs of ids and returns n of them chosen with a fixed
// seed, so runs are comparable.
func sampleIDs(ctx context.Context, db *store.DB, query string, n int, args ...any) ([][2]int64, error) {
	rows, err := db.SQL().QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all [][2]int64
	for rows.Next() {
		var p [2]int64
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			return nil, err
		}
		all = append(all, p)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("nothing to sample: build the demo hospital first")
	}
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(n, len(all))], rows.Err()
}
