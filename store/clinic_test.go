package store_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestGenerateSessionsIdempotent: making sessions again makes none twice,
// and each template's sessions fall on its weekday at its local start time.
func TestGenerateSessionsIdempotent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewClinicService(db)
		sessions := count(t, db, "clinic_session")
		n, err := svc.GenerateSessions(as(system), today.AddDays(-42), today.AddDays(42))
		if err != nil || n != 0 || count(t, db, "clinic_session") != sessions {
			t.Fatalf("second run made %d sessions (%v)", n, err)
		}
		n, err = svc.GenerateSessions(as(system), today, today.AddDays(49))
		if err != nil || n != 3 { // one more week of three weekly clinics
			t.Fatalf("one more week: made %d sessions, want 3 (%v)", n, err)
		}
		slots, err := svc.FindSlots(as(booker), elective.SlotFilter{ClinicianID: 2, From: testNow, Limit: 500})
		if err != nil || len(slots) == 0 {
			t.Fatalf("slots: %d, %v", len(slots), err)
		}
		for _, s := range slots {
			local := s.Start.In(london)
			if local.Weekday() != time.Wednesday || local.Hour() < 13 || s.Clinician.FamilyName != "Joint" || s.Site.ID != 2 {
				t.Fatalf("slot %+v at %v is not in Ms Joint's Wednesday afternoon clinic", s, local)
			}
		}
		_, err = svc.GenerateSessions(as(booker), today, today.AddDays(7))
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// TestFreeSlotsSkipCancelledSessions: a free-slot search never offers a
// slot of a cancelled session, nor a held one.
func TestFreeSlotsSkipCancelledSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		first := freeSlot(t, db, 1, elective.SlotNew)
		if _, err := db.SQL().Exec(`UPDATE slot SET session_status = 'cancelled' WHERE session_id = ` + itoa(first.SessionID)); err != nil {
			t.Fatal(err)
		}
		next := freeSlot(t, db, 1, elective.SlotNew)
		if next.SessionID == first.SessionID {
			t.Fatalf("offered slot %d of cancelled session %d", next.ID, first.SessionID)
		}
		ref := MustRegister(t, db, 1, today)
		a := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		if again := freeSlot(t, db, 1, elective.SlotNew); again.ID == a.SlotID {
			t.Fatalf("offered held slot %d", a.SlotID)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestTemplateCalendar: a fortnightly template with a closure and an extra
// session is saved and read back whole, its sessions skip the Christmas
// bank holidays, and a pattern the calendar refuses changes nothing.
func TestTemplateCalendar(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewClinicService(db)
		d := elective.MustParseDate
		tmpl := &elective.ClinicTemplate{Code: "ORTH-XMAS", Name: "Christmas clinic", ClinicianID: 1, SpecialtyID: 1, SiteID: 1,
			Weekday: time.Friday, StartMinute: 9 * 60, EffectiveFrom: d("2026-12-18"), Every: 2,
			Slots:      []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 30}},
			Exceptions: []elective.TemplateException{{Date: d("2027-01-15"), Reason: "Audit"}, {Date: d("2027-01-20"), Extra: true, Reason: "Extra"}}}
		if err := svc.CreateClinicTemplate(as(system), tmpl); err != nil {
			t.Fatal(err)
		}
		all, err := svc.FindClinicTemplates(as(system), 1)
		if err != nil {
			t.Fatal(err)
		}
		var got *elective.ClinicTemplate
		for _, x := range all {
			if x.ID == tmpl.ID {
				got = x
			}
		}
		if got == nil || got.Every != 2 || len(got.Exceptions) != 2 || !got.Exceptions[1].Extra || got.OpenOnBankHolidays {
			t.Fatalf("read back %+v", got)
		}
		if _, err := svc.GenerateSessions(as(system), d("2026-12-18"), d("2027-01-31")); err != nil {
			t.Fatal(err)
		}
		// Fridays 18 Dec, (1 Jan: New Year's Day), (15 Jan: closed), 29 Jan; and the extra Wednesday 20 Jan.
		n := count(t, db, "clinic_session WHERE template_id = "+strconv.FormatInt(tmpl.ID, 10))
		if n != 3 {
			t.Errorf("%d sessions, want 3 (18 Dec, 20 Jan extra, 29 Jan)", n)
		}
		bad := *tmpl
		bad.Code, bad.Every, bad.WeeksOfMonth = "ORTH-BAD", 2, []int{1}
		wantCode(t, svc.CreateClinicTemplate(as(system), &bad), elective.EINVALID)
	})
}

// TestTemplateClash: a template overlapping another of the same clinician
// is refused and nothing is saved.
func TestTemplateClash(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewClinicService(db)
		existing, err := svc.FindClinicTemplates(as(system), 0)
		if err != nil || len(existing) == 0 {
			t.Fatal(err)
		}
		e := existing[0]
		clash := &elective.ClinicTemplate{Code: "CLASH", Name: "Clash", ClinicianID: e.ClinicianID, SpecialtyID: e.SpecialtyID,
			SiteID: e.SiteID, Weekday: e.Weekday, StartMinute: e.StartMinute + 30, EffectiveFrom: today,
			Slots: []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 30}}}
		err = svc.CreateClinicTemplate(as(system), clash)
		wantCode(t, err, elective.EINVALID)
		if !strings.Contains(elective.ErrorMessage(err)+fmt.Sprint(err), "overlap") && !strings.Contains(fmt.Sprintf("%+v", err), "overlap") {
			t.Errorf("error %v does not say it overlaps", err)
		}
		if n := count(t, db, "clinic_template WHERE code = 'CLASH'"); n != 0 {
			t.Errorf("the clashing template was saved")
		}
	})
}

