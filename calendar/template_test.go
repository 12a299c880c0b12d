package calendar

import (
	"testing"
	"time"

	"github.com/openelective/elective"
)

// TestTemplateDates: a clinic template holds its sessions on its weekday,
// skips bank holidays unless it runs on them, follows every-N-weeks and
// weeks-of-month patterns from its first session, and keeps its closures
// and extra sessions.
func TestTemplateDates(t *testing.T) {
	d := elective.MustParseDate
	base := elective.ClinicTemplate{Weekday: time.Monday, EffectiveFrom: d("2026-12-01")}
	tests := []struct {
		name string
		edit func(*elective.ClinicTemplate)
		want []string
	}{
		{"weekly, Boxing Day substitute skipped", func(*elective.ClinicTemplate) {},
			[]string{"2026-12-07", "2026-12-14", "2026-12-21", "2027-01-04"}},
		{"open on bank holidays", func(t *elective.ClinicTemplate) { t.OpenOnBankHolidays = true },
			[]string{"2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04"}},
		{"fortnightly from the first session", func(t *elective.ClinicTemplate) { t.Every = 2 },
			[]string{"2026-12-07", "2026-12-21", "2027-01-04"}},
		{"first and third Monday", func(t *elective.ClinicTemplate) { t.WeeksOfMonth = []int{1, 3} },
			[]string{"2026-12-07", "2026-12-21", "2027-01-04"}},
		{"a closure and an extra session", func(t *elective.ClinicTemplate) {
			t.Exceptions = []elective.TemplateException{{Date: d("2026-12-14"), Reason: "Training"},
				{Date: d("2026-12-16"), Extra: true, Reason: "Waiting-list initiative"}}
		}, []string{"2026-12-07", "2026-12-16", "2026-12-21", "2027-01-04"}},
	}
	for _, tt := range tests {
		tmpl := base
		tt.edit(&tmpl)
		got := TemplateDates(&tmpl, d("2026-12-01"), d("2027-01-05"))
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i].String() != tt.want[i] {
				t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}

// TestClashes: a template clashes with another of the same clinician or
// room only when both hold a session on a date at overlapping times.
func TestClashes(t *testing.T) {
	d := elective.MustParseDate
	mk := func(id, clinician int64, room string, wd time.Weekday, start int, every int) *elective.ClinicTemplate {
		return &elective.ClinicTemplate{ID: id, ClinicianID: clinician, SiteID: 1, Room: room, Weekday: wd, StartMinute: start,
			Every: every, EffectiveFrom: d("2027-01-04"), Slots: []elective.TemplateSlot{{Type: elective.SlotNew, Minutes: 180}}}
	}
	t1 := mk(0, 1, "4", time.Monday, 540, 0)
	tests := []struct {
		name  string
		other *elective.ClinicTemplate
		why   string
	}{
		{"same clinician, same morning", mk(2, 1, "9", time.Monday, 600, 0), "the same clinician"},
		{"same room, other clinician", mk(3, 2, "4", time.Monday, 660, 0), "the same room"},
		{"same clinician, afternoon", mk(4, 1, "9", time.Monday, 780, 0), ""},
		{"same clinician, other day", mk(5, 1, "4", time.Tuesday, 540, 0), ""},
		{"other clinician and room", mk(6, 2, "5", time.Monday, 540, 0), ""},
	}
	for _, tt := range tests {
		got := Clashes(t1, []*elective.ClinicTemplate{tt.other}, d("2027-01-01"))
		if (len(got) > 0) != (tt.why != "") || (len(got) > 0 && (got[0].Why != tt.why || got[0].First != d("2027-01-04"))) {
			t.Errorf("%s: %+v", tt.name, got)
		}
	}
}
