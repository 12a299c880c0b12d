package ihtc

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Unscheduled is the Admission.Day of a patient not admitted in the period
// ("admission_day": "none" in the file).
const Unscheduled = -1

// NoNurse is the RoomNurse value of a room with no nurse in a shift.
const NoNurse = -1

// Admission is the decision for one patient.
type Admission struct {
	Day     int // admission (and surgery) day, or Unscheduled
	Room    int // index into Instance.Rooms; -1 when unscheduled
	Theater int // index into Instance.Theaters; -1 when unscheduled
}

// Solution is a complete set of decisions for an instance, in the dense
// indices of the Instance it was made for.
type Solution struct {
	// Patients holds one Admission per Instance.Patients entry, same index.
	Patients []Admission
	// RoomNurse[room][shift] is the nurse (index into Instance.Nurses)
	// caring for a room in a global shift, or NoNurse. One nurse per room
	// and shift is all the format allows; a nurse may cover many rooms.
	RoomNurse [][]int
}

// NewSolution returns the empty solution: no patient admitted and no
// nurse assigned anywhere.
func NewSolution(in *Instance) *Solution {
	s := &Solution{Patients: make([]Admission, len(in.Patients)), RoomNurse: make([][]int, len(in.Rooms))}
	for i := range s.Patients {
		s.Patients[i] = Admission{Day: Unscheduled, Room: -1, Theater: -1}
	}
	for r := range s.RoomNurse {
		s.RoomNurse[r] = make([]int, in.Shifts())
		for k := range s.RoomNurse[r] {
			s.RoomNurse[r][k] = NoNurse
		}
	}
	return s
}

// Clone returns a deep copy, so a solver can keep a best solution.
func (s *Solution) Clone() *Solution {
	c := &Solution{Patients: append([]Admission(nil), s.Patients...), RoomNurse: make([][]int, len(s.RoomNurse))}
	for r, row := range s.RoomNurse {
		c.RoomNurse[r] = append([]int(nil), row...)
	}
	return c
}

type rawSolution struct {
	Patients []struct {
		ID      *string         `json:"id"`
		Day     json.RawMessage `json:"admission_day"`
		Room    *string         `json:"room"`
		Theater *string         `json:"operating_theater"`
	} `json:"patients"`
	Nurses []struct {
		ID          *string `json:"id"`
		Assignments []struct {
			Day   *int     `json:"day"`
			Shift *string  `json:"shift"`
			Rooms []string `json:"rooms"`
		} `json:"assignments"`
	} `json:"nurses"`
}

// ParseSolution reads a solution in the competition's JSON format for the
// given instance. Patients the file leaves out are unscheduled, nurses it
// leaves out have no rooms (as the official checker reads them). Unknown
// ids, a repeated patient or nurse, an admission day outside the period,
// an admitted patient without room or theatre, and a room given two nurses
// in one shift are errors. Assignments in shifts a nurse is not rostered
// for are kept, for Evaluate to count.
func ParseSolution(r io.Reader, in *Instance) (*Solution, error) {
	var raw rawSolution
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, jsonError("solution", err)
	}
	s := NewSolution(in)
	if err := raw.patients(in, s); err != nil {
		return nil, err
	}
	if err := raw.nurses(in, s); err != nil {
		return nil, err
	}
	return s, nil
}

func (raw *rawSolution) patients(in *Instance, s *Solution) error {
	seen := make([]bool, len(in.Patients))
	for i, x := range raw.Patients {
		if x.ID == nil {
			return fmt.Errorf("ihtc: solution: patients[%d]: missing id", i)
		}
		c := &checker{who: fmt.Sprintf("solution: patient %q", *x.ID)}
		p := c.index("id", "patient", x.ID, in.patientIdx)
		if c.err != nil {
			return c.err
		}
		c.need(!seen[p], "patient is repeated")
		seen[p] = true
		day, ok := admissionDay(x.Day)
		c.need(ok, "admission_day must be a day number or \"none\", not %s", string(x.Day))
		if c.err != nil || day == Unscheduled {
			if c.err != nil {
				return c.err
			}
			continue
		}
		c.need(day >= 0 && day < in.Days, "admission_day %d outside the period 0..%d", day, in.Days-1)
		a := Admission{Day: day}
		a.Room = c.index("room", "room", x.Room, in.roomIdx)
		a.Theater = c.index("operating_theater", "operating theater", x.Theater, in.theaterIdx)
		if c.err != nil {
			return c.err
		}
		s.Patients[p] = a
	}
	return nil
}

