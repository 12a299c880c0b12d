package store_test

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

func annualLeave(staffID int64, from, to elective.Date) *elective.LeaveRequest {
	return &elective.LeaveRequest{StaffID: staffID, Type: elective.LeaveAnnual, From: from, To: to}
}

// Requests are checked (leave that ends before it starts changes
// nothing), may not overlap the member's own, carry their working days
// and notice, and count against the balance; declining needs a reason.
func TestWorkforceLeaveRequest(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		bone := mustStaff(t, db, mrBone())
		svc := store.NewLeaveService(db)
		backwards := annualLeave(bone.ID, today.AddDays(30), today.AddDays(28))
		err := svc.RequestLeave(as(rota), backwards)
		wantCode(t, err, elective.EINVALID)
		if f := elective.ErrorFields(err); len(f) != 1 || f[0].Field != "to" || !strings.Contains(f[0].Message, "ends") {
			t.Errorf("fields = %+v", f)
		}
		if count(t, db, "leave_request") != 0 {
			t.Fatal("leave that ends before it starts was saved")
		}
		wantCode(t, svc.RequestLeave(as(booker), annualLeave(bone.ID, today, today)), elective.EFORBIDDEN)

		// Christmas week: 21-24 December, 28 days ahead (TS-151: short of 42).
		xmas := annualLeave(bone.ID, elective.MustParseDate("2026-12-21"), elective.MustParseDate("2026-12-25"))
		if err := svc.RequestLeave(as(rota), xmas); err != nil {
			t.Fatal(err)
		}
		if xmas.Days != 4 || xmas.NoticeDays != 28 || xmas.RequiredNotice != 42 || !xmas.ShortNotice || xmas.Status != elective.LeaveRequested {
			t.Errorf("request = %+v", xmas)
		}
		wantCode(t, svc.RequestLeave(as(rota), annualLeave(bone.ID, xmas.To, xmas.To.AddDays(3))), elective.ECONFLICT)

		b, err := svc.FindLeaveBalance(as(booker), bone.ID, today)
		if err != nil {
			t.Fatal(err)
		}
		if b.Entitlement.AnnualDays != 34 || b.Entitlement.StudyDays != 10 || b.AnnualRequested != 4 || b.AnnualLeft() != 34 || b.Entitlement.Set {
			t.Errorf("balance = %+v", b)
		}
		e := &elective.LeaveEntitlement{StaffID: bone.ID, YearStart: today, AnnualDays: 30.5, StudyDays: 10}
		if err := svc.SetLeaveEntitlement(as(rota), e); err != nil {
			t.Fatal(err)
		}
		e.AnnualDays = 31
		if err := svc.SetLeaveEntitlement(as(rota), e); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.SetLeaveEntitlement(as(rota), &elective.LeaveEntitlement{StaffID: bone.ID, AnnualDays: -1}), elective.EINVALID)
		if b, _ := svc.FindLeaveBalance(as(booker), bone.ID, today); b.Entitlement.AnnualDays != 31 || !b.Entitlement.Set ||
			b.Entitlement.YearStart != elective.MustParseDate("2026-04-01") {
			t.Errorf("set entitlement = %+v", b.Entitlement)
		}

		for _, c := range []struct {
			f    elective.LeaveFilter
			want int
		}{
			{elective.LeaveFilter{}, 1},
			{elective.LeaveFilter{Status: elective.LeaveApproved}, 0},
			{elective.LeaveFilter{Team: "Orthopaedic consultants", From: xmas.To, To: xmas.To.AddDays(10)}, 1},
			{elective.LeaveFilter{To: xmas.From.AddDays(-1)}, 0},
		} {
			if rs, err := svc.FindLeaveRequests(as(booker), c.f); err != nil || len(rs) != c.want {
				t.Errorf("FindLeaveRequests(%+v) = %d, %v", c.f, len(rs), err)
			}
		}
		wantCode(t, svc.DeclineLeave(as(rota), xmas.ID, " "), elective.EINVALID)
		if err := svc.DeclineLeave(as(rota), xmas.ID, "Christmas cover already short"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, svc.DeclineLeave(as(rota), xmas.ID, "again"), elective.ECONFLICT)
		got, err := svc.FindLeaveRequest(as(booker), xmas.ID)
		if err != nil || got.Status != elective.LeaveDeclined || got.DecidedBy != "rota" || got.DecisionNote == "" ||
			got.DecidedAt.IsZero() || got.StaffName != "Mr A Bone" {
			t.Errorf("declined = %+v, %v", got, err)
		}
	})
}

// bookOn books fixture referral n into the first free new slot of the
// specialty on day d.
func bookOn(t *testing.T, db *store.DB, n int, d elective.Date) *elective.Appointment {
	t.Helper()
	ref := MustRegister(t, db, n, today.AddDays(-30))
	slots, err := store.NewClinicService(db).FindSlots(as(booker), elective.SlotFilter{SpecialtyID: 1, Type: elective.SlotNew,
		From: d.At(0, 0, london), To: d, FreeOnly: true, Limit: 1})
	if err != nil || len(slots) == 0 {
		t.Fatalf("no free slot on %s: %v", d, err)
	}
	a, err := store.NewBookingService(db).BookAppointment(as(booker), &elective.BookingRequest{PathwayID: ref.PathwayID,
		SlotID: slots[0].ID, Communicated: elective.CommunicatedByLetter})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Mr Bone's leave of 14-18 December (21 days' notice) covers his Monday
