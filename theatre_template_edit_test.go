package elective

import (
	"strings"
	"testing"
	"time"
)

func okaforMonday() *TheatreTemplate {
	return &TheatreTemplate{ID: 3, TheatreID: 1, SpecialtyID: 1, SurgeonID: 10, SurgeonName: "Ms A Okafor", Anaesthetist: "Dr Gas",
		Weekday: time.Monday, Period: PeriodMorning, StartMinute: 510, Minutes: 240, ListType: ListGA, Kit: []string{"knee set"},
		Every: 1, EffectiveFrom: MustParseDate("2026-11-23"), TheatreName: "Main theatre 1", SpecialtyName: "Trauma and orthopaedics"}
}

// TestTheatreTemplateEditValidate: an edit names each bad field, applies
// from today to a year ahead while the template is in force, and must
// change something (rules.md 3.6: the template's lists go through 6-4-2).
func TestTheatreTemplateEditValidate(t *testing.T) {
	today := MustParseDate("2026-11-23")
	for _, tt := range []struct {
		name   string
		edit   func(*TheatreTemplateEdit)
		tpl    func(*TheatreTemplate)
		fields string // "" for no error; "-" for an error on no field
	}{
		{"new anaesthetist from today", func(e *TheatreTemplateEdit) { e.Anaesthetist = "Dr Sleep" }, nil, ""},
		{"shorter list from next month", func(e *TheatreTemplateEdit) { e.Minutes, e.ApplyFrom = 210, today.AddDays(30) }, nil, ""},
		{"nothing changes", nil, nil, "-"},
		{"only the spaces change", func(e *TheatreTemplateEdit) { e.Anaesthetist, e.Kit = " Dr Gas ", []string{"Knee set"} }, nil, "-"},
		{"bad details", func(e *TheatreTemplateEdit) {
			e.Period, e.Minutes, e.ListType, e.TheatreID = "night", 0, "x", 0
		}, nil, "theatre,period,minutes,list_type"},
		{"runs past midnight", func(e *TheatreTemplateEdit) { e.StartMinute, e.Minutes = 22*60, 180 }, nil, "minutes"},
		{"no date", func(e *TheatreTemplateEdit) { e.Minutes, e.ApplyFrom = 210, Date{} }, nil, "apply_from"},
		{"yesterday", func(e *TheatreTemplateEdit) { e.Minutes, e.ApplyFrom = 210, today.AddDays(-1) }, nil, "apply_from"},
		{"over a year ahead", func(e *TheatreTemplateEdit) { e.Minutes, e.ApplyFrom = 210, today.AddDays(366) }, nil, "apply_from"},
		{"a year ahead", func(e *TheatreTemplateEdit) { e.Minutes, e.ApplyFrom = 210, today.AddDays(365) }, nil, ""},
		{"after the template ends", func(e *TheatreTemplateEdit) { e.Minutes, e.ApplyFrom = 210, today.AddDays(60) },
			func(t *TheatreTemplate) { t.EffectiveTo = today.AddDays(59) }, "apply_from"},
	} {
		tpl := okaforMonday()
		if tt.tpl != nil {
			tt.tpl(tpl)
		}
		e := EditOf(tpl, today)
		if tt.edit != nil {
			tt.edit(&e)
		}
		err := e.Validate(tpl, today)
		var fields []string
		for _, f := range ErrorFields(err) {
			fields = append(fields, f.Field)
		}
		switch {
		case tt.fields == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.fields == "-" && (ErrorCode(err) != EINVALID || len(fields) != 0):
			t.Errorf("%s: %v, want an error on no field", tt.name, err)
		case tt.fields != "" && tt.fields != "-" && (ErrorCode(err) != EINVALID || strings.Join(fields, ",") != tt.fields):
			t.Errorf("%s: fields %v (%v), want %s", tt.name, fields, err, tt.fields)
		}
	}
}

// TestTheatreTemplateEditApply: the edit keeps the pattern (weekday,
// repeat, dates in force) and names only what changes; names of a changed
// surgeon or theatre are cleared for the store to join again.
func TestTheatreTemplateEditApply(t *testing.T) {
	tpl := okaforMonday()
	e := EditOf(tpl, tpl.EffectiveFrom)
	e.SurgeonID, e.Minutes, e.Kit = 11, 300, []string{"knee set", "tourniquet"}
	got := e.Apply(tpl)
	if got.Weekday != time.Monday || got.Every != 1 || got.EffectiveFrom != tpl.EffectiveFrom || got.ID != 3 {
		t.Errorf("the pattern changed: %+v", got)
	}
	if got.SurgeonName != "" || got.TheatreName != "Main theatre 1" || tpl.Minutes != 240 {
		t.Errorf("names or the original: %+v / %+v", got, tpl)
	}
	if c := strings.Join(TemplateChanges(tpl, got), ", "); c != "owner surgeon, minutes, kit" {
		t.Errorf("changes = %s", c)
	}
}

// TestTheatreTemplateEditPreviewCounts: locked lists count apart and their
// broken cases only when a manager includes them.
func TestTheatreTemplateEditPreviewCounts(t *testing.T) {
	broken := []BrokenCase{{Case: &TheatreCase{ID: 1}, Why: "over"}}
	p := &TheatreTemplateEditPreview{Sessions: []*TemplateSessionEdit{
		{Changed: []string{"minutes"}, Locked: true, Broken: broken},
		{Changed: []string{"minutes"}, Broken: broken},
		{Changed: []string{"minutes"}},
		{Kept: []string{"owner surgeon"}}, // nothing to change on this list
	}}
	if n := len(p.Applied(false)); n != 2 {
		t.Errorf("applied = %d, want 2", n)
	}
	if n := len(p.Applied(true)); n != 3 {
		t.Errorf("applied with locked = %d, want 3", n)
	}
	if p.LockedCount() != 1 || p.BrokenCount(false) != 1 || p.BrokenCount(true) != 2 {
		t.Errorf("locked %d broken %d/%d", p.LockedCount(), p.BrokenCount(false), p.BrokenCount(true))
	}
}
