package store_test

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// editFixture is Mr Bone's Monday list with its sessions made for eight
// weeks from today (23 November 2026; 28 December is a bank holiday).
type editFixture struct {
	db       *store.DB
	svc      *store.TheatreTemplateService
	theatres *store.TheatreService
	tpl      *elective.TheatreTemplate
}

func newEditFixture(t *testing.T, db *store.DB, weeks int) *editFixture {
	t.Helper()
	theatreSetup(t, db)
	f := &editFixture{db: db, svc: store.NewTheatreTemplateService(db), theatres: store.NewTheatreService(db), tpl: mondayList()}
	if err := f.svc.CreateTheatreTemplate(as(senior), f.tpl); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.GenerateTheatreSessions(as(senior), today, today.AddDays(7*weeks)); err != nil {
		t.Fatal(err)
	}
	return f
}

// list is the template's session days from today.
func (f *editFixture) list(t *testing.T, days int) *elective.TheatreSession {
	t.Helper()
	ss, err := f.theatres.FindTheatreSessions(as(senior), elective.TheatreSessionFilter{From: today.AddDays(days), To: today.AddDays(days), TheatreID: f.tpl.TheatreID})
	if err != nil || len(ss) != 1 {
		t.Fatalf("the list %d days on: %v, %v", days, ss, err)
	}
	return ss[0]
}

func (f *editFixture) book(t *testing.T, s *elective.TheatreSession, n, minutes int) *elective.TheatreCase {
	t.Helper()
	e := listEntry(t, f.db, n, elective.P3)
	c, err := f.theatres.ScheduleCase(as(senior), elective.ScheduleCase{SessionID: s.ID, EntryID: e.ID, Minutes: minutes})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func audited(t *testing.T, db *store.DB, action string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(db.Rebind(`SELECT COUNT(*) FROM audit_event WHERE action = ?`), action).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A shorter list with a new anaesthetist from today: the preview names the
// lists it reaches, the locked ones (inside 2 weeks, rules.md 3.6) apart,
// and the case that would run over; saving is refused until that case is
// agreed to come off, with a reason; a senior officer cannot include the
// locked lists, a manager can, with a reason, audited.
func TestTheatreTemplateEdit(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		f := newEditFixture(t, db, 8)
		f.book(t, f.list(t, 28), 1, 60) // 21 December: still fits
		f.book(t, f.list(t, 42), 2, 120)
		over := f.book(t, f.list(t, 42), 3, 90) // 4 January: 210 of 180 minutes
		e := elective.EditOf(f.tpl, today)
		e.Anaesthetist, e.Minutes = "Dr Sleep", 180
		p, err := f.svc.PreviewTheatreTemplateEdit(as(senior), e)
		if err != nil {
			t.Fatal(err)
		}
		// 30 Nov, 7 Dec (locked), 14, 21 Dec, 4, 11, 18 Jan; not today's.
		if len(p.Sessions) != 7 || p.LockedCount() != 2 || p.BrokenCount(false) != 1 || strings.Join(p.Changes, ",") != "anaesthetist,minutes" {
			t.Fatalf("preview: %d lists, %d locked, %d broken, changes %v", len(p.Sessions), p.LockedCount(), p.BrokenCount(false), p.Changes)
		}
		if b := p.Sessions[4].Broken; len(b) != 1 || b[0].Case.ID != over.ID || p.Sessions[4].Session.Date != today.AddDays(42) {
			t.Errorf("4 January: broken %+v", b)
		}
		_, err = f.svc.EditTheatreTemplate(as(senior), e)
		wantCode(t, err, elective.ECONFLICT)
		if msg := elective.ErrorMessage(err); !strings.Contains(msg, "Knee arthroscopy (W852) on 4 Jan 2027") {
			t.Errorf("refusal = %q", msg)
		}
		if s := f.list(t, 21); s.Minutes != 240 || s.Anaesthetist != "Dr Gas" {
			t.Errorf("a refused edit changed the list: %+v", s)
		}
		e.TakeOff = []int64{over.ID}
		_, err = f.svc.EditTheatreTemplate(as(senior), e)
		wantCode(t, err, elective.EINVALID)
		if fs := elective.ErrorFields(err); len(fs) != 1 || fs[0].Field != "reason" {
			t.Errorf("fields = %+v", fs)
		}
		e.Reason = "Anaesthetic rota change"
		locked := e
		locked.IncludeLocked, locked.Override = true, "Agreed at the theatre meeting"
		_, err = f.svc.EditTheatreTemplate(as(senior), locked)
		wantCode(t, err, elective.EFORBIDDEN)
		got, err := f.svc.EditTheatreTemplate(as(senior), e)
		if err != nil || *got != (elective.TheatreTemplateEdited{Changed: 5, LockedLeft: 2, TakenOff: 1}) {
			t.Fatalf("edit = %+v, %v", got, err)
		}
		if s := f.list(t, 21); s.Minutes != 180 || s.Anaesthetist != "Dr Sleep" || s.AnaesthetistConfirmed {
			t.Errorf("14 December = %+v", s)
		}
		for _, days := range []int{0, 7} {
			if s := f.list(t, days); s.Minutes != 240 || s.Anaesthetist != "Dr Gas" {
				t.Errorf("%s changed: %+v", s.Date, s)
			}
		}
		if en, _ := f.theatres.FindAdmittedEntry(as(senior), over.EntryID); en.Status != elective.AdmittedWaiting {
			t.Errorf("the case taken off: entry %s", en.Status)
		}
		if s := f.list(t, 42); len(bookedOn(s)) != 1 {
			t.Errorf("4 January keeps %d cases", len(bookedOn(s)))
		}
		if n, err := f.svc.GenerateTheatreSessions(as(senior), today, today.AddDays(70)); err != nil || n != 2 {
			t.Fatalf("made %d, %v", n, err)
		}
		if s := f.list(t, 70); s.Minutes != 180 || s.Anaesthetist != "Dr Sleep" {
			t.Errorf("a list made after the edit: %+v", s)
		}
		if audited(t, db, "theatre.template-edit") != 1 || audited(t, db, "theatre.case-unschedule") != 1 {
			t.Errorf("audit: %d edits, %d cases off", audited(t, db, "theatre.template-edit"), audited(t, db, "theatre.case-unschedule"))
		}

		// The stack goes for repair: a manager includes the locked lists.
		m := elective.EditOf(f.tpl, today)
		m.Anaesthetist, m.Minutes, m.Kit, m.IncludeLocked = "Dr Sleep", 180, nil, true
		_, err = f.svc.EditTheatreTemplate(as(manager), m)
		wantCode(t, err, elective.EINVALID)
		m.Override = "Stack away for repair"
		if got, err := f.svc.EditTheatreTemplate(as(manager), m); err != nil || got.Changed != 9 || got.LockedLeft != 0 {
			t.Fatalf("manager's edit = %+v, %v", got, err)
		}
		if s := f.list(t, 7); len(s.Kit) != 0 || s.Minutes != 240 {
			t.Errorf("7 December = %+v", s)
		}
		if n := audited(t, db, "theatre.override"); n != 2 {
			t.Errorf("overrides audited: %d, want 2", n)
		}
		ts, _ := f.svc.FindTheatreTemplate(as(booker), f.tpl.ID)
		if ts.Minutes != 180 || ts.Anaesthetist != "Dr Sleep" || len(ts.Kit) != 0 || ts.Weekday != f.tpl.Weekday {
			t.Errorf("template = %+v", ts)
		}
	})
}

