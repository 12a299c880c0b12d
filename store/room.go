package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/openelective/elective"
)

var _ elective.RoomService = (*RoomService)(nil)

// RoomService keeps bookable rooms and their bookings.
type RoomService struct{ db *DB }

// NewRoomService returns the service on db.
func NewRoomService(db *DB) *RoomService { return &RoomService{db} }

// anyStaff lets any signed-in user read rooms: they hold no patient data.
func anyStaff(ctx context.Context) error {
	if u := elective.UserFromContext(ctx); u == nil || !u.Active {
		return elective.Errorf(elective.EUNAUTHORIZED, "Sign in to continue")
	}
	return nil
}

// CreateRoom checks a room's fields and site, refuses a code in use (codes
// are kept in capitals) or a second room of the same name at the site
// (clinics name rooms by it), and adds it.
func (s *RoomService) CreateRoom(ctx context.Context, r *elective.Room) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	r.Code, r.Name, r.Location = strings.ToUpper(strings.TrimSpace(r.Code)), strings.TrimSpace(r.Name), strings.TrimSpace(r.Location)
	if err := r.Validate(); err != nil {
		return err
	}
	r.Active = true
	return s.db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM site WHERE id = ?`, r.SiteID).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			var p elective.Problems
			p.Add("site", "Choose a site that exists")
			return p.Err("The room cannot be added: check the fields marked")
		}
		if err := tx.queryRow(`SELECT COUNT(*) FROM room WHERE site_id = ? AND LOWER(name) = LOWER(?) AND active = ?`,
			r.SiteID, r.Name, true).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return elective.Errorf(elective.ECONFLICT, "The site already has a room called %s", r.Name)
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		r.ID, err = tx.insert(`INSERT INTO room (org_id, site_id, code, name, location, kind, capacity, active, created_at)
			VALUES `+placeholders(9), orgID, r.SiteID, r.Code, r.Name, r.Location, r.Kind, r.Capacity, true, tx.now)
		if isUniqueViolation(err) {
			return elective.Errorf(elective.ECONFLICT, "A room with code %s already exists", r.Code)
		} else if err != nil {
			return err
		}
		return tx.audit("room.create", 0, "room="+itoa64(r.ID)+" code="+r.Code)
	})
}

const roomSelect = `SELECT r.id, r.site_id, r.code, r.name, r.location, r.kind, r.capacity, r.active, s.name
	FROM room r JOIN site s ON s.id = r.site_id`

// findRooms reads rooms matching where (with args), by site and name.
func (tx *Tx) findRooms(where string, args ...any) ([]*elective.Room, error) {
	rows, err := tx.query(roomSelect+where+` ORDER BY s.name, r.name, r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Room
	for rows.Next() {
		r := &elective.Room{}
		if err := rows.Scan(&r.ID, &r.SiteID, &r.Code, &r.Name, &r.Location, &r.Kind, &r.Capacity, &r.Active,
			&r.SiteName); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// findRoom reads one room, nil if there is none.
func (tx *Tx) findRoom(id int64) (*elective.Room, error) {
	rs, err := tx.findRooms(` WHERE r.id = ?`, id)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return rs[0], nil
}

// FindRooms returns the active rooms.
func (s *RoomService) FindRooms(ctx context.Context) ([]*elective.Room, error) {
	if err := anyStaff(ctx); err != nil {
		return nil, err
	}
	var out []*elective.Room
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		out, err = tx.findRooms(` WHERE r.active = ?`, true)
		return err
	})
	return out, err
}

// lockRoom takes the room's row lock on PostgreSQL so that two bookers of
// one slot queue: the second sees the first's booking once it commits
// and is refused. SQLite transactions take the write lock when they
// begin (_txlock=immediate), which serialises them already.
func (tx *Tx) lockRoom(id int64) error {
	if tx.db.dialect != Postgres {
		return nil
	}
	_, err := tx.exec(`SELECT id FROM room WHERE id = ? FOR UPDATE`, id)
	return err
}

