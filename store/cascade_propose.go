package store

import (
	"cmp"
	"context"
	"slices"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// displacedWindow is how far back a cancelled clinic's patients stay on
// the displaced list; after that they are ordinary unbooked patients on
// the PTL.
const displacedWindow = 28

// ProposeRebookings reads the displaced patients of a specialty who are
// still unbooked and the free slots from the reasonable notice on, and
// leaves the proposal to access.ProposeRebookings.
func (s *CascadeService) ProposeRebookings(ctx context.Context, specialtyID int64) ([]*elective.Displaced, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return nil, err
	}
	var out []*elective.Displaced
	err := s.db.update(ctx, func(tx *Tx) error {
		appts, rebooks, err := tx.displaced(specialtyID)
		if err != nil || len(rebooks) == 0 {
			return err
		}
		free, err := tx.freeSlotsFor(specialtyID, tx.today().AddDays(tx.db.Policy.ReasonableNoticeDays), 40*len(rebooks)+200)
		if err != nil {
			return err
		}
		proposals := access.ProposeRebookings(rebooks, free, tx.today(), tx.db.Location, tx.db.Policy)
		if out, err = tx.displacedRows(proposals, appts); err != nil {
			return err
		}
		return tx.audit("session.rebook-proposals", 0, "specialty="+itoa64(specialtyID)+" rows="+itoa(len(out)))
	})
	return out, err
}

// displaced reads the hospital-cancelled appointments in closed slots (a
// cancelled or reduced session) whose pathways have nothing booked, one per pathway (the
// latest), with what the rules need about each patient.
func (tx *Tx) displaced(specialtyID int64) (map[int64]*elective.Appointment, []access.Rebook, error) {
	rows, err := tx.query(appointmentSelect+` JOIN clinic_session cs ON cs.id = a.session_id
		JOIN slot sl ON sl.id = a.slot_id
		JOIN ptl_entry e ON e.pathway_id = a.pathway_id
		WHERE cs.specialty_id = ? AND cs.session_date >= ? AND sl.session_status = ? AND a.status = ? AND e.next_activity IS NULL
		ORDER BY a.start_at`, specialtyID, tx.today().AddDays(-displacedWindow), elective.SessionCancelled,
		elective.AppointmentCancelledHospital)
	if err != nil {
		return nil, nil, err
	}
	appts := map[int64]*elective.Appointment{}
	for rows.Next() {
		a, err := scanAppointment(rows)
		if err != nil {
			rows.Close()
			return nil, nil, err
		}
		appts[a.PathwayID] = a
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(appts) == 0 {
		return nil, nil, err
	}
	ids := make([]any, 0, len(appts))
	for id := range appts {
		ids = append(ids, id)
	}
	cands, err := tx.candidatesFor(ids)
	if err != nil {
		return nil, nil, err
	}
	rebooks := make([]access.Rebook, len(cands))
	for i, c := range cands {
		rebooks[i] = access.Rebook{Candidate: c, ClinicianID: appts[c.Entry.PathwayID].ClinicianID}
	}
	return appts, rebooks, nil
}

// freeSlotsFor reads up to limit free slots of each type of a specialty
// from date on, merged in start order. One query per type lets the
// slot_search index give the order.
func (tx *Tx) freeSlotsFor(specialtyID int64, from elective.Date, limit int) ([]*elective.Slot, error) {
	var out []*elective.Slot
	for _, typ := range elective.SlotTypes {
		slots, err := tx.freeSlotTimes(specialtyID, typ, from.At(0, 0, tx.db.Location), limit)
		if err != nil {
			return nil, err
		}
		out = append(out, slots...)
	}
	slices.SortStableFunc(out, func(a, b *elective.Slot) int { return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID)) })
	return out, nil
}

// displacedRows turns proposals into rows, reading each proposed slot in
// full for display.
func (tx *Tx) displacedRows(proposals []*access.Proposal, appts map[int64]*elective.Appointment) ([]*elective.Displaced, error) {
	out := make([]*elective.Displaced, len(proposals))
	for i, p := range proposals {
		d := &elective.Displaced{Appointment: appts[p.Rebook.Entry.PathwayID], Entry: p.Rebook.Entry, Why: p.Why}
		if p.Slot != nil {
			full, err := tx.findSlot(p.Slot.ID)
			if err != nil {
				return nil, err
			}
			d.Proposed = full
		}
		out[i] = d
	}
	return out, nil
}
