package web

import (
	"fmt"
	"time"

	"github.com/openelective/elective"
)

// The room day timeline runs from 08:00 to 20:00 local time, one SVG unit
// a minute, with clinic sessions on one lane and bookings on the other.
// It is drawn on the server as SVG attributes, so the page's strict
// content security policy (no inline styles) leaves it intact; the table
// under it carries the same facts in words.
const (
	timelineFromHour = 8
	timelineToHour   = 20
	timelineLeft     = 80 // room for the lane labels
	timelineMinutes  = (timelineToHour - timelineFromHour) * 60
	timelineLaneH    = 30
)

// Lane colours: NHS blue for clinics, NHS green for bookings.
const (
	clinicFill  = "#005eb8"
	bookingFill = "#007f3b"
)

// RoomTimeline is the drawn day.
type RoomTimeline struct {
	Width, Height int
	Hours         []TimelineHour
	Lanes         []TimelineLane
	Bars          []TimelineBar
}

// TimelineHour is a tick on the time axis.
type TimelineHour struct {
	X     int
	Label string
}

// TimelineLane is a labelled row.
type TimelineLane struct {
	Y, TextY int
	Label    string
}

// TimelineBar is one use of the room, clipped to the day shown.
type TimelineBar struct {
	X, Y, W, H   int
	TextX, TextY int
	Fill         string
	Label        string // shown inside the bar when it fits
	Title        string // the hover text: the full times and holder
}

// DayWindow is the timeline's start and end on date d in loc.
func DayWindow(d elective.Date, loc *time.Location) (time.Time, time.Time) {
	return d.At(timelineFromHour, 0, loc), d.At(timelineToHour, 0, loc)
}

// newRoomTimeline lays out a room's day.
func newRoomTimeline(day *elective.RoomDay, loc *time.Location) RoomTimeline {
	from, to := DayWindow(day.Date, loc)
	tl := RoomTimeline{Width: timelineLeft + timelineMinutes + 10, Height: 24 + 2*timelineLaneH + 16}
	for h := timelineFromHour; h <= timelineToHour; h += 2 {
		tl.Hours = append(tl.Hours, TimelineHour{X: timelineLeft + (h-timelineFromHour)*60, Label: fmt.Sprintf("%02d:00", h)})
	}
	laneY := map[elective.RoomUseKind]int{elective.UseClinic: 24, elective.UseBooking: 24 + timelineLaneH + 6}
	tl.Lanes = []TimelineLane{{Y: laneY[elective.UseClinic], TextY: laneY[elective.UseClinic] + 19, Label: "Clinics"},
		{Y: laneY[elective.UseBooking], TextY: laneY[elective.UseBooking] + 19, Label: "Bookings"}}
	for _, u := range day.Uses {
		s, e := u.Start, u.End
		if s.Before(from) {
			s = from
		}
		if e.After(to) {
			e = to
		}
		if !s.Before(e) {
			continue // wholly outside 08:00-20:00: listed in the table only
		}
		x := timelineLeft + int(s.Sub(from)/time.Minute)
		w := max(int(e.Sub(s)/time.Minute), 2)
		bar := TimelineBar{X: x, Y: laneY[u.Kind], W: w, H: timelineLaneH - 6, TextX: x + 4, TextY: laneY[u.Kind] + 16,
			Fill: bookingFill, Title: useTitle(u, loc)}
		if u.Kind == elective.UseClinic {
			bar.Fill = clinicFill
		}
		if w >= 7*len(u.Title)+8 {
			bar.Label = u.Title
		} else if w >= 44 {
			bar.Label = u.Start.In(loc).Format("15:04")
		}
		tl.Bars = append(tl.Bars, bar)
	}
	return tl
}

// useTitle is a use in words: "09:00–10:30 Mr Bone knee clinic (Mr A Bone)".
func useTitle(u *elective.RoomUse, loc *time.Location) string {
	return u.Start.In(loc).Format("15:04") + "–" + u.End.In(loc).Format("15:04") + " " + u.Title + " (" + u.Holder + ")"
}
