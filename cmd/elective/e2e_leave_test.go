package main

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// leaveSeed is what the workforce walk finds: Mr Bone's theatre list in
// his leave of 11-15 January 2027.
var leaveSeed struct {
	path string
	list int64
}

// TestBrowserStaffAndLeave walks the rota coordinator's staff and leave
// work in headless Chromium on the real binary: add consultant Mr Bone
// linked to his clinics, build his job plan (a Saturday list is premium
// time; an overlap is refused), read the sessions delivered against it,
// record leave (leave that ends before it starts is refused), see before
// approving that it cancels his Monday clinic with a patient booked and
// releases his Wednesday list, approve it, and find that short-notice
// leave needs the manager, who approves it.
func TestBrowserStaffAndLeave(t *testing.T) {
	chromium := findChromium(t)
	clk := &clock{now: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)} // Monday 08:00 in London
	dbPath := filepath.Join(t.TempDir(), "leave.db")
	seedE2E(t, dbPath, clk)
	seedLeave(t, dbPath, clk)
	base := startServer(t, dbPath, clk)
	b := &browser{t: t, ctx: newBrowser(t, chromium), base: base}

	b.signInAs(e2eRota)
	b.addStaffMember()
	b.buildJobPlan()
	b.reconcileJobPlan()
	b.recordLeave()
	b.approveLeave()
	b.shortNoticeLeave()
}

// addStaffMember adds Mr Bone from the Workforce menu.
func (b *browser) addStaffMember() {
	b.do("open Workforce", follow("Workforce"), chromedp.WaitVisible(chromedp.CSS("#q")))
	b.see("no staff yet", "No staff match")
	b.do("add a member", follow("Add a member of staff"), chromedp.WaitVisible(chromedp.CSS("#staff-form")))
	b.do("fill Mr Bone", chromedp.SendKeys(chromedp.CSS("#title"), "Mr"), chromedp.SendKeys(chromedp.CSS("#given-name"), "Adam"),
		chromedp.SendKeys(chromedp.CSS("#family-name"), "Bone"), chromedp.SetValue(chromedp.CSS("#group"), "consultant"),
		chromedp.SendKeys(chromedp.CSS("#grade"), "Consultant"), chromedp.SetValue(chromedp.CSS("#specialty-id"), "1"),
		chromedp.SendKeys(chromedp.CSS("#team"), "Orthopaedic consultants"), chromedp.SetValue(chromedp.CSS("#clinician-id"), "1"),
		chromedp.SendKeys(chromedp.CSS("#mobile"), "07700 900001"), chromedp.SendKeys(chromedp.CSS("#bleep"), "1234"),
		chromedp.SendKeys(chromedp.CSS("#skills"), "ALS, arthroscopy"), chromedp.SetValue(chromedp.CSS("#service-start"), "2015-09-01"),
		press("Save"), chromedp.WaitVisible(`//*[contains(., "Mr A Bone saved")]`))
	b.see("saved", "Mr A Bone saved", "Orthopaedic consultants", "ALS, arthroscopy", "34 days", "No job plan yet")
	b.do("the staff list", chromedp.Navigate(b.base+"/staff?q=1234"), chromedp.WaitVisible(chromedp.CSS("#staff")))
	b.see("found by bleep", "Mr A Bone", "07700 900001")
}

