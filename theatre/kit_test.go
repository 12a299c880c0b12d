package theatre

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// mobileII is a trust with one image intensifier on a trolley (mobile) and
// two arthroscopy stacks set up in their theatres (fixed).
func mobileII() *elective.TheatreResources {
	return &elective.TheatreResources{Kit: map[string]int{"Image intensifier": 1, "Arthroscopy stack": 2},
		Mobile: map[string]bool{"Image intensifier": true}}
}

// TestCheckCase_MobileKit: a case needing mobile kit may go on a list whose
// own kit lacks it; fixed kit must be on the list (rules.md 3.6; the
// count across lists is TestCheckSharedKit_Mobile's).
func TestCheckCase_MobileKit(t *testing.T) {
	today := d("2026-12-03")
	ii := func(e *elective.AdmittedListEntry) { e.Kit = append(e.Kit, "image intensifier ") }
	for _, tt := range []struct {
		name string
		s    func(*elective.TheatreSession)
		e    func(*elective.AdmittedListEntry)
		res  *elective.TheatreResources
		want string
	}{
		{"mobile, not on the list: fits", nil, ii, mobileII(), ""},
		{"mobile, on the list: fits", func(s *elective.TheatreSession) { s.Kit = append(s.Kit, "Image intensifier") }, ii, mobileII(), ""},
		{"the same item fixed: refused", nil, ii, &elective.TheatreResources{Kit: map[string]int{"Image intensifier": 1}},
			"The case needs the image intensifier: the list does not have it, and it is not mobile kit"},
		{"marked not mobile: refused", nil, ii, &elective.TheatreResources{Mobile: map[string]bool{"Image intensifier": false}},
			"needs the image intensifier"},
		{"no resources: nothing is mobile", nil, ii, nil, "needs the image intensifier"},
		{"fixed missing, mobile fine: names only the fixed", func(s *elective.TheatreSession) { s.Kit = nil }, ii, mobileII(),
			"The case needs the arthroscopy stack: the list does not have it"},
	} {
		s, e := gaList(), knee()
		if tt.s != nil {
			tt.s(s)
		}
		tt.e(e)
		err := CheckCase(s, nil, e, 60, nil, tt.res, today)
		wantErr(t, tt.name, err, tt.want)
		if tt.want != "" && strings.Contains(tt.want, "stack") && strings.Contains(elective.ErrorMessage(err), "intensifier") {
			t.Errorf("%s: %q names the mobile item", tt.name, elective.ErrorMessage(err))
		}
	}
}

// TestCheckSharedKit_Mobile: mobile kit brought to a list counts against
// its pool like kit on the list's own kit (rules.md 3.6: no more lists at
// once than there are items), and the refusal says it is mobile.
func TestCheckSharedKit_Mobile(t *testing.T) {
	ii := kitOf("Image intensifier")
	morning := session(1, 1, "2027-01-11", 8*60, 240) // its own kit: nothing
	otherAM := session(2, 2, "2027-01-11", 9*60, 240, booking(20, 60, ii))
	otherPM := session(3, 2, "2027-01-11", 13*60, 240, booking(21, 60, ii))
	entry := &elective.AdmittedListEntry{ID: 9, Kit: []string{"image intensifier"}}
	two := mobileII()
	two.Kit["Image intensifier"] = 2
	noCount := &elective.TheatreResources{Mobile: map[string]bool{"Image intensifier": true}}
	for _, tt := range []struct {
		name    string
		sameDay []*elective.TheatreSession
		res     *elective.TheatreResources
		want    string
	}{
		{"the only one is brought to theatre 2 at 09:00", []*elective.TheatreSession{otherAM}, mobileII(),
			"The mobile image intensifier would be needed by 2 lists at 09:00 on 11 Jan 2027; there is 1"},
		{"two of them: fine", []*elective.TheatreSession{otherAM}, two, ""},
		{"the afternoon list does not overlap", []*elective.TheatreSession{otherPM}, mobileII(), ""},
		{"mobile with no count counts as none", nil, noCount, "needed by 1 list at 08:00 on 11 Jan 2027; there are 0"},
	} {
		wantErr(t, tt.name, CheckSharedKit(morning, tt.sameDay, entry, tt.res), tt.want)
	}
}

// TestListWarnings_MobileKit: the list builder counts mobile kit on every
// list a case brings it to and says it is mobile (rules.md 3.6).
func TestListWarnings_MobileKit(t *testing.T) {
	ii := kitOf("Image intensifier")
	lists := []*elective.TheatreSession{
		session(1, 1, "2027-03-01", 510, 240, booking(1, 60, ii)),
		session(2, 2, "2027-03-01", 600, 240, booking(2, 60, ii)),
	}
	checkWarnings(t, "mobile", ListWarnings(lists, mobileII(), nil),
		[]string{"2/0 kit: 2 lists at 10:00 on 1 Mar 2027 need the mobile Image intensifier; there is 1"})
	fixed := &elective.TheatreResources{Kit: map[string]int{"image intensifier": 1}}
	checkWarnings(t, "fixed", ListWarnings(lists, fixed, nil),
		[]string{"2/0 kit: 2 lists at 10:00 on 1 Mar 2027 need the Image intensifier; there is 1"})
}

