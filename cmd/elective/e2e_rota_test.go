package main

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// rotaSeed is what the rota walk finds: the demo's two rotas.
var rotaSeed struct{ current, next int64 }

// TestBrowserRotas walks a rota coordinator's work in headless Chromium on
// the real binary, on the demo's resident team: build next rotation's rota
// in the background (the quick effort, run to its end, so the rota is the
// same every time), wait for the result and see that it is safe and
// covered; put a doctor on five nights in a row and see the breach listed,
// not repaired (rules.md 4.3, TS-142); publish it; take a doctor off a shift of the running rota for sickness
// and fill the gap from the cover worklist with someone who breaks no
// rule; add a non-resident on-call shift, record a night's work on one that
// leaves only 4 h continuous rest and see the next duty listed for review
// (TS-148), then remove that work as entered in error and see the rest met
// again; download the rota for Excel and iCalendar; save a named pattern on
// the setup page (refused once for a code the team has no shift for) and
// fill next rotation's rota from it by choosing it on the rota page; report
// a late finish as an exception and agree time off in lieu.
func TestBrowserRotas(t *testing.T) {
	chromium := findChromium(t)
	clk := &clock{now: time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)}
	dbPath := filepath.Join(t.TempDir(), "rota.db")
	seedE2E(t, dbPath, clk)
	seedRotas(t, dbPath, clk)
	base := startServer(t, dbPath, clk)
	b := &browser{t: t, ctx: newBrowser(t, chromium), base: base}
	b.do("sign in as the manager", chromedp.Navigate(base+"/login"), chromedp.WaitVisible(chromedp.CSS("#username")),
		chromedp.SendKeys(chromedp.CSS("#username"), e2eManager),
		chromedp.SendKeys(chromedp.CSS("#password"), e2ePassword+"\r"), chromedp.WaitVisible(chromedp.CSS(`input[name="q"]`)))
	b.buildRota()
	b.breachListed()
	b.publishRota()
	b.coverSickness(clk)
	b.onCallRest(clk)
	b.rotaDownloads()
	b.savedPattern()
	b.exceptionReport()
}

func seedRotas(t *testing.T, path string, clk *clock) {
	t.Helper()
	db, sys := openSeed(t, path, clk)
	defer db.Close()
	if err := loadDemoRota(sys, db, elective.DateOf(clk.Now(), london())); err != nil {
		t.Fatal(err)
	}
	rotas, err := store.NewRotaService(db).FindRotas(sys)
	if err != nil || len(rotas) != 2 {
		t.Fatalf("rotas = %v, %v", rotas, err)
	}
	rotaSeed.next, rotaSeed.current = rotas[0].ID, rotas[1].ID // latest first
}

// buildRota builds next rotation's rota from the rotas page: the build
// page reloads itself until the version is saved.
func (b *browser) buildRota() {
	b.do("open the rotas", chromedp.Navigate(b.base+"/rotas"), chromedp.WaitVisible(chromedp.CSS("#rotas")))
	b.see("both rotas", "Next rotation", "Current rotation", "Published", "Draft")
	b.do("open the next rotation", follow("Next rotation"), chromedp.WaitVisible(chromedp.CSS("#rota-build")))
	b.see("empty", "No duties yet")
	b.do("build it", chromedp.SetValue(chromedp.CSS("#effort"), "quick"), press("Build the rota"),
		chromedp.WaitVisible(chromedp.CSS("#rota-build-result")))
	b.see("built in the background", "Built and saved as version 1", "Seed 1, Quick: 2 million moves", "Safe",
		"every shift has its cover")
	b.do("open the version", follow("See version 1 on the rota"), chromedp.WaitVisible(chromedp.CSS("#rota-grid")))
	b.see("safe and covered", "Safe", "every shift has its cover", "Fairness", "Dr A Okoye", "Built (seed 1, 2000000 moves)")
}

