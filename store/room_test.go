package store_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// roomSetup loads the fixture trust (Mr Bone's knee clinic runs in OPD 1
// at the general hospital on Mondays, 09:00-10:30) and adds OPD 1 and a
// seminar room there.
func roomSetup(t *testing.T, db *store.DB) (opd, seminar *elective.Room) {
	t.Helper()
	MustSetup(t, db)
	svc := store.NewRoomService(db)
	opd = &elective.Room{SiteID: 1, Code: "OPD-1", Name: "OPD 1", Location: "Outpatients, ground floor", Kind: elective.RoomClinic, Capacity: 3}
	seminar = &elective.Room{SiteID: 1, Code: "SEM-2", Name: "Seminar room 2", Kind: elective.RoomMeeting, Capacity: 20}
	for _, r := range []*elective.Room{opd, seminar} {
		if err := svc.CreateRoom(as(rota), r); err != nil {
			t.Fatal(err)
		}
	}
	return opd, seminar
}

// london returns today at hh:mm in London.
func londonAt(hh, mm int) time.Time { return today.At(hh, mm, london) }

func booking(roomID int64, fromH, fromM, toH, toM int) *elective.RoomBooking {
	return &elective.RoomBooking{RoomID: roomID, Start: londonAt(fromH, fromM), End: londonAt(toH, toM),
		Purpose: "Orthopaedic MDT", BookedBy: "Mr Bone"}
}

// Rooms: a code in use, a second room of one name at a site, an unknown
// site and a booking officer are refused.
func TestRoomCreate(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		opd, _ := roomSetup(t, db)
		svc := store.NewRoomService(db)
		wantCode(t, svc.CreateRoom(as(rota), &elective.Room{SiteID: 2, Code: "opd-1 ", Name: "Other", Kind: elective.RoomClinic,
			Capacity: 2}), elective.ECONFLICT)
		wantCode(t, svc.CreateRoom(as(rota), &elective.Room{SiteID: 1, Code: "OPD-1B", Name: "opd 1", Kind: elective.RoomClinic,
			Capacity: 2}), elective.ECONFLICT)
		err := svc.CreateRoom(as(rota), &elective.Room{SiteID: 9, Code: "X", Name: "X", Kind: elective.RoomClinic, Capacity: 2})
		if wantCode(t, err, elective.EINVALID); elective.ErrorFields(err)[0].Field != "site" {
			t.Errorf("fields = %+v", elective.ErrorFields(err))
		}
		wantCode(t, svc.CreateRoom(as(booker), &elective.Room{SiteID: 1, Code: "Y", Name: "Y", Kind: elective.RoomClinic,
			Capacity: 2}), elective.EFORBIDDEN)
		rooms, err := svc.FindRooms(as(doctor))
		if err != nil || len(rooms) != 2 {
			t.Fatalf("rooms = %d, %v", len(rooms), err)
		}
		if r := rooms[0]; r.ID != opd.ID || r.SiteName != "Fixture General Hospital" || r.Location != "Outpatients, ground floor" ||
			r.Kind != elective.RoomClinic || r.Capacity != 3 || !r.Active {
			t.Errorf("first room = %+v", r)
		}
		if _, err := svc.FindRooms(as(nil)); elective.ErrorCode(err) != elective.EUNAUTHORIZED {
			t.Errorf("anonymous: %v", err)
		}
	})
}

