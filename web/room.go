package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// RoomIndexPage lists the rooms with today's occupancy between 08:00 and
// 20:00, and a form to add a room.
type RoomIndexPage struct {
	Page
	Date   elective.Date
	Rows   []RoomRow
	Sites  []*elective.Site
	Form   RoomForm
	Errors FormErrors
}

func (*RoomIndexPage) templateName() string { return "room/index" }

// Kinds are the room kinds, for the form.
func (*RoomIndexPage) Kinds() []elective.RoomKind { return elective.RoomKinds }

// RoomRow is one room's day in the list.
type RoomRow struct {
	Day     *elective.RoomDay
	Busy    int // minutes held between 08:00 and 20:00
	Percent int
	Current *elective.RoomUse // what holds the room now, if anything
	Next    *elective.RoomUse // the next use later today
}

// BusyLabel is the occupancy in words: "3 h 30 min of 12 h (29%)".
func (r RoomRow) BusyLabel() string {
	return fmt.Sprintf("%s of %d h (%d%%)", minutesLabel(r.Busy), timelineMinutes/60, r.Percent)
}

// RoomForm is a new room as typed.
type RoomForm struct {
	SiteID                               int64
	Code, Name, Location, Kind, Capacity string
}

// handleRoomIndex lists the rooms.
func (s *Server) handleRoomIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.roomIndexPage(r)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) roomIndexPage(r *http.Request) (*RoomIndexPage, error) {
	ctx := r.Context()
	p := &RoomIndexPage{Date: s.today(), Form: RoomForm{Kind: string(elective.RoomClinic), Capacity: "2"}}
	p.Title, p.Nav, p.Wide = "Rooms", NavRooms, true
	days, err := s.svc.Rooms.FindRoomDays(ctx, p.Date)
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	from, to := DayWindow(p.Date, s.cfg.Location)
	for _, d := range days {
		row := RoomRow{Day: d, Busy: d.BusyMinutes(from, to)}
		row.Percent = row.Busy * 100 / timelineMinutes
		for _, u := range d.Uses {
			switch {
			case !u.Start.After(now) && u.End.After(now):
				row.Current = u
			case u.Start.After(now) && row.Next == nil:
				row.Next = u
			}
		}
		p.Rows = append(p.Rows, row)
	}
	if p.Sites, err = s.svc.Organisations.FindSites(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// handleRoomCreate adds a room; a refusal is shown on the form.
func (s *Server) handleRoomCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := RoomForm{SiteID: formInt64(v("site_id")), Code: strings.ToUpper(v("code")), Name: v("name"), Location: v("location"),
		Kind: v("kind"), Capacity: v("capacity")}
	room := &elective.Room{SiteID: f.SiteID, Code: f.Code, Name: f.Name, Location: f.Location, Kind: elective.RoomKind(f.Kind)}
	var err error
	if room.Capacity, err = strconv.Atoi(f.Capacity); err != nil {
		err = fieldErr("capacity", "Enter how many people the room holds, as a whole number")
	} else {
		err = s.svc.Rooms.CreateRoom(r.Context(), room)
	}
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, "/rooms", "Room added: "+room.Name)
	case elective.EINVALID, elective.ECONFLICT:
		p, perr := s.roomIndexPage(r)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = f, newFormErrors(err, map[string]string{"site": "site-id"})
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// RoomViewPage is a room's day at a glance: the 08:00-20:00 timeline of
// clinic sessions and bookings, the list of them, and a form to book.
type RoomViewPage struct {
	Page
	Day        *elective.RoomDay
	Prev, Next elective.Date
	Today      elective.Date
	Timeline   RoomTimeline
	Busy       int
	Form       RoomBookingForm
	Errors     FormErrors
}

func (*RoomViewPage) templateName() string { return "room/view" }

// BusyLabel is the day's occupancy in words.
func (p *RoomViewPage) BusyLabel() string {
	return fmt.Sprintf("%s of %d h held between 08:00 and 20:00", minutesLabel(p.Busy), timelineMinutes/60)
}

// IsToday reports whether the page shows today.
func (p *RoomViewPage) IsToday() bool { return p.Day.Date == p.Today }

// DayURL is the room's page on date d.
func (p *RoomViewPage) DayURL(d elective.Date) string {
	return "/rooms/" + strconv.FormatInt(p.Day.Room.ID, 10) + "?date=" + d.String()
}

// RoomBookingForm is a room booking as typed: a local date and times.
type RoomBookingForm struct {
	Date, Start, End, Purpose, BookedBy string
}

// handleRoomView shows a room's day, today unless ?date= says otherwise.
func (s *Server) handleRoomView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	d := s.today()
	if q := strings.TrimSpace(r.URL.Query().Get("date")); q != "" {
		if d, err = elective.ParseDate(q); err != nil {
			return elective.Errorf(elective.EINVALID, "The date must be written as YYYY-MM-DD, for example %s", s.today())
		}
	}
	p, err := s.roomViewPage(r, id, d)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, p)
}

