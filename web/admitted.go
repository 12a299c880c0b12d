package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// AdmittedIndexPage is the inpatient and day-case waiting list in booking
// order: priority time limit, then RTT breach date, then the date listed.
type AdmittedIndexPage struct {
	Page
	SpecialtyID int64
	SurgeonID   int64
	Specialties []*elective.Specialty
	Surgeons    []*elective.Clinician
	Rows        []AdmittedRow
	More        bool // the list goes on past the rows shown
}

// admittedPageRows is how many patients the page shows: the head of the
// list is what staff book from; the download has everyone.
const admittedPageRows = 300

func (*AdmittedIndexPage) templateName() string { return "admitted/index" }

// AdmittedRow is an entry with how it stands today.
type AdmittedRow struct {
	Entry    *elective.AdmittedListEntry
	DueBy    elective.Date
	PastDue  bool // past the priority's time limit
	AtRisk   bool // the limit is near and no date before it
	Breach   BreachRisk
	POA      theatre.POACheck
	TCI      elective.Date
	Position int
}

// RowClass colours the row by the worst risk.
func (r AdmittedRow) RowClass() string {
	if r.PastDue {
		return "app-row--breached"
	}
	if r.AtRisk {
		return "app-row--at-risk"
	}
	return r.Breach.RowClass()
}

// pcodeWarnDays is how near the priority's time limit an unbooked patient is
// flagged: a week gives time to find and fill a list.
const pcodeWarnDays = 7

// handleAdmittedIndex shows the admitted waiting list.
func (s *Server) handleAdmittedIndex(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionViewWaitingList); err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	q := r.URL.Query()
	p := &AdmittedIndexPage{SpecialtyID: formInt64(q.Get("specialty_id")), SurgeonID: formInt64(q.Get("surgeon_id")),
		Specialties: lk.specialties, Surgeons: lk.clinicians}
	p.Title, p.Nav, p.Wide = "Admitted waiting list", NavTheatres, true
	entries, err := s.svc.Theatres.FindAdmittedEntries(r.Context(), elective.AdmittedFilter{
		SpecialtyID: p.SpecialtyID, SurgeonID: p.SurgeonID, Limit: admittedPageRows + 1})
	if err != nil {
		return err
	}
	if len(entries) > admittedPageRows {
		entries, p.More = entries[:admittedPageRows], true
	}
	for i, e := range entries {
		row := s.admittedRow(e)
		row.Position = i + 1
		p.Rows = append(p.Rows, row)
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) admittedRow(e *elective.AdmittedListEntry) AdmittedRow {
	today := s.today()
	row := AdmittedRow{Entry: e, DueBy: e.DueBy(), Breach: breachRisk(e.BreachDate, today)}
	on := today
	if e.Case != nil {
		row.TCI, on = e.Case.TCI, e.Case.TCI
	}
	row.POA = theatre.CheckPOA(e.POA, on)
	row.PastDue = !row.DueBy.IsZero() && on.After(row.DueBy)
	row.AtRisk = !row.PastDue && theatre.AtRisk(e, today, pcodeWarnDays)
	return row
}

// AdmitPage is the decision-to-admit form on a pathway.
type AdmitPage struct {
	Page
	Patient  *elective.Patient
	Pathway  *elective.Pathway
	Surgeons []*elective.Clinician
	Form     AdmitForm
	Errors   FormErrors
}

func (*AdmitPage) templateName() string { return "admitted/new" }

// AdmitForm is the decision to admit as typed.
type AdmitForm struct {
	SurgeonID       int64
	ProcedureCode   string
	ProcedureName   string
	Management      string
	Priority        string
	ReviewOn        string
	ExpectedMinutes string
	Anaesthetic     string
	LengthOfStay    string
	Kit             string
	Radiology       bool
	CriticalCare    string
	Interpreter     string
	Transport       bool
}

