package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// fixtureRoomDay is OPD 1 on date d: Ms Okafor's clinic 09:00-12:30 and
// an MDT booked 13:00-14:00.
func fixtureRoomDay(e *testEnv, d elective.Date) *elective.RoomDay {
	room := &elective.Room{ID: 4, SiteID: 100, Code: "OPD-1", Name: "OPD 1", Location: "Outpatients, level 2",
		Kind: elective.RoomClinic, Capacity: 3, Active: true, SiteName: "Anytown General Hospital"}
	return &elective.RoomDay{Room: room, Date: d, Uses: []*elective.RoomUse{
		{Kind: elective.UseClinic, RoomID: 4, SessionID: 50, Start: d.At(9, 0, e.loc), End: d.At(12, 30, e.loc),
			Title: "Knee clinic", Holder: "Ms A Okafor"},
		{Kind: elective.UseBooking, RoomID: 4, BookingID: 8, Start: d.At(13, 0, e.loc), End: d.At(14, 0, e.loc),
			Title: "Orthopaedic MDT", Holder: "Mr Bone"},
	}}
}

// addRoomPages adds filled room pages.
func addRoomPages(add func(page, string), e *testEnv, formErrs FormErrors) {
	day := fixtureRoomDay(e, e.today())
	add(&RoomIndexPage{Date: e.today(), Rows: []RoomRow{{Day: day, Busy: 270, Percent: 37, Current: day.Uses[0], Next: day.Uses[1]}},
		Sites: fixtureSites(), Form: RoomForm{Kind: "clinic", Capacity: "2"}, Errors: formErrs}, "Rooms")
	add(&RoomViewPage{Day: day, Prev: e.today().AddDays(-1), Next: e.today().AddDays(1), Today: e.today(),
		Timeline: newRoomTimeline(day, e.loc), Busy: 270, Form: RoomBookingForm{Date: "2026-11-23", Start: "09:00", End: "10:00"},
		Errors: formErrs}, "OPD 1")
}

func (e *testEnv) stubRooms() {
	e.rooms.FindRoomDaysFn = func(_ context.Context, d elective.Date) ([]*elective.RoomDay, error) {
		return []*elective.RoomDay{fixtureRoomDay(e, d)}, nil
	}
	e.rooms.FindRoomDayFn = func(_ context.Context, id int64, d elective.Date) (*elective.RoomDay, error) {
		if id != 4 {
			return nil, elective.Errorf(elective.ENOTFOUND, "No room %d", id)
		}
		return fixtureRoomDay(e, d), nil
	}
}

// /rooms lists the rooms with what holds them now and next; only those
// who manage the workforce see the form; the rota coordinator has the
// link in the menu.
func TestRoomIndex(t *testing.T) {
	e := newTestEnv(t)
	e.stubRooms()
	e.now = e.today().At(10, 0, e.loc)
	w := e.get("/rooms", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "OPD 1", "Outpatients, level 2", "Clinic room", "2 uses", "4 h 30 min of 12 h (37%)", "In use", "09:00–12:30 Knee clinic",
		"Next: 13:00–14:00 Orthopaedic MDT", "Add the room", `href="/rooms"`, `href="/claims"`)
	w = e.get("/rooms", "tok-clinician")
	wantStatus(t, w, http.StatusOK)
	if strings.Contains(w.Body.String(), "Add the room") {
		t.Error("a clinician is offered the add-room form")
	}
	if w := e.get("/rooms", ""); w.Code != http.StatusSeeOther {
		t.Errorf("anonymous: %d", w.Code)
	}
}