func bookedOn(s *elective.TheatreSession) []*elective.TheatreCase {
	var out []*elective.TheatreCase
	for _, c := range s.Cases {
		if c.Status == elective.CaseBooked {
			out = append(out, c)
		}
	}
	return out
}

// A new owner surgeon: lists before the apply-from date keep Mr Bone,
// those not yet made are made first; a surgeon confirmed on a list for
// the day is kept; Mr Bone's booked patient would be on Ms Joint's list,
// so the edit is refused naming the case, not the patient.
func TestTheatreTemplateEditSurgeon(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		f := newEditFixture(t, db, 3) // 23, 30 Nov, 7, 14 Dec
		e := elective.EditOf(f.tpl, today.AddDays(42))
		e.SurgeonID = 2
		p, err := f.svc.PreviewTheatreTemplateEdit(as(senior), e)
		if err != nil || p.Made != 1 || len(p.Sessions) != 0 || p.Edited.SurgeonName != "Ms C Joint" {
			t.Fatalf("preview = %+v, %v; want 21 Dec made first", p, err)
		}
		if got, err := f.svc.EditTheatreTemplate(as(senior), e); err != nil || got.Made != 1 {
			t.Fatalf("edit = %+v, %v", got, err)
		}
		if _, err := f.svc.GenerateTheatreSessions(as(senior), today, today.AddDays(49)); err != nil {
			t.Fatal(err)
		}
		if s := f.list(t, 28); s.SurgeonID != 1 {
			t.Errorf("21 December, before the change: surgeon %d", s.SurgeonID)
		}
		if s := f.list(t, 42); s.SurgeonID != 2 {
			t.Errorf("4 January, from the change: surgeon %d", s.SurgeonID)
		}

		// Back to Mr Bone from today: lists already his keep him.
		tpl, _ := f.svc.FindTheatreTemplate(as(senior), f.tpl.ID)
		e = elective.EditOf(tpl, today)
		e.SurgeonID = 1
		if _, err := f.svc.EditTheatreTemplate(as(senior), e); err != nil {
			t.Fatal(err)
		}
		if s := f.list(t, 42); s.SurgeonID != 1 || s.SurgeonConfirmed {
			t.Errorf("4 January = %+v", s)
		}
		// Ms Joint covers 14 December; Mr Bone's patient goes on 11 January.
		if err := f.theatres.ConfirmStaffing(as(senior), elective.SessionStaffing{SessionID: f.list(t, 21).ID, SurgeonID: 2,
			SurgeonConfirmed: true}); err != nil {
			t.Fatal(err)
		}
		c := f.book(t, f.list(t, 49), 1, 60)
		e = elective.EditOf(f.tpl, today)
		e.SurgeonID = 2
		p, err = f.svc.PreviewTheatreTemplateEdit(as(senior), e)
		if err != nil {
			t.Fatal(err)
		}
		for _, se := range p.Sessions {
			if se.Session.Date == today.AddDays(21) && (len(se.Changed) != 0 || strings.Join(se.Kept, ",") != "owner surgeon") {
				t.Errorf("14 December with a locum: changed %v kept %v", se.Changed, se.Kept)
			}
		}
		_, err = f.svc.EditTheatreTemplate(as(senior), e)
		wantCode(t, err, elective.ECONFLICT)
		msg := elective.ErrorMessage(err)
		if !strings.Contains(msg, "Knee arthroscopy (W852) on 11 Jan 2027: Mr A Bone's patient cannot go on Ms C Joint's list") {
			t.Errorf("refusal = %q", msg)
		}
		if en, _ := f.theatres.FindAdmittedEntry(as(senior), c.EntryID); strings.Contains(msg, en.PatientName) {
			t.Errorf("the refusal names the patient: %q", msg)
		}
	})
}

