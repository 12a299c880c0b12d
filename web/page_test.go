package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// TestTemplates renders every page struct with zero values, and with
// realistic fixture values, signed in and signed out. Any template error
// (a misspelt field, a nil dereference) fails.
func TestTemplates(t *testing.T) {
	e := newTestEnv(t)
	fixtures := fixturePages(e)
	for _, p := range allPages() {
		name := p.templateName()
		if fixtures[name] == nil {
			t.Errorf("no fixture page for template %s", name)
		}
		t.Run(name+"/zero", func(t *testing.T) { renderPage(t, e, p, nil) })
		t.Run(name+"/zero-signed-in", func(t *testing.T) { renderPage(t, e, p, testUsers["tok-officer"]) })
	}
	for name, p := range fixtures {
		for _, token := range []string{"tok-officer", "tok-admin", "tok-rota", "tok-clinician"} {
			t.Run(name+"/"+token, func(t *testing.T) { renderPage(t, e, p, testUsers[token]) })
		}
	}
}

func renderPage(t *testing.T, e *testEnv, p page, user *elective.User) string {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	if user != nil {
		ctx := context.WithValue(r.Context(), sessionKey, &elective.Session{Token: "t", CSRFToken: "c", User: user})
		r = r.WithContext(elective.NewContextWithUser(ctx, user))
	}
	w := httptest.NewRecorder()
	if err := e.server.render(w, r, http.StatusOK, p); err != nil {
		t.Fatalf("render %s: %v", p.templateName(), err)
	}
	body := w.Body.String()
	if !strings.Contains(body, "</html>") {
		t.Fatalf("render %s: incomplete page", p.templateName())
	}
	if strings.Contains(body, ` style="`) {
		t.Errorf("render %s: an inline style attribute, which the content security policy blocks", p.templateName())
	}
	return body
}

