package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// theatreSeed is what the admitted-care walk finds: the pathway to list,
// and the theatre lists by role.
var theatreSeed struct {
	pathway            int64
	listA, today, rebk int64
}

// TestBrowserTheatres walks a senior booking officer's admitted-care work
// in headless Chromium on the real binary: list a patient from a pathway
// (a bad duration is refused), book and record the pre-op assessment,
// book a date from the surgeon's lists, check and lock the list, cancel a
// case on the day for a non-clinical reason and give the binding new date
// within 28 days (rules.md 2.1), record the other case of the day as
// admitted and treated (the clock stops, rules.md 1.3.3), run the
// optimiser and accept its plan, read the theatre report, add a standing
// Wednesday afternoon list whose sessions are made at once, edit it in
// place (a new anaesthetist and minutes, previewed, the locked lists left
// alone), and add a laser to the kit catalogue and mark it mobile.
func TestBrowserTheatres(t *testing.T) {
	chromium := findChromium(t)
	clk := &clock{now: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)} // Monday 08:00 in London
	dbPath := filepath.Join(t.TempDir(), "theatre.db")
	seedE2E(t, dbPath, clk)
	seedTheatres(t, dbPath, clk)
	base := startServer(t, dbPath, clk)
	b := &browser{t: t, ctx: newBrowser(t, chromium), base: base}

	b.do("sign in as the manager", chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), e2eManager),
		chromedp.SendKeys(chromedp.CSS("#password"), e2ePassword+"\r"), chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
	b.listPatient()
	b.preOp()
	b.bookFromEntry()
	b.checkAndLockList()
	b.cancelOnTheDay()
	b.admitOnTheDay()
	b.rebookWithin28Days()
	b.planLists()
	b.theatreReport()
	b.theatreTemplate()
	b.editTemplate()
	b.theatreKit()
}

