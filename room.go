package elective

import (
	"context"
	"sort"
	"strings"
	"time"
)

// RoomKind says what a bookable room is for.
type RoomKind string

// Room kinds.
const (
	RoomClinic    RoomKind = "clinic"    // an outpatient clinic room
	RoomMeeting   RoomKind = "meeting"   // a meeting or seminar room
	RoomTreatment RoomKind = "treatment" // a treatment or procedure room
	RoomTeaching  RoomKind = "teaching"  // a teaching or training room
)

// RoomKinds lists the kinds in the order forms show them.
var RoomKinds = []RoomKind{RoomClinic, RoomMeeting, RoomTreatment, RoomTeaching}

// Label is the kind's name for staff.
func (k RoomKind) Label() string {
	switch k {
	case RoomClinic:
		return "Clinic room"
	case RoomMeeting:
		return "Meeting room"
	case RoomTreatment:
		return "Treatment room"
	case RoomTeaching:
		return "Teaching room"
	}
	return string(k)
}

// Valid reports whether k is one of RoomKinds.
func (k RoomKind) Valid() bool {
	for _, v := range RoomKinds {
		if v == k {
			return true
		}
	}
	return false
}

// MaxRoomCapacity is the most people a room may be recorded as holding: a
// lecture theatre, not a typing slip.
const MaxRoomCapacity = 500

// Room is a bookable room at a site: a clinic room, a meeting room. A
// clinic session reserves the room its template names (ClinicTemplate.Room)
// when that text is the room's name or code at the same site, so a clinic
// and a booking can never hold one room at once.
type Room struct {
	ID       int64
	SiteID   int64
	Code     string // short, unique in the trust, e.g. "OPD-1"
	Name     string // as clinic templates name it, e.g. "OPD 1"
	Location string // where to find it, e.g. "Outpatients, level 2"
	Kind     RoomKind
	Capacity int // people it seats
	Active   bool

	// Joined for display.
	SiteName string
}

// Validate checks the room's own fields, naming each bad one for the form;
// the store checks the site exists and the code is free.
func (r *Room) Validate() error {
	var p Problems
	if r.SiteID == 0 {
		p.Add("site", "Choose the site")
	}
	if strings.TrimSpace(r.Code) == "" {
		p.Add("code", "Enter a room code")
	}
	if strings.TrimSpace(r.Name) == "" {
		p.Add("name", "Enter the room's name, as clinic templates name it")
	}
	if !r.Kind.Valid() {
		p.Add("kind", "Choose what the room is for")
	}
	if r.Capacity < 1 || r.Capacity > MaxRoomCapacity {
		p.Add("capacity", "Enter how many people the room holds, from 1 to %d", MaxRoomCapacity)
	}
	return p.Err("The room cannot be added: check the fields marked")
}

// Holds reports whether a clinic's room text names this room: its name or
// its code, ignoring case and surrounding spaces, at the same site.
func (r *Room) Holds(siteID int64, room string) bool {
	k := roomText(room)
	return k != "" && siteID == r.SiteID && (k == roomText(r.Name) || k == roomText(r.Code))
}

