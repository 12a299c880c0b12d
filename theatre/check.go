package theatre

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

// CheckCase says whether the listed patient e can be booked on session s
// for minutes of theatre time, with the cases already booked on it, the
// patient's stated unavailability, the shared resources (res, for which
// kit is mobile; nil: none) and today's date. It returns nil or an
// EINVALID error naming the first thing wrong, checked in this order:
// minutes not positive; the list released; the list not after today; the
// patient not waiting for a date (or found not fit at pre-operative
// assessment, rules.md 3.7); another surgeon's patient (or, for an entry
// with no surgeon, another specialty's); the wrong list type (FitsListType);
// fixed kit the case needs that the list lacks (mobile kit goes to any
// list: how many lists use it at once is CheckSharedKit's); the case alone
// longer than the list; the list over its minutes; the patient unavailable
// on the date.
//
// A pre-operative assessment not yet done or expiring is not a reason to
// refuse: lists are booked before the assessment, and ListWarnings shows
// it. Locked lists are for the caller (NeedsOverride) to police.
func CheckCase(s *elective.TheatreSession, booked []*elective.TheatreCase, e *elective.AdmittedListEntry,
	minutes int, unavailable []*elective.Unavailability, res *elective.TheatreResources, today elective.Date) error {
	if s == nil || e == nil {
		return elective.Errorf(elective.EINVALID, "Choose a list and a patient")
	}
	for _, check := range []func() string{
		func() string { return checkMinutes(minutes) },
		func() string { return checkSession(s, today) },
		func() string { return checkEntry(e) },
		func() string { return checkOwner(s, e) },
		func() string { return FitsListType(s.ListType, e) },
		func() string { return checkKit(s, e, res) },
		func() string { return checkTime(s, booked, e, minutes) },
		func() string { return checkAvailable(s.Date, e, unavailable) },
	} {
		if msg := check(); msg != "" {
			return elective.Errorf(elective.EINVALID, "%s", msg)
		}
	}
	return nil
}

func checkMinutes(minutes int) string {
	if minutes <= 0 {
		return "Enter the planned minutes of the case: more than 0"
	}
	return ""
}

func checkSession(s *elective.TheatreSession, today elective.Date) string {
	if s.Status == elective.SessionReleased {
		msg := "The list on " + staffDate(s.Date) + " was released"
		if s.ReleasedReason != "" {
			msg += " (" + s.ReleasedReason + ")"
		}
		return msg + ": it takes no cases"
	}
	if !s.Date.After(today) {
		return "The list is on " + staffDate(s.Date) + ": cases can only be booked on lists after today"
	}
	return ""
}

func checkEntry(e *elective.AdmittedListEntry) string {
	switch e.Status {
	case elective.AdmittedWaiting:
	case elective.AdmittedScheduled:
		return "The patient already has a date: take the case off its list first"
	case elective.AdmittedTreated:
		return "The patient has already been treated"
	case elective.AdmittedRemoved:
		return "The patient has been removed from the waiting list"
	default:
		return fmt.Sprintf("The patient is not waiting for a date (%q)", e.Status)
	}
	if e.POA != nil && e.POA.Outcome == elective.PreOpNotFit {
		return "The patient was not fit for surgery at the pre-operative assessment: they cannot go on a list"
	}
	return ""
}

// checkOwner keeps a surgeon's patients on that surgeon's lists.
func checkOwner(s *elective.TheatreSession, e *elective.AdmittedListEntry) string {
	if e.SurgeonID != 0 && e.SurgeonID != s.SurgeonID {
		if s.SurgeonID == 0 {
			return possessive(e.SurgeonName, e.SurgeonID) + " patient cannot go on a list with no surgeon"
		}
		return possessive(e.SurgeonName, e.SurgeonID) + " patient cannot go on " + possessive(s.SurgeonName, s.SurgeonID) + " list"
	}
	if e.SurgeonID == 0 && e.SpecialtyID != 0 && s.SpecialtyID != 0 && e.SpecialtyID != s.SpecialtyID {
		return "The patient is listed in " + named(e.SpecialtyName, "specialty", e.SpecialtyID) +
			": they cannot go on a list of " + named(s.SpecialtyName, "specialty", s.SpecialtyID)
	}
	return ""
}

// possessive is "Ms Y's", or "surgeon 12's" when the name is not known.
func possessive(name string, id int64) string {
	return named(name, "surgeon", id) + "'s"
}

func named(name, what string, id int64) string {
	if name = strings.TrimSpace(name); name != "" {
		return name
	}
	return what + " " + strconv.FormatInt(id, 10)
}

// checkKit names the fixed equipment the case needs that the list lacks:
// mobile kit in res can be brought to any theatre.
func checkKit(s *elective.TheatreSession, e *elective.AdmittedListEntry, res *elective.TheatreResources) string {
	var missing []string
	for _, k := range e.Kit {
		if key := kitKey(k); key != "" && !hasItem(s.Kit, key) && !res.IsMobile(k) {
			missing = append(missing, strings.TrimSpace(k))
		}
	}
	if len(missing) == 0 {
		return ""
	}
	return "The case needs the " + strings.Join(missing, " and the ") + ": the list does not have it, and it is not mobile kit"
}

// kitKey is an equipment name compared without case or spaces around it.
func kitKey(k string) string { return elective.KitKey(k) }

// checkTime keeps the case, and the list with it, within the session.
func checkTime(s *elective.TheatreSession, booked []*elective.TheatreCase, e *elective.AdmittedListEntry, minutes int) string {
	if minutes > s.Minutes {
		return fmt.Sprintf("The case needs %d minutes; the session has %d", minutes, s.Minutes)
	}
	total := minutes + bookedMinutes(booked, e.ID)
	if total > s.Minutes {
		return fmt.Sprintf("The list would run %d minutes over (%d of %d minutes)", total-s.Minutes, total, s.Minutes)
	}
	return ""
}

// bookedMinutes adds up the cases still on a list (not cancelled), leaving
// out any case of the entry skip.
func bookedMinutes(cases []*elective.TheatreCase, skip int64) int {
	n := 0
	for _, c := range cases {
		if c != nil && c.Status != elective.CaseCancelled && (skip == 0 || c.EntryID != skip) {
			n += c.Minutes
		}
	}
	return n
}

// checkAvailable refuses a date the patient said they cannot come.
func checkAvailable(on elective.Date, e *elective.AdmittedListEntry, unavailable []*elective.Unavailability) string {
	for _, u := range unavailable {
		if u == nil || (u.PatientID != 0 && e.PatientID != 0 && u.PatientID != e.PatientID) || !u.Covers(on) {
			continue
		}
		msg := "The patient is unavailable from " + staffDate(u.From) + " to " + staffDate(u.To)
		if u.Reason != "" {
			msg += " (" + u.Reason + ")"
		}
		return msg
	}
	return ""
}
