package elective

import (
	"strings"
	"testing"
)

// TestSessionAlerts: under-used below 85%, a DNA rate above 10% once five
// outcomes are known (rules.md 3.3), freed slots never refilled in a past
// session; nothing for a cancelled session or one beyond the horizon.
func TestSessionAlerts(t *testing.T) {
	today := MustParseDate("2026-11-23")
	horizon := today.AddDays(14)
	sess := func(day string, status SessionStatus) *ClinicSession {
		return &ClinicSession{Date: MustParseDate(day), Status: status}
	}
	tests := []struct {
		name string
		u    SessionUtilisation
		want []string
	}{
		{"full and attended", SessionUtilisation{Session: sess("2026-11-16", SessionOpen), Slots: 10, Booked: 10, Attended: 10}, nil},
		{"under-used", SessionUtilisation{Session: sess("2026-11-30", SessionOpen), Slots: 10, Booked: 8}, []string{"Under-used: 80% booked"}},
		{"85% is enough", SessionUtilisation{Session: sess("2026-11-30", SessionOpen), Slots: 20, Booked: 17}, nil},
		{"high DNA", SessionUtilisation{Session: sess("2026-11-16", SessionOpen), Slots: 10, Booked: 10, Attended: 8, DNA: 2}, []string{"High DNA rate: 20%"}},
		{"too few outcomes to judge", SessionUtilisation{Session: sess("2026-11-16", SessionOpen), Slots: 4, Booked: 4, Attended: 3, DNA: 1}, nil},
		{"freed and not refilled", SessionUtilisation{Session: sess("2026-11-16", SessionOpen), Slots: 10, Booked: 9, Attended: 9, Unfilled: 1},
			[]string{"1 freed slots never refilled"}},
		{"cancelled", SessionUtilisation{Session: sess("2026-11-30", SessionCancelled), Slots: 10}, nil},
		{"beyond the horizon", SessionUtilisation{Session: sess("2027-01-30", SessionOpen), Slots: 10}, nil},
	}
	for _, tt := range tests {
		got := tt.u.Alerts(today, horizon)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], tt.want[i]) {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}

// TestCapacityAlert: demand over capacity, no free capacity, or a backlog
// longer than the 18-week standard to book.
func TestCapacityAlert(t *testing.T) {
	tests := []struct {
		c    CapacityDemand
		want string
	}{
		{CapacityDemand{NewSlotsWeek: 40, FreeSlotsWeek: 10, ReferralsWeek: 35, Unbooked: 100}, ""},
		{CapacityDemand{NewSlotsWeek: 30, FreeSlotsWeek: 10, ReferralsWeek: 35, Unbooked: 100}, "exceeds capacity by 5"},
		{CapacityDemand{NewSlotsWeek: 30, FreeSlotsWeek: 0, ReferralsWeek: 20, Unbooked: 10}, "No free new slots"},
		{CapacityDemand{NewSlotsWeek: 40, FreeSlotsWeek: 5, ReferralsWeek: 35, Unbooked: 100}, "20 weeks"},
	}
	for _, tt := range tests {
		if got := tt.c.Alert(); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}
