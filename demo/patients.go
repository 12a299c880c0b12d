package demo

import (
	"fmt"
	"strconv"

	"github.com/openelective/elective"
)

// sequences makes unique identifiers that look random: NHS numbers and
// UBRNs are a counter pushed through a bijection (multiplication by a
// number coprime to the range, plus an offset), so they never repeat and
// need no set to check.
type sequences struct {
	nhs, nhsOff   uint64
	ubrn, ubrnOff uint64
}

const (
	nhsRange  = 1_000_000       // six free digits after the 999 prefix
	nhsMul    = 387_403         // coprime to nhsRange
	ubrnRange = 900_000_000_000 // twelve digits, no leading zero
	ubrnMul   = 982_451_653     // prime, coprime to ubrnRange
)

func (s *sequences) init(seed uint64) {
	s.nhsOff = seed % nhsRange
	s.ubrnOff = (seed * 2654435761) % ubrnRange
}

// nhsNumber returns the next NHS number of the 999 test range (never issued
// to real people), skipping the first nine digits that have no valid check
// digit.
func (g *gen) nhsNumber() string {
	for g.seq.nhs < nhsRange {
		m := (g.seq.nhs*nhsMul + g.seq.nhsOff) % nhsRange
		g.seq.nhs++
		first9 := fmt.Sprintf("999%06d", m)
		if d := elective.NHSNumberCheckDigit(first9); d >= 0 {
			return first9 + strconv.Itoa(d)
		}
	}
	panic("demo: the 999 NHS number range is exhausted")
}

// ubrn returns the next unique 12-digit e-RS booking reference.
func (g *gen) ubrn() string {
	m := (g.seq.ubrn*ubrnMul+g.seq.ubrnOff)%ubrnRange + 100_000_000_000
	g.seq.ubrn++
	return strconv.FormatUint(m, 10)
}

// hospitalNumber is the trust's own patient number: the org code and seven
// digits, unique because 7919 is coprime to 10^7.
func (g *gen) hospitalNumber(id int64) string {
	return fmt.Sprintf("%s%07d", g.cfg.OrgCode, (id*7919+1234567)%10_000_000)
}

// patientGroups is the patient share of each naming tradition.
var patientGroups = groupWeights(false)

// newPatient makes a patient suited to the specialty of their first
// referral: that specialty's sex and age mix decide who they are.
func (g *gen) newPatient(si int) *elective.Patient {
	sp := &specialties[si]
	female := g.chance(sp.female)
	age := g.age(sp)
	birth := elective.NewDate(g.today.Year-age, g.today.Month, g.today.Day).AddDays(-g.intn(365))
	gi := g.weighted(patientGroups)
	given, family := g.personName(gi, female, birth.Year)
	p := &elective.Patient{
		ID: next(&g.ids.patient), NHSNumber: g.nhsNumber(),
		Title: g.patientTitle(female, age), GivenName: given, FamilyName: family,
		BirthDate: birth, Sex: elective.SexMale, Address: g.address(), Phone: g.phone(),
		GPPractice: pick(g, g.practices),
	}
	p.LocalID = g.hospitalNumber(p.ID)
	if female {
		p.Sex = elective.SexFemale
	}
	if age >= 16 {
		p.Email = g.email(given, family)
	}
	p.Alerts = g.alerts(gi, age)
	return p
}

// age draws a patient's age: a child with the specialty's paediatric share,
// otherwise an adult around the specialty's typical age.
func (g *gen) age(sp *specialty) int {
	if g.chance(sp.children) {
		return g.between(1, 17)
	}
	a := int(sp.ageMean + sp.ageSD*g.rng.NormFloat64() + 0.5)
	return min(max(a, 18), 98)
}

// alerts gives about 2% of adults a vulnerable-adult alert, some children a
// child-protection alert, about 5% of patients an interpreter, 4% hospital
// transport (more of the old) and a few access needs.
func (g *gen) alerts(gi, age int) []elective.Alert {
	var a []elective.Alert
	if age >= 18 && g.chance(0.02) {
		a = append(a, elective.Alert{Kind: elective.AlertVulnerableAdult, Detail: pick(g, vulnerableDetails)})
	}
	if age < 18 && g.chance(0.08) {
		a = append(a, elective.Alert{Kind: elective.AlertChildProtection, Detail: "Child protection plan: inform the safeguarding team of any missed appointment"})
	}
	if langs := nameGroups[gi].languages; len(langs) > 0 && g.chance(0.16) {
		a = append(a, elective.Alert{Kind: elective.AlertInterpreter, Detail: pick(g, langs)})
	} else if gi == 0 && g.chance(0.004) {
		a = append(a, elective.Alert{Kind: elective.AlertInterpreter, Detail: "British Sign Language"})
	}
	transport := 0.025
	if age >= 75 {
		transport = 0.14
	}
	if g.chance(transport) {
		a = append(a, elective.Alert{Kind: elective.AlertTransport, Detail: pick(g, transportDetails)})
	}
	if g.chance(0.015) {
		a = append(a, elective.Alert{Kind: elective.AlertAccessNeeds, Detail: pick(g, accessDetails)})
	}
	return a
}

var (
	vulnerableDetails = []string{"Learning disability: book a longer appointment, carer attends",
		"Dementia: attends with daughter, send letters to her too", "Lacks capacity: contact next of kin before booking",
		"Autism: needs a quiet waiting area"}
	transportDetails = []string{"Wheelchair", "Stretcher", "Walking with escort", "Sitting, one escort"}
	accessDetails    = []string{"Hearing impaired: hearing loop", "Visually impaired: large-print letters", "Wheelchair user: ground-floor room"}
)

// secondSpecialty picks another specialty for an adult's second pathway, one
// that suits the patient's sex, or -1.
func (g *gen) secondSpecialty(p *elective.Patient, first int) int {
	if p.AgeOn(g.today) < 18 {
		return -1
	}
	for range 10 {
		si := g.weighted(specWeights)
		share := specialties[si].female
		if p.Sex == elective.SexMale {
			share = 1 - share
		}
		if si != first && g.chance(2*share) {
			return si
		}
	}
	return -1
}
