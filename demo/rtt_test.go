package demo_test

import (
	"os"
	"slices"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/demo"
	"github.com/openelective/elective/rtt"
)

// stats is what the RTT engine makes of a generated hospital.
type stats struct {
	pathways, open, events, appointments int
	lists                                map[elective.ListType]int
	bookedNew, bookedFU                  int // open pathways with a future booking
	within18, over52, over65, over78     int
	waits                                map[elective.Priority][]int
	apptStatus                           map[elective.AppointmentStatus]int
	stops                                map[elective.RTTStatus]int
	reviews                              int
}

// derive runs every pathway through rtt.Derive and gathers the PTL's shape.
func derive(t *testing.T, h *hospital, today elective.Date) *stats {
	t.Helper()
	st := &stats{lists: map[elective.ListType]int{}, waits: map[elective.Priority][]int{},
		apptStatus: map[elective.AppointmentStatus]int{}, stops: map[elective.RTTStatus]int{}}
	for _, b := range h.batches {
		patients := map[int64]*elective.Patient{}
		for _, p := range b.Patients {
			patients[p.ID] = p
		}
		booked := map[int64]bool{}
		for _, a := range b.Appointments {
			st.appointments++
			st.apptStatus[a.Status]++
			if a.Status == elective.AppointmentBooked {
				booked[a.PathwayID] = true
			}
		}
		for _, pw := range b.Pathways {
			st.pathways++
			st.events += len(pw.Events)
			p := rtt.Pathway{Priority: pw.Priority, Vulnerable: patients[pw.PatientID].IsVulnerable(today), Events: pw.Events}
			res, err := rtt.Derive(p, rtt.DefaultPolicy())
			if err != nil {
				t.Fatalf("pathway %d: %v\n%s", pw.ID, err, dump(pw))
			}
			st.add(res, pw, booked[pw.ID], today)
		}
	}
	return st
}

func (st *stats) add(res *rtt.Result, pw *elective.Pathway, booked bool, today elective.Date) {
	for _, per := range res.Periods {
		if !per.Open() {
			st.stops[per.Status]++
		}
	}
	if res.ReviewNeeded {
		st.reviews++
	}
	if !res.OnPTL() {
		return
	}
	st.open++
	st.lists[res.ListType]++
	if booked && res.ListType == elective.ListOutpatientNew {
		st.bookedNew++
	}
	if booked && res.ListType == elective.ListOutpatientFollowUp {
		st.bookedFU++
	}
	days := rtt.DaysWaited(res.Current().Start, today)
	st.waits[pw.Priority] = append(st.waits[pw.Priority], days)
	switch {
	case days <= 126:
		st.within18++
	case days >= 547:
		st.over78++
		fallthrough
	case days >= 456:
		st.over65++
		fallthrough
	case days >= 365:
		st.over52++
	}
}

func dump(pw *elective.Pathway) string {
	s := ""
	for _, e := range pw.Events {
		s += "  " + e.Date.String() + " " + string(e.Kind) + " " + string(e.Outcome) + "\n"
	}
	return s
}

func share(n, of int) float64 { return float64(n) / float64(max(of, 1)) }

func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func (st *stats) log(t *testing.T) {
	t.Logf("pathways %d (open %d), events %d, appointments %d %v", st.pathways, st.open, st.events, st.appointments, st.apptStatus)
	t.Logf("lists: new %.1f%% (booked %.1f%%), follow-up %.1f%% (booked %.1f%%), admitted %.1f%%",
		100*share(st.lists[elective.ListOutpatientNew], st.open), 100*share(st.bookedNew, st.lists[elective.ListOutpatientNew]),
		100*share(st.lists[elective.ListOutpatientFollowUp], st.open), 100*share(st.bookedFU, st.lists[elective.ListOutpatientFollowUp]),
		100*share(st.lists[elective.ListAdmitted], st.open))
	t.Logf("waits: within 18 weeks %.1f%%, over 52 %.2f%% (%d), over 65 %d, over 78 %d", 100*share(st.within18, st.open),
		100*share(st.over52, st.open), st.over52, st.over65, st.over78)
	t.Logf("median days: two-week wait %d, urgent %d, routine %d; stops %v; reviews %d",
		median(st.waits[elective.PriorityTwoWeekWait]), median(st.waits[elective.PriorityUrgent]),
		median(st.waits[elective.PriorityRoutine]), st.stops, st.reviews)
}

// checkShape checks the PTL against a real trust's shape.
func (st *stats) checkShape(t *testing.T, wantOpen int) {
	if st.open < wantOpen*95/100 || st.open > wantOpen*110/100 {
		t.Errorf("%d open pathways, want about %d", st.open, wantOpen)
	}
	for lt, want := range map[elective.ListType]float64{elective.ListOutpatientNew: 0.45, elective.ListOutpatientFollowUp: 0.30, elective.ListAdmitted: 0.25} {
		if got := share(st.lists[lt], st.open); got < want-0.08 || got > want+0.08 {
			t.Errorf("%s list holds %.1f%% of open pathways, want about %.0f%%", lt, 100*got, 100*want)
		}
	}
	if got := share(st.within18, st.open); got < 0.55 || got > 0.70 {
		t.Errorf("%.1f%% within 18 weeks, want 55–70%%", 100*got)
	}
	if got := share(st.over52, st.open); got < 0.01 || got > 0.05 {
		t.Errorf("%.2f%% over 52 weeks, want 1–5%%", 100*got)
	}
	if tww, routine := median(st.waits[elective.PriorityTwoWeekWait]), median(st.waits[elective.PriorityRoutine]); tww*3 > routine {
		t.Errorf("median two-week-wait %d days is not much shorter than routine %d", tww, routine)
	}
	if st.stops[elective.RTTFirstDNA] == 0 || st.stops[elective.RTTTreatment] == 0 || st.stops[elective.RTTActiveMonitoringClinic] == 0 {
		t.Errorf("completed pathways lack some stop codes: %v", st.stops)
	}
}

func TestGenerate_RTT(t *testing.T) {
	cfg := testConfig(t, 11)
	st := derive(t, MustGenerate(t, cfg), cfg.Today)
	st.log(t)
	st.checkShape(t, cfg.Pathways)
}

// TestGenerate_Small builds the full small hospital (about two seconds).
func TestGenerate_Small(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	cfg := testConfig(t, 2026)
	cfg.Pathways = 0
	st := derive(t, MustGenerate(t, cfg), cfg.Today)
	st.log(t)
	st.checkShape(t, 20000)
}

// TestGenerate_Large builds and checks the large hospital; it takes about
// ten seconds, so it runs only when ELECTIVE_DEMO_LARGE is set.
func TestGenerate_Large(t *testing.T) {
	if os.Getenv("ELECTIVE_DEMO_LARGE") == "" {
		t.Skip("set ELECTIVE_DEMO_LARGE=1 to build the large hospital")
	}
	cfg := testConfig(t, 2026)
	cfg.Scale, cfg.Pathways = demo.Large, 0
	st := derive(t, MustGenerate(t, cfg), cfg.Today)
	st.log(t)
	st.checkShape(t, 250000)
}
