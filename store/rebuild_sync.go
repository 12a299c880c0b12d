package store

import (
	"fmt"
	"sort"
)

// syncPTL makes ptl_entry hold exactly rows, writing only the rows that
// differ, and returns how many it wrote or removed.
func (tx *Tx) syncPTL(orgID int64, rows []ptlRow) (int, error) {
	have, err := tx.readPTLRows()
	if err != nil {
		return 0, err
	}
	var write []ptlRow
	for _, r := range rows {
		if old, ok := have[r.pathwayID]; !ok || old != r {
			write = append(write, r)
		}
		delete(have, r.pathwayID)
	}
	changed := len(write) + len(have)
	ids := make([]int64, 0, changed)
	for id := range have {
		ids = append(ids, id)
	}
	for _, r := range write {
		ids = append(ids, r.pathwayID)
	}
	if err := tx.deleteByPathway("ptl_entry", "", ids); err != nil {
		return 0, err
	}
	return changed, tx.bulkInsert("ptl_entry", ptlColumns, len(write), func(i int) []any { return write[i].args(orgID) })
}

// deleteByPathway deletes a table's rows of the given pathways (and, when
// kind is not "", of that task kind only), a thousand pathways a statement.
func (tx *Tx) deleteByPathway(table, kind string, ids []int64) error {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for start := 0; start < len(ids); start += 1000 {
		chunk := ids[start:min(start+1000, len(ids))]
		q := `DELETE FROM ` + table + ` WHERE pathway_id IN (` + inClause(len(chunk)) + `)`
		args := make([]any, 0, len(chunk)+1)
		for _, id := range chunk {
			args = append(args, id)
		}
		if kind != "" {
			q += ` AND kind = ?`
			args = append(args, kind)
		}
		if _, err := tx.exec(q, args...); err != nil {
			return err
		}
	}
	return nil
}

// readPTLRows reads the PTL read model as it stands.
func (tx *Tx) readPTLRows() (map[int64]ptlRow, error) {
	rows, err := tx.query(`SELECT ` + ptlColumns + ` FROM ptl_entry`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]ptlRow{}
	for rows.Next() {
		var r ptlRow
		var org, rank int64
		if err := rows.Scan(&r.pathwayID, &org, &r.patientID, &r.specialtyID, idCol{&r.clinicianID}, idCol{&r.siteID},
			&r.priority, &rank, &r.listType, dateCol{&r.clockStart}, dateCol{&r.breachDate}, &r.status,
			dateCol{&r.referralDate}, dateCol{&r.nextActivity}, &r.nextSlotType, idCol{&r.appointmentID}, &r.review,
			dateCol{&r.lastValidated}, dateCol{&r.validationDue}, dateCol{&r.lastActivity}); err != nil {
			return nil, err
		}
		out[r.pathwayID] = r
	}
	return out, rows.Err()
}

// syncTasks makes pathway_task hold exactly tasks.
func (tx *Tx) syncTasks(orgID int64, tasks []taskRow) (int, error) {
	rows, err := tx.query(`SELECT pathway_id, kind, reason, since FROM pathway_task`)
	if err != nil {
		return 0, err
	}
	have := map[string]taskRow{}
	for rows.Next() {
		var t taskRow
		if err := rows.Scan(&t.pathwayID, &t.kind, &t.reason, dateCol{&t.since}); err != nil {
			rows.Close()
			return 0, err
		}
		have[taskKey(t)] = t
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	var write []taskRow
	for _, t := range tasks {
		if old, ok := have[taskKey(t)]; !ok || old != t {
			write = append(write, t)
		}
		delete(have, taskKey(t))
	}
	changed := len(write) + len(have)
	byKind := map[string][]int64{}
	for _, t := range have {
		byKind[string(t.kind)] = append(byKind[string(t.kind)], t.pathwayID)
	}
	for _, t := range write {
		byKind[string(t.kind)] = append(byKind[string(t.kind)], t.pathwayID)
	}
	for kind, ids := range byKind {
		if err := tx.deleteByPathway("pathway_task", kind, ids); err != nil {
			return 0, err
		}
	}
	return changed, tx.bulkInsert("pathway_task", taskColumns, len(write), func(i int) []any { return write[i].args(orgID) })
}

func taskKey(t taskRow) string { return fmt.Sprintf("%d/%s", t.pathwayID, t.kind) }
