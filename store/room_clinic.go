package store

import (
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// plannedUses returns, per room id, the sessions clinic templates will
// hold in rooms on dates from..to whose sessions are not made yet. Made
// sessions are read as they are (clinicUses); these are the ones the
// rolling session generation will make, which a booking must not land on.
func (tx *Tx) plannedUses(rooms []*elective.Room, from, to elective.Date) (map[int64][]*elective.RoomUse, error) {
	out := map[int64][]*elective.RoomUse{}
	if len(rooms) == 0 {
		return out, nil
	}
	templates, err := tx.clinicTemplates(` WHERE room <> ''`)
	if err != nil {
		return nil, err
	}
	made, err := tx.sessionDates(from, to)
	if err != nil {
		return nil, err
	}
	for _, t := range templates {
		var holders []*elective.Room
		for _, r := range rooms {
			if r.Holds(t.SiteID, t.Room) {
				holders = append(holders, r)
			}
		}
		if len(holders) == 0 {
			continue
		}
		dates := map[elective.Date]bool{}
		for k := range made {
			if k.template == t.ID {
				dates[k.date] = true
			}
		}
		uses := calendar.RoomUses(t, from, to, dates, tx.db.Location)
		if len(uses) == 0 {
			continue
		}
		holder, err := tx.clinicianName(t.ClinicianID)
		if err != nil {
			return nil, err
		}
		for _, r := range holders {
			for _, u := range uses {
				c := *u
				c.RoomID, c.Holder = r.ID, holder
				out[r.ID] = append(out[r.ID], &c)
			}
		}
	}
	return out, nil
}

// clinicianName is a clinician's name as the room pages show it.
func (tx *Tx) clinicianName(id int64) (string, error) {
	c := &elective.Clinician{}
	err := tx.queryRow(`SELECT title, given_name, family_name FROM clinician WHERE id = ?`, id).Scan(&c.Title, &c.GivenName, &c.FamilyName)
	return c.DisplayName(), err
}

// checkRoomFree refuses a clinic template (new, or given an extra session)
// whose sessions from from to to (zero: no end) would land on a standing
// booking of the room it names: the clinic reserves the room, so the
// meeting is moved or cancelled first, and the message names it and when.
func (tx *Tx) checkRoomFree(t *elective.ClinicTemplate, from, to elective.Date) error {
	rooms, err := tx.findRooms(` WHERE r.active = ? AND r.site_id = ?`, true, t.SiteID)
	if err != nil {
		return err
	}
	start := from.At(0, 0, tx.db.Location).UTC()
	for _, r := range rooms {
		if !r.Holds(t.SiteID, t.Room) {
			continue
		}
		if err := tx.lockRoom(r.ID); err != nil {
			return err
		}
		bookings, err := tx.bookingUses(` AND rb.room_id = ?`, start, farFuture, r.ID)
		if err != nil {
			return err
		}
		if b, on := calendar.BookingClash(t, bookings, from, to, tx.db.Location); b != nil {
			loc := tx.db.Location
			var p elective.Problems
			p.Add("room", "%s is booked for %s by %s, %s–%s on %s, when this clinic would run: move or cancel that booking first, "+
				"or choose another room", r.Name, b.Title, b.Holder, b.Start.In(loc).Format("15:04"), b.End.In(loc).Format("15:04"),
				on.Format("Mon 2 Jan 2006"))
			return p.Err("The clinic was not saved")
		}
	}
	return nil
}

// farFuture bounds a search for standing bookings from a date onwards.
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
