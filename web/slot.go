package web

import (
	"net/http"

	"github.com/openelective/elective"
)

// SlotIndexForm filters the free-slot list.
type SlotIndexForm struct {
	SpecialtyID int64
	Type        elective.SlotType
	From        string
}

// SlotIndexPage lists free slots soonest first, so that a slot freed by a
// cancellation is filled with the right next patient.
type SlotIndexPage struct {
	Page
	Filter      SlotIndexForm
	Specialties []*elective.Specialty
	Days        []SlotDay
}

func (*SlotIndexPage) templateName() string { return "slot/index" }

// SlotViewPage ranks the waiting patients for one free slot.
type SlotViewPage struct {
	Page
	Slot       SlotRow
	Specialty  string
	Candidates []SlotCandidateRow
	Next       int64 // the pathway of the right next patient, 0 if none
	NoticeDays int   // the reasonable notice (rules.md 3.1)
}

func (*SlotViewPage) templateName() string { return "slot/view" }

// SlotCandidateRow is a ranked patient with their PTL figures.
type SlotCandidateRow struct {
	PTLRow
	Rank        int
	Skip        string
	ShortNotice bool
}

// handleSlotIndex shows the free slots of a specialty from a date.
func (s *Server) handleSlotIndex(w http.ResponseWriter, r *http.Request) error {
	if err := authorize(r, elective.ActionBookAppointment); err != nil {
		return err
	}
	q := r.URL.Query()
	f := SlotIndexForm{SpecialtyID: formInt64(q.Get("specialty_id")), Type: elective.SlotType(q.Get("type")), From: q.Get("from")}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &SlotIndexPage{Filter: f, Specialties: lk.specialties}
	p.Title, p.Nav = "Free slots", NavSlots
	p.Filter.SpecialtyID = lk.specialtyOrFirst(f.SpecialtyID)
	slots, err := s.svc.Clinics.FindSlots(r.Context(), elective.SlotFilter{SpecialtyID: p.Filter.SpecialtyID,
		Type: f.Type, From: s.slotsFrom(f.From), FreeOnly: true, Limit: 60})
	if err != nil {
		return err
	}
	p.Days = groupSlots(slots, s.cfg.Location, lk)
	return s.render(w, r, http.StatusOK, p)
}

// handleSlotView ranks the waiting patients for a free slot: clinical
// priority, then longest wait, with why anyone above the right next
// patient was passed over (rules.md 3.8).
func (s *Server) handleSlotView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := authorize(r, elective.ActionBookAppointment); err != nil {
		return err
	}
	slot, ranked, err := s.svc.Offers.NextPatients(r.Context(), id, 25)
	if elective.ErrorCode(err) == elective.ECONFLICT {
		return s.redirectWithFlash(w, r, "/slots", "That slot has been booked. Choose another.")
	} else if err != nil {
		return err
	}
	lk, err := s.loadLookup(r.Context())
	if err != nil {
		return err
	}
	p := &SlotViewPage{Slot: slotRow(slot, lk), Specialty: lk.specialty(slot.Session.SpecialtyID),
		NoticeDays: s.cfg.Policy.ReasonableNoticeDays}
	p.Title, p.Nav = "Who should have this slot", NavSlots
	for i, c := range ranked {
		p.Candidates = append(p.Candidates, SlotCandidateRow{PTLRow: newPTLRow(c.Entry, s.today()), Rank: i + 1,
			Skip: c.Skip, ShortNotice: c.ShortNotice})
		if p.Next == 0 && c.Skip == "" {
			p.Next = c.Entry.PathwayID
		}
	}
	return s.render(w, r, http.StatusOK, p)
}
