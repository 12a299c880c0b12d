package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/openelective/elective"
)

// stubPatientRecord serves the fixture patient 42 with a running and a
// stopped pathway, an appointment and a referral.
func (e *testEnv) stubPatientRecord() {
	e.patients.FindPatientByIDFn = func(_ context.Context, id int64) (*elective.Patient, error) {
		if id != 42 {
			return nil, elective.Errorf(elective.ENOTFOUND, "Patient not found.")
		}
		return fixturePatient(), nil
	}
	e.pathways.FindPathwaysByPatientFn = func(context.Context, int64) ([]*elective.Pathway, error) {
		return []*elective.Pathway{fixturePathway(), fixtureStoppedPathway()}, nil
	}
	e.pathways.FindPathwayByIDFn = func(_ context.Context, id int64) (*elective.Pathway, error) {
		if id != 7 {
			return nil, elective.Errorf(elective.ENOTFOUND, "Pathway not found.")
		}
		return fixturePathway(), nil
	}
	e.bookings.FindAppointmentsByPatientFn = func(context.Context, int64) ([]*elective.Appointment, error) {
		return []*elective.Appointment{fixtureAppointment(e.loc)}, nil
	}
	e.refs.FindReferralsByPatientFn = func(context.Context, int64) ([]*elective.Referral, error) {
		return []*elective.Referral{fixtureReferral()}, nil
	}
}

func TestPatientView(t *testing.T) {
	e := newTestEnv(t)
	e.stubPatientRecord()
	t.Run("OK", func(t *testing.T) {
		w := e.get("/patients/42", "tok-officer")
		wantStatus(t, w, http.StatusOK)
		wantBody(t, w, "SMITH, Jane (Mrs)", "999 123 4578", "15 Mar 1950 (aged 76)",
			"nhsuk-warning-callout", "Vulnerable adult", "Interpreter needed: Polish",
			"Trauma and orthopaedics", "PPID RXX00000000000000007", "10 Jul 2026", // received and clock start
			"19 weeks (136 days), band 19-20", "14 Nov 2026", "Breached",
			`href="/pathways/7/book"`, `href="/pathways/7"`,
			"Stopped 2 Feb 2026 with 30 — First definitive treatment",
			"23 Nov 2026 08:30", "Ms A Okafor", "Anytown General Hospital", `href="/appointments/300/outcome"`,
			"Knee pain")
		wantNoBody(t, w, `href="/pathways/8/book"`)
	})
	t.Run("ClinicianCannotBook", func(t *testing.T) {
		w := e.get("/patients/42", "tok-clinician")
		wantStatus(t, w, http.StatusOK)
		wantNoBody(t, w, "Book appointment")
		wantBody(t, w, "Record outcome")
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		w := e.get("/patients/99", "tok-officer")
		wantStatus(t, w, http.StatusNotFound)
		wantBody(t, w, "Page not found", "Patient not found.")
	})
	t.Run("ErrBadID", func(t *testing.T) {
		wantStatus(t, e.get("/patients/abc", "tok-officer"), http.StatusNotFound)
	})
}

func TestPatientIndex(t *testing.T) {
	e := newTestEnv(t)
	var got elective.PatientFilter
	e.patients.FindPatientsFn = func(_ context.Context, f elective.PatientFilter) ([]*elective.Patient, int, error) {
		got = f
		return []*elective.Patient{fixturePatient()}, 1, nil
	}
	w := e.get("/patients?q=+smith+&page=3", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	if got != (elective.PatientFilter{Query: "smith", Offset: 100, Limit: 50}) {
		t.Errorf("filter = %+v", got)
	}
	wantBody(t, w, `href="/patients/42"`, "999 123 4578", "15 Mar 1950", "RX1234567", "AN1 1AA", "<caption")

	t.Run("Empty", func(t *testing.T) {
		e.patients.FindPatientsFn = nil // must not be called
		wantStatus(t, e.get("/patients?q=", "tok-officer"), http.StatusOK)
	})
}

func TestPathwayView(t *testing.T) {
	e := newTestEnv(t)
	e.stubPatientRecord()
	w := e.get("/pathways/7", "tok-officer")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Pathway history", "Referral received", "Letter or phone (paper)",
		"Appointment booked", "appointment on 3 Aug 2026", "patient told", "cancelled by the hospital",
		"Period 1: 10 Jul 2026 to today (running), 136 days", "rules.md 1.2.2", "Why: started 2026-07-10")
}

func TestPatientAudit(t *testing.T) {
	e := newTestEnv(t)
	var got elective.AuditFilter
	e.audit.FindAuditEventsFn = func(_ context.Context, f elective.AuditFilter) ([]*elective.AuditEvent, error) {
		got = f
		return []*elective.AuditEvent{{At: e.now, Username: "bob", Action: "patient.read", PatientID: 42, RequestID: "00112233aabbccdd"}}, nil
	}
	w := e.get("/patients/42/audit", "tok-admin")
	wantStatus(t, w, http.StatusOK)
	if got.PatientID != 42 {
		t.Errorf("filter = %+v", got)
	}
	wantBody(t, w, "23 Nov 2026 09:00", "bob", "patient.read", "00112233aabbccdd")

	// An administrator looks a patient up by NHS number.
	w = e.get("/audit?nhs_number=999+000+0018", "tok-admin")
	wantStatus(t, w, http.StatusOK)
	if got.NHSNumber != "999 000 0018" {
		t.Errorf("filter = %+v, want the NHS number passed on", got)
	}
	wantBody(t, w, "NHS number 999 000 0018", "bob")
	wantStatus(t, e.get("/audit?nhs_number=123", "tok-admin"), http.StatusUnprocessableEntity)
}
