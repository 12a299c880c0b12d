package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
)

// TheatreService keeps the admitted waiting list, pre-operative
// assessments, theatre sessions and their cases, with the rules of package
// theatre. It also plans lists (ListPlanner), with package schedule.
type TheatreService struct{ db *DB }

// NewTheatreService returns the service.
func NewTheatreService(db *DB) *TheatreService { return &TheatreService{db} }

// NewListPlanner returns the list planner: the same service, which books a
// plan's placements through the rules of ScheduleCase.
func NewListPlanner(db *DB) *TheatreService { return &TheatreService{db} }

var (
	_ elective.TheatreService = (*TheatreService)(nil)
	_ elective.ListPlanner    = (*TheatreService)(nil)
)

// ListPatient checks and records a decision to admit: the entry takes the
// pathway's patient, and its specialty and surgeon unless given.
func (s *TheatreService) ListPatient(ctx context.Context, e *elective.AdmittedListEntry) error {
	if err := authorize(ctx, elective.ActionManageTheatres); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		p, err := tx.findPathway(e.PathwayID)
		if err != nil {
			return err
		}
		e.PatientID = p.PatientID
		if e.SpecialtyID == 0 {
			e.SpecialtyID = p.SpecialtyID
		}
		if e.SurgeonID == 0 {
			e.SurgeonID = p.ClinicianID
		}
		if e.ListedOn.IsZero() {
			e.ListedOn = tx.today()
		}
		if err := tx.checkEntry(e); err != nil {
			return err
		}
		var listed int
		if err := tx.queryRow(`SELECT COUNT(*) FROM admitted_entry WHERE pathway_id = ? AND procedure_code = ? AND status IN (?, ?)`,
			e.PathwayID, e.ProcedureCode, elective.AdmittedWaiting, elective.AdmittedScheduled).Scan(&listed); err != nil {
			return err
		} else if listed > 0 {
			return elective.Errorf(elective.ECONFLICT, "The patient is already on the admitted list for %s", e.ProcedureCode)
		}
		if err := tx.insertEntry(e); err != nil {
			return err
		}
		return tx.audit("theatre.list-patient", e.PatientID, "entry="+itoa64(e.ID)+" procedure="+e.ProcedureCode)
	})
}

// checkEntry validates an entry's fields and that its surgeon belongs to
// its specialty.
func (tx *Tx) checkEntry(e *elective.AdmittedListEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	var specialtyID int64
	err := tx.queryRow(`SELECT specialty_id FROM clinician WHERE id = ?`, e.SurgeonID).Scan(&specialtyID)
	if err != nil {
		return elective.Errorf(elective.EINVALID, "Choose the consultant the patient is listed under")
	}
	if specialtyID != e.SpecialtyID {
		return elective.Errorf(elective.EINVALID, "The consultant does not work in the entry's specialty")
	}
	return nil
}

func (tx *Tx) insertEntry(e *elective.AdmittedListEntry) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	if e.Status == "" {
		e.Status = elective.AdmittedWaiting
	}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = tx.now
	}
	e.ID, err = tx.insert(`INSERT INTO admitted_entry (org_id, pathway_id, patient_id, specialty_id, surgeon_id,
		procedure_code, procedure_name, management, priority, priority_rank, listed_date, review_date, expected_minutes,
		anaesthetic, length_of_stay, kit, radiology, critical_care, interpreter, transport, status, removed_reason,
		created_at, due_date) VALUES `+placeholders(24),
		orgID, e.PathwayID, e.PatientID, e.SpecialtyID, e.SurgeonID, e.ProcedureCode, e.ProcedureName, e.Management,
		e.Priority, e.Priority.Rank(), e.ListedOn, e.ReviewOn, e.ExpectedMinutes, e.Anaesthetic, e.LengthOfStay,
		joinKit(e.Kit), e.Radiology, e.CriticalCare, e.Interpreter, e.Transport, e.Status, e.RemovedReason, e.CreatedAt,
		e.DueBy())
	return err
}

