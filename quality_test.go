package elective

import "testing"

// TestCheckReturn is the table of the return checks (rules.md 1.12).
func TestCheckReturn(t *testing.T) {
	summary := func(open, within, firstWeek int) *PTLSummary {
		s := &PTLSummary{}
		s.Total.Open, s.Total.Within18, s.Total.Bands[0] = open, within, firstWeek
		return s
	}
	prev := []TrendPoint{{MonthEnd: MustParseDate("2026-10-31"), Open: 1000, Within18: 600}}
	tests := []struct {
		name   string
		s      *PTLSummary
		prev   []TrendPoint
		passed []bool
	}{
		{"all well", summary(1050, 640, 60), prev, []bool{true, true, true, true}},
		{"too many in the first week", summary(1050, 640, 200), prev, []bool{true, false, true, true}},
		{"a 20% drop", summary(800, 500, 60), prev, []bool{true, true, false, true}},
		{"identical to last month", summary(1000, 600, 60), prev, []bool{true, true, true, false}},
		{"no history yet", summary(1000, 600, 60), nil, []bool{true, true}},
	}
	for _, tt := range tests {
		got := CheckReturn(tt.s, tt.prev)
		if len(got) != len(tt.passed) {
			t.Fatalf("%s: %d findings, want %d", tt.name, len(got), len(tt.passed))
		}
		for i, f := range got {
			if f.Passed != tt.passed[i] || f.Detail == "" {
				t.Errorf("%s: %q passed = %v (%s), want %v", tt.name, f.Check, f.Passed, f.Detail, tt.passed[i])
			}
		}
	}
}