// TestHeldSlots: a template's held and local-only slots reach the slots
// made from it; a routine patient cannot book a held slot before its
// release, an urgent one can.
func TestHeldSlots(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewClinicService(db)
		day := today.AddDays(14)
		for day.Weekday() != time.Saturday {
			day = day.AddDays(1)
		}
		tmpl := &elective.ClinicTemplate{Code: "ORTH-SAT", Name: "Saturday clinic", ClinicianID: 1, SpecialtyID: 1, SiteID: 1,
			Weekday: time.Saturday, StartMinute: 9 * 60, EffectiveFrom: day, EffectiveTo: day,
			Slots: []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 30, Reserved: elective.PriorityUrgent, LocalOnly: true}}}
		if err := svc.CreateClinicTemplate(as(system), tmpl); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.GenerateSessions(as(system), day, day); err != nil {
			t.Fatal(err)
		}
		slots, err := svc.FindSlots(as(booker), elective.SlotFilter{SpecialtyID: 1, From: day.At(0, 0, london), To: day, FreeOnly: true})
		if err != nil || len(slots) != 1 || slots[0].Reserved != elective.PriorityUrgent || !slots[0].LocalOnly {
			t.Fatalf("slots made = %+v, %v", slots, err)
		}
		routine := MustRegister(t, db, 1, today.AddDays(-10))
		urgent := MustRegister(t, db, 2, today.AddDays(-10), func(r *elective.ReferralRegistration) {
			r.Referral.Priority = elective.PriorityUrgent
		})
		bookings := store.NewBookingService(db)
		book := func(pathwayID int64) error {
			_, err := bookings.BookAppointment(as(booker), &elective.BookingRequest{PathwayID: pathwayID, SlotID: slots[0].ID,
				Communicated: elective.CommunicatedByPhone})
			return err
		}
		wantCode(t, book(routine.PathwayID), elective.EINVALID)
		if err := book(urgent.PathwayID); err != nil {
			t.Fatal(err)
		}
	})
}

// TestEndTemplate: ending a template cancels its sessions after the last
// date, displacing their patients as hospital cancellations; inside the
// change-notice window only a booking manager may (rules.md 3.5).
func TestEndTemplate(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-30))
		a, err := store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{PathwayID: ref.PathwayID,
			SlotID: freeSlotAfter(t, db, elective.SlotNew, testNow.Add(7*24*time.Hour), 0).ID, Communicated: elective.CommunicatedByPhone})
		if err != nil {
			t.Fatal(err)
		}
		sess, err := store.NewClinicService(db).FindSlots(as(booker), elective.SlotFilter{SpecialtyID: 1, From: a.Start, Limit: 1})
		if err != nil || len(sess) == 0 {
			t.Fatal(err)
		}
		tmplID := sess[0].Session.TemplateID
		svc := store.NewCascadeService(db)
		last := elective.DateOf(a.Start, london).AddDays(-1)
		tc, err := svc.PreviewTemplateEnd(as(manager), tmplID, last)
		if err != nil || len(tc.Sessions) == 0 || tc.Displaced != 1 || !tc.NeedsApproval {
			t.Fatalf("preview = %+v, %v", tc, err)
		}
		end := &elective.TemplateEnd{TemplateID: tmplID, Last: last, Reason: elective.CancelForLeave}
		_, err = svc.EndTemplate(as(admin), end)
		wantCode(t, err, elective.EFORBIDDEN) // may manage clinics, may not approve a short-notice change
		_, err = svc.EndTemplate(as(manager), &elective.TemplateEnd{TemplateID: tmplID, Last: today.AddDays(-1), Reason: elective.CancelForLeave})
		wantCode(t, err, elective.EINVALID)
		n, err := svc.EndTemplate(as(manager), end)
		if err != nil || n != 1 {
			t.Fatalf("EndTemplate = %d, %v", n, err)
		}
		if got, _ := store.NewBookingService(db).FindAppointmentByID(as(booker), a.ID); got.Status != elective.AppointmentCancelledHospital {
			t.Errorf("appointment is %s", got.Status)
		}
		tmpl, _ := store.NewClinicService(db).FindClinicTemplate(as(manager), tmplID)
		if tmpl.EffectiveTo != last {
			t.Errorf("effective to %s, want %s", tmpl.EffectiveTo, last)
		}
		if _, err := store.NewClinicService(db).GenerateSessions(as(system), today, today.AddDays(42)); err != nil {
			t.Fatal(err)
		}
		if after, _ := svc.PreviewTemplateEnd(as(manager), tmplID, last); len(after.Sessions) != 0 {
			t.Errorf("%d sessions after the end (made again?)", len(after.Sessions))
		}
	})
}
