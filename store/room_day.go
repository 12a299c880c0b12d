package store

import (
	"context"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// roomUses reads what holds room in [from, to): its standing bookings and
// the open clinic sessions that name it at its site.
func (tx *Tx) roomUses(room *elective.Room, from, to time.Time) ([]*elective.RoomUse, error) {
	uses, err := tx.bookingUses(` AND rb.room_id = ?`, from, to, room.ID)
	if err != nil {
		return nil, err
	}
	sessions, err := tx.clinicUses(` AND cs.site_id = ? AND cs.start_at < ? AND cs.end_at > ?`, room.SiteID, to, from)
	if err != nil {
		return nil, err
	}
	for _, cu := range sessions {
		if room.Holds(cu.siteID, cu.room) {
			cu.use.RoomID = room.ID
			uses = append(uses, cu.use)
		}
	}
	loc := tx.db.Location
	planned, err := tx.plannedUses([]*elective.Room{room}, elective.DateOf(from, loc), elective.DateOf(to, loc))
	if err != nil {
		return nil, err
	}
	for _, u := range planned[room.ID] {
		if elective.Overlaps(u.Start, u.End, from, to) {
			uses = append(uses, u)
		}
	}
	return uses, nil
}

// bookingUses reads the standing bookings overlapping [from, to) and
// matching the extra condition.
func (tx *Tx) bookingUses(and string, from, to time.Time, args ...any) ([]*elective.RoomUse, error) {
	rows, err := tx.query(`SELECT rb.id, rb.room_id, rb.start_at, rb.end_at, rb.purpose, rb.booked_by FROM room_booking rb
		WHERE rb.cancelled_at IS NULL AND rb.start_at < ? AND rb.end_at > ?`+and+` ORDER BY rb.start_at, rb.id`,
		append([]any{to, from}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.RoomUse
	for rows.Next() {
		u := &elective.RoomUse{Kind: elective.UseBooking}
		if err := rows.Scan(&u.BookingID, &u.RoomID, timeCol{&u.Start}, timeCol{&u.End}, &u.Title, &u.Holder); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// clinicUse is an open clinic session with the room text that places it.
type clinicUse struct {
	use    *elective.RoomUse
	siteID int64
	room   string
}

// clinicUses reads open clinic sessions matching the extra condition,
// with the clinic's name and clinician.
func (tx *Tx) clinicUses(and string, args ...any) ([]clinicUse, error) {
	rows, err := tx.query(`SELECT cs.id, cs.site_id, cs.room, cs.start_at, cs.end_at, ct.code, ct.name, c.title, c.given_name,
		c.family_name FROM clinic_session cs JOIN clinic_template ct ON ct.id = cs.template_id
		JOIN clinician c ON c.id = cs.clinician_id WHERE cs.status = ? AND cs.room <> ''`+and+` ORDER BY cs.start_at, cs.id`,
		append([]any{elective.SessionOpen}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []clinicUse
	for rows.Next() {
		cu := clinicUse{use: &elective.RoomUse{Kind: elective.UseClinic}}
		var code, name string
		c := &elective.Clinician{}
		if err := rows.Scan(&cu.use.SessionID, &cu.siteID, &cu.room, timeCol{&cu.use.Start}, timeCol{&cu.use.End}, &code, &name,
			&c.Title, &c.GivenName, &c.FamilyName); err != nil {
			return nil, err
		}
		cu.use.Title, cu.use.Holder = code, c.DisplayName()
		if strings.TrimSpace(name) != "" {
			cu.use.Title = name
		}
		out = append(out, cu)
	}
	return out, rows.Err()
}

// FindRoomDay returns a room and what holds it on date d.
func (s *RoomService) FindRoomDay(ctx context.Context, roomID int64, d elective.Date) (*elective.RoomDay, error) {
	if err := anyStaff(ctx); err != nil {
		return nil, err
	}
	var day *elective.RoomDay
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		room, err := tx.findRoom(roomID)
		if err != nil {
			return err
		} else if room == nil {
			return elective.Errorf(elective.ENOTFOUND, "No room %d", roomID)
		}
		from, to := tx.dayBounds(d)
		uses, err := tx.roomUses(room, from, to)
		if err != nil {
			return err
		}
		day = &elective.RoomDay{Room: room, Date: d, Uses: uses}
		day.SortUses()
		return nil
	})
	return day, err
}

// FindRoomDays returns every active room with what holds it on date d:
// one query for the bookings and one for the clinic sessions of the day,
// matched to rooms by site and name or code, and the sessions templates
// will make that day if they are not made yet.
func (s *RoomService) FindRoomDays(ctx context.Context, d elective.Date) ([]*elective.RoomDay, error) {
	if err := anyStaff(ctx); err != nil {
		return nil, err
	}
	var out []*elective.RoomDay
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rooms, err := tx.findRooms(` WHERE r.active = ?`, true)
		if err != nil {
			return err
		}
		byID := map[int64]*elective.RoomDay{}
		for _, r := range rooms {
			day := &elective.RoomDay{Room: r, Date: d}
			byID[r.ID] = day
			out = append(out, day)
		}
		from, to := tx.dayBounds(d)
		bookings, err := tx.bookingUses("", from, to)
		if err != nil {
			return err
		}
		for _, u := range bookings {
			if day := byID[u.RoomID]; day != nil {
				day.Uses = append(day.Uses, u)
			}
		}
		sessions, err := tx.clinicUses(` AND cs.session_date = ?`, d)
		if err != nil {
			return err
		}
		finder := elective.NewRoomFinder(rooms)
		for _, cu := range sessions {
			for _, room := range finder.Find(cu.siteID, cu.room) {
				u := *cu.use
				u.RoomID = room.ID
				byID[room.ID].Uses = append(byID[room.ID].Uses, &u)
			}
		}
		planned, err := tx.plannedUses(rooms, d, d)
		if err != nil {
			return err
		}
		for _, day := range out {
			day.Uses = append(day.Uses, planned[day.Room.ID]...)
			day.SortUses()
		}
		return nil
	})
	return out, err
}
