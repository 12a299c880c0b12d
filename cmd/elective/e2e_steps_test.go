package main

import (
	"database/sql"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
)

// e2eRota is the rota coordinator of the workforce walks.
const e2eRota = "rory"

// signInAs signs in as a user of the seed and waits for the home page.
func (b *browser) signInAs(username string) {
	b.do("sign in as "+username, chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), username),
		chromedp.SendKeys(chromedp.CSS("#password"), e2ePassword+"\r"), chromedp.WaitVisible(`//button[contains(., "Sign out")]`))
}

func (b *browser) signIn() {
	b.do("open the sign-in page", chromedp.Navigate(b.base+"/"))
	if got := b.eval(`document.activeElement.id`); got != "username" {
		b.t.Errorf("sign-in page: focus on %q, want the username field", got)
	}
	b.do("sign in with the keyboard",
		chromedp.SendKeys(chromedp.CSS("#username"), e2eUser),
		chromedp.SendKeys(chromedp.CSS("#password"), e2ePassword+"\r"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
	if got := b.eval(`document.activeElement.name`); got != "q" {
		b.t.Errorf("home page: focus on %q, want the patient search box", got)
	}
	b.see("home", "Bea Booker")
}

// fillReferral types a referral into the form, submits it and waits for
// the element that shows the answer has arrived.
func (b *browser) fillReferral(nhs, family, priority, day, month, year string, answer chromedp.CSS) {
	b.typeReferral(nhs, family, priority, day, month, year)
	b.do("register the referral", press("Register referral"), chromedp.WaitVisible(answer))
}

// typeReferral opens the referral form and types a referral into it.
func (b *browser) typeReferral(nhs, family, priority, day, month, year string) {
	b.do("open the referral form", chromedp.Navigate(b.base+"/referrals/new"),
		chromedp.WaitVisible(chromedp.CSS("#nhs-number")))
	b.do("fill the referral form",
		chromedp.Clear(chromedp.CSS("#nhs-number")), chromedp.SendKeys(chromedp.CSS("#nhs-number"), nhs),
		chromedp.Clear(chromedp.CSS("#given-name")), chromedp.SendKeys(chromedp.CSS("#given-name"), "Ursula"),
		chromedp.Clear(chromedp.CSS("#family-name")), chromedp.SendKeys(chromedp.CSS("#family-name"), family),
		chromedp.SendKeys(chromedp.CSS("#birth-date-day"), "7"),
		chromedp.SendKeys(chromedp.CSS("#birth-date-month"), "3"),
		chromedp.SendKeys(chromedp.CSS("#birth-date-year"), "1958"),
		choose(`input[name="sex"][value="2"]`),
		chromedp.SetValue(chromedp.CSS("#specialty-id"), "1"),
		choose(chromedp.CSS(`input[name="priority"][value="`+priority+`"]`)),
		chromedp.SetValue(chromedp.CSS("#source"), "paper"),
		chromedp.Clear(chromedp.CSS("#received-date-day")), chromedp.SendKeys(chromedp.CSS("#received-date-day"), day),
		chromedp.Clear(chromedp.CSS("#received-date-month")), chromedp.SendKeys(chromedp.CSS("#received-date-month"), month),
		chromedp.Clear(chromedp.CSS("#received-date-year")), chromedp.SendKeys(chromedp.CSS("#received-date-year"), year))
}

// registerRefused submits a mistyped NHS number with a received date of
// tomorrow: both are named in the error summary and no patient is saved.
func (b *browser) registerRefused(dbPath string, clk *clock) {
	b.fillReferral("999 000 0019", "Urgentby", "urgent", "24", "11", "2026", ".nhsuk-error-summary")
	b.see("refused referral", "There is a problem", "check digit", "future")
	if n := countRows(b.t, dbPath, "patient"); n != 6 {
		b.t.Fatalf("a refused referral saved something: %d patients, want only the six seeded", n)
	}
}

// registerUrgent registers a valid urgent referral received today.
func (b *browser) registerUrgent() {
	b.fillReferral(elective.FormatNHSNumber(fixture.NHSNumber(2)), "Urgentby", "urgent", "23", "11", "2026", ".nhsuk-notification-banner")
	b.see("registered referral", "Referral registered", "URGENTBY")
}

// waitingListInPriorityOrder checks the urgent new referral is listed above
// the routine patient who has waited 100 days (rules.md 3.8).
func (b *browser) waitingListInPriorityOrder() {
	b.do("open the waiting list", chromedp.Navigate(b.base+"/waiting-list"), chromedp.WaitVisible(chromedp.CSS("table")))
	text := b.text()
	u, r := strings.Index(text, "URGENTBY"), strings.Index(text, "ROUTINETON")
	if u < 0 || r < 0 || u > r {
		b.t.Fatalf("waiting list: urgent at %d, routine at %d; want both, urgent first\npage: %s", u, r, text)
	}
}

// book opens the patient from the waiting list and books the first slot.
func (b *browser) book() {
	b.do("open the patient", follow("URGENTBY"),
		chromedp.WaitVisible(`//a[contains(., "Book appointment")]`))
	b.do("open booking", follow("Book appointment"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="slot_id"]`)))
	b.do("book the first slot", choose(`input[name="slot_id"]`), press("Book appointment"),
		chromedp.WaitVisible(`//*[contains(., "Appointment booked")]`))
	b.see("booked", "Appointment booked", "Record outcome")
}

// ptlShowsBooking checks the PTL row shows the booked appointment.
func (b *browser) ptlShowsBooking() {
	b.do("open the PTL", chromedp.Navigate(b.base+"/ptl"), chromedp.WaitVisible(chromedp.CSS("table")))
	row := b.eval(`[...document.querySelectorAll("tr")].map(r => r.innerText).find(t => t.includes("URGENTBY")) || ""`)
	if !strings.Contains(row, "23 Nov 2026") || strings.Contains(row, "None") {
		b.t.Fatalf("PTL row %q: want the booked appointment on 23 Nov 2026 as the next activity", row)
	}
}

// recordTreatment records first definitive treatment (30) at the
// attendance, with another appointment given: a follow-up after the clock
// stopped.
func (b *browser) recordTreatment() {
	b.do("search for the patient", chromedp.Navigate(b.base+"/patients?q=Urgentby"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.see("search", "URGENTBY")
	b.do("open the patient again", follow("URGENTBY"),
		chromedp.WaitVisible(`//a[contains(., "Record outcome")]`))
	b.do("record the outcome", follow("Record outcome"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="status"][value="attended"]`)),
		choose(`input[name="status"][value="attended"]`),
		chromedp.WaitVisible(chromedp.CSS("#rtt-status")),
		chromedp.SetValue(chromedp.CSS("#rtt-status"), "30"),
		choose(`input[name="outcome"][value="2"]`), press("Record outcome"),
		chromedp.WaitVisible(chromedp.CSS(`.nhsuk-notification-banner`)))
	b.see("outcome recorded", "Attended")
}

// ptlNoLongerShows checks a treated pathway has left the PTL.
func (b *browser) ptlNoLongerShows() {
	b.do("open the PTL again", chromedp.Navigate(b.base+"/ptl"), chromedp.WaitVisible(chromedp.CSS("h1")))
	text := b.text()
	if strings.Contains(text, "URGENTBY") || !strings.Contains(text, "ROUTINETON") {
		b.t.Fatalf("PTL after treatment should list the routine patient only\npage: %s", text)
	}
}

// validateFromPTL finds the patient whose 12-week validation is due with
// the PTL's filter, records a validation on the pathway page, and sees
// them leave the filtered list (rules.md 3.9).
func (b *browser) validateFromPTL() {
	b.do("PTL: validation due", chromedp.Navigate(b.base+"/ptl?validation_due=1"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.see("validation due", "ROUTINETON", "Due since")
	b.do("open the pathway history", follow("Pathway history"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="result"]`)))
	b.do("record a validation", choose(`input[name="result"][value="confirmed"]`),
		chromedp.SendKeys(chromedp.CSS(`textarea[name="note"]`), "Phoned: still wants to be seen"),
		press("Record validation"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("validated", "Validation recorded", "Validated", "Phoned: still wants to be seen")
	b.do("PTL: validation due again", chromedp.Navigate(b.base+"/ptl?validation_due=1"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if strings.Contains(b.text(), "ROUTINETON") {
		b.t.Fatal("a validated pathway is still listed as due")
	}
}

// failsafeShowsDNA checks the patient whose nullified first-DNA clock took
// them off the PTL is on the failsafe list for a clinician's decision.
func (b *browser) failsafeShowsDNA() {
	b.do("open the failsafe list", chromedp.Navigate(b.base+"/worklists/failsafe"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.see("failsafe", "Failsafe list", "ABSENTIA", "No clock", "first appointment not attended")
}

// reportsAndExports opens the waiting-times page with its charts and the
// breach forecast, and downloads the PTL as CSV the way the browser would.
func (b *browser) reportsAndExports() {
	b.do("open the waiting-times report", chromedp.Navigate(b.base+"/reports"), chromedp.WaitVisible(chromedp.CSS("svg")))
	b.see("waiting times", "Waiting times", "Trauma and Orthopaedics", "92% standard")
	b.do("open the breach forecast", follow("Breach forecast"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.see("breach forecast", "Breach forecast", "At risk by specialty and week of breach")
	csv, err := b.run(chromedp.Evaluate[string](`fetch("/ptl/export.csv").then(async r =>
		r.headers.get("Content-Disposition") + "\n" + await r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("download the PTL: %v", err)
	}
	if !strings.Contains(csv, "attachment; filename=\"ptl-2026-11-23.csv\"") || !strings.Contains(csv, "ROUTINETON") {
		b.t.Fatalf("PTL download:\n%.500s", csv)
	}
}

// countRows counts a table's rows in the SQLite file the server uses.
func countRows(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// offerDates opens the routine patient's booking page, records that they
// are away in the week three weeks ahead, sees the earliest reasonable
// offers avoid that week, and records that the patient declined both: the
// rules call both reasonable and ask for a clinician's review (rules.md
// 3.1, TS-63, TS-65, TS-67).
func (b *browser) offerDates() {
	b.do("find the routine patient", chromedp.Navigate(b.base+"/patients?q=Routineton"), chromedp.WaitVisible(chromedp.CSS("h1")),
		follow("ROUTINETON"), chromedp.WaitVisible(`//a[contains(., "Book appointment")]`))
	b.do("open booking", follow("Book appointment"), chromedp.WaitVisible(chromedp.CSS("#offers")))
	b.see("offers", "Offer the earliest reasonable dates", "at least 21 days ahead")
	b.do("say the patient is away", chromedp.SetValue(chromedp.CSS("#unavailable_from"), "2026-12-14"),
		chromedp.SetValue(chromedp.CSS("#unavailable_to"), "2026-12-18"),
		chromedp.SendKeys(chromedp.CSS("#unavailable-reason"), "Holiday"),
		press("Add dates"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("unavailability saved", "Unavailability saved", "14 Dec 2026 to 18 Dec 2026: Holiday")
	dates := b.eval(`[...document.querySelectorAll('input[name^="offer_date_"]')].map(i => i.value).join(",")`)
	if ds := strings.Split(dates, ","); len(ds) != 2 || ds[0] < "2026-12-19" || ds[0] == ds[1] {
		b.t.Fatalf("earliest offers %q: want two different dates after the week of the holiday", dates)
	}
	b.do("the patient declines both",
		choose(`#offers ~ form input[value="declined"]`),
		choose(`#offers ~ form tbody tr:nth-child(2) input[value="declined"]`),
		press("Record the answers"), chromedp.WaitVisible(chromedp.CSS("#offer-history")))
	b.see("offers recorded", "The patient's answers were recorded", "Reasonable", "declined 2 reasonable offers")
}

// fillFreeSlot opens a free slot, sees who should have it and why, and
// books the right next patient from there (rules.md 3.8).
func (b *browser) fillFreeSlot() {
	b.do("open free slots", chromedp.Navigate(b.base+"/slots?specialty_id=1&type=new"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.do("open the first slot", follow("Find the next patient"), chromedp.WaitVisible(chromedp.CSS("#candidates")))
	b.see("candidates", "Who should have this slot", "ROUTINETON", "Next patient", "only if the patient agrees")
	b.do("book the next patient", press("Book ROUTINETON"), chromedp.WaitVisible(`//*[contains(., "Appointment booked")]`))
	b.see("booked from the slot", "Appointment booked", "ROUTINETON")
}

// cancelClinic signs in as the booking manager, cancels next week's clinic
// (short notice: a manager may), and books its displaced patient into the
// proposed slot from the patients-to-rebook list (rules.md 3.5, TS-61).
func (b *browser) cancelClinic() {
	b.do("sign out", press("Sign out"), chromedp.WaitVisible(chromedp.CSS("#username")))
	b.do("sign in as the manager", chromedp.SendKeys(chromedp.CSS("#username"), e2eManager),
		chromedp.SendKeys(chromedp.CSS("#password"), e2ePassword+"\r"), chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
	b.do("open clinics", chromedp.Navigate(b.base+"/sessions?specialty_id=1&from=2026-11-30"), chromedp.WaitVisible(chromedp.CSS("#sessions")))
	b.do("open the booked clinic", follow("Open"), chromedp.WaitVisible(chromedp.CSS("#booked")))
	b.see("clinic", "DISPLACIA", "less than 42 days away")
	b.do("cancel it", choose(`input[name="reason"][value="sickness"]`), press("Cancel clinic and rebook"),
		chromedp.WaitVisible(chromedp.CSS("#displaced")))
	b.see("patients to rebook", "Clinic cancelled. 1 patients to rebook", "DISPLACIA", "Earliest reasonable slot")
	b.do("book the proposals", press("Book the ticked patients"),
		chromedp.WaitVisible(`//p[contains(., "Nobody is waiting to be rebooked")]`))
	b.see("rebooked", "Rebooked 1 patients", "Nobody is waiting to be rebooked")
}

// lettersSent waits for the outbox job to write the rebooked patient's
// letters (the hospital cancellation and the new appointment) as PDFs, and
// sees them marked sent on the patient's record.
func (b *browser) lettersSent(dir string) {
	want := []string{"letter-cancellation.pdf", "letter-appointment.pdf", "letter-acknowledgement.pdf"}
	deadline := time.Now().Add(10 * time.Second)
	for {
		names := ""
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			names += e.Name() + " "
		}
		missing := ""
		for _, w := range want {
			if !strings.Contains(names, w) {
				missing = w
			}
		}
		if missing == "" {
			break
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("outbox %s lacks %s: %s", dir, missing, names)
		}
		time.Sleep(200 * time.Millisecond)
	}
	b.do("open the rebooked patient", chromedp.Navigate(b.base+"/patients?q=Displacia"), chromedp.WaitVisible(chromedp.CSS("h1")),
		follow("DISPLACIA"), chromedp.WaitVisible(chromedp.CSS("#letters")))
	b.see("letters", "Letters and messages", "Appointment cancellation", "Appointment letter", "Sent")
}

// buildTemplate has the manager build a weekly clinic from December, its
// first two new slots held for urgent referrals. On
// Monday morning it would clash with Mr Bone's clinic and is refused,
// saving nothing; for Ms Joint it is saved, its sessions are made at once,
// and its calendar skips the Boxing Day substitute bank holiday.
func (b *browser) buildTemplate() {
	b.do("open a new template", chromedp.Navigate(b.base+"/templates/new"), chromedp.WaitVisible(chromedp.CSS("#code")))
	b.do("fill the template",
		chromedp.SendKeys(chromedp.CSS("#code"), "ORTH-E2E"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Knee review clinic"),
		chromedp.SetValue(chromedp.CSS("#clinician-id"), "1"),
		chromedp.SetValue(chromedp.CSS("#weekday"), "1"),
		chromedp.Clear(chromedp.CSS("#effective_from")), chromedp.SendKeys(chromedp.CSS("#effective_from"), "2026-12-07"),
		chromedp.SendKeys(chromedp.CSS("#held-slots"), "2"),
		choose(`#pattern-weekly`), press("Save template"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("clash refused", "There is a problem", "would overlap")
	b.do("give it to Ms Joint", chromedp.SetValue(chromedp.CSS("#clinician-id"), "2"),
		press("Save template"), chromedp.WaitVisible(chromedp.CSS("#template-skipped")))
	b.see("template saved", "Clinic template saved", "Every Monday", "Monday 28 December 2026: Bank holiday", "Monday 7 December 2026",
		"Held: Urgent", "e-RS")
}

// utilisation opens the clinic utilisation report from the waiting-times
// page: capacity against demand for every specialty, and the sessions of
// trauma and orthopaedics with the cancelled clinic marked.
func (b *browser) utilisation() {
	b.do("open waiting times", chromedp.Navigate(b.base+"/reports"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.do("open utilisation", follow("Clinic utilisation"), chromedp.WaitVisible(chromedp.CSS("#capacity")))
	b.do("choose orthopaedics", chromedp.Navigate(b.base+"/reports/utilisation?specialty_id=1"),
		chromedp.WaitVisible(chromedp.CSS("#session-use")))
	b.see("utilisation", "Capacity against demand", "Trauma and Orthopaedics", "Cancelled", "booked", "Slots booked each week")
}

// followUpLater records that a patient seen this morning needs a
// follow-up in four months: they go on the partial-booking list with the
// date their invitation will go (rules.md 3.4).
func (b *browser) followUpLater() {
	b.do("find the follow-up patient", chromedp.Navigate(b.base+"/patients?q=Followupson"), chromedp.WaitVisible(chromedp.CSS("h1")),
		follow("FOLLOWUPSON"), chromedp.WaitVisible(`//a[contains(., "Record outcome")]`))
	b.do("record the attendance", follow("Record outcome"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="status"][value="attended"]`)),
		choose(`input[name="status"][value="attended"]`),
		chromedp.WaitVisible(chromedp.CSS("#rtt-status")),
		chromedp.SetValue(chromedp.CSS("#rtt-status"), "20"),
		choose(`input[name="outcome"][value="3"]`),
		chromedp.SetValue(chromedp.CSS("#follow_up_due"), "2027-03-22"),
		press("Record outcome"), chromedp.WaitVisible(chromedp.CSS(`.nhsuk-notification-banner`)))
	b.do("open the partial booking list", chromedp.Navigate(b.base+"/followups"), chromedp.WaitVisible(chromedp.CSS("#followups")))
	b.see("partial booking", "Partial booking list", "FOLLOWUPSON", "22 Mar 2027", "Waiting to invite", "Invitation on 8 Feb 2027")
}

// triage has the manager (a clinician's decision, recorded by the booking
// manager) accept a waiting referral as urgent from the triage worklist.
func (b *browser) triage() {
	b.do("open triage", chromedp.Navigate(b.base+"/triage"), chromedp.WaitVisible(chromedp.CSS("#triage")))
	b.see("triage", "Triage", "ROUTINETON", "Overdue since")
	id := b.eval(`[...document.querySelectorAll("#triage tr")].find(r => r.innerText.includes("ROUTINETON")).querySelector("select[name=decision]").id`)
	b.do("accept as urgent", chromedp.SetValue(chromedp.CSS("#"+id), "accept:urgent"),
		chromedp.Focus(chromedp.CSS("#"+id)), press("Save triage of ROUTINETON"),
		chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("triaged", "Triaged: Accepted")
	if strings.Contains(b.eval(`document.querySelector("#triage") ? document.querySelector("#triage").innerText : ""`), "ROUTINETON") {
		b.t.Fatal("a triaged referral is still on the worklist")
	}
}
