package store

import (
	"context"
	"strings"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Loader loads pre-identified data in bulk: the demo hospital, or a
// migration from another system. Each batch is one transaction of
// multi-row INSERTs, and each pathway's PTL row is derived by the same
// rules and code (ptlRowFor) as live recording.
type Loader struct {
	db       *DB
	pathways int
	events   int
}

// NewLoader returns a loader.
func NewLoader(db *DB) *Loader { return &Loader{db: db} }

var _ elective.Loader = (*Loader)(nil)

// maxParams keeps every statement under SQLite's and PostgreSQL's limits on
// bound parameters.
const maxParams = 30000

// bulkInsert inserts n rows of cols into table in as few statements as the
// parameter limit allows; row(i) returns the values of row i.
func (tx *Tx) bulkInsert(table, cols string, n int, row func(i int) []any) error {
	width := strings.Count(cols, ",") + 1
	per := maxParams / width
	ph := placeholders(width)
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		var b strings.Builder
		b.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
		args := make([]any, 0, (end-start)*width)
		for i := start; i < end; i++ {
			if i > start {
				b.WriteString(", ")
			}
			b.WriteString(ph)
			args = append(args, row(i)...)
		}
		if _, err := tx.exec(b.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// LoadReference loads the organisation, sites, specialties, clinicians and
// clinic templates.
func (l *Loader) LoadReference(ctx context.Context, ref *elective.ReferenceData) error {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return err
	}
	return l.db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM organisation`).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return elective.Errorf(elective.ECONFLICT, "The database already holds a trust; load into an empty database")
		}
		o := ref.Organisation
		if _, err := tx.exec(`INSERT INTO organisation (id, code, name) VALUES (?, ?, ?)`, o.ID, o.Code, o.Name); err != nil {
			return err
		}
		return tx.loadReference(o.ID, ref)
	})
}

func (tx *Tx) loadReference(orgID int64, ref *elective.ReferenceData) error {
	if err := tx.bulkInsert("site", "id, org_id, code, name", len(ref.Sites), func(i int) []any {
		s := ref.Sites[i]
		return []any{s.ID, orgID, s.Code, s.Name}
	}); err != nil {
		return err
	}
	if err := tx.bulkInsert("specialty", "id, org_id, code, name", len(ref.Specialties), func(i int) []any {
		s := ref.Specialties[i]
		return []any{s.ID, orgID, s.Code, s.Name}
	}); err != nil {
		return err
	}
	if err := tx.bulkInsert("clinician", "id, org_id, code, title, given_name, family_name, specialty_id", len(ref.Clinicians), func(i int) []any {
		c := ref.Clinicians[i]
		return []any{c.ID, orgID, c.Code, c.Title, c.GivenName, c.FamilyName, c.SpecialtyID}
	}); err != nil {
		return err
	}
	if err := tx.bulkInsert("clinic_template", "id, org_id, code, name, clinician_id, specialty_id, site_id, room, weekday, start_minute, effective_from, effective_to", len(ref.Templates), func(i int) []any {
		t := ref.Templates[i]
		return []any{t.ID, orgID, t.Code, t.Name, t.ClinicianID, t.SpecialtyID, t.SiteID, t.Room, int(t.Weekday), t.StartMinute, t.EffectiveFrom, t.EffectiveTo}
	}); err != nil {
		return err
	}
	for _, t := range ref.Templates {
		if err := tx.insertTemplateSlots(t); err != nil {
			return err
		}
	}
	return nil
}

// LoadBatch loads a batch of records and derives their PTL rows.
func (l *Loader) LoadBatch(ctx context.Context, b *elective.LoadBatch) error {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return err
	}
	rows, err := l.ptlRows(b)
	if err != nil {
		return err
	}
	err = l.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		for _, step := range []func(int64, *elective.LoadBatch) error{
			tx.loadSessions, tx.loadPatients, tx.loadPathways, tx.loadAppointments,
		} {
			if err := step(orgID, b); err != nil {
				return err
			}
		}
		return tx.bulkInsert("ptl_entry", ptlColumns, len(rows), func(i int) []any { return rows[i].args(orgID) })
	})
	if err == nil {
		l.pathways += len(b.Pathways)
		for _, p := range b.Pathways {
			l.events += len(p.Events)
		}
	}
	return err
}

const ptlColumns = `pathway_id, org_id, patient_id, specialty_id, clinician_id, site_id, priority, priority_rank,
	list_type, clock_start, breach_date, rtt_status, referral_date, next_activity, next_slot_type, appointment_id, review_needed`

// ptlRows derives the PTL rows of a batch's pathways. A pathway whose
// events the rules refuse fails the whole batch.
func (l *Loader) ptlRows(b *elective.LoadBatch) ([]ptlRow, error) {
	patients := make(map[int64]*elective.Patient, len(b.Patients))
	for _, p := range b.Patients {
		patients[p.ID] = p
	}
	next := map[int64]*nextBooking{}
	for _, a := range b.Appointments {
		if n := next[a.PathwayID]; a.Status == elective.AppointmentBooked && (n == nil || a.Start.Before(n.start)) {
			next[a.PathwayID] = &nextBooking{id: a.ID, start: a.Start, slotType: a.Type}
		}
	}
	today := l.db.today(l.db.Now())
	var rows []ptlRow
	for _, p := range b.Pathways {
		vulnerable := patients[p.PatientID] != nil && patients[p.PatientID].IsVulnerable(today)
		res, err := rtt.Derive(rtt.Pathway{Priority: p.Priority, Vulnerable: vulnerable, Events: p.Events}, l.db.Policy)
		if err != nil {
			return nil, elective.Errorf(elective.EINVALID, "pathway %d: %v", p.ID, err)
		}
		if row, ok := ptlRowFor(p, res, next[p.ID], l.db.Location); ok {
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// FinishLoad moves PostgreSQL's identity sequences past the loaded ids and
// refreshes the planner's statistics, and records the load in the audit
// trail.
func (l *Loader) FinishLoad(ctx context.Context) error {
	if l.db.dialect == Postgres {
		for _, t := range []string{"organisation", "site", "specialty", "clinician", "clinic_template", "clinic_session",
			"slot", "patient", "referral", "pathway", "pathway_event", "appointment", "appointment_change", "app_user", "audit_event"} {
			q := `SELECT setval(pg_get_serial_sequence('` + t + `', 'id'), COALESCE((SELECT MAX(id) FROM ` + t + `), 0) + 1, false)`
			if _, err := l.db.db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	if _, err := l.db.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return err
	}
	return l.db.update(ctx, func(tx *Tx) error {
		return tx.audit("bulk.load", 0, "pathways="+itoa(l.pathways)+" events="+itoa(l.events))
	})
}
