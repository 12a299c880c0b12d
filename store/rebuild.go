package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// RebuildReport says what a rebuild derived and what it had to change.
type RebuildReport struct {
	Pathways int // pathways read
	Events   int // events read
	OnPTL    int // PTL rows derived
	Tasks    int // worklist tasks derived
	Invalid  int // pathways whose events the rules refuse
	Changed  int // PTL rows and tasks written or removed because they differed
	Elapsed  time.Duration
}

// Rebuild derives every pathway's PTL row and tasks again from the event
// log, with the same rules and code as live recording, compares them with
// the read models and writes only the differences, in one transaction. It
// is how a rule or policy change lands, and the proof that the live PTL
// never drifts from the events: a rebuild of a consistent database changes
// nothing. Pathways whose events the rules refuse get an invalid-events task
// for the validation worklist.
func (db *DB) Rebuild(ctx context.Context) (*RebuildReport, error) {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return nil, err
	}
	start := time.Now()
	rep := &RebuildReport{}
	conn, release, err := db.scanConn(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	err = db.tryUpdateOn(ctx, conn, func(tx *Tx) error {
		*rep = RebuildReport{}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		rows, tasks, err := tx.deriveAll(rep)
		if err != nil {
			return err
		}
		rep.OnPTL, rep.Tasks = len(rows), len(tasks)
		if rep.Changed, err = tx.syncPTL(orgID, rows); err != nil {
			return err
		}
		n, err := tx.syncTasks(orgID, tasks)
		rep.Changed += n
		if err != nil {
			return err
		}
		return tx.audit("ptl.rebuild", 0, "pathways="+itoa(rep.Pathways)+" invalid="+itoa(rep.Invalid))
	})
	rep.Elapsed = time.Since(start)
	return rep, err
}

// scanConn returns a connection for reading the whole database. On SQLite
// it reads pages rather than mapping them: a whole-database scan through
// mmap would count the file into the process's memory.
// release restores the connection's settings and returns it to the pool.
func (db *DB) scanConn(ctx context.Context) (*sql.Conn, func(), error) {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, nil, err
	}
	if db.dialect != SQLite {
		return conn, func() { conn.Close() }, nil
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA mmap_size = 0`); err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, func() {
		conn.ExecContext(context.Background(), `PRAGMA mmap_size = `+mmapSize)
		conn.Close()
	}, nil
}

// deriveAll walks every pathway with its events in id order and derives
// its PTL row and tasks.
func (tx *Tx) deriveAll(rep *RebuildReport) ([]ptlRow, []taskRow, error) {
	today := tx.today()
	vulnerable, err := tx.vulnerablePatients(today)
	if err != nil {
		return nil, nil, err
	}
	next, last, err := tx.appointmentIndex()
	if err != nil {
		return nil, nil, err
	}
	pathways, err := tx.allPathways()
	if err != nil {
		return nil, nil, err
	}
	var rows []ptlRow
	var tasks []taskRow
	err = tx.eachEventLog(pathways, func(p *elective.Pathway) {
		rep.Pathways++
		rep.Events += len(p.Events)
		res, err := rtt.Derive(rtt.Pathway{Priority: p.Priority, Vulnerable: vulnerable[p.PatientID], Events: p.Events}, tx.db.Policy)
		if err != nil {
			rep.Invalid++
			tasks = append(tasks, taskRow{p.ID, elective.WorkInvalidEvents, err.Error(), today})
			return
		}
		if row, ok := ptlRowFor(p, res, next[p.ID], tx.db.Location, tx.db.Policy); ok {
			rows = append(rows, row)
		}
		tasks = append(tasks, tasksFor(p, res, last[p.ID], tx.db.Location, tx.db.Policy)...)
	})
	return rows, tasks, err
}

// vulnerablePatients returns which patients get the DNA safeguards today:
// children and those with a vulnerable-adult or child-protection alert.
func (tx *Tx) vulnerablePatients(today elective.Date) (map[int64]bool, error) {
	out := map[int64]bool{}
	rows, err := tx.query(`SELECT id, birth_date FROM patient`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		p := &elective.Patient{}
		if err := rows.Scan(&p.ID, dateCol{&p.BirthDate}); err != nil {
			rows.Close()
			return nil, err
		}
		if p.IsVulnerable(today) {
			out[p.ID] = true
		}
	}
	rows.Close()
	rows, err = tx.query(`SELECT patient_id FROM patient_alert WHERE kind IN (?, ?)`, elective.AlertVulnerableAdult, elective.AlertChildProtection)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// appointmentIndex returns each pathway's earliest booked and latest
// attended appointment.
func (tx *Tx) appointmentIndex() (map[int64]*nextBooking, map[int64]*elective.Appointment, error) {
	next := map[int64]*nextBooking{}
	last := map[int64]*elective.Appointment{}
	rows, err := tx.query(`SELECT pathway_id, id, start_at, slot_type, status, rtt_status, outcome FROM appointment
		WHERE status IN ('booked', 'attended') ORDER BY pathway_id, start_at, id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		a := &elective.Appointment{}
		if err := rows.Scan(&a.PathwayID, &a.ID, timeCol{&a.Start}, &a.Type, &a.Status, &a.RTTStatus, &a.Outcome); err != nil {
			return nil, nil, err
		}
		if a.Status == elective.AppointmentAttended {
			last[a.PathwayID] = a
		} else if next[a.PathwayID] == nil {
			next[a.PathwayID] = &nextBooking{id: a.ID, start: a.Start, slotType: a.Type}
		}
	}
	return next, last, rows.Err()
}

// allPathways reads every pathway, in id order, without events.
func (tx *Tx) allPathways() ([]*elective.Pathway, error) {
	rows, err := tx.query(`SELECT ` + pathwayColumns + ` FROM pathway ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Pathway
	for rows.Next() {
		p, err := scanPathway(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// eachEventLog streams the event log in pathway order and calls fn with
// each pathway and its events; the events of one pathway are released once
// fn returns.
func (tx *Tx) eachEventLog(pathways []*elective.Pathway, fn func(*elective.Pathway)) error {
	rows, err := tx.query(`SELECT ` + eventColumns + ` FROM pathway_event ORDER BY pathway_id, seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	i := 0
	flush := func(upTo int64) {
		for ; i < len(pathways) && pathways[i].ID <= upTo; i++ {
			if len(pathways[i].Events) > 0 {
				fn(pathways[i])
				pathways[i].Events = nil
			}
		}
	}
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return err
		}
		flush(e.PathwayID - 1)
		if i < len(pathways) && pathways[i].ID == e.PathwayID {
			pathways[i].Events = append(pathways[i].Events, e)
		}
	}
	flush(1<<62 - 1)
	return rows.Err()
}
