package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// Loader loads pre-identified data in bulk: the demo hospital, or a
// migration from another system. Batches go in as multi-row INSERTs in
// large transactions (load_conn.go), and each pathway's PTL row is derived
// by the same rules and code (ptlRowFor) as live recording.
type Loader struct {
	db       *DB
	conn     *sql.Conn // SQLite: the one connection the load runs on
	tx       *Tx       // the open transaction batches are loaded in
	pending  int       // rows written in tx since it began
	pathways int
	events   int
}

// commitEvery is how many rows a load transaction takes before it commits.
// Few large commits write each index page to the WAL once, not once per batch.
const commitEvery = 400000

// NewLoader returns a loader.
func NewLoader(db *DB) *Loader { return &Loader{db: db} }

var _ elective.Loader = (*Loader)(nil)

// LoadReference loads the organisation, sites, specialties, clinicians and
// clinic templates.
func (l *Loader) LoadReference(ctx context.Context, ref *elective.ReferenceData) error {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return err
	}
	tx, err := l.begin(ctx)
	if err != nil {
		return err
	}
	err = func() error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM organisation`).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return elective.Errorf(elective.ECONFLICT, "The database already holds a trust; load into an empty database")
		}
		o := ref.Organisation
		if _, err := tx.exec(`INSERT INTO organisation (id, code, name, address_line1, address_line2, town, postcode, booking_phone)
			VALUES `+placeholders(8), o.ID, o.Code, o.Name, o.Address.Line1, o.Address.Line2, o.Address.Town, o.Address.Postcode,
			o.BookingPhone); err != nil {
			return err
		}
		if _, err := tx.dropIndexes(); err != nil {
			return err
		}
		return tx.loadReference(o.ID, ref)
	}()
	if err != nil {
		l.abort()
		return err
	}
	return l.commit()
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
	if err := tx.bulkInsert("clinic_template", "id, org_id, "+templateColumns, len(ref.Templates), func(i int) []any {
		return append([]any{ref.Templates[i].ID, orgID}, templateArgs(ref.Templates[i])...)
	}); err != nil {
		return err
	}
	for _, t := range ref.Templates {
		if err := tx.insertTemplateParts(t); err != nil {
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
	// Deriving the clocks runs beside the inserts, on another core; the PTL
	// rows go in last.
	type derived struct {
		rows  []ptlRow
		tasks []taskRow
		err   error
	}
	ptl := make(chan derived, 1)
	go func() {
		rows, tasks, err := l.ptlRows(b)
		ptl <- derived{rows, tasks, err}
	}()
	tx, err := l.begin(ctx)
	if err != nil {
		<-ptl
		return err
	}
	orgID, _, err := tx.org()
	for _, step := range []func(int64, *elective.LoadBatch) error{
		tx.loadSessions, tx.loadPatients, tx.loadPathways, tx.loadAppointments,
	} {
		if err == nil {
			err = step(orgID, b)
		}
	}
	d := <-ptl
	if err == nil {
		err = d.err
	}
	if err == nil {
		err = tx.bulkInsert("ptl_entry", ptlColumns, len(d.rows), func(i int) []any { return d.rows[i].args(orgID) })
	}
	if err == nil {
		err = tx.bulkInsert("pathway_task", taskColumns, len(d.tasks), func(i int) []any { return d.tasks[i].args(orgID) })
	}
	if err != nil {
		l.abort()
		return err
	}
	l.pathways += len(b.Pathways)
	l.pending += len(b.Slots) + len(b.Patients) + 3*len(b.Pathways) + 3*len(b.Appointments)
	for _, p := range b.Pathways {
		l.events += len(p.Events)
		l.pending += len(p.Events)
	}
	if l.pending >= commitEvery {
		return l.commit()
	}
	return nil
}

// ptlRows derives the PTL rows and tasks of a batch's pathways. A pathway
// whose events the rules refuse fails the whole batch.
func (l *Loader) ptlRows(b *elective.LoadBatch) ([]ptlRow, []taskRow, error) {
	patients := make(map[int64]*elective.Patient, len(b.Patients))
	for _, p := range b.Patients {
		patients[p.ID] = p
	}
	next := map[int64]*nextBooking{}
	last := map[int64]*elective.Appointment{}
	for _, a := range b.Appointments {
		if n := next[a.PathwayID]; a.Status == elective.AppointmentBooked && (n == nil || a.Start.Before(n.start)) {
			next[a.PathwayID] = &nextBooking{id: a.ID, start: a.Start, slotType: a.Type}
		}
		if l := last[a.PathwayID]; a.Status == elective.AppointmentAttended && (l == nil || a.Start.After(l.Start)) {
			last[a.PathwayID] = a
		}
	}
	today := l.db.today(l.db.Now())
	var rows []ptlRow
	var tasks []taskRow
	for _, p := range b.Pathways {
		vulnerable := patients[p.PatientID] != nil && patients[p.PatientID].IsVulnerable(today)
		res, err := rtt.Derive(rtt.Pathway{Priority: p.Priority, Vulnerable: vulnerable, Events: p.Events}, l.db.Policy)
		if err != nil {
			return nil, nil, elective.Errorf(elective.EINVALID, "pathway %d: %v", p.ID, err)
		}
		if row, ok := ptlRowFor(p, res, next[p.ID], l.db.Location, l.db.Policy); ok {
			rows = append(rows, row)
		}
		tasks = append(tasks, tasksFor(p, res, last[p.ID], l.db.Location, l.db.Policy)...)
	}
	return rows, tasks, nil
}

// FinishLoad moves PostgreSQL's identity sequences past the loaded ids and
// refreshes the planner's statistics, and records the load in the audit
// trail.
func (l *Loader) FinishLoad(ctx context.Context) error {
	if err := l.commit(); err != nil {
		return err
	}
	// The foreign-key check only reads, so it runs on a pool connection
	// while the loader's connection rebuilds the indexes.
	fk := make(chan error, 1)
	go func() { fk <- l.checkForeignKeys(ctx) }()
	err := l.db.rebuildPendingIndexes(ctx, l.connOrDB())
	if fkErr := <-fk; fkErr != nil {
		return fkErr
	}
	if err != nil {
		return fmt.Errorf("rebuild indexes after the load: %w", err)
	}
	if l.db.dialect == Postgres {
		for _, t := range []string{"organisation", "site", "specialty", "clinician", "clinic_template", "clinic_session",
			"slot", "patient", "referral", "pathway", "pathway_event", "appointment", "appointment_change", "app_user", "audit_event"} {
			q := `SELECT setval(pg_get_serial_sequence('` + t + `', 'id'), COALESCE((SELECT MAX(id) FROM ` + t + `), 0) + 1, false)`
			if _, err := l.db.db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	analyze := `ANALYZE`
	if l.db.dialect == SQLite {
		// A sample is enough for the planner and keeps this to seconds.
		analyze = `PRAGMA analysis_limit = 1000; ANALYZE`
	}
	if _, err := l.connOrDB().ExecContext(ctx, analyze); err != nil {
		return err
	}
	if err := l.release(ctx); err != nil {
		return err
	}
	return l.db.update(ctx, func(tx *Tx) error {
		return tx.audit("bulk.load", 0, "pathways="+itoa(l.pathways)+" events="+itoa(l.events))
	})
}
