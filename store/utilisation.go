package store

import (
	"context"

	"github.com/openelective/elective"
)

// UtilisationService reports clinic use and capacity against demand.
type UtilisationService struct{ db *DB }

// NewUtilisationService returns the service.
func NewUtilisationService(db *DB) *UtilisationService { return &UtilisationService{db} }

var _ elective.UtilisationService = (*UtilisationService)(nil)

// SessionUtilisation counts each session's slots and appointments in one
// query; the counts use the appointment_session index.
func (s *UtilisationService) SessionUtilisation(ctx context.Context, f elective.UtilisationFilter) ([]*elective.SessionUtilisation, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	q := `SELECT cs.id, cs.session_date, cs.start_at, cs.end_at, cs.status, c.title, c.given_name, c.family_name, t.code,
		(SELECT COUNT(*) FROM slot s WHERE s.session_id = cs.id AND (s.session_status = 'open' OR cs.status <> 'open')),
		(SELECT COUNT(*) FROM appointment a WHERE a.session_id = cs.id AND a.status IN ('booked', 'attended', 'dna')),
		(SELECT COUNT(*) FROM appointment a WHERE a.session_id = cs.id AND a.status = 'attended'),
		(SELECT COUNT(*) FROM appointment a WHERE a.session_id = cs.id AND a.status = 'dna'),
		(SELECT COUNT(DISTINCT a.slot_id) FROM appointment a WHERE a.session_id = cs.id
			AND a.status IN ('cancelled-patient', 'cancelled-hospital')
			AND NOT EXISTS (SELECT 1 FROM appointment b WHERE b.slot_id = a.slot_id AND b.status IN ('booked', 'attended', 'dna')))
		FROM clinic_session cs JOIN clinician c ON c.id = cs.clinician_id JOIN clinic_template t ON t.id = cs.template_id
		WHERE cs.specialty_id = ? AND cs.session_date >= ? AND cs.session_date <= ?
		ORDER BY cs.session_date, cs.start_at, cs.id LIMIT 2000`
	var out []*elective.SessionUtilisation
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		rows, err := tx.query(q, f.SpecialtyID, f.From, f.To)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			u := &elective.SessionUtilisation{Session: &elective.ClinicSession{SpecialtyID: f.SpecialtyID}}
			c := &elective.Clinician{}
			ss := u.Session
			if err := rows.Scan(&ss.ID, dateCol{&ss.Date}, timeCol{&ss.Start}, timeCol{&ss.End}, &ss.Status, &c.Title,
				&c.GivenName, &c.FamilyName, &u.TemplateCode, &u.Slots, &u.Booked, &u.Attended, &u.DNA, &u.Unfilled); err != nil {
				return err
			}
			u.Clinician = c.DisplayName()
			out = append(out, u)
		}
		return rows.Err()
	})
	return out, err
}

// CapacityDemand reads, per specialty, the new slots (and the free ones)
// in open sessions of the coming weeks, the referrals of the past weeks
// and the unbooked new patients.
func (s *UtilisationService) CapacityDemand(ctx context.Context, today elective.Date, weeks int) ([]*elective.CapacityDemand, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	if weeks <= 0 {
		weeks = 8
	}
	loc := s.db.Location
	ahead, back := today.AddDays(7*weeks).At(0, 0, loc), today.AddDays(-7*weeks)
	q := `SELECT sp.id, sp.name,
		(SELECT COUNT(*) FROM slot s WHERE s.specialty_id = sp.id AND s.slot_type = 'new' AND s.session_status = 'open'
			AND s.start_at >= ? AND s.start_at < ?),
		(SELECT COUNT(*) FROM slot s WHERE s.specialty_id = sp.id AND s.slot_type = 'new' AND s.session_status = 'open'
			AND s.start_at >= ? AND s.start_at < ?
			AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('booked', 'attended', 'dna'))),
		(SELECT COUNT(*) FROM referral r WHERE r.specialty_id = sp.id AND r.received_date >= ? AND r.received_date < ?),
		(SELECT COUNT(*) FROM ptl_entry e WHERE e.org_id = sp.org_id AND e.specialty_id = sp.id AND e.list_type = 'outpatient-new'
			AND e.next_activity IS NULL)
		FROM specialty sp ORDER BY sp.name`
	var out []*elective.CapacityDemand
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		now := tx.now
		rows, err := tx.query(q, now, ahead, now, ahead, back, today)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := &elective.CapacityDemand{}
			var slots, free, refs int
			if err := rows.Scan(&c.SpecialtyID, &c.SpecialtyName, &slots, &free, &refs, &c.Unbooked); err != nil {
				return err
			}
			c.NewSlotsWeek, c.FreeSlotsWeek, c.ReferralsWeek = float64(slots)/float64(weeks), float64(free)/float64(weeks), float64(refs)/float64(weeks)
			out = append(out, c)
		}
		return rows.Err()
	})
	return out, err
}
