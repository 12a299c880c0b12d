package elective

import (
	"testing"
	"time"
)

// roomAt is 23 November 2026 (GMT) at hh:mm.
func roomAt(hh, mm int) time.Time { return time.Date(2026, 11, 23, hh, mm, 0, 0, time.UTC) }

// TestOverlaps: intervals are half-open, so back-to-back bookings share
// no time; containment and partial overlap clash.
func TestOverlaps(t *testing.T) {
	for _, tt := range []struct {
		name       string
		as, ae     time.Time
		bs, be     time.Time
		wantOverlp bool
	}{
		{"the same hour", roomAt(9, 0), roomAt(10, 0), roomAt(9, 0), roomAt(10, 0), true},
		{"starts inside", roomAt(9, 0), roomAt(10, 0), roomAt(9, 30), roomAt(11, 0), true},
		{"ends inside", roomAt(9, 0), roomAt(10, 0), roomAt(8, 0), roomAt(9, 1), true},
		{"contains", roomAt(9, 0), roomAt(12, 0), roomAt(10, 0), roomAt(10, 30), true},
		{"inside", roomAt(10, 0), roomAt(10, 30), roomAt(9, 0), roomAt(12, 0), true},
		{"back to back after", roomAt(9, 0), roomAt(10, 0), roomAt(10, 0), roomAt(11, 0), false},
		{"back to back before", roomAt(10, 0), roomAt(11, 0), roomAt(9, 0), roomAt(10, 0), false},
		{"apart", roomAt(9, 0), roomAt(10, 0), roomAt(14, 0), roomAt(15, 0), false},
	} {
		if got := Overlaps(tt.as, tt.ae, tt.bs, tt.be); got != tt.wantOverlp {
			t.Errorf("%s: overlaps = %v, want %v", tt.name, got, tt.wantOverlp)
		}
	}
}

// TestRoomBookingValidate names each bad field: an end before the start,
// a booking in the past, one longer than a working day, a missing purpose
// or holder; nothing else is reported.
func TestRoomBookingValidate(t *testing.T) {
	now := roomAt(8, 0)
	ok := func() *RoomBooking {
		return &RoomBooking{RoomID: 1, Start: roomAt(9, 0), End: roomAt(10, 0), Purpose: "Orthopaedic MDT", BookedBy: "Mr Bone"}
	}
	if err := ok().Validate(now); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		edit  func(*RoomBooking)
		field string
	}{
		{"no room", func(b *RoomBooking) { b.RoomID = 0 }, "room"},
		{"end before start", func(b *RoomBooking) { b.End = roomAt(8, 30) }, "end"},
		{"end at start", func(b *RoomBooking) { b.End = b.Start }, "end"},
		{"no start", func(b *RoomBooking) { b.Start = time.Time{} }, "start"},
		{"too long", func(b *RoomBooking) { b.End = b.Start.Add(15 * time.Hour) }, "end"},
		{"in the past", func(b *RoomBooking) { b.Start, b.End = roomAt(6, 0), roomAt(7, 0) }, "date"},
		{"no purpose", func(b *RoomBooking) { b.Purpose = "  " }, "purpose"},
		{"no holder", func(b *RoomBooking) { b.BookedBy = "" }, "booked_by"},
	} {
		b := ok()
		tt.edit(b)
		fs := ErrorFields(b.Validate(now))
		if len(fs) != 1 || fs[0].Field != tt.field {
			t.Errorf("%s: fields = %+v, want only %s", tt.name, fs, tt.field)
		}
	}
}

// TestRoomValidate names each bad field of a new room.
func TestRoomValidate(t *testing.T) {
	ok := &Room{SiteID: 1, Code: "OPD-1", Name: "OPD 1", Kind: RoomClinic, Capacity: 4}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	want := []string{"site", "code", "name", "kind", "capacity"}
	fs := ErrorFields((&Room{Kind: "cupboard", Capacity: -2}).Validate())
	if len(fs) != len(want) {
		t.Fatalf("fields = %+v, want %v", fs, want)
	}
	for i, f := range fs {
		if f.Field != want[i] {
			t.Errorf("field %d = %s, want %s", i, f.Field, want[i])
		}
	}
}

// TestRoomHolds: a clinic's room text names the room by name or code,
// whatever the case, at the room's own site only.
func TestRoomHolds(t *testing.T) {
	r := &Room{SiteID: 1, Code: "OPD-1", Name: "OPD 1"}
	for _, tt := range []struct {
		site int64
		text string
		want bool
	}{
		{1, "OPD 1", true}, {1, "opd 1 ", true}, {1, "OPD-1", true},
		{2, "OPD 1", false}, {1, "OPD 2", false}, {1, "", false},
	} {
		if got := r.Holds(tt.site, tt.text); got != tt.want {
			t.Errorf("Holds(%d, %q) = %v, want %v", tt.site, tt.text, got, tt.want)
		}
		if got := NewRoomFinder([]*Room{r}).Find(tt.site, tt.text); (len(got) == 1) != tt.want {
			t.Errorf("Find(%d, %q) = %v, want it to agree with Holds (%v)", tt.site, tt.text, got, tt.want)
		}
	}
	// A room whose name is its code is found once; two rooms of one name
	// at a site (refused by the store, but not here) are both found.
	same := &Room{ID: 2, SiteID: 1, Code: "sem", Name: "SEM"}
	other := &Room{ID: 3, SiteID: 1, Code: "SEM-B", Name: "sem"}
	if got := NewRoomFinder([]*Room{same, other}).Find(1, " Sem"); len(got) != 2 || got[0] != same || got[1] != other {
		t.Errorf("Find = %v, want both rooms, once each, in order", got)
	}
}

// TestFirstClashAndBusyMinutes: the earliest overlapping use is named; a
// clinic from 09:00 to 12:30 and a meeting from 12:00 to 13:00 hold the
// room for four hours of the 08:00-20:00 day, not four and a half.
func TestFirstClashAndBusyMinutes(t *testing.T) {
	clinic := &RoomUse{Kind: UseClinic, Start: roomAt(9, 0), End: roomAt(12, 30), Title: "Knee clinic"}
	meeting := &RoomUse{Kind: UseBooking, Start: roomAt(12, 0), End: roomAt(13, 0), Title: "MDT"}
	late := &RoomUse{Kind: UseBooking, Start: roomAt(19, 0), End: roomAt(21, 0), Title: "Teaching"}
	uses := []*RoomUse{meeting, late, clinic}
	if got := FirstClash(uses, roomAt(12, 15), roomAt(12, 45)); got != clinic {
		t.Errorf("clash = %+v, want the clinic", got)
	}
	if got := FirstClash(uses, roomAt(13, 0), roomAt(14, 0)); got != nil {
		t.Errorf("clash after the meeting = %+v, want none", got)
	}
	d := &RoomDay{Uses: uses}
	d.SortUses()
	if d.Uses[0] != clinic || d.Uses[2] != late {
		t.Errorf("order = %v", d.Uses)
	}
	if got := d.BusyMinutes(roomAt(8, 0), roomAt(20, 0)); got != 4*60+60 {
		t.Errorf("busy = %d minutes, want 300 (4 h clinic and meeting, 1 h of teaching before 20:00)", got)
	}
}