// handleAdmitNew shows the decision-to-admit form.
func (s *Server) handleAdmitNew(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionManageTheatres); err != nil {
		return err
	}
	p, err := s.admitPage(r)
	if err != nil {
		return err
	}
	p.Form = AdmitForm{SurgeonID: p.Pathway.ClinicianID, Management: string(elective.DayCase),
		Priority: string(elective.P3), Anaesthetic: string(elective.AnaestheticGeneral), ExpectedMinutes: "60"}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) admitPage(r *http.Request) (*AdmitPage, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	pw, err := s.svc.Pathways.FindPathwayByID(r.Context(), id)
	if err != nil {
		return nil, err
	}
	pt, err := s.svc.Patients.FindPatientByID(r.Context(), pw.PatientID)
	if err != nil {
		return nil, err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return nil, err
	}
	p := &AdmitPage{Patient: pt, Pathway: pw, Surgeons: lk.cliniciansIn(pw.SpecialtyID)}
	p.Title, p.Nav = "Add to the admitted waiting list", NavTheatres
	return p, nil
}

// handleAdmitCreate records the decision to admit.
func (s *Server) handleAdmitCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.admitPage(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	p.Form = readAdmitForm(r)
	e, ferr := p.Form.entry(p.Pathway)
	if ferr == nil {
		ferr = s.svc.Theatres.ListPatient(r.Context(), e)
	}
	switch elective.ErrorCode(ferr) {
	case "":
		return s.redirectWithFlash(w, r, "/admitted/"+strconv.FormatInt(e.ID, 10), "Added to the admitted waiting list as "+string(e.Priority))
	case elective.EINVALID, elective.ECONFLICT:
		p.Errors = newFormErrors(ferr, nil)
		return s.render(w, r, httpStatus(ferr), p)
	}
	return ferr
}

func readAdmitForm(r *http.Request) AdmitForm {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	return AdmitForm{SurgeonID: formInt64(v("surgeon_id")), ProcedureCode: strings.ToUpper(v("procedure_code")),
		ProcedureName: v("procedure_name"), Management: v("management"), Priority: v("priority"), ReviewOn: v("review_on"),
		ExpectedMinutes: v("expected_minutes"), Anaesthetic: v("anaesthetic"), LengthOfStay: v("length_of_stay"),
		Kit: v("kit"), Radiology: v("radiology") == "yes", CriticalCare: v("critical_care"),
		Interpreter: v("interpreter"), Transport: v("transport") == "yes"}
}

// entry turns the form into an entry; numbers and dates that do not parse
// are refused here, the rest by the service.
func (f AdmitForm) entry(pw *elective.Pathway) (*elective.AdmittedListEntry, error) {
	e := &elective.AdmittedListEntry{PathwayID: pw.ID, PatientID: pw.PatientID, SpecialtyID: pw.SpecialtyID,
		SurgeonID: f.SurgeonID, ProcedureCode: f.ProcedureCode, ProcedureName: f.ProcedureName,
		Management: elective.IntendedManagement(f.Management), Priority: elective.SurgicalPriority(f.Priority),
		Anaesthetic: elective.AnaestheticType(f.Anaesthetic), Radiology: f.Radiology, CriticalCare: f.CriticalCare,
		Interpreter: f.Interpreter, Transport: f.Transport, Kit: splitList(f.Kit)}
	var err error
	if e.ExpectedMinutes, err = formMinutes(f.ExpectedMinutes, "expected_minutes", "Expected theatre time"); err != nil {
		return nil, err
	}
	if f.LengthOfStay != "" {
		if e.LengthOfStay, err = strconv.Atoi(f.LengthOfStay); err != nil || e.LengthOfStay < 0 {
			return nil, fieldErr("length_of_stay", "Enter the expected nights in hospital as a whole number, 0 for a day case")
		}
	}
	if f.ReviewOn != "" {
		if e.ReviewOn, err = elective.ParseDate(f.ReviewOn); err != nil {
			return nil, fieldErr("review_on", "Enter the review date as a real date")
		}
	}
	return e, nil
}

// formMinutes reads a positive number of minutes.
func formMinutes(s, field, label string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n <= 0 || n > 24*60 {
		return 0, fieldErr(field, label+" must be a whole number of minutes, more than 0")
	}
	return n, nil
}

// splitList reads a comma-separated list, trimmed, blanks dropped.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// fieldErr is a validation error on one input, shown in the summary and
// beside the input.
func fieldErr(field, msg string) error {
	var p elective.Problems
	p.Add(field, "%s", msg)
	return p.Err(msg)
}
