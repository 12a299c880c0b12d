package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/openelective/elective"
)

// ReferralForm is the referral registration form as typed, kept as text so
// that a rejected form comes back exactly as the user left it.
type ReferralForm struct {
	NHSNumber, Title, GivenName, FamilyName string
	BirthDate                               DateParts
	Sex                                     string
	AddressLine1, AddressLine2, Town        string
	Postcode, Phone, GPPractice             string
	Alerts                                  []string
	InterpreterLanguage                     string

	SpecialtyID, ClinicianID int64
	Priority, Source, UBRN   string
	ReceivedDate             DateParts
	OriginalStart            DateParts
	PPID, PPIDIssuer         string
	ReferrerCode, Reason     string
}

// HasAlert reports whether the alert's box is ticked.
func (f ReferralForm) HasAlert(k elective.AlertKind) bool {
	return slices.Contains(f.Alerts, string(k))
}

// referralAnchors link the registration's date fields to their day input.
var referralAnchors = map[string]string{
	"birth_date":     "birth-date-day",
	"received_date":  "received-date-day",
	"original_start": "original-start-day",
}

// readReferralForm reads the posted form.
func readReferralForm(r *http.Request) ReferralForm {
	v := func(name string) string { return strings.TrimSpace(r.PostFormValue(name)) }
	return ReferralForm{
		NHSNumber: v("nhs_number"), Title: v("title"), GivenName: v("given_name"), FamilyName: v("family_name"),
		BirthDate: readDateParts(r, "birth_date"), Sex: v("sex"),
		AddressLine1: v("address_line1"), AddressLine2: v("address_line2"), Town: v("town"),
		Postcode: strings.ToUpper(v("postcode")), Phone: v("phone"), GPPractice: strings.ToUpper(v("gp_practice")),
		Alerts: r.PostForm["alerts"], InterpreterLanguage: v("interpreter_language"),
		SpecialtyID: formInt64(v("specialty_id")), ClinicianID: formInt64(v("clinician_id")),
		Priority: v("priority"), Source: v("source"), UBRN: v("ubrn"),
		ReceivedDate: readDateParts(r, "received_date"), OriginalStart: readDateParts(r, "original_start"),
		PPID: v("ppid"), PPIDIssuer: strings.ToUpper(v("ppid_issuer")),
		ReferrerCode: v("referrer_code"), Reason: v("reason"),
	}
}

// registration builds the command. Dates that are not real dates are
// problems of the form itself, reported like the domain's.
func (f ReferralForm) registration() (*elective.ReferralRegistration, elective.Problems) {
	var probs elective.Problems
	date := func(p DateParts, field, what string) elective.Date {
		d, ok := p.Date()
		if !ok {
			probs.Add(field, "%s must be a real date, like 27 3 2026", what)
		}
		return d
	}
	reg := &elective.ReferralRegistration{
		Patient: elective.Patient{
			NHSNumber: f.NHSNumber, Title: f.Title, GivenName: f.GivenName, FamilyName: f.FamilyName,
			BirthDate: date(f.BirthDate, "birth_date", "Date of birth"), Sex: elective.Sex(f.Sex),
			Address: elective.Address{Line1: f.AddressLine1, Line2: f.AddressLine2, Town: f.Town, Postcode: f.Postcode},
			Phone:   f.Phone, GPPractice: f.GPPractice, Alerts: f.alerts(),
		},
		Referral: elective.Referral{
			SpecialtyID: f.SpecialtyID, ClinicianID: f.ClinicianID,
			Priority: elective.Priority(f.Priority), Source: elective.ReferralSource(f.Source), UBRN: f.UBRN,
			ReceivedDate:  date(f.ReceivedDate, "received_date", "The received date"),
			OriginalStart: date(f.OriginalStart, "original_start", "The original clock start"),
			PPID:          f.PPID, PPIDIssuer: f.PPIDIssuer, ReferrerCode: f.ReferrerCode, Reason: f.Reason,
		},
	}
	return reg, probs
}

func (f ReferralForm) alerts() []elective.Alert {
	var alerts []elective.Alert
	for _, k := range f.Alerts {
		a := elective.Alert{Kind: elective.AlertKind(k)}
		if a.Kind == elective.AlertInterpreter {
			a.Detail = f.InterpreterLanguage
		}
		alerts = append(alerts, a)
	}
	return alerts
}

// handleReferralNew shows an empty registration form, received today.
func (s *Server) handleReferralNew(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionRegisterReferral); err != nil {
		return err
	}
	form := ReferralForm{ReceivedDate: partsOf(s.today())}
	return s.renderReferralForm(w, r, http.StatusOK, form, FormErrors{})
}

