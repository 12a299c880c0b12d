package theatre

import (
	"testing"

	"github.com/openelective/elective"
)

func listed(id int64, p elective.SurgicalPriority, on, breach string) *elective.AdmittedListEntry {
	e := &elective.AdmittedListEntry{ID: id, Priority: p, ListedOn: d(on), Status: elective.AdmittedWaiting}
	if breach != "" {
		e.BreachDate = d(breach)
	}
	return e
}

// TestOrder: booking order is the priority's due date, then the RTT breach
// date, then the decision to admit, then the ID (rules.md 3.8, 2.4).
func TestOrder(t *testing.T) {
	entries := []*elective.AdmittedListEntry{
		listed(1, elective.P4, "2026-01-01", "2026-05-07"), // no limit: after every dated one
		listed(2, elective.P4, "2026-03-01", ""),           // no limit, no breach date: last
		listed(3, elective.P3, "2026-09-10", ""),           // due 10 Dec
		listed(4, elective.P2, "2026-11-20", ""),           // due 18 Dec
		listed(5, elective.P2, "2026-11-25", ""),           // due 23 Dec
		listed(6, elective.P1a, "2026-12-02", ""),          // due 3 Dec: first
		listed(7, elective.P3, "2026-09-10", "2027-01-01"), // due 10 Dec, with breach date: before 3
		listed(8, elective.P4, "2025-12-01", "2026-05-07"), // same breach as 1, listed earlier
		listed(9, elective.P4, "2026-01-01", "2026-05-07"), // same as 1 but for the ID
		listed(10, elective.P3, "2026-09-10", "2026-12-20"),
	}
	Order(entries)
	want := []int64{6, 10, 7, 3, 4, 5, 8, 1, 9, 2}
	for i, e := range entries {
		if e.ID != want[i] {
			var got []int64
			for _, e := range entries {
				got = append(got, e.ID)
			}
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

// TestAtRisk: a patient is at risk when their TCI is after the priority's
// due date, or, with no TCI, when the due date is past or near (rules.md
// 2.4).
func TestAtRisk(t *testing.T) {
	today := d("2026-12-03")
	p2 := func(listed string, st elective.AdmittedStatus, tci string) *elective.AdmittedListEntry {
		e := &elective.AdmittedListEntry{Priority: elective.P2, ListedOn: d(listed), Status: st}
		if tci != "" {
			e.Case = &elective.TheatreCase{Status: elective.CaseBooked, TCI: d(tci)}
		}
		return e
	}
	for _, tt := range []struct {
		name string
		e    *elective.AdmittedListEntry
		want bool
	}{
		{"waiting, due in 4 weeks", p2("2026-12-03", elective.AdmittedWaiting, ""), false},
		{"waiting, due in 7 days", p2("2026-11-12", elective.AdmittedWaiting, ""), true},
		{"waiting, due in 8 days", p2("2026-11-13", elective.AdmittedWaiting, ""), false},
		{"waiting, past due", p2("2026-10-01", elective.AdmittedWaiting, ""), true},
		{"booked before due", p2("2026-11-12", elective.AdmittedScheduled, "2026-12-08"), false},
		{"booked on the due date", p2("2026-11-12", elective.AdmittedScheduled, "2026-12-10"), false},
		{"booked after due", p2("2026-11-12", elective.AdmittedScheduled, "2026-12-11"), true},
		{"booked after due though due is far", p2("2026-12-03", elective.AdmittedScheduled, "2027-01-05"), true},
		{"scheduled with no TCI known, due soon", p2("2026-11-12", elective.AdmittedScheduled, ""), true},
		{"treated", p2("2026-10-01", elective.AdmittedTreated, ""), false},
		{"removed", p2("2026-10-01", elective.AdmittedRemoved, ""), false},
		{"P4 has no limit", &elective.AdmittedListEntry{Priority: elective.P4, ListedOn: d("2025-01-01"), Status: elective.AdmittedWaiting}, false},
		{"nil", nil, false},
	} {
		if got := AtRisk(tt.e, today, 7); got != tt.want {
			t.Errorf("%s: at risk %v, want %v", tt.name, got, tt.want)
		}
	}
}
