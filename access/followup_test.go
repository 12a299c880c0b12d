package access

import (
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// TestBookBeforeLeaving: within six weeks the follow-up is booked at once
// (rules.md 3.4 fullBookHorizonDays = 42).
func TestBookBeforeLeaving(t *testing.T) {
	today := d("2026-11-23")
	for _, tt := range []struct {
		due  string
		want bool
	}{{"2026-12-01", true}, {"2027-01-04", true}, {"2027-01-05", false}, {"2027-05-01", false}} {
		if got := BookBeforeLeaving(d(tt.due), today, rtt.DefaultPolicy()); got != tt.want {
			t.Errorf("due %s: %v, want %v", tt.due, got, tt.want)
		}
	}
}

// TestPartialBookingStage: invitation 42 days before due, 14 days to reply,
// a reminder, 14 more days, then a clinician's review; overdue once past
// the due date (rules.md 3.4).
func TestPartialBookingStage(t *testing.T) {
	due := d("2027-03-01") // invite on 2027-01-18
	tests := []struct {
		today, invited, reminded string
		want                     Stage
	}{
		{"2027-01-17", "", "", StageWaiting},
		{"2027-01-18", "", "", StageInviteDue},
		{"2027-01-25", "", "", StageInviteDue}, // the job was late: invite now
		{"2027-01-31", "2027-01-18", "", StageAwaitingReply},
		{"2027-02-01", "2027-01-18", "", StageReminderDue},
		{"2027-02-14", "2027-01-18", "2027-02-01", StageAwaitingPostRem},
		{"2027-02-15", "2027-01-18", "2027-02-01", StageReviewDue},
		{"2027-03-01", "2027-01-18", "2027-02-01", StageReviewDue},
		{"2027-03-02", "2027-01-18", "2027-02-01", StageOverdue},
		{"2027-03-02", "", "", StageOverdue},
	}
	date := func(s string) elective.Date {
		if s == "" {
			return elective.Date{}
		}
		return d(s)
	}
	for _, tt := range tests {
		f := &elective.FollowUp{Due: due, InvitedOn: date(tt.invited), RemindedOn: date(tt.reminded)}
		if got := PartialBookingStage(f, d(tt.today), rtt.DefaultPolicy()); got != tt.want {
			t.Errorf("today %s invited %q reminded %q: %s, want %s", tt.today, tt.invited, tt.reminded, got, tt.want)
		}
	}
	if RespondBy(d("2027-01-18"), rtt.DefaultPolicy()) != d("2027-02-01") {
		t.Error("respond by")
	}
	if !PIFUExpired(&elective.FollowUp{Due: d("2027-01-01")}, d("2027-01-02")) || PIFUExpired(&elective.FollowUp{Due: d("2027-01-01")}, d("2027-01-01")) {
		t.Error("PIFU expiry")
	}
}
