package store_test

import (
	"errors"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/fixture"
	"github.com/openelective/elective/store"
)

// TestRegisterReferral registers a referral and checks the patient,
// pathway, first event, PTL row and audit event it creates.
func TestRegisterReferral(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		received := today.AddDays(-20)
		ref := MustRegister(t, db, 1, received)
		if ref.ID == 0 || ref.PatientID == 0 || ref.PathwayID == 0 {
			t.Fatalf("referral not fully created: %+v", ref)
		}
		p, err := store.NewPathwayService(db).FindPathwayByID(as(booker), ref.PathwayID)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.PPID) != 20 || p.PPIDIssuer != "RXX" {
			t.Errorf("PPID %q issuer %q, want 20 characters issued by RXX", p.PPID, p.PPIDIssuer)
		}
		if len(p.Events) != 1 || p.Events[0].Kind != elective.EventReferralReceived || p.Events[0].Date != received {
			t.Fatalf("events = %+v", p.Events)
		}
		e := ptlEntry(t, db, ref.PathwayID)
		if e == nil || e.ClockStart != received || e.ListType != elective.ListOutpatientNew || e.DaysWaited != 20 ||
			e.Band != "2-3" || e.BreachDate != received.AddDays(127) || e.Booked() {
			t.Fatalf("PTL entry = %+v", e)
		}
		if n := count(t, db, "audit_event"); n < 2 {
			t.Errorf("audit events = %d, want the registration and the reads", n)
		}
	})
}

// TestRegisterReferralRefused checks a bad NHS number and a future received
// date are refused with field errors and that nothing at all is saved.
func TestRegisterReferralRefused(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewReferralService(db)
		for name, tt := range map[string]struct {
			edit  func(*elective.ReferralRegistration)
			field string
		}{
			"bad check digit":                  {func(r *elective.ReferralRegistration) { r.Patient.NHSNumber = "9990000019" }, "nhs_number"},
			"future received":                  {func(r *elective.ReferralRegistration) { r.Referral.ReceivedDate = today.AddDays(1) }, "received_date"},
			"ers without UBRN":                 {func(r *elective.ReferralRegistration) { r.Referral.Source = elective.SourceERS }, "ubrn"},
			"unknown specialty":                {func(r *elective.ReferralRegistration) { r.Referral.SpecialtyID = 99 }, "specialty_id"},
			"consultant of another specialty":  {func(r *elective.ReferralRegistration) { r.Referral.ClinicianID = 3 }, "clinician_id"},
			"interface without original start": {func(r *elective.ReferralRegistration) { r.Referral.Source = elective.SourceInterface }, "original_start"},
		} {
			reg := fixture.Registration(1, today)
			tt.edit(reg)
			_, err := svc.RegisterReferral(as(booker), reg)
			wantCode(t, err, elective.EINVALID)
			if !hasField(err, tt.field) {
				t.Errorf("%s: fields %+v, want %s", name, elective.ErrorFields(err), tt.field)
			}
		}
		for _, table := range []string{"patient", "referral", "pathway", "pathway_event", "ptl_entry"} {
			if n := count(t, db, table); n != 0 {
				t.Errorf("%s holds %d rows after refused registrations", table, n)
			}
		}
	})
}

func hasField(err error, field string) bool {
	for _, f := range elective.ErrorFields(err) {
		if f.Field == field {
			return true
		}
	}
	return false
}

// TestRegisterMatchesPatient checks a second referral for the same NHS
// number reuses the patient, and one with another birth date is refused.
func TestRegisterMatchesPatient(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		a := MustRegister(t, db, 1, today)
		b := MustRegister(t, db, 1, today, func(r *elective.ReferralRegistration) { r.Referral.SpecialtyID = 2 })
		if a.PatientID != b.PatientID || a.PathwayID == b.PathwayID {
			t.Fatalf("patients %d/%d pathways %d/%d: want one patient, two pathways", a.PatientID, b.PatientID, a.PathwayID, b.PathwayID)
		}
		reg := fixture.Registration(1, today)
		reg.Patient.BirthDate = elective.MustParseDate("1970-01-01")
		_, err := store.NewReferralService(db).RegisterReferral(as(booker), reg)
		wantCode(t, err, elective.EINVALID)
	})
}

// TestRegisterDuplicateUBRN checks an e-RS referral cannot be registered twice.
func TestRegisterDuplicateUBRN(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ers := func(r *elective.ReferralRegistration) {
			r.Referral.Source, r.Referral.UBRN = elective.SourceERS, "000012345678"
		}
		ref := MustRegister(t, db, 1, today, ers)
		p, _ := store.NewPathwayService(db).FindPathwayByID(as(booker), ref.PathwayID)
		if p.PPID != "00000000000012345678" || p.PPIDIssuer != "X09" {
			t.Errorf("e-RS PPID %q issuer %q, want the UBRN padded to 20 and X09", p.PPID, p.PPIDIssuer)
		}
		reg := fixture.Registration(2, today)
		ers(reg)
		_, err := store.NewReferralService(db).RegisterReferral(as(booker), reg)
		wantCode(t, err, elective.ECONFLICT)
		if !hasField(err, "ubrn") {
			t.Errorf("fields %+v, want ubrn", elective.ErrorFields(err))
		}
	})
}

// TestImportAllOrNothing checks a file with one bad row imports nothing and
// names the row, and a good file imports every row.
func TestImportAllOrNothing(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		svc := store.NewReferralService(db)
		regs := []*elective.ReferralRegistration{fixture.Registration(1, today), fixture.Registration(2, today), fixture.Registration(3, today)}
		for i, r := range regs {
			r.Line = i + 2
		}
		regs[1].Referral.ReceivedDate = today.AddDays(5)
		_, err := svc.ImportReferrals(as(manager), regs)
		var ie *elective.ImportError
		if !errors.As(err, &ie) || len(ie.Rows) != 1 || ie.Rows[0].Line != 3 {
			t.Fatalf("err = %v, want one bad row on line 3", err)
		}
		if n := count(t, db, "referral"); n != 0 {
			t.Fatalf("%d referrals saved from a rejected file", n)
		}
		// A row that fails only in the database (a duplicate UBRN) rejects the file too.
		regs[1].Referral.ReceivedDate = today
		for _, r := range regs[1:] {
			r.Referral.Source, r.Referral.UBRN = elective.SourceERS, "000011112222"
		}
		_, err = svc.ImportReferrals(as(manager), regs)
		if !errors.As(err, &ie) || len(ie.Rows) != 1 || ie.Rows[0].Line != 4 {
			t.Fatalf("err = %v, want the duplicate UBRN on line 4", err)
		}
		regs[2].Referral.UBRN = "000011113333"
		if n, err := svc.ImportReferrals(as(manager), regs); err != nil || n != 3 {
			t.Fatalf("import = %d, %v", n, err)
		}
		if n := count(t, db, "ptl_entry"); n != 3 {
			t.Fatalf("%d PTL rows, want 3", n)
		}
		_, err = svc.ImportReferrals(as(booker), regs)
		wantCode(t, err, elective.EFORBIDDEN)
	})
}
