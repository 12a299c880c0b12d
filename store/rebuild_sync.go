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
	for id := range have {
		if _, err := tx.exec(`DELETE FROM ptl_entry WHERE pathway_id = ?`, id); err != nil {
			return 0, err
		}
	}
	for _, r := range write {
		if _, err := tx.exec(`DELETE FROM ptl_entry WHERE pathway_id = ?`, r.pathwayID); err != nil {
			return 0, err
		}
	}
	return changed, tx.bulkInsert("ptl_entry", ptlColumns, len(write), func(i int) []any { return write[i].args(orgID) })
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
	stale := make([]taskRow, 0, len(have)+len(write))
	for _, t := range have {
		stale = append(stale, t)
	}
	sort.Slice(stale, func(i, j int) bool { return taskKey(stale[i]) < taskKey(stale[j]) })
	for _, t := range append(stale, write...) {
		if _, err := tx.exec(`DELETE FROM pathway_task WHERE pathway_id = ? AND kind = ?`, t.pathwayID, t.kind); err != nil {
			return 0, err
		}
	}
	return changed, tx.bulkInsert("pathway_task", taskColumns, len(write), func(i int) []any { return write[i].args(orgID) })
}

func taskKey(t taskRow) string { return fmt.Sprintf("%d/%s", t.pathwayID, t.kind) }
