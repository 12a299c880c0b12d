package calendar

import (
	"slices"
	"testing"
	"time"

	"github.com/openelective/elective"
)

// TestTheatreScheduleOf: a theatre template's lists fall on its weekday
// from the first such day on or after its effective date, every Every
// weeks counted from that day (a fortnightly template starting a week
// later takes the other fortnight), never on a bank holiday (rules.md
// 3.6), and keep their closures and extra lists.
func TestTheatreScheduleOf(t *testing.T) {
	d := elective.MustParseDate
	base := elective.TheatreTemplate{Weekday: time.Monday, Every: 1, EffectiveFrom: d("2026-12-02")}
	tests := []struct {
		name string
		edit func(*elective.TheatreTemplate)
		want []string
	}{
		{"weekly from the first Monday after a Wednesday start, Boxing Day substitute skipped", func(*elective.TheatreTemplate) {},
			[]string{"2026-12-07", "2026-12-14", "2026-12-21", "2027-01-04", "2027-01-11"}},
		{"fortnightly, the first fortnight", func(t *elective.TheatreTemplate) { t.Every = 2 },
			[]string{"2026-12-07", "2026-12-21", "2027-01-04"}},
		{"fortnightly from a week later: the other fortnight, its bank holiday skipped", func(t *elective.TheatreTemplate) {
			t.Every, t.EffectiveFrom = 2, d("2026-12-09")
		}, []string{"2026-12-14", "2027-01-11"}},
		{"a Friday list skips Christmas Day and New Year's Day", func(t *elective.TheatreTemplate) { t.Weekday = time.Friday },
			[]string{"2026-12-04", "2026-12-11", "2026-12-18", "2027-01-08"}},
		{"ended, with a closure and an extra list", func(t *elective.TheatreTemplate) {
			t.EffectiveTo = d("2027-01-04")
			t.Exceptions = []elective.TemplateException{{Date: d("2026-12-14"), Reason: "Theatre maintenance"},
				{Date: d("2026-12-28"), Extra: true, Reason: "Waiting-list initiative"}}
		}, []string{"2026-12-07", "2026-12-21", "2026-12-28", "2027-01-04"}},
	}
	for _, tt := range tests {
		tmpl := base
		tt.edit(&tmpl)
		var got []string
		for _, o := range TheatreScheduleOf(&tmpl).Sessions(d("2026-11-30"), d("2027-01-12")) {
			got = append(got, o.Date.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
