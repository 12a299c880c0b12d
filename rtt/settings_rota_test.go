package rtt

import "testing"

// TestRotaBreakSettings: the break thresholds of rules.md 4.3 are policy
// settings (5 h, 9 h, 12 h by default); each is a whole number of minutes,
// not negative, and together they must increase (Policy.Validate).
func TestRotaBreakSettings(t *testing.T) {
	p := DefaultPolicy()
	for k, v := range map[string]string{KeyRotaOneBreakOver: "300", KeyRotaTwoBreaksOver: "540", KeyRotaThreeBreaksFrom: "720"} {
		if got := p.Settings()[k]; got != v {
			t.Errorf("default %s = %q, want %q", k, got, v)
		}
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	for _, tt := range []struct {
		name    string
		changes map[string]string
		ok      bool
	}{
		{"one break over 6 h", map[string]string{KeyRotaOneBreakOver: "360"}, true},
		{"no third break (2016 reading)", map[string]string{KeyRotaThreeBreaksFrom: "0"}, true},
		{"one break for any shift", map[string]string{KeyRotaOneBreakOver: "0"}, true},
		{"negative", map[string]string{KeyRotaOneBreakOver: "-1"}, false},
		{"not a number", map[string]string{KeyRotaTwoBreaksOver: "9h"}, false},
		{"one not below two", map[string]string{KeyRotaOneBreakOver: "540"}, false},
		{"three not above two", map[string]string{KeyRotaThreeBreaksFrom: "540"}, false},
		{"all moved together", map[string]string{KeyRotaOneBreakOver: "360", KeyRotaTwoBreaksOver: "600", KeyRotaThreeBreaksFrom: "660"}, true},
	} {
		q := DefaultPolicy()
		var err error
		for k, v := range tt.changes {
			if err = q.Set(k, v); err != nil {
				break
			}
		}
		if err == nil {
			err = q.Validate()
		}
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok %v", tt.name, err, tt.ok)
		}
	}
}