// TestBrokenCases_MobileKit: taking a mobile item off a template's kit
// breaks no booked case; taking a fixed one does (rules.md 3.6).
func TestBrokenCases_MobileKit(t *testing.T) {
	s := youngList("2027-01-11")
	s.Kit = nil // the edit takes the stack and the intensifier away
	s.Cases = []*elective.TheatreCase{bookedCase(1, 60, kitOf("Image intensifier")), bookedCase(2, 60, nil)}
	got := BrokenCases(s, mobileII())
	if len(got) != 1 || got[0].Case.ID != 2 || !strings.Contains(got[0].Why, "arthroscopy stack") {
		t.Errorf("broken = %+v, want only case 2 (the fixed stack)", got)
	}
}

// TestCheckKitRemove: an item leaves the catalogue only when no booked
// case on a list after today needs it; the refusal names the lists. A mobile
// item is marked fixed only when no such case is on a list lacking it.
func TestCheckKitRemove(t *testing.T) {
	today := d("2027-01-04")
	ii := kitOf("image intensifier")
	named := func(s *elective.TheatreSession, name string, period elective.SessionPeriod) *elective.TheatreSession {
		s.TheatreName, s.Period = name, period
		return s
	}
	withKit := named(session(1, 1, "2027-01-11", 510, 240, booking(1, 60, ii)), "Main theatre 1", elective.PeriodMorning)
	withKit.Kit = []string{"Image Intensifier"}
	lacking := named(session(2, 2, "2027-01-12", 780, 240, booking(2, 60, ii)), "Main theatre 2", elective.PeriodAfternoon)
	past := named(session(3, 1, "2027-01-04", 510, 240, booking(3, 60, ii)), "Main theatre 1", elective.PeriodMorning)
	released := named(session(4, 1, "2027-01-13", 510, 240, booking(4, 60, ii)), "Main theatre 1", elective.PeriodMorning)
	released.Status = elective.SessionReleased
	cancelled := session(5, 3, "2027-01-14", 510, 240, booking(5, 60, ii))
	cancelled.Cases[0].Status = elective.CaseCancelled
	other := session(6, 3, "2027-01-15", 510, 240, booking(6, 60, kitOf("laser")))
	for _, tt := range []struct {
		name              string
		sessions          []*elective.TheatreSession
		remove, makeFixed string
	}{
		{"needed on two later lists", []*elective.TheatreSession{lacking, withKit, past},
			"The image intensifier cannot be removed: booked cases need it on 2 lists: Main theatre 1 on 11 Jan 2027 (morning), " +
				"Main theatre 2 on 12 Jan 2027 (afternoon). Take those cases off their lists first",
			"cannot be marked fixed: booked cases need it on 1 list: Main theatre 2 on 12 Jan 2027 (afternoon), whose own kit does not have it"},
		{"only on its own lists: fixed is fine", []*elective.TheatreSession{withKit}, "on 1 list: Main theatre 1", ""},
		{"past, released, cancelled or other kit: free", []*elective.TheatreSession{past, released, cancelled, other}, "", ""},
	} {
		err := CheckKitRemove("image intensifier", tt.sessions, today)
		wantConflict(t, tt.name+" remove", err, tt.remove)
		wantConflict(t, tt.name+" fixed", CheckKitFixed("image intensifier", tt.sessions, today), tt.makeFixed)
	}
	var many []*elective.TheatreSession
	for i := range 7 {
		many = append(many, session(int64(10+i), 1, "2027-02-0"+string(rune('1'+i)), 510, 240, booking(int64(10+i), 60, ii)))
	}
	wantConflict(t, "many lists", CheckKitRemove("Image intensifier", many, today), "on 7 lists: theatre 1 on 1 Feb 2027 (all day), ")
	wantConflict(t, "many lists", CheckKitRemove("Image intensifier", many, today), ", and 2 more. Take")
}

// wantConflict checks err is nil when want is empty, else an ECONFLICT
// error whose message contains want.
func wantConflict(t *testing.T, name string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", name, err)
	case want != "" && (elective.ErrorCode(err) != elective.ECONFLICT || !strings.Contains(elective.ErrorMessage(err), want)):
		t.Errorf("%s: error %v, want a conflict containing %q", name, err, want)
	}
}
