package store_test

import (
	"flag"
	"sync"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

var bookingRounds = flag.Int("booking-rounds", 1000, "rounds of the concurrent double-booking test")

// TestConcurrentBookingOneWinner: 64 bookers try to book the same slot at
// once, round after round; in every round exactly one succeeds, every other
// gets ECONFLICT, and the slot holds exactly one appointment. Between rounds
// the hospital cancels the winner's appointment, freeing the slot.
func TestConcurrentBookingOneWinner(t *testing.T) {
	const bookers = 64
	rounds := *bookingRounds
	if testing.Short() {
		rounds = 20
	}
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		pathways := make([]int64, bookers)
		for i := range pathways {
			pathways[i] = MustRegister(t, db, i+1, today.AddDays(-i)).PathwayID
		}
		slot := freeSlot(t, db, 1, elective.SlotNew)
		svc := store.NewBookingService(db)
		for round := 0; round < rounds; round++ {
			winners := contest(t, svc, pathways, slot.ID)
			if len(winners) != 1 {
				t.Fatalf("round %d: %d bookings of one slot, want exactly 1", round, len(winners))
			}
			if _, err := svc.RecordOutcome(as(booker), &elective.AppointmentOutcome{AppointmentID: winners[0].ID,
				Status: elective.AppointmentCancelledHospital, Reason: "test round over"}); err != nil {
				t.Fatal(err)
			}
		}
		var held int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM appointment WHERE status = 'booked'`).Scan(&held)
		if n := count(t, db, "appointment"); n != rounds || held != 0 {
			t.Fatalf("%d appointments (%d held) after %d rounds, want one per round, none held", n, held, rounds)
		}
	})
}

// contest runs one round: every pathway tries to book the slot at once.
func contest(t *testing.T, svc *store.BookingService, pathways []int64, slotID int64) []*elective.Appointment {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	var winners []*elective.Appointment
	start := make(chan struct{})
	for _, id := range pathways {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			a, err := svc.BookAppointment(as(booker), &elective.BookingRequest{PathwayID: id, SlotID: slotID, Communicated: elective.CommunicatedByPhone})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				winners = append(winners, a)
			case elective.ErrorCode(err) != elective.ECONFLICT:
				t.Errorf("booking pathway %d: %v, want success or ECONFLICT", id, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	return winners
}
