package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// NextPatients ranks the waiting patients of the slot's specialty and list
// for a free slot. It reads the first limit patients with nothing booked in
// booking order (an index range of ptl_unbooked_specialty), what they said
// about when they can come, and leaves the ranking to access.RankForSlot.
func (s *OfferService) NextPatients(ctx context.Context, slotID int64, limit int) (*elective.Slot, []*elective.SlotCandidate, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return nil, nil, err
	}
	if limit <= 0 || limit > 200 {
		limit = 25
	}
	var slot *elective.Slot
	var ranked []*elective.SlotCandidate
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if slot, err = tx.findSlot(slotID); err != nil {
			return notFound(err, "There is no such slot")
		}
		if err := slot.Free(tx.now); err != nil {
			return err
		}
		cands, err := tx.slotCandidates(slot, limit)
		if err != nil {
			return err
		}
		ranked = access.RankForSlot(slot, cands, tx.today(), s.db.Location, s.db.Policy)
		return tx.audit("slot.candidates", 0, "slot="+itoa64(slotID)+" rows="+itoa(len(ranked)))
	})
	return slot, ranked, err
}

// slotCandidates reads the first limit unbooked patients who could use the
// slot, with their unavailability and any delay they asked for.
func (tx *Tx) slotCandidates(slot *elective.Slot, limit int) ([]access.Candidate, error) {
	orgID, _, err := tx.org()
	if err != nil {
		return nil, err
	}
	list := elective.ListOutpatientNew
	if slot.Type == elective.SlotFollowUp {
		list = elective.ListOutpatientFollowUp
	}
	entries, err := tx.ptlPage(orgID, elective.PTLFilter{SpecialtyID: slot.Session.SpecialtyID, ListType: list,
		Booked: "no", Census: tx.today(), Sort: elective.SortPriority, Limit: limit})
	if err != nil || len(entries) == 0 {
		return nil, err
	}
	return tx.withAvailability(entries)
}

// candidatesFor reads the PTL rows of pathways, in booking order, with
// their availability.
func (tx *Tx) candidatesFor(pathwayIDs []any) ([]access.Candidate, error) {
	entries, err := tx.ptlEntries(pathwayIDs)
	if err != nil {
		return nil, err
	}
	return tx.withAvailability(entries)
}

// withAvailability adds to each PTL row the patient's unavailability and
// any delay they asked for.
func (tx *Tx) withAvailability(entries []*elective.PTLEntry) ([]access.Candidate, error) {
	cands := make([]access.Candidate, len(entries))
	pathways, patients := make([]any, len(entries)), make([]any, len(entries))
	for i, e := range entries {
		cands[i].Entry = e
		pathways[i], patients[i] = e.PathwayID, e.PatientID
	}
	if len(entries) == 0 {
		return nil, nil
	}
	delays, err := tx.delays(pathways)
	if err != nil {
		return nil, err
	}
	unav, err := tx.unavailabilityOf(patients)
	if err != nil {
		return nil, err
	}
	for i := range cands {
		cands[i].AvailableFrom = delays[cands[i].Entry.PathwayID]
		cands[i].Unavailable = unav[cands[i].Entry.PatientID]
	}
	return cands, nil
}

// delays returns each pathway's latest requested delay date.
func (tx *Tx) delays(pathwayIDs []any) (map[int64]elective.Date, error) {
	rows, err := tx.query(`SELECT pathway_id, delay_until FROM pathway_event WHERE kind = ? AND pathway_id IN (`+
		inClause(len(pathwayIDs))+`) ORDER BY pathway_id, seq`, append([]any{elective.EventDelayRequested}, pathwayIDs...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]elective.Date{}
	for rows.Next() {
		var id int64
		var d elective.Date
		if err := rows.Scan(&id, dateCol{&d}); err != nil {
			return nil, err
		}
		out[id] = d
	}
	return out, rows.Err()
}

// unavailabilityOf returns the current unavailability of each patient.
func (tx *Tx) unavailabilityOf(patientIDs []any) (map[int64][]*elective.Unavailability, error) {
	rows, err := tx.query(`SELECT id, patient_id, date_from, date_to, reason FROM unavailability
		WHERE date_to >= ? AND patient_id IN (`+inClause(len(patientIDs))+`) ORDER BY date_from`,
		append([]any{tx.today()}, patientIDs...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]*elective.Unavailability{}
	for rows.Next() {
		u := &elective.Unavailability{}
		if err := rows.Scan(&u.ID, &u.PatientID, dateCol{&u.From}, dateCol{&u.To}, &u.Reason); err != nil {
			return nil, err
		}
		out[u.PatientID] = append(out[u.PatientID], u)
	}
	return out, rows.Err()
}
