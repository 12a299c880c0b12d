package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// bookingPair is one booking to make: a waiting pathway and a free slot of
// its specialty.
type bookingPair struct{ pathway, slot int64 }

// benchBooking measures bookings per second with many bookers booking
// different slots at once, through the real booking service. It writes
// bookings, so run it on a copy of the demo database.
func (m *Main) benchBooking(ctx context.Context, args []string) error {
	fs := m.flags("bench booking", "bench booking [--db PATH_OR_URL] [--bookers N] [--bookings N]")
	dsn := m.dbFlag(fs)
	bookers := fs.Int("bookers", 64, "concurrent bookers")
	total := fs.Int("bookings", 2000, "bookings to make")
	db, err := m.parseAndOpen(ctx, fs, args, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	pairs, err := bookingPairs(ctx, db, *total)
	if err != nil {
		return err
	}
	user, err := firstBookingOfficer(ctx, db)
	if err != nil {
		return err
	}
	ok, conflicts, failed, elapsed := runBookings(ctx, db, user, pairs, *bookers)
	fmt.Fprintf(m.Stdout, "%s: %d bookings by %d concurrent bookers in %.2f s = %.0f bookings/s (%d conflicts, %d failed)\n",
		db.Dialect(), ok, *bookers, elapsed.Seconds(), float64(ok)/elapsed.Seconds(), conflicts, failed)
	if failed > 0 {
		return fmt.Errorf("%d bookings failed", failed)
	}
	return nil
}

// runBookings books every pair with n workers and counts the results.
func runBookings(ctx context.Context, db *store.DB, u *elective.User, pairs []bookingPair, n int) (ok, conflicts, failed int, elapsed time.Duration) {
	svc := store.NewBookingService(db)
	ctx = elective.NewContextWithUser(ctx, u)
	work := make(chan bookingPair)
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				_, err := svc.BookAppointment(ctx, &elective.BookingRequest{PathwayID: p.pathway, SlotID: p.slot, Communicated: elective.CommunicatedByLetter})
				mu.Lock()
				switch elective.ErrorCode(err) {
				case "":
					ok++
				case elective.ECONFLICT:
					conflicts++
				default:
					failed++
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range pairs {
		work <- p
	}
	close(work)
	wg.Wait()
	return ok, conflicts, failed, time.Since(start)
}

// waiting is an unbooked new-outpatient pathway and its priority.
type waiting struct {
	id       int64
	priority elective.Priority
}

// bookingPairs matches unbooked new-outpatient pathways with free future
// new slots of their specialty that their priority may take (a held slot
// refuses a routine patient: Slot.OpenTo), each slot used once.
func bookingPairs(ctx context.Context, db *store.DB, max int) ([]bookingPair, error) {
	pathways := map[int64][]waiting{}
	rows, err := db.SQL().QueryContext(ctx, `SELECT specialty_id, pathway_id, priority FROM ptl_entry
		WHERE list_type = 'outpatient-new' AND next_activity IS NULL ORDER BY pathway_id`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var spec int64
		var w waiting
		if err := rows.Scan(&spec, &w.id, &w.priority); err != nil {
			rows.Close()
			return nil, err
		}
		pathways[spec] = append(pathways[spec], w)
	}
	rows.Close()
	clinics := store.NewClinicService(db)
	var pairs []bookingPair
	today := elective.DateOf(db.Now(), db.Location)
	for spec, ws := range pathways {
		slots, err := clinics.FindSlots(ctx, elective.SlotFilter{SpecialtyID: spec, Type: elective.SlotNew,
			From: db.Now().Add(time.Hour), FreeOnly: true, Limit: 500})
		if err != nil {
			return nil, err
		}
		for _, sl := range slots {
			for i, w := range ws {
				if sl.OpenTo(w.priority, today, db.Location, db.Policy.UrgentReleaseDays) == nil {
					pairs = append(pairs, bookingPair{w.id, sl.ID})
					ws = append(ws[:i], ws[i+1:]...)
					break
				}
			}
		}
	}
	if len(pairs) > max {
		pairs = pairs[:max]
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("nothing to book: no unbooked new patients with free new slots")
	}
	return pairs, nil
}

func firstBookingOfficer(ctx context.Context, db *store.DB) (*elective.User, error) {
	users, err := store.NewUserService(db).FindUsers(systemContext(ctx, "bench"))
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		if u.Role == elective.RoleBookingOfficer && u.Active {
			return u, nil
		}
	}
	return nil, fmt.Errorf("no active booking officer: build the demo hospital first")
}
