package elective

import "testing"

func validRegistration() *ReferralRegistration {
	return &ReferralRegistration{
		Patient: Patient{NHSNumber: "999 000 0018", GivenName: "Jane", FamilyName: "Smith",
			BirthDate: MustParseDate("1960-02-03"), Sex: SexFemale},
		Referral: Referral{SpecialtyID: 1, Source: SourcePaper, Priority: PriorityRoutine,
			ReceivedDate: MustParseDate("2026-11-20")},
	}
}

// TestReferralValidate is the table of rules a new referral must pass
// before anything is saved.
func TestReferralValidate(t *testing.T) {
	today := MustParseDate("2026-11-22")
	tests := []struct {
		name  string
		edit  func(r *ReferralRegistration)
		field string
	}{
		{"valid", func(r *ReferralRegistration) {}, ""},
		{"bad NHS number", func(r *ReferralRegistration) { r.Patient.NHSNumber = "9990000019" }, "nhs_number"},
		{"future received date", func(r *ReferralRegistration) { r.Referral.ReceivedDate = today.AddDays(1) }, "received_date"},
		{"received today", func(r *ReferralRegistration) { r.Referral.ReceivedDate = today }, ""},
		{"no received date", func(r *ReferralRegistration) { r.Referral.ReceivedDate = Date{} }, "received_date"},
		{"future birth", func(r *ReferralRegistration) { r.Patient.BirthDate = today.AddDays(1) }, "birth_date"},
		{"no given name", func(r *ReferralRegistration) { r.Patient.GivenName = " " }, "given_name"},
		{"no sex", func(r *ReferralRegistration) { r.Patient.Sex = "" }, "sex"},
		{"no specialty", func(r *ReferralRegistration) { r.Referral.SpecialtyID = 0 }, "specialty_id"},
		{"bad priority", func(r *ReferralRegistration) { r.Referral.Priority = "soon" }, "priority"},
		{"bad source", func(r *ReferralRegistration) { r.Referral.Source = "pigeon" }, "source"},
		{"e-RS needs a UBRN", func(r *ReferralRegistration) { r.Referral.Source = SourceERS }, "ubrn"},
		{"e-RS with UBRN", func(r *ReferralRegistration) {
			r.Referral.Source, r.Referral.UBRN = SourceERS, "0000 1234 5678"
		}, ""},
		{"short UBRN", func(r *ReferralRegistration) { r.Referral.UBRN = "123" }, "ubrn"},
		{"transfer needs original start", func(r *ReferralRegistration) { r.Referral.Source = SourceTransferIn }, "original_start"},
		{"original start after receipt", func(r *ReferralRegistration) {
			r.Referral.Source, r.Referral.OriginalStart = SourceInterface, r.Referral.ReceivedDate.AddDays(1)
		}, "original_start"},
		{"original start on a paper referral", func(r *ReferralRegistration) {
			r.Referral.OriginalStart = r.Referral.ReceivedDate.AddDays(-3)
		}, "original_start"},
	}
	for _, tt := range tests {
		r := validRegistration()
		tt.edit(r)
		err := r.Validate(today)
		var got string
		if fields := ErrorFields(err); len(fields) > 0 {
			got = fields[0].Field
		}
		if got != tt.field || (tt.field != "" && ErrorCode(err) != EINVALID) {
			t.Errorf("%s: first field %q (%v), want %q", tt.name, got, err, tt.field)
		}
	}
}

// TestPatientVulnerable: children and patients with a vulnerable-adult or
// child-protection alert get the DNA safeguards (rules.md 1.5.4, 3.3).
func TestPatientVulnerable(t *testing.T) {
	on := MustParseDate("2026-11-22")
	tests := []struct {
		birth  string
		alerts []Alert
		want   bool
	}{
		{"2010-01-01", nil, true},
		{"2008-11-22", nil, false}, // 18 today
		{"2008-11-23", nil, true},  // 18 tomorrow
		{"1950-01-01", nil, false},
		{"1950-01-01", []Alert{{Kind: AlertVulnerableAdult}}, true},
		{"1950-01-01", []Alert{{Kind: AlertInterpreter, Detail: "Polish"}}, false},
	}
	for _, tt := range tests {
		p := &Patient{BirthDate: MustParseDate(tt.birth), Alerts: tt.alerts}
		if got := p.IsVulnerable(on); got != tt.want {
			t.Errorf("born %s alerts %v: vulnerable = %v, want %v", tt.birth, tt.alerts, got, tt.want)
		}
	}
}

// TestNewPPID checks pathway identifiers are 20 characters (rules.md 1.10.1).
func TestNewPPID(t *testing.T) {
	if p, iss := NewPPID("RXX", "", 42); p != "RXX00000000000000042" || iss != "RXX" {
		t.Errorf("trust PPID %q %q", p, iss)
	}
	if p, iss := NewPPID("RXX", "000012345678", 42); p != "00000000000012345678" || iss != "X09" {
		t.Errorf("e-RS PPID %q %q", p, iss)
	}
}
