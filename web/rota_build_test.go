package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// buildStub is a rota build in a mock store: it reports, then waits to be
// stopped (or released) and returns the fixture rota as saved.
type buildStub struct {
	asked   chan elective.RotaBuild
	release chan struct{}
	stopped chan bool
}

func (e *testEnv) stubBuild() *buildStub {
	b := &buildStub{asked: make(chan elective.RotaBuild, 4), release: make(chan struct{}), stopped: make(chan bool, 4)}
	e.rotas.BuildRotaFn = func(ctx context.Context, id int64, rb elective.RotaBuild) (*elective.RotaView, error) {
		b.asked <- rb
		rb.Progress(elective.RotaBuildProgress{Phase: elective.RotaBuildCover, Gaps: 9})
		rb.Progress(elective.RotaBuildProgress{Phase: elective.RotaBuildFairness, Moves: 1_000_000, Unfairness: 12345})
		select {
		case <-ctx.Done():
			b.stopped <- true
		case <-b.release:
			b.stopped <- false
		}
		return fixtureRotaView(e.today()), nil
	}
	return b
}

// A coordinator starts a build, which runs in the background: the build
// page shows its phase, moves, gaps and unfairness and reloads itself; a
// second start is refused while it runs; someone who may not build rotas
// can neither see nor stop it; Stop keeps the best rota, saved as a
// version whose safety check is listed with a link.
func TestRotaBuildJob(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	b := e.stubBuild()
	w := e.post("/rotas/7/build", "tok-rota", url.Values{"seed": {"42"}, "effort": {"quick"}})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/rotas/7/build" {
		t.Fatalf("redirected to %q", loc)
	}
	if rb := <-b.asked; rb.Seed != 42 || rb.Moves != 2_000_000 {
		t.Errorf("built with %+v", rb)
	}
	w = e.get("/rotas/7/build", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `data-refresh-seconds="1"`, "Sharing the work out fairly", "1,000,000 of 2,000,000 moves", "12,345",
		"0 in the best rota so far", "Stop and save the best rota so far", "Seed 42", "started by Rita Rota")
	wantBody(t, e.get("/rotas/7", "tok-rota"), "The builder is running on this rota")

	w = e.post("/rotas/7/build", "tok-manager", url.Values{"seed": {"1"}, "effort": {"thorough"}})
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "This rota is being built already (started by Rita Rota)")
	wantStatus(t, e.get("/rotas/7/build", "tok-officer"), http.StatusForbidden)
	wantStatus(t, e.post("/rotas/7/build/stop", "tok-officer", nil), http.StatusForbidden)

	w = e.post("/rotas/7/build/stop", "tok-manager", nil)
	wantStatus(t, w, http.StatusSeeOther)
	if !<-b.stopped {
		t.Fatal("Stop did not cancel the build")
	}
	w = e.get("/rotas/7/build", "tok-rota")
	wantBody(t, w, "Stopped: the best rota so far is saved as version 2", "1 safety breaches", "1 shifts short",
		`href="/rotas/7?version=2"`, "46 are needed", "no one eligible")
	if strings.Contains(w.Body.String(), "data-refresh-seconds") {
		t.Error("a finished build's page still reloads itself")
	}

	// Finished, it makes way for the next build, which runs to its end.
	w = e.post("/rotas/7/build", "tok-rota", url.Values{"seed": {"2"}, "effort": {"best"}})
	wantStatus(t, w, http.StatusSeeOther)
	<-b.asked
	close(b.release)
	if <-b.stopped {
		t.Error("the second build was stopped")
	}
	waitFor(t, func() bool {
		return strings.Contains(e.get("/rotas/7/build", "tok-rota").Body.String(), "Built and saved as version 2")
	})
}

// A build refused before it searches (bad input, a user who may not
// build rotas) shows the same errors on the rota page as when builds ran
// in the request, and leaves no job behind.
func TestRotaBuildRefused(t *testing.T) {
	e := newTestEnv(t)
	e.stubRotas()
	called := false
	e.rotas.BuildRotaFn = func(ctx context.Context, id int64, rb elective.RotaBuild) (*elective.RotaView, error) {
		called = true
		return nil, elective.Problems{{Field: "shifts", Message: "The rota has no shifts"}}.Err("The rota cannot be built: check the fields marked")
	}
	w := e.post("/rotas/7/build", "tok-rota", url.Values{"seed": {"x"}, "effort": {"quick"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the seed as a whole number")
	w = e.post("/rotas/7/build", "tok-rota", url.Values{"seed": {"1"}, "effort": {"forever"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Choose how hard the builder should search", `href="#effort"`)
	wantStatus(t, e.post("/rotas/7/build", "tok-officer", url.Values{"seed": {"1"}, "effort": {"quick"}}), http.StatusForbidden)
	if called {
		t.Error("a refused form reached the store")
	}
	w = e.post("/rotas/7/build", "tok-rota", url.Values{"seed": {"1"}, "effort": {"quick"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "The rota has no shifts", "Build the rota")
	wantBody(t, e.get("/rotas/7/build", "tok-rota"), "No build of this rota is running or kept")
}

// The jobs are bounded: at most maxRotaBuildsRunning run at once, and
// finished ones make room for new ones beyond maxRotaJobs.
func TestRotaJobsBounded(t *testing.T) {
	var js rotaJobs
	job := func(id int64, finished bool) *rotaJob {
		j := &rotaJob{rotaID: id, startedBy: "Rita Rota", done: make(chan struct{})}
		if finished {
			close(j.done)
		}
		return j
	}
	for id := range int64(maxRotaJobs + 5) {
		if err := js.add(job(100+id, true)); err != nil {
			t.Fatal(err)
		}
	}
	for id := range int64(maxRotaBuildsRunning) {
		if err := js.add(job(id, false)); err != nil {
			t.Fatal(err)
		}
	}
	if err := js.add(job(99, false)); elective.ErrorCode(err) != elective.ECONFLICT {
		t.Errorf("one build too many: %v", err)
	}
	if len(js.jobs) != maxRotaJobs || js.get(0) == nil || js.get(100) != nil || js.get(99) != nil {
		t.Errorf("kept %d jobs; running kept %v, oldest finished dropped %v", len(js.jobs), js.get(0) != nil, js.get(100) == nil)
	}
}

// waitFor polls until ok, for a background job to finish.
func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
