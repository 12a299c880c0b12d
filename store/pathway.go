package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// PathwayService reads pathways with their event logs.
type PathwayService struct{ db *DB }

// NewPathwayService returns the service.
func NewPathwayService(db *DB) *PathwayService { return &PathwayService{db} }

var _ elective.PathwayService = (*PathwayService)(nil)

const pathwayColumns = `id, ppid, ppid_issuer, patient_id, referral_id, specialty_id, clinician_id, site_id, priority, created_at`

func scanPathway(row scanner) (*elective.Pathway, error) {
	p := &elective.Pathway{}
	err := row.Scan(&p.ID, &p.PPID, &p.PPIDIssuer, &p.PatientID, &p.ReferralID, &p.SpecialtyID,
		idCol{&p.ClinicianID}, idCol{&p.SiteID}, &p.Priority, timeCol{&p.CreatedAt})
	return p, err
}

const eventColumns = `id, pathway_id, seq, kind, event_date, recorded_at, recorded_by, source, original_start, first,
	appointment_date, communicated, outcome, cancelled_by, purpose, treated, new_period, after_dna,
	clinician_confirmed, appointment_id, validation, delay_until, note, untold, voids_seq`

func scanEvent(row scanner) (*elective.PathwayEvent, error) {
	e := &elective.PathwayEvent{}
	err := row.Scan(&e.ID, &e.PathwayID, &e.Seq, &e.Kind, dateCol{&e.Date}, timeCol{&e.RecordedAt}, idCol{&e.RecordedBy},
		&e.Source, dateCol{&e.OriginalStart}, &e.First, dateCol{&e.AppointmentDate}, &e.Communicated, &e.Outcome,
		&e.By, &e.Purpose, &e.Treated, &e.NewPeriod, &e.AfterDNA, &e.ClinicianConfirmed, idCol{&e.AppointmentID},
		&e.Validation, dateCol{&e.DelayUntil}, &e.Note, &e.Untold, &e.Voids)
	return e, err
}

// eventArgs are the values of eventInsertColumns.
func eventArgs(orgID int64, e *elective.PathwayEvent) []any {
	return []any{orgID, e.PathwayID, e.Seq, e.Kind, e.Date, e.RecordedAt, nullID(e.RecordedBy), e.Source,
		e.OriginalStart, e.First, e.AppointmentDate, e.Communicated, e.Outcome, e.By, e.Purpose, e.Treated,
		e.NewPeriod, e.AfterDNA, e.ClinicianConfirmed, nullID(e.AppointmentID), e.Validation, e.DelayUntil, e.Note, e.Untold, e.Voids}
}

const eventInsertColumns = `org_id, pathway_id, seq, kind, event_date, recorded_at, recorded_by, source, original_start,
	first, appointment_date, communicated, outcome, cancelled_by, purpose, treated, new_period, after_dna,
	clinician_confirmed, appointment_id, validation, delay_until, note, untold, voids_seq`

// FindPathwayByID returns a pathway with its events and audits the read.
func (s *PathwayService) FindPathwayByID(ctx context.Context, id int64) (*elective.Pathway, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var p *elective.Pathway
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if p, err = tx.findPathway(id); err != nil {
			return err
		}
		return tx.audit("pathway.read", p.PatientID, "pathway="+itoa64(id))
	})
	return p, err
}

// FindPathwaysByPatient returns a patient's pathways, newest first.
func (s *PathwayService) FindPathwaysByPatient(ctx context.Context, patientID int64) ([]*elective.Pathway, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var out []*elective.Pathway
	err := s.db.update(ctx, func(tx *Tx) error {
		rows, err := tx.query(`SELECT `+pathwayColumns+` FROM pathway WHERE patient_id = ? ORDER BY id DESC`, patientID)
		if err != nil {
			return err
		}
		out = out[:0]
		for rows.Next() {
			p, err := scanPathway(rows)
			if err != nil {
				rows.Close()
				return err
			}
			out = append(out, p)
		}
		rows.Close()
		for _, p := range out {
			if p.Events, err = tx.findEvents(p.ID); err != nil {
				return err
			}
		}
		return tx.audit("pathway.list", patientID, "")
	})
	return out, err
}

