package rtt

import "testing"

// TestPolicySettings: the defaults of rules.md section 5 read back as
// settings; each setting can be changed and bad values are refused.
func TestPolicySettings(t *testing.T) {
	p := DefaultPolicy()
	want := map[string]string{KeyDNADischargeStop: "DNA_DATE", KeyValidationWeeks: "12,26,52", KeyValidationRecency: "84",
		KeyOfferNotice: "21", KeySecondOfferDays: "42", KeyOffersPerStage: "2"}
	for k, v := range want {
		if got := p.Settings()[k]; got != v {
			t.Errorf("default %s = %q, want %q", k, got, v)
		}
	}
	tests := []struct {
		key, value string
		ok         bool
	}{
		{KeyDNADischargeStop, "discharge_date", true},
		{KeyDNADischargeStop, "whenever", false},
		{KeyValidationWeeks, "12, 26, 52, 78", true},
		{KeyValidationWeeks, "26,12", false},
		{KeyValidationWeeks, "", false},
		{KeyValidationRecency, "56", true},
		{KeyValidationRecency, "0", false},
		{KeyOfferNotice, "21", true},
		{KeyOfferNotice, "3", false}, // below any notice a trust could call reasonable (rules.md 3.1)
		{KeySecondOfferDays, "42", true},
		{KeyOffersPerStage, "0", false},
		{"offer.unknown", "21", false},
	}
	for _, tt := range tests {
		q := DefaultPolicy()
		if err := q.Set(tt.key, tt.value); (err == nil) != tt.ok {
			t.Errorf("Set(%s, %q) = %v, want ok %v", tt.key, tt.value, err, tt.ok)
		}
	}
	q := DefaultPolicy()
	q.Set(KeyDNADischargeStop, "DISCHARGE_DATE")
	q.Set(KeyValidationWeeks, "12,26,52,78")
	if q.DNADischargeStop != StopAtDischargeDate || len(q.ValidationMilestonesWeeks) != 4 || q.Settings()[KeyValidationWeeks] != "12,26,52,78" {
		t.Fatalf("policy after setting: %+v", q)
	}
}
