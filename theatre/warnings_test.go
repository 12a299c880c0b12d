package theatre

import (
	"strings"
	"testing"

	"github.com/openelective/elective"
)

// session builds a list in theatre th on day from start (hh*60) for
// minutes, with cases.
func session(id, th int64, day string, start, minutes int, cases ...*elective.TheatreCase) *elective.TheatreSession {
	s := &elective.TheatreSession{ID: id, TheatreID: th, Date: d(day), StartMinute: start, Minutes: minutes,
		Status: elective.SessionPlanned, ListType: elective.ListGA, Cases: cases}
	for _, c := range cases {
		c.SessionID = id
	}
	return s
}

var fitPOA = &elective.PreOpAssessment{Outcome: elective.PreOpFit, AssessedOn: d("2027-01-01"), ValidUntil: d("2027-03-26")}

// booking is a booked case of entry id with its entry.
func booking(id int64, minutes int, f func(*elective.AdmittedListEntry)) *elective.TheatreCase {
	e := &elective.AdmittedListEntry{ID: id, PatientName: "Patient " + string(rune('A'+id%26)), Management: elective.DayCase,
		Status: elective.AdmittedScheduled, POA: fitPOA}
	if f != nil {
		f(e)
	}
	return &elective.TheatreCase{EntryID: id, Minutes: minutes, Status: elective.CaseBooked, Entry: e}
}

func kitOf(items ...string) func(*elective.AdmittedListEntry) {
	return func(e *elective.AdmittedListEntry) { e.Kit = items }
}

func inpatient(nights int, cc string) func(*elective.AdmittedListEntry) {
	return func(e *elective.AdmittedListEntry) {
		e.Management, e.LengthOfStay, e.CriticalCare = elective.Inpatient, nights, cc
	}
}

