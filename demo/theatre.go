package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/openelective/elective"
)

// AdmittedPathway is a demo pathway whose clock runs on the admitted list:
// what Theatres needs to list the patient for an operation. The loader
// reads them back after the hospital is loaded, with database ids.
type AdmittedPathway struct {
	PathwayID, PatientID, SpecialtyID, ClinicianID int64
	ClockStart, BreachDate                         elective.Date
}

// theatreWeeks is how far ahead theatre lists are built from the
// templates: beyond the 6-4-2 window, so the planner has unlocked weeks to
// fill. The running system makes the later weeks from the same templates.
const theatreWeeks = 12

// mainTheatres is how many main theatres the main site of the small demo
// has (a larger hospital has more in proportion); it also has one
// endoscopy room per four theatres.
const mainTheatres = 4

// tgen holds one run of the theatre generator.
type tgen struct {
	rng   *rand.Rand
	mains int // main theatres
	today elective.Date
	d     *elective.TheatreData
	byCon map[int64][]*elective.AdmittedListEntry // waiting entries by surgeon, in booking order
}

// Theatres builds the admitted care of the demo hospital for the pathways
// on the admitted list, deterministically from cfg.Seed (and the order of
// waiting, which the loader gives by clock start): the theatres' session
// templates, the lists they make for the weeks ahead, and the waiting
// list booked onto them.
func Theatres(cfg Config, waiting []AdmittedPathway) (*elective.TheatreData, error) {
	if cfg.Today.IsZero() {
		return nil, fmt.Errorf("demo: Config.Today is required")
	}
	t := &tgen{rng: rand.New(rand.NewPCG(cfg.Seed^0x7468656174726573, cfg.Seed)), today: cfg.Today,
		d: &elective.TheatreData{Kit: demoKit, MobileKit: demoMobileKit, Beds: map[int64]int{1: 40, 2: 12}}, byCon: map[int64][]*elective.AdmittedListEntry{}}
	t.mains = max(mainTheatres, int(float64(mainTheatres*cfg.openPathways())/smallPathways+0.5))
	for i := range t.mains {
		t.d.Theatres = append(t.d.Theatres, &elective.Theatre{ID: int64(i + 1), Code: fmt.Sprintf("MTH%d", i+1),
			Name: fmt.Sprintf("Main theatre %d", i+1), SiteID: 1})
	}
	for i := range t.mains / mainTheatres {
		t.d.Theatres = append(t.d.Theatres, &elective.Theatre{ID: int64(t.mains + i + 1), Code: fmt.Sprintf("ENDO%d", i+1),
			Name: fmt.Sprintf("Endoscopy room %d", i+1), SiteID: 1, Endoscopy: true})
	}
	surgeons, endoscopists := consultantsOf(waiting)
	t.templates(surgeons, endoscopists)
	t.sessions()
	for _, p := range waiting {
		t.entry(p)
	}
	for _, es := range t.byCon {
		slices.SortStableFunc(es, bookingOrder)
	}
	t.book()
	t.history(append(surgeons, endoscopists...))
	return t.d, nil
}

// consultant of a specialty, for the rota.
type rotaConsultant struct {
	id   int64
	code string // the specialty's treatment function code
}

// consultantsOf returns the consultants with admitted patients, by
// specialty then id: theatre surgeons, and endoscopists for the room.
func consultantsOf(waiting []AdmittedPathway) (surgeons, endoscopists []rotaConsultant) {
	seen := map[int64]bool{}
	for _, p := range waiting {
		code := specialtyCode(p.SpecialtyID)
		if seen[p.ClinicianID] || p.ClinicianID == 0 || procedures[code] == nil {
			continue
		}
		seen[p.ClinicianID] = true
		c := rotaConsultant{id: p.ClinicianID, code: code}
		if code == "301" {
			endoscopists = append(endoscopists, c)
		} else {
			surgeons = append(surgeons, c)
		}
	}
	byID := func(a, b rotaConsultant) int { return int(a.id - b.id) }
	slices.SortFunc(surgeons, byID)
	slices.SortFunc(endoscopists, byID)
	return surgeons, endoscopists
}

// specialtyCode is the treatment function code of a demo specialty id.
func specialtyCode(id int64) string {
	if id < 1 || int(id) > len(specialties) {
		return ""
	}
	return specialties[id-1].code
}

// anaesthetists staff the GA lists once confirmed.
var anaesthetists = []string{"Dr R Okafor", "Dr S Lindqvist", "Dr H Begum", "Dr T Morgan", "Dr J Abara", "Dr C Whitfield", "Dr M Rossi", "Dr P Nair"}

// standing numbers a list and gives it its 6-4-2 standing as of today
// (rules.md 3.6): locked inside two weeks; surgeon, and anaesthetist for a
// general anaesthetic list, confirmed inside six; beyond six the odd list
// released for the surgeon's leave.
func (t *tgen) standing(s *elective.TheatreSession) {
	s.ID = int64(len(t.d.Sessions) + 1)
	days := s.Date.DaysSince(t.today)
	if days < 14 {
		s.Status = elective.SessionLocked
	}
	if days < 42 {
		s.SurgeonConfirmed = true
		if s.ListType == elective.ListGA {
			s.Anaesthetist, s.AnaesthetistConfirmed = anaesthetists[t.rng.IntN(len(anaesthetists))], true
		}
	} else if t.rng.Float64() < 0.04 {
		s.Status, s.ReleasedReason = elective.SessionReleased, "Surgeon on annual leave"
	}
	t.d.Sessions = append(t.d.Sessions, s)
}

// bookingOrder is the demo's booking order for filling lists: priority,
// then the decision to admit.
func bookingOrder(a, b *elective.AdmittedListEntry) int {
	if r := a.Priority.Rank() - b.Priority.Rank(); r != 0 {
		return r
	}
	return a.ListedOn.Compare(b.ListedOn)
}

// weightedProcedure picks one of a specialty's procedures by weight.
func (t *tgen) weightedProcedure(ps []procedure) procedure {
	total := 0.0
	for _, p := range ps {
		total += p.weight
	}
	r := t.rng.Float64() * total
	for _, p := range ps {
		if r < p.weight {
			return p
		}
		r -= p.weight
	}
	return ps[len(ps)-1]
}

// at is a date's time at 10:00 UTC, for created-at stamps.
func at(d elective.Date) time.Time { return d.At(10, 0, time.UTC) }
