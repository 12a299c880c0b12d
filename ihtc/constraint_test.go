package ihtc

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// tinyInstance is a two-day hand-made instance small enough to compute
// every cost by hand. Weights are 1..8 so weighted values show their slot.
const tinyInstance = `{
  "days": 2, "skill_levels": 2,
  "shift_types": ["early", "late", "night"],
  "age_groups": ["infant", "adult", "elderly"],
  "weights": {"room_mixed_age": 1, "room_nurse_skill": 2, "continuity_of_care": 3,
    "nurse_eccessive_workload": 4, "open_operating_theater": 5, "surgeon_transfer": 6,
    "patient_delay": 7, "unscheduled_optional": 8},
  "occupants": [
    {"id": "a0", "gender": "A", "age_group": "elderly", "length_of_stay": 1,
     "workload_produced": [1, 1, 1], "skill_level_required": [1, 0, 0], "room_id": "r1"}],
  "patients": [
    {"id": "p0", "mandatory": true, "gender": "A", "age_group": "adult", "length_of_stay": 1,
     "surgery_release_day": 0, "surgery_due_day": 0, "surgery_duration": 60, "surgeon_id": "s0",
     "incompatible_room_ids": ["r0"], "workload_produced": [1, 2, 1], "skill_level_required": [0, 0, 0]},
    {"id": "p1", "mandatory": false, "gender": "B", "age_group": "infant", "length_of_stay": 2,
     "surgery_release_day": 0, "surgery_duration": 50, "surgeon_id": "s0",
     "incompatible_room_ids": [], "workload_produced": [1, 2, 1, 1, 1, 1], "skill_level_required": [1, 1, 0, 0, 0, 0]}],
  "surgeons": [{"id": "s0", "max_surgery_time": [120, 30]}],
  "operating_theaters": [{"id": "t0", "availability": [100, 100]}, {"id": "t1", "availability": [100, 0]}],
  "rooms": [{"id": "r0", "capacity": 1}, {"id": "r1", "capacity": 2}],
  "nurses": [
    {"id": "n0", "skill_level": 0, "working_shifts": [
      {"day": 0, "shift": "early", "max_load": 2}, {"day": 0, "shift": "late", "max_load": 2},
      {"day": 0, "shift": "night", "max_load": 2}, {"day": 1, "shift": "early", "max_load": 2},
      {"day": 1, "shift": "late", "max_load": 2}, {"day": 1, "shift": "night", "max_load": 2}]},
    {"id": "n1", "skill_level": 1, "working_shifts": [
      {"day": 0, "shift": "early", "max_load": 5}, {"day": 1, "shift": "early", "max_load": 5}]}]
}`

// tinySolution admits p0 on day 0 to r1 (with occupant a0) in t0 and
// postpones p1; n1 covers r1 in the early shift, n0 late and night.
// By hand: age mix 1 (elderly and adult), skill 0, continuity 2+2,
// workload 1 (n0 late: 1+2 > 2), one open theatre, one unscheduled
// optional patient: total 1 + 3*4 + 4*1 + 5*1 + 8*1 = 30.
const tinySolution = `{
  "patients": [{"id": "p0", "admission_day": 0, "room": "r1", "operating_theater": "t0"},
               {"id": "p1", "admission_day": "none"}],
  "nurses": [{"id": "n0", "assignments": [{"day": 0, "shift": "late", "rooms": ["r1"]},
                                          {"day": 0, "shift": "night", "rooms": ["r1"]}]},
             {"id": "n1", "assignments": [{"day": 0, "shift": "early", "rooms": ["r1"]}]}]
}`

func mustTiny(t *testing.T) (*Instance, *Solution) {
	t.Helper()
	in, err := ParseInstance(strings.NewReader(tinyInstance))
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSolution(strings.NewReader(tinySolution), in)
	if err != nil {
		t.Fatal(err)
	}
	return in, s
}

