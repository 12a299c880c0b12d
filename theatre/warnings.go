package theatre

import (
	"fmt"
	"slices"
	"sort"

	"github.com/openelective/elective"
)

// Warning kinds.
const (
	WarnOverrun      = "overrun"       // the booked cases run past the session's minutes
	WarnKit          = "kit"           // more lists need an item of kit at once than there are
	WarnBeds         = "beds"          // more inpatients than elective beds on a night
	WarnCriticalCare = "critical-care" // a case needs an HDU or ITU bed after surgery
	WarnPOA          = "poa"           // a case's pre-operative assessment does not make it ready
)

// Warning is a problem with a set of theatre lists that does not stop a
// booking but needs a person to look: it names the session and, for a
// problem with one case, the entry.
type Warning struct {
	SessionID, EntryID int64
	Kind, Text         string
}

// ListWarnings checks a set of theatre lists together, as the planning
// pages show them. res.Kit is the number of each shared item of equipment
// the hospital has (names compared without case; an item not in the map is
// not shared, so not checked; mobile kit, res.Mobile, is named so; "HDU"
// and "ITU" entries, if present, are the critical-care beds available each
// day). res.Beds is the elective beds for inpatients (0: not planned by
// beds); nil res shares nothing. poa returns an entry's latest
// pre-operative assessment (nil func: the case's Entry.POA). Released
// sessions and cancelled cases are left out, and cases with no Entry are
// counted only for minutes. Beds count only the cases of these sessions,
// not patients admitted before them. Warnings come in session order (date,
// start, theatre, ID), then by kind as listed above.
func ListWarnings(sessions []*elective.TheatreSession, res *elective.TheatreResources,
	poa func(entryID int64) *elective.PreOpAssessment) []Warning {
	live := liveSessions(sessions)
	counts := sharedCounts(res)
	var out []Warning
	out = append(out, overruns(live)...)
	out = append(out, kitConflicts(live, counts, res)...)
	if res != nil && res.Beds > 0 {
		out = append(out, bedShortages(live, res.Beds)...)
	}
	out = append(out, criticalCare(live, counts)...)
	out = append(out, poaProblems(live, poa)...)
	rank := map[int64]int{}
	for i, s := range live {
		rank[s.ID] = i
	}
	kinds := []string{WarnOverrun, WarnKit, WarnBeds, WarnCriticalCare, WarnPOA}
	sort.SliceStable(out, func(i, j int) bool {
		if a, b := rank[out[i].SessionID], rank[out[j].SessionID]; a != b {
			return a < b
		}
		return slices.Index(kinds, out[i].Kind) < slices.Index(kinds, out[j].Kind)
	})
	return out
}

// liveSessions are the sessions not released, in date and start order.
func liveSessions(sessions []*elective.TheatreSession) []*elective.TheatreSession {
	var live []*elective.TheatreSession
	for _, s := range sessions {
		if s != nil && s.Status != elective.SessionReleased {
			live = append(live, s)
		}
	}
	slices.SortStableFunc(live, func(a, b *elective.TheatreSession) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if a.StartMinute != b.StartMinute {
			return a.StartMinute - b.StartMinute
		}
		if a.TheatreID != b.TheatreID {
			return cmpID(a.TheatreID, b.TheatreID)
		}
		return cmpID(a.ID, b.ID)
	})
	return live
}

func cmpID(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// liveCases are a session's cases not cancelled, with their entries.
func liveCases(s *elective.TheatreSession) []*elective.TheatreCase {
	var out []*elective.TheatreCase
	for _, c := range s.Cases {
		if c != nil && c.Status != elective.CaseCancelled && c.Entry != nil {
			out = append(out, c)
		}
	}
	return out
}

func overruns(live []*elective.TheatreSession) []Warning {
	var out []Warning
	for _, s := range live {
		if n := bookedMinutes(s.Cases, 0); n > s.Minutes {
			out = append(out, Warning{SessionID: s.ID, Kind: WarnOverrun,
				Text: fmt.Sprintf("The list runs %d minutes over (%d of %d minutes)", n-s.Minutes, n, s.Minutes)})
		}
	}
	return out
}

func poaProblems(live []*elective.TheatreSession, poa func(int64) *elective.PreOpAssessment) []Warning {
	var out []Warning
	for _, s := range live {
		for _, c := range liveCases(s) {
			p := c.Entry.POA
			if poa != nil {
				p = poa(c.EntryID)
			}
			if chk := CheckPOA(p, s.Date); !chk.OK {
				out = append(out, Warning{SessionID: s.ID, EntryID: c.EntryID, Kind: WarnPOA, Text: patient(c) + ": " + chk.Problem})
			}
		}
	}
	return out
}

// patient names a case's patient for a warning.
func patient(c *elective.TheatreCase) string {
	if c.Entry.PatientName != "" {
		return c.Entry.PatientName
	}
	return fmt.Sprintf("Entry %d", c.EntryID)
}
