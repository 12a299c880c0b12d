package ihtc

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ParseInstance reads an instance in the competition's JSON format. It
// checks every field the evaluator relies on and returns an error naming
// the entity and field at fault, e.g.
// `ihtc: patient "p07": surgery_duration must be positive`.
func ParseInstance(r io.Reader) (*Instance, error) {
	var raw rawInstance
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, jsonError("instance", err)
	}
	return raw.build()
}

// jsonError turns a decoding error into one that names the field.
func jsonError(what string, err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		field := strings.ReplaceAll(te.Field, "rawCare.", "") // the embedded struct is not in the file
		return fmt.Errorf("ihtc: %s: field %s: got JSON %s, want %s", what, field, te.Value, te.Type)
	}
	return fmt.Errorf("ihtc: %s: %w", what, err)
}

// checker collects the first error found while converting one entity.
type checker struct {
	who string
	err error
}

func (c *checker) fail(format string, args ...any) {
	if c.err == nil {
		c.err = fmt.Errorf("ihtc: "+c.who+": "+format, args...)
	}
}

// need checks a condition, failing with the message if it does not hold.
func (c *checker) need(ok bool, format string, args ...any) {
	if !ok {
		c.fail(format, args...)
	}
}

// int returns a required integer field, or fails if it is missing.
func (c *checker) int(name string, p *int) int {
	if p == nil {
		c.fail("missing %s", name)
		return 0
	}
	return *p
}

// index returns the index of a required reference, failing if it is
// missing or unknown.
func (c *checker) index(name, kind string, id *string, ids map[string]int) int {
	if id == nil {
		c.fail("missing %s", name)
		return -1
	}
	i, ok := ids[*id]
	if !ok {
		c.fail("%s: unknown %s %q", name, kind, *id)
		return -1
	}
	return i
}

// perDay checks a required per-day list of non-negative values.
func (c *checker) perDay(name string, v *[]int, days int) []int {
	if v == nil {
		c.fail("missing %s", name)
		return nil
	}
	c.need(len(*v) == days, "%s has %d values, want one per day (%d)", name, len(*v), days)
	for d, x := range *v {
		c.need(x >= 0, "%s[%d] is %d, must not be negative", name, d, x)
	}
	return *v
}

// ids builds an id → index map, failing on an empty or repeated id.
func ids[T any](kind string, items []T, id func(T) *string) (map[string]int, error) {
	m := make(map[string]int, len(items))
	for i, it := range items {
		p := id(it)
		if p == nil || *p == "" {
			return nil, fmt.Errorf("ihtc: %s[%d]: missing id", kind, i)
		}
		if _, dup := m[*p]; dup {
			return nil, fmt.Errorf("ihtc: %s %q: id is repeated", kind, *p)
		}
		m[*p] = i
	}
	return m, nil
}

// The raw* types mirror the JSON; pointers tell a missing field from a zero.
type rawInstance struct {
	Days        *int            `json:"days"`
	SkillLevels *int            `json:"skill_levels"`
	ShiftTypes  []string        `json:"shift_types"`
	AgeGroups   []string        `json:"age_groups"`
	Weights     map[string]*int `json:"weights"`
	Occupants   *[]rawOccupant  `json:"occupants"`
	Patients    *[]rawPatient   `json:"patients"`
	Surgeons    *[]rawSurgeon   `json:"surgeons"`
	Theaters    *[]rawTheater   `json:"operating_theaters"`
	Rooms       *[]rawRoom      `json:"rooms"`
	Nurses      *[]rawNurse     `json:"nurses"`
}

type rawCare struct {
	ID            *string `json:"id"`
	Gender        *string `json:"gender"`
	AgeGroup      *string `json:"age_group"`
	LengthOfStay  *int    `json:"length_of_stay"`
	Workload      *[]int  `json:"workload_produced"`
	SkillRequired *[]int  `json:"skill_level_required"`
}

type rawOccupant struct {
	rawCare
	Room *string `json:"room_id"`
}

