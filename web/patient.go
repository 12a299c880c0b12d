package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// handlePatientIndex searches patients by NHS number, hospital number or
// family name. One match is still shown as a list: staff confirm the
// person before opening a record.
func (s *Server) handlePatientIndex(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	p := &PatientIndexPage{Query: strings.TrimSpace(q.Get("q"))}
	p.Title, p.Nav = "Find a patient", NavHome
	if p.Query != "" {
		page := pageNumber(q)
		patients, total, err := s.svc.Patients.FindPatients(r.Context(),
			elective.PatientFilter{Query: p.Query, Offset: offset(page), Limit: perPage})
		if err != nil {
			return err
		}
		p.Patients, p.Pagination = patients, newPagination(r.URL, page, total)
	}
	return s.render(w, r, http.StatusOK, p)
}

// handlePatientView shows a patient's record.
func (s *Server) handlePatientView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	patient, err := s.svc.Patients.FindPatientByID(ctx, id)
	if err != nil {
		return err
	}
	pathways, err := s.svc.Pathways.FindPathwaysByPatient(ctx, id)
	if err != nil {
		return err
	}
	appts, err := s.svc.Bookings.FindAppointmentsByPatient(ctx, id)
	if err != nil {
		return err
	}
	refs, err := s.svc.Referrals.FindReferralsByPatient(ctx, id)
	if err != nil {
		return err
	}
	lk, err := s.loadLookup(ctx)
	if err != nil {
		return err
	}
	p := s.newPatientViewPage(patient)
	user := elective.UserFromContext(ctx)
	p.Pathways = s.pathwayCards(user, patient, pathways, refs, appts, lk)
	p.Appointments = appointmentRows(user, appts, lk)
	p.Referrals = referralRows(refs, lk)
	if p.Messages, err = s.svc.Outbox.FindMessages(ctx, id); err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

// newPatientViewPage sorts the patient's alerts into safeguarding warnings
// and care needs.
func (s *Server) newPatientViewPage(patient *elective.Patient) *PatientViewPage {
	today := s.today()
	p := &PatientViewPage{Patient: patient, Age: patient.AgeOn(today), IsChild: patient.AgeOn(today) < 18}
	p.Title, p.Nav = patient.DisplayName(), NavHome
	for _, a := range patient.Alerts {
		switch a.Kind {
		case elective.AlertVulnerableAdult, elective.AlertChildProtection:
			p.Safeguarding = append(p.Safeguarding, a)
		default:
			p.Needs = append(p.Needs, a)
		}
	}
	return p
}

// PathwayCard is one pathway on the patient record with its clock.
type PathwayCard struct {
	Pathway      *elective.Pathway
	Specialty    string
	Clinician    string
	ReceivedDate elective.Date
	Clock        ClockView
	// CanBook: the pathway waits for an outpatient appointment, RTT or
	// not, and the user may book.
	CanBook bool
	// NonRTTFollowUp: the clock has stopped but a follow-up is wanted.
	NonRTTFollowUp bool
	// CanValidate: the clock runs and the user may validate (rules.md 3.9).
	CanValidate bool
}

func (s *Server) pathwayCards(user *elective.User, patient *elective.Patient, pathways []*elective.Pathway,
	refs []*elective.Referral, appts []*elective.Appointment, lk *lookup) []PathwayCard {
	today := s.today()
	vulnerable := patient.IsVulnerable(today)
	cards := make([]PathwayCard, 0, len(pathways))
	for _, pw := range pathways {
		c := PathwayCard{
			Pathway: pw, Specialty: lk.specialty(pw.SpecialtyID), Clinician: lk.clinician(pw.ClinicianID),
			ReceivedDate: receivedDate(pw, refs),
			Clock:        deriveClock(pw, vulnerable, today, s.cfg.Policy),
		}
		c.NonRTTFollowUp = !c.Clock.Running && pw.FollowUpWanted(appts)
		c.CanBook = (c.Clock.Bookable() || c.NonRTTFollowUp) && user != nil && elective.Can(user.Role, elective.ActionBookAppointment)
		c.CanValidate = c.Clock.Running && user != nil && elective.Can(user.Role, elective.ActionValidatePathway)
		cards = append(cards, c)
	}
	return cards
}

