package elective

import (
	"strings"
	"time"
)

// OnCallWork is a stretch of work done during a non-resident on-call duty
// (a call in to the hospital, a long call by phone), recorded by staff
// afterwards. The rest expectation of non-resident on call (rules.md 4.3;
// TS-148) is judged from these: the time on call without work is rest.
type OnCallWork struct {
	ID      int64
	RotaID  int64
	StaffID int64
	// Date and ShiftCode name the on-call duty: the doctor's duty on that
	// date of the rota.
	Date       Date
	ShiftCode  string
	Start, End time.Time // instants, stored UTC
	Note       string
	RecordedBy string
	CreatedAt  time.Time
	// Removed is when the stretch was removed as entered in error (against
	// the wrong doctor or night, or mistyped), by RemovedBy for
	// RemovedReason. A removed stretch is kept for the record, as other
	// corrections are (an entered-in-error event, a cancelled room
	// booking), but no longer counts against the rest.
	Removed       time.Time
	RemovedBy     string
	RemovedReason string
}

// OnCallNoteMax bounds a work note: a line, not a clinical record.
const OnCallNoteMax = 200

// Validate checks the stretch's own fields; whether it lies within the
// duty and clear of other work is the store's check, against the duty.
func (w *OnCallWork) Validate() error {
	var p Problems
	switch {
	case w.Start.IsZero():
		p.Add("start", "Enter when the work started")
	case w.End.IsZero():
		p.Add("end", "Enter when the work ended")
	case !w.End.After(w.Start):
		p.Add("end", "The work must end after it starts")
	}
	if len(strings.TrimSpace(w.Note)) > OnCallNoteMax {
		p.Add("note", "Keep the note to %d characters", OnCallNoteMax)
	}
	return p.Err("The work was not recorded: check the fields marked")
}

// IsRemoved reports whether the stretch was removed as entered in error.
func (w *OnCallWork) IsRemoved() bool { return !w.Removed.IsZero() }

// ValidateRemoval checks that the stretch may be removed as entered in
// error with the reason given: once, and saying why, since the audit trail
// must show who removed work that changed a doctor's rest, when and why.
func (w *OnCallWork) ValidateRemoval(reason string) error {
	if w.IsRemoved() {
		return Errorf(ECONFLICT, "This work was already removed by %s", w.RemovedBy)
	}
	var p Problems
	switch reason = strings.TrimSpace(reason); {
	case reason == "":
		p.Add("reason", "Say why the work is removed, for example recorded against the wrong doctor")
	case len(reason) > OnCallNoteMax:
		p.Add("reason", "Keep the reason to %d characters", OnCallNoteMax)
	}
	return p.Err("The work was not removed: check the fields marked")
}

// OnCallRest is what the rest expectation of non-resident on call says
// about one 24 hours on call (rules.md 4.3: 8 hours' rest per 24 hours on
// call, at least 5 of them continuous between 22:00 and 07:00). A duty
// shorter than a day is one shorter period, whose rest is expected pro
// rata; the package rota says exactly how it is measured.
type OnCallRest struct {
	Start, End       time.Time
	WorkMinutes      int
	RestMinutes      int
	NightRestMinutes int // the longest continuous rest between 22:00 and 07:00 local
	NeedRestMinutes  int
	NeedNightMinutes int
	Met              bool
}

// OnCallDuty is a non-resident on-call duty with the work recorded on it
// and what the rest expectation says about each 24 hours of it.
type OnCallDuty struct {
	Rota       *Rota
	Duty       RotaDuty
	Shift      *ShiftType
	Start, End time.Time
	Work       []OnCallWork // the work that counts, in time order
	// Removed is the work removed from the duty as entered in error,
	// shown for the record and left out of the rest.
	Removed []OnCallWork
	Rest    []OnCallRest
	Met     bool // every period met the expectation
	// Next is the doctor's next duty on the rota if it starts within 24
	// hours of the on call ending: it is flagged for review when the rest
	// was not met.
	Next *RotaDuty
}

// RotaRestReview is a duty to review because the doctor did not get the
// rest expected on the non-resident on call before it (TS-148: the fatigue
// and rest rules are triggered). It is listed on the cover worklist for
// the coordinator to decide; nothing is changed automatically.
type RotaRestReview struct {
	StaffID   int64
	StaffName string
	OnCall    RotaDuty // the on-call duty whose rest was not met
	Duty      RotaDuty // the next duty, to review
	Rest      OnCallRest
	Message   string
}

// Figures are the rest figures to show in one line: the first 24 hours on
// call whose expectation was not met, else the first.
func (d OnCallDuty) Figures() OnCallRest {
	for _, r := range d.Rest {
		if !r.Met {
			return r
		}
	}
	if len(d.Rest) > 0 {
		return d.Rest[0]
	}
	return OnCallRest{}
}
