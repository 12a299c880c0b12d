package web

import (
	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// Page holds what every page shows: the header, navigation, sign-out form
// and flash message. Each page struct embeds it.
type Page struct {
	// Title is the page's <title> and usually its heading.
	Title string
	// User is the signed-in user, nil on the sign-in page.
	User *elective.User
	// CSRFToken is the session's token, carried by every form post.
	CSRFToken string
	// Flash is a one-time message left by the previous request.
	Flash string
	// TrustName is the trust shown in the header.
	TrustName string
	// Nav is the navigation item the page belongs to (NavHome …).
	Nav string
	// Wide widens the page for long tables (the waiting list, the PTL).
	Wide bool
}

// Navigation items.
const (
	NavHome        = "home"
	NavWaitingList = "waiting-list"
	NavPTL         = "ptl"
	NavWorklists   = "worklists"
	NavReports     = "reports"
	NavReferral    = "referral"
	NavUsers       = "users"
	NavSlots       = "slots"
	NavSessions    = "sessions"
	NavTriage      = "triage"
	NavTheatres    = "theatres"
	NavRooms       = "rooms"
	NavClaims      = "claims"
	NavWorkforce   = "workforce"
	NavRotas       = "rotas"
)

// NavItem is one link in the primary navigation.
type NavItem struct {
	Label   string
	Href    string
	Current bool
}

// page is implemented by every page struct: its base Page and its template.
type page interface {
	base() *Page
	templateName() string
}

func (p *Page) base() *Page { return p }

// Can reports whether the signed-in user's role allows the action; pages
// hide links and buttons the user may not use. The services check again.
func (p *Page) Can(a elective.Action) bool {
	return p.User != nil && elective.Can(p.User.Role, a)
}

// NavItems returns the navigation the user's role may use.
func (p *Page) NavItems() []NavItem {
	if p.User == nil {
		return nil
	}
	items := []NavItem{{Label: "Home", Href: "/", Current: p.Nav == NavHome}}
	if p.Can(elective.ActionViewWaitingList) {
		items = append(items,
			NavItem{Label: "Waiting list", Href: "/waiting-list", Current: p.Nav == NavWaitingList},
			NavItem{Label: "PTL", Href: "/ptl", Current: p.Nav == NavPTL},
			NavItem{Label: "Worklists", Href: worklistURL(elective.WorklistFailsafe), Current: p.Nav == NavWorklists},
			NavItem{Label: "Waiting times", Href: "/reports", Current: p.Nav == NavReports})
	}
	if p.Can(elective.ActionTriage) {
		items = append(items, NavItem{Label: "Triage", Href: "/triage", Current: p.Nav == NavTriage})
	}
	if p.Can(elective.ActionBookAppointment) {
		items = append(items, NavItem{Label: "Free slots", Href: "/slots", Current: p.Nav == NavSlots},
			NavItem{Label: "Clinics", Href: "/sessions", Current: p.Nav == NavSessions})
	}
	if p.Can(elective.ActionViewWaitingList) {
		items = append(items, NavItem{Label: "Theatres", Href: "/theatre-sessions", Current: p.Nav == NavTheatres})
	}
	if p.Can(elective.ActionManageClinics) && !p.Can(elective.ActionBookAppointment) {
		items = append(items, NavItem{Label: "Clinic templates", Href: "/templates", Current: p.Nav == NavSessions})
	}
	if p.Can(elective.ActionManageWorkforce) {
		items = append(items, NavItem{Label: "Workforce", Href: "/staff", Current: p.Nav == NavWorkforce},
			NavItem{Label: "Rotas", Href: "/rotas", Current: p.Nav == NavRotas})
	}
	if p.Can(elective.ActionManageWorkforce) || p.Can(elective.ActionManageClinics) {
		items = append(items, NavItem{Label: "Rooms", Href: "/rooms", Current: p.Nav == NavRooms})
	}
	if p.Can(elective.ActionManageWorkforce) || p.Can(elective.ActionApproveClaims) {
		items = append(items, NavItem{Label: "Claims", Href: "/claims", Current: p.Nav == NavClaims})
	}
	if p.Can(elective.ActionRegisterReferral) {
		items = append(items, NavItem{Label: "Register referral", Href: "/referrals/new", Current: p.Nav == NavReferral})
	}
	if p.Can(elective.ActionManageUsers) {
		items = append(items, NavItem{Label: "Users", Href: "/admin/users", Current: p.Nav == NavUsers})
	}
	return items
}

// allPages lists a zero value of every page struct, for the startup check
// that pages and templates match and for the template tests.
func allPages() []page {
	return []page{
		&LoginPage{}, &HomePage{}, &ErrorPage{},
		&PatientIndexPage{}, &PatientViewPage{}, &PatientAuditPage{},
		&PathwayViewPage{}, &ReferralNewPage{},
		&WaitingListIndexPage{}, &PTLIndexPage{}, &WorklistIndexPage{},
		&AppointmentNewPage{}, &AppointmentMovePage{}, &ASIIndexPage{}, &AppointmentOutcomePage{}, &SlotIndexPage{}, &SlotViewPage{},
		&SessionIndexPage{}, &SessionViewPage{}, &DisplacedPage{},
		&TemplateIndexPage{}, &TemplateViewPage{}, &TemplateNewPage{}, &UtilisationPage{}, &FollowUpPage{}, &TriagePage{},
		&UserIndexPage{},
		&AdmittedIndexPage{}, &AdmitPage{}, &AdmittedViewPage{}, &TheatreSessionIndexPage{}, &TheatreSessionViewPage{},
		&CancelledOperationsPage{}, &PlanPage{}, &TheatreReportPage{},
		&TheatreTemplatesPage{}, &TheatreTemplateEditPage{}, &TheatreKitPage{},
		&StaffIndexPage{}, &StaffFormPage{}, &StaffViewPage{}, &JobPlanPage{}, &ReconciliationPage{},
		&LeaveIndexPage{}, &LeaveNewPage{}, &LeaveViewPage{},
		&RotaIndexPage{}, &RotaSetupPage{}, &RotaViewPage{}, &RotaBuildPage{}, &CoverPage{}, &RotaOnCallPage{},
		&ExceptionIndexPage{}, &ExceptionNewPage{}, &ExceptionViewPage{},
		&RoomIndexPage{}, &RoomViewPage{}, &ClaimIndexPage{}, &ClaimNewPage{},
		&ReportIndexPage{}, &BreachForecastPage{},
	}
}

// LoginPage is the sign-in form.
type LoginPage struct {
	Page
	// Next is where to go after signing in (a local path).
	Next string
	// LoginToken is the double-submit CSRF token of the form.
	LoginToken string
	Username   string
	// Error is the one message for wrong credentials; it never says which
	// part was wrong.
	Error string
}

func (*LoginPage) templateName() string { return "session/new" }

// HomePage is the start page: patient search and the main tasks.
type HomePage struct {
	Page
}

func (*HomePage) templateName() string { return "home/index" }

// ErrorPage shows an error with its HTTP status.
type ErrorPage struct {
	Page
	Status  int
	Heading string
	Message string
}

func (*ErrorPage) templateName() string { return "error/show" }

// PatientIndexPage is the patient search and its results.
type PatientIndexPage struct {
	Page
	Query      string
	Patients   []*elective.Patient
	Pagination Pagination
}

func (*PatientIndexPage) templateName() string { return "patient/index" }

// PatientViewPage is a patient's record: demographics, alerts, pathways
// with their clocks, appointments and referrals.
type PatientViewPage struct {
	Page
	Patient *elective.Patient
	Age     int
	// Safeguarding alerts (vulnerable adult, child protection) are shown
	// as a warning; IsChild adds the under-18 safeguard.
	Safeguarding []elective.Alert
	IsChild      bool
	// Needs are the other alerts (interpreter, transport, access needs).
	Needs        []elective.Alert
	Pathways     []PathwayCard
	Appointments []AppointmentRow
	Referrals    []ReferralRow
	Messages     []*elective.Message
}

func (*PatientViewPage) templateName() string { return "patient/view" }

// PatientAuditPage is the access history of one patient's record.
type PatientAuditPage struct {
	Page
	PatientID int64  // set when reached from a record
	NHSNumber string // set when looked up by NHS number
	Events    []*elective.AuditEvent
}

func (*PatientAuditPage) templateName() string { return "patient/audit" }

// PathwayViewPage is a pathway's event log and the RTT periods derived from
// it, each with its explanation, and the form to record a validation.
type PathwayViewPage struct {
	Page
	Patient     *elective.Patient
	Pathway     *elective.Pathway
	Specialty   string
	Clinician   string
	Events      []EventRow
	Periods     []PeriodRow
	DeriveError string
	// Validation is the running clock's validation status (rules.md 3.9).
	Validation ValidationView
	// Form and Errors are a refused validation as it was posted.
	Form   ValidationForm
	Errors FormErrors
	// EventForm is the form to record what happened, or a refused event as
	// it was posted (its errors in Errors).
	EventForm EventForm
}

func (*PathwayViewPage) templateName() string { return "pathway/view" }

// ReferralNewPage is the form to register a referral.
type ReferralNewPage struct {
	Page
	Form        ReferralForm
	Errors      FormErrors
	Specialties []*elective.Specialty
	Clinicians  []*elective.Clinician
}

func (*ReferralNewPage) templateName() string { return "referral/new" }

// WaitingListIndexPage is the outpatient waiting list in booking order.
type WaitingListIndexPage struct {
	Page
	Filter      WaitingListFilter
	Specialties []*elective.Specialty
	Clinicians  []*elective.Clinician
	Rows        []PTLRow
	Pagination  Pagination
}

func (*WaitingListIndexPage) templateName() string { return "waitlist/index" }

// PTLIndexPage is the patient tracking list: every open pathway.
type PTLIndexPage struct {
	Page
	Filter      PTLFilterForm
	Specialties []*elective.Specialty
	Clinicians  []*elective.Clinician
	Sites       []*elective.Site
	Rows        []PTLRow
	Pagination  Pagination
}

func (*PTLIndexPage) templateName() string { return "ptl/index" }

// WorklistIndexPage is the failsafe list or the validation worklist: the
// pathways that need work, by kind.
type WorklistIndexPage struct {
	Page
	List        elective.Worklist
	Intro       string
	Filter      WorklistFilterForm
	Specialties []*elective.Specialty
	Tabs        []WorklistTab
	Rows        []WorklistRow
	Pagination  Pagination
}

func (*WorklistIndexPage) templateName() string { return "worklist/index" }

// OtherList links to the other worklist, so that staff can move between
// the two.
func (p *WorklistIndexPage) OtherList() NavItem {
	other := elective.WorklistValidation
	if p.List == elective.WorklistValidation {
		other = elective.WorklistFailsafe
	}
	return NavItem{Label: worklistTexts[other].Title, Href: worklistURL(other)}
}

// AppointmentNewPage books a pathway into a free slot.
type AppointmentNewPage struct {
	Page
	Pathway    *elective.Pathway
	Patient    *elective.Patient
	Entry      *PTLRow
	NotWaiting string // why the pathway cannot be booked, if it cannot
	// NonRTT is set for a follow-up after the clock stopped: the pathway
	// is on no PTL, but the clinician asked to see the patient again.
	NonRTT elective.ListType
	// SlotType is the type of slot the pathway needs.
	SlotType elective.SlotType
	// Triage is the referral's triage status: booking before a clinician
	// has accepted it is allowed (e-RS does it) but staff are warned.
	Triage     elective.TriageStatus
	Clinicians []*elective.Clinician
	Filter     SlotFilterForm
	Days       []SlotDay
	Form       BookingForm
	Errors     FormErrors

	// Offers are the earliest reasonable offers (rules.md 3.1), with the
	// short-notice choice that found them.
	Offers      []SlotRow
	ShortNotice bool
	// History is the pathway's offers judged by the rules.
	History     access.History
	Unavailable []*elective.Unavailability
	OfferForm   OfferForm
	UnavailForm UnavailabilityForm
	NoticeDays  int // the reasonable notice (rules.md 3.1)
}

func (*AppointmentNewPage) templateName() string { return "appointment/new" }

// AppointmentMovePage moves a booked appointment to another slot: the
// appointment, who asked and why, and the free slots of its type.
type AppointmentMovePage struct {
	Page
	Appointment *elective.Appointment
	Patient     *elective.Patient
	Clinician   string
	Site        string
	Clinicians  []*elective.Clinician
	Filter      SlotFilterForm
	Days        []SlotDay
	SlotType    elective.SlotType
	Form        MoveForm
	Errors      FormErrors
	Started     bool // the appointment time has come: record the outcome instead
}

func (*AppointmentMovePage) templateName() string { return "appointment/move" }

// AppointmentOutcomePage records what happened to a booked appointment.
type AppointmentOutcomePage struct {
	Page
	FullBookDays int // partialBooking.fullBookHorizonDays
	Appointment  *elective.Appointment
	Patient      *elective.Patient
	Clinician    string
	Site         string
	Form         OutcomeForm
	Errors       FormErrors
	// LetterNotSent: the booking relied on a letter that has not gone
	// out, so a DNA would not be proof enough to end the clock.
	LetterNotSent bool
	// Correcting: the outcome is recorded and the user may correct it.
	Correcting bool
}

// Statuses are the outcomes the form offers: all four when recording,
// attended or not when correcting.
func (p *AppointmentOutcomePage) Statuses() []elective.AppointmentStatus {
	if p.Correcting {
		return []elective.AppointmentStatus{elective.AppointmentAttended, elective.AppointmentDNA}
	}
	return outcomeStatuses
}

func (*AppointmentOutcomePage) templateName() string { return "appointment/outcome" }

// UserIndexPage lists staff users and creates new ones.
type UserIndexPage struct {
	Page
	Users  []*elective.User
	Form   UserForm
	Errors FormErrors
}

func (*UserIndexPage) templateName() string { return "user/index" }
