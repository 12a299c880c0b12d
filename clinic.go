package elective

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// SlotType says which patients a slot is for. New slots take first
// appointments of a period; follow-up slots take later ones.
type SlotType string

// Slot types.
const (
	SlotNew      SlotType = "new"
	SlotFollowUp SlotType = "follow-up"
)

// SlotTypes lists the slot types.
var SlotTypes = []SlotType{SlotNew, SlotFollowUp}

// Label is the slot type's name for staff.
func (t SlotType) Label() string {
	switch t {
	case SlotNew:
		return "New"
	case SlotFollowUp:
		return "Follow-up"
	}
	return string(t)
}

// TemplateSlot is one slot of a clinic template, in order from the session
// start.
type TemplateSlot struct {
	Type    SlotType
	Minutes int
	// Reserved rings the slot for urgent referrals (PriorityUrgent: urgent
	// and two-week wait) or two-week waits only, until it is released to
	// everyone a set number of days before the session (Slot.OpenTo).
	// Empty: any priority.
	Reserved Priority
	// LocalOnly: booked by the booking office, never offered in e-RS.
	LocalOnly bool
}

// TemplateException is a one-off change to a template's pattern: a closed
// date (a training day) or an extra session, made without editing the
// pattern.
type TemplateException struct {
	Date   Date
	Extra  bool // an extra session; false means the clinic is closed that day
	Reason string
}

// ClinicTemplate describes a clinic that recurs on one weekday, every week,
// every few weeks or in chosen weeks of the month, between its effective
// dates (EffectiveTo zero: open-ended). Bank holidays of England and Wales
// are skipped unless OpenOnBankHolidays; package calendar turns a template
// into its session dates.
type ClinicTemplate struct {
	ID            int64
	Code          string // clinic code, e.g. "ORTH-SMI-MON-AM"
	Name          string
	ClinicianID   int64
	SpecialtyID   int64
	SiteID        int64
	Room          string
	Weekday       time.Weekday
	StartMinute   int // minutes after local midnight, e.g. 540 for 09:00
	EffectiveFrom Date
	EffectiveTo   Date
	Slots         []TemplateSlot

	Every              int   // 1 or 0: weekly; 2: fortnightly from the first session …
	WeeksOfMonth       []int // e.g. 1 and 3: the first and third weekday of the month; -1 the last
	OpenOnBankHolidays bool
	Exceptions         []TemplateException
}

// PatternLabel says when the clinic recurs, for staff: "Every Monday",
// "Every 2 weeks on Monday", "1st and 3rd Monday of the month".
func (t *ClinicTemplate) PatternLabel() string {
	day := t.Weekday.String()
	switch {
	case len(t.WeeksOfMonth) > 0:
		var parts []string
		for _, w := range t.WeeksOfMonth {
			parts = append(parts, ordinal(w))
		}
		return strings.Join(parts, ", ") + " " + day + " of the month"
	case t.Every > 1:
		return "Every " + strconv.Itoa(t.Every) + " weeks on " + day
	}
	return "Every " + day
}

func ordinal(w int) string {
	switch w {
	case -1:
		return "last"
	case 1:
		return "1st"
	case 2:
		return "2nd"
	case 3:
		return "3rd"
	}
	return strconv.Itoa(w) + "th"
}

// Minutes is the session length: the sum of the slot lengths.
func (t *ClinicTemplate) Minutes() int {
	n := 0
	for _, s := range t.Slots {
		n += s.Minutes
	}
	return n
}

// Session returns the session the template holds on date d, with its slots,
// placed in local time loc (a 09:00 clinic stays at 09:00 across clock
// changes). IDs are left zero.
func (t *ClinicTemplate) Session(d Date, loc *time.Location) (*ClinicSession, []*Slot) {
	start := d.At(t.StartMinute/60, t.StartMinute%60, loc)
	s := &ClinicSession{
		TemplateID: t.ID, ClinicianID: t.ClinicianID, SpecialtyID: t.SpecialtyID, SiteID: t.SiteID,
		Room: t.Room, Date: d, Start: start, End: start.Add(time.Duration(t.Minutes()) * time.Minute),
		Status: SessionOpen,
	}
	slots := make([]*Slot, len(t.Slots))
	at := start
	for i, ts := range t.Slots {
		slots[i] = &Slot{Start: at, Minutes: ts.Minutes, Type: ts.Type, Reserved: ts.Reserved, LocalOnly: ts.LocalOnly}
		at = at.Add(time.Duration(ts.Minutes) * time.Minute)
	}
	return s, slots
}