type rawPatient struct {
	rawCare
	Mandatory    *bool     `json:"mandatory"`
	Release      *int      `json:"surgery_release_day"`
	Due          *int      `json:"surgery_due_day"`
	Duration     *int      `json:"surgery_duration"`
	Surgeon      *string   `json:"surgeon_id"`
	Incompatible *[]string `json:"incompatible_room_ids"`
}

type rawSurgeon struct {
	ID  *string `json:"id"`
	Max *[]int  `json:"max_surgery_time"`
}

type rawTheater struct {
	ID           *string `json:"id"`
	Availability *[]int  `json:"availability"`
}

type rawRoom struct {
	ID       *string `json:"id"`
	Capacity *int    `json:"capacity"`
}

type rawNurse struct {
	ID     *string `json:"id"`
	Skill  *int    `json:"skill_level"`
	Shifts *[]struct {
		Day     *int    `json:"day"`
		Shift   *string `json:"shift"`
		MaxLoad *int    `json:"max_load"`
	} `json:"working_shifts"`
}

// build checks the raw instance and converts it, header first, then the
// entities in dependency order (rooms and surgeons before patients).
func (r *rawInstance) build() (*Instance, error) {
	in, err := r.header()
	if err != nil {
		return nil, err
	}
	if r.Rooms == nil || r.Theaters == nil || r.Surgeons == nil || r.Nurses == nil ||
		r.Patients == nil || r.Occupants == nil {
		return nil, errors.New("ihtc: instance: missing one of rooms, operating_theaters, surgeons, nurses, patients, occupants")
	}
	steps := []func(*Instance) error{r.rooms, r.theaters, r.surgeons, r.nurses, r.occupants, r.patients}
	for _, step := range steps {
		if err := step(in); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// header converts the general data and the weights.
func (r *rawInstance) header() (*Instance, error) {
	c := &checker{who: "instance"}
	in := &Instance{Days: c.int("days", r.Days), SkillLevels: c.int("skill_levels", r.SkillLevels)}
	c.need(in.Days > 0, "days must be positive")
	c.need(in.SkillLevels > 0, "skill_levels must be positive")
	c.need(len(r.ShiftTypes) == ShiftsPerDay, "shift_types must be early, late, night")
	for i, s := range r.ShiftTypes {
		c.need(i < ShiftsPerDay && s == ShiftNames[i], "shift_types must be early, late, night, not %q", r.ShiftTypes)
	}
	c.need(len(r.AgeGroups) > 0, "missing age_groups")
	seen := map[string]bool{}
	for _, g := range r.AgeGroups {
		c.need(!seen[g], "age group %q is repeated", g)
		seen[g] = true
	}
	in.AgeGroups = r.AgeGroups
	c.need(r.Weights != nil, "missing weights")
	for k, key := range weightKeys {
		w := r.Weights[key]
		c.need(w != nil, "weights: missing %s", key)
		if w != nil {
			c.need(*w >= 0, "weights: %s must not be negative", key)
			in.Weights[k] = *w
		}
	}
	return in, c.err
}

func (r *rawInstance) rooms(in *Instance) (err error) {
	if in.roomIdx, err = ids("room", *r.Rooms, func(x rawRoom) *string { return x.ID }); err != nil {
		return err
	}
	for _, x := range *r.Rooms {
		c := &checker{who: fmt.Sprintf("room %q", *x.ID)}
		room := Room{ID: *x.ID, Capacity: c.int("capacity", x.Capacity)}
		c.need(room.Capacity > 0, "capacity must be positive")
		if c.err != nil {
			return c.err
		}
		in.Rooms = append(in.Rooms, room)
	}
	return nil
}

func (r *rawInstance) theaters(in *Instance) (err error) {
	if in.theaterIdx, err = ids("operating theater", *r.Theaters, func(x rawTheater) *string { return x.ID }); err != nil {
		return err
	}
	for _, x := range *r.Theaters {
		c := &checker{who: fmt.Sprintf("operating theater %q", *x.ID)}
		in.Theaters = append(in.Theaters, Theater{ID: *x.ID, Availability: c.perDay("availability", x.Availability, in.Days)})
		if c.err != nil {
			return c.err
		}
	}
	return nil
}

func (r *rawInstance) surgeons(in *Instance) (err error) {
	if in.surgeonIdx, err = ids("surgeon", *r.Surgeons, func(x rawSurgeon) *string { return x.ID }); err != nil {
		return err
	}
	for _, x := range *r.Surgeons {
		c := &checker{who: fmt.Sprintf("surgeon %q", *x.ID)}
		in.Surgeons = append(in.Surgeons, Surgeon{ID: *x.ID, MaxSurgeryTime: c.perDay("max_surgery_time", x.Max, in.Days)})
		if c.err != nil {
			return c.err
		}
	}
	return nil
}

func (r *rawInstance) nurses(in *Instance) (err error) {
	if in.nurseIdx, err = ids("nurse", *r.Nurses, func(x rawNurse) *string { return x.ID }); err != nil {
		return err
	}
	for _, x := range *r.Nurses {
		c := &checker{who: fmt.Sprintf("nurse %q", *x.ID)}
		n := Nurse{ID: *x.ID, SkillLevel: c.int("skill_level", x.Skill),
			Rostered: make([]bool, in.Shifts()), MaxLoad: make([]int, in.Shifts())}
		c.need(n.SkillLevel >= 0 && n.SkillLevel < in.SkillLevels, "skill_level %d outside 0..%d", n.SkillLevel, in.SkillLevels-1)
		c.need(x.Shifts != nil, "missing working_shifts")
		for i, w := range derefSlice(x.Shifts) {
			day := c.int(fmt.Sprintf("working_shifts[%d].day", i), w.Day)
			load := c.int(fmt.Sprintf("working_shifts[%d].max_load", i), w.MaxLoad)
			c.need(w.Shift != nil, "missing working_shifts[%d].shift", i)
			if c.err != nil {
				return c.err
			}
			s, ok := in.ShiftIndex(day, *w.Shift)
			c.need(ok, "working_shifts[%d]: no shift %q on day %d", i, *w.Shift, day)
			c.need(ok && !n.Rostered[s], "working_shifts[%d]: day %d %s is repeated", i, day, *w.Shift)
			c.need(load >= 0, "working_shifts[%d]: max_load must not be negative", i)
			if c.err != nil {
				return c.err
			}
			n.WorkingShifts = append(n.WorkingShifts, s)
			n.Rostered[s], n.MaxLoad[s] = true, load
		}
		if c.err != nil {
			return c.err
		}
		in.Nurses = append(in.Nurses, n)
	}
	return nil
}

func derefSlice[T any](p *[]T) []T {
	if p == nil {
		return nil
	}
	return *p
}

func (r *rawInstance) occupants(in *Instance) error {
	seen := map[string]bool{}
	for i, x := range *r.Occupants {
		c := occupantChecker("occupant", i, x.ID, seen)
		o := Occupant{Care: in.care(c, &x.rawCare)}
		if c.err == nil {
			o.ID = *x.ID
			o.Room = c.index("room_id", "room", x.Room, in.roomIdx)
		}
		if c.err != nil {
			return c.err
		}
		in.Occupants = append(in.Occupants, o)
	}
	return nil
}

// occupantChecker starts checking a patient or occupant, whose ids must be
// unique among their kind.
func occupantChecker(kind string, i int, id *string, seen map[string]bool) *checker {
	if id == nil || *id == "" {
		return &checker{who: fmt.Sprintf("%ss[%d]", kind, i), err: fmt.Errorf("ihtc: %ss[%d]: missing id", kind, i)}
	}
	c := &checker{who: fmt.Sprintf("%s %q", kind, *id)}
	c.need(!seen[*id], "id is repeated")
	seen[*id] = true
	return c
}

// care converts the fields patients and occupants share.
func (in *Instance) care(c *checker, x *rawCare) Care {
	var k Care
	if c.err != nil {
		return k
	}
	k.LengthOfStay = c.int("length_of_stay", x.LengthOfStay)
	c.need(k.LengthOfStay > 0, "length_of_stay must be positive")
	c.need(x.Gender != nil && *x.Gender != "", "missing gender")
	c.need(x.AgeGroup != nil, "missing age_group")
	c.need(x.Workload != nil, "missing workload_produced")
	c.need(x.SkillRequired != nil, "missing skill_level_required")
	if c.err != nil {
		return k
	}
	k.Gender = in.gender(*x.Gender)
	k.AgeGroup = -1
	for i, g := range in.AgeGroups {
		if g == *x.AgeGroup {
			k.AgeGroup = i
		}
	}
	c.need(k.AgeGroup >= 0, "unknown age_group %q", *x.AgeGroup)
	k.Workload, k.SkillLevelRequired = *x.Workload, *x.SkillRequired
	n := ShiftsPerDay * k.LengthOfStay
	c.need(len(k.Workload) == n, "workload_produced has %d values, want 3*length_of_stay = %d", len(k.Workload), n)
	c.need(len(k.SkillLevelRequired) == n, "skill_level_required has %d values, want 3*length_of_stay = %d", len(k.SkillLevelRequired), n)
	for i := range k.Workload {
		c.need(k.Workload[i] >= 0, "workload_produced[%d] must not be negative", i)
	}
	for i, l := range k.SkillLevelRequired {
		c.need(l >= 0 && l < in.SkillLevels, "skill_level_required[%d] is %d, outside 0..%d", i, l, in.SkillLevels-1)
	}
	return k
}

// gender returns the index of a gender name, adding it if new.
func (in *Instance) gender(name string) int {
	for i, g := range in.Genders {
		if g == name {
			return i
		}
	}
	in.Genders = append(in.Genders, name)
	return len(in.Genders) - 1
}

func (r *rawInstance) patients(in *Instance) error {
	seen := map[string]bool{}
	in.patientIdx = make(map[string]int, len(*r.Patients))
	for i, x := range *r.Patients {
		c := occupantChecker("patient", i, x.ID, seen)
		p := Patient{Care: in.care(c, &x.rawCare)}
		if c.err != nil {
			return c.err
		}
		p.ID = *x.ID
		in.patientDetails(c, &p, &x)
		if c.err != nil {
			return c.err
		}
		in.patientIdx[p.ID] = i
		in.Patients = append(in.Patients, p)
	}
	return nil
}

// patientDetails converts a patient's surgery and admission window.
func (in *Instance) patientDetails(c *checker, p *Patient, x *rawPatient) {
	c.need(x.Mandatory != nil, "missing mandatory")
	if x.Mandatory != nil {
		p.Mandatory = *x.Mandatory
	}
	p.ReleaseDay = c.int("surgery_release_day", x.Release)
	c.need(p.ReleaseDay >= 0 && p.ReleaseDay < in.Days, "surgery_release_day %d outside the period 0..%d", p.ReleaseDay, in.Days-1)
	p.DueDay = in.Days - 1
	if p.Mandatory {
		p.DueDay = c.int("surgery_due_day", x.Due)
		c.need(p.DueDay >= p.ReleaseDay, "surgery_due_day %d is before surgery_release_day %d", p.DueDay, p.ReleaseDay)
	}
	p.SurgeryDuration = c.int("surgery_duration", x.Duration)
	c.need(p.SurgeryDuration > 0, "surgery_duration must be positive")
	p.Surgeon = c.index("surgeon_id", "surgeon", x.Surgeon, in.surgeonIdx)
	c.need(x.Incompatible != nil, "missing incompatible_room_ids")
	p.Incompatible = make([]bool, len(in.Rooms))
	for _, id := range derefSlice(x.Incompatible) {
		room, ok := in.roomIdx[id]
		c.need(ok, "incompatible_room_ids: unknown room %q", id)
		if ok {
			p.IncompatibleRooms = append(p.IncompatibleRooms, room)
			p.Incompatible[room] = true
		}
	}
}
