package demo

import (
	"fmt"
	"strconv"

	"github.com/openelective/elective"
)

// trustName is the fictional trust the demo builds.
const trustName = "Riverside University Hospitals NHS Foundation Trust"

// siteNames are the trust's hospitals; the first is the main acute site.
var siteNames = []string{"Riverside General Hospital", "Kingsmead Treatment Centre", "Eastmoor Community Hospital"}

// town is a fictional town in the trust's catchment with its postcode
// districts (all in the fictional "RV" postcode area) and its share of the
// population.
type town struct {
	name      string
	districts []int
	weight    float64
	villages  []string
}

var towns = []town{
	{"Riverside", []int{1, 2, 3, 4, 5, 6}, 40, nil},
	{"Kingsmead", []int{7, 8}, 14, []string{"Upper Kingsmead", "Coldharbour"}},
	{"Eastmoor", []int{9, 10}, 12, []string{"Moorside", "Little Eastmoor"}},
	{"Ashcombe", []int{11}, 8, []string{"Ashcombe Parva", "Weald End"}},
	{"Hartley Bridge", []int{12}, 7, []string{"Hartley Green"}},
	{"Wexbury", []int{13}, 6, []string{"Nether Wexbury", "Stoke Wexbury"}},
	{"Fenwick", []int{14}, 5, []string{"Fenwick St Mary"}},
	{"Longmarsh", []int{15}, 4, []string{"Marsh Gibbon End"}},
	{"Saltcote", []int{16}, 4, []string{"Saltcote Quay"}},
}

var (
	streetStems = []string{"Church", "Station", "Victoria", "Mill", "Park", "Vicarage", "School", "Queens", "Kings",
		"Albert", "York", "Orchard", "Meadow", "Willow", "Chestnut", "Oak", "Elm", "Beech", "Ash", "Cedar", "Bridge",
		"Market", "Brook", "Manor", "Grange", "Hawthorn", "Primrose", "Larch", "Sycamore", "Windsor", "Nelson",
		"Wellington", "Gladstone", "Hillside", "Fairfield", "Springfield", "Highfield", "Kestrel", "Heron", "Lark",
		"Abbey", "Priory", "Canal", "Forge", "Tannery", "Ropewalk", "Cherry Tree", "St John's", "Waterloo", "Lime"}
	streetKinds = []string{"Road", "Road", "Street", "Street", "Lane", "Avenue", "Close", "Drive", "Way",
		"Crescent", "Gardens", "Grove", "Place", "Court", "Terrace", "Walk", "Rise", "View"}
	blockNames = []string{"Heron House", "Kestrel Court", "Riverside Mews", "Canal Wharf", "Victoria Mansions",
		"Orchard Lodge", "Mill Court", "Priory House", "Chestnut Court", "Waterside"}
	// postcodeLetters are the letters used in the last two characters of a
	// postcode (C, I, K, M, O and V are never used there).
	postcodeLetters = "ABDEFGHJLNPQRSTUWXYZ"
)

// organisation builds the trust and its sites, IDs from 1.
func (g *gen) organisation() {
	g.org = &elective.Organisation{ID: 1, Code: g.cfg.OrgCode, Name: trustName,
		Address:      elective.Address{Line1: "Booking Office, " + siteNames[0], Line2: "Hospital Road", Town: "Anytown", Postcode: "AN1 1AA"},
		BookingPhone: "0118 496 0123"} // an Ofcom drama number: never a real line
	for i, name := range siteNames {
		g.sites = append(g.sites, &elective.Site{ID: int64(i + 1), Code: fmt.Sprintf("%s%02d", g.cfg.OrgCode, i+1), Name: name})
	}
	for i, s := range specialties {
		g.specs = append(g.specs, &elective.Specialty{ID: int64(i + 1), Code: s.code, Name: s.name})
	}
}

// gpPractices makes the codes of the GP practices that refer to the trust:
// one practice for about every 1,000 open pathways, coded like ODS
// practice codes (a region letter and five digits).
func (g *gen) gpPractices() {
	n := 20 + g.open/1000
	for i := range n {
		g.practices = append(g.practices, fmt.Sprintf("%c%05d", "JKLM"[i%4], 81001+i/4*3))
	}
}

// address returns a plausible, well-formed but fictional postal address.
func (g *gen) address() elective.Address {
	t := &towns[g.weighted(townWeights)]
	a := elective.Address{Town: t.name}
	street := pick(g, streetStems) + " " + pick(g, streetKinds)
	if g.chance(0.03) {
		street = "High Street"
	}
	switch {
	case g.chance(0.12):
		a.Line1 = fmt.Sprintf("Flat %d, %s", g.between(1, 40), pick(g, blockNames))
		a.Line2 = strconv.Itoa(g.between(1, 120)) + " " + street
	default:
		a.Line1 = strconv.Itoa(g.between(1, 180)) + " " + street
		if len(t.villages) > 0 && g.chance(0.2) {
			a.Line2 = pick(g, t.villages)
		}
	}
	a.Postcode = fmt.Sprintf("RV%d %d%c%c", pick(g, t.districts), g.intn(10),
		postcodeLetters[g.intn(len(postcodeLetters))], postcodeLetters[g.intn(len(postcodeLetters))])
	return a
}

// townWeights is the population share of each town.
var townWeights = func() []float64 {
	w := make([]float64, len(towns))
	for i, t := range towns {
		w[i] = t.weight
	}
	return w
}()

// phone returns a number in the ranges Ofcom keeps for drama, so that no
// real person is ever called: mobiles 07700 900000–900999 and landlines
// 0118 496 0000–0999.
func (g *gen) phone() string {
	if g.chance(0.8) {
		return fmt.Sprintf("07700 900%03d", g.intn(1000))
	}
	return fmt.Sprintf("0118 496 0%03d", g.intn(1000))
}

// email returns an address at a domain reserved for examples, for about
// a third of adults.
func (g *gen) email(given, family string) string {
	if !g.chance(0.35) {
		return ""
	}
	b := make([]byte, 0, len(given)+len(family)+20)
	for _, s := range []string{given, ".", family} {
		for _, c := range []byte(s) {
			switch {
			case c >= 'A' && c <= 'Z':
				b = append(b, c+'a'-'A')
			case c >= 'a' && c <= 'z', c == '.':
				b = append(b, c)
			}
		}
	}
	return string(b) + strconv.Itoa(g.intn(100)) + "@example.com"
}