// handleReferralCreate registers a referral. A form with dates that are not
// dates is re-shown without calling the service, with the domain's other
// problems alongside so that staff can fix everything at once.
func (s *Server) handleReferralCreate(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionRegisterReferral); err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	form := readReferralForm(r)
	convert := r.PostFormValue("ers") == "convert"
	if convert { // e-RS converts today, whatever the form said
		form.Source, form.ReceivedDate = string(elective.SourceERS), partsOf(s.today())
	}
	reg, probs := form.registration()
	if len(probs) > 0 {
		err := mergeProblems(probs, reg.Validate(s.today()), "The referral was not saved. Correct the problems below.")
		return s.renderReferralForm(w, r, http.StatusUnprocessableEntity, form, newFormErrors(err, referralAnchors))
	}
	var ref *elective.Referral
	var appt *elective.Appointment
	var err error
	if convert {
		ref, appt, err = s.svc.Referrals.ReceiveERS(r.Context(), reg)
	} else {
		ref, err = s.svc.Referrals.RegisterReferral(r.Context(), reg)
	}
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, patientURL(ref.PatientID), s.registeredMessage(ref, appt, convert))
	case elective.EINVALID, elective.ECONFLICT: // ECONFLICT: the UBRN or PPID is already registered
		return s.renderReferralForm(w, r, httpStatus(err), form, newFormErrors(err, referralAnchors))
	}
	return err
}

// registeredMessage tells staff what became of a referral: registered, or
// for an e-RS conversion, booked or deferred to the ASI worklist.
func (s *Server) registeredMessage(ref *elective.Referral, appt *elective.Appointment, converted bool) string {
	switch {
	case appt != nil:
		return "UBRN converted: booked for " + formatTime(appt.Start, s.cfg.Location, "2 Jan 2006 at 15:04")
	case converted && ref.Source == elective.SourceERSASI:
		return "No slot inside the booking window: the UBRN is on the appointment slot issues worklist"
	}
	return "Referral registered"
}

// mergeProblems adds the domain's problems to the form's own, skipping
// fields the form already reports (a date that is not a date is also
// "missing" to the domain).
func mergeProblems(probs elective.Problems, domainErr error, summary string) error {
	seen := map[string]bool{}
	for _, p := range probs {
		seen[p.Field] = true
	}
	for _, f := range elective.ErrorFields(domainErr) {
		if !seen[f.Field] {
			probs = append(probs, f)
		}
	}
	return probs.Err(summary)
}

func (s *Server) renderReferralForm(w http.ResponseWriter, r *http.Request, status int, form ReferralForm, errs FormErrors) error {
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &ReferralNewPage{Form: form, Errors: errs, Specialties: lk.specialties, Clinicians: lk.clinicians}
	p.Title, p.Nav = "Register a referral", NavReferral
	return s.render(w, r, status, p)
}

// ClinicianGroup is the consultants of one specialty, for an <optgroup>.
type ClinicianGroup struct {
	Specialty  string
	Clinicians []*elective.Clinician
}

// ClinicianGroups lists the consultants by specialty, in specialty order.
func (p *ReferralNewPage) ClinicianGroups() []ClinicianGroup {
	var groups []ClinicianGroup
	for _, sp := range p.Specialties {
		g := ClinicianGroup{Specialty: sp.Name}
		for _, c := range p.Clinicians {
			if c.SpecialtyID == sp.ID {
				g.Clinicians = append(g.Clinicians, c)
			}
		}
		if len(g.Clinicians) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// BirthDate is the date-of-birth input.
func (p *ReferralNewPage) BirthDate() DateInput {
	return DateInput{ID: "birth-date", Name: "birth_date", Legend: "Date of birth", Hint: "For example, 15 3 1984",
		Value: p.Form.BirthDate, Error: p.Errors.For("birth_date")}
}

// ReceivedDate is the referral-received input.
func (p *ReferralNewPage) ReceivedDate() DateInput {
	return DateInput{ID: "received-date", Name: "received_date", Legend: "Date the referral was received",
		Hint: "The clock starts on this date for letters and e-RS referrals", Value: p.Form.ReceivedDate,
		Error: p.Errors.For("received_date")}
}

// OriginalStart is the original clock start input.
func (p *ReferralNewPage) OriginalStart() DateInput {
	return DateInput{ID: "original-start", Name: "original_start", Legend: "Original clock start (optional)",
		Hint:  "Only for referrals from an interface service or another provider: the date their clock started",
		Value: p.Form.OriginalStart, Error: p.Errors.For("original_start")}
}