// Validate checks a template before it is saved.
func (t *ClinicTemplate) Validate() error {
	var probs Problems
	if strings.TrimSpace(t.Code) == "" {
		probs.Add("code", "Enter a clinic code")
	}
	if t.ClinicianID == 0 || t.SpecialtyID == 0 || t.SiteID == 0 {
		probs.Add("clinician_id", "Select the clinician, specialty and site")
	}
	if t.StartMinute < 6*60 || t.StartMinute+t.Minutes() > 22*60 {
		probs.Add("start", "A clinic must run between 06:00 and 22:00")
	}
	if len(t.Slots) == 0 {
		probs.Add("slots", "A clinic needs at least one slot")
	}
	for _, s := range t.Slots {
		if s.Minutes < 5 || s.Minutes > 240 || (s.Type != SlotNew && s.Type != SlotFollowUp) {
			probs.Add("slots", "Each slot needs a type (new or follow-up) and 5 to 240 minutes")
			break
		}
	}
	if t.EffectiveFrom.IsZero() {
		probs.Add("effective_from", "Enter the date the template starts")
	} else if !t.EffectiveTo.IsZero() && t.EffectiveTo.Before(t.EffectiveFrom) {
		probs.Add("effective_to", "The end date must be on or after the start date")
	}
	return probs.Err("The clinic template was not saved")
}

// SessionStatus says whether a session runs.
type SessionStatus string

// Session statuses.
const (
	SessionOpen      SessionStatus = "open"
	SessionCancelled SessionStatus = "cancelled"
)

// ClinicSession is one occurrence of a clinic on a date.
type ClinicSession struct {
	ID          int64
	TemplateID  int64
	ClinicianID int64
	SpecialtyID int64
	SiteID      int64
	Room        string
	Date        Date
	Start       time.Time
	End         time.Time
	Status      SessionStatus
}

// Slot is bookable time inside a session. AppointmentID is the active
// booking, 0 when the slot is free.
type Slot struct {
	ID            int64
	SessionID     int64
	Start         time.Time
	Minutes       int
	Type          SlotType
	Reserved      Priority // ring-fenced for this priority and more urgent ones; "" any (TemplateSlot)
	LocalOnly     bool     // not bookable in e-RS
	AppointmentID int64

	// Joined for display.
	Session   *ClinicSession
	Clinician *Clinician
	Site      *Site
}

// SlotFilter selects slots. Zero fields do not filter.
type SlotFilter struct {
	SpecialtyID int64
	ClinicianID int64
	SiteID      int64
	Type        SlotType
	From        time.Time // slots starting at or after
	To          Date      // on or before this date
	FreeOnly    bool
	Limit       int
}

// ClinicService manages clinic templates and the sessions and slots made
// from them.
type ClinicService interface {
	// CreateClinicTemplate validates and saves a template. Returns EINVALID
	// if it breaks a rule.
	CreateClinicTemplate(ctx context.Context, t *ClinicTemplate) error

	// FindClinicTemplates returns the templates, for one specialty when
	// specialtyID is not 0.
	FindClinicTemplates(ctx context.Context, specialtyID int64) ([]*ClinicTemplate, error)

	// FindClinicTemplate returns one template. Returns ENOTFOUND if none.
	FindClinicTemplate(ctx context.Context, id int64) (*ClinicTemplate, error)

	// AddTemplateException adds a closure or an extra session to a
	// template and makes an extra session at once. A closure on a date
	// whose session exists is refused: cancelling that session is the
	// clinic-cancellation cascade, which rebooks its patients.
	AddTemplateException(ctx context.Context, templateID int64, e TemplateException) error

	// GenerateSessions makes the sessions and slots every template holds
	// between from and to. It is idempotent: sessions already made are kept.
	GenerateSessions(ctx context.Context, from, to Date) (int, error)

	// FindSlots returns slots in start order with their session, clinician
	// and site.
	FindSlots(ctx context.Context, filter SlotFilter) ([]*Slot, error)
}
