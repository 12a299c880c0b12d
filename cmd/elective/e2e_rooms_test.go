package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestBrowserRoomsAndClaims walks rooms and claims in headless Chromium on
// the real binary. The rota coordinator adds OPD 1, where Mr Bone's knee
// clinic runs this morning: a booking over the clinic is refused naming
// it and its time, one after it is made, an end before the start is
// refused, the next day is empty, and the booking is cancelled. Then the
// coordinator claims a WLI session, an expense (a negative amount is
// refused first) and asks for bank cover, filled by a bank doctor; the
// booking manager approves the WLI session and the bank shift, rejects
// the expense (first without a reason, refused), and downloads the
// month's payroll as CSV and Excel.
func TestBrowserRoomsAndClaims(t *testing.T) {
	chromium := findChromium(t)
	clk := &clock{now: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)} // Monday 08:00 in London
	dbPath := filepath.Join(t.TempDir(), "rooms.db")
	seedE2E(t, dbPath, clk)
	seedRoomsAndClaims(t, dbPath, clk)
	base := startServer(t, dbPath, clk)
	b := &browser{t: t, ctx: newBrowser(t, chromium), base: base}

	b.signInAs(e2eRota)
	b.addRoom()
	b.bookRoom()
	b.roomDays()
	b.submitClaims()
	b.do("sign out", press("Sign out"), chromedp.WaitVisible(chromedp.CSS("#username")))
	b.signInAs(e2eManager)
	b.decideClaims()
	b.payrollDownloads()
}