// findPathway reads a pathway and its events.
func (tx *Tx) findPathway(id int64) (*elective.Pathway, error) {
	p, err := scanPathway(tx.queryRow(`SELECT `+pathwayColumns+` FROM pathway WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no pathway %d", id)
	} else if err != nil {
		return nil, err
	}
	p.Events, err = tx.findEvents(id)
	return p, err
}

func (tx *Tx) findEvents(pathwayID int64) ([]*elective.PathwayEvent, error) {
	rows, err := tx.query(`SELECT `+eventColumns+` FROM pathway_event WHERE pathway_id = ? ORDER BY seq`, pathwayID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var evs []*elective.PathwayEvent
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		evs = append(evs, e)
	}
	return evs, rows.Err()
}

// RecordEvent appends an event staff record directly.
func (s *PathwayService) RecordEvent(ctx context.Context, e *elective.PathwayEvent) error {
	if err := authorize(ctx, elective.ActionRecordOutcome); err != nil {
		return err
	}
	if !e.Kind.IsManual() {
		return elective.Errorf(elective.EINVALID, "%s is recorded through its own page, not as a manual event", e.Kind.Label())
	}
	return s.db.update(ctx, func(tx *Tx) error {
		p, patient, _, err := tx.pathwayState(e.PathwayID)
		if err != nil {
			return err
		}
		last := p.Events[len(p.Events)-1].Date
		switch {
		case e.Date.IsZero() || e.Date.After(tx.today()):
			return elective.Errorf(elective.EINVALID, "The date must be today or earlier")
		case e.Date.Before(last):
			return elective.Errorf(elective.EINVALID, "The date cannot be before the pathway's last event (%s): events are recorded in date order",
				last.Format("2 Jan 2006"))
		}
		e.AppointmentID = 0
		if _, err := tx.recordEvent(p, patient, e); err != nil {
			return err
		}
		return tx.audit("pathway.event", p.PatientID, "pathway="+itoa64(p.ID)+" kind="+string(e.Kind))
	})
}

// RecordValidation appends a validated event and updates the PTL row.
func (s *PathwayService) RecordValidation(ctx context.Context, v *elective.Validation) error {
	if err := authorize(ctx, elective.ActionValidatePathway); err != nil {
		return err
	}
	if !v.Result.Valid() {
		return &elective.Error{Code: elective.EINVALID, Message: "The validation was not recorded",
			Fields: []elective.FieldError{{Field: "result", Message: "Select what the validation found"}}}
	}
	return s.db.update(ctx, func(tx *Tx) error {
		p, patient, _, err := tx.pathwayState(v.PathwayID)
		if err != nil {
			return err
		}
		ev := &elective.PathwayEvent{Kind: elective.EventValidated, Date: tx.today(), Validation: v.Result, Note: v.Note}
		if _, err := tx.recordEvent(p, patient, ev); err != nil {
			return err
		}
		return tx.audit("pathway.validate", p.PatientID, "pathway="+itoa64(p.ID)+" result="+string(v.Result))
	})
}

// recordEvent appends an event to a pathway if the rules accept the
// resulting log, and brings the pathway's PTL row up to date. A refused
// event is an EINVALID error naming the event and the rule; nothing is
// written.
func (tx *Tx) recordEvent(p *elective.Pathway, patient *elective.Patient, e *elective.PathwayEvent) (*rtt.Result, error) {
	orgID, _, err := tx.org()
	if err != nil {
		return nil, err
	}
	e.PathwayID, e.Seq, e.RecordedAt = p.ID, len(p.Events)+1, tx.now
	if u := elective.UserFromContext(tx.ctx); u != nil {
		e.RecordedBy = u.ID
	}
	events := append(p.Events[:len(p.Events):len(p.Events)], e)
	res, err := rtt.Derive(rtt.Pathway{Priority: p.Priority, Vulnerable: patient.IsVulnerable(tx.today()), Events: events}, tx.db.Policy)
	if err != nil {
		return nil, elective.Errorf(elective.EINVALID, "%s", err.Error())
	}
	e.ID, err = tx.insert(`INSERT INTO pathway_event (`+eventInsertColumns+`) VALUES `+placeholders(25), eventArgs(orgID, e)...)
	if err != nil {
		return nil, err
	}
	p.Events = events
	return res, tx.savePTL(orgID, p, res)
}