// The theatre must be free at the new time: another template's afternoon
// refuses an all-day list; a one-off list in theatre 2 refuses a move
// there, naming the date; bad fields are named.
func TestTheatreTemplateEditClash(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		f := newEditFixture(t, db, 4)
		pm := mondayList(func(tt *elective.TheatreTemplate) { tt.Period, tt.StartMinute = elective.PeriodAfternoon, 13*60 })
		if err := f.svc.CreateTheatreTemplate(as(senior), pm); err != nil {
			t.Fatal(err)
		}
		e := elective.EditOf(f.tpl, today)
		e.Period, e.Minutes = elective.PeriodAllDay, 480
		_, err := f.svc.PreviewTheatreTemplateEdit(as(senior), e)
		wantCode(t, err, elective.ECONFLICT)
		mustSession(t, db, 21, elective.PeriodMorning, func(s *elective.TheatreSession) { s.TheatreID = 2 })
		e = elective.EditOf(f.tpl, today)
		e.TheatreID = 2
		p, err := f.svc.PreviewTheatreTemplateEdit(as(senior), e)
		if err != nil {
			t.Fatal(err)
		}
		clashes := 0
		for _, se := range p.Sessions {
			if se.Clash != "" {
				clashes++
			}
		}
		if clashes != 1 {
			t.Errorf("clashes = %d, want 1 (14 December)", clashes)
		}
		_, err = f.svc.EditTheatreTemplate(as(senior), e)
		wantCode(t, err, elective.ECONFLICT)
		if !strings.Contains(elective.ErrorMessage(err), "14 Dec 2026") {
			t.Errorf("refusal = %v", err)
		}
		e = elective.EditOf(f.tpl, today.AddDays(-1))
		e.SurgeonID, e.ListType = 3, "none"
		_, err = f.svc.EditTheatreTemplate(as(senior), e)
		wantCode(t, err, elective.EINVALID)
		var fields []string
		for _, fe := range elective.ErrorFields(err) {
			fields = append(fields, fe.Field)
		}
		if strings.Join(fields, ",") != "list_type,apply_from" {
			t.Errorf("fields = %v", fields)
		}
		e = elective.EditOf(f.tpl, today)
		e.SurgeonID = 3 // a breast surgeon
		_, err = f.svc.PreviewTheatreTemplateEdit(as(senior), e)
		if fs := elective.ErrorFields(err); len(fs) != 1 || fs[0].Field != "surgeon" {
			t.Errorf("another specialty's surgeon: %v", err)
		}
		_, err = f.svc.PreviewTheatreTemplateEdit(as(booker), e)
		wantCode(t, err, elective.EFORBIDDEN)
	})
}