// addRoom adds OPD 1 from the rooms page: this morning's clinic there
// shows at once.
func (b *browser) addRoom() {
	b.do("open the rooms", follow("Rooms"), chromedp.WaitVisible(chromedp.CSS("#room-form")))
	b.see("no rooms yet", "No rooms yet")
	b.do("add a room without seats", chromedp.SetValue(chromedp.CSS("#site-id"), "1"),
		chromedp.SendKeys(chromedp.CSS("#code"), "opd-1"), chromedp.SendKeys(chromedp.CSS("#name"), "OPD 1"),
		chromedp.SendKeys(chromedp.CSS("#location"), "Outpatients, ground floor"), chromedp.SetValue(chromedp.CSS("#capacity"), "lots"),
		press("Add the room"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("bad seats refused", "Enter how many people the room holds, as a whole number")
	b.do("add the room", chromedp.SetValue(chromedp.CSS("#capacity"), "3"), press("Add the room"),
		chromedp.WaitVisible(`//*[contains(., "Room added: OPD 1")]`))
	b.see("room added", "OPD-1", "Fixture General Hospital", "Outpatients, ground floor", "Free now",
		"Next: 09:00–10:30 Mr Bone knee clinic")
}

// bookRoom opens OPD 1's day: the clinic holds 09:00-10:30, so a booking
// at 10:00 is refused naming it; 10:30 to 11:30 is booked; an end before
// the start is refused and nothing is booked.
func (b *browser) bookRoom() {
	b.do("open OPD 1", follow("OPD 1"), chromedp.WaitVisible(chromedp.CSS("#booking-form")))
	b.see("the room's day", "Monday 23 November 2026", "Mr Bone knee clinic", "Mr A Bone", "1 h 30 min of 12 h held")
	fill := func(start, end string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(chromedp.SetValue(chromedp.CSS("#start"), start), chromedp.SetValue(chromedp.CSS("#end"), end),
			chromedp.SetValue(chromedp.CSS("#purpose"), "Orthopaedic MDT"), chromedp.SetValue(chromedp.CSS("#booked-by"), "Mr Bone"))
	}
	b.do("book over the clinic", fill("10:00", "11:00"), press("Book the room"),
		chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("clash refused", "OPD 1 is already held by the clinic Mr Bone knee clinic (Mr A Bone), 09:00–10:30 on 23 Nov 2026")
	b.do("book after the clinic", fill("10:30", "11:30"), press("Book the room"),
		chromedp.WaitVisible(`//*[contains(., "Room booked: OPD 1, 10:30–11:30 on 23 Nov 2026")]`))
	b.see("booked", "Orthopaedic MDT", "2 h 30 min of 12 h held")
	b.do("end before start", fill("14:00", "13:00"), press("Book the room"),
		chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("end before start refused", "The end time must be after the start time")
	if text := b.text(); strings.Count(text, "Cancel booking") != 1 {
		b.t.Fatalf("a refused booking was saved: %s", text)
	}
}

// roomDays steps to tomorrow (nothing holds the room) and back, and
// cancels the booking.
func (b *browser) roomDays() {
	b.do("next day", follow("Next day"), chromedp.WaitVisible(chromedp.CSS("#room-free")))
	b.see("tomorrow", "Tuesday 24 November 2026", "Nothing holds the room on this day")
	b.do("previous day", follow("Previous day"), chromedp.WaitVisible(chromedp.CSS("#room-uses")))
	b.do("cancel the booking", press("Cancel booking"),
		chromedp.WaitVisible(`//*[contains(., "Booking cancelled: OPD 1, 10:30–11:30 on 23 Nov 2026")]`))
	b.see("cancelled", "1 h 30 min of 12 h held")
}

// submitClaims submits a WLI session, an expense and a bank request, and
// fills the bank shift.
func (b *browser) submitClaims() {
	b.do("open the claims", follow("Claims"), chromedp.WaitVisible(chromedp.CSS("#new-claims")))
	b.do("new WLI claim", follow("Claim a waiting-list-initiative session"), chromedp.WaitVisible(chromedp.CSS("#claim-form")))
	b.do("claim the session", chromedp.SetValue(chromedp.CSS("#staff-id"), "1"), chromedp.SetValue(chromedp.CSS("#date"), "2026-11-28"),
		chromedp.SetValue(chromedp.CSS("#pas"), "1"), chromedp.SetValue(chromedp.CSS("#rate"), "premium"),
		press("Submit for approval"), chromedp.WaitVisible(`//*[contains(., "Waiting-list initiative submitted for approval")]`))
	b.see("WLI submitted", "Mr A Bone", "4 h, 1 PA, Premium time", "Awaiting approval")

	b.do("new expense", chromedp.Navigate(b.base+"/claims/new?kind=expense"), chromedp.WaitVisible(chromedp.CSS("#claim-form")))
	b.do("a negative amount", chromedp.SetValue(chromedp.CSS("#staff-id"), "1"), chromedp.SetValue(chromedp.CSS("#expense-type"), "Parking"),
		chromedp.SendKeys(chromedp.CSS("#amount"), "-12.50"), chromedp.SendKeys(chromedp.CSS("#receipt"), "PK-881"),
		press("Submit for approval"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("negative refused", "Enter the amount in pounds, more than £0 and at most £10,000")
	b.do("the amount", chromedp.SetValue(chromedp.CSS("#amount"), "12.50"), press("Submit for approval"),
		chromedp.WaitVisible(`//*[contains(., "Expense submitted for approval")]`))

	b.do("new bank request", chromedp.Navigate(b.base+"/claims/new?kind=bank"), chromedp.WaitVisible(chromedp.CSS("#claim-form")))
	b.do("ask for night cover", chromedp.SetValue(chromedp.CSS("#date"), "2026-11-28"), chromedp.SetValue(chromedp.CSS("#start"), "20:00"),
		chromedp.SetValue(chromedp.CSS("#end"), "08:00"), chromedp.SendKeys(chromedp.CSS("#grade"), "ST4"),
		chromedp.SendKeys(chromedp.CSS("#reason"), "Sickness on the night rota"), press("Submit for approval"),
		chromedp.WaitVisible(`//*[contains(., "Bank shift submitted for approval")]`))
	b.see("bank requested", "12 h, ST4: Sickness on the night rota", "Not yet filled")
	b.do("fill it", chromedp.Click(chromedp.CSS("#claim-3 summary")), chromedp.SetValue(chromedp.CSS("#fill-staff-3"), "2"),
		press("Mark filled"), chromedp.WaitVisible(`//*[contains(., "Bank shift request 3 filled by Dr R Bank")]`))
}

// decideClaims approves the session and the shift and rejects the
// expense, which needs a reason.
func (b *browser) decideClaims() {
	b.do("open the claims", chromedp.Navigate(b.base+"/claims?status=submitted"), chromedp.WaitVisible(chromedp.CSS("#claims")))
	b.do("approve the session", press("Approve claim 1"), chromedp.WaitVisible(`//*[contains(., "Claim 1 approved")]`))
	b.do("reject without a reason", press("Reject claim 2"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("reason needed", "Enter why the claim is rejected")
	b.do("reject with a reason", chromedp.SendKeys(chromedp.CSS("#reason-2"), "Parking is free for staff on this site"),
		press("Reject claim 2"), chromedp.WaitVisible(`//*[contains(., "Claim 2 rejected: Parking is free")]`))
	b.do("approve the shift", press("Approve claim 3"), chromedp.WaitVisible(`//*[contains(., "Claim 3 approved")]`))
	b.do("the month's claims", chromedp.Navigate(b.base+"/claims"), chromedp.WaitVisible(chromedp.CSS("#payroll")))
	b.see("decided", "Approved", "Rejected", "Parking is free for staff on this site")
}

// payrollDownloads fetches the month's payroll files as the browser would.
func (b *browser) payrollDownloads() {
	csv, err := b.run(chromedp.Evaluate[string](`fetch("/claims/export.csv?month=2026-11").then(async r =>
		r.headers.get("Content-Disposition") + "\n" + await r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("download the payroll CSV: %v", err)
	}
	for _, want := range []string{`filename="payroll-claims-2026-11.csv"`, "Staff,Grade,Date,Kind",
		"Mr A Bone,Consultant,2026-11-28,Waiting-list initiative,08:00,12:00,4.00,1.00,Premium time",
		"Dr R Bank,ST4,2026-11-28,Bank shift,20:00,08:00,12.00"} {
		if !strings.Contains(csv, want) {
			b.t.Fatalf("payroll CSV has no %q:\n%s", want, csv)
		}
	}
	if strings.Contains(csv, "Parking") {
		b.t.Fatalf("the rejected expense is in the payroll:\n%s", csv)
	}
	xlsx, err := b.run(chromedp.Evaluate[string](`fetch("/claims/export.xlsx?month=2026-11").then(async r =>
		r.headers.get("Content-Type") + " " + (await r.arrayBuffer()).byteLength)`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.HasPrefix(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ") {
		b.t.Fatalf("payroll workbook: %q, %v", xlsx, err)
	}
}

// seedRoomsAndClaims adds the rota coordinator and two members of staff:
// Mr Bone (consultant, staff 1) and a bank resident doctor (staff 2).
func seedRoomsAndClaims(t *testing.T, path string, clk *clock) {
	t.Helper()
	db, sys := openSeed(t, path, clk)
	defer db.Close()
	addRotaCoordinator(t, db, sys)
	staff := store.NewStaffService(db)
	for _, m := range []*elective.StaffMember{
		{Title: "Mr", GivenName: "Adam", FamilyName: "Bone", Group: elective.StaffConsultant, Grade: "Consultant", ClinicianID: 1,
			FTEPercent: 100, ContractMaxShiftMinutes: 780, Active: true},
		{Title: "Dr", GivenName: "Rhea", FamilyName: "Bank", Group: elective.StaffResident, Grade: "ST4", FTEPercent: 100,
			ContractMaxShiftMinutes: 780, Active: true},
	} {
		if err := staff.CreateStaffMember(sys, m); err != nil {
			t.Fatal(err)
		}
	}
}
