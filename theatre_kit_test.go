package elective

import "testing"

// TestTheatreKit_Validate: a catalogue item needs a name that lists and
// cases can type (no commas) and a count from 0 to MaxKitCount; each
// problem names its field for the form.
func TestTheatreKit_Validate(t *testing.T) {
	long := "an image intensifier with a very long name that goes on and on"
	for _, tt := range []struct {
		name  string
		k     TheatreKit
		field string // "" = valid
	}{
		{"ok", TheatreKit{Name: "Image intensifier", Count: 2, Mobile: true}, ""},
		{"none in service", TheatreKit{Name: "Laser", Count: 0}, ""},
		{"no name", TheatreKit{Name: "  ", Count: 1}, "name"},
		{"too long", TheatreKit{Name: long, Count: 1}, "name"},
		{"a comma", TheatreKit{Name: "stack, small", Count: 1}, "name"},
		{"negative", TheatreKit{Name: "Laser", Count: -1}, "count"},
		{"too many", TheatreKit{Name: "Laser", Count: MaxKitCount + 1}, "count"},
	} {
		err := tt.k.Validate()
		if fs := ErrorFields(err); tt.field == "" && err != nil || tt.field != "" && (len(fs) != 1 || fs[0].Field != tt.field) {
			t.Errorf("%s: %v, want a problem with %q", tt.name, err, tt.field)
		}
	}
	minus := -3
	if fs := ErrorFields(TheatreKitUpdate{Count: &minus}.Validate()); len(fs) != 1 || fs[0].Field != "count" {
		t.Errorf("update with a negative count: %+v", fs)
	}
	if err := (TheatreKitUpdate{}).Validate(); err != nil {
		t.Errorf("empty update: %v", err)
	}
	res := &TheatreResources{Mobile: map[string]bool{"Image Intensifier": true, "Laser": false}}
	if !res.IsMobile(" image intensifier") || res.IsMobile("laser") || res.IsMobile("stack") || (*TheatreResources)(nil).IsMobile("laser") {
		t.Error("IsMobile compares names as KitKey and only items marked true")
	}
}