// breachListed puts one doctor on five nights in a row by hand.
func (b *browser) breachListed() {
	url := fmt.Sprintf("%s/rotas/%d", b.base, rotaSeed.next)
	from := b.eval(`document.querySelector("#duty-date").value`)
	d := elective.MustParseDate(from)
	for i := 0; i < 5; i++ {
		b.do(fmt.Sprintf("night %d", i+1), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#rota-duty")),
			chromedp.SetValue(chromedp.CSS("#duty-staff"), b.eval(`document.querySelector("#duty-staff option:nth-child(5)").value`)),
			chromedp.SetValue(chromedp.CSS("#duty-date"), d.AddDays(i).String()), chromedp.SetValue(chromedp.CSS("#duty-code"), "N"),
			press("Save the change"), chromedp.WaitVisible(`//*[contains(., "Rota changed: `+d.AddDays(i).Format("Mon 2 Jan")+`")]`))
	}
	b.see("breach listed", "safety breaches", "Safety breaches", "Version 6")
	b.do("open a day from the grid", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#rota-grid")),
		chromedp.Focus(`#rota-grid tbody tr:nth-child(2) td:nth-of-type(3) a`), chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS("#rota-duty")))
	if got, want := b.eval(`document.querySelector("#duty-date").value`), d.AddDays(2).String(); got != want {
		b.t.Errorf("the cell opened the form at %s, want %s", got, want)
	}
}

func (b *browser) publishRota() {
	b.do("publish", press("Publish the rota"), chromedp.WaitVisible(`//*[contains(., "Rota published to the team")]`))
	b.see("published", "Published")
}

