package theatre

import (
	"fmt"
	"sort"
	"strings"

	"github.com/openelective/elective"
)

// kitConflicts finds the moments more lists need a shared item of kit
// than there are: a list needs an item when one of its cases does, for
// the whole session (StartMinute to StartMinute+Minutes), whether the
// list's own kit names it or (mobile kit) it is brought in. The most lists
// running at once is reached at some list's start, so each list using the
// item is checked at its start against the lists in other theatres that
// overlap it on the same day.
func kitConflicts(live []*elective.TheatreSession, counts map[string]int, res *elective.TheatreResources) []Warning {
	users := map[string][]*elective.TheatreSession{} // item -> sessions needing it
	names := map[string]string{}
	for _, s := range live {
		seen := map[string]bool{}
		for _, c := range liveCases(s) {
			for _, k := range c.Entry.Kit {
				key := kitKey(k)
				if _, shared := counts[key]; !shared || seen[key] {
					continue
				}
				seen[key], users[key] = true, append(users[key], s)
				if names[key] == "" {
					names[key] = kitName(k, res)
				}
			}
		}
	}
	keys := make([]string, 0, len(users))
	for k := range users {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Warning
	for _, key := range keys {
		for _, s := range users[key] {
			if n := concurrent(s, users[key]); n > counts[key] {
				out = append(out, Warning{SessionID: s.ID, Kind: WarnKit, Text: fmt.Sprintf("%d lists at %02d:%02d on %s need the %s; there %s %d",
					n, s.StartMinute/60, s.StartMinute%60, staffDate(s.Date), names[key], isAre(counts[key]), counts[key])})
			}
		}
	}
	return out
}

// concurrent counts the theatres running a list from users at the start
// of s (s included).
func concurrent(s *elective.TheatreSession, users []*elective.TheatreSession) int {
	theatres := map[int64]bool{}
	for _, t := range users {
		if t.Date == s.Date && t.StartMinute <= s.StartMinute && s.StartMinute < t.StartMinute+t.Minutes {
			key := t.TheatreID
			if key == 0 {
				key = -t.ID // theatre unknown: count the list on its own
			}
			theatres[key] = true
		}
	}
	return len(theatres)
}

// listCount is "1 list" or "n lists".
func listCount(n int) string {
	if n == 1 {
		return "1 list"
	}
	return fmt.Sprintf("%d lists", n)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// bedShortages counts the inpatients in a bed each night: from the TCI
// for LengthOfStay nights (at least one for an inpatient; none for a day
// case). A list gets a warning for the first night one of its patients is
// in a bed when there are more inpatients than beds.
func bedShortages(live []*elective.TheatreSession, beds int) []Warning {
	occupied := map[elective.Date]int{}
	for _, s := range live {
		for _, c := range liveCases(s) {
			for i := range nights(c.Entry) {
				occupied[s.Date.AddDays(i)]++
			}
		}
	}
	var out []Warning
	for _, s := range live {
		if night, ok := firstShortNight(s, occupied, beds); ok {
			out = append(out, Warning{SessionID: s.ID, Kind: WarnBeds,
				Text: fmt.Sprintf("Beds short on the night of %s: %d inpatients for %d elective beds", staffDate(night), occupied[night], beds)})
		}
	}
	return out
}

func firstShortNight(s *elective.TheatreSession, occupied map[elective.Date]int, beds int) (elective.Date, bool) {
	var first elective.Date
	for _, c := range liveCases(s) {
		for i := range nights(c.Entry) {
			if n := s.Date.AddDays(i); occupied[n] > beds && (first.IsZero() || n.Before(first)) {
				first = n
			}
		}
	}
	return first, !first.IsZero()
}

// nights is how many nights a case is in a ward bed.
func nights(e *elective.AdmittedListEntry) int {
	if e.Management != elective.Inpatient {
		return 0
	}
	return max(e.LengthOfStay, 1)
}

// criticalCare checks the HDU and ITU beds booked for after surgery, on
// the day of the operation: against the beds available when kit says how
// many there are, otherwise as a reminder for each case to book one.
func criticalCare(live []*elective.TheatreSession, counts map[string]int) []Warning {
	need := map[string]int{} // level + date -> cases
	for _, s := range live {
		for _, c := range liveCases(s) {
			if lvl := c.Entry.CriticalCare; lvl != "" {
				need[kitKey(lvl)+" "+s.Date.String()]++
			}
		}
	}
	var out []Warning
	for _, s := range live {
		for _, c := range liveCases(s) {
			lvl := c.Entry.CriticalCare
			if lvl == "" {
				continue
			}
			have, known := counts[kitKey(lvl)]
			w := Warning{SessionID: s.ID, EntryID: c.EntryID, Kind: WarnCriticalCare}
			switch n := need[kitKey(lvl)+" "+s.Date.String()]; {
			case !known:
				w.Text = patient(c) + ": book an " + lvl + " bed for after surgery on " + staffDate(s.Date)
			case n > have:
				w.Text = fmt.Sprintf("%s: %d patients need an %s bed on %s; there %s %d", patient(c), n, lvl, staffDate(s.Date), isAre(have), have)
			default:
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

// CheckSharedKit refuses a case on list s whose shared kit (an item the
// hospital has counts of in res: two image intensifiers) would then be
// needed by more lists at once than there are, across the theatres running
// on the list's day: the list builder's kit warning, made a refusal when
// the case itself would cause it. Mobile kit counts the same way, on
// whichever list it goes to (rules.md 3.6). An item the list already needs
// for another case adds nothing; an item without a count is the list's own
// (checkKit), except that mobile kit without one counts as none.
func CheckSharedKit(s *elective.TheatreSession, sameDay []*elective.TheatreSession, e *elective.AdmittedListEntry,
	res *elective.TheatreResources) error {
	shared := sharedCounts(res)
	for _, k := range e.Kit {
		key := kitKey(k)
		count, ok := shared[key]
		if !ok && res.IsMobile(k) {
			count, ok = 0, true
		}
		if !ok || needsKit(s, key) {
			continue
		}
		users := []*elective.TheatreSession{s}
		for _, o := range sameDay {
			if o.ID != s.ID && o.Date == s.Date && o.Status != elective.SessionReleased && needsKit(o, key) {
				users = append(users, o)
			}
		}
		for _, t := range users {
			if overlap(s, t) {
				if n := concurrent(t, users); n > count {
					return elective.Errorf(elective.EINVALID, "The %s would be needed by %s at %02d:%02d on %s; there %s %d",
						kitName(k, res), listCount(n), t.StartMinute/60, t.StartMinute%60, staffDate(s.Date), isAre(count), count)
				}
			}
		}
	}
	return nil
}

// sharedCounts are the kit counts of res by kitKey.
func sharedCounts(res *elective.TheatreResources) map[string]int {
	counts := map[string]int{}
	if res != nil {
		for k, n := range res.Kit {
			counts[kitKey(k)] = n
		}
	}
	return counts
}

// kitName is an item as refusals and warnings name it: "mobile image
// intensifier" tells staff it was brought to the theatre.
func kitName(k string, res *elective.TheatreResources) string {
	if k = strings.TrimSpace(k); res.IsMobile(k) {
		return "mobile " + k
	}
	return k
}

// needsKit reports whether a live case of s needs the item.
func needsKit(s *elective.TheatreSession, key string) bool {
	for _, c := range liveCases(s) {
		for _, k := range c.Entry.Kit {
			if kitKey(k) == key {
				return true
			}
		}
	}
	return false
}

func overlap(a, b *elective.TheatreSession) bool {
	return a.Date == b.Date && a.StartMinute < b.StartMinute+b.Minutes && b.StartMinute < a.StartMinute+a.Minutes
}
