package elective

import (
	"fmt"
	"testing"
)

// TestCheckNHSNumber is the modulus 11 check of the NHS Data Dictionary.
func TestCheckNHSNumber(t *testing.T) {
	tests := []struct {
		in    string
		valid bool
	}{
		{"9434765919", true},   // the Data Dictionary's worked example
		{"9990000018", true},   // test range
		{"9990000019", false},  // wrong check digit
		{"999000001", false},   // nine digits
		{"99900000181", false}, // eleven digits
		{"999000001A", false},  // not a digit
		{"9990000000", false},  // first nine digits give check value 10: no valid number
		{"0000000000", true},
	}
	for _, tt := range tests {
		if got := CheckNHSNumber(tt.in) == ""; got != tt.valid {
			t.Errorf("CheckNHSNumber(%s) valid = %v, want %v (%s)", tt.in, got, tt.valid, CheckNHSNumber(tt.in))
		}
	}
	if got := NormalizeNHSNumber(" 999 000-0018 "); got != "9990000018" {
		t.Errorf("normalise = %q", got)
	}
	if got := FormatNHSNumber("9990000018"); got != "999 000 0018" {
		t.Errorf("format = %q", got)
	}
}

// TestNHSNumberCheckDigitAgrees checks the digit helper agrees with the check.
func TestNHSNumberCheckDigitAgrees(t *testing.T) {
	for i := 0; i < 2000; i++ {
		first9 := "999" + pad6(i)
		c := NHSNumberCheckDigit(first9)
		for d := 0; d <= 9; d++ {
			valid := CheckNHSNumber(first9+string(rune('0'+d))) == ""
			if valid != (c == d) {
				t.Fatalf("%s%d: valid %v, check digit %d", first9, d, valid, c)
			}
		}
	}
}

func pad6(i int) string { return fmt.Sprintf("%06d", i) }
