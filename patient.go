package elective

import (
	"context"
	"strings"
	"time"
)

// Sex is the person stated gender code of the NHS Data Dictionary.
type Sex string

// Person stated gender codes.
const (
	SexMale          Sex = "1"
	SexFemale        Sex = "2"
	SexIndeterminate Sex = "9"
	SexNotKnown      Sex = "X"
)

// Sexes lists the codes in the order forms offer them.
var Sexes = []Sex{SexFemale, SexMale, SexIndeterminate, SexNotKnown}

// Label is the code's meaning for staff.
func (s Sex) Label() string {
	switch s {
	case SexMale:
		return "Male"
	case SexFemale:
		return "Female"
	case SexIndeterminate:
		return "Indeterminate"
	case SexNotKnown:
		return "Not known"
	}
	return string(s)
}

// AlertKind is a kind of patient alert that changes how staff book and how
// the rules treat the patient.
type AlertKind string

// Alert kinds. A vulnerable adult or a child is never discharged
// automatically after a DNA or cancellation (rules.md 1.5.4, 3.3).
const (
	AlertVulnerableAdult AlertKind = "vulnerable-adult"
	AlertChildProtection AlertKind = "child-protection"
	AlertInterpreter     AlertKind = "interpreter"
	AlertTransport       AlertKind = "transport"
	AlertAccessNeeds     AlertKind = "access-needs"
	// AlertAddressNotToUse: the patient has asked that no letter go to
	// their address (a refuge, a shared house); letters are then refused.
	AlertAddressNotToUse AlertKind = "address-not-to-use"
)

// AlertKinds lists the alert kinds in display order.
var AlertKinds = []AlertKind{AlertVulnerableAdult, AlertChildProtection, AlertInterpreter, AlertTransport, AlertAccessNeeds,
	AlertAddressNotToUse}

// Label is the alert's name for staff.
func (k AlertKind) Label() string {
	switch k {
	case AlertVulnerableAdult:
		return "Vulnerable adult"
	case AlertChildProtection:
		return "Child protection"
	case AlertInterpreter:
		return "Interpreter needed"
	case AlertTransport:
		return "Hospital transport"
	case AlertAccessNeeds:
		return "Access needs"
	case AlertAddressNotToUse:
		return "Do not write to this address"
	}
	return string(k)
}

// Alert is one alert on a patient, with detail such as the interpreter's
// language or the kind of transport.
type Alert struct {
	Kind   AlertKind
	Detail string
}

// Address is a postal address.
type Address struct {
	Line1    string
	Line2    string
	Town     string
	Postcode string
}

// Patient is a person registered with the trust.
type Patient struct {
	ID         int64
	NHSNumber  string // ten digits, no spaces
	LocalID    string // hospital number (MRN)
	Title      string
	GivenName  string
	FamilyName string
	BirthDate  Date
	Sex        Sex
	Address    Address
	Phone      string
	Email      string
	GPPractice string // ODS code of the registered GP practice
	Alerts     []Alert
	CreatedAt  time.Time
}

// DisplayName is the name as NHS systems show it: "SMITH, Jane (Mrs)".
func (p *Patient) DisplayName() string {
	s := strings.ToUpper(p.FamilyName) + ", " + p.GivenName
	if p.Title != "" {
		s += " (" + p.Title + ")"
	}
	return s
}

// AgeOn returns the patient's age in whole years on date d.
func (p *Patient) AgeOn(d Date) int {
	age := d.Year - p.BirthDate.Year
	if d.Month < p.BirthDate.Month || (d.Month == p.BirthDate.Month && d.Day < p.BirthDate.Day) {
		age--
	}
	return age
}

// HasAlert reports whether the patient has an alert of kind k.
func (p *Patient) HasAlert(k AlertKind) bool {
	for _, a := range p.Alerts {
		if a.Kind == k {
			return true
		}
	}
	return false
}

// IsVulnerable reports whether the DNA and cancellation safeguards apply on
// date d: the patient is a child (under 18) or has a vulnerable-adult or
// child-protection alert (rules.md 1.5.4 (iv), 3.2, 3.3).
func (p *Patient) IsVulnerable(d Date) bool {
	return p.AgeOn(d) < 18 || p.HasAlert(AlertVulnerableAdult) || p.HasAlert(AlertChildProtection)
}

// Validate checks the patient's details as entered on a form or in an
// import row. today bounds the birth date.
func (p *Patient) Validate(today Date) error {
	var probs Problems
	p.validate(&probs, today)
	return probs.Err("Check the patient's details")
}

func (p *Patient) validate(probs *Problems, today Date) {
	p.NHSNumber = NormalizeNHSNumber(p.NHSNumber)
	if msg := CheckNHSNumber(p.NHSNumber); msg != "" {
		probs.Add("nhs_number", "%s", msg)
	}
	if strings.TrimSpace(p.GivenName) == "" {
		probs.Add("given_name", "Enter the patient's given name")
	}
	if strings.TrimSpace(p.FamilyName) == "" {
		probs.Add("family_name", "Enter the patient's family name")
	}
	switch {
	case p.BirthDate.IsZero():
		probs.Add("birth_date", "Enter the patient's date of birth")
	case p.BirthDate.After(today):
		probs.Add("birth_date", "Date of birth must be today or in the past")
	case today.Year-p.BirthDate.Year > 130:
		probs.Add("birth_date", "Date of birth must be within the last 130 years")
	}
	switch p.Sex {
	case SexMale, SexFemale, SexIndeterminate, SexNotKnown:
	default:
		probs.Add("sex", "Select the patient's sex")
	}
	for _, a := range p.Alerts {
		if a.Kind.Label() == string(a.Kind) {
			probs.Add("alerts", "Unknown alert %q", a.Kind)
		}
	}
}

// PatientFilter selects patients. Query matches an NHS number (with or
// without spaces), a hospital number, or the start of a family name.
type PatientFilter struct {
	Query  string
	Offset int
	Limit  int
}

// PatientService finds and reads patients. Every method that returns patient
// data records an audit event for the signed-in user.
type PatientService interface {
	// FindPatientByID returns a patient and records that the user opened the
	// record. Returns ENOTFOUND if there is no such patient.
	FindPatientByID(ctx context.Context, id int64) (*Patient, error)

	// FindPatients searches patients, returning a page and the total count.
	FindPatients(ctx context.Context, filter PatientFilter) ([]*Patient, int, error)
}