// Adding a room: bad input is shown on the form, with what was typed.
func TestRoomCreate(t *testing.T) {
	e := newTestEnv(t)
	e.stubRooms()
	var got *elective.Room
	e.rooms.CreateRoomFn = func(_ context.Context, r *elective.Room) error { got = r; return nil }
	form := url.Values{"site_id": {"100"}, "code": {"sem-2"}, "name": {"Seminar room 2"}, "location": {""}, "kind": {"meeting"},
		"capacity": {"20"}}
	wantRedirect(t, e.post("/rooms", "tok-rota", form), "/rooms")
	if got == nil || got.Code != "SEM-2" || got.Kind != elective.RoomMeeting || got.Capacity != 20 || got.SiteID != 100 {
		t.Errorf("room = %+v", got)
	}
	form.Set("capacity", "lots")
	w := e.post("/rooms", "tok-rota", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter how many people the room holds", `value="Seminar room 2"`)
}

// A room's day: the timeline and the list, prev and next day links, a
// booking form in UK time; a clash is shown on the form.
func TestRoomViewAndBook(t *testing.T) {
	e := newTestEnv(t)
	e.stubRooms()
	w := e.get("/rooms/4?date=2026-11-24", "tok-rota")
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "Tuesday 24 November 2026", `href="/rooms/4?date=2026-11-23"`, `href="/rooms/4?date=2026-11-25"`, "room-timeline",
		"09:00–12:30 Knee clinic (Ms A Okafor)", "Orthopaedic MDT", "4 h 30 min of 12 h held", "Cancel booking", "Book the room")
	wantStatus(t, e.get("/rooms/4?date=24/11/2026", "tok-rota"), http.StatusUnprocessableEntity)
	wantStatus(t, e.get("/rooms/9", "tok-rota"), http.StatusNotFound)

	var got *elective.RoomBooking
	e.rooms.BookRoomFn = func(_ context.Context, b *elective.RoomBooking) error { got, b.RoomName = b, "OPD 1"; return nil }
	form := url.Values{"date": {"2026-11-24"}, "start": {"15:00"}, "end": {"16:30"}, "purpose": {"Teaching"}, "booked_by": {"Dr Chen"}}
	wantRedirect(t, e.post("/rooms/4/bookings", "tok-rota", form), "/rooms/4?date=2026-11-24")
	if got == nil || got.RoomID != 4 || !got.Start.Equal(e.today().AddDays(1).At(15, 0, e.loc)) || got.End.Sub(got.Start).Minutes() != 90 {
		t.Errorf("booking = %+v", got)
	}
	e.rooms.BookRoomFn = func(context.Context, *elective.RoomBooking) error {
		return elective.Errorf(elective.ECONFLICT, "OPD 1 is already booked by Mr Bone for Orthopaedic MDT, 13:00–14:00 on 24 Nov 2026")
	}
	w = e.post("/rooms/4/bookings", "tok-rota", form)
	wantStatus(t, w, http.StatusConflict)
	wantBody(t, w, "already booked by Mr Bone", `value="Teaching"`)
	form.Set("end", "half four")
	w = e.post("/rooms/4/bookings", "tok-rota", form)
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "Enter the end time as HH:MM", `href="#end"`)
}

// Cancelling returns to the booking's day with a message.
func TestRoomBookingCancel(t *testing.T) {
	e := newTestEnv(t)
	e.stubRooms()
	e.rooms.CancelRoomBookingFn = func(_ context.Context, id int64) (*elective.RoomBooking, error) {
		d := e.today().AddDays(2)
		return &elective.RoomBooking{ID: id, RoomID: 4, RoomName: "OPD 1", Start: d.At(13, 0, e.loc), End: d.At(14, 0, e.loc)}, nil
	}
	wantRedirect(t, e.post("/room-bookings/8/cancel", "tok-rota", nil), "/rooms/4?date=2026-11-25")
	e.rooms.CancelRoomBookingFn = func(context.Context, int64) (*elective.RoomBooking, error) {
		return nil, elective.Errorf(elective.EFORBIDDEN, "Your role does not allow this")
	}
	wantStatus(t, e.post("/room-bookings/8/cancel", "tok-officer", nil), http.StatusForbidden)
}

// The timeline clips uses to 08:00-20:00 and drops one wholly outside.
func TestRoomTimeline(t *testing.T) {
	e := newTestEnv(t)
	day := fixtureRoomDay(e, e.today())
	day.Uses = append(day.Uses,
		&elective.RoomUse{Kind: elective.UseBooking, Start: e.today().At(7, 0, e.loc), End: e.today().At(8, 30, e.loc), Title: "Early"},
		&elective.RoomUse{Kind: elective.UseBooking, Start: e.today().At(20, 0, e.loc), End: e.today().At(21, 0, e.loc), Title: "Late"})
	tl := newRoomTimeline(day, e.loc)
	if len(tl.Bars) != 3 {
		t.Fatalf("bars = %+v", tl.Bars)
	}
	if b := tl.Bars[0]; b.X != timelineLeft+60 || b.W != 210 || b.Fill != clinicFill || b.Label != "Knee clinic" {
		t.Errorf("clinic bar = %+v", b)
	}
	if b := tl.Bars[2]; b.X != timelineLeft || b.W != 30 || b.Fill != bookingFill {
		t.Errorf("early bar = %+v", b)
	}
	if len(tl.Hours) != 7 || tl.Hours[6].Label != "20:00" {
		t.Errorf("hours = %+v", tl.Hours)
	}
}