// listPatient records the decision to admit from the pathway page.
func (b *browser) listPatient() {
	b.do("open the pathway", chromedp.Navigate(fmt.Sprintf("%s/pathways/%d", b.base, theatreSeed.pathway)),
		follow("Add to the admitted waiting list"), chromedp.WaitVisible(chromedp.CSS("#procedure-code")))
	b.do("fill the decision to admit", chromedp.SendKeys(chromedp.CSS("#procedure-code"), "W401"),
		chromedp.SendKeys(chromedp.CSS("#procedure-name"), "Total knee replacement"),
		chromedp.SetValue(chromedp.CSS("#priority"), "P2"), chromedp.SetValue(chromedp.CSS("#management"), "inpatient"),
		chromedp.SetValue(chromedp.CSS("#expected-minutes"), "two hours"),
		chromedp.SendKeys(chromedp.CSS("#length-of-stay"), "2"), chromedp.SendKeys(chromedp.CSS("#kit"), "knee set"),
		press("Add to the list"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("bad minutes refused", "Expected theatre time must be a whole number of minutes")
	b.do("correct the minutes", chromedp.SetValue(chromedp.CSS("#expected-minutes"), "120"),
		press("Add to the list"), chromedp.WaitVisible(chromedp.CSS("#entry")))
	b.see("listed", "Added to the admitted waiting list as P2", "Total knee replacement", "No pre-operative assessment")
}

// preOp books the assessment and records the patient fit: valid 84 days.
func (b *browser) preOp() {
	b.do("book the pre-op assessment", chromedp.SetValue(chromedp.CSS("#on"), "2026-11-25"),
		press("Book pre-op assessment"), chromedp.WaitVisible(chromedp.CSS("#poa-outcome")))
	b.see("pre-op booked", "Pre-operative assessment booked for 25 Nov 2026")
	b.do("record fit", chromedp.SetValue(chromedp.CSS("#poa-outcome"), "fit"), press("Record the outcome"),
		chromedp.WaitVisible(`//*[contains(., "Pre-operative assessment: Fit for surgery, valid until")]`))
	b.see("fit", "Pre-operative assessment: Fit for surgery, valid until")
}

// bookFromEntry books the first list of the surgeon the case fits.
func (b *browser) bookFromEntry() {
	b.see("the surgeon's lists", "Lists of Mr A Bone in the next 12 weeks", "No admission date offered yet", "Short notice")
	b.do("the patient declines 9 December", press("Declined"),
		chromedp.WaitVisible(`//*[contains(., "Offer of 9 Dec 2026 recorded: Declined")]`))
	b.see("declined offer assessed", "Not reasonable", "9 Dec 2026")
	b.do("book 14 December", press("Book 14 Dec 2026"), chromedp.WaitVisible(`//*[contains(., "Booked on the list: TCI 14 Dec 2026")]`))
	b.see("booked", "Booked on the list: TCI 14 Dec 2026")
}

// checkAndLockList opens the list, sees the case and locks it; a change
// then needs a manager's reason.
func (b *browser) checkAndLockList() {
	b.do("open the list", chromedp.Navigate(fmt.Sprintf("%s/theatre-sessions/%d", b.base, theatreSeed.listA)),
		chromedp.WaitVisible(chromedp.CSS("#cases")))
	b.see("list builder", "Cases in order", "Total knee replacement", "120 of 240 minutes", "Patients who could fill it")
	b.do("lock it", press("Lock the list"), chromedp.WaitVisible(`//*[contains(., "List locked: changes now need a manager")]`))
	b.see("locked", "List locked: changes now need a manager")
	b.do("take the case off without a reason", chromedp.Click(chromedp.CSS("#cases summary")),
		press("Take off the list"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("override needed", "is locked: a booking manager must override it, with a reason")
}

// cancelOnTheDay cancels this morning's case: no ward bed, so the 28-day
// rule gives a date by which the patient must have a new one.
func (b *browser) cancelOnTheDay() {
	b.do("open today's list", chromedp.Navigate(fmt.Sprintf("%s/theatre-sessions/%d", b.base, theatreSeed.today)),
		chromedp.WaitVisible(chromedp.CSS("#cases")))
	b.see("today's list", "SAMEDAY")
	b.do("cancel on the day", chromedp.Click(chromedp.CSS("#cases summary")),
		chromedp.SetValue(chromedp.CSS(`#cases select[name="reason"]`), "no-ward-bed"),
		press("Cancel the operation"), chromedp.WaitVisible(`//*[contains(., "a new date is due by 21 Dec 2026 (28-day rule)")]`))
	b.see("cancelled", "a new date is due by 21 Dec 2026 (28-day rule)")
}

// admitOnTheDay records the other case of this morning's list as admitted
// and operated on: the patient leaves the admitted waiting list.
func (b *browser) admitOnTheDay() {
	b.see("the other case of the day", "ADMITSON")
	b.do("record the admission", chromedp.Click(chromedp.CSS("#cases .app-admission summary")),
		chromedp.SetValue(chromedp.CSS(`#cases input[name="actual_minutes"]`), "50"),
		// The list page already shows the cancellation's banner: wait for
		// the case to leave the list instead.
		press("Record the admission"), chromedp.WaitNotPresent(chromedp.CSS("#cases")))
	b.see("admitted", "Admitted on 23 Nov 2026 and treated: the RTT clock stopped on the date of admission", "No cases on this list yet")
	b.do("open the admitted waiting list", chromedp.Navigate(b.base+"/admitted"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.see("the admitted waiting list", "PLANNABLEA")
	if text := b.text(); strings.Contains(strings.ToUpper(text), "ADMITSON") {
		b.t.Fatalf("the admitted patient is still on the admitted waiting list: %s", text)
	}
}

// rebookWithin28Days gives the cancelled patient a binding new date from
// the 28-day worklist.
func (b *browser) rebookWithin28Days() {
	b.do("open cancelled operations", chromedp.Navigate(b.base+"/cancelled-operations"),
		chromedp.WaitVisible(chromedp.CSS("#cancelled-operations")))
	b.see("28-day worklist", "SAMEDAY", "No ward bed", "1 still need a date")
	b.do("give a new date", follow("Give a new date"), chromedp.WaitVisible(chromedp.CSS("#candidates")))
	b.do("book 9 December", press("Book 9 Dec 2026"), chromedp.WaitVisible(`//*[contains(., "Booked on the list: TCI 9 Dec 2026")]`))
	b.do("the worklist again", chromedp.Navigate(b.base+"/cancelled-operations"),
		chromedp.WaitVisible(chromedp.CSS("#cancelled-operations")))
	b.see("rebooked", "0 still need a date", "Rebooked for 9 Dec 2026, within the 28 days")
}

// planLists runs the optimiser over the next weeks, watches its progress,
// and accepts its plan.
func (b *browser) planLists() {
	b.do("open the planner", chromedp.Navigate(b.base+"/theatre-plan"), chromedp.WaitVisible(chromedp.CSS("#effort")))
	b.do("run it", chromedp.SetValue(chromedp.CSS("#effort"), "quick"), press("Run the optimiser"),
		chromedp.WaitVisible(chromedp.CSS("#plan-totals")))
	b.see("plan", "Compared with filling the lists by date listed", "PLANNABLE", "Chronological fill")
	b.do("accept the plan", press("Accept the whole plan"), chromedp.WaitVisible(`//*[contains(., "placements")]`))
	b.see("accepted", "placements")
	if text := b.text(); strings.Contains(text, "Not booked") {
		b.t.Fatalf("a placement of the plan was refused: %s", text)
	}
}

// theatreReport reads utilisation and the 28-day figures.
func (b *browser) theatreReport() {
	b.do("open the report", chromedp.Navigate(b.base+"/reports/theatres"), chromedp.WaitVisible(chromedp.CSS("#theatre-figures")))
	b.see("report", "Utilisation", "capped", "No ward bed")
}

// theatreTemplate adds Mr Bone's weekly Wednesday afternoon list in main
// theatre 1 and sees its sessions on the theatre lists: every Wednesday
// of the 16 weeks from 25 November (none is a bank holiday).
func (b *browser) theatreTemplate() {
	b.do("open the templates", chromedp.Navigate(b.base+"/theatre-sessions"), follow("Session templates"),
		chromedp.WaitVisible(chromedp.CSS("#theatre-template-form")))
	b.see("no templates yet", "No theatre templates yet")
	b.do("fill the template", chromedp.SetValue(chromedp.CSS("#specialty-id"), "1"), chromedp.SetValue(chromedp.CSS("#surgeon-id"), "1"), chromedp.SetValue(chromedp.CSS("#weekday"), "3"),
		chromedp.SetValue(chromedp.CSS("#period"), "pm"), chromedp.SetValue(chromedp.CSS("#start"), "13:30"),
		chromedp.SetValue(chromedp.CSS("#anaesthetist"), "Dr Gas"),
		press("Save the template"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner, .nhsuk-error-summary")))
	b.see("saved", "Theatre template saved; 16 sessions made for the next 16 weeks", "Wednesday Afternoon, 13:30 for 240 min", "Mr A Bone")
	b.do("the theatre lists", chromedp.Navigate(b.base+"/theatre-sessions"), chromedp.WaitVisible(chromedp.CSS("#theatre-sessions")))
	b.see("its sessions", "25 Nov 2026", "2 Dec 2026", "Afternoon 13:30")
}

// editTemplate gives the Wednesday list Dr Sleep and 210 minutes from
// today: the preview shows the 14 lists it would change and leaves the
// two inside the 2-week lock (25 November, 2 December; rules.md 3.6);
// after saving, the list of 16 December has the new details.
func (b *browser) editTemplate() {
	b.do("open the edit form", chromedp.Navigate(b.base+"/theatre-templates"), follow("Edit the Wednesday list"), chromedp.WaitVisible(chromedp.CSS("#template-edit-form")))
	b.do("change the anaesthetist and minutes", chromedp.SetValue(chromedp.CSS("#anaesthetist"), "Dr Sleep"),
		chromedp.SetValue(chromedp.CSS("#minutes"), "210"), press("Preview the change"), chromedp.WaitVisible(chromedp.CSS("#preview")))
	b.see("the preview", "From 23 Nov 2026: anaesthetist, minutes", "Lists that would change (14)", "minutes: 240 → 210",
		"anaesthetist: Dr Gas → Dr Sleep", "2 locked lists left unchanged")
	b.do("save the change", press("Save the change"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner, .nhsuk-error-summary")))
	b.see("saved", "Theatre template changed from 23 Nov 2026; 14 lists changed, 2 locked lists left as they were",
		"Wednesday Afternoon, 13:30 for 210 min")
	b.do("the lists of 16 December", chromedp.Navigate(b.base+"/theatre-sessions?from=2026-12-16&weeks=1"),
		chromedp.WaitVisible(chromedp.CSS("#theatre-sessions")))
	b.see("the list changed", "Dr Sleep", "0 / 210 min")
}

// theatreKit adds a laser to the kit catalogue (a count that is not a
// number is refused, naming the field) and marks it mobile.
func (b *browser) theatreKit() {
	b.do("open the kit", chromedp.Navigate(b.base+"/theatre-sessions"), follow("Theatre kit"),
		chromedp.WaitVisible(chromedp.CSS("#theatre-kit-form")))
	b.see("the catalogue", "knee set", "Fixed")
	b.do("add a laser with a bad count", chromedp.SendKeys(chromedp.CSS("#name"), "laser"),
		chromedp.SetValue(chromedp.CSS("#count"), "two"), press("Add the kit"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("bad count refused", "Enter how many the trust has, as a whole number from 0 to 999")
	b.do("add it properly", chromedp.SetValue(chromedp.CSS("#count"), "1"), press("Add the kit"),
		chromedp.WaitVisible(`//*[contains(., "Kit added: laser")]`))
	b.do("mark it mobile", press("Mark mobile: laser"), chromedp.WaitVisible(`//*[contains(., "Marked mobile")]`))
	b.see("mobile", "Marked mobile: the laser can go to any theatre, 1 in the trust", "Mobile")
}

// seedTheatres gives the fixture trust a theatre with four of Mr Bone's
// lists: 14 December (the patient listed in the walk goes here), this
// morning (with a case to cancel and one to admit), 9 December (for the new date) and 16
// December (empty, for the optimiser); and three patients waiting with
// valid pre-op assessments for the optimiser to place.
func seedTheatres(t *testing.T, path string, clk *clock) {
	t.Helper()
	db, sys := openSeed(t, path, clk)
	defer db.Close()
	today := elective.DateOf(clk.Now(), london())
	pathway := func(n int, family string) *elective.Referral {
		reg := fixture.Registration(20+n, today.AddDays(-60-n))
		reg.Patient.FamilyName = family
		ref, err := store.NewReferralService(db).RegisterReferral(sys, reg)
		if err != nil {
			t.Fatal(err)
		}
		return ref
	}
	theatreSeed.pathway = pathway(0, "Kneeson").PathwayID
	d := &elective.TheatreData{Theatres: []*elective.Theatre{{ID: 1, Code: "MTH1", Name: "Main theatre 1", SiteID: 1}},
		Kit: map[string]int{"knee set": 2}, Beds: map[int64]int{1: 10}}
	for i, day := range []int{21, 0, 16, 23} {
		d.Sessions = append(d.Sessions, &elective.TheatreSession{ID: int64(i + 1), TheatreID: 1, SpecialtyID: 1,
			Date: today.AddDays(day), Period: elective.PeriodMorning, StartMinute: 510, Minutes: 240, SurgeonID: 1,
			ListType: elective.ListGA, Kit: []string{"knee set"}, SurgeonConfirmed: true, Anaesthetist: "Dr Gas",
			AnaesthetistConfirmed: true, Status: elective.SessionPlanned})
	}
	entry := func(id int64, ref *elective.Referral, status elective.AdmittedStatus) {
		d.Entries = append(d.Entries, &elective.AdmittedListEntry{ID: id, PathwayID: ref.PathwayID, PatientID: ref.PatientID,
			SpecialtyID: 1, SurgeonID: 1, ProcedureCode: "T521", ProcedureName: "Carpal tunnel release", Management: elective.DayCase,
			Priority: elective.P3, ListedOn: today.AddDays(-30), ExpectedMinutes: 45, Anaesthetic: elective.AnaestheticLocal, Status: status})
		d.PreOps = append(d.PreOps, &elective.PreOpAssessment{EntryID: id, On: today.AddDays(-5), Outcome: elective.PreOpFit,
			AssessedOn: today.AddDays(-5), ValidUntil: today.AddDays(79)})
	}
	entry(1, pathway(1, "Sameday"), elective.AdmittedScheduled)
	for i := range 3 {
		entry(int64(2+i), pathway(2+i, fmt.Sprintf("Plannable%c", 'a'+i)), elective.AdmittedWaiting)
	}
	entry(5, pathway(5, "Admitson"), elective.AdmittedScheduled)
	d.Cases = []*elective.TheatreCase{{SessionID: 2, EntryID: 1, Position: 1, Minutes: 45, Status: elective.CaseBooked},
		{SessionID: 2, EntryID: 5, Position: 2, Minutes: 45, Status: elective.CaseBooked}}
	if err := store.NewLoader(db).LoadTheatreData(sys, d); err != nil {
		t.Fatal(err)
	}
	theatreSeed.listA, theatreSeed.today, theatreSeed.rebk = d.Sessions[0].ID, d.Sessions[1].ID, d.Sessions[2].ID
}
