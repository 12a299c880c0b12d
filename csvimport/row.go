package csvimport

import (
	"fmt"
	"strings"

	"github.com/openelective/elective"
)

// parseRow turns a record into a registration. It reports what it cannot
// read (a malformed date, an unknown code); the domain's own validation
// (NHS number check digit, dates in the future) runs on the result.
func parseRow(r rowReader, codes Codes) (*elective.ReferralRegistration, error) {
	var probs []string
	date := func(col string) elective.Date {
		s := r.get(col)
		if s == "" {
			return elective.Date{}
		}
		d, err := elective.ParseDate(s)
		if err != nil {
			probs = append(probs, col+": "+err.Error())
		}
		return d
	}
	code := func(col string, m map[string]int64, what string) int64 {
		s := r.get(col)
		if s == "" {
			return 0
		}
		id, ok := m[strings.ToUpper(s)]
		if !ok {
			probs = append(probs, fmt.Sprintf("%s: no %s has code %q", col, what, s))
		}
		return id
	}
	reg := &elective.ReferralRegistration{
		Patient: elective.Patient{
			NHSNumber: r.get("nhs_number"), Title: r.get("title"), GivenName: r.get("given_name"),
			FamilyName: r.get("family_name"), BirthDate: date("birth_date"), Sex: parseSex(r.get("sex")),
			Address: elective.Address{Line1: r.get("address_line1"), Line2: r.get("address_line2"),
				Town: r.get("town"), Postcode: r.get("postcode")},
			Phone: r.get("phone"), GPPractice: r.get("gp_practice"),
		},
		Referral: elective.Referral{
			SpecialtyID: code("specialty_code", codes.Specialties, "specialty"),
			ClinicianID: code("consultant_code", codes.Clinicians, "consultant"),
			SiteID:      code("site_code", codes.Sites, "site"),
			Priority:    elective.Priority(strings.ToLower(r.get("priority"))),
			Source:      elective.ReferralSource(strings.ToLower(r.get("source"))),
			UBRN:        r.get("ubrn"), ReceivedDate: date("received_date"), OriginalStart: date("original_start"),
			PPID: r.get("ppid"), PPIDIssuer: r.get("ppid_issuer"),
			ReferrerCode: r.get("referrer_code"), Reason: r.get("reason"),
		},
	}
	if r.get("specialty_code") == "" {
		probs = append(probs, "specialty_code: enter the treatment function code")
	}
	if len(probs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(probs, "; "))
	}
	return reg, nil
}

// parseSex accepts the person stated gender code or its word.
func parseSex(s string) elective.Sex {
	switch strings.ToLower(s) {
	case "1", "m", "male":
		return elective.SexMale
	case "2", "f", "female":
		return elective.SexFemale
	case "9", "indeterminate":
		return elective.SexIndeterminate
	case "x", "not known", "unknown":
		return elective.SexNotKnown
	}
	return elective.Sex(s)
}
