package demo_test

import (
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// checker follows the batches in order, remembering what has been emitted,
// and reports any reference to a record not yet emitted.
type checker struct {
	t        *testing.T
	today    elective.Date
	loc      *time.Location
	ref      *elective.ReferenceData
	sessions map[int64]*elective.ClinicSession
	slots    map[int64]*elective.Slot
	last     map[string]int64 // last ID per kind, to check they run from 1
	active   map[int64]int64  // slot ID -> active appointment ID
}

func (c *checker) nextID(kind string, id int64) {
	if id != c.last[kind]+1 {
		c.t.Fatalf("%s ID %d follows %d; IDs must run from 1 without gaps", kind, id, c.last[kind])
	}
	c.last[kind] = id
}

func TestGenerate_Integrity(t *testing.T) {
	cfg := testConfig(t, 3)
	h := MustGenerate(t, cfg)
	c := &checker{t: t, today: cfg.Today, loc: cfg.Location, ref: h.ref,
		sessions: map[int64]*elective.ClinicSession{}, slots: map[int64]*elective.Slot{},
		last: map[string]int64{}, active: map[int64]int64{}}
	c.reference()
	for _, b := range h.batches {
		c.clinics(b)
		c.patients(b)
	}
}

// reference checks the reference data: sequential IDs, 14 specialties,
// unique consultant and clinic codes, templates pointing at real records.
func (c *checker) reference() {
	r := c.ref
	if r.Organisation.ID != 1 || r.Organisation.Code != "RXX" {
		c.t.Errorf("organisation %+v, want ID 1 and code RXX", r.Organisation)
	}
	if len(r.Specialties) != 14 || len(r.Sites) != 3 {
		c.t.Errorf("%d specialties and %d sites, want 14 and 3", len(r.Specialties), len(r.Sites))
	}
	for _, s := range r.Sites {
		c.nextID("site", s.ID)
	}
	for _, s := range r.Specialties {
		c.nextID("specialty", s.ID)
	}
	codes := map[string]bool{}
	for _, cl := range r.Clinicians {
		c.nextID("clinician", cl.ID)
		if len(cl.Code) != 8 || cl.Code[0] != 'C' || codes[cl.Code] {
			c.t.Errorf("consultant code %q is not C and 7 digits, or not unique", cl.Code)
		}
		codes[cl.Code] = true
	}
	for _, tp := range r.Templates {
		c.nextID("template", tp.ID)
		if err := tp.Validate(); err != nil {
			c.t.Errorf("template %s: %v", tp.Code, err)
		}
		if codes[tp.Code] {
			c.t.Errorf("clinic code %s is not unique", tp.Code)
		}
		codes[tp.Code] = true
		cl := r.Clinicians[tp.ClinicianID-1]
		if cl.SpecialtyID != tp.SpecialtyID || tp.SiteID < 1 || tp.SiteID > 3 {
			c.t.Errorf("template %s has clinician %d specialty %d site %d", tp.Code, tp.ClinicianID, tp.SpecialtyID, tp.SiteID)
		}
	}
}

// clinics checks sessions and slots: sequential IDs, slots after their
// session.
func (c *checker) clinics(b *elective.LoadBatch) {
	for _, s := range b.Sessions {
		c.nextID("session", s.ID)
		if s.TemplateID < 1 || int(s.TemplateID) > len(c.ref.Templates) {
			c.t.Fatalf("session %d has template %d", s.ID, s.TemplateID)
		}
		c.sessions[s.ID] = s
	}
	for _, s := range b.Slots {
		c.nextID("slot", s.ID)
		if c.sessions[s.SessionID] == nil {
			c.t.Fatalf("slot %d refers to session %d not yet emitted", s.ID, s.SessionID)
		}
		c.slots[s.ID] = s
	}
}

// patients checks a batch of patients, referrals, pathways, events and
// appointments.
func (c *checker) patients(b *elective.LoadBatch) {
	patients := map[int64]bool{}
	for _, p := range b.Patients {
		c.nextID("patient", p.ID)
		patients[p.ID] = true
	}
	referrals := map[int64]*elective.Referral{}
	for _, r := range b.Referrals {
		c.nextID("referral", r.ID)
		referrals[r.ID] = r
		if !patients[r.PatientID] {
			c.t.Fatalf("referral %d refers to patient %d outside its batch", r.ID, r.PatientID)
		}
	}
	appts := map[int64]*elective.Appointment{}
	for _, a := range b.Appointments {
		appts[a.ID] = a
	}
	pathways := map[int64]bool{}
	for _, pw := range b.Pathways {
		c.nextID("pathway", pw.ID)
		pathways[pw.ID] = true
		r := referrals[pw.ReferralID]
		if r == nil || r.PathwayID != pw.ID || !patients[pw.PatientID] || r.PatientID != pw.PatientID {
			c.t.Fatalf("pathway %d and its referral %d do not point at each other in the batch", pw.ID, pw.ReferralID)
		}
		c.events(pw, appts)
	}
	for _, a := range b.Appointments {
		c.nextID("appointment", a.ID)
		if !pathways[a.PathwayID] || !patients[a.PatientID] {
			c.t.Fatalf("appointment %d refers to pathway %d or patient %d outside its batch", a.ID, a.PathwayID, a.PatientID)
		}
		c.appointment(a)
	}
}

// events checks a pathway's events: sequential IDs and Seq, dates in order
// and not after today, recorded at 10:00 London, appointments of the same
// pathway.
func (c *checker) events(pw *elective.Pathway, appts map[int64]*elective.Appointment) {
	var prev elective.Date
	for i, e := range pw.Events {
		c.nextID("event", e.ID)
		if e.PathwayID != pw.ID || e.Seq != i+1 {
			c.t.Fatalf("event %d has pathway %d seq %d, want %d and %d", e.ID, e.PathwayID, e.Seq, pw.ID, i+1)
		}
		if e.Date.Before(prev) || e.Date.After(c.today) {
			c.t.Errorf("pathway %d event %d on %s: out of order or after today", pw.ID, e.Seq, e.Date)
		}
		prev = e.Date
		if want := e.Date.At(10, 0, c.loc); !e.RecordedAt.Equal(want) || e.RecordedAt.Location() != time.UTC {
			c.t.Errorf("event %d recorded at %v, want %v in UTC", e.ID, e.RecordedAt, want)
		}
		if e.AppointmentID != 0 {
			a := appts[e.AppointmentID]
			if a == nil || a.PathwayID != pw.ID {
				c.t.Fatalf("event %d refers to appointment %d not in its pathway's batch", e.ID, e.AppointmentID)
			}
		}
		if e.Kind == elective.EventReferralReceived && i == 0 && e.Source == "" {
			c.t.Errorf("pathway %d: referral event without source", pw.ID)
		}
	}
	if len(pw.Events) == 0 || pw.Events[0].Kind != elective.EventReferralReceived {
		c.t.Errorf("pathway %d does not start with a referral", pw.ID)
	}
}

// appointment checks an appointment against its slot and session, and that
// no slot holds two active appointments.
func (c *checker) appointment(a *elective.Appointment) {
	s := c.slots[a.SlotID]
	if s == nil {
		c.t.Fatalf("appointment %d uses slot %d not yet emitted", a.ID, a.SlotID)
	}
	sess := c.sessions[s.SessionID]
	switch {
	case sess.Status != elective.SessionOpen:
		c.t.Errorf("appointment %d is in cancelled session %d", a.ID, sess.ID)
	case a.SessionID != s.SessionID || !a.Start.Equal(s.Start) || a.Minutes != s.Minutes || a.Type != s.Type:
		c.t.Errorf("appointment %d does not match its slot %d", a.ID, s.ID)
	case a.ClinicianID != sess.ClinicianID || a.SiteID != sess.SiteID:
		c.t.Errorf("appointment %d clinician or site differs from its session", a.ID)
	case a.First != (a.Type == elective.SlotNew):
		c.t.Errorf("appointment %d first=%v in a %s slot", a.ID, a.First, a.Type)
	}
	day := elective.DateOf(a.Start, c.loc)
	switch a.Status {
	case elective.AppointmentBooked:
		if !day.After(c.today) {
			c.t.Errorf("booked appointment %d is on %s, not after today", a.ID, day)
		}
	case elective.AppointmentAttended, elective.AppointmentDNA:
		if !day.Before(c.today) {
			c.t.Errorf("%s appointment %d is on %s, not before today", a.Status, a.ID, day)
		}
	}
	if a.Status == elective.AppointmentBooked || a.Status == elective.AppointmentAttended || a.Status == elective.AppointmentDNA {
		if other := c.active[a.SlotID]; other != 0 {
			c.t.Errorf("slot %d holds appointments %d and %d", a.SlotID, other, a.ID)
		}
		c.active[a.SlotID] = a.ID
	}
	if len(a.History) == 0 || a.History[0].Status != elective.AppointmentBooked || !a.History[0].At.Equal(a.BookedAt) ||
		a.History[len(a.History)-1].Status != a.Status || !a.BookedAt.Before(a.Start) {
		c.t.Errorf("appointment %d history %v does not run from booking to %s", a.ID, a.History, a.Status)
	}
	if a.Status == elective.AppointmentAttended && (a.RTTStatus == "" || a.Outcome == "") {
		c.t.Errorf("attended appointment %d lacks RTT status or outcome", a.ID)
	}
}

func TestGenerate_Identifiers(t *testing.T) {
	h := MustGenerate(t, testConfig(t, 4))
	seen := map[string]bool{}
	unique := func(kind, v string) {
		if seen[kind+v] {
			t.Errorf("%s %s is not unique", kind, v)
		}
		seen[kind+v] = true
	}
	for _, b := range h.batches {
		for _, p := range b.Patients {
			if msg := elective.CheckNHSNumber(p.NHSNumber); msg != "" || !strings.HasPrefix(p.NHSNumber, "999") {
				t.Errorf("NHS number %s: %s", p.NHSNumber, msg)
			}
			unique("NHS number", p.NHSNumber)
			unique("hospital number", p.LocalID)
			if err := p.Validate(testToday); err != nil {
				t.Errorf("patient %d: %v", p.ID, err)
			}
		}
		for _, r := range b.Referrals {
			if r.Source.IsERS() {
				unique("UBRN", r.UBRN)
			}
		}
		for _, pw := range b.Pathways {
			if len(pw.PPID) != 20 {
				t.Errorf("PPID %q is not 20 characters", pw.PPID)
			}
			unique("PPID", pw.PPIDIssuer+"/"+pw.PPID)
		}
	}
}

func TestGenerate_Referrals(t *testing.T) {
	h := MustGenerate(t, testConfig(t, 5))
	for _, b := range h.batches {
		for _, r := range b.Referrals {
			reg := elective.ReferralRegistration{Patient: *b.Patients[0], Referral: *r}
			if err := reg.Validate(testToday); err != nil {
				t.Errorf("referral %d: %v", r.ID, err)
			}
		}
	}
}
