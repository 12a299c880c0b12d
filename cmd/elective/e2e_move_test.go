package main

import (
	"fmt"

	"github.com/chromedp/chromedp"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
)

// bookFollowUpAfterTreatment books the follow-up the clinician asked for
// after treatment: the clock has stopped, so it is not RTT (rules.md 1.9),
// but the patient record still offers the booking.
func (b *browser) bookFollowUpAfterTreatment() {
	b.do("open follow-up booking", follow("Book follow-up (not RTT)"),
		chromedp.WaitVisible(chromedp.CSS(`input[name="slot_id"]`)))
	b.see("non-RTT follow-up", "Not RTT", "Follow-up")
	b.do("book the first follow-up slot", choose(`input[name="slot_id"]`), press("Book appointment"),
		chromedp.WaitVisible(`//*[contains(., "Appointment booked")]`))
	b.see("follow-up booked", "Appointment booked", "Move")
}

// moveAppointment moves the follow-up because the clinician is on leave:
// one step, a structured reason, and a change letter to the patient.
func (b *browser) moveAppointment() {
	b.do("open the move page", follow("Move"), chromedp.WaitVisible(chromedp.CSS(`input[name="reason_code"]`)))
	b.see("move page", "Who asked, and why?", "The hospital moved it (attendance code 4)")
	b.do("try without a reason", press("Move appointment"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("move refused", "Select who asked for the change and why", "Select the new slot")
	b.do("move it", choose(`input[name="reason_code"][value="H1"]`), choose(`input[name="slot_id"]`),
		press("Move appointment"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("moved", "Appointment moved to", "Cancelled by hospital", "Appointment change")
}

// ersConversionAndASI converts an e-RS UBRN from the referral form (a slot
// is free, so it is booked and the clock starts today), then books the
// UBRN that was waiting on the appointment slot issues worklist.
func (b *browser) ersConversionAndASI() {
	b.typeReferral(elective.FormatNHSNumber(fixture.NHSNumber(7)), "Ubrnson", "routine", "23", "11", "2026")
	b.do("convert the UBRN", chromedp.SendKeys(chromedp.CSS("#ubrn"), "000111222333"),
		chromedp.Focus(`//button[@value="convert"]`), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("converted", "UBRN converted: booked for", "UBRNSON")
	b.do("open the ASI worklist", chromedp.Navigate(b.base+"/asi"), chromedp.WaitVisible(chromedp.CSS("#asi")))
	b.see("ASI worklist", "Appointment slot issues", "SLOTLESS", "Until")
	b.do("book from the ASI worklist", follow("Book"), chromedp.WaitVisible(chromedp.CSS(`input[name="slot_id"]`)),
		choose(`input[name="slot_id"]`), press("Book appointment"),
		chromedp.WaitVisible(`//*[contains(., "Appointment booked")]`))
	b.do("the ASI worklist again", chromedp.Navigate(b.base+"/asi"), chromedp.WaitVisible(chromedp.CSS("h1")))
	b.see("ASI worked", "No UBRNs are waiting for a slot")
}

// correctDNA has the manager correct a DNA recorded in error: the patient
// had attended. The history keeps both, with the reason.
func (b *browser) correctDNA() {
	b.do("find the DNA patient", chromedp.Navigate(b.base+"/patients?q=Absentia"), chromedp.WaitVisible(chromedp.CSS("h1")),
		follow("ABSENTIA"), chromedp.WaitVisible(`//a[contains(., "Correct outcome")]`))
	b.do("open the correction", follow("Correct outcome"), chromedp.WaitVisible(chromedp.CSS(`input[name="status"][value="attended"]`)))
	b.see("correction form", "Correct the outcome", "Why was the recorded outcome wrong?")
	b.do("correct it", choose(`input[name="status"][value="attended"]`),
		chromedp.WaitVisible(chromedp.CSS("#rtt-status")), chromedp.SetValue(chromedp.CSS("#rtt-status"), "20"),
		choose(`input[name="outcome"][value="2"]`),
		chromedp.SendKeys(chromedp.CSS("#reason"), "Seen in clinic; ticked as DNA by mistake"),
		press("Correct outcome"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("corrected", "Outcome corrected: Attended", "Book appointment")
}

// reduceClinic has the manager close a clinic from its second slot (the
// consultant must leave early): the preview names the one patient booked
// from then, and closing sends them to the rebooking worklist.
func (b *browser) reduceClinic() {
	b.do("open the clinic", chromedp.Navigate(fmt.Sprintf("%s/sessions/%d", b.base, toReduce.session)),
		chromedp.WaitVisible(chromedp.CSS("#from")))
	b.do("choose where to close from", chromedp.SetValue(chromedp.CSS("#from"), toReduce.from),
		press("Show who it displaces"), chromedp.WaitVisible(`//h2[contains(., "Close this clinic from")]`))
	b.see("reduction preview", "Close this clinic from "+toReduce.from, "LATESLOT")
	b.do("close it", choose(`input[name="reason"][value="leave"]`), press("Close from "+toReduce.from),
		chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("reduced", "Clinic closed from "+toReduce.from+". 1 patients to rebook", "LATESLOT")
}

// endTemplate has the manager end the clinic they just built after its
// second Monday: the preview lists the sessions it would cancel (short
// notice, so the manager's approval), and ending it says so.
func (b *browser) endTemplate() {
	b.do("choose the last clinic", chromedp.SetValue(chromedp.CSS("#last"), "2026-12-14"),
		press("Show what it would cancel"), chromedp.WaitVisible(chromedp.CSS("#end-sessions")))
	b.see("end preview", "sessions would be cancelled, displacing 0 patients", "needs a booking manager")
	b.do("end the clinic", press("End the clinic after"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-notification-banner")))
	b.see("ended", "Clinic template ended after 14 Dec 2026")
}