// buildJobPlan adds the Monday clinic from its template and a Saturday
// list in premium time; an overlapping block is refused.
func (b *browser) buildJobPlan() {
	b.do("open Mr Bone", follow("Mr A Bone"), chromedp.WaitVisible(chromedp.CSS("#staff-details")))
	b.do("open the job plan", follow("Change the job plan"), chromedp.WaitVisible(chromedp.CSS("#activity-form")))
	b.do("add the Monday clinic", chromedp.SetValue(chromedp.CSS("#pa-weekday"), "1"), chromedp.SetValue(chromedp.CSS("#pa-start"), "09:00"),
		chromedp.SendKeys(chromedp.CSS("#pa-description"), "Knee clinic"), chromedp.SetValue(chromedp.CSS("#pa-template"), "c:1"),
		press("Add to the job plan"), chromedp.WaitVisible(`//*[contains(., "Added DCC on Monday at 09:00")]`))
	b.do("add a Saturday list", chromedp.SetValue(chromedp.CSS("#pa-weekday"), "6"), chromedp.SetValue(chromedp.CSS("#pa-start"), "09:00"),
		chromedp.SetValue(chromedp.CSS("#pa-minutes"), "180"), chromedp.SendKeys(chromedp.CSS("#pa-description"), "Waiting-list list"),
		press("Add to the job plan"), chromedp.WaitVisible(`//*[contains(., "premium time: 3 hours a PA")]`))
	b.see("job plan", "Mr Bone knee clinic", "Premium time", "2 PAs", "7 timetabled hours")
	b.do("an overlapping block", chromedp.SetValue(chromedp.CSS("#pa-weekday"), "1"), chromedp.SetValue(chromedp.CSS("#pa-start"), "11:00"),
		chromedp.SetValue(chromedp.CSS("#pa-category"), "spa"), press("Add to the job plan"),
		chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("overlap refused", "It overlaps Knee clinic on Monday from 09:00")
}

// reconcileJobPlan reads the Monday clinics delivered over the default
// period: twelve weeks back and four ahead.
func (b *browser) reconcileJobPlan() {
	b.do("open the reconciliation", follow("Sessions delivered against the job plan"),
		chromedp.WaitVisible(chromedp.CSS("#reconciliation")))
	b.see("reconciliation", "Mr Bone knee clinic", "Planned", "Ran", "To come", "Total")
}

// recordLeave records Mr Bone's week of annual leave from 11 January,
// first with the dates the wrong way round.
func (b *browser) recordLeave() {
	b.do("record leave", chromedp.Navigate(b.base+"/staff"), follow("Mr A Bone"), chromedp.WaitVisible(chromedp.CSS("#staff-details")),
		follow("Record leave"), chromedp.WaitVisible(chromedp.CSS("#leave-form")))
	b.do("the dates reversed", chromedp.SetValue(chromedp.CSS("#from"), "2027-01-15"), chromedp.SetValue(chromedp.CSS("#to"), "2027-01-11"),
		press("Record the request"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("refused", "The leave ends (11 Jan 2027) before it starts (15 Jan 2027)")
	b.do("correct the dates", chromedp.SetValue(chromedp.CSS("#from"), "2027-01-11"), chromedp.SetValue(chromedp.CSS("#to"), "2027-01-15"),
		chromedp.SendKeys(chromedp.CSS("#reason"), "Family holiday"), press("Record the request"),
		chromedp.WaitVisible(`//*[contains(., "Leave requested: 5 working days with 49 days")]`))
	b.see("impact before approval", "Leave requested: 5 working days with 49 days' notice", "1 booked patients", "Main theatre 1",
		"Cancelled", "Released", "After this leave: 29 days", "Nobody else in Orthopaedic consultants")
}

// approveLeave approves it: the clinic goes to the cancellation cascade
// and the list is released.
func (b *browser) approveLeave() {
	b.do("approve", press("Approve the leave"),
		chromedp.WaitVisible(`//*[contains(., "Leave approved: 1 clinics cancelled, 1 theatre lists released, 1 patients to rebook")]`))
	b.see("approved", "Approved by rory", "No clinic or theatre list of Mr A Bone falls in this leave")
	released := fmt.Sprintf("theatre_session WHERE id = %d AND status = 'released' AND released_reason = 'Leave: annual leave'", leaveSeed.list)
	cancelled := "appointment WHERE status = 'cancelled-hospital' AND start_at LIKE '2027-01-11%'"
	if countRows(b.t, leaveSeed.path, released) != 1 || countRows(b.t, leaveSeed.path, cancelled) != 1 {
		b.t.Errorf("after approval: list released %d, hospital cancellations on 11 January %d",
			countRows(b.t, leaveSeed.path, released), countRows(b.t, leaveSeed.path, cancelled))
	}
}

// shortNoticeLeave records study leave three weeks ahead: the rota
// coordinator may not approve it, the manager does.
func (b *browser) shortNoticeLeave() {
	b.do("record study leave", chromedp.Navigate(b.base+"/leave/new"), chromedp.WaitVisible(chromedp.CSS("#leave-form")),
		chromedp.SetValue(chromedp.CSS("#staff-id"), "1"), chromedp.SetValue(chromedp.CSS("#type"), "study"),
		chromedp.SetValue(chromedp.CSS("#from"), "2026-12-17"), chromedp.SetValue(chromedp.CSS("#to"), "2026-12-17"),
		press("Record the request"), chromedp.WaitVisible(`//*[contains(., "a manager must approve it")]`))
	b.do("the rota coordinator approves", press("Approve the leave"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("refused", "24 days' notice, less than the 42 needed: a manager must approve it")
	b.do("the worklist", chromedp.Navigate(b.base+"/leave"), chromedp.WaitVisible(chromedp.CSS("#leave")))
	b.see("worklist", "Annual leave", "Study leave", "Short notice", "Approved", "Requested")
	b.do("sign out", press("Sign out"), chromedp.WaitVisible(chromedp.CSS("#username")))
	b.signInAs(e2eManager)
	b.do("the manager opens it", chromedp.Navigate(b.base+"/leave?status=requested"), chromedp.WaitVisible(chromedp.CSS("#leave")),
		follow("Study leave"), chromedp.WaitVisible(chromedp.CSS("#approve-form")))
	b.do("the manager approves", press("Approve the leave"), chromedp.WaitVisible(`//*[contains(., "Leave approved:")]`))
	b.see("approved by the manager", "Approved by max")
}

// seedLeave adds the rota coordinator and Mr Bone's Monday clinic of 11
// January 2027 with a patient booked, and his Wednesday list of 13
// January in main theatre 1.
func seedLeave(t *testing.T, path string, clk *clock) {
	t.Helper()
	db, sys := openSeed(t, path, clk)
	defer db.Close()
	addRotaCoordinator(t, db, sys)
	monday := elective.MustParseDate("2027-01-11")
	reg := fixture.Registration(40, monday.AddDays(-90))
	reg.Patient.FamilyName = "Leaveson"
	ref, err := store.NewReferralService(db).RegisterReferral(sys, reg)
	if err != nil {
		t.Fatal(err)
	}
	slots, err := store.NewClinicService(db).FindSlots(sys, elective.SlotFilter{SpecialtyID: 1, ClinicianID: 1,
		From: monday.At(0, 0, london()), To: monday, FreeOnly: true, Limit: 1})
	if err != nil || len(slots) == 0 {
		t.Fatalf("no slot in Mr Bone's clinic of %s: %v", monday, err)
	}
	if _, err := store.NewBookingService(db).BookAppointment(sys, &elective.BookingRequest{PathwayID: ref.PathwayID,
		SlotID: slots[0].ID, Communicated: elective.CommunicatedByLetter}); err != nil {
		t.Fatal(err)
	}
	d := &elective.TheatreData{Theatres: []*elective.Theatre{{ID: 1, Code: "MTH1", Name: "Main theatre 1", SiteID: 1}},
		Sessions: []*elective.TheatreSession{{ID: 1, TheatreID: 1, SpecialtyID: 1, Date: monday.AddDays(2),
			Period: elective.PeriodMorning, StartMinute: 510, Minutes: 240, SurgeonID: 1, ListType: elective.ListGA,
			Status: elective.SessionPlanned}}}
	if err := store.NewLoader(db).LoadTheatreData(sys, d); err != nil {
		t.Fatal(err)
	}
	leaveSeed.path, leaveSeed.list = path, d.Sessions[0].ID
}
