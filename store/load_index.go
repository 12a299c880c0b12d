package store

import "context"

// bulkTables are the tables a bulk load fills with many rows.
var bulkTables = []string{"clinic_session", "slot", "patient", "patient_alert", "referral", "pathway",
	"pathway_event", "appointment", "appointment_change", "ptl_entry", "pathway_task"}

// dropIndexes removes the non-unique secondary indexes of the bulk tables,
// recording each in pending_index, and returns the statements that
// recreate them: building an index once over loaded rows is far cheaper
// than keeping it up to date row by row. Unique indexes stay, because they
// are rules (one holding appointment per slot), not only speed.
func (tx *Tx) dropIndexes() ([]string, error) {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (` + inClause(len(bulkTables)) + `)`
	if tx.db.dialect == Postgres {
		q = `SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
			JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
			WHERE NOT x.indisunique AND NOT x.indisprimary
			AND t.relnamespace = current_schema()::regnamespace AND t.relname IN (` + inClause(len(bulkTables)) + `)`
	}
	args := make([]any, len(bulkTables))
	for i, t := range bulkTables {
		args[i] = t
	}
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, n := range names {
		if _, err := tx.exec(`INSERT INTO pending_index (name, definition) VALUES (?, ?)`, n, defs[i]); err != nil {
			return nil, err
		}
		if _, err := tx.exec(`DROP INDEX ` + n); err != nil {
			return nil, err
		}
	}
	return defs, nil
}

// rebuildPendingIndexes recreates the indexes a bulk load dropped, whether
// the load finished or was interrupted (Open calls it on every start).
func (db *DB) rebuildPendingIndexes(ctx context.Context, on execer) error {
	rows, err := db.db.QueryContext(ctx, `SELECT name, definition FROM pending_index ORDER BY name`)
	if err != nil {
		return err
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return err
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for i, def := range defs {
		if _, err := on.ExecContext(ctx, def); err != nil {
			return err
		}
		if _, err := on.ExecContext(ctx, db.rebind(`DELETE FROM pending_index WHERE name = ?`), names[i]); err != nil {
			return err
		}
	}
	return nil
}
