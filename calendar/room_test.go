package calendar

import (
	"testing"
	"time"

	"github.com/openelective/elective"
)

// TestBookingClash: a clinic reserves its room (issue 6, rooms), so a
// template is refused over a meeting already booked there on a date and
// at a time it would run, and is free of bookings on other days, at other
// times, before it starts, or that only touch its ends.
func TestBookingClash(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	d := elective.MustParseDate
	at := func(date string, h, m int) time.Time { return d(date).At(h, m, london) }
	clinic := &elective.ClinicTemplate{Code: "KNEE", Name: "Knee clinic", Weekday: time.Monday, EffectiveFrom: d("2026-11-23"),
		StartMinute: 9 * 60, Slots: []elective.TemplateSlot{{Minutes: 45}, {Minutes: 45}}} // Mondays 09:00-10:30
	booking := func(purpose, date string, h1, m1, h2, m2 int) *elective.RoomUse {
		return &elective.RoomUse{Kind: elective.UseBooking, Title: purpose, Start: at(date, h1, m1), End: at(date, h2, m2)}
	}
	tests := []struct {
		name     string
		bookings []*elective.RoomUse
		from, to string // to "" for no end
		want     string // the clashing booking's purpose, "" for none
		on       string
	}{
		{"no bookings", nil, "2026-11-23", "", "", ""},
		{"a meeting over the clinic", []*elective.RoomUse{booking("MDT", "2026-11-30", 10, 0, 11, 0)}, "2026-11-23", "", "MDT", "2026-11-30"},
		{"a meeting after it", []*elective.RoomUse{booking("MDT", "2026-11-30", 10, 30, 11, 30)}, "2026-11-23", "", "", ""},
		{"a meeting ending as it starts", []*elective.RoomUse{booking("Huddle", "2026-11-30", 8, 0, 9, 0)}, "2026-11-23", "", "", ""},
		{"a Tuesday meeting", []*elective.RoomUse{booking("MDT", "2026-12-01", 9, 0, 10, 0)}, "2026-11-23", "", "", ""},
		{"a meeting before the clinic starts running", []*elective.RoomUse{booking("MDT", "2026-11-23", 9, 0, 10, 0)}, "2026-11-24", "", "", ""},
		{"the earliest of two", []*elective.RoomUse{booking("Later", "2026-12-14", 9, 0, 9, 30), booking("Sooner", "2026-12-07", 10, 0, 10, 15)},
			"2026-11-23", "", "Sooner", "2026-12-07"},
		{"one date only: an extra session", []*elective.RoomUse{booking("Later", "2026-12-14", 9, 0, 9, 30), booking("Sooner", "2026-12-07", 10, 0, 10, 15)},
			"2026-12-14", "2026-12-14", "Later", "2026-12-14"},
	}
	for _, tt := range tests {
		var to elective.Date
		if tt.to != "" {
			to = d(tt.to)
		}
		got, on := BookingClash(clinic, tt.bookings, d(tt.from), to, london)
		switch {
		case tt.want == "" && got != nil:
			t.Errorf("%s: clash with %s, want none", tt.name, got.Title)
		case tt.want != "" && (got == nil || got.Title != tt.want || on != d(tt.on)):
			t.Errorf("%s: %v on %v, want %s on %s", tt.name, got, on, tt.want, tt.on)
		}
	}
}

// TestRoomUses: the sessions a template will hold in its room, leaving
// out dates whose sessions are already made (they speak for themselves),
// at local times across the clock change.
func TestRoomUses(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	d := elective.MustParseDate
	clinic := &elective.ClinicTemplate{Code: "KNEE", Weekday: time.Monday, EffectiveFrom: d("2027-10-18"),
		StartMinute: 9 * 60, Slots: []elective.TemplateSlot{{Minutes: 60}}}
	uses := RoomUses(clinic, d("2027-10-18"), d("2027-11-01"), map[elective.Date]bool{d("2027-10-18"): true}, london)
	if len(uses) != 2 {
		t.Fatalf("%d uses, want 2 (25 Oct and 1 Nov)", len(uses))
	}
	if got := uses[0].Start.UTC().Format(time.RFC3339); got != "2027-10-25T08:00:00Z" {
		t.Errorf("first use starts %s, want 08:00 UTC (09:00 BST)", got)
	}
	if got := uses[1].Start.UTC().Format(time.RFC3339); got != "2027-11-01T09:00:00Z" {
		t.Errorf("second use starts %s, want 09:00 UTC (09:00 GMT, after the clocks go back)", got)
	}
	if uses[0].Title != "KNEE" || uses[0].Kind != elective.UseClinic {
		t.Errorf("use %+v: want the clinic's code as its title", uses[0])
	}
}