// roomText is room text as Holds compares it.
func roomText(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// RoomFinder finds the rooms a clinic's room text names, as Holds would,
// by lookup: the rooms page matches thousands of sessions a day to
// hundreds of rooms, where a Holds per pair was most of its time.
type RoomFinder map[roomRef][]*Room

type roomRef struct {
	site int64
	text string
}

// NewRoomFinder indexes rooms by site and by name and code.
func NewRoomFinder(rooms []*Room) RoomFinder {
	f := RoomFinder{}
	for _, r := range rooms {
		for _, text := range []string{roomText(r.Name), roomText(r.Code)} {
			ref := roomRef{r.SiteID, text}
			if text != "" && (len(f[ref]) == 0 || f[ref][len(f[ref])-1] != r) {
				f[ref] = append(f[ref], r)
			}
		}
	}
	return f
}

// Find returns the rooms that Holds(siteID, room) would accept, in the
// order given to NewRoomFinder.
func (f RoomFinder) Find(siteID int64, room string) []*Room {
	k := roomText(room)
	if k == "" {
		return nil
	}
	return f[roomRef{siteID, k}]
}

// MaxRoomBookingHours is the longest single booking: one working day.
const MaxRoomBookingHours = 14

// RoomBooking holds a room for a meeting or an extra session between two
// instants (stored in UTC, shown in Europe/London).
type RoomBooking struct {
	ID       int64
	RoomID   int64
	Start    time.Time
	End      time.Time
	Purpose  string // "Orthopaedic MDT"
	BookedBy string // who the room is for: a name or team
	// Cancelled is when the booking was cancelled; zero while it stands.
	Cancelled   time.Time
	CancelledBy string
	CreatedBy   string // the user who made it

	// Joined for display.
	RoomName string
}

// Validate checks the booking's own fields at now, naming each bad one for
// the form: the end after the start, not in the past, one working day at
// most.
func (b *RoomBooking) Validate(now time.Time) error {
	var p Problems
	if b.RoomID == 0 {
		p.Add("room", "Choose a room")
	}
	switch {
	case b.Start.IsZero():
		p.Add("start", "Enter the start time")
	case b.End.IsZero():
		p.Add("end", "Enter the end time")
	case !b.End.After(b.Start):
		p.Add("end", "The end time must be after the start time")
	case b.End.Sub(b.Start) > MaxRoomBookingHours*time.Hour:
		p.Add("end", "A booking can last at most %d hours", MaxRoomBookingHours)
	case !b.End.After(now):
		p.Add("date", "Choose a time that has not passed")
	}
	if strings.TrimSpace(b.Purpose) == "" {
		p.Add("purpose", "Enter what the room is booked for")
	}
	if strings.TrimSpace(b.BookedBy) == "" {
		p.Add("booked_by", "Enter who the room is booked for")
	}
	return p.Err("The room was not booked: check the fields marked")
}

// Overlaps reports whether the half-open intervals [aStart, aEnd) and
// [bStart, bEnd) share any time: a booking that ends at 10:00 and one that
// starts at 10:00 do not clash.
func Overlaps(aStart, aEnd, bStart, bEnd time.Time) bool {
	return aStart.Before(bEnd) && bStart.Before(aEnd)
}

// RoomUseKind says what holds a room for a while.
type RoomUseKind string

// Room uses.
const (
	UseBooking RoomUseKind = "booking"
	UseClinic  RoomUseKind = "clinic"
)

// RoomUse is one spell a room is held: a booking or a clinic session.
type RoomUse struct {
	Kind      RoomUseKind
	RoomID    int64
	BookingID int64 // for a booking
	SessionID int64 // for a clinic session
	Start     time.Time
	End       time.Time
	Title     string // the booking's purpose, or the clinic's name
	Holder    string // who booked it, or the clinic's clinician
}

// FirstClash returns the earliest use that overlaps [start, end), nil if
// the room is free then.
func FirstClash(uses []*RoomUse, start, end time.Time) *RoomUse {
	var first *RoomUse
	for _, u := range uses {
		if Overlaps(u.Start, u.End, start, end) && (first == nil || u.Start.Before(first.Start)) {
			first = u
		}
	}
	return first
}

// RoomDay is a room's uses on one date, in start order.
type RoomDay struct {
	Room *Room
	Date Date
	Uses []*RoomUse
}

// SortUses puts the day's uses in start order, clinics before bookings at
// the same time.
func (d *RoomDay) SortUses() {
	sort.SliceStable(d.Uses, func(i, j int) bool {
		a, b := d.Uses[i], d.Uses[j]
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		return a.Kind == UseClinic && b.Kind != UseClinic
	})
}

// BusyMinutes is how many minutes of [from, to) the room is held, counting
// overlapping uses once.
func (d *RoomDay) BusyMinutes(from, to time.Time) int {
	type span struct{ s, e time.Time }
	var spans []span
	for _, u := range d.Uses {
		s, e := u.Start, u.End
		if s.Before(from) {
			s = from
		}
		if e.After(to) {
			e = to
		}
		if s.Before(e) {
			spans = append(spans, span{s, e})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].s.Before(spans[j].s) })
	total := time.Duration(0)
	var cur span
	for i, sp := range spans {
		switch {
		case i == 0:
			cur = sp
		case !sp.s.After(cur.e):
			if sp.e.After(cur.e) {
				cur.e = sp.e
			}
		default:
			total += cur.e.Sub(cur.s)
			cur = sp
		}
	}
	if len(spans) > 0 {
		total += cur.e.Sub(cur.s)
	}
	return int(total / time.Minute)
}

// RoomService keeps bookable rooms and their bookings. A booking is
// refused when the room is held then, by another booking or by a clinic
// session, and of two bookers racing for one slot exactly one wins.
type RoomService interface {
	// CreateRoom checks and adds a room: EINVALID naming the bad fields,
	// ECONFLICT when the code is taken.
	CreateRoom(ctx context.Context, r *Room) error
	// FindRooms returns the active rooms by site and name.
	FindRooms(ctx context.Context) ([]*Room, error)
	// BookRoom checks and adds a booking: EINVALID naming the bad fields
	// (an unknown room is the field "room"); ECONFLICT naming the holder
	// and the time when the room is held then.
	BookRoom(ctx context.Context, b *RoomBooking) error
	// CancelRoomBooking cancels a standing booking: ENOTFOUND, ECONFLICT
	// if it is already cancelled.
	CancelRoomBooking(ctx context.Context, id int64) (*RoomBooking, error)
	// FindRoomDay returns a room and its uses on date d: ENOTFOUND.
	FindRoomDay(ctx context.Context, roomID int64, d Date) (*RoomDay, error)
	// FindRoomDays returns every active room with its uses on date d, for
	// the day's occupancy at a glance.
	FindRoomDays(ctx context.Context, d Date) ([]*RoomDay, error)
}
