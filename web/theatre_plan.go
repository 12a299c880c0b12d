package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/openelective/elective"
)

// planJob is one run of the list optimiser, in the background so the page
// can show its progress and staff can stop it. Runs live in memory: a
// proposal changes nothing until it is accepted, so losing one on restart
// loses no work.
type planJob struct {
	id     string
	userID int64
	req    elective.PlanRequest
	cancel context.CancelFunc

	mu       sync.Mutex
	progress elective.PlanProgress
	plan     *elective.ListPlan
	err      error
	done     bool
}

func (j *planJob) snapshot() (elective.PlanProgress, *elective.ListPlan, error, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.progress, j.plan, j.err, j.done
}

// planJobs holds the runs of the optimiser, newest last.
type planJobs struct {
	mu   sync.Mutex
	jobs map[string]*planJob
	ids  []string
}

// PlanEffort is how long the optimiser searches, as a number of moves: a
// run bounded by moves gives the same plan for the same seed, whatever
// else the server is doing; one bounded by time would not.
type PlanEffort struct {
	Key, Label string
	Moves      int64
}

// planEfforts are the choices on the form, quickest first. A month of a
// trust's lists takes about 3 million moves a second on one core.
var planEfforts = []PlanEffort{
	{"quick", "Quick: 1 million moves (under a second for a specialty)", 1_000_000},
	{"normal", "Normal: 10 million moves (a few seconds)", 10_000_000},
	{"thorough", "Thorough: 50 million moves (up to a minute)", 50_000_000},
}

func effortOf(key string) (PlanEffort, bool) {
	for _, e := range planEfforts {
		if e.Key == key {
			return e, true
		}
	}
	return PlanEffort{}, false
}

// Efforts lists the choices for the form.
func (*PlanPage) Efforts() []PlanEffort { return planEfforts }

// Percent is how far the run has gone, for the progress bar.
func (p *PlanPage) Percent() int {
	if p.Target <= 0 {
		return 0
	}
	return int(min(100, p.Progress.Iterations*100/p.Target))
}

// maxPlanTime stops a run that is still going after five minutes, with
// the best plan so far: a server under load must not run one for ever.
const maxPlanTime = 5 * time.Minute

// maxPlanJobs bounds the runs kept: older proposals are dropped.
const maxPlanJobs = 20

func (p *planJobs) add(j *planJob) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.jobs == nil {
		p.jobs = map[string]*planJob{}
	}
	p.jobs[j.id] = j
	p.ids = append(p.ids, j.id)
	if len(p.ids) > maxPlanJobs {
		if old := p.jobs[p.ids[0]]; old != nil {
			old.cancel()
		}
		delete(p.jobs, p.ids[0])
		p.ids = p.ids[1:]
	}
}

func (p *planJobs) get(id string, userID int64) *planJob {
	p.mu.Lock()
	defer p.mu.Unlock()
	if j := p.jobs[id]; j != nil && j.userID == userID {
		return j
	}
	return nil
}

// PlanPage starts the optimiser, shows its progress and then its proposal
// as a diff against today's lists.
type PlanPage struct {
	Page
	Form        PlanForm
	Specialties []*elective.Specialty
	JobID       string
	Running     bool
	Progress    elective.PlanProgress
	Target      int64 // the moves the run will try
	Plan        *elective.ListPlan
	RunError    string
	Errors      FormErrors
}

func (*PlanPage) templateName() string { return "theatre/plan" }

// PlanForm is the optimiser's request as typed.
type PlanForm struct {
	From        string
	Weeks       string
	Effort      string // a key of planEfforts
	SpecialtyID int64
	Seed        string
}

// handlePlanNew shows the form to run the optimiser.
func (s *Server) handlePlanNew(w http.ResponseWriter, r *http.Request) error {
	p, err := s.planPage(r)
	if err != nil {
		return err
	}
	p.Form = PlanForm{From: s.today().AddDays(1).String(), Weeks: "4", Effort: "normal", Seed: "1"}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) planPage(r *http.Request) (*PlanPage, error) {
	if err := authorize(r, elective.ActionManageTheatres); err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	p := &PlanPage{Specialties: lk.specialties}
	p.Title, p.Nav, p.Wide = "Plan the theatre lists", NavTheatres, true
	return p, nil
}

// handlePlanCreate starts a run in the background and shows its progress.
func (s *Server) handlePlanCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.planPage(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	f := PlanForm{From: strings.TrimSpace(r.PostFormValue("from")), Weeks: strings.TrimSpace(r.PostFormValue("weeks")),
		Effort: r.PostFormValue("effort"), SpecialtyID: formInt64(r.PostFormValue("specialty_id")),
		Seed: strings.TrimSpace(r.PostFormValue("seed"))}
	job, err := s.newPlanJob(r, f)
	if err != nil {
		p.Form, p.Errors = f, newFormErrors(err, nil)
		return s.render(w, r, httpStatus(err), p)
	}
	// The run keeps the request's values (the user, for authorisation and
	// audit) but not its cancellation: it outlives the request.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), maxPlanTime)
	job.cancel = cancel
	s.plans.add(job)
	go s.runPlan(ctx, job)
	http.Redirect(w, r, "/theatre-plan/"+job.id, http.StatusSeeOther)
	return nil
}

func (s *Server) newPlanJob(r *http.Request, f PlanForm) (*planJob, error) {
	var problems elective.Problems
	from, err := elective.ParseDate(f.From)
	if err != nil {
		problems.Add("from", "Enter the first date to plan")
	}
	weeks, err := strconv.Atoi(f.Weeks)
	if err != nil || weeks < 1 || weeks > 12 {
		problems.Add("weeks", "Plan between 1 and 12 weeks")
	}
	effort, ok := effortOf(f.Effort)
	if !ok {
		problems.Add("effort", "Choose how hard the optimiser should search")
	}
	seed, err := strconv.ParseInt(f.Seed, 10, 64)
	if err != nil {
		problems.Add("seed", "The seed is a whole number; the same seed gives the same plan")
	}
	if err := problems.Err("Check the planning request"); err != nil {
		return nil, err
	}
	u := elective.UserFromContext(r.Context())
	return &planJob{id: newJobID(), userID: u.ID, req: elective.PlanRequest{From: from, Weeks: weeks,
		SpecialtyID: f.SpecialtyID, Seed: seed, MaxIterations: effort.Moves}}, nil
}

func newJobID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// runPlan runs the optimiser until its time is up or it is stopped.
func (s *Server) runPlan(ctx context.Context, j *planJob) {
	defer j.cancel()
	j.req.Progress = func(pr elective.PlanProgress) {
		j.mu.Lock()
		j.progress = pr
		j.mu.Unlock()
	}
	plan, err := s.svc.Planner.PlanLists(ctx, j.req)
	j.mu.Lock()
	j.plan, j.err, j.done = plan, err, true
	j.mu.Unlock()
	if err != nil && elective.ErrorCode(err) == elective.EINTERNAL {
		s.logger.Error("plan lists", "error", err)
	}
}
