package ihtc

import (
	"encoding/json"
	"strings"
	"testing"
)

// edit applies a change to the JSON of a document, given as a Go value.
func edit(t *testing.T, doc string, change func(m map[string]any)) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		t.Fatal(err)
	}
	change(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func item(m map[string]any, list string, i int) map[string]any {
	return m[list].([]any)[i].(map[string]any)
}

// TestParseInstanceErrors: malformed instances are refused with an error
// naming the entity and the field at fault.
func TestParseInstanceErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(m map[string]any)
		want   string
	}{
		{"SurgeryDuration", func(m map[string]any) { item(m, "patients", 0)["surgery_duration"] = 0 },
			`ihtc: patient "p0": surgery_duration must be positive`},
		{"MissingField", func(m map[string]any) { delete(item(m, "patients", 1), "length_of_stay") },
			`ihtc: patient "p1": missing length_of_stay`},
		{"WrongType", func(m map[string]any) { m["days"] = "two" }, `field days: got JSON string, want int`},
		{"WrongNestedType", func(m map[string]any) { item(m, "rooms", 0)["capacity"] = "one" },
			`field rooms.capacity: got JSON string`},
		{"WrongEmbeddedType", func(m map[string]any) { item(m, "patients", 0)["workload_produced"] = "x" },
			`field patients.workload_produced: got JSON string, want []int`},
		{"UnknownRoom", func(m map[string]any) { item(m, "patients", 0)["incompatible_room_ids"] = []any{"r9"} },
			`ihtc: patient "p0": incompatible_room_ids: unknown room "r9"`},
		{"UnknownSurgeon", func(m map[string]any) { item(m, "patients", 1)["surgeon_id"] = "s7" },
			`ihtc: patient "p1": surgeon_id: unknown surgeon "s7"`},
		{"OccupantRoom", func(m map[string]any) { item(m, "occupants", 0)["room_id"] = "r5" },
			`ihtc: occupant "a0": room_id: unknown room "r5"`},
		{"WorkloadLength", func(m map[string]any) { item(m, "patients", 0)["workload_produced"] = []any{1, 2} },
			`ihtc: patient "p0": workload_produced has 2 values, want 3*length_of_stay = 3`},
		{"AgeGroup", func(m map[string]any) { item(m, "patients", 0)["age_group"] = "teen" },
			`ihtc: patient "p0": unknown age_group "teen"`},
		{"DueBeforeRelease", func(m map[string]any) { item(m, "patients", 0)["surgery_release_day"] = 1 },
			`ihtc: patient "p0": surgery_due_day 0 is before surgery_release_day 1`},
		{"MissingDue", func(m map[string]any) { delete(item(m, "patients", 0), "surgery_due_day") },
			`ihtc: patient "p0": missing surgery_due_day`},
		{"AvailabilityLength", func(m map[string]any) { item(m, "operating_theaters", 1)["availability"] = []any{1} },
			`ihtc: operating theater "t1": availability has 1 values, want one per day (2)`},
		{"NurseShift", func(m map[string]any) {
			item(m, "nurses", 1)["working_shifts"].([]any)[0].(map[string]any)["shift"] = "evening"
		}, `ihtc: nurse "n1": working_shifts[0]: no shift "evening" on day 0`},
		{"NurseSkill", func(m map[string]any) { item(m, "nurses", 0)["skill_level"] = 2 },
			`ihtc: nurse "n0": skill_level 2 outside 0..1`},
		{"RepeatedID", func(m map[string]any) { item(m, "rooms", 1)["id"] = "r0" }, `ihtc: room "r0": id is repeated`},
		{"Weights", func(m map[string]any) { delete(m["weights"].(map[string]any), "patient_delay") },
			`ihtc: instance: weights: missing patient_delay`},
		{"ShiftTypes", func(m map[string]any) { m["shift_types"] = []any{"day", "night"} },
			`ihtc: instance: shift_types must be early, late, night`},
		{"MissingSection", func(m map[string]any) { delete(m, "nurses") }, `missing one of rooms`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseInstance(strings.NewReader(edit(t, tinyInstance, tt.change)))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := ParseInstance(strings.NewReader("{")); err == nil || !strings.HasPrefix(err.Error(), "ihtc: instance: ") {
		t.Errorf("truncated JSON: %v", err)
	}
}

// TestParseSolutionErrors: malformed solutions are refused with an error
// naming the patient or nurse at fault.
func TestParseSolutionErrors(t *testing.T) {
	in, _ := mustTiny(t)
	patient := func(k string, v any) func(m map[string]any) {
		return func(m map[string]any) { item(m, "patients", 0)[k] = v }
	}
	tests := []struct {
		name   string
		change func(m map[string]any)
		want   string
	}{
		{"UnknownPatient", patient("id", "p9"), `ihtc: solution: patient "p9": id: unknown patient "p9"`},
		{"BadDay", patient("admission_day", "soon"), `ihtc: solution: patient "p0": admission_day must be a day number or "none", not "soon"`},
		{"DayOutside", patient("admission_day", 2), `admission_day 2 outside the period 0..1`},
		{"UnknownRoom", patient("room", "r7"), `ihtc: solution: patient "p0": room: unknown room "r7"`},
		{"MissingTheater", func(m map[string]any) { delete(item(m, "patients", 0), "operating_theater") },
			`ihtc: solution: patient "p0": missing operating_theater`},
		{"RepeatedPatient", func(m map[string]any) { item(m, "patients", 1)["id"] = "p0" }, `patient "p0": patient is repeated`},
		{"UnknownNurse", func(m map[string]any) { item(m, "nurses", 0)["id"] = "n5" }, `unknown nurse "n5"`},
		{"TwoNurses", func(m map[string]any) {
			item(m, "nurses", 1)["assignments"] = []any{map[string]any{"day": 0, "shift": "late", "rooms": []any{"r1"}}}
		}, `ihtc: solution: nurse "n1": room "r1" on day 0 late is already assigned to nurse "n0"`},
		{"BadShift", func(m map[string]any) {
			item(m, "nurses", 1)["assignments"] = []any{map[string]any{"day": 3, "shift": "early", "rooms": []any{}}}
		}, `ihtc: solution: nurse "n1": assignments[0]: no shift "early" on day 3`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSolution(strings.NewReader(edit(t, tinySolution, tt.change)), in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// TestParseTiny: ids become dense indices, optional patients get the last
// day as due day, and rosters are indexed by global shift.
func TestParseTiny(t *testing.T) {
	in, s := mustTiny(t)
	if i, ok := in.PatientIndex("p1"); !ok || i != 1 || in.Patients[1].DueDay != in.Days-1 || in.Patients[1].Mandatory {
		t.Errorf("p1: index %d %v, %+v", i, ok, in.Patients[1])
	}
	if i, ok := in.RoomIndex("r1"); !ok || i != 1 || in.Occupants[0].Room != 1 {
		t.Errorf("r1: %d %v", i, ok)
	}
	if i, ok := in.TheaterIndex("t1"); !ok || i != 1 {
		t.Errorf("t1: %d %v", i, ok)
	}
	if i, ok := in.SurgeonIndex("s0"); !ok || i != 0 || in.Patients[0].Surgeon != 0 {
		t.Errorf("s0: %d %v", i, ok)
	}
	if _, ok := in.NurseIndex("n9"); ok {
		t.Error("unknown nurse found")
	}
	n1, _ := in.NurseIndex("n1")
	if nu := in.Nurses[n1]; len(nu.WorkingShifts) != 2 || nu.WorkingShifts[1] != 3 || !nu.Rostered[3] || nu.Rostered[1] || nu.MaxLoad[3] != 5 {
		t.Errorf("n1 roster: %+v", nu)
	}
	if len(in.Genders) != 2 || in.Patients[1].Gender != 1 || in.Patients[0].AgeGroup != 1 || !in.Patients[0].Incompatible[0] {
		t.Errorf("genders %v, patients %+v", in.Genders, in.Patients)
	}
	if s.RoomNurse[1][0] != n1 || s.RoomNurse[0][0] != NoNurse || s.Patients[1].Day != Unscheduled {
		t.Errorf("solution: %+v", s)
	}
	c := s.Clone()
	c.RoomNurse[1][0], c.Patients[0].Day = NoNurse, 1
	if s.RoomNurse[1][0] != n1 || s.Patients[0].Day != 0 {
		t.Error("Clone shares memory with the original")
	}
	if RoomGenderMix.String() != "RoomGenderMix" || UncoveredRoom.String() != "UncoveredRoom" || Hard(42).String() != "Hard(42)" ||
		PatientDelay.String() != "PatientDelay" || Soft(-1).String() != "Soft(-1)" {
		t.Error("names of the constraints")
	}
}
