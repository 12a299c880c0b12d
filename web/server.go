package web

import (
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Config is what the web UI needs from its environment.
type Config struct {
	// Location is the time zone dates and times are shown in and "today"
	// is taken in: Europe/London. Nil loads Europe/London.
	Location *time.Location
	// Now is the clock. Handlers never read the wall clock; tests inject a
	// fixed time. Nil means time.Now.
	Now func() time.Time
	// Logger receives the access log and internal errors. Nil discards.
	Logger *slog.Logger
	// SecureCookies marks cookies Secure; set it whenever the UI is served
	// over HTTPS.
	SecureCookies bool
	// Policy is the trust's local RTT policy used to derive clocks on the
	// patient record. The zero Policy means rtt.DefaultPolicy().
	Policy rtt.Policy
	// TrustName is shown in the header, e.g. "Anytown Hospitals NHS Trust".
	TrustName string
}

// Services are the domain services the pages call.
type Services struct {
	Organisations elective.OrganisationService
	Patients      elective.PatientService
	Referrals     elective.ReferralService
	Pathways      elective.PathwayService
	Clinics       elective.ClinicService
	Bookings      elective.BookingService
	WaitingList   elective.WaitingListService
	Worklists     elective.WorklistService // the failsafe and validation worklists
	Reports       elective.ReportService   // waiting-times reports and the PTL and WLMDS downloads
	Forecasts     elective.ForecastService // the breach forecast
	Offers        elective.OfferService    // offers, unavailability and the right next patient for a slot
	Cascade       elective.CascadeService  // clinic sessions, their cancellation and rebooking the displaced
	Outbox        elective.OutboxService   // letters and messages to patients
	Utilisation   elective.UtilisationService
	FollowUps     elective.FollowUpService // the partial-booking and PIFU lists
	Triage        elective.TriageService
	Theatres      elective.TheatreService // the admitted waiting list, pre-op, theatre lists and cancellations
	Planner       elective.ListPlanner    // the theatre-list optimiser
	Users         elective.UserService
	Audit         elective.AuditService

	TheatreTemplates elective.TheatreTemplateService // the theatres' standing lists sessions are made from
	Rooms            elective.RoomService            // bookable rooms and their bookings
	Claims           elective.ClaimService           // WLI claims, bank and agency requests, expenses and mileage
	Staff            elective.StaffService           // the staff claims are for
	JobPlans         elective.JobPlanService         // consultants' job plans and sessions delivered against them
	Leave            elective.LeaveService           // leave requests, balances and their effect on clinics and lists
	Rotas            elective.RotaService            // teams' shift types, cover rules and rotas
	Exceptions       elective.ExceptionReportService // resident doctors' exception reports for the guardian
}

func (s Services) check() error {
	var missing []error
	add := func(name string, isNil bool) {
		if isNil {
			missing = append(missing, fmt.Errorf("web: Services.%s is nil", name))
		}
	}
	add("Organisations", s.Organisations == nil)
	add("Patients", s.Patients == nil)
	add("Referrals", s.Referrals == nil)
	add("Pathways", s.Pathways == nil)
	add("Clinics", s.Clinics == nil)
	add("Bookings", s.Bookings == nil)
	add("WaitingList", s.WaitingList == nil)
	add("Worklists", s.Worklists == nil)
	add("Reports", s.Reports == nil)
	add("Forecasts", s.Forecasts == nil)
	add("Offers", s.Offers == nil)
	add("Cascade", s.Cascade == nil)
	add("Outbox", s.Outbox == nil)
	add("Utilisation", s.Utilisation == nil)
	add("FollowUps", s.FollowUps == nil)
	add("Triage", s.Triage == nil)
	add("Theatres", s.Theatres == nil)
	add("Planner", s.Planner == nil)
	add("TheatreTemplates", s.TheatreTemplates == nil)
	add("Rooms", s.Rooms == nil)
	add("Claims", s.Claims == nil)
	add("Staff", s.Staff == nil)
	add("JobPlans", s.JobPlans == nil)
	add("Leave", s.Leave == nil)
	add("Rotas", s.Rotas == nil)
	add("Exceptions", s.Exceptions == nil)
	add("Users", s.Users == nil)
	add("Audit", s.Audit == nil)
	return errors.Join(missing...)
}

// Server is the staff web UI. It is safe for concurrent use; cmd/elective
// runs it inside an http.Server.
type Server struct {
	cfg        Config
	svc        Services
	logger     *slog.Logger
	templates  map[string]*template.Template
	plans      planJobs // runs of the theatre-list optimiser
	rotaBuilds rotaJobs // runs of the rota builder
	static     *staticFiles
	handler    http.Handler
}

// NewServer checks the configuration, hashes the static files and parses
// every template once. It fails if a template does not parse or if a page
// and its template do not match one to one.
func NewServer(cfg Config, svc Services) (*Server, error) {
	if err := svc.check(); err != nil {
		return nil, err
	}
	if cfg.Location == nil {
		loc, err := time.LoadLocation("Europe/London")
		if err != nil {
			return nil, fmt.Errorf("web: load Europe/London: %w", err)
		}
		cfg.Location = loc
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Policy.Version == 0 {
		cfg.Policy = rtt.DefaultPolicy()
	}
	s := &Server{cfg: cfg, svc: svc, logger: cfg.Logger}
	if s.logger == nil {
		s.logger = slog.New(slog.DiscardHandler)
	}
	var err error
	if s.static, err = newStaticFiles(); err != nil {
		return nil, err
	}
	if s.templates, err = s.parseTemplates(); err != nil {
		return nil, err
	}
	s.handler = s.middleware(s.routes())
	return s, nil
}

// Handler returns the complete HTTP handler: the routes wrapped in the
// request-id, access-log, recover, security-header, cross-origin and
// session middleware.
func (s *Server) Handler() http.Handler { return s.handler }

// middleware wraps the mux, outermost first: the request id is set before
// anything logs; the access log sees the final status, including the 500
// written by recoverPanics.
func (s *Server) middleware(mux http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.serveCrossOriginDenied))
	h := s.loadSession(mux)
	h = cop.Handler(h)
	h = securityHeaders(h)
	h = s.recoverPanics(h)
	h = s.accessLog(h)
	h = requestID(h)
	return h
}

// today is the date in London now.
func (s *Server) today() elective.Date { return elective.DateOf(s.cfg.Now(), s.cfg.Location) }