// TestEvaluateConstraints changes the tiny solution to break one rule at a
// time and checks every violation count (unlisted ones must be 0) and the
// soft components the change affects, all computed by hand.
func TestEvaluateConstraints(t *testing.T) {
	tests := []struct {
		name   string
		change func(in *Instance, s *Solution)
		hard   map[Hard]int
		soft   map[Soft]int
		total  int // checked when non-zero
	}{
		{"OK", func(*Instance, *Solution) {}, nil,
			map[Soft]int{RoomAgeMix: 1, RoomSkillLevel: 0, ContinuityOfCare: 4, ExcessiveNurseWorkload: 1,
				OpenOperatingTheater: 1, SurgeonTransfer: 0, PatientDelay: 0, ElectiveUnscheduledPatients: 1}, 30},
		{"IncompatibleRoom", func(in *Instance, s *Solution) { s.Patients[0].Room = 0 },
			// r0 is now occupied on day 0 with no nurse in its three shifts.
			map[Hard]int{PatientRoomCompatibility: 1, UncoveredRoom: 3}, map[Soft]int{RoomAgeMix: 0}, 0},
		{"GenderMixCapacityTheatreOvertime", func(in *Instance, s *Solution) {
			s.Patients[1] = Admission{Day: 0, Room: 1, Theater: 0}
		}, // r1 day 0: A, A, B in 2 beds; day 1 uncovered; t0 day 0: 110 of 100 minutes;
			// p1 needs level 1 late on day 0, from n0 (level 0).
			map[Hard]int{RoomGenderMix: 1, RoomCapacity: 1, OperatingTheaterOvertime: 10, UncoveredRoom: 3},
			map[Soft]int{RoomAgeMix: 2, ElectiveUnscheduledPatients: 0, RoomSkillLevel: 1}, 0},
		{"MandatoryUnscheduled", func(in *Instance, s *Solution) { s.Patients[0] = Admission{Unscheduled, -1, -1} },
			map[Hard]int{MandatoryUnscheduledPatients: 1}, map[Soft]int{OpenOperatingTheater: 0, ContinuityOfCare: 2}, 0},
		{"LateAdmissionAndSurgeonOvertime", func(in *Instance, s *Solution) { s.Patients[0].Day = 1 },
			// day 1: due day 0 passed, 60 of 30 surgeon minutes, r1 uncovered.
			map[Hard]int{AdmissionDay: 1, SurgeonOvertime: 30, UncoveredRoom: 3}, map[Soft]int{PatientDelay: 1}, 0},
		{"SurgeonTransfer", func(in *Instance, s *Solution) { s.Patients[1] = Admission{Day: 0, Room: 0, Theater: 1} },
			map[Hard]int{UncoveredRoom: 6}, map[Soft]int{SurgeonTransfer: 1, OpenOperatingTheater: 2}, 0},
		{"NurseNotRostered", func(in *Instance, s *Solution) { s.RoomNurse[1][1] = 1 },
			// n1 has no late shift; the checker gives no workload limit outside
			// the roster, and n0 is relieved of the overloaded late shift.
			map[Hard]int{NursePresence: 1}, map[Soft]int{ExcessiveNurseWorkload: 0, ContinuityOfCare: 4}, 0},
		{"Underqualified", func(in *Instance, s *Solution) { s.RoomNurse[1][0] = 0 },
			map[Hard]int{}, map[Soft]int{RoomSkillLevel: 1, ContinuityOfCare: 2, ExcessiveNurseWorkload: 1}, 0},
		{"EmptyRoomNurseIsFree", func(in *Instance, s *Solution) { s.RoomNurse[0][4] = 0 },
			nil, map[Soft]int{ExcessiveNurseWorkload: 1}, 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, s := mustTiny(t)
			tt.change(in, s)
			r := Evaluate(in, s)
			for h := range NumHard {
				if r.Violations[h] != tt.hard[h] {
					t.Errorf("%v = %d, want %d", h, r.Violations[h], tt.hard[h])
				}
			}
			for c, want := range tt.soft {
				if r.Raw[c] != want || r.Weighted[c] != want*in.Weights[c] {
					t.Errorf("%v = %d (weighted %d), want %d", c, r.Raw[c], r.Weighted[c], want)
				}
			}
			if tt.total != 0 && r.Total != tt.total {
				t.Errorf("total = %d, want %d", r.Total, tt.total)
			}
			if r.Feasible() != (len(tt.hard) == 0) {
				t.Errorf("Feasible() = %v with violations %v", r.Feasible(), r.Violations)
			}
		})
	}
}

// TestEvaluateToy: the organisers' toy solution puts p3 (gender B) with
// three gender-A patients in r2 on days 4-6, so it breaks H1 three times
// (checked by hand); the costs are this evaluator's, kept as a regression.
func TestEvaluateToy(t *testing.T) {
	needBench(t)
	in := mustInstance(t, "toy")
	r := Evaluate(in, mustSolution(t, in, "solutions/test/toy_solution.json"))
	want := Report{Violations: [NumHard]int{RoomGenderMix: 3},
		Raw:      [NumSoft]int{1, 30, 38, 9, 2, 0, 11, 0},
		Weighted: [NumSoft]int{5, 30, 38, 9, 100, 0, 110, 0}, Total: 292}
	if r != want {
		t.Errorf("toy: got %+v, want %+v", r, want)
	}
}

// TestWriteSolutionFormat: the written file has the competition's shape.
func TestWriteSolutionFormat(t *testing.T) {
	in, s := mustTiny(t)
	var buf bytes.Buffer
	if err := WriteSolution(&buf, in, s); err != nil {
		t.Fatal(err)
	}
	var got map[string][]map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if p := got["patients"]; len(p) != 2 || p[0]["room"] != "r1" || p[0]["operating_theater"] != "t0" ||
		p[0]["admission_day"] != 0.0 || p[1]["admission_day"] != "none" || p[1]["room"] != nil {
		t.Errorf("patients: %v", p)
	}
	n := got["nurses"]
	if len(n) != 2 || len(n[0]["assignments"].([]any)) != 6 || len(n[1]["assignments"].([]any)) != 2 {
		t.Fatalf("nurses: want every rostered shift listed, got %v", n)
	}
	first := n[1]["assignments"].([]any)[0].(map[string]any)
	if first["day"] != 0.0 || first["shift"] != "early" || len(first["rooms"].([]any)) != 1 {
		t.Errorf("n1's first assignment: %v", first)
	}
}