// coverSickness takes the first doctor on tomorrow's night of the running
// rota off it for sickness and gives the night to an eligible colleague.
func (b *browser) coverSickness(clk *clock) {
	tomorrow := elective.DateOf(clk.Now(), london()).AddDays(1)
	url := fmt.Sprintf("%s/rotas/%d?from=%s", b.base, rotaSeed.current, tomorrow)
	b.do("open the running rota at tomorrow", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#rota-duty")))
	who := b.eval(`(() => { for (const tr of document.querySelectorAll("#rota-grid tbody tr")) {
		const c = tr.querySelector("td"); if (c && c.textContent.trim() === "N") return tr.querySelector("th a").textContent; } return ""; })()`)
	if who == "" {
		b.t.Fatal("no night on the running rota tomorrow")
	}
	b.do("take them off", chromedp.SetValue(chromedp.CSS("#duty-staff"), b.eval(fmt.Sprintf(
		`[...document.querySelectorAll("#duty-staff option")].find(o => o.textContent.startsWith(%q)).value`, who))),
		chromedp.SetValue(chromedp.CSS("#duty-date"), tomorrow.String()), chromedp.SetValue(chromedp.CSS("#duty-code"), ""),
		chromedp.SendKeys(chromedp.CSS("#duty-reason"), "Sickness"), press("Save the change"),
		chromedp.WaitVisible(`//*[contains(., "Rota changed")]`))
	b.see("change tracked", "Changes since publication", "Short notice", "Sickness")
	b.do("open the cover worklist", chromedp.Navigate(b.base+"/cover"), chromedp.WaitVisible(chromedp.CSS("#cover-gaps")))
	b.do("find cover", follow("Find cover"), chromedp.WaitVisible(chromedp.CSS("#cover-candidates")))
	b.see("candidates", "Give the shift to")
	b.do("give the shift", chromedp.Click(`//button[starts-with(normalize-space(.), "Give the shift to")]`),
		chromedp.WaitVisible(`//*[contains(., "Rota changed")]`))
	b.see("no gaps left", "No gaps")
}

// onCallRest adds a 24 h non-resident on call, puts a doctor on it
// tomorrow with a night the day after, records work from 02:00 to 03:00
// (only 4 h continuous rest between 22:00 and 07:00: TS-148) and finds the
// night on the cover worklist for review.
func (b *browser) onCallRest(clk *clock) {
	b.do("open the shift types", chromedp.Navigate(b.base+"/rota-setup?team="+url.QueryEscape(demoRotaTeam)),
		chromedp.WaitVisible(chromedp.CSS("#shift-type-form")))
	b.do("add a non-resident on call", chromedp.SendKeys(chromedp.CSS("#code"), "OC"),
		chromedp.SendKeys(chromedp.CSS("#shift-name"), "On call from home"), chromedp.SetValue(chromedp.CSS("#hours"), "24"),
		chromedp.SetValue(chromedp.CSS("#breaks"), "0"), choose(chromedp.CSS("#non-resident")),
		chromedp.SendKeys(chromedp.CSS("#expected-work"), "4"), press("Add the shift type"),
		chromedp.WaitVisible(`//*[contains(., "Shift type OC added")]`))
	b.see("the on call listed", "Non-resident on call", "expects 4 h of work")

	tomorrow := elective.DateOf(clk.Now(), london()).AddDays(1)
	rotaPage := fmt.Sprintf("%s/rotas/%d?from=%s", b.base, rotaSeed.current, tomorrow)
	b.do("open the running rota", chromedp.Navigate(rotaPage), chromedp.WaitVisible(chromedp.CSS("#rota-duty")))
	staff := b.eval(`document.querySelector("#duty-staff option:nth-child(3)").value`)
	who, _, _ := strings.Cut(b.eval(`document.querySelector("#duty-staff option:nth-child(3)").textContent`), " (")
	for _, d := range []struct {
		date elective.Date
		code string
	}{{tomorrow, "OC"}, {tomorrow.AddDays(1), "N"}} {
		b.do("put them on "+d.code, chromedp.Navigate(rotaPage), chromedp.WaitVisible(chromedp.CSS("#rota-duty")),
			chromedp.SetValue(chromedp.CSS("#duty-staff"), staff), chromedp.SetValue(chromedp.CSS("#duty-date"), d.date.String()),
			chromedp.SetValue(chromedp.CSS("#duty-code"), d.code), chromedp.SendKeys(chromedp.CSS("#duty-reason"), "On call week"),
			press("Save the change"), chromedp.WaitVisible(`//*[contains(., "Rota changed: `+d.date.Format("Mon 2 Jan")+`")]`))
	}
	b.do("open the on call", chromedp.Navigate(rotaPage), chromedp.WaitVisible(chromedp.CSS("#rota-on-call")),
		follow("Record work"), chromedp.WaitVisible(chromedp.CSS("#on-call-work-form")))
	b.see("nothing recorded yet", "Rest met", "No work recorded")
	onCall := b.address()
	next := tomorrow.AddDays(1).String()
	for _, w := range []struct{ start, end, note, flash string }{
		{tomorrow.String() + "T07:00", tomorrow.String() + "T09:00", "Before the call", "There is a problem"},
		{tomorrow.String() + "T21:30", tomorrow.String() + "T22:00", "Phone advice", "Work recorded: 21:30 to 22:00"},
		{next + "T02:00", next + "T03:00", "Called in: sepsis", "Work recorded: 02:00 to 03:00"},
	} {
		b.do("record "+w.note, chromedp.SetValue(chromedp.CSS("#work-start"), w.start), chromedp.SetValue(chromedp.CSS("#work-end"), w.end),
			chromedp.SetValue(chromedp.CSS("#work-note"), w.note), press("Record the work"),
			chromedp.WaitVisible(`//*[contains(., "`+w.flash+`")]`), chromedp.WaitVisible(chromedp.CSS("#on-call-work-form")))
	}
	b.see("rest not met", "Rest not met", "4 h (5 h continuous)", "Called in: sepsis", "To review")
	b.do("open the cover worklist", chromedp.Navigate(b.base+"/cover"), chromedp.WaitVisible(chromedp.CSS("#cover-reviews")))
	b.see("the night to review", "rest not met after on call", who, "N on "+tomorrow.AddDays(1).Format("2 Jan 2006"),
		"the longest 4 h continuous between 22:00 and 07:00")
	b.removeOnCallWork(onCall)
}

// removeOnCallWork removes the night's call-in as entered in error: refused
// without a reason, then removed with one, when the night's rest is 9 h
// continuous again and the expectation met; the removed work stays listed
// with the reason.
func (b *browser) removeOnCallWork(onCall string) {
	b.do("open the on call again", chromedp.Navigate(onCall), chromedp.WaitVisible(chromedp.CSS("#on-call-work-table")))
	remove := b.eval(`[...document.querySelectorAll("#on-call-work-table tbody tr")].find(tr => tr.textContent.includes("Called in: sepsis")).querySelector("a").href`)
	b.do("choose the call-in", chromedp.Navigate(remove), chromedp.WaitVisible(chromedp.CSS("#remove-work")))
	b.do("remove it without a reason", press("Remove the work"), chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("a reason is needed", "Say why the work is removed", "Rest not met", "4 h (5 h continuous)")
	b.do("remove it with a reason", chromedp.SendKeys(chromedp.CSS("#remove-reason"), "Recorded against the wrong doctor"),
		press("Remove the work"), chromedp.WaitVisible(`//*[contains(., "Work removed as entered in error")]`))
	b.see("the rest is met again", "Rest met", "9 h (5 h continuous)", "Removed as entered in error", "Called in: sepsis",
		"Recorded against the wrong doctor")
}

// savedPattern saves a 1 in 4 of nights on the setup page, beside the
// demo's usual pattern: refused first for a code the team has no shift
// for, naming the line and the code, with nothing saved. It then fills
// next rotation's rota from it by choosing it on the rota page.
func (b *browser) savedPattern() {
	b.do("open the patterns", chromedp.Navigate(b.base+"/rota-setup?team="+url.QueryEscape(demoRotaTeam)+"#rota-patterns"),
		chromedp.WaitVisible(chromedp.CSS("#pattern-form")))
	b.see("the demo's pattern", "Residents 12-week rolling", "LD LD LD LD - - -")
	nights := "N N N N - - -\n- - - - N N N\nD D D D D - -\n"
	b.do("save a pattern with a bad code", chromedp.SendKeys(chromedp.CSS("#pattern-name"), "Nights 1 in 4"),
		chromedp.SetValue(chromedp.CSS("#pattern-text"), nights+"D D X D D - -"), press("Save the pattern"),
		chromedp.WaitVisible(chromedp.CSS(".nhsuk-error-summary")))
	b.see("refused", `Line 4: "X" is not one of the team's shift codes`)
	if b.eval(`String(document.querySelector("#rota-pattern-list").innerText.includes("Nights 1 in 4"))`) != "false" {
		b.t.Error("the refused pattern was saved")
	}
	b.do("save it corrected", chromedp.SetValue(chromedp.CSS("#pattern-text"), nights+"D D D D D - -"), press("Save the pattern"),
		chromedp.WaitVisible(`//*[contains(., "Pattern Nights 1 in 4 saved")]`))
	b.do("open next rotation", chromedp.Navigate(fmt.Sprintf("%s/rotas/%d", b.base, rotaSeed.next)),
		chromedp.WaitVisible(chromedp.CSS("#pattern-id")))
	id := b.eval(`[...document.querySelectorAll("#pattern-id option")].find(o => o.textContent.startsWith("Nights 1 in 4")).value`)
	b.do("fill from it", chromedp.SetValue(chromedp.CSS("#pattern-id"), id), press("Fill from the pattern"),
		chromedp.WaitVisible(`//*[contains(., "Rota filled from the pattern")]`))
	b.see("filled from the saved pattern", "Filled from a 4-week pattern: Nights 1 in 4")
}

func (b *browser) rotaDownloads() {
	for _, f := range []string{"rota.xlsx", "rota.csv", "rota.ics"} {
		got, err := b.run(chromedp.Evaluate[string](fmt.Sprintf(
			`fetch("/rotas/%d/%s").then(r => r.status + " " + r.headers.get("Content-Disposition"))`, rotaSeed.next, f),
			chromedp.EvalAwaitPromise))
		if err != nil || !strings.HasPrefix(got, "200 attachment") {
			b.t.Errorf("download %s: %q, %v", f, got, err)
		}
	}
}