// receivedDate is the date the pathway's referral was received: from the
// referral, or else from the pathway's first referral-received event.
func receivedDate(pw *elective.Pathway, refs []*elective.Referral) elective.Date {
	for _, ref := range refs {
		if ref.ID == pw.ReferralID {
			return ref.ReceivedDate
		}
	}
	for _, ev := range pw.Events {
		if ev.Kind == elective.EventReferralReceived {
			return ev.Date
		}
	}
	return elective.Date{}
}

// AppointmentRow is one appointment on the patient record.
type AppointmentRow struct {
	Appointment      *elective.Appointment
	Clinician        string
	Site             string
	CanRecordOutcome bool
	CanMove          bool
	CanCorrect       bool // an attendance or non-attendance the user may correct
}

func appointmentRows(user *elective.User, appts []*elective.Appointment, lk *lookup) []AppointmentRow {
	canRecord := user != nil && elective.Can(user.Role, elective.ActionRecordOutcome)
	canBook := user != nil && elective.Can(user.Role, elective.ActionBookAppointment)
	canCorrect := user != nil && elective.Can(user.Role, elective.ActionCorrectOutcome)
	rows := make([]AppointmentRow, 0, len(appts))
	for _, a := range appts {
		clinician, site := appointmentPlace(a, lk)
		rows = append(rows, AppointmentRow{Appointment: a, Clinician: clinician, Site: site,
			CanRecordOutcome: canRecord && a.Status.Active(), CanMove: canBook && a.Status.Active(),
			CanCorrect: canCorrect && (a.Status == elective.AppointmentAttended || a.Status == elective.AppointmentDNA)})
	}
	return rows
}

// appointmentPlace names an appointment's clinician and site, from the
// joined records when the service supplied them.
func appointmentPlace(a *elective.Appointment, lk *lookup) (clinician, site string) {
	clinician, site = lk.clinician(a.ClinicianID), lk.site(a.SiteID)
	if a.Clinician != nil {
		clinician = a.Clinician.DisplayName()
	}
	if a.Site != nil {
		site = a.Site.Name
	}
	return clinician, site
}

// ReferralRow is one referral on the patient record.
type ReferralRow struct {
	Referral  *elective.Referral
	Specialty string
	Clinician string
}

func referralRows(refs []*elective.Referral, lk *lookup) []ReferralRow {
	rows := make([]ReferralRow, 0, len(refs))
	for _, ref := range refs {
		rows = append(rows, ReferralRow{Referral: ref, Specialty: lk.specialty(ref.SpecialtyID),
			Clinician: lk.clinician(ref.ClinicianID)})
	}
	return rows
}

// handlePatientAudit shows who opened or changed a patient's record.
func (s *Server) handlePatientAudit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	events, err := s.svc.Audit.FindAuditEvents(r.Context(), elective.AuditFilter{PatientID: id, Limit: 500})
	if err != nil {
		return err
	}
	p := &PatientAuditPage{PatientID: id, Events: events}
	p.Title, p.Nav = "Access history", NavHome
	return s.render(w, r, http.StatusOK, p)
}

// patientURL is the address of a patient's record.
func patientURL(id int64) string { return "/patients/" + strconv.FormatInt(id, 10) }

// handleLetterPDF shows a letter as the patient gets it, rendered with
// their current details. A letter the rules refuse says why.
func (s *Server) handleLetterPDF(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	m, pdf, err := s.svc.Outbox.LetterPDF(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf("inline; filename=\"letter-%d-%s.pdf\"", m.ID, m.Kind))
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(pdf)
	return err
}