// A booking is refused when another booking or the clinic in the room
// holds it, naming the holder and the time; back to back is fine; bad
// input names its field and saves nothing; a cancelled booking frees the
// time.
func TestRoomBook(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		opd, seminar := roomSetup(t, db)
		svc := store.NewRoomService(db)
		if err := svc.BookRoom(as(rota), booking(seminar.ID, 11, 0, 12, 0)); err != nil {
			t.Fatal(err)
		}
		clash := booking(seminar.ID, 11, 30, 12, 30)
		clash.BookedBy = "Ms Joint"
		err := svc.BookRoom(as(manager), clash)
		wantCode(t, err, elective.ECONFLICT)
		if msg := elective.ErrorMessage(err); !strings.Contains(msg, "Mr Bone") || !strings.Contains(msg, "11:00–12:00") {
			t.Errorf("clash message = %q, want the holder and the time", msg)
		}
		err = svc.BookRoom(as(rota), booking(opd.ID, 10, 0, 11, 0))
		wantCode(t, err, elective.ECONFLICT)
		if msg := elective.ErrorMessage(err); !strings.Contains(msg, "Mr Bone knee clinic") || !strings.Contains(msg, "09:00–10:30") {
			t.Errorf("clinic clash message = %q", msg)
		}
		back := booking(opd.ID, 10, 30, 11, 30)
		if err := svc.BookRoom(as(rota), back); err != nil {
			t.Fatalf("back to back with the clinic: %v", err)
		}
		before := count(t, db, "room_booking")
		for name, tt := range map[string]struct {
			b     *elective.RoomBooking
			field string
		}{
			"end before start": {booking(seminar.ID, 15, 0, 14, 0), "end"},
			"unknown room":     {booking(99, 15, 0, 16, 0), "room"},
			"in the past":      {booking(seminar.ID, 6, 0, 7, 0), "date"},
		} {
			err := svc.BookRoom(as(rota), tt.b)
			wantCode(t, err, elective.EINVALID)
			if fs := elective.ErrorFields(err); len(fs) != 1 || fs[0].Field != tt.field {
				t.Errorf("%s: fields = %+v", name, fs)
			}
		}
		wantCode(t, svc.BookRoom(as(booker), booking(seminar.ID, 15, 0, 16, 0)), elective.EFORBIDDEN)
		if n := count(t, db, "room_booking"); n != before {
			t.Errorf("%d bookings after refusals, want %d", n, before)
		}

		day, err := svc.FindRoomDay(as(doctor), opd.ID, today)
		if err != nil || len(day.Uses) != 2 {
			t.Fatalf("OPD 1 today = %+v, %v", day, err)
		}
		if u := day.Uses[0]; u.Kind != elective.UseClinic || u.Title != "Mr Bone knee clinic" || u.Holder != "Mr A Bone" ||
			!u.Start.Equal(londonAt(9, 0)) || !u.End.Equal(londonAt(10, 30)) {
			t.Errorf("first use = %+v", u)
		}
		if u := day.Uses[1]; u.Kind != elective.UseBooking || u.BookingID != back.ID || u.Holder != "Mr Bone" {
			t.Errorf("second use = %+v", u)
		}
		if day, _ := svc.FindRoomDay(as(doctor), opd.ID, today.AddDays(1)); len(day.Uses) != 0 {
			t.Errorf("tomorrow = %+v", day.Uses)
		}
		if _, err := svc.FindRoomDay(as(doctor), 99, today); elective.ErrorCode(err) != elective.ENOTFOUND {
			t.Errorf("unknown room: %v", err)
		}
		days, err := svc.FindRoomDays(as(doctor), today)
		if err != nil || len(days) != 2 || len(days[0].Uses) != 2 || len(days[1].Uses) != 1 {
			t.Fatalf("days = %+v, %v", days, err)
		}

		b, err := svc.CancelRoomBooking(as(rota), back.ID)
		if err != nil || b.RoomID != opd.ID || b.Cancelled.IsZero() || b.CancelledBy != "rota" {
			t.Fatalf("cancel = %+v, %v", b, err)
		}
		if _, err := svc.CancelRoomBooking(as(rota), back.ID); elective.ErrorCode(err) != elective.ECONFLICT {
			t.Errorf("cancel twice: %v", err)
		}
		if _, err := svc.CancelRoomBooking(as(rota), 999); elective.ErrorCode(err) != elective.ENOTFOUND {
			t.Errorf("cancel unknown: %v", err)
		}
		if err := svc.BookRoom(as(rota), booking(opd.ID, 10, 30, 11, 30)); err != nil {
			t.Errorf("rebook the freed time: %v", err)
		}
		var audited int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM audit_event WHERE action LIKE 'room.%'`).Scan(&audited)
		if audited != 2+3+1 { // two rooms, three bookings, one cancellation
			t.Errorf("%d room audit events, want 6", audited)
		}
	})
}

// TestConcurrentRoomBookingOneWinner: 16 bookers try to book one slot of
// one room at once, round after round; in every round exactly one wins
// and the others get ECONFLICT, on SQLite and PostgreSQL.
func TestConcurrentRoomBookingOneWinner(t *testing.T) {
	const bookers, rounds = 16, 10
	forEachDB(t, func(t *testing.T, db *store.DB) {
		_, seminar := roomSetup(t, db)
		svc := store.NewRoomService(db)
		for round := 0; round < rounds; round++ {
			var mu sync.Mutex
			var wg sync.WaitGroup
			wins := 0
			start := make(chan struct{})
			for i := 0; i < bookers; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					// Each booker asks for a slightly different hour, all
					// overlapping 12:00-12:30 of the round's day.
					b := booking(seminar.ID, 12, 0, 12, 30+i)
					b.Start, b.End = b.Start.AddDate(0, 0, round), b.End.AddDate(0, 0, round)
					err := svc.BookRoom(as(rota), b)
					mu.Lock()
					defer mu.Unlock()
					switch elective.ErrorCode(err) {
					case "":
						wins++
					case elective.ECONFLICT:
					default:
						t.Errorf("booker %d: %v, want success or ECONFLICT", i, err)
					}
				}()
			}
			close(start)
			wg.Wait()
			if wins != 1 {
				t.Fatalf("round %d: %d bookings of one slot, want exactly 1", round, wins)
			}
		}
		if n := count(t, db, "room_booking"); n != rounds {
			t.Errorf("%d bookings after %d rounds, want one a round", n, rounds)
		}
	})
}

// TestRoomAndClinicTemplates: a clinic reserves its room beyond the
// sessions made so far, so a booking on a date the knee clinic will run
// (but has no session yet) is refused naming it; a template, or an extra
// session, that would land on a standing booking is refused naming the
// booking, and nothing is saved.
func TestRoomAndClinicTemplates(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		opd, _ := roomSetup(t, db)
		rooms, clinics := store.NewRoomService(db), store.NewClinicService(db)
		later := today.AddDays(49) // a Monday past the sessions made (42 days)
		at := func(d elective.Date, h1, m1, h2, m2 int) *elective.RoomBooking {
			return &elective.RoomBooking{RoomID: opd.ID, Start: d.At(h1, m1, london), End: d.At(h2, m2, london),
				Purpose: "Orthopaedic MDT", BookedBy: "Mr Bone"}
		}
		err := rooms.BookRoom(as(rota), at(later, 10, 0, 11, 0))
		wantCode(t, err, elective.ECONFLICT)
		if msg := elective.ErrorMessage(err); !strings.Contains(msg, "Mr Bone knee clinic") || !strings.Contains(msg, "09:00–10:30") {
			t.Errorf("planned clinic clash = %q, want the clinic and its time", msg)
		}
		if day, err := rooms.FindRoomDay(as(doctor), opd.ID, later); err != nil || len(day.Uses) != 1 || day.Uses[0].Holder != "Mr A Bone" {
			t.Fatalf("OPD 1 in seven weeks = %+v, %v: want the clinic it will hold", day, err)
		}
		tuesday := today.AddDays(8)
		if err := rooms.BookRoom(as(rota), at(tuesday, 9, 30, 10, 30)); err != nil {
			t.Fatal(err)
		}
		templates := count(t, db, "clinic_template")
		tmpl := &elective.ClinicTemplate{Code: "ORTH-TUE", Name: "Tuesday clinic", ClinicianID: 1, SpecialtyID: 1, SiteID: 1,
			Room: "opd-1", Weekday: tuesday.Weekday(), StartMinute: 9 * 60, EffectiveFrom: today, // 09:00-10:00
			Slots: []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 30}, {Type: elective.SlotNew, Minutes: 30}}}
		err = clinics.CreateClinicTemplate(as(system), tmpl)
		wantCode(t, err, elective.EINVALID)
		if fs := elective.ErrorFields(err); len(fs) != 1 || fs[0].Field != "room" || !strings.Contains(fs[0].Message, "Orthopaedic MDT") ||
			!strings.Contains(fs[0].Message, "09:30–10:30") {
			t.Errorf("template over a booking: %+v", fs)
		}
		if n := count(t, db, "clinic_template"); n != templates {
			t.Errorf("%d templates after the refusal, want %d", n, templates)
		}
		tmpl.EffectiveFrom = tuesday.AddDays(1) // from the week after the booking: free
		if err := clinics.CreateClinicTemplate(as(system), tmpl); err != nil {
			t.Fatalf("a template after the booking: %v", err)
		}
		wednesday := today.AddDays(9)
		if err := rooms.BookRoom(as(rota), at(wednesday, 9, 0, 9, 30)); err != nil {
			t.Fatal(err)
		}
		err = clinics.AddTemplateException(as(system), 1, elective.TemplateException{Date: wednesday, Extra: true, Reason: "Extra list"})
		if fs := elective.ErrorFields(err); len(fs) != 1 || fs[0].Field != "room" {
			t.Errorf("extra session over a booking: %v", err)
		}
		if n := count(t, db, "template_exception"); n != 0 {
			t.Errorf("%d exceptions after the refusal, want 0", n)
		}
	})
}
