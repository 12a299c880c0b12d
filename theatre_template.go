package elective

import (
	"context"
	"time"
)

// MaxTemplateEvery is the longest repeat of a theatre template in weeks,
// as for clinic templates (calendar.MaxEvery).
const MaxTemplateEvery = 8

// TheatreTemplate is a theatre or endoscopy room's standing list: the same
// weekday and part of the day every Every weeks while it is in force, with
// its owner surgeon, anaesthetist, list type and kit (the issue's "session
// templates per theatre"). Sessions are made from it for the booking
// horizon, skipping bank holidays; each then goes through 6-4-2 on its own
// (rules.md 3.6).
type TheatreTemplate struct {
	ID           int64
	TheatreID    int64
	SpecialtyID  int64
	SurgeonID    int64  // the owner; 0 while unassigned
	Anaesthetist string // name, if known
	Weekday      time.Weekday
	Period       SessionPeriod
	StartMinute  int // minutes after local midnight
	Minutes      int
	ListType     TheatreListType
	Kit          []string // equipment available in the sessions
	// Every is the repeat in weeks: 1 weekly, 2 fortnightly, counted from
	// the first such weekday on or after EffectiveFrom.
	Every         int
	EffectiveFrom Date
	EffectiveTo   Date // inclusive; zero: open-ended
	// Exceptions are dates the list does not run, or extra lists, without
	// changing the pattern.
	Exceptions []TemplateException

	// Joined for display.
	TheatreName   string
	SpecialtyName string
	SurgeonName   string
}

// Validate checks the template's own fields, naming each bad one for the
// form; the store checks the theatre, specialty and surgeon exist.
func (t *TheatreTemplate) Validate() error {
	var p Problems
	if t.TheatreID == 0 {
		p.Add("theatre", "Choose a theatre")
	}
	if t.SpecialtyID == 0 {
		p.Add("specialty", "Choose the specialty the lists are for")
	}
	if t.Weekday < time.Sunday || t.Weekday > time.Saturday {
		p.Add("weekday", "Choose the day of the week")
	}
	switch t.Period {
	case PeriodMorning, PeriodAfternoon, PeriodAllDay:
	default:
		p.Add("period", "Choose morning, afternoon or all day")
	}
	if t.Minutes <= 0 || t.StartMinute < 0 || t.StartMinute+t.Minutes > 24*60 {
		p.Add("minutes", "The list must start and end within the day")
	}
	if !t.ListType.valid() {
		p.Add("list_type", "Choose the list type")
	}
	if t.Every < 1 || t.Every > MaxTemplateEvery {
		p.Add("every", "Repeat every 1 to %d weeks", MaxTemplateEvery)
	}
	if t.EffectiveFrom.IsZero() {
		p.Add("effective_from", "Enter the date the template starts")
	} else if !t.EffectiveTo.IsZero() && t.EffectiveTo.Before(t.EffectiveFrom) {
		p.Add("effective_to", "The end date cannot be before the start")
	}
	return p.Err("The template cannot be added: check the fields marked")
}

func (lt TheatreListType) valid() bool {
	for _, v := range TheatreListTypes {
		if v == lt {
			return true
		}
	}
	return false
}

// Overlaps reports whether the template's sessions and o's would use the
// same theatre at the same time on a weekday both run: the same part of
// the day, or times that overlap (an all-day list against a morning).
// Whether they share a date is for the schedules to say.
func (t *TheatreTemplate) Overlaps(o *TheatreTemplate) bool {
	if t.TheatreID != o.TheatreID || t.Weekday != o.Weekday {
		return false
	}
	return t.Period == o.Period ||
		(t.StartMinute < o.StartMinute+o.Minutes && o.StartMinute < t.StartMinute+t.Minutes)
}

// Session is the template's session on date d, planned, with staff not
// yet confirmed, naming the template it was made from.
func (t *TheatreTemplate) Session(d Date) *TheatreSession {
	return &TheatreSession{TheatreID: t.TheatreID, SpecialtyID: t.SpecialtyID, Date: d, Period: t.Period,
		StartMinute: t.StartMinute, Minutes: t.Minutes, SurgeonID: t.SurgeonID, Anaesthetist: t.Anaesthetist,
		ListType: t.ListType, Kit: append([]string(nil), t.Kit...), TemplateID: t.ID, Status: SessionPlanned}
}

// TheatreTemplateService keeps theatre session templates and makes the
// sessions they describe.
type TheatreTemplateService interface {
	// CreateTheatreTemplate checks and adds a template. EINVALID naming
	// the bad fields; ECONFLICT if another template of the theatre holds
	// it at the same time on a date both run.
	CreateTheatreTemplate(ctx context.Context, t *TheatreTemplate) error
	// FindTheatreTemplates returns the templates by theatre, weekday and
	// start.
	FindTheatreTemplates(ctx context.Context) ([]*TheatreTemplate, error)
	// FindTheatreTemplate returns one template. ENOTFOUND if absent.
	FindTheatreTemplate(ctx context.Context, id int64) (*TheatreTemplate, error)
	// GenerateTheatreSessions makes the sessions of every template for its
	// dates in from..to (not before today) not already made, skipping
	// England and Wales bank holidays and dates where the theatre already
	// has a list at that time. Running it again makes nothing new. It
	// returns how many sessions it made.
	GenerateTheatreSessions(ctx context.Context, from, to Date) (int, error)
	// EndTheatreTemplate makes last the template's last date and releases
	// the later sessions made from it; EINVALID for a date before today or
	// the template's start, ECONFLICT naming the dates if any later session
	// still has patients booked (nothing is changed). It returns how many
	// sessions it released.
	EndTheatreTemplate(ctx context.Context, id int64, last Date, reason string) (int, error)
	// AddTheatreTemplateException closes a date of the template (releasing
	// its session, refused while patients are booked) or adds an extra
	// list; it returns the sessions released.
	AddTheatreTemplateException(ctx context.Context, id int64, e TemplateException) (int, error)
	// PreviewTheatreTemplateEdit says what an edit would do to the
	// template's lists, changing nothing: EINVALID naming the bad fields,
	// ECONFLICT if another template of the theatre holds it at the new
	// time, ENOTFOUND for an unknown template.
	PreviewTheatreTemplateEdit(ctx context.Context, e TheatreTemplateEdit) (*TheatreTemplateEditPreview, error)
	// EditTheatreTemplate changes the template and its lists from
	// e.ApplyFrom as previewed, in one transaction. As the preview's
	// errors, and ECONFLICT (nothing changed) naming each booked case the
	// change would no longer fit, by procedure and list date, unless it
	// is in e.TakeOff, or a list whose theatre is in use at the new time;
	// EFORBIDDEN when locked lists are included by someone who is not a
	// booking manager.
	EditTheatreTemplate(ctx context.Context, e TheatreTemplateEdit) (*TheatreTemplateEdited, error)
}
