package elective

import "strings"

// NormalizeNHSNumber removes the spaces and hyphens staff type or paste
// ("999 123 4567", "999-123-4567") and returns the ten characters left.
func NormalizeNHSNumber(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// CheckNHSNumber validates a normalised NHS number: ten digits whose last is
// the modulus 11 check digit of the first nine (NHS Data Dictionary, NHS
// NUMBER). It returns a message for staff, or "" when the number is valid.
func CheckNHSNumber(n string) string {
	if len(n) != 10 {
		return "Enter an NHS number of 10 digits, like 999 123 4560"
	}
	sum := 0
	for i := 0; i < 10; i++ {
		c := n[i]
		if c < '0' || c > '9' {
			return "An NHS number contains digits only"
		}
		if i < 9 {
			sum += int(c-'0') * (10 - i)
		}
	}
	check := 11 - sum%11
	switch check {
	case 11:
		check = 0
	case 10:
		return "This is not a valid NHS number: no NHS number can have these first nine digits"
	}
	if int(n[9]-'0') != check {
		return "This is not a valid NHS number: the check digit is wrong (check for a mistyped digit)"
	}
	return ""
}

// NHSNumberCheckDigit returns the modulus 11 check digit for nine digits,
// or -1 when no valid NHS number starts with them. Fixtures use it to make
// numbers in the 999 test range.
func NHSNumberCheckDigit(first9 string) int {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(first9[i]-'0') * (10 - i)
	}
	switch c := 11 - sum%11; c {
	case 11:
		return 0
	case 10:
		return -1
	default:
		return c
	}
}

// FormatNHSNumber shows an NHS number in the 3-3-4 groups staff read aloud.
func FormatNHSNumber(n string) string {
	if len(n) != 10 {
		return n
	}
	return n[:3] + " " + n[3:6] + " " + n[6:]
}
