// Package demo builds a fictional but realistic NHS trust for demonstrations,
// training and load tests: reference data, clinics with their sessions and
// slots, and patients whose referrals, pathways, events and appointments
// give a patient tracking list that looks like a real trust's.
//
// Everything is derived from Config.Seed with math/rand/v2, and "today" is
// injected, so the same configuration always builds the same hospital.
// Records are streamed in batches with their IDs already assigned, so that
// a quarter of a million pathways never sit in memory at once.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/openelective/elective"
)

// Scale is how big a hospital to build.
type Scale string

// Scales.
const (
	Small Scale = "small" // about 20,000 open pathways and 60 consultants
	Large Scale = "large" // about 250,000 open pathways and 600 consultants
)

// ParseScale reads a scale name as typed on the command line.
func ParseScale(s string) (Scale, error) {
	switch Scale(strings.ToLower(strings.TrimSpace(s))) {
	case Small:
		return Small, nil
	case Large:
		return Large, nil
	}
	return "", fmt.Errorf("demo: unknown scale %q (want small or large)", s)
}

// Config says what hospital to build.
type Config struct {
	Seed     uint64
	Scale    Scale
	Today    elective.Date  // the census date; the clock is injected, never time.Now
	Location *time.Location // Europe/London, to place clinic sessions in local time
	OrgCode  string         // "RXX" if empty

	// Pathways overrides the number of open pathways the scale implies
	// (0 keeps it). Consultants and clinics scale with it, so tests can
	// build a small but complete hospital quickly.
	Pathways int
}

// Sizes of the two scales: open pathways and consultants.
const (
	smallPathways    = 20000
	smallConsultants = 60
	largePathways    = 250000
	largeConsultants = 600

	// completedShare is how many completed pathways (clock stopped in the
	// last 18 months) are made per open pathway.
	completedShare = 0.4

	// pathwayBatch and slotBatch are the batch sizes the loader gets.
	// maxPathways keeps the patients within the 909,091 valid NHS numbers
	// of the 999 test range.
	maxPathways = 500000

	pathwayBatch = 2000
	slotBatch    = 20000
)

// openPathways is the number of open pathways to build.
func (c *Config) openPathways() int {
	switch {
	case c.Pathways > 0:
		return c.Pathways
	case c.Scale == Large:
		return largePathways
	}
	return smallPathways
}

// consultants keeps the scale's ratio of consultants to open pathways, with
// at least two consultants in every specialty.
func (c *Config) consultants() int {
	n, per := smallConsultants, float64(smallConsultants)/smallPathways
	if c.Scale == Large {
		n, per = largeConsultants, float64(largeConsultants)/largePathways
	}
	if c.Pathways > 0 {
		n = int(float64(c.Pathways)*per + 0.5)
	}
	return max(n, 2*len(specialties))
}

// Generate builds the hospital deterministically from cfg.Seed. It first
// returns the reference data through ref(), then streams batches through
// batch(): first the clinic sessions and slots (in batches of up to 20,000
// slots), then patients with their referrals, pathways (with events) and
// appointments in batches of about 2,000 pathways. progress (may be nil) is
// called after every batch with the pathways done and the total.
func Generate(cfg Config, ref func(*elective.ReferenceData) error, batch func(*elective.LoadBatch) error, progress func(done, total int)) error {
	g, err := newGen(cfg)
	if err != nil {
		return err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	if err := ref(g.reference()); err != nil {
		return err
	}
	if err := g.emitSessions(batch, progress); err != nil {
		return err
	}
	return g.emitPathways(batch, progress)
}

// gen holds the state of one generation run: the random source, the ID
// counters and the compact in-memory index of slots that bookings need.
type gen struct {
	cfg     Config
	rng     *rand.Rand
	loc     *time.Location
	today   elective.Date
	from    elective.Date // first clinic date: 18 months before today
	horizon elective.Date // last clinic date: 16 weeks after today

	org         *elective.Organisation
	sites       []*elective.Site
	specs       []*elective.Specialty
	clinicians  []*elective.Clinician
	templates   []*elective.ClinicTemplate
	consultants []consultant // parallel to clinicians
	specCons    [][]int      // consultant indices by specialty index
	practices   []string     // GP practice codes

	slots slotIndex
	ids   counters
	seq   sequences

	times     []time.Time // cache of 10:00 London (UTC) by day, see at10
	timesBase int64
	open      int // open pathways to build
	completed int // completed pathways to build
}

// counters hands out sequential IDs per kind of record, from 1.
type counters struct {
	patient, referral, pathway, event, appointment int64
}

// next increments an ID counter and returns the new ID.
func next(c *int64) int64 {
	*c++
	return *c
}

// newGen checks the configuration and seeds the random source.
func newGen(cfg Config) (*gen, error) {
	if cfg.Today.IsZero() {
		return nil, fmt.Errorf("demo: Config.Today is required")
	}
	if cfg.Scale == "" {
		cfg.Scale = Small
	}
	if _, err := ParseScale(string(cfg.Scale)); err != nil {
		return nil, err
	}
	if cfg.Pathways < 0 || cfg.Pathways > maxPathways {
		return nil, fmt.Errorf("demo: Config.Pathways must be 0 to %d, not %d", maxPathways, cfg.Pathways)
	}
	if cfg.OrgCode == "" {
		cfg.OrgCode = "RXX"
	}
	loc := cfg.Location
	if loc == nil {
		var err error
		if loc, err = time.LoadLocation("Europe/London"); err != nil {
			return nil, fmt.Errorf("demo: no Location given and Europe/London not available: %v", err)
		}
	}
	g := &gen{
		cfg: cfg, loc: loc, today: cfg.Today,
		rng:     rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		from:    elective.NewDate(cfg.Today.Year, cfg.Today.Month-18, cfg.Today.Day),
		horizon: cfg.Today.AddDays(16 * 7),
	}
	g.open = cfg.openPathways()
	g.completed = int(float64(g.open)*completedShare + 0.5)
	g.timesBase = cfg.Today.Days() - 4000
	g.times = make([]time.Time, 4000+16*7+400)
	g.seq.init(cfg.Seed)
	return g, nil
}

// at10 is 10:00 London time on d, in UTC: the recorded instant of demo
// events and bookings. It is cached because millions of events need it.
func (g *gen) at10(d elective.Date) time.Time {
	i := d.Days() - g.timesBase
	if i < 0 || i >= int64(len(g.times)) {
		return d.At(10, 0, g.loc).UTC()
	}
	if g.times[i].IsZero() {
		g.times[i] = d.At(10, 0, g.loc).UTC()
	}
	return g.times[i]
}

// intn returns a uniform int in [0, n); 0 when n <= 0.
func (g *gen) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return g.rng.IntN(n)
}

// between returns a uniform int in [lo, hi]; lo when hi < lo.
func (g *gen) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + g.rng.IntN(hi-lo+1)
}

// chance reports true with probability p.
func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// pick returns a random element of list.
func pick[T any](g *gen, list []T) T { return list[g.rng.IntN(len(list))] }

// weighted returns an index drawn with the given relative weights.
func (g *gen) weighted(weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	r := g.rng.Float64() * total
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}
