package main

import (
	"fmt"

	"github.com/chromedp/chromedp"
)

// exceptionReport reports a late finish on a past duty of the running rota
// from the Rotas pages (rules.md 4.3, Oversight): refused once, naming the
// field, without why it happened; then sent, and the manager agrees time
// off in lieu.
func (b *browser) exceptionReport() {
	b.do("open the exception reports", chromedp.Navigate(b.base+"/rotas"), chromedp.WaitVisible(chromedp.CSS("#rotas")),
		follow("Exception reports"), chromedp.WaitVisible(`//h1[contains(., "Exception reports")]`))
	b.do("report one", follow("Report an exception"), chromedp.WaitVisible(chromedp.CSS("#exception-doctor")))
	doctor := b.eval(fmt.Sprintf(`[...document.querySelectorAll("#staff-id option")].find(o => o.textContent.includes(%q)).value`, demoRotaTeam))
	b.do("choose the doctor", chromedp.SetValue(chromedp.CSS("#staff-id"), doctor), press("Show their duties"),
		chromedp.WaitVisible(chromedp.CSS("#exception-form")))
	duty := b.eval(`document.querySelector("#duty option:nth-child(2)").value`)
	date := duty[len(duty)-10:]
	b.do("without why", chromedp.SetValue(chromedp.CSS("#duty"), duty),
		chromedp.SetValue(chromedp.CSS("#actual-start"), date+"T08:00"), chromedp.SetValue(chromedp.CSS("#actual-end"), date+"T23:00"),
		chromedp.SendKeys(chromedp.CSS("#what-happened"), "Stayed to hand over a deteriorating patient"),
		press("Send the report"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("refused", "There is a problem", "Enter why it happened")
	b.do("with why", chromedp.SendKeys(chromedp.CSS("#why"), "Handover ran late"), press("Send the report"),
		chromedp.WaitVisible(chromedp.CSS("#exception-report")))
	b.see("sent", "Exception report sent", "Awaiting an outcome", "Worked later or started earlier")
	b.do("agree time off in lieu", choose(chromedp.CSS("#outcome-toil")), press("Agree the outcome"),
		chromedp.WaitVisible(`//*[contains(., "Outcome agreed: Time off in lieu")]`))
	b.see("closed", "agreed by")
}
