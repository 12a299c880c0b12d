package demo

import (
	"fmt"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// consultant is what the generator remembers of a clinician: specialty and
// site by index, for choosing consultants and slots without pointers.
type consultant struct {
	spec int
	site int
}

// reference builds the organisation, sites, specialties, consultants and
// clinic templates, with IDs from 1 per kind.
func (g *gen) reference() *elective.ReferenceData {
	g.organisation()
	g.gpPractices()
	g.makeConsultants()
	g.makeTemplates()
	return &elective.ReferenceData{
		Organisation: g.org, Sites: g.sites, Specialties: g.specs,
		Clinicians: g.clinicians, Templates: g.templates,
	}
}

// consultantCounts shares n consultants between the specialties by weight
// (largest remainder), with at least two in every specialty so that
// patients can be booked with a colleague.
func consultantCounts(n int) []int {
	total := 0.0
	for _, s := range specialties {
		total += s.weight
	}
	counts := make([]int, len(specialties))
	rest := make([]float64, len(specialties))
	left := n
	for i, s := range specialties {
		exact := float64(n) * s.weight / total
		counts[i] = max(2, int(exact))
		rest[i] = exact - float64(int(exact))
		left -= counts[i]
	}
	for ; left > 0; left-- {
		best := 0
		for i := range rest {
			if rest[i] > rest[best] {
				best = i
			}
		}
		counts[best]++
		rest[best] = -1
	}
	return counts
}

// makeConsultants creates the clinicians with diverse names, the titles UK
// consultants use (surgeons are Mr, Ms or Miss; physicians and dentists Dr;
// a few professors) and unique seven-digit consultant codes.
func (g *gen) makeConsultants() {
	counts := consultantCounts(g.cfg.consultants())
	g.specCons = make([][]int, len(specialties))
	used := map[string]bool{}
	groupW := groupWeights(true)
	for si, n := range counts {
		for range n {
			female := g.chance(0.42)
			given, family := g.personName(g.weighted(groupW), female, 1980)
			code := ""
			for code == "" || used[code] {
				code = fmt.Sprintf("C%07d", g.between(1000000, 9999999))
			}
			used[code] = true
			c := &elective.Clinician{
				ID: int64(len(g.clinicians) + 1), Code: code, Title: consultantTitle(g, si, female),
				GivenName: given, FamilyName: family, SpecialtyID: int64(si + 1),
			}
			site := g.weighted([]float64{0.7, 0.2, 0.1})
			if si == specDental {
				site = 2
			}
			g.specCons[si] = append(g.specCons[si], len(g.clinicians))
			g.clinicians = append(g.clinicians, c)
			g.consultants = append(g.consultants, consultant{spec: si, site: site})
		}
	}
}

// specDental is the index of Community Dental, which runs at the community
// hospital.
const specDental = 2

func consultantTitle(g *gen, si int, female bool) string {
	switch {
	case g.chance(0.07):
		return "Prof"
	case specialties[si].medical:
		return "Dr"
	case !female:
		return "Mr"
	case g.chance(0.3):
		return "Miss"
	}
	return "Ms"
}

// makeTemplates gives each consultant two or three weekly clinics on
// different half-days, mostly at their own site, in numbered rooms that
// never clash.
func (g *gen) makeTemplates() {
	rooms := map[string]int{}
	codes := map[string]bool{}
	for ci, c := range g.consultants {
		n := 2
		if g.chance(g.threeClinicShare()) {
			n = 3
		}
		halves := g.rng.Perm(10)[:n]
		for _, h := range halves {
			site := c.site
			if g.chance(0.25) {
				site = g.intn(len(g.sites))
			}
			g.addTemplate(ci, site, time.Weekday(1+h/2), h%2 == 1, rooms, codes)
		}
	}
}

// threeClinicShare is the share of consultants with three weekly clinics
// rather than two: half at the small scale's ratio of open pathways per
// consultant, more where each consultant carries a longer list, so that
// clinic capacity keeps pace with the list.
func (g *gen) threeClinicShare() float64 {
	perConsultant := float64(g.open) / float64(len(g.clinicians))
	ratio := perConsultant / (float64(smallPathways) / smallConsultants)
	return min(max(1.5*ratio-1, 0), 1)
}

func (g *gen) addTemplate(ci, site int, day time.Weekday, pm bool, rooms map[string]int, codes map[string]bool) {
	c, sp := g.clinicians[ci], &specialties[g.consultants[ci].spec]
	start, half := 9*60, "AM"
	if pm {
		start, half = 13*60+30, "PM"
	}
	key := fmt.Sprintf("%d/%s/%d/%s", site, sp.area, day, half)
	rooms[key]++
	code := fmt.Sprintf("%s-%s-%s-%s", sp.short, codeLetters(c.FamilyName), strings.ToUpper(day.String()[:3]), half)
	for i := 2; codes[code]; i++ {
		code = fmt.Sprintf("%s-%s%d-%s-%s", sp.short, codeLetters(c.FamilyName), i, strings.ToUpper(day.String()[:3]), half)
	}
	codes[code] = true
	t := &elective.ClinicTemplate{
		ID: int64(len(g.templates) + 1), Code: code,
		Name:        fmt.Sprintf("%s – %s (%s %s)", sp.name, c.DisplayName(), day, strings.ToLower(half)),
		ClinicianID: c.ID, SpecialtyID: c.SpecialtyID, SiteID: g.sites[site].ID,
		Room:    fmt.Sprintf("%s Room %d", sp.area, rooms[key]),
		Weekday: day, StartMinute: start, EffectiveFrom: g.from,
		Slots: g.templateSlots(sp),
	}
	g.templates = append(g.templates, t)
}

// codeLetters is the first three letters of a family name, for clinic codes
// ("O'Brien" gives "OBR").
func codeLetters(family string) string {
	var b []byte
	for _, c := range []byte(strings.ToUpper(family)) {
		if c >= 'A' && c <= 'Z' && len(b) < 3 {
			b = append(b, c)
		}
	}
	return string(b)
}

// templateSlots lays out a session of three to four hours mixing new and
// follow-up slots. Some clinics are mostly new patients, some mostly
// follow-ups, as real job plans have both.
func (g *gen) templateSlots(sp *specialty) []elective.TemplateSlot {
	length := pick(g, []int{180, 195, 210, 225, 240})
	newShare := pick(g, []float64{0.5, 0.6, 0.7, 0.8})
	newMin, fuMin := pick(g, sp.newMinutes), pick(g, sp.fuMinutes)
	var slots []elective.TemplateSlot
	used, newUsed := 0, 0
	for {
		typ, m := elective.SlotFollowUp, fuMin
		if float64(newUsed) < newShare*float64(used+1) {
			typ, m = elective.SlotNew, newMin
		}
		if used+m > length {
			if typ == elective.SlotNew && used+fuMin <= length {
				typ, m = elective.SlotFollowUp, fuMin
			} else {
				break
			}
		}
		// The first new slot of each clinic is held for urgent referrals,
		// and follow-ups are never bookable in e-RS: the booking rules a
		// booking office would set up first.
		ts := elective.TemplateSlot{Type: typ, Minutes: m, LocalOnly: typ == elective.SlotFollowUp}
		if typ == elective.SlotNew && newUsed == 0 {
			ts.Reserved = elective.PriorityUrgent
		}
		slots = append(slots, ts)
		used += m
		if typ == elective.SlotNew {
			newUsed += m
		}
	}
	return slots
}
