package theatre

import (
	"fmt"
	"strings"

	"github.com/openelective/elective"
)

// maxNamedLists is how many lists a kit refusal names before "and N more".
const maxNamedLists = 5

// CheckKitRemove refuses to take an item of kit out of the catalogue
// while booked cases on lists after today need it: its count is what
// stops those lists needing more at once than there are, and if it is
// mobile it is what lets a case go on a list that lacks it (rules.md 3.6).
// sessions may hold any lists; those released, on or before today, or
// with no booked case needing the item are ignored. The ECONFLICT error
// names the lists.
func CheckKitRemove(item string, sessions []*elective.TheatreSession, today elective.Date) error {
	lists := listsNeedingKit(item, sessions, today, false)
	if len(lists) == 0 {
		return nil
	}
	return elective.Errorf(elective.ECONFLICT, "The %s cannot be removed: booked cases need it on %s. Take those cases off their lists first",
		strings.TrimSpace(item), listNames(lists))
}

// CheckKitFixed refuses to mark a mobile item fixed while booked cases on
// lists after today rely on it coming to them: lists whose own kit does
// not name it. A fixed item goes only on lists that have it (checkKit).
func CheckKitFixed(item string, sessions []*elective.TheatreSession, today elective.Date) error {
	lists := listsNeedingKit(item, sessions, today, true)
	if len(lists) == 0 {
		return nil
	}
	return elective.Errorf(elective.ECONFLICT, "The %s cannot be marked fixed: booked cases need it on %s, whose own kit does not have it. "+
		"Add it to those lists' kit or take the cases off first", strings.TrimSpace(item), listNames(lists))
}

// listsNeedingKit are the lists after today, not released, with a booked
// case needing the item; with offList, only those whose own kit lacks it.
func listsNeedingKit(item string, sessions []*elective.TheatreSession, today elective.Date, offList bool) []*elective.TheatreSession {
	key := kitKey(item)
	var out []*elective.TheatreSession
	for _, s := range liveSessions(sessions) {
		if !s.Date.After(today) || (offList && hasItem(s.Kit, key)) {
			continue
		}
		for _, c := range s.Cases {
			if c != nil && c.Status == elective.CaseBooked && c.Entry != nil && hasItem(c.Entry.Kit, key) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// hasItem reports whether a kit list names the item of key kitKey.
func hasItem(kit []string, key string) bool {
	for _, k := range kit {
		if kitKey(k) == key {
			return true
		}
	}
	return false
}

// listNames names lists for staff: "2 lists: Main theatre 1 on 14 Dec 2026
// (morning), Main theatre 2 on 16 Dec 2026 (afternoon)".
func listNames(lists []*elective.TheatreSession) string {
	var names []string
	for _, s := range lists[:min(len(lists), maxNamedLists)] {
		theatre := s.TheatreName
		if theatre == "" {
			theatre = fmt.Sprintf("theatre %d", s.TheatreID)
		}
		names = append(names, fmt.Sprintf("%s on %s (%s)", theatre, staffDate(s.Date), strings.ToLower(s.Period.Label())))
	}
	if more := len(lists) - maxNamedLists; more > 0 {
		names = append(names, fmt.Sprintf("and %d more", more))
	}
	return listCount(len(lists)) + ": " + strings.Join(names, ", ")
}
