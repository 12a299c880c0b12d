package web

import (
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
	"github.com/openelective/elective/calendar"
	"github.com/openelective/elective/rtt"
)

// Fixture data for the template and handler tests. NHS numbers are in the
// 999 test range. "Today" is Monday 23 November 2026 in London (GMT).

func fixtureSpecialties() []*elective.Specialty {
	return []*elective.Specialty{
		{ID: 1, Code: "110", Name: "Trauma and orthopaedics"},
		{ID: 2, Code: "101", Name: "Urology"},
	}
}

func fixtureClinicians() []*elective.Clinician {
	return []*elective.Clinician{
		{ID: 10, Code: "C1234567", Title: "Ms", GivenName: "Adaeze", FamilyName: "Okafor", SpecialtyID: 1},
		{ID: 11, Code: "C7654321", Title: "Mr", GivenName: "Tom", FamilyName: "Hughes", SpecialtyID: 2},
	}
}

func fixtureSites() []*elective.Site {
	return []*elective.Site{{ID: 100, Code: "RXX01", Name: "Anytown General Hospital"}}
}

func fixturePatient() *elective.Patient {
	return &elective.Patient{
		ID: 42, NHSNumber: "9991234578", LocalID: "RX1234567", Title: "Mrs",
		GivenName: "Jane", FamilyName: "Smith", BirthDate: elective.MustParseDate("1950-03-15"),
		Sex:     elective.SexFemale,
		Address: elective.Address{Line1: "1 High Street", Town: "Anytown", Postcode: "AN1 1AA"},
		Phone:   "01632 960000", GPPractice: "A81001",
		Alerts: []elective.Alert{
			{Kind: elective.AlertVulnerableAdult},
			{Kind: elective.AlertInterpreter, Detail: "Polish"},
		},
	}
}

// fixturePathway has a running clock from 10 July 2026: 136 days on 23
// November, so breached.
func fixturePathway() *elective.Pathway {
	return &elective.Pathway{
		ID: 7, PPID: "RXX00000000000000007", PPIDIssuer: "RXX", PatientID: 42, ReferralID: 5,
		SpecialtyID: 1, ClinicianID: 10, SiteID: 100, Priority: elective.PriorityRoutine,
		Events: []*elective.PathwayEvent{
			{ID: 1, PathwayID: 7, Seq: 1, Kind: elective.EventReferralReceived,
				Date: elective.MustParseDate("2026-07-10"), Source: elective.SourcePaper},
			{ID: 2, PathwayID: 7, Seq: 2, Kind: elective.EventAppointmentBooked,
				Date: elective.MustParseDate("2026-07-20"), First: true,
				AppointmentDate: elective.MustParseDate("2026-08-03"), Communicated: true},
			{ID: 3, PathwayID: 7, Seq: 3, Kind: elective.EventCancelled,
				Date: elective.MustParseDate("2026-07-30"), By: elective.CancelledByProvider, Note: "clinic cancelled"},
		},
	}
}

// fixtureStoppedPathway was treated (RTT status 30).
func fixtureStoppedPathway() *elective.Pathway {
	return &elective.Pathway{
		ID: 8, PPID: "RXX00000000000000008", PPIDIssuer: "RXX", PatientID: 42, ReferralID: 6,
		SpecialtyID: 2, ClinicianID: 11, Priority: elective.PriorityUrgent,
		Events: []*elective.PathwayEvent{
			{Seq: 1, Kind: elective.EventReferralReceived, Date: elective.MustParseDate("2026-01-05"), Source: elective.SourceERS},
			{Seq: 2, Kind: elective.EventAttended, Date: elective.MustParseDate("2026-02-02"), First: true, Outcome: elective.RTTTreatment},
		},
	}
}

func fixtureReferral() *elective.Referral {
	return &elective.Referral{
		ID: 5, PatientID: 42, PathwayID: 7, SpecialtyID: 1, ClinicianID: 10,
		Source: elective.SourcePaper, Priority: elective.PriorityRoutine,
		ReceivedDate: elective.MustParseDate("2026-07-10"), ReferrerCode: "G1234567", Reason: "Knee pain",
	}
}

func fixtureAppointment(loc *time.Location) *elective.Appointment {
	return &elective.Appointment{
		ID: 300, PathwayID: 7, PatientID: 42, SlotID: 200, ClinicianID: 10, SiteID: 100,
		Start: time.Date(2026, 11, 23, 8, 30, 0, 0, loc), Minutes: 20, Type: elective.SlotNew, First: true,
		Status: elective.AppointmentBooked, Communicated: elective.CommunicatedByLetter,
	}
}