// fixturePages returns one filled page per template.
func fixturePages(e *testEnv) map[string]page {
	loc, today := e.loc, e.today()
	patient, pw, stopped := fixturePatient(), fixturePathway(), fixtureStoppedPathway()
	lk := &lookup{specialties: fixtureSpecialties(), clinicians: fixtureClinicians(), sites: fixtureSites()}
	entries := fixturePTLEntries()
	rows := ptlRows(entries, today)
	formErrs := FormErrors{Summary: "Correct the problems below.", Items: []FieldProblem{
		{Field: "nhs_number", Anchor: "nhs-number", Message: "Enter an NHS number of 10 digits"},
		{Field: "birth_date", Anchor: "birth-date-day", Message: "Date of birth must be a real date"},
		{Field: "sex", Anchor: "sex", Message: "Select the patient's sex"},
		{Field: "slot_id", Anchor: "slots", Message: "Select a slot"},
		{Field: "status", Anchor: "status", Message: "Select what happened"},
		{Field: "rtt_status", Anchor: "rtt-status", Message: "Select the RTT status"},
		{Field: "username", Anchor: "username", Message: "That username is taken"},
	}}
	pages := map[string]page{}
	add := func(p page, title string) { p.base().Title = title; pages[p.templateName()] = p }

	add(&LoginPage{Next: "/ptl", LoginToken: "abc", Username: "bob", Error: loginFailed}, "Sign in")
	add(&HomePage{}, "Home")
	add(&ErrorPage{Status: 404, Heading: "Page not found", Message: "Check the address."}, "Page not found")
	add(&PatientIndexPage{Query: "smith", Patients: []*elective.Patient{patient},
		Pagination: Pagination{Page: 1, Total: 1, From: 1, To: 1}}, "Find a patient")
	view := e.server.newPatientViewPage(patient)
	view.Pathways = e.server.pathwayCards(testUsers["tok-officer"], patient, []*elective.Pathway{pw, stopped},
		[]*elective.Referral{fixtureReferral()}, nil, lk)
	view.Appointments = appointmentRows(testUsers["tok-officer"], []*elective.Appointment{fixtureAppointment(loc)}, lk)
	view.Referrals = referralRows([]*elective.Referral{fixtureReferral()}, lk)
	view.Messages = fixtureMessages(e.now)
	add(view, patient.DisplayName())
	add(&PatientAuditPage{PatientID: 42, Events: []*elective.AuditEvent{{ID: 1, At: e.now, UserID: 2,
		Username: "bob", Action: "patient.read", PatientID: 42, RequestID: "0123456789abcdef", Detail: "id=42"}}}, "Access history")
	periods, _, _ := e.server.derivePathway(stopped, false)
	_, validation, _ := e.server.derivePathway(fixtureValidatedPathway(), false)
	add(&PathwayViewPage{Patient: patient, Pathway: stopped, Specialty: "Urology", Clinician: "Mr T Hughes",
		Events: eventRows(fixtureValidatedPathway().Events), Periods: periods, DeriveError: "event 3 refused",
		Validation: validation, Form: ValidationForm{Result: elective.ValidationNoContact, Note: "no answer"},
		Errors: FormErrors{Summary: "The validation was not recorded",
			Items: []FieldProblem{{Field: "result", Anchor: "result", Message: "Select what the validation found"}}}}, "Pathway history")
	add(&ReferralNewPage{Form: ReferralForm{NHSNumber: "999 123 4567", GivenName: "Jane", Sex: "2",
		Alerts: []string{"interpreter"}, InterpreterLanguage: "Polish", SpecialtyID: 1, Priority: "urgent", Source: "ers",
		ReceivedDate: partsOf(today)}, Errors: formErrs, Specialties: lk.specialties, Clinicians: lk.clinicians}, "Register a referral")
	add(&WaitingListIndexPage{Filter: WaitingListFilter{ListType: elective.ListOutpatientNew, SpecialtyID: 1, Booked: "no"},
		Specialties: lk.specialties, Clinicians: lk.clinicians, Rows: rows,
		Pagination: Pagination{Page: 2, Total: 120, From: 51, To: 100, PrevURL: "/waiting-list?page=1", NextURL: "/waiting-list?page=3",
			Links: []PageLink{{Number: 1, URL: "/waiting-list?page=1"}, {Number: 2, Current: true, URL: "/waiting-list?page=2"}, {Gap: true}, {Number: 3, URL: "/waiting-list?page=3"}}}}, "Waiting list")
	add(&PTLIndexPage{Filter: PTLFilterForm{SiteID: 100, ListType: elective.ListAdmitted, Priority: elective.PriorityUrgent,
		Booked: "all", Sort: elective.SortBreach}, Specialties: lk.specialties, Clinicians: lk.clinicians, Sites: lk.sites,
		Rows: rows, Pagination: Pagination{Page: 1, Total: 2, From: 1, To: 2}}, "Patient tracking list")
	add(&WorklistIndexPage{List: elective.WorklistFailsafe, Intro: worklistTexts[elective.WorklistFailsafe].Intro,
		Filter: WorklistFilterForm{Kind: elective.WorkNoNextStep, SpecialtyID: 1}, Specialties: lk.specialties,
		Tabs: worklistTabs(&url.URL{Path: "/worklists/failsafe"}, elective.WorklistFailsafe, elective.WorkNoNextStep,
			map[elective.WorklistKind]int{elective.WorkNoNextStep: 2, elective.WorkClinicalReview: 1}),
		Rows:       worklistRows(fixtureWorklistEntries(), testUsers["tok-officer"]),
		Pagination: Pagination{Page: 1, Total: 2, From: 1, To: 2}}, "Failsafe list")
	entry := rows[0]
	add(&AppointmentNewPage{Pathway: pw, Patient: patient, Entry: &entry, Clinicians: lk.clinicians,
		Filter: SlotFilterForm{ClinicianID: 10, From: "2026-11-30"}, Days: groupSlots(fixtureSlots(loc), loc, lk),
		Form: BookingForm{SlotID: 201, Communicated: elective.CommunicatedByPhone}, Errors: formErrs,
		Offers: groupSlots(fixtureSlots(loc), loc, lk)[0].Slots, ShortNotice: true, NoticeDays: 21,
		History:     fixtureOfferHistory(today),
		Unavailable: []*elective.Unavailability{{ID: 3, PatientID: patient.ID, From: today.AddDays(30), To: today.AddDays(37), Reason: "Holiday"}},
		OfferForm:   OfferForm{OfferedOn: "2026-11-20", Date: "2026-12-20", Response: elective.OfferDeclined, Note: "away"},
		UnavailForm: UnavailabilityForm{From: "2027-01-01", To: "2026-12-01"}}, "Book an appointment")
	slotDays := groupSlots(fixtureSlots(loc), loc, lk)
	add(&SlotIndexPage{Filter: SlotIndexForm{SpecialtyID: 1, Type: elective.SlotNew, From: "2026-11-30"},
		Specialties: lk.specialties, Days: slotDays}, "Free slots")
	add(&SlotViewPage{Slot: slotDays[0].Slots[0], Specialty: "Trauma and orthopaedics", NoticeDays: 21,
		Next: entries[1].PathwayID, Candidates: []SlotCandidateRow{{PTLRow: rows[0], Rank: 1, Skip: "Unavailable 1 Dec to 8 Dec 2026"},
			{PTLRow: rows[1], Rank: 2, ShortNotice: true}}}, "Who should have this slot")
	add(&AppointmentOutcomePage{Appointment: fixtureAppointment(loc), Patient: patient, Clinician: "Ms A Okafor",
		Site: "Anytown General Hospital", Form: OutcomeForm{Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTTreatment, Outcome: elective.OutcomeDischarged}, Errors: formErrs}, "Record the outcome")
	add(&AppointmentMovePage{Appointment: fixtureAppointment(loc), Patient: patient, Clinician: "Ms A Okafor",
		Site: "Anytown General Hospital", Clinicians: lk.clinicians, Days: slotDays, SlotType: elective.SlotNew,
		Form:   MoveForm{SlotID: slotDays[0].Slots[0].Slot.ID, ReasonCode: "P9", Communicated: elective.CommunicatedByPhone},
		Errors: formErrs}, "Move an appointment")
	add(&ASIIndexPage{Rows: []ASIRow{{PTLRow: rows[0], WindowEnds: today.AddDays(-2), Overdue: true},
		{PTLRow: rows[1], WindowEnds: today.AddDays(20)}}}, "Appointment slot issues")
	add(&UserIndexPage{Users: fixtureUsers(), Form: UserForm{Username: "new", Role: elective.RoleClinician}, Errors: formErrs}, "Users")
	add(fixtureReportPage(), "Waiting times")
	add(fixtureBreachPage(today), "Breach forecast")
	addClinicPages(add, e, rows, slotDays, formErrs)
	addTemplatePages(add, e, formErrs)
	addTheatrePages(add, e, formErrs)
	addTheatreTemplatePages(add, e, formErrs)
	addRoomPages(add, e, formErrs)
	addRotaPages(add, e, formErrs)
	addExceptionPages(add, e, formErrs)
	addClaimPages(add, e, formErrs)
	addWorkforcePages(add, e, formErrs)
	fp := &FollowUpPage{Kind: elective.FollowUpPIFU, Specialties: fixtureSpecialties()}
	for _, f := range fixtureFollowUps(e.today()) {
		fp.Rows = append(fp.Rows, e.server.followUpRow(f))
	}
	add(fp, "Patient-initiated follow-up list")
	ref := fixtureReferral()
	add(&TriagePage{Specialties: fixtureSpecialties(), Failed: ref.ID, Errors: formErrs, Rows: []TriageRow{
		{TriageItem: &elective.TriageItem{Referral: ref, PatientName: "SMITH, Jane (Mrs)", NHSNumber: "9990000018",
			SpecialtyName: "Urology", Due: e.today().AddDays(-1)}, Overdue: true}}}, "Triage")
	util := fixtureUtilisation(e)
	add(&UtilisationPage{Filter: UtilisationForm{SpecialtyID: 1, From: "2026-10-26", To: "2026-12-07"}, Specialties: fixtureSpecialties(),
		Sessions: []UtilisationRow{{SessionUtilisation: util[0], Alerts: util[0].Alerts(e.today(), e.today().AddDays(14))},
			{SessionUtilisation: util[1], Alerts: util[1].Alerts(e.today(), e.today().AddDays(14))}, {SessionUtilisation: util[2]}},
		Clinics: clinicUse(util), Capacity: fixtureCapacity(), Weeks: 8}, "Clinic utilisation")
	return pages
}

// TestCheckPages checks the startup check between pages and templates.
func TestCheckPages(t *testing.T) {
	e := newTestEnv(t)
	ts, err := e.server.parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	delete(ts, "patient/view")
	if err := checkPages(ts); err == nil || !strings.Contains(err.Error(), "PatientViewPage") {
		t.Errorf("checkPages without patient/view = %v, want an error naming PatientViewPage", err)
	}
	ts, _ = e.server.parseTemplates()
	ts["patient/orphan"] = ts["home/index"]
	if err := checkPages(ts); err == nil || !strings.Contains(err.Error(), "patient/orphan") {
		t.Errorf("checkPages with an orphan template = %v, want an error naming it", err)
	}
}
