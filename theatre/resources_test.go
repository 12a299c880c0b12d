package theatre

import (
	"testing"

	"github.com/openelective/elective"
)

// TestCheckSharedKit: a case is refused when its shared kit would be
// needed by more lists at once than the hospital has (the list builder's
// conflict, rules.md 3.6: "same kit in two theatres at once"), and not
// when the list already has it, the other list does not overlap, or the
// item is the list's own.
func TestCheckSharedKit(t *testing.T) {
	counts := map[string]int{"Image intensifier": 1}
	ii := kitOf("image intensifier")
	morning := session(1, 1, "2027-01-11", 8*60, 240)
	otherAM := session(2, 2, "2027-01-11", 9*60, 240, booking(20, 60, ii))
	otherPM := session(3, 2, "2027-01-11", 13*60, 240, booking(21, 60, ii))
	released := session(4, 3, "2027-01-11", 8*60, 240, booking(22, 60, ii))
	released.Status = elective.SessionReleased
	already := session(5, 1, "2027-01-11", 8*60, 240, booking(23, 60, ii))
	entry := &elective.AdmittedListEntry{ID: 9, Kit: []string{"Image Intensifier"}}
	for _, tt := range []struct {
		name    string
		s       *elective.TheatreSession
		sameDay []*elective.TheatreSession
		e       *elective.AdmittedListEntry
		counts  map[string]int
		want    string
	}{
		{"the only one is in theatre 2 at 09:00", morning, []*elective.TheatreSession{otherAM}, entry, counts,
			"The Image Intensifier would be needed by 2 lists at 09:00 on 11 Jan 2027; there is 1"},
		{"two of them: fine", morning, []*elective.TheatreSession{otherAM}, entry, map[string]int{"image intensifier": 2}, ""},
		{"the afternoon list does not overlap", morning, []*elective.TheatreSession{otherPM}, entry, counts, ""},
		{"a released list needs nothing", morning, []*elective.TheatreSession{released}, entry, counts, ""},
		{"the list has it already", already, []*elective.TheatreSession{already, otherAM}, entry, counts, ""},
		{"not shared: the list's own", morning, []*elective.TheatreSession{otherAM}, entry, map[string]int{}, ""},
	} {
		wantErr(t, tt.name, CheckSharedKit(tt.s, tt.sameDay, tt.e, &elective.TheatreResources{Kit: tt.counts}), tt.want)
	}
}
