package store

import (
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
)

// plannedUses returns, per room id, the sessions clinic templates will
// hold in rooms on dates from..to (from today at the earliest) whose
// sessions are not made yet. Made sessions are read as they are
// (clinicUses); these are the ones the rolling session generation will
// make, which a booking must not land on. Slots (which give a session its
// end) are read only for the templates with such a date: near dates are
// nearly all made.
func (tx *Tx) plannedUses(rooms []*elective.Room, from, to elective.Date) (map[int64][]*elective.RoomUse, error) {
	out := map[int64][]*elective.RoomUse{}
	if today := tx.today(); from.Before(today) {
		from = today
	}
	if len(rooms) == 0 || to.Before(from) {
		return out, nil
	}
	templates, byID, err := tx.clinicTemplateHeads(` WHERE room <> ''`)
	if err != nil {
		return nil, err
	}
	if err := tx.loadTemplateExceptions(byID); err != nil {
		return nil, err
	}
	made, err := tx.sessionDates(from, to)
	if err != nil {
		return nil, err
	}
	type planned struct {
		t       *elective.ClinicTemplate
		holders []*elective.Room
		dates   []elective.Date
	}
	var pending []planned
	var ids []any
	finder := elective.NewRoomFinder(rooms)
	for _, t := range templates {
		p := planned{t: t, holders: finder.Find(t.SiteID, t.Room)}
		if len(p.holders) == 0 {
			continue
		}
		for _, d := range calendar.TemplateDates(t, from, to) {
			if !made[sessionKey{t.ID, d}] {
				p.dates = append(p.dates, d)
			}
		}
		if len(p.dates) > 0 {
			pending, ids = append(pending, p), append(ids, t.ID)
		}
	}
	if len(pending) == 0 {
		return out, nil
	}
	if err := tx.loadTemplateSlots(byID, ids); err != nil {
		return nil, err
	}
	for _, p := range pending {
		holder, err := tx.clinicianName(p.t.ClinicianID)
		if err != nil {
			return nil, err
		}
		for _, d := range p.dates {
			for _, u := range calendar.RoomUses(p.t, d, d, nil, tx.db.Location) {
				for _, r := range p.holders {
					c := *u
					c.RoomID, c.Holder = r.ID, holder
					out[r.ID] = append(out[r.ID], &c)
				}
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
