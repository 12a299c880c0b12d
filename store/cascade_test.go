package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestCancelSession: a clinic inside the change-notice window is cancelled
// only by a booking manager (rules.md 3.5); its patients' appointments
// become hospital cancellations that never count against them (TS-61);
// each displaced patient is proposed a different slot with reasonable
// notice.
func TestCancelSession(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewCascadeService(db)
		one := MustRegister(t, db, 1, today.AddDays(-40))
		two := MustRegister(t, db, 2, today.AddDays(-20), func(r *elective.ReferralRegistration) {
			r.Referral.Priority = elective.PriorityUrgent
		})
		a1 := MustBook(t, db, one.PathwayID, elective.SlotNew)
		a2 := MustBook(t, db, two.PathwayID, elective.SlotNew)
		if a1.SessionID != a2.SessionID {
			t.Fatalf("fixture: booked into sessions %d and %d", a1.SessionID, a2.SessionID)
		}
		ch, err := svc.PreviewSessionCancellation(as(booker), a1.SessionID, time.Time{})
		if err != nil || len(ch.Appointments) != 2 || len(ch.Booked) != 2 || !ch.NeedsApproval {
			t.Fatalf("preview = %+v, %v", ch, err)
		}
		if ch.Booked[0].PathwayID != two.PathwayID {
			t.Errorf("preview order: urgent first, got pathway %d", ch.Booked[0].PathwayID)
		}
		cancel := &elective.SessionCancellation{SessionID: a1.SessionID, Reason: elective.CancelForSickness}
		for _, u := range []*elective.User{booker, senior} {
			_, err := svc.CancelSession(as(u), cancel)
			wantCode(t, err, elective.EFORBIDDEN)
		}
		_, err = svc.CancelSession(as(manager), &elective.SessionCancellation{SessionID: a1.SessionID, Reason: elective.CancelForOther})
		wantCode(t, err, elective.EINVALID) // "other" needs a note
		n, err := svc.CancelSession(as(manager), cancel)
		if err != nil || n != 2 {
			t.Fatalf("CancelSession = %d, %v", n, err)
		}
		_, err = svc.CancelSession(as(manager), cancel)
		wantCode(t, err, elective.EINVALID)
		got, _ := store.NewBookingService(db).FindAppointmentByID(as(booker), a1.ID)
		if got.Status != elective.AppointmentCancelledHospital {
			t.Errorf("appointment status %s", got.Status)
		}
		p, _ := store.NewPathwayService(db).FindPathwayByID(as(booker), one.PathwayID)
		if last := p.Events[len(p.Events)-1]; last.Kind != elective.EventCancelled || last.By != elective.CancelledByProvider {
			t.Errorf("last event %+v, want a provider cancellation", last)
		}
		if e := ptlEntry(t, db, one.PathwayID); e.Booked() || e.ReviewNeeded {
			t.Errorf("PTL after hospital cancellation: %+v", e)
		}
		props, err := svc.ProposeRebookings(as(booker), 1)
		if err != nil || len(props) != 2 {
			t.Fatalf("ProposeRebookings = %d, %v", len(props), err)
		}
		if props[0].Entry.PathwayID != two.PathwayID || props[0].Proposed == nil || props[1].Proposed == nil ||
			props[0].Proposed.ID == props[1].Proposed.ID {
			t.Fatalf("proposals %+v %+v", props[0], props[1])
		}
		for _, d := range props {
			if days := elective.DateOf(d.Proposed.Start, london).DaysSince(today); days < 21 {
				t.Errorf("proposed %d days ahead, want at least 21", days)
			}
		}
		// Rebooked patients leave the displaced list.
		if _, err := store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{PathwayID: two.PathwayID,
			SlotID: props[0].Proposed.ID, Communicated: elective.CommunicatedByLetter}); err != nil {
			t.Fatal(err)
		}
		if props, _ := svc.ProposeRebookings(as(booker), 1); len(props) != 1 || props[0].Entry.PathwayID != one.PathwayID {
			t.Errorf("after rebooking: %d displaced", len(props))
		}
		sums, err := svc.FindSessions(as(booker), elective.SessionFilter{SpecialtyID: 1, From: today, To: today.AddDays(42)})
		if err != nil || len(sums) == 0 {
			t.Fatalf("FindSessions = %d, %v", len(sums), err)
		}
	})
}

// TestReduceSession: closing a session's slots from a time displaces only
// the patients booked from then, as hospital cancellations; the earlier
// slots stay bookable and the closed ones cannot be booked.
func TestReduceSession(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewCascadeService(db)
		early := MustRegister(t, db, 1, today.AddDays(-40))
		late := MustRegister(t, db, 2, today.AddDays(-30))
		a := MustBook(t, db, early.PathwayID, elective.SlotNew)
		b := MustBook(t, db, late.PathwayID, elective.SlotNew)
		if a.SessionID != b.SessionID || !b.Start.After(a.Start) {
			t.Fatalf("fixture: %v and %v", a.Start, b.Start)
		}
		ch, err := svc.PreviewSessionCancellation(as(manager), a.SessionID, b.Start)
		if err != nil || len(ch.Appointments) != 1 || ch.Appointments[0].ID != b.ID || len(ch.SlotTimes) < 3 {
			t.Fatalf("preview = %+v, %v", ch, err)
		}
		_, err = svc.CancelSession(as(manager), &elective.SessionCancellation{SessionID: a.SessionID, Reason: elective.CancelForLeave,
			From: ch.Session.End.Add(time.Hour)})
		wantCode(t, err, elective.EINVALID) // not within the clinic
		n, err := svc.CancelSession(as(manager), &elective.SessionCancellation{SessionID: a.SessionID, Reason: elective.CancelForLeave, From: b.Start})
		if err != nil || n != 1 {
			t.Fatalf("reduce = %d, %v", n, err)
		}
		bookings := store.NewBookingService(db)
		if got, _ := bookings.FindAppointmentByID(as(booker), a.ID); got.Status != elective.AppointmentBooked {
			t.Errorf("the earlier appointment is %s", got.Status)
		}
		if got, _ := bookings.FindAppointmentByID(as(booker), b.ID); got.Status != elective.AppointmentCancelledHospital {
			t.Errorf("the later appointment is %s", got.Status)
		}
		_, err = bookings.BookAppointment(as(booker), &elective.BookingRequest{PathwayID: late.PathwayID, SlotID: b.SlotID,
			Communicated: elective.CommunicatedByPhone})
		wantCode(t, err, elective.EINVALID) // the closed slot
		if props, err := svc.ProposeRebookings(as(booker), 1); err != nil || len(props) != 1 || props[0].Entry.PathwayID != late.PathwayID {
			t.Errorf("rebooking worklist after the reduction = %+v, %v", props, err)
		}
		after, _ := svc.PreviewSessionCancellation(as(manager), a.SessionID, time.Time{})
		if after.Session.Status != elective.SessionOpen || len(after.SlotTimes) >= len(ch.SlotTimes) {
			t.Errorf("after the reduction: status %s, %d open slots (was %d)", after.Session.Status, len(after.SlotTimes), len(ch.SlotTimes))
		}
	})
}
