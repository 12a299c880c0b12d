package rtt

import (
	"slices"
	"testing"
)

// TestTheatreSettingsDefaults: the admitted-care defaults of rules.md
// section 5 read back as settings and are listed among the keys.
func TestTheatreSettingsDefaults(t *testing.T) {
	p := DefaultPolicy()
	want := map[string]string{
		KeyTheatreMilestones: "6,4,2", // rules.md 3.6
		KeyPOAValidity:       "84",    // rules.md 3.7
		KeyRebookWithin:      "28",    // rules.md 2.1.1
		KeyPostponementHours: "24",    // rules.md 2.1.5
	}
	keys := SettingKeys()
	for k, v := range want {
		if got := p.Settings()[k]; got != v {
			t.Errorf("default %s = %q, want %q", k, got, v)
		}
		if !slices.Contains(keys, k) {
			t.Errorf("SettingKeys lacks %s", k)
		}
	}
	if len(p.Settings()) != len(keys) {
		t.Errorf("%d settings but %d keys", len(p.Settings()), len(keys))
	}
}

// TestTheatreSettingsSet: each admitted-care setting can be changed and
// values the rules cannot work with are refused.
func TestTheatreSettingsSet(t *testing.T) {
	for _, tt := range []struct {
		key, value string
		ok         bool
	}{
		{KeyTheatreMilestones, "6,4,2", true},
		{KeyTheatreMilestones, "8, 5, 3", true}, // the 8:5:3 variant (rules.md 3.6)
		{KeyTheatreMilestones, "2,4,6", false},  // must decrease
		{KeyTheatreMilestones, "6,6,2", false},  // strictly
		{KeyTheatreMilestones, "6,4,0", false},  // positive
		{KeyTheatreMilestones, "6,4", false},    // three steps
		{KeyTheatreMilestones, "8,6,4,2", false},
		{KeyTheatreMilestones, "", false},
		{KeyTheatreMilestones, "six,four,two", false},
		{KeyTheatreMilestones, "30,4,2", false}, // beyond half a year
		{KeyPOAValidity, "84", true},
		{KeyPOAValidity, "182", true}, // six months (rules.md 3.7)
		{KeyPOAValidity, "0", false},
		{KeyPOAValidity, "twelve weeks", false},
		{KeyRebookWithin, "28", true},
		{KeyRebookWithin, "21", true},  // a trust may be stricter
		{KeyRebookWithin, "29", false}, // the national pledge is 28 (rules.md 2.1.1)
		{KeyRebookWithin, "0", false},
		{KeyPostponementHours, "24", true},
		{KeyPostponementHours, "0", true}, // never a postponement
		{KeyPostponementHours, "48", false},
		{KeyPostponementHours, "-1", false},
	} {
		q := DefaultPolicy()
		if err := q.Set(tt.key, tt.value); (err == nil) != tt.ok {
			t.Errorf("Set(%s, %q) = %v, want ok %v", tt.key, tt.value, err, tt.ok)
		}
	}
}

// TestTheatreSettingsRoundTrip: changed values reach the policy's fields
// and read back, and a copy of the policy does not share the milestones.
func TestTheatreSettingsRoundTrip(t *testing.T) {
	q := DefaultPolicy()
	for k, v := range map[string]string{KeyTheatreMilestones: "8,5,3", KeyPOAValidity: "182",
		KeyRebookWithin: "21", KeyPostponementHours: "12"} {
		if err := q.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(q.TheatreMilestonesWeeks, []int{8, 5, 3}) || q.POAValidityDays != 182 ||
		q.RebookWithinDays != 21 || q.PostponementHours != 12 {
		t.Fatalf("policy after setting: %+v", q)
	}
	if got := q.Settings()[KeyTheatreMilestones]; got != "8,5,3" {
		t.Errorf("milestones read back %q", got)
	}
	r := DefaultPolicy()
	for k, v := range q.Settings() {
		if err := r.Set(k, v); err != nil {
			t.Errorf("Set(%s, %q) of its own setting: %v", k, v, err)
		}
	}
	if !slices.Equal(r.TheatreMilestonesWeeks, q.TheatreMilestonesWeeks) || !slices.Equal(DefaultPolicy().TheatreMilestonesWeeks, []int{6, 4, 2}) {
		t.Errorf("round trip %v, default %v", r.TheatreMilestonesWeeks, DefaultPolicy().TheatreMilestonesWeeks)
	}
}