// clinic, with a patient booked, and his Wednesday list, with a case:
// the preview shows both; the rota coordinator may not approve short
// notice; beyond the team's limit of two away approval is refused naming
// who is away; the manager's approval cancels the clinic as a hospital
// cancellation and releases the list, each with the reason "Leave: annual
// leave", in one go.
func TestWorkforceLeaveApprove(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		theatreSetup(t, db)
		bone := mustStaff(t, db, mrBone())
		svc := store.NewLeaveService(db)
		monday, wednesday := elective.MustParseDate("2026-12-14"), elective.MustParseDate("2026-12-16")
		appt := bookOn(t, db, 1, monday)
		list := mustSession(t, db, wednesday.DaysSince(today), elective.PeriodMorning)
		entry := listEntry(t, db, 2, elective.P3)
		if _, err := store.NewTheatreService(db).ScheduleCase(as(senior), elective.ScheduleCase{SessionID: list.ID, EntryID: entry.ID}); err != nil {
			t.Fatal(err)
		}
		req := annualLeave(bone.ID, monday, monday.AddDays(4))
		if err := svc.RequestLeave(as(rota), req); err != nil {
			t.Fatal(err)
		}
		im, err := svc.PreviewLeave(as(rota), req.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(im.Clinics) != 1 || im.Clinics[0].Booked != 1 || len(im.Theatres) != 1 || im.Theatres[0].Booked != 1 ||
			im.Displaced != 2 || im.BalanceAfter != 29 || len(im.TeamAway) != 0 || im.OverLimit || im.MaxAway != 2 {
			t.Errorf("impact = %+v", im)
		}
		_, err = svc.ApproveLeave(as(rota), req.ID, "")
		wantCode(t, err, elective.EFORBIDDEN)
		if !strings.Contains(elective.ErrorMessage(err), "21 days' notice") {
			t.Errorf("message = %q", elective.ErrorMessage(err))
		}

		awayTwo(t, db, monday)
		_, err = svc.ApproveLeave(as(manager), req.ID, "")
		wantCode(t, err, elective.ECONFLICT)
		for _, want := range []string{"16 Dec 2026", "Dr A Ankle", "Dr B Bunion", "the 2 allowed"} {
			if !strings.Contains(elective.ErrorMessage(err), want) {
				t.Errorf("message %q lacks %q", elective.ErrorMessage(err), want)
			}
		}
		rs, _ := svc.FindLeaveRequests(as(rota), elective.LeaveFilter{Team: "Orthopaedic consultants", Status: elective.LeaveApproved})
		if err := svc.CancelLeave(as(rota), rs[1].ID, "Course cancelled"); err != nil {
			t.Fatal(err)
		}

		out, err := svc.ApproveLeave(as(manager), req.ID, "Cover arranged")
		if err != nil {
			t.Fatal(err)
		}
		if *out != (elective.LeaveOutcome{ClinicsCancelled: 1, TheatresReleased: 1, Displaced: 2}) {
			t.Errorf("outcome = %+v", out)
		}
		checkLeaveApplied(t, db, appt, list.ID, entry.ID)
		_, err = svc.ApproveLeave(as(manager), req.ID, "")
		wantCode(t, err, elective.ECONFLICT)
	})
}

// awayTwo gives two of Mr Bone's team approved leave on 15 and 16
// December, the second overlapping the first.
func awayTwo(t *testing.T, db *store.DB, monday elective.Date) {
	t.Helper()
	svc := store.NewLeaveService(db)
	for i, family := range []string{"Ankle", "Bunion"} {
		m := mustStaff(t, db, &elective.StaffMember{Title: "Dr", GivenName: string(rune('A' + i)), FamilyName: family,
			Group: elective.StaffConsultant, Grade: "Consultant", Team: "Orthopaedic consultants", FTEPercent: 100,
			ContractMaxShiftMinutes: 780, Active: true})
		r := annualLeave(m.ID, monday.AddDays(1+i), monday.AddDays(2+i))
		r.RequestedOn = today.AddDays(-60)
		if err := svc.RequestLeave(as(rota), r); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.ApproveLeave(as(rota), r.ID, ""); err != nil {
			t.Fatalf("approve %s: %v", family, err)
		}
	}
}

// checkLeaveApplied checks the clinic was cancelled by the hospital (not
// counted against the patient) and the list released with its case back
// on the waiting list.
func checkLeaveApplied(t *testing.T, db *store.DB, appt *elective.Appointment, listID, entryID int64) {
	t.Helper()
	var status, reason, session, released, entry string
	q := func(sql string, dest *string, args ...any) {
		if err := db.SQL().QueryRow(db.Rebind(sql), args...).Scan(dest); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT status FROM appointment WHERE id = ?`, &status, appt.ID)
	q(`SELECT reason FROM appointment_change WHERE appointment_id = ? ORDER BY id DESC LIMIT 1`, &reason, appt.ID)
	q(`SELECT status FROM clinic_session WHERE id = ?`, &session, appt.SessionID)
	q(`SELECT released_reason FROM theatre_session WHERE id = ?`, &released, listID)
	q(`SELECT status FROM admitted_entry WHERE id = ?`, &entry, entryID)
	if status != string(elective.AppointmentCancelledHospital) || !strings.Contains(reason, "Leave: annual leave") ||
		session != string(elective.SessionCancelled) || released != "Leave: annual leave" || entry != string(elective.AdmittedWaiting) {
		t.Errorf("after approval: appointment %s (%q), clinic %s, list released %q, entry %s", status, reason, session, released, entry)
	}
}
