package elective

import (
	"fmt"
	"strings"
)

// MaxKitCount is the most of one item of theatre kit the catalogue records:
// a guard against a mistyped count, not a real limit.
const MaxKitCount = 999

// MaxKitNameLength keeps kit names short enough for a list's kit field.
const MaxKitNameLength = 60

// TheatreKit is one item in the trust's theatre kit catalogue: equipment
// that lists share, with how many the trust has. No more lists running at
// the same time may need it than Count (rules.md 3.6, the list builder's
// "same kit in two theatres at once").
//
// A fixed item is set up in particular theatres: a case needing it goes
// only on a list whose own kit (TheatreSession.Kit, from its template)
// names it. A Mobile item (an image intensifier or a laser on a trolley)
// goes to any theatre: a case needing it may go on any list, within Count.
// Items not in the catalogue are a list's own and are not counted.
type TheatreKit struct {
	ID     int64
	Name   string // as lists and cases name it; unique ignoring case
	Count  int    // how many the trust has; 0 while none is in service
	Mobile bool
}

// Validate checks the item's own fields, naming each bad one for the form;
// the store checks the name is free.
func (k *TheatreKit) Validate() error {
	var p Problems
	switch name := strings.TrimSpace(k.Name); {
	case name == "":
		p.Add("name", "Enter the name of the kit, for example image intensifier")
	case len(name) > MaxKitNameLength:
		p.Add("name", "Enter a name of %d characters or fewer", MaxKitNameLength)
	case strings.ContainsAny(name, ",\n\r"):
		p.Add("name", "Enter the name without commas: lists and cases separate kit items with commas")
	}
	if msg := kitCountProblem(k.Count); msg != "" {
		p.Add("count", "%s", msg)
	}
	return p.Err("The kit cannot be saved: check the fields marked")
}

// kitCountProblem is what is wrong with a count, or "".
func kitCountProblem(n int) string {
	if n < 0 || n > MaxKitCount {
		return fmt.Sprintf("Enter how many the trust has, as a whole number from 0 to %d", MaxKitCount)
	}
	return ""
}

// TheatreKitUpdate changes an item of kit; nil fields stay as they are.
type TheatreKitUpdate struct {
	Count  *int
	Mobile *bool
}

// Validate checks the new count, if any.
func (u TheatreKitUpdate) Validate() error {
	var p Problems
	if u.Count != nil {
		if msg := kitCountProblem(*u.Count); msg != "" {
			p.Add("count", "%s", msg)
		}
	}
	return p.Err("The kit cannot be changed: check the fields marked")
}

// KitKey is a kit name as lists, cases and the catalogue compare it:
// without case or the spaces around it.
func KitKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }

// IsMobile reports whether the kit item named is mobile kit, the names
// compared as KitKey; false for nil resources.
func (r *TheatreResources) IsMobile(name string) bool {
	if r == nil {
		return false
	}
	key := KitKey(name)
	for k, on := range r.Mobile {
		if on && KitKey(k) == key {
			return true
		}
	}
	return false
}
