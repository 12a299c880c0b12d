package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/access"
)

// OfferService records offers and unavailability and finds the earliest
// reasonable offers and the right next patient for a slot, with the rules
// of package access.
type OfferService struct{ db *DB }

// NewOfferService returns the service.
func NewOfferService(db *DB) *OfferService { return &OfferService{db} }

var _ elective.OfferService = (*OfferService)(nil)

// offerBatch is how many free slots are read at a time while looking for
// offer dates: enough for a few clinic days.
const offerBatch = 256

// EarliestOffers reads free slots of the pathway's specialty and list in
// start order, from the first date the rules allow, until it has n slots on
// different dates that are reasonable offers.
func (s *OfferService) EarliestOffers(ctx context.Context, pathwayID int64, n int, shortNotice bool) ([]*elective.Slot, error) {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return nil, err
	}
	var search access.Search
	var entry *elective.PTLEntry
	err := s.db.update(ctx, func(tx *Tx) error {
		p, err := tx.findPathway(pathwayID)
		if err != nil {
			return err
		}
		if entry, err = tx.ptlEntry(pathwayID); err != nil {
			return err
		}
		unav, err := tx.findUnavailability(p.PatientID)
		if err != nil {
			return err
		}
		search = access.Search{Today: tx.today(), Location: s.db.Location, Unavailable: unav,
			AvailableFrom: access.AvailableFrom(p.Events), ShortNoticeAgreed: shortNotice, Dates: n, Policy: s.db.Policy,
			Priority: p.Priority}
		return tx.audit("offer.search", p.PatientID, "pathway="+itoa64(pathwayID))
	})
	if err != nil {
		return nil, err
	}
	if entry.ListType != elective.ListOutpatientNew && entry.ListType != elective.ListOutpatientFollowUp {
		return nil, elective.Errorf(elective.EINVALID, "This pathway is not waiting for an outpatient appointment")
	}
	return s.pickSlots(ctx, entry, search)
}

// pickSlots feeds free slots to the search in batches, each starting
// after the last slot read. Only ids and start times are read while
// searching (the slot_search index and the held-slot index answer it); the
// chosen slots are then read in full.
func (s *OfferService) pickSlots(ctx context.Context, e *elective.PTLEntry, search access.Search) ([]*elective.Slot, error) {
	from := search.FirstDate().At(0, 0, s.db.Location)
	if now := s.db.Now(); from.Before(now) {
		from = now
	}
	var chosen []*elective.Slot
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		err := tx.freeSlotBatches(e.SpecialtyID, e.ListType.SlotType(), from, func(slots []*elective.Slot) bool {
			var done bool
			chosen, done = search.Pick(chosen, slots)
			return done
		})
		if err != nil {
			return err
		}
		for i, sl := range chosen {
			full, err := tx.findSlot(sl.ID)
			if err != nil {
				return err
			}
			chosen[i] = full
		}
		return nil
	})
	return chosen, err
}

// freeSlotBatches feeds the free slots of a type, from an instant in start
// order, to visit a batch at a time (freeSlotTimes) until it says stop, the
// slots run out, or 100 batches have been read: at most 25,600 free slots,
// a year of a busy specialty.
func (tx *Tx) freeSlotBatches(specialtyID int64, typ elective.SlotType, from time.Time, visit func([]*elective.Slot) bool) error {
	for range 100 {
		slots, err := tx.freeSlotTimes(specialtyID, typ, from, offerBatch)
		if err != nil {
			return err
		}
		if visit(slots) || len(slots) < offerBatch {
			return nil
		}
		from = slots[len(slots)-1].Start.Add(1)
	}
	return nil
}

