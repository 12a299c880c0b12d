package calendar

import (
	"time"

	"github.com/openelective/elective"
)

// RoomUses is what a clinic template will hold in its room between from
// and to (inclusive dates): one use per session it holds on a date not in
// made, the dates whose sessions already exist (they hold the room, or
// were cancelled and free it, on their own). A booking made months ahead
// is checked against these, so that a session generated later never lands
// on a meeting already in the room.
func RoomUses(t *elective.ClinicTemplate, from, to elective.Date, made map[elective.Date]bool, loc *time.Location) []*elective.RoomUse {
	var out []*elective.RoomUse
	for _, d := range TemplateDates(t, from, to) {
		if made[d] {
			continue
		}
		s, _ := t.Session(d, loc)
		title := t.Name
		if title == "" {
			title = t.Code
		}
		out = append(out, &elective.RoomUse{Kind: elective.UseClinic, Start: s.Start, End: s.End, Title: title})
	}
	return out
}

// BookingClash returns the first of bookings (room uses of kind booking)
// that a session of t from from to to (the zero Date: no end) would
// overlap, and the date of that session: a clinic reserves its room, so a
// template may not be made, nor given an extra session, over a meeting
// already booked there (the booking is moved or cancelled first).
func BookingClash(t *elective.ClinicTemplate, bookings []*elective.RoomUse, from, to elective.Date, loc *time.Location) (*elective.RoomUse, elective.Date) {
	var first *elective.RoomUse
	var on elective.Date
	for _, b := range bookings {
		lo, hi := elective.DateOf(b.Start, loc), elective.DateOf(b.End, loc)
		if lo.Before(from) {
			lo = from
		}
		if !to.IsZero() && to.Before(hi) {
			hi = to
		}
		for _, u := range RoomUses(t, lo, hi, nil, loc) {
			if elective.Overlaps(u.Start, u.End, b.Start, b.End) && (first == nil || b.Start.Before(first.Start)) {
				first, on = b, elective.DateOf(u.Start, loc)
			}
		}
	}
	return first, on
}
