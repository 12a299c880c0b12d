package web

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/openelective/elective"
)

// rotaJob is one run of the rota builder in the background, so that the
// coordinator sees how it goes and can stop it with the best rota so far.
// The store saves its rota as a version like any build; the job itself
// lives in memory, so a restart loses a running build but nothing saved.
type rotaJob struct {
	rotaID    int64
	seed      int64
	effort    RotaEffort
	startedBy string
	startedAt time.Time
	cancel    context.CancelFunc
	started   chan struct{} // closed at the first report: the inputs were read and checked
	done      chan struct{} // closed when the build has returned
	first     sync.Once

	mu       sync.Mutex
	progress elective.RotaBuildProgress
	stopped  bool               // by a coordinator
	timedOut bool               // by the effort's time limit
	view     *elective.RotaView // the version saved
	err      error
}

// rotaJobStatus is a copy of a job's state for one page.
type rotaJobStatus struct {
	Progress elective.RotaBuildProgress
	Running  bool
	Stopped  bool
	TimedOut bool
	View     *elective.RotaView
	Err      error
}

func (j *rotaJob) status() rotaJobStatus {
	j.mu.Lock()
	defer j.mu.Unlock()
	return rotaJobStatus{Progress: j.progress, Running: !j.finished(), Stopped: j.stopped, TimedOut: j.timedOut, View: j.view, Err: j.err}
}

func (j *rotaJob) finished() bool {
	select {
	case <-j.done:
		return true
	default:
		return false
	}
}

// report keeps the builder's latest progress; it is called from the search.
func (j *rotaJob) report(pr elective.RotaBuildProgress) {
	j.mu.Lock()
	j.progress = pr
	j.mu.Unlock()
	j.first.Do(func() { close(j.started) })
}

func (j *rotaJob) stop() {
	j.mu.Lock()
	j.stopped = true
	j.mu.Unlock()
	j.cancel()
}

// RotaEffort is one of the build form's choices. The effort is a number
// of moves, so that the same seed and effort give the same rota however
// busy the server is; Limit is only a safety cap for a build that runs far
// slower than expected, after which it stops with its best rota as Stop
// does.
type RotaEffort struct {
	Key, Label string
	Moves      int64
	Limit      time.Duration
}

// rotaEfforts are the choices, quickest first. The times are for a team
// of a dozen over a 13-week rotation, about a million moves a second on
// one core (docs/benchmarks.md, issue 6).
var rotaEfforts = []RotaEffort{
	{"quick", "Quick: 2 million moves (a few seconds)", 2_000_000, time.Minute},
	{"thorough", "Thorough: 50 million moves (about a minute)", 50_000_000, 4 * time.Minute},
	{"best", "Best: 250 million moves (about 5 minutes)", elective.RotaBuildMaxMoves, maxRotaBuildTime},
}

// maxRotaBuildTime is the hard cap on any build's time.
const maxRotaBuildTime = 15 * time.Minute

func rotaEffortOf(key string) (RotaEffort, bool) {
	for _, e := range rotaEfforts {
		if e.Key == key {
			return e, true
		}
	}
	return RotaEffort{}, false
}

// Bounds on the jobs: each running build takes a core, and a finished
// one is kept only to show its result.
const (
	maxRotaBuildsRunning = 4
	maxRotaJobs          = 20
)

// rotaJobs holds the builds, at most one per rota, oldest first.
type rotaJobs struct {
	mu   sync.Mutex
	jobs []*rotaJob
}

// add keeps j as its rota's build, refusing (ECONFLICT) while that rota's
// build or too many others run; finished builds make room, oldest first.
func (js *rotaJobs) add(j *rotaJob) error {
	js.mu.Lock()
	defer js.mu.Unlock()
	running := 0
	for _, o := range js.jobs {
		if o.finished() {
			continue
		}
		if o.rotaID == j.rotaID {
			return elective.Errorf(elective.ECONFLICT, "This rota is being built already (started by %s): wait for that build or stop it before starting another", o.startedBy)
		}
		running++
	}
	if running >= maxRotaBuildsRunning {
		return elective.Errorf(elective.ECONFLICT, "%d rota builds are running already: wait for one to finish and try again", running)
	}
	js.removeLocked(j.rotaID)
	js.jobs = append(js.jobs, j)
	for i := 0; len(js.jobs) > maxRotaJobs && i < len(js.jobs); {
		if js.jobs[i].finished() {
			js.jobs = append(js.jobs[:i], js.jobs[i+1:]...)
			continue
		}
		i++
	}
	return nil
}

// get returns the rota's build, running or finished, or nil.
func (js *rotaJobs) get(rotaID int64) *rotaJob {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, j := range js.jobs {
		if j.rotaID == rotaID {
			return j
		}
	}
	return nil
}

// drop forgets j, a build refused before it searched.
func (js *rotaJobs) drop(j *rotaJob) {
	js.mu.Lock()
	defer js.mu.Unlock()
	for i, o := range js.jobs {
		if o == j {
			js.jobs = append(js.jobs[:i], js.jobs[i+1:]...)
			return
		}
	}
}

func (js *rotaJobs) removeLocked(rotaID int64) {
	for i, o := range js.jobs {
		if o.rotaID == rotaID {
			js.jobs = append(js.jobs[:i], js.jobs[i+1:]...)
			return
		}
	}
}

// runRotaBuild runs the build until it is done, stopped or out of time;
// the store saves the best rota in each case.
func (s *Server) runRotaBuild(ctx context.Context, j *rotaJob) {
	defer j.cancel()
	v, err := s.svc.Rotas.BuildRota(ctx, j.rotaID, elective.RotaBuild{Seed: j.seed, Moves: j.effort.Moves, Progress: j.report})
	j.mu.Lock()
	j.view, j.err = v, err
	j.timedOut = errors.Is(ctx.Err(), context.DeadlineExceeded)
	j.mu.Unlock()
	close(j.done)
	if err != nil && elective.ErrorCode(err) == elective.EINTERNAL {
		s.logger.Error("build rota", "rota", j.rotaID, "error", err)
	}
}