func fixtureSlots(loc *time.Location) []*elective.Slot {
	session := &elective.ClinicSession{ID: 50, ClinicianID: 10, SpecialtyID: 1, SiteID: 100, Status: elective.SessionOpen}
	return []*elective.Slot{
		{ID: 200, SessionID: 50, Start: time.Date(2026, 11, 30, 9, 30, 0, 0, loc), Minutes: 20, Type: elective.SlotNew, Session: session},
		{ID: 201, SessionID: 50, Start: time.Date(2026, 11, 30, 9, 50, 0, 0, loc), Minutes: 20, Type: elective.SlotNew, Session: session},
		{ID: 202, SessionID: 51, Start: time.Date(2026, 12, 7, 14, 0, 0, 0, loc), Minutes: 30, Type: elective.SlotNew,
			Clinician: fixtureClinicians()[0], Site: fixtureSites()[0]},
	}
}

func fixturePTLEntries() []*elective.PTLEntry {
	return []*elective.PTLEntry{
		{PathwayID: 7, PPID: "RXX00000000000000007", PatientID: 42, PatientName: "SMITH, Jane (Mrs)",
			NHSNumber: "9991234578", SpecialtyID: 1, SpecialtyName: "Trauma and orthopaedics",
			ClinicianID: 10, ClinicianName: "Ms A Okafor", SiteID: 100, SiteName: "Anytown General Hospital",
			Priority: elective.PriorityRoutine, ListType: elective.ListOutpatientNew,
			ClockStart: elective.MustParseDate("2026-07-10"), Status: elective.RTTFirstActivity,
			BreachDate: elective.MustParseDate("2026-11-14"), ReferralDate: elective.MustParseDate("2026-07-10"),
			ValidationDue: elective.MustParseDate("2026-10-02"), DaysWaited: 136, Band: "19-20"},
		{PathwayID: 9, PPID: "RXX00000000000000009", PatientID: 43, PatientName: "JONES, Sam",
			NHSNumber: "9990000018", SpecialtyID: 1, SpecialtyName: "Trauma and orthopaedics",
			Priority: elective.PriorityTwoWeekWait, ListType: elective.ListOutpatientNew,
			ClockStart: elective.MustParseDate("2025-10-01"), Status: elective.RTTSubsequentActivity,
			BreachDate: elective.MustParseDate("2026-02-05"), NextActivity: elective.MustParseDate("2026-12-01"),
			LastValidated: elective.MustParseDate("2026-09-01"), ReviewNeeded: true, DaysWaited: 418, Band: "59-60"},
	}
}

// fixtureValidatedPathway is fixturePathway validated on 10 October 2026
// (13 weeks in): the 12-week milestone is covered, the 26-week one (8
// January 2027) is due next.
func fixtureValidatedPathway() *elective.Pathway {
	pw := fixturePathway()
	pw.Events = append(pw.Events, &elective.PathwayEvent{ID: 4, PathwayID: 7, Seq: 4, Kind: elective.EventValidated,
		Date: elective.MustParseDate("2026-10-10"), Validation: elective.ValidationCorrected, Note: "address updated"})
	return pw
}

// fixtureWorklistEntries are one entry of each kind, the last with no clock.
func fixtureWorklistEntries() []*elective.WorklistEntry {
	entry := func(id int64, kind elective.WorklistKind, reason string) *elective.WorklistEntry {
		return &elective.WorklistEntry{PathwayID: id, PatientID: 40 + id, PatientName: "PATIENT, Test " + string(kind),
			NHSNumber: "9991234578", SpecialtyName: "Trauma and orthopaedics", Kind: kind, Reason: reason,
			Since: elective.MustParseDate("2026-10-01"), ClockStart: elective.MustParseDate("2026-07-10"), DaysWaited: 136}
	}
	es := []*elective.WorklistEntry{
		entry(1, elective.WorkValidationDue, "validation due since 2 Oct 2026"),
		entry(2, elective.WorkOutcomeOverdue, "the appointment on 1 Oct 2026 has no outcome recorded"),
		entry(3, elective.WorkNoNextStep, "seen with the clock still running, but no follow-up is booked"),
		entry(4, elective.WorkInvalidEvents, "event 3 breaks rules.md 1.2.12"),
		entry(5, elective.WorkDischargedOpen, "discharged on 1 Oct 2026 but the clock runs"),
		entry(6, elective.WorkDuplicatePathway, "the patient has another open pathway in this specialty"),
		entry(7, elective.WorkClinicalReview, "a clinician must decide after a second DNA"),
	}
	es[6].ClockStart, es[6].DaysWaited, es[6].Since = elective.Date{}, 0, elective.Date{}
	return es
}

