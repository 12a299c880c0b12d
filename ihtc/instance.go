package ihtc

import "fmt"

// ShiftsPerDay is the number of nurse shifts in a day (early, late, night).
// A global shift index s runs from 0 to 3*Days-1: day s/3, type s%3.
const ShiftsPerDay = 3

// ShiftNames are the competition's shift types in daily order; a shift
// type index is a position in this array.
var ShiftNames = [ShiftsPerDay]string{"early", "late", "night"}

// Soft names a soft cost component S1..S8. Its value indexes
// Instance.Weights and the Report's Raw and Weighted arrays.
type Soft int

// The soft cost components, in the specification's order (S1..S8), named as
// the official checker and solution-costs.csv name them.
const (
	RoomAgeMix                  Soft = iota // S1: age-group spread per room and day
	RoomSkillLevel                          // S2: missing nurse skill levels per patient shift
	ContinuityOfCare                        // S3: distinct nurses per patient stay
	ExcessiveNurseWorkload                  // S4: nurse workload above the shift's maximum
	OpenOperatingTheater                    // S5: operating theatres open per day
	SurgeonTransfer                         // S6: extra theatres a surgeon works in per day
	PatientDelay                            // S7: days between release and admission
	ElectiveUnscheduledPatients             // S8: optional patients not admitted
	NumSoft                                 // number of soft components
)

var softNames = [NumSoft]string{"RoomAgeMix", "RoomSkillLevel", "ContinuityOfCare", "ExcessiveNurseWorkload",
	"OpenOperatingTheater", "SurgeonTransfer", "PatientDelay", "ElectiveUnscheduledPatients"}

// weightKeys are the instance file's keys of the weights, in Soft order
// (the misspelling "eccessive" is the competition's).
var weightKeys = [NumSoft]string{"room_mixed_age", "room_nurse_skill", "continuity_of_care", "nurse_eccessive_workload",
	"open_operating_theater", "surgeon_transfer", "patient_delay", "unscheduled_optional"}

// String returns the checker's name of the component, e.g. "RoomAgeMix".
func (c Soft) String() string {
	if c < 0 || c >= NumSoft {
		return fmt.Sprintf("Soft(%d)", int(c))
	}
	return softNames[c]
}

// Instance is one IHTC-2024 problem. Every reference between entities is a
// dense index into the corresponding slice (rooms, nurses, ...), so that a
// solver can index arrays directly; the string ids are kept for output.
type Instance struct {
	Days        int // scheduling period D in days (0..D-1)
	SkillLevels int // nurse skill levels L (0..L-1, 0 lowest)

	// AgeGroups are the age-group names, youngest first; an AgeGroup
	// field is an index here, so differences of indices are age spreads.
	AgeGroups []string
	// Genders are the gender names in order of first appearance
	// (occupants, then patients); a Gender field is an index here.
	Genders []string
	// Weights are the instance's weights of the soft components.
	Weights [NumSoft]int

	Occupants []Occupant // patients already in a room on day 0
	Patients  []Patient  // patients to admit (or postpone, if optional)
	Surgeons  []Surgeon
	Theaters  []Theater // operating theatres ("operating_theaters")
	Rooms     []Room
	Nurses    []Nurse

	patientIdx, roomIdx, theaterIdx, nurseIdx, surgeonIdx map[string]int
}

// Shifts returns the number of shifts in the period, 3*Days.
func (in *Instance) Shifts() int { return in.Days * ShiftsPerDay }

// Care is what occupants and patients have in common: what they need
// from a room and its nurses during their stay.
type Care struct {
	Gender       int // index into Instance.Genders
	AgeGroup     int // index into Instance.AgeGroups
	LengthOfStay int // days; the stay covers days adm..adm+LengthOfStay-1
	// Workload is the nurse workload produced in each shift of the stay:
	// 3*LengthOfStay values, index 0 being the early shift of the
	// admission day ("workload_produced").
	Workload []int
	// SkillLevelRequired is the minimum nurse skill level in each shift of
	// the stay, indexed like Workload ("skill_level_required").
	SkillLevelRequired []int
}

// Occupant is a patient present at the start of the period: admitted on
// day 0 in a fixed room, with no surgery in this period.
type Occupant struct {
	ID string
	Care
	Room int // index into Instance.Rooms
}

// Patient is a patient to schedule: an admission day (with surgery that
// day), a room and an operating theatre, or postponement if optional.
type Patient struct {
	ID string
	Care
	Mandatory  bool // must be admitted within the period (H5)
	ReleaseDay int  // earliest admission day ("surgery_release_day")
	// DueDay is the latest admission day ("surgery_due_day"); optional
	// patients have none in the file and get Days-1 here.
	DueDay          int
	SurgeryDuration int // minutes, on the admission day
	Surgeon         int // index into Instance.Surgeons
	// IncompatibleRooms are the rooms the patient must not be given (H2),
	// as indices in file order; Incompatible is the same set indexed by
	// room, for constant-time checks.
	IncompatibleRooms []int
	Incompatible      []bool
}

// Surgeon is a surgeon (with their team) and their daily operating limit.
type Surgeon struct {
	ID             string
	MaxSurgeryTime []int // minutes per day, 0 when unavailable (H3)
}

// Theater is an operating theatre and its daily capacity.
type Theater struct {
	ID           string
	Availability []int // minutes per day, 0 when closed (H4)
}

// Room is a recovery room.
type Room struct {
	ID       string
	Capacity int // beds (H7)
}

// Nurse is a nurse with a fixed roster.
type Nurse struct {
	ID         string
	SkillLevel int
	// WorkingShifts are the global shifts the nurse is rostered for, in
	// file order.
	WorkingShifts []int
	// Rostered and MaxLoad are indexed by global shift: whether the nurse
	// works it, and the maximum workload then (0 when not rostered).
	Rostered []bool
	MaxLoad  []int
}

// PatientIndex returns the index of the patient with the given id.
func (in *Instance) PatientIndex(id string) (int, bool) { i, ok := in.patientIdx[id]; return i, ok }

// RoomIndex returns the index of the room with the given id.
func (in *Instance) RoomIndex(id string) (int, bool) { i, ok := in.roomIdx[id]; return i, ok }

// TheaterIndex returns the index of the operating theatre with the given id.
func (in *Instance) TheaterIndex(id string) (int, bool) { i, ok := in.theaterIdx[id]; return i, ok }

// NurseIndex returns the index of the nurse with the given id.
func (in *Instance) NurseIndex(id string) (int, bool) { i, ok := in.nurseIdx[id]; return i, ok }

// SurgeonIndex returns the index of the surgeon with the given id.
func (in *Instance) SurgeonIndex(id string) (int, bool) { i, ok := in.surgeonIdx[id]; return i, ok }

// ShiftIndex returns the global shift of a day and a shift-type name, or
// false if the name is not early, late or night or the day is outside
// the period.
func (in *Instance) ShiftIndex(day int, shift string) (int, bool) {
	if day < 0 || day >= in.Days {
		return 0, false
	}
	for t, name := range ShiftNames {
		if name == shift {
			return day*ShiftsPerDay + t, true
		}
	}
	return 0, false
}
