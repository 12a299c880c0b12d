package store

// bulkTables are the tables a bulk load fills with many rows.
var bulkTables = []string{"clinic_session", "slot", "patient", "patient_alert", "referral", "pathway",
	"pathway_event", "appointment", "appointment_change", "ptl_entry"}

// dropIndexes removes the secondary indexes of the bulk tables and returns
// the statements that recreate them. Building an index once over loaded
// rows is far cheaper than keeping it up to date row by row. Indexes that
// back a table's UNIQUE or PRIMARY KEY constraint stay.
func (tx *Tx) dropIndexes() ([]string, error) {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (` + inClause(len(bulkTables)) + `)`
	if tx.db.dialect == Postgres {
		q = `SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x
			JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
			LEFT JOIN pg_constraint c ON c.conindid = i.oid
			WHERE c.oid IS NULL AND t.relnamespace = current_schema()::regnamespace AND t.relname IN (` + inClause(len(bulkTables)) + `)`
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
	for _, n := range names {
		if _, err := tx.exec(`DROP INDEX ` + n); err != nil {
			return nil, err
		}
	}
	return defs, nil
}
