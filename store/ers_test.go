package store_test

import (
	"fmt"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// TestReceiveERS: an e-RS referral converts by booking the earliest free
// new slot, starting the clock today (rules.md 1.2.3); with no slot inside
// the booking window it is deferred to the ASI worklist, the clock
// starting the day it appears there (1.2.4), and booking it takes it off.
func TestReceiveERS(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewReferralService(db)
		ers := func(n int) *elective.ReferralRegistration {
			reg := fixture.Registration(n%10, today.AddDays(-30)) // the received date is replaced by today
			reg.Referral.UBRN = fmt.Sprintf("%012d", 123456780+n)
			return reg
		}
		ref, appt, err := svc.ReceiveERS(as(booker), ers(1))
		if err != nil || appt == nil || ref.Source != elective.SourceERS || appt.Communicated != elective.CommunicatedERS {
			t.Fatalf("converted = %+v, %+v, %v", ref, appt, err)
		}
		if e := ptlEntry(t, db, ref.PathwayID); e.ClockStart != today || !e.Booked() || e.PPID != "00000000000123456781" {
			t.Fatalf("PTL after conversion = %+v", e)
		}
		bad := ers(2)
		bad.Referral.UBRN = "12"
		_, _, err = svc.ReceiveERS(as(booker), bad)
		wantCode(t, err, elective.EINVALID)

		// The policy's routine window is a single day: no slot tomorrow is
		// inside it once today's have gone, so the UBRN is deferred.
		db.Policy.ERSWindowDaysRoutine = 1
		defer func() { db.Policy.ERSWindowDaysRoutine = 126 }()
		deferred := 0
		var asi *elective.Referral
		for n := 3; n < 60 && asi == nil; n++ {
			r, a, err := svc.ReceiveERS(as(booker), ers(n))
			if err != nil {
				t.Fatal(err)
			}
			if a == nil {
				asi, deferred = r, deferred+1
			}
		}
		if asi == nil || asi.Source != elective.SourceERSASI {
			t.Fatalf("nothing deferred to the ASI worklist: %+v", asi)
		}
		list, n, err := store.NewWaitingListService(db).FindPTL(as(booker), elective.PTLFilter{Census: today,
			Source: elective.SourceERSASI, Booked: "no", Sort: elective.SortPriority})
		if err != nil || n != 1 || list[0].PathwayID != asi.PathwayID || list[0].ClockStart != today {
			t.Fatalf("ASI worklist = %d rows %+v, %v", n, list, err)
		}
	})
}
