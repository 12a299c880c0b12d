package workforce

import (
	"strings"
	"testing"
	"time"

	"github.com/openelective/elective"
)

func pa(day time.Weekday, start string, minutes int, cat elective.PACategory) *elective.ProgrammedActivity {
	t, _ := time.Parse("15:04", start)
	return &elective.ProgrammedActivity{Weekday: day, StartMinute: t.Hour()*60 + t.Minute(), Minutes: minutes, Category: cat}
}

// ts150 is TS-150's job plan: 9 plain-time PAs of 4 hours (7 DCC, 2 SPA)
// and 2 in premium time of 3 hours (Saturday morning lists).
func ts150() []*elective.ProgrammedActivity {
	var acts []*elective.ProgrammedActivity
	for i, day := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday} {
		acts = append(acts, pa(day, "08:00", 240, elective.PADirectClinicalCare))
		cat := elective.PADirectClinicalCare
		if i >= 2 {
			cat = elective.PASupporting
		}
		acts = append(acts, pa(day, "13:00", 240, cat))
	}
	acts = append(acts, pa(time.Friday, "08:00", 240, elective.PADirectClinicalCare),
		pa(time.Saturday, "08:00", 180, elective.PADirectClinicalCare), pa(time.Sunday, "09:00", 180, elective.PADirectClinicalCare))
	return acts
}

func TestSummarise(t *testing.T) {
	for _, c := range []struct {
		name                   string
		acts                   []*elective.ProgrammedActivity
		pas, hours, dcc, spa   float64
		premium                float64
		problems, notesContain string
	}{
		{"TS-150: 11 PAs, 2 in premium time, are 42 hours; 12 or fewer is within the contract",
			ts150(), 11, 42, 9, 2, 2, "", "Split 9 DCC / 2 SPA"},
		{"an evening clinic 18:00-21:00 is 2 plain hours and 1 premium: 0.83 PA",
			[]*elective.ProgrammedActivity{pa(time.Tuesday, "18:00", 180, elective.PADirectClinicalCare)}, 0.5 + 1.0/3, 3, 0.5 + 1.0/3, 0, 0.5 + 1.0/3, "", "SPA is below the 1.5 core"},
		{"a 5-hour theatre list in plain time is 1.25 PAs",
			[]*elective.ProgrammedActivity{pa(time.Monday, "08:00", 300, elective.PADirectClinicalCare)}, 1.25, 5, 1.25, 0, 0, "", ""},
		{"a block marked premium counts at 3 hours a PA even in plain time",
			[]*elective.ProgrammedActivity{{Weekday: time.Monday, StartMinute: 600, Minutes: 180, Category: elective.PASupporting, Premium: true}}, 1, 3, 0, 1, 1, "", ""},
		{"13 PAs is more than a job plan holds",
			append(ts150(), pa(time.Friday, "13:00", 240, elective.PASupporting), pa(time.Sunday, "13:00", 180, elective.PASupporting)), 13, 49, 9, 4, 3, "13 PAs is more than the 12", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := Summarise(DefaultPlainTime, c.acts)
			if !near(s.PAs, c.pas) || !near(s.Hours(), c.hours) || !near(s.DCC, c.dcc) || !near(s.SPA, c.spa) || !near(s.PremiumPAs, c.premium) {
				t.Errorf("summary = %+v (hours %v)", s, s.Hours())
			}
			if got := strings.Join(s.Problems, "; "); (c.problems == "") != (got == "") || !strings.Contains(got, c.problems) {
				t.Errorf("problems = %q, want %q", got, c.problems)
			}
			if got := strings.Join(s.Notes, "; "); !strings.Contains(got, c.notesContain) {
				t.Errorf("notes = %q, want %q", got, c.notesContain)
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func TestPremiumWindow(t *testing.T) {
	late := PlainTime{StartMinute: 8 * 60, EndMinute: 22 * 60} // the markettransfer reading of rules.md 4.1
	for _, c := range []struct {
		w       PlainTime
		day     time.Weekday
		start   int
		minutes int
		want    bool
	}{
		{DefaultPlainTime, time.Monday, 8 * 60, 240, false},
		{DefaultPlainTime, time.Monday, 7 * 60, 240, true},
		{DefaultPlainTime, time.Friday, 17 * 60, 240, true},
		{late, time.Friday, 17 * 60, 240, false},
		{DefaultPlainTime, time.Saturday, 9 * 60, 180, true},
		{DefaultPlainTime, time.Sunday, 9 * 60, 180, true},
	} {
		if got := c.w.InPremiumTime(c.day, c.start, c.minutes); got != c.want {
			t.Errorf("InPremiumTime(%v, %v %d+%d) = %v", c.w, c.day, c.start, c.minutes, got)
		}
	}
}

func TestCheckAdd(t *testing.T) {
	acts := ts150()
	for i, a := range acts {
		a.ID = int64(i + 1)
	}
	for _, c := range []struct {
		name  string
		a     *elective.ProgrammedActivity
		field string
	}{
		{"a Friday afternoon fits", pa(time.Friday, "13:00", 240, elective.PASupporting), ""},
		{"Monday 10:00 overlaps the morning list", pa(time.Monday, "10:00", 240, elective.PASupporting), "start"},
		{"two more PAs make 13", pa(time.Friday, "12:00", 480, elective.PASupporting), "minutes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := CheckAdd(DefaultPlainTime, acts, c.a)
			fields := elective.ErrorFields(err)
			if c.field == "" && err != nil || c.field != "" && (len(fields) == 0 || fields[0].Field != c.field) {
				t.Errorf("CheckAdd = %v (%+v), want field %q", err, fields, c.field)
			}
		})
	}
	if len(acts) != 11 {
		t.Errorf("CheckAdd changed the plan: %d activities", len(acts))
	}
}

func TestFormatPAs(t *testing.T) {
	for in, want := range map[float64]string{10: "10", 7.5: "7.5", 1.25: "1.25", 0.5 + 1.0/3: "0.83", 0: "0"} {
		if got := FormatPAs(in); got != want {
			t.Errorf("FormatPAs(%v) = %q, want %q", in, got, want)
		}
	}
}
