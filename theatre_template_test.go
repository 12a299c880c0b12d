package elective

import (
	"testing"
	"time"
)

// TestTheatreTemplateOverlaps: the same theatre and weekday at the same
// part of the day or at overlapping times clash; an afternoon after a
// morning, another day or another theatre do not.
func TestTheatreTemplateOverlaps(t *testing.T) {
	am := &TheatreTemplate{TheatreID: 1, Weekday: time.Monday, Period: PeriodMorning, StartMinute: 480, Minutes: 240}
	for _, tt := range []struct {
		name string
		o    TheatreTemplate
		want bool
	}{
		{"same morning", *am, true},
		{"all day", TheatreTemplate{TheatreID: 1, Weekday: time.Monday, Period: PeriodAllDay, StartMinute: 480, Minutes: 540}, true},
		{"a late morning list", TheatreTemplate{TheatreID: 1, Weekday: time.Monday, Period: PeriodMorning, StartMinute: 720, Minutes: 60}, true},
		{"afternoon", TheatreTemplate{TheatreID: 1, Weekday: time.Monday, Period: PeriodAfternoon, StartMinute: 780, Minutes: 240}, false},
		{"Tuesday", TheatreTemplate{TheatreID: 1, Weekday: time.Tuesday, Period: PeriodMorning, StartMinute: 480, Minutes: 240}, false},
		{"theatre 2", TheatreTemplate{TheatreID: 2, Weekday: time.Monday, Period: PeriodMorning, StartMinute: 480, Minutes: 240}, false},
	} {
		if got := am.Overlaps(&tt.o); got != tt.want {
			t.Errorf("%s: overlaps %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTheatreTemplateValidate names each bad field.
func TestTheatreTemplateValidate(t *testing.T) {
	ok := &TheatreTemplate{TheatreID: 1, SpecialtyID: 1, Weekday: time.Monday, Period: PeriodMorning, StartMinute: 480,
		Minutes: 240, ListType: ListGA, Every: 1, EffectiveFrom: MustParseDate("2026-11-23")}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := &TheatreTemplate{Weekday: 7, Period: "night", StartMinute: 1400, Minutes: 60, ListType: "x", Every: 9,
		EffectiveFrom: MustParseDate("2026-11-23"), EffectiveTo: MustParseDate("2026-11-22")}
	want := []string{"theatre", "specialty", "weekday", "period", "minutes", "list_type", "every", "effective_to"}
	fs := ErrorFields(bad.Validate())
	if len(fs) != len(want) {
		t.Fatalf("fields = %+v, want %v", fs, want)
	}
	for i, f := range fs {
		if f.Field != want[i] {
			t.Errorf("field %d = %s, want %s", i, f.Field, want[i])
		}
	}
	if s := ok.Session(MustParseDate("2026-11-30")); s.Status != SessionPlanned || s.Minutes != 240 || s.Date.String() != "2026-11-30" {
		t.Errorf("session = %+v", s)
	}
}