func (s *Server) roomViewPage(r *http.Request, id int64, d elective.Date) (*RoomViewPage, error) {
	day, err := s.svc.Rooms.FindRoomDay(r.Context(), id, d)
	if err != nil {
		return nil, err
	}
	loc := s.cfg.Location
	from, to := DayWindow(d, loc)
	p := &RoomViewPage{Day: day, Prev: d.AddDays(-1), Next: d.AddDays(1), Today: s.today(),
		Timeline: newRoomTimeline(day, loc), Busy: day.BusyMinutes(from, to),
		Form: RoomBookingForm{Date: d.String(), Start: "09:00", End: "10:00"}}
	p.Title, p.Nav = day.Room.Name+" on "+d.Format("2 Jan 2006"), NavRooms
	if u := elective.UserFromContext(r.Context()); u != nil {
		p.Form.BookedBy = u.Name
	}
	return p, nil
}

// handleRoomBook books the room; a clash or bad input is shown on the
// form with the day it was for.
func (s *Server) handleRoomBook(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := RoomBookingForm{Date: v("date"), Start: v("start"), End: v("end"), Purpose: v("purpose"), BookedBy: v("booked_by")}
	d, b, err := f.booking(id, s.cfg.Location)
	if err == nil {
		err = s.svc.Rooms.BookRoom(r.Context(), b)
	}
	loc := s.cfg.Location
	switch elective.ErrorCode(err) {
	case "":
		return s.redirectWithFlash(w, r, "/rooms/"+strconv.FormatInt(id, 10)+"?date="+d.String(),
			fmt.Sprintf("Room booked: %s, %s–%s on %s", b.RoomName, b.Start.In(loc).Format("15:04"), b.End.In(loc).Format("15:04"),
				d.Format("2 Jan 2006")))
	case elective.EINVALID, elective.ECONFLICT:
		if d.IsZero() {
			d = s.today()
		}
		p, perr := s.roomViewPage(r, id, d)
		if perr != nil {
			return perr
		}
		p.Form, p.Errors = f, newFormErrors(err, map[string]string{"room": "date"})
		return s.render(w, r, httpStatus(err), p)
	}
	return err
}

// booking reads the form's local date and times into a booking, naming
// the first field that does not parse; the service checks the rest.
func (f RoomBookingForm) booking(roomID int64, loc *time.Location) (elective.Date, *elective.RoomBooking, error) {
	d, err := elective.ParseDate(f.Date)
	if err != nil {
		return elective.Date{}, nil, fieldErr("date", "Enter the date of the booking")
	}
	start, err := parseHHMM(f.Start)
	if err != nil {
		return d, nil, fieldErr("start", "Enter the start time as HH:MM, for example 09:30")
	}
	end, err := parseHHMM(f.End)
	if err != nil {
		return d, nil, fieldErr("end", "Enter the end time as HH:MM, for example 10:30")
	}
	return d, &elective.RoomBooking{RoomID: roomID, Start: d.At(start/60, start%60, loc), End: d.At(end/60, end%60, loc),
		Purpose: f.Purpose, BookedBy: f.BookedBy}, nil
}

// handleRoomBookingCancel cancels a booking and returns to its day.
func (s *Server) handleRoomBookingCancel(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return err
	}
	b, err := s.svc.Rooms.CancelRoomBooking(r.Context(), id)
	if err != nil {
		return err
	}
	loc := s.cfg.Location
	d := elective.DateOf(b.Start, loc)
	return s.redirectWithFlash(w, r, "/rooms/"+strconv.FormatInt(b.RoomID, 10)+"?date="+d.String(),
		fmt.Sprintf("Booking cancelled: %s, %s–%s on %s", b.RoomName, b.Start.In(loc).Format("15:04"), b.End.In(loc).Format("15:04"),
			d.Format("2 Jan 2006")))
}

// minutesLabel is a duration in words: "3 h 30 min", "45 min", "0 min".
func minutesLabel(m int) string {
	switch {
	case m >= 60 && m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	case m >= 60:
		return fmt.Sprintf("%d h %d min", m/60, m%60)
	}
	return fmt.Sprintf("%d min", m)
}
