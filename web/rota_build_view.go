package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// RotaBuildPage shows a rota's build: its progress while it runs, with a
// Stop button, then the version it saved with its safety check.
type RotaBuildPage struct {
	Page
	RotaID    int64
	Found     bool // a build of the rota is kept
	Running   bool
	Stopped   bool // by a coordinator: the best rota so far was kept
	TimedOut  bool // by the effort's time limit, likewise
	Effort    RotaEffort
	Seed      int64
	StartedBy string
	StartedAt time.Time
	Progress  elective.RotaBuildProgress
	View      *elective.RotaView // the version saved
	RunError  string
}

func (*RotaBuildPage) templateName() string { return "rota/build" }

// Percent is how far the build has gone, for the progress bar.
func (p *RotaBuildPage) Percent() int {
	if p.Effort.Moves <= 0 {
		return 0
	}
	return int(min(100, p.Progress.Moves*100/p.Effort.Moves))
}

// Phase says what the builder is doing.
func (p *RotaBuildPage) Phase() string {
	switch p.Progress.Phase {
	case elective.RotaBuildCover:
		return "Filling the shifts (fairness left out)"
	case elective.RotaBuildFairness:
		return "Sharing the work out fairly, keeping the cover"
	}
	return "Reading the team, leave and cover"
}

// StopsBy is when the time limit stops the build at the latest.
func (p *RotaBuildPage) StopsBy() time.Time { return p.StartedAt.Add(p.Effort.Limit) }

// rotaBuildWait is how long starting a build waits for the builder to
// read and check its inputs, so that a refusal shows on the rota page as
// it did when builds ran in the request; stopping waits as long for the
// save.
const rotaBuildWait = 10 * time.Second

// handleRotaBuild starts a build in the background and shows its progress.
func (s *Server) handleRotaBuild(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	j, err := s.newRotaJob(r, id)
	if err != nil {
		return s.rotaError(w, r, err)
	}
	// The build keeps the request's values (the user, for authorisation
	// and audit) but not its cancellation: it outlives the request.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), j.effort.Limit)
	j.cancel = cancel
	if err := s.rotaBuilds.add(j); err != nil {
		cancel()
		return s.rotaError(w, r, err)
	}
	go s.runRotaBuild(ctx, j)
	select {
	case <-j.started:
	case <-j.done:
		if err := j.status().Err; err != nil {
			s.rotaBuilds.drop(j)
			return s.rotaError(w, r, err)
		}
	case <-time.After(rotaBuildWait):
	}
	http.Redirect(w, r, rotaURL(id)+"/build", http.StatusSeeOther)
	return nil
}

// newRotaJob reads the build form; only those who may build rotas may
// start one.
func (s *Server) newRotaJob(r *http.Request, id int64) (*rotaJob, error) {
	if err := authorize(r, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	seed, err := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("seed")), 10, 64)
	if err != nil {
		return nil, fieldErr("seed", "Enter the seed as a whole number")
	}
	effort, ok := rotaEffortOf(r.PostFormValue("effort"))
	if !ok {
		return nil, fieldErr("effort", "Choose how hard the builder should search")
	}
	u := elective.UserFromContext(r.Context())
	return &rotaJob{rotaID: id, seed: seed, effort: effort, startedBy: u.Name, startedAt: s.cfg.Now(),
		started: make(chan struct{}), done: make(chan struct{})}, nil
}

// handleRotaBuildView shows the rota's build; the page reloads itself
// while the build runs (static/js/refresh.js).
func (s *Server) handleRotaBuildView(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionManageWorkforce); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	p := &RotaBuildPage{RotaID: id}
	p.Title, p.Nav = "Build the rota", NavRotas
	if j := s.rotaBuilds.get(id); j != nil {
		st := j.status()
		p.Found, p.Running, p.Stopped, p.TimedOut = true, st.Running, st.Stopped, st.TimedOut
		p.Progress, p.View = st.Progress, st.View
		p.Effort, p.Seed, p.StartedBy, p.StartedAt = j.effort, j.seed, j.startedBy, j.startedAt
		if st.Err != nil {
			p.RunError = elective.ErrorMessage(st.Err)
		}
	}
	return s.render(w, r, http.StatusOK, p)
}

// handleRotaBuildStop stops the rota's build; the best rota so far is
// saved. It waits a little for the save, to show the result at once.
func (s *Server) handleRotaBuildStop(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionManageWorkforce); err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	j := s.rotaBuilds.get(id)
	if j == nil {
		return elective.Errorf(elective.ENOTFOUND, "No build of this rota is running: start one from the rota page.")
	}
	if !j.finished() {
		j.stop()
		select {
		case <-j.done:
		case <-time.After(rotaBuildWait):
		}
	}
	http.Redirect(w, r, rotaURL(id)+"/build", http.StatusSeeOther)
	return nil
}