// joinKit stores a kit list as newline-separated names.
func joinKit(kit []string) string {
	var out []string
	for _, k := range kit {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return strings.Join(out, "\n")
}

// splitKit reads a stored kit list.
func splitKit(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

const entrySelect = `SELECT e.id, e.pathway_id, e.patient_id, e.specialty_id, e.surgeon_id, e.procedure_code,
	e.procedure_name, e.management, e.priority, e.listed_date, e.review_date, e.expected_minutes, e.anaesthetic,
	e.length_of_stay, e.kit, e.radiology, e.critical_care, e.interpreter, e.transport, e.status, e.removed_reason,
	e.created_at, p.title, p.given_name, p.family_name, p.nhs_number, sp.name, c.title, c.given_name, c.family_name,
	pe.clock_start, pe.breach_date
	FROM admitted_entry e JOIN patient p ON p.id = e.patient_id JOIN specialty sp ON sp.id = e.specialty_id
	JOIN clinician c ON c.id = e.surgeon_id LEFT JOIN ptl_entry pe ON pe.pathway_id = e.pathway_id`

func scanEntry(row scanner) (*elective.AdmittedListEntry, error) {
	e := &elective.AdmittedListEntry{}
	pt, c := &elective.Patient{}, &elective.Clinician{}
	var kit string
	err := row.Scan(&e.ID, &e.PathwayID, &e.PatientID, &e.SpecialtyID, &e.SurgeonID, &e.ProcedureCode,
		&e.ProcedureName, &e.Management, &e.Priority, dateCol{&e.ListedOn}, dateCol{&e.ReviewOn}, &e.ExpectedMinutes,
		&e.Anaesthetic, &e.LengthOfStay, &kit, &e.Radiology, &e.CriticalCare, &e.Interpreter, &e.Transport, &e.Status,
		&e.RemovedReason, timeCol{&e.CreatedAt}, &pt.Title, &pt.GivenName, &pt.FamilyName, &e.NHSNumber,
		&e.SpecialtyName, &c.Title, &c.GivenName, &c.FamilyName, dateCol{&e.ClockStart}, dateCol{&e.BreachDate})
	e.Kit, e.PatientName, e.SurgeonName = splitKit(kit), pt.DisplayName(), c.DisplayName()
	return e, err
}

// findEntries reads entries with their latest POA and booked case.
func (tx *Tx) findEntries(q string, args ...any) ([]*elective.AdmittedListEntry, error) {
	out, err := tx.findBareEntries(q, args...)
	if err != nil {
		return nil, err
	}
	return out, tx.attachEntryDetails(out)
}

// findBareEntries reads entries without their POA and case.
func (tx *Tx) findBareEntries(q string, args ...any) ([]*elective.AdmittedListEntry, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.AdmittedListEntry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// findEntry reads one entry.
func (tx *Tx) findEntry(id int64) (*elective.AdmittedListEntry, error) {
	es, err := tx.findEntries(entrySelect+` WHERE e.id = ?`, id)
	if err != nil {
		return nil, err
	} else if len(es) == 0 {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no admitted waiting-list entry %d", id)
	}
	return es[0], nil
}

// FindAdmittedEntries returns entries in booking order.
func (s *TheatreService) FindAdmittedEntries(ctx context.Context, f elective.AdmittedFilter) ([]*elective.AdmittedListEntry, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	q, args := `1 = 1`, []any{}
	if f.Status != "" {
		q, args = q+` AND e.status = ?`, append(args, f.Status)
	} else {
		q, args = q+` AND e.status IN (?, ?)`, append(args, elective.AdmittedWaiting, elective.AdmittedScheduled)
	}
	if f.SpecialtyID != 0 {
		q, args = q+` AND e.specialty_id = ?`, append(args, f.SpecialtyID)
	}
	if f.SurgeonID != 0 {
		q, args = q+` AND e.surgeon_id = ?`, append(args, f.SurgeonID)
	}
	// The page shows a few hundred rows; the download asks for the whole
	// list (a large trust's is tens of thousands).
	if f.Limit <= 0 || f.Limit > 200_000 {
		f.Limit = 500
	}
	var out []*elective.AdmittedListEntry
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if out, err = tx.orderedEntries(q, args, f.Limit); err != nil {
			return err
		}
		if err := tx.attachEntryDetails(out); err != nil {
			return err
		}
		return tx.audit("theatre.entries", 0, "status="+string(f.Status)+" rows="+itoa(len(out)))
	})
	return out, err
}

// FindAdmittedEntry returns one entry.
func (s *TheatreService) FindAdmittedEntry(ctx context.Context, id int64) (*elective.AdmittedListEntry, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var e *elective.AdmittedListEntry
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if e, err = tx.findEntry(id); err != nil {
			return err
		}
		return tx.audit("theatre.entry", e.PatientID, "entry="+itoa64(id))
	})
	return e, err
}