// BookRoom checks a booking, refuses it when another booking or a clinic
// session holds the room then (naming the holder and the time), and adds
// it.
func (s *RoomService) BookRoom(ctx context.Context, b *elective.RoomBooking) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	b.Purpose, b.BookedBy = strings.TrimSpace(b.Purpose), strings.TrimSpace(b.BookedBy)
	b.Start, b.End = b.Start.UTC(), b.End.UTC()
	if err := b.Validate(s.db.Now()); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		if err := tx.lockRoom(b.RoomID); err != nil {
			return err
		}
		room, err := tx.findRoom(b.RoomID)
		if err != nil {
			return err
		} else if room == nil || !room.Active {
			var p elective.Problems
			p.Add("room", "Choose a room that exists")
			return p.Err("The room was not booked: check the fields marked")
		}
		b.RoomName = room.Name
		uses, err := tx.roomUses(room, b.Start, b.End)
		if err != nil {
			return err
		}
		if u := elective.FirstClash(uses, b.Start, b.End); u != nil {
			return tx.clashError(room, u)
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		b.CreatedBy = elective.UserFromContext(ctx).Username
		b.ID, err = tx.insert(`INSERT INTO room_booking (org_id, room_id, start_at, end_at, purpose, booked_by, created_by,
			created_at) VALUES `+placeholders(8), orgID, b.RoomID, b.Start, b.End, b.Purpose, b.BookedBy, b.CreatedBy, tx.now)
		if err != nil {
			return err
		}
		return tx.audit("room.book", 0, "booking="+itoa64(b.ID)+" room="+itoa64(b.RoomID)+" start="+formatTime(b.Start)+
			" end="+formatTime(b.End))
	})
}

// clashError names who holds the room and when, in local time.
func (tx *Tx) clashError(room *elective.Room, u *elective.RoomUse) error {
	loc := tx.db.Location
	when := u.Start.In(loc).Format("15:04") + "–" + u.End.In(loc).Format("15:04") + " on " + u.Start.In(loc).Format("2 Jan 2006")
	what := "booked by " + u.Holder + " for " + u.Title
	if u.Kind == elective.UseClinic {
		what = "held by the clinic " + u.Title + " (" + u.Holder + ")"
	}
	return elective.Errorf(elective.ECONFLICT, "%s is already %s, %s", room.Name, what, when)
}

// CancelRoomBooking cancels a standing booking and frees its time.
func (s *RoomService) CancelRoomBooking(ctx context.Context, id int64) (*elective.RoomBooking, error) {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	var b *elective.RoomBooking
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if b, err = tx.findBooking(id); err != nil {
			return err
		}
		if !b.Cancelled.IsZero() {
			return elective.Errorf(elective.ECONFLICT, "This booking was already cancelled")
		}
		b.Cancelled, b.CancelledBy = tx.now, elective.UserFromContext(ctx).Username
		if _, err := tx.exec(`UPDATE room_booking SET cancelled_at = ?, cancelled_by = ? WHERE id = ?`,
			b.Cancelled, b.CancelledBy, id); err != nil {
			return err
		}
		return tx.audit("room.cancel", 0, "booking="+itoa64(id)+" room="+itoa64(b.RoomID))
	})
	return b, err
}

// findBooking reads one booking: ENOTFOUND.
func (tx *Tx) findBooking(id int64) (*elective.RoomBooking, error) {
	b := &elective.RoomBooking{}
	err := tx.queryRow(`SELECT rb.id, rb.room_id, rb.start_at, rb.end_at, rb.purpose, rb.booked_by, rb.created_by,
		rb.cancelled_at, rb.cancelled_by, r.name FROM room_booking rb JOIN room r ON r.id = rb.room_id WHERE rb.id = ?`, id).
		Scan(&b.ID, &b.RoomID, timeCol{&b.Start}, timeCol{&b.End}, &b.Purpose, &b.BookedBy, &b.CreatedBy,
			timeCol{&b.Cancelled}, &b.CancelledBy, &b.RoomName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, elective.Errorf(elective.ENOTFOUND, "No room booking %d", id)
	}
	return b, err
}

// dayBounds are the instants local midnight to midnight of date d.
func (tx *Tx) dayBounds(d elective.Date) (time.Time, time.Time) {
	return d.At(0, 0, tx.db.Location).UTC(), d.AddDays(1).At(0, 0, tx.db.Location).UTC()
}