// TestListWarnings: each kind of warning, alone (rules.md 3.6, 3.7;
// capacity checks of the planning pages).
func TestListWarnings(t *testing.T) {
	stack := kitOf("Arthroscopy stack")
	for _, tt := range []struct {
		name     string
		sessions []*elective.TheatreSession
		kit      map[string]int
		beds     int
		want     []string // "session/entry kind: text part"
	}{
		{"none", []*elective.TheatreSession{session(1, 1, "2027-03-01", 510, 240, booking(1, 120, nil), booking(2, 120, nil))}, nil, 0, nil},
		{"overrun", []*elective.TheatreSession{session(1, 1, "2027-03-01", 510, 240, booking(1, 150, nil), booking(2, 125, nil),
			&elective.TheatreCase{EntryID: 3, Minutes: 60, Status: elective.CaseCancelled})}, nil, 0,
			[]string{"1/0 overrun: The list runs 35 minutes over (275 of 240 minutes)"}},
		{"released lists are left out", []*elective.TheatreSession{func() *elective.TheatreSession {
			s := session(1, 1, "2027-03-01", 510, 60, booking(1, 150, nil))
			s.Status = elective.SessionReleased
			return s
		}()}, nil, 0, nil},
		{"kit: two stacks, three overlapping lists", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, stack)),
			session(2, 2, "2027-03-01", 540, 240, booking(2, 60, kitOf("arthroscopy stack"))),
			session(3, 3, "2027-03-01", 600, 240, booking(3, 60, stack)),
			session(4, 4, "2027-03-01", 810, 240, booking(4, 60, stack)), // starts 13:30, when list 1 has ended
			session(5, 5, "2027-03-02", 600, 240, booking(5, 60, stack)), // another day
		}, map[string]int{"ARTHROSCOPY STACK": 2}, 0,
			[]string{"3/0 kit: 3 lists at 10:00 on 1 Mar 2027 need the Arthroscopy stack; there are 2"}},
		{"kit: back to back lists share one stack", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, stack)),
			session(2, 2, "2027-03-01", 750, 240, booking(2, 60, stack)),
		}, map[string]int{"arthroscopy stack": 1}, 0, nil},
		{"kit: the same stack at once, one available", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, stack), booking(2, 60, stack)), // one list, sequential cases
			session(2, 2, "2027-03-01", 600, 240, booking(3, 60, stack)),
		}, map[string]int{"arthroscopy stack": 1}, 0,
			[]string{"2/0 kit: 2 lists at 10:00 on 1 Mar 2027 need the Arthroscopy stack; there is 1"}},
		{"kit not shared is not checked", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, kitOf("Tourniquet"))),
			session(2, 2, "2027-03-01", 510, 240, booking(2, 60, kitOf("Tourniquet"))),
		}, map[string]int{"arthroscopy stack": 1}, 0, nil},
		{"beds", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, inpatient(3, "")), booking(2, 60, nil)), // nights 1, 2, 3 Mar
			session(2, 2, "2027-03-02", 510, 240, booking(3, 60, inpatient(1, ""))),                      // night 2 Mar
			session(3, 3, "2027-03-03", 510, 240, booking(4, 60, inpatient(0, ""))),                      // night 3 Mar (at least one)
			session(4, 4, "2027-03-04", 510, 240, booking(5, 60, inpatient(2, ""))),                      // nights 4, 5 Mar
		}, nil, 1, []string{
			"1/0 beds: Beds short on the night of 2 Mar 2027: 2 inpatients for 1 elective beds",
			"2/0 beds: 2 Mar 2027",
			"3/0 beds: Beds short on the night of 3 Mar 2027: 2 inpatients",
		}},
		{"beds not planned", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, inpatient(3, "")), booking(2, 60, inpatient(3, ""))),
		}, nil, 0, nil},
		{"critical care: no count known, a reminder", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, inpatient(3, "HDU"))),
		}, nil, 0, []string{"1/1 critical-care: Patient B: book an HDU bed for after surgery on 1 Mar 2027"}},
		{"critical care: more than the beds", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, inpatient(3, "ITU")), booking(2, 60, inpatient(3, "HDU"))),
			session(2, 2, "2027-03-01", 510, 240, booking(3, 60, inpatient(3, "ITU"))),
		}, map[string]int{"ITU": 1, "HDU": 1}, 0, []string{
			"1/1 critical-care: Patient B: 2 patients need an ITU bed on 1 Mar 2027; there is 1",
			"2/3 critical-care: Patient D: 2 patients need an ITU bed",
		}},
		{"POA", []*elective.TheatreSession{
			session(1, 1, "2027-03-01", 510, 240, booking(1, 60, func(e *elective.AdmittedListEntry) { e.POA = nil }),
				booking(2, 60, nil), booking(3, 60, func(e *elective.AdmittedListEntry) {
					e.POA = &elective.PreOpAssessment{Outcome: elective.PreOpFit, ValidUntil: d("2027-02-26")}
				})),
			session(2, 2, "2027-03-29", 510, 240, booking(4, 60, nil)), // fitPOA expires 26 Mar
		}, nil, 0, []string{
			"1/1 poa: Patient B: No pre-operative assessment",
			"1/3 poa: Patient D: Pre-operative assessment expires 26 Feb 2027, before the TCI date",
			"2/4 poa: Patient E: Pre-operative assessment expires 26 Mar 2027",
		}},
	} {
		checkWarnings(t, tt.name, ListWarnings(tt.sessions, &elective.TheatreResources{Kit: tt.kit, Beds: tt.beds}, nil), tt.want)
	}
}

// TestListWarningsOrder: warnings come in session order, then kind, and
// the poa function overrides the joined assessment.
func TestListWarningsOrder(t *testing.T) {
	later := session(1, 1, "2027-03-02", 510, 60, booking(1, 90, nil))
	earlier := session(2, 2, "2027-03-01", 510, 60, booking(2, 90, nil), &elective.TheatreCase{EntryID: 9, Minutes: 10})
	got := ListWarnings([]*elective.TheatreSession{later, earlier, nil}, nil, func(id int64) *elective.PreOpAssessment {
		if id == 2 {
			return nil
		}
		return fitPOA
	})
	checkWarnings(t, "order", got, []string{
		"2/0 overrun: 40 minutes over (100 of 60", // the case with no entry counts for minutes
		"2/2 poa: No pre-operative assessment",
		"1/0 overrun: 30 minutes over",
	})
}

func checkWarnings(t *testing.T, name string, got []Warning, want []string) {
	t.Helper()
	var lines []string
	for _, w := range got {
		lines = append(lines, formatWarning(w))
	}
	if len(lines) != len(want) {
		t.Errorf("%s: %d warnings, want %d:\n%s", name, len(lines), len(want), strings.Join(lines, "\n"))
		return
	}
	for i, w := range want {
		head, text, _ := strings.Cut(w, ": ")
		if !strings.HasPrefix(lines[i], head+": ") || !strings.Contains(lines[i], text) {
			t.Errorf("%s: warning %d is %q, want %q", name, i, lines[i], w)
		}
	}
}

func formatWarning(w Warning) string {
	return itoa(w.SessionID) + "/" + itoa(w.EntryID) + " " + w.Kind + ": " + w.Text
}

func itoa(n int64) string { return fmtInt(n) }