func fixtureUsers() []*elective.User {
	return []*elective.User{
		{ID: 1, Username: "admin", Name: "Ada Admin", Role: elective.RoleAdministrator, Active: true},
		{ID: 2, Username: "bob", Name: "Bob Booker", Role: elective.RoleBookingOfficer, Active: true},
	}
}

// fixtureOfferHistory is two declined reasonable offers: the rules ask
// for a clinician's review.
func fixtureOfferHistory(today elective.Date) access.History {
	offers := []*elective.Offer{
		{ID: 1, OfferedOn: today.AddDays(-10), Date: today.AddDays(11), Response: elective.OfferDeclined, Note: "Working"},
		{ID: 2, OfferedOn: today.AddDays(-9), Date: today.AddDays(20), Response: elective.OfferDeclined},
		{ID: 3, OfferedOn: today.AddDays(-8), Date: today.AddDays(-1), Response: elective.OfferNoAnswer},
	}
	return access.Assess(offers, nil, rtt.DefaultPolicy())
}

// addClinicPages adds the clinic-session and displaced-patient pages.
func addClinicPages(add func(page, string), e *testEnv, rows []PTLRow, days []SlotDay, errs FormErrors) {
	today := e.today()
	sess := &elective.ClinicSession{ID: 50, SpecialtyID: 1, ClinicianID: 10, Date: today.AddDays(7), Room: "4",
		Start: today.AddDays(7).At(9, 0, e.loc), End: today.AddDays(7).At(12, 0, e.loc), Status: elective.SessionOpen}
	add(&SessionIndexPage{Filter: SlotIndexForm{SpecialtyID: 1, From: "2026-11-23"}, Specialties: fixtureSpecialties(),
		Sessions: []*elective.SessionSummary{{Session: sess, Clinician: "Ms A Okafor", Site: "Anytown General Hospital", Slots: 9, Booked: 4},
			{Session: &elective.ClinicSession{ID: 51, Date: today, Status: elective.SessionCancelled}, Clinician: "Mr B", Slots: 9}}}, "Clinic sessions")
	add(&SessionViewPage{Change: &elective.SessionChange{Session: sess, Clinician: "Ms A Okafor",
		Booked: []*elective.PTLEntry{rows[0].Entry}, Appointments: []*elective.Appointment{fixtureAppointment(e.loc)},
		NeedsApproval: true, NoticeDays: 42}, Specialty: "Trauma and orthopaedics", Rows: rows[:1],
		Form: CancelSessionForm{Reason: elective.CancelForOther}, Errors: errs}, "Clinic session")
	d := &elective.Displaced{Appointment: fixtureAppointment(e.loc), Entry: rows[0].Entry, Proposed: days[0].Slots[0].Slot,
		Why: "Earliest reasonable slot with the same clinician"}
	add(&DisplacedPage{Filter: SlotIndexForm{SpecialtyID: 1}, Specialties: fixtureSpecialties(), Failed: []string{"Pathway 7: taken"},
		Rows: []DisplacedRow{{PTLRow: rows[0], Displaced: d, Proposed: days[0].Slots[0]},
			{PTLRow: rows[1], Displaced: &elective.Displaced{Entry: rows[1].Entry, Why: "No free New slot"}}}}, "Patients to rebook")
}

// fixtureMessages are a sent letter, a refused one and a queued text.
func fixtureMessages(now time.Time) []*elective.Message {
	return []*elective.Message{
		{ID: 3, PatientID: 42, Kind: elective.MsgReminder, Channel: elective.ChannelSMS, To: "07700 900123", Status: elective.MessageQueued, CreatedAt: now},
		{ID: 2, PatientID: 42, Kind: elective.MsgDNA, Channel: elective.ChannelLetter, Status: elective.MessageFailed,
			Error: "The letter cannot be made: the patient has asked that this address not be used", CreatedAt: now},
		{ID: 1, PatientID: 42, Kind: elective.MsgAppointment, Channel: elective.ChannelLetter, To: "TE1 1ST", Status: elective.MessageSent,
			CreatedAt: now, SentAt: now},
	}
}

