package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// This file is the browser plumbing of the walks: one tab, steps with
// their own deadlines, and keyboard actions; the steps themselves are in
// e2e_*_test.go.

// browser drives one Chromium tab through the UI.
type browser struct {
	t     *testing.T
	ctx   context.Context
	base  string
	shot  int
	steps []step
}

// step is one walked step and how long it took, printed when a later
// step fails so that a slow machine can be told from a hang.
type step struct {
	what string
	took time.Duration
}

// stepTimeout bounds one step of a walk: a page load and the wait for what
// it shows. Steps take well under a second here; the margin is for a
// loaded CI machine running the store suite beside the browser.
const stepTimeout = 60 * time.Second

// do runs actions under their own deadline and fails the test, with the
// page's address and text and the steps before it, if one fails.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	began := time.Now()
	err := chromedp.Do(ctx, actions...)
	b.steps = append(b.steps, step{what, time.Since(began)})
	if err != nil {
		b.t.Fatalf("%s: %v\nsteps: %s\naddress: %s\npage: %s", what, err, b.history(), b.address(), b.text())
	}
	b.screenshot(what)
}

// history lists the steps walked so far with their times.
func (b *browser) history() string {
	parts := make([]string, len(b.steps))
	for i, s := range b.steps {
		parts[i] = s.what + " " + s.took.Round(time.Millisecond).String()
	}
	return strings.Join(parts, "; ")
}

// address is the page's address, or why it cannot be read.
func (b *browser) address() string {
	s, err := b.run(chromedp.Evaluate[string](`location.href`))
	if err != nil {
		return "(address unavailable: " + err.Error() + ")"
	}
	return s
}

// run evaluates one action under a step's deadline.
func (b *browser) run(a chromedp.Action[string]) (string, error) {
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

// text is the visible text of the current page, read by script so that
// it is always the document now loaded.
func (b *browser) text() string {
	s, err := b.run(chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
	if err != nil {
		return "(page text unavailable: " + err.Error() + ")"
	}
	return s
}

// eval evaluates a JavaScript expression returning a string.
func (b *browser) eval(expr string) string {
	b.t.Helper()
	s, err := b.run(chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return s
}

// see fails unless the page text contains every string.
func (b *browser) see(what string, want ...string) {
	b.t.Helper()
	text := b.text()
	for _, w := range want {
		if !strings.Contains(text, w) {
			b.t.Fatalf("%s: the page at %s does not show %q\npage: %s", what, b.eval(`location.href`), w, text)
		}
	}
}

// screenshot saves the page when ELECTIVE_SCREENSHOTS names a folder, for
// reviewing the UI by eye.
func (b *browser) screenshot(name string) {
	dir := os.Getenv("ELECTIVE_SCREENSHOTS")
	if dir == "" {
		return
	}
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil {
		b.shot++
		file := filepath.Join(dir, strings.ReplaceAll(strings.ToLower(name), " ", "-")+".png")
		os.WriteFile(file, png, 0o644)
	}
}

// press submits by keyboard: focus the button, press Enter. Staff work
// without a mouse, and a keypress cannot miss a button the way a click at
// coordinates can while the page settles.
func press(button string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Focus(`//button[contains(., "`+button+`")]`), chromedp.KeyEvent("\r"))
}

// follow opens a link by keyboard (focus, Enter) and waits for the new
// page to begin. On a loaded machine a keypress can land before the page
// takes it; a link is a plain GET, so pressing it again is harmless, and a
// link that never opens fails here, naming it, rather than in the wait
// for the next page.
func follow(text string) chromedp.Action[chromedp.Void] {
	press := chromedp.Steps(chromedp.Focus(`//a[contains(., "`+text+`")]`), chromedp.KeyEvent("\r"))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		const mark = `window.electiveWalk = true`
		for range 3 {
			if _, err := chromedp.Evaluate[bool](mark)(ctx, t); err != nil {
				return chromedp.Void{}, err
			}
			if _, err := press(ctx, t); err != nil {
				return chromedp.Void{}, err
			}
			if left(ctx, t, 10*time.Second) {
				return chromedp.Void{}, nil
			}
		}
		return chromedp.Void{}, fmt.Errorf("the link %q did not open after three presses", text)
	}
}

// left reports whether the page marked by follow has been replaced
// within the time given.
func left(ctx context.Context, t *chromedp.Target, within time.Duration) bool {
	until := time.Now().Add(within)
	for time.Now().Before(until) {
		still, err := chromedp.Evaluate[bool](`window.electiveWalk === true`)(ctx, t)
		if err == nil && !still {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(50 * time.Millisecond):
		}
	}
	return false
}

// choose selects a radio button by keyboard (focus, space).
func choose(radio chromedp.CSS) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(chromedp.Focus(radio), chromedp.KeyEvent(" "))
}
