package elective

import (
	"context"
	"strings"
)

// StaffGroup is the kind of contract a member of staff works under; it
// decides which leave entitlements and rota limits apply (rules.md 4.1-4.3).
type StaffGroup string

// Staff groups.
const (
	StaffConsultant StaffGroup = "consultant"
	StaffSAS        StaffGroup = "sas"      // specialty and associate specialist doctors
	StaffResident   StaffGroup = "resident" // resident (junior) doctors on the 2016 contract
	StaffNurse      StaffGroup = "nurse"
	StaffOther      StaffGroup = "other"
)

// StaffGroups lists the staff groups in the order forms show them.
var StaffGroups = []StaffGroup{StaffConsultant, StaffSAS, StaffResident, StaffNurse, StaffOther}

// Label is the group's name for staff.
func (g StaffGroup) Label() string {
	switch g {
	case StaffConsultant:
		return "Consultant"
	case StaffSAS:
		return "SAS doctor"
	case StaffResident:
		return "Resident doctor"
	case StaffNurse:
		return "Nurse"
	case StaffOther:
		return "Other"
	}
	return string(g)
}

// Valid reports whether g is one of StaffGroups.
func (g StaffGroup) Valid() bool {
	for _, v := range StaffGroups {
		if v == g {
			return true
		}
	}
	return false
}

// Doctor reports whether the group is medical staff.
func (g StaffGroup) Doctor() bool {
	return g == StaffConsultant || g == StaffSAS || g == StaffResident
}

// ResidentGrades are the resident doctors' grades, most junior first. A
// rota's cover rule names the grades that may fill a shift.
var ResidentGrades = []string{"FY1", "FY2", "CT1", "CT2", "CT3", "ST3", "ST4", "ST5", "ST6", "ST7", "ST8"}

// StaffMember is a person the rota coordinator plans for: a doctor, nurse
// or other member of a team, with the contract terms the rules need and the
// contact details a coordinator rings when a shift is short.
type StaffMember struct {
	ID          int64
	Title       string
	GivenName   string
	FamilyName  string
	Group       StaffGroup
	Grade       string // e.g. "ST4", "FY1", "Band 6"; for consultants, "Consultant"
	SpecialtyID int64
	Team        string // the rota team, e.g. "General surgery residents"
	// ClinicianID links a consultant to the clinician whose clinics and
	// theatre lists carry their name; 0 for staff who own no sessions.
	ClinicianID int64
	Mobile      string
	Bleep       string
	Email       string
	Skills      []string // e.g. "ALS", "APLS", "endoscopy"
	// FTEPercent is the share of a full-time contract (100; less for
	// less-than-full-time training), for pro-rata entitlements.
	FTEPercent int
	// ContractMaxShiftMinutes is the longest shift the contract allows
	// (13 hours for resident doctors, rules.md 4.3).
	ContractMaxShiftMinutes int
	// ServiceStart is the start of service in the grade that counts for
	// leave increments (consultant for 7 years, SAS for 2; rules.md 4.2).
	ServiceStart Date
	Active       bool

	// Joined for display.
	SpecialtyName string
}

// DisplayName is how staff see a colleague: "Dr A Okafor".
func (s *StaffMember) DisplayName() string {
	initial := ""
	if s.GivenName != "" {
		initial = string([]rune(s.GivenName)[0]) + " "
	}
	return strings.TrimSpace(s.Title + " " + initial + s.FamilyName)
}

// HasSkill reports whether the member holds skill (case-insensitive).
func (s *StaffMember) HasSkill(skill string) bool {
	for _, k := range s.Skills {
		if strings.EqualFold(k, skill) {
			return true
		}
	}
	return false
}

// Validate checks the member's own fields, naming each bad one for the form.
func (s *StaffMember) Validate() error {
	var p Problems
	if strings.TrimSpace(s.FamilyName) == "" {
		p.Add("family_name", "Enter the family name")
	}
	if !s.Group.Valid() {
		p.Add("group", "Choose the staff group")
	}
	if strings.TrimSpace(s.Grade) == "" {
		p.Add("grade", "Enter the grade")
	}
	if s.FTEPercent < 10 || s.FTEPercent > 100 {
		p.Add("fte", "Enter the share of full time as a percentage from 10 to 100")
	}
	if s.ContractMaxShiftMinutes < 60 || s.ContractMaxShiftMinutes > 24*60 {
		p.Add("max_shift", "Enter the longest shift the contract allows, from 1 to 24 hours")
	}
	return p.Err("The staff member cannot be saved: check the fields marked")
}

// StaffFilter narrows a staff search.
type StaffFilter struct {
	Team        string
	Group       StaffGroup
	SpecialtyID int64
	Search      string // name, grade or bleep
	ActiveOnly  bool
}

// StaffService keeps the staff the rota coordinator plans for.
type StaffService interface {
	// CreateStaffMember checks and adds a member: EINVALID naming the bad
	// fields.
	CreateStaffMember(ctx context.Context, s *StaffMember) error
	// UpdateStaffMember replaces a member's details: ENOTFOUND, EINVALID.
	UpdateStaffMember(ctx context.Context, s *StaffMember) error
	// FindStaffMemberByID returns one member: ENOTFOUND.
	FindStaffMemberByID(ctx context.Context, id int64) (*StaffMember, error)
	// FindStaff returns the members matching f by team, group and name.
	FindStaff(ctx context.Context, f StaffFilter) ([]*StaffMember, error)
}