// freeSlotTimes reads the ids, start times and clinicians of free slots of
// a specialty and type from an instant, in start order: all the searches
// for a slot need, from the slot_search and held-slot indexes alone.
func (tx *Tx) freeSlotTimes(specialtyID int64, typ elective.SlotType, from time.Time, limit int) ([]*elective.Slot, error) {
	rows, err := tx.query(`SELECT s.id, s.start_at, s.clinician_id, s.reserved, s.local_only FROM slot s
		WHERE s.specialty_id = ? AND s.slot_type = ? AND s.start_at >= ? AND s.session_status = 'open'
		AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('booked', 'attended', 'dna'))
		ORDER BY s.start_at, s.id LIMIT ?`, specialtyID, typ, from, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Slot
	for rows.Next() {
		sl := &elective.Slot{Type: typ, Session: &elective.ClinicSession{Status: elective.SessionOpen}}
		if err := rows.Scan(&sl.ID, timeCol{&sl.Start}, &sl.Session.ClinicianID, &sl.Reserved, &sl.LocalOnly); err != nil {
			return nil, err
		}
		out = append(out, sl)
	}
	return out, rows.Err()
}

// ptlEntry reads the list and specialty a pathway waits on: its PTL row,
// or a follow-up that is not RTT.
func (tx *Tx) ptlEntry(pathwayID int64) (*elective.PTLEntry, error) {
	e := &elective.PTLEntry{PathwayID: pathwayID}
	err := tx.queryRow(`SELECT specialty_id, list_type FROM ptl_entry WHERE pathway_id = ?`, pathwayID).
		Scan(&e.SpecialtyID, &e.ListType)
	if !errors.Is(err, sql.ErrNoRows) {
		return e, err
	}
	p, _, res, err := tx.pathwayState(pathwayID)
	if err != nil {
		return nil, err
	}
	e.SpecialtyID = p.SpecialtyID
	e.ListType, err = tx.outpatientList(p, res)
	return e, err
}

// RecordOffer validates and records an offer and its answer.
func (s *OfferService) RecordOffer(ctx context.Context, o *elective.Offer) error {
	if err := authorize(ctx, elective.ActionBookAppointment); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		p, err := tx.findPathway(o.PathwayID)
		if err != nil {
			return err
		}
		var received elective.Date
		if err := tx.queryRow(`SELECT received_date FROM referral WHERE id = ?`, p.ReferralID).Scan(dateCol{&received}); err != nil {
			return err
		}
		if err := tx.checkOfferSlot(o); err != nil {
			return err
		}
		if err := o.Validate(received, tx.today()); err != nil {
			return err
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		o.RecordedAt, o.RecordedBy = tx.now, tx.userID()
		o.ID, err = tx.insert(`INSERT INTO offer (org_id, pathway_id, slot_id, offered_on, offer_date, short_notice_agreed,
			response, note, recorded_at, recorded_by) VALUES `+placeholders(10),
			orgID, o.PathwayID, nullID(o.SlotID), o.OfferedOn, o.Date, o.ShortNoticeAgreed, o.Response, o.Note,
			o.RecordedAt, nullID(o.RecordedBy))
		if err != nil {
			return err
		}
		return tx.audit("offer.record", p.PatientID, "pathway="+itoa64(o.PathwayID)+" response="+string(o.Response))
	})
}

// checkOfferSlot makes an offer of a slot carry the slot's own date, so
// the rules judge the date really offered, whatever the form sent.
func (tx *Tx) checkOfferSlot(o *elective.Offer) error {
	if o.SlotID == 0 {
		return nil
	}
	slot, err := tx.findSlot(o.SlotID)
	if err != nil {
		return notFound(err, "There is no such slot")
	}
	d := elective.DateOf(slot.Start, tx.db.Location)
	if !o.Date.IsZero() && o.Date != d {
		return elective.Errorf(elective.EINVALID, "The date offered (%s) is not the slot's date (%s)",
			o.Date.Format("2 Jan 2006"), d.Format("2 Jan 2006"))
	}
	o.Date = d
	return nil
}

// FindOffers returns a pathway's offers, oldest first.
func (s *OfferService) FindOffers(ctx context.Context, pathwayID int64) ([]*elective.Offer, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var out []*elective.Offer
	err := s.db.update(ctx, func(tx *Tx) error {
		rows, err := tx.query(`SELECT id, pathway_id, slot_id, offered_on, offer_date, short_notice_agreed, response, note,
			recorded_at, recorded_by FROM offer WHERE pathway_id = ? ORDER BY offered_on, id`, pathwayID)
		if err != nil {
			return err
		}
		defer rows.Close()
		out = out[:0]
		for rows.Next() {
			o := &elective.Offer{}
			if err := rows.Scan(&o.ID, &o.PathwayID, idCol{&o.SlotID}, dateCol{&o.OfferedOn}, dateCol{&o.Date},
				&o.ShortNoticeAgreed, &o.Response, &o.Note, timeCol{&o.RecordedAt}, idCol{&o.RecordedBy}); err != nil {
				return err
			}
			out = append(out, o)
		}
		return rows.Err()
	})
	return out, err
}