// admissionDay decodes a day number or "none" (Unscheduled).
func admissionDay(m json.RawMessage) (int, bool) {
	var day int
	if err := json.Unmarshal(m, &day); err == nil {
		return day, true
	}
	var none string
	if err := json.Unmarshal(m, &none); err == nil && none == "none" {
		return Unscheduled, true
	}
	return 0, false
}

func (raw *rawSolution) nurses(in *Instance, s *Solution) error {
	seen := make([]bool, len(in.Nurses))
	for i, x := range raw.Nurses {
		if x.ID == nil {
			return fmt.Errorf("ihtc: solution: nurses[%d]: missing id", i)
		}
		c := &checker{who: fmt.Sprintf("solution: nurse %q", *x.ID)}
		n := c.index("id", "nurse", x.ID, in.nurseIdx)
		if c.err != nil {
			return c.err
		}
		c.need(!seen[n], "nurse is repeated")
		seen[n] = true
		for j, a := range x.Assignments {
			c.need(a.Day != nil && a.Shift != nil, "assignments[%d]: missing day or shift", j)
			if c.err != nil {
				return c.err
			}
			sh, ok := in.ShiftIndex(*a.Day, *a.Shift)
			c.need(ok, "assignments[%d]: no shift %q on day %d", j, *a.Shift, *a.Day)
			for _, id := range a.Rooms {
				room, ok := in.roomIdx[id]
				c.need(ok, "assignments[%d]: unknown room %q", j, id)
				if c.err != nil {
					return c.err
				}
				if prev := s.RoomNurse[room][sh]; prev != NoNurse && prev != n {
					c.fail("room %q on day %d %s is already assigned to nurse %q", id, *a.Day, *a.Shift, in.Nurses[prev].ID)
					return c.err
				}
				s.RoomNurse[room][sh] = n
			}
		}
		if c.err != nil {
			return c.err
		}
	}
	return nil
}

type outPatient struct {
	ID      string `json:"id"`
	Day     any    `json:"admission_day"`
	Room    string `json:"room,omitempty"`
	Theater string `json:"operating_theater,omitempty"`
}

type outAssignment struct {
	Day   int      `json:"day"`
	Shift string   `json:"shift"`
	Rooms []string `json:"rooms"`
}

type outNurse struct {
	ID          string          `json:"id"`
	Assignments []outAssignment `json:"assignments"`
}

// WriteSolution writes s in the competition's JSON format: every patient
// in instance order (unscheduled ones as "admission_day": "none"), and
// every nurse with one entry per rostered shift (rooms possibly empty) in
// chronological order, plus any shift they are assigned in without being
// rostered, so that reading the file back gives the same Solution.
func WriteSolution(w io.Writer, in *Instance, s *Solution) error {
	if len(s.Patients) != len(in.Patients) || len(s.RoomNurse) != len(in.Rooms) {
		return fmt.Errorf("ihtc: solution has %d patients and %d rooms, instance %d and %d",
			len(s.Patients), len(s.RoomNurse), len(in.Patients), len(in.Rooms))
	}
	out := struct {
		Patients []outPatient `json:"patients"`
		Nurses   []outNurse   `json:"nurses"`
	}{Patients: make([]outPatient, len(in.Patients)), Nurses: make([]outNurse, len(in.Nurses))}
	for i, a := range s.Patients {
		out.Patients[i] = outPatient{ID: in.Patients[i].ID, Day: "none"}
		if a.Day != Unscheduled {
			out.Patients[i] = outPatient{ID: in.Patients[i].ID, Day: a.Day,
				Room: in.Rooms[a.Room].ID, Theater: in.Theaters[a.Theater].ID}
		}
	}
	for n := range in.Nurses {
		out.Nurses[n] = outNurse{ID: in.Nurses[n].ID, Assignments: nurseAssignments(in, s, n)}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("ihtc: writing solution: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// nurseAssignments lists nurse n's shifts and rooms in shift order.
func nurseAssignments(in *Instance, s *Solution, n int) []outAssignment {
	rooms := map[int][]string{}
	for _, sh := range in.Nurses[n].WorkingShifts {
		rooms[sh] = []string{}
	}
	for r, row := range s.RoomNurse {
		for sh, nurse := range row {
			if nurse == n {
				rooms[sh] = append(rooms[sh], in.Rooms[r].ID)
			}
		}
	}
	shifts := make([]int, 0, len(rooms))
	for sh := range rooms {
		shifts = append(shifts, sh)
	}
	sort.Ints(shifts)
	as := make([]outAssignment, len(shifts))
	for i, sh := range shifts {
		as[i] = outAssignment{Day: sh / ShiftsPerDay, Shift: ShiftNames[sh%ShiftsPerDay], Rooms: rooms[sh]}
	}
	return as
}
