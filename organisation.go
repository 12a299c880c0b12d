package elective

import "context"

// Organisation is an NHS trust (a provider) identified by its ODS code. Every
// stored row carries its organisation so that one deployment can later serve
// several trusts, or be sharded by trust.
type Organisation struct {
	ID   int64
	Code string // ODS organisation code, e.g. "RXX"
	Name string
	// Address and BookingPhone head every letter: the booking office is
	// where patients write and phone to change an appointment.
	Address      Address
	BookingPhone string
}

// Site is a hospital or clinic building of the organisation.
type Site struct {
	ID   int64
	Code string // ODS site code
	Name string
}

// Specialty is a service identified by its treatment function code (TFC),
// the code RTT returns are reported against.
type Specialty struct {
	ID   int64
	Code string // treatment function code, e.g. "110" trauma and orthopaedics
	Name string
}

// Clinician is a consultant (or other clinician who leads a clinic), with
// the consultant code (GMC number) the national data sets use.
type Clinician struct {
	ID          int64
	Code        string // consultant code, e.g. "C1234567"
	Title       string
	GivenName   string
	FamilyName  string
	SpecialtyID int64
	Specialty   *Specialty // joined for display
}

// DisplayName is how staff see the clinician: "Ms A Okafor".
func (c *Clinician) DisplayName() string {
	initial := ""
	if c.GivenName != "" {
		initial = string([]rune(c.GivenName)[0]) + " "
	}
	if c.Title == "" {
		return initial + c.FamilyName
	}
	return c.Title + " " + initial + c.FamilyName
}

// OrganisationService reads the trust's reference data: sites, specialties
// and clinicians. Reference data is not patient data and is not audited.
type OrganisationService interface {
	// FindOrganisation returns the trust this deployment serves.
	FindOrganisation(ctx context.Context) (*Organisation, error)

	// FindSites returns every site, by name.
	FindSites(ctx context.Context) ([]*Site, error)

	// FindSpecialties returns every specialty, by name.
	FindSpecialties(ctx context.Context) ([]*Specialty, error)

	// FindClinicians returns clinicians, by family name; a non-zero
	// specialtyID restricts them to one specialty.
	FindClinicians(ctx context.Context, specialtyID int64) ([]*Clinician, error)
}
