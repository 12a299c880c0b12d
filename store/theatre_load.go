package store

import (
	"context"
	"slices"
	"sort"

	"github.com/openelective/elective"
)

// AdmittedPathway is a pathway whose clock runs on the admitted list, for
// a generator to put on theatre lists.
type AdmittedPathway struct {
	PathwayID, PatientID, SpecialtyID, ClinicianID int64
	ClockStart, BreachDate                         elective.Date
}

// AdmittedPathways returns the pathways on the admitted PTL, by clock
// start then id, so that a generator given them is deterministic.
func (l *Loader) AdmittedPathways(ctx context.Context) ([]AdmittedPathway, error) {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return nil, err
	}
	var out []AdmittedPathway
	err := l.db.read(ctx, l.db.db, func(tx *Tx) error {
		rows, err := tx.query(`SELECT pathway_id, patient_id, specialty_id, clinician_id, clock_start, breach_date
			FROM ptl_entry WHERE list_type = ? ORDER BY clock_start, pathway_id`, elective.ListAdmitted)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p AdmittedPathway
			if err := rows.Scan(&p.PathwayID, &p.PatientID, &p.SpecialtyID, idCol{&p.ClinicianID}, dateCol{&p.ClockStart},
				dateCol{&p.BreachDate}); err != nil {
				return err
			}
			out = append(out, p)
		}
		return rows.Err()
	})
	return out, err
}

// LoadTheatreData loads admitted-care data in one transaction, trusting it
// as a bulk load does: the rules are not run row by row.
func (l *Loader) LoadTheatreData(ctx context.Context, d *elective.TheatreData) error {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return err
	}
	return l.db.update(ctx, func(tx *Tx) error {
		ids := map[string]map[int64]int64{"theatre": {}, "template": {}, "session": {}, "entry": {}, "case": {}}
		if err := tx.loadTheatres(d, ids); err != nil {
			return err
		}
		if err := tx.loadTheatreEntries(d, ids); err != nil {
			return err
		}
		if err := tx.loadTheatreCases(d, ids); err != nil {
			return err
		}
		return tx.audit("bulk.load-theatre", 0, "templates="+itoa(len(d.Templates))+" sessions="+itoa(len(d.Sessions))+
			" entries="+itoa(len(d.Entries))+" cases="+itoa(len(d.Cases)))
	})
}

func (tx *Tx) loadTheatres(d *elective.TheatreData, ids map[string]map[int64]int64) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	for _, t := range d.Theatres {
		id, err := tx.insert(`INSERT INTO theatre (org_id, code, name, site_id, endoscopy) VALUES `+placeholders(5),
			orgID, t.Code, t.Name, t.SiteID, t.Endoscopy)
		if err != nil {
			return err
		}
		ids["theatre"][t.ID], t.ID = id, id
	}
	names := make([]string, 0, len(d.Kit))
	for name := range d.Kit {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if _, err := tx.exec(`INSERT INTO theatre_kit (org_id, name, count, mobile) VALUES (?, ?, ?, ?)
			ON CONFLICT (org_id, name) DO UPDATE SET count = excluded.count, mobile = excluded.mobile`,
			orgID, name, d.Kit[name], slices.Contains(d.MobileKit, name)); err != nil {
			return err
		}
	}
	for site, beds := range d.Beds {
		if _, err := tx.exec(`UPDATE site SET elective_beds = ? WHERE id = ?`, beds, site); err != nil {
			return err
		}
	}
	if err := tx.loadTheatreTemplates(orgID, d, ids); err != nil {
		return err
	}
	return tx.loadTheatreSessions(orgID, d, ids)
}

func (tx *Tx) loadTheatreEntries(d *elective.TheatreData, ids map[string]map[int64]int64) error {
	for _, e := range d.Entries {
		local := e.ID
		if err := tx.insertEntry(e); err != nil {
			return err
		}
		ids["entry"][local] = e.ID
	}
	for _, a := range d.PreOps {
		a.EntryID = ids["entry"][a.EntryID]
		var err error
		a.ID, err = tx.insert(`INSERT INTO preop_assessment (entry_id, on_date, outcome, assessed_on, valid_until, notes,
			created_at) VALUES `+placeholders(7), a.EntryID, a.On, a.Outcome, a.AssessedOn, a.ValidUntil, a.Notes, tx.now)
		if err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) loadTheatreCases(d *elective.TheatreData, ids map[string]map[int64]int64) error {
	for _, c := range d.Cases {
		c.SessionID, c.EntryID = ids["session"][c.SessionID], ids["entry"][c.EntryID]
		if err := tx.insertCase(c); err != nil {
			return err
		}
	}
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	for _, h := range d.History {
		if _, err := tx.exec(`INSERT INTO theatre_case_history (org_id, surgeon_id, procedure_code, operated_on, minutes)
			VALUES `+placeholders(5), orgID, h.SurgeonID, h.ProcedureCode, h.On, h.Minutes); err != nil {
			return err
		}
	}
	return nil
}
