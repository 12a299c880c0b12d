package web

import (
	"testing"

	"github.com/openelective/elective"
)

// TestWeeklyUse: sessions add up by Monday-to-Sunday week in date order,
// cancelled sessions count apart, and a week under the under-used line is
// marked (and drawn red).
func TestWeeklyUse(t *testing.T) {
	d := elective.MustParseDate
	row := func(day string, slots, booked int, status elective.SessionStatus) UtilisationRow {
		return UtilisationRow{SessionUtilisation: &elective.SessionUtilisation{
			Session: &elective.ClinicSession{Date: d(day), Status: status}, Slots: slots, Booked: booked}}
	}
	rows := []UtilisationRow{
		row("2026-12-08", 10, 10, elective.SessionOpen), // Tuesday, week of 7 Dec
		row("2026-11-30", 10, 5, elective.SessionOpen),  // Monday 30 Nov
		row("2026-12-06", 10, 10, elective.SessionOpen), // Sunday: still the week of 30 Nov
		row("2026-12-09", 10, 0, elective.SessionCancelled),
	}
	weeks := weeklyUse(rows)
	if len(weeks) != 2 || weeks[0].Monday != d("2026-11-30") || weeks[0].Slots != 20 || weeks[0].BookedPct != 75 || !weeks[0].UnderUsed {
		t.Fatalf("weeks = %+v", weeks)
	}
	if w := weeks[1]; w.Slots != 10 || w.BookedPct != 100 || w.UnderUsed || w.Cancelled != 1 || w.SessionCount != 2 {
		t.Fatalf("second week = %+v", w)
	}
	c := weeklyUseChart(weeks)
	if len(c.Bars) != 2 || c.Bars[0].Class != "app-chart__bar--breached" || c.Bars[1].Class != "" || c.Bars[0].Label != "30 Nov" {
		t.Errorf("chart bars = %+v", c.Bars)
	}
}