// addTemplatePages adds the clinic-template pages.
func addTemplatePages(add func(page, string), e *testEnv, errs FormErrors) {
	d := elective.MustParseDate
	t := &elective.ClinicTemplate{ID: 9, Code: "ORTH-MON", Name: "Knee clinic", ClinicianID: 10, SpecialtyID: 1, SiteID: 100,
		Room: "4", Weekday: time.Monday, StartMinute: 540, EffectiveFrom: d("2026-12-07"), EffectiveTo: d("2027-12-31"),
		WeeksOfMonth: []int{1, 3}, Slots: []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 20}, {Type: elective.SlotFollowUp, Minutes: 15}},
		Exceptions: []elective.TemplateException{{Date: d("2027-01-04"), Reason: "Audit"}}}
	row := TemplateRow{Template: t, Clinician: "Ms A Okafor", Site: "Anytown General Hospital"}
	add(&TemplateIndexPage{Filter: SlotIndexForm{SpecialtyID: 1}, Specialties: fixtureSpecialties(), Rows: []TemplateRow{row}}, "Clinic templates")
	sched := calendar.ScheduleOf(t)
	add(&TemplateViewPage{Row: row, Sessions: sched.Sessions(d("2026-12-01"), d("2027-03-01")), Skipped: sched.Skipped(d("2026-12-01"), d("2027-03-01")),
		Form: ExceptionForm{Date: "2027-02-01", Extra: true, Reason: "WLI"}, Errors: errs,
		EndForm: TemplateEndForm{Last: "2027-01-31", Reason: elective.CancelForLeave},
		End: &elective.TemplateChange{Sessions: []*elective.SessionChange{{Session: &elective.ClinicSession{ID: 50, Date: d("2027-02-01")},
			Booked: fixturePTLEntries()[:1]}}, Displaced: 1, NeedsApproval: true, NoticeDays: 42}}, "Knee clinic")
	add(&TemplateNewPage{Form: TemplateForm{Code: "ORTH-NEW", Pattern: "month", Weeks: []string{"1", "-1"}, Weekday: 2, Start: "09:00",
		NewSlots: "6", NewMinutes: "20"}, Specialties: fixtureSpecialties(), Clinicians: fixtureClinicians(), Sites: fixtureSites(), Errors: errs},
		"New clinic template")
}

// fixtureUtilisation is an under-used session, a full one with DNAs and a
// cancelled one.
func fixtureUtilisation(e *testEnv) []*elective.SessionUtilisation {
	today := e.today()
	s := func(id int64, days int, st elective.SessionStatus) *elective.ClinicSession {
		return &elective.ClinicSession{ID: id, Date: today.AddDays(days), Start: today.AddDays(days).At(9, 0, e.loc), Status: st}
	}
	return []*elective.SessionUtilisation{
		{Session: s(1, -7, elective.SessionOpen), Clinician: "Mr A Bone", TemplateCode: "ORTH-MON", Slots: 10, Booked: 10, Attended: 7, DNA: 3},
		{Session: s(2, 7, elective.SessionOpen), Clinician: "Mr A Bone", TemplateCode: "ORTH-MON", Slots: 10, Booked: 6, Unfilled: 1},
		{Session: s(3, 9, elective.SessionCancelled), Clinician: "Ms C Joint", TemplateCode: "ORTH-WED", Slots: 9},
	}
}

func fixtureCapacity() []*elective.CapacityDemand {
	return []*elective.CapacityDemand{
		{SpecialtyID: 1, SpecialtyName: "Trauma and orthopaedics", NewSlotsWeek: 30, FreeSlotsWeek: 4, ReferralsWeek: 36, Unbooked: 120},
		{SpecialtyID: 2, SpecialtyName: "Urology", NewSlotsWeek: 20, FreeSlotsWeek: 10, ReferralsWeek: 12, Unbooked: 15},
	}
}

// fixtureFollowUps are a partial booking waiting to be invited, one
// overdue, and an expired PIFU.
func fixtureFollowUps(today elective.Date) []*elective.FollowUp {
	return []*elective.FollowUp{
		{ID: 1, PathwayID: 7, PatientID: 42, Kind: elective.FollowUpPartialBooking, Due: today.AddDays(-2), InvitedOn: today.AddDays(-44),
			RemindedOn: today.AddDays(-30), Status: elective.FollowUpOpen, PatientName: "SMITH, Jane (Mrs)", NHSNumber: "9990000018", SpecialtyName: "Urology"},
		{ID: 2, PathwayID: 8, PatientID: 43, Kind: elective.FollowUpPartialBooking, Due: today.AddDays(90), Status: elective.FollowUpOpen,
			PatientName: "JONES, Ann (Ms)", NHSNumber: "9990000026", SpecialtyName: "Urology"},
		{ID: 3, PathwayID: 9, PatientID: 44, Kind: elective.FollowUpPIFU, Due: today.AddDays(-1), Status: elective.FollowUpOpen,
			PatientName: "BROWN, Bo (Mr)", NHSNumber: "9990000034", SpecialtyName: "Urology"},
	}
}
