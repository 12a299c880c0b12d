package store

import (
	"github.com/openelective/elective"
	"github.com/openelective/elective/theatre"
)

// orderedEntries reads the entries matching where in booking order, the
// first limit of them in full. The booking order (package theatre) needs
// only the priority, the dates and the id, so every match is read with
// those four columns and only the rows returned are read whole: a large
// trust's list is tens of thousands of patients, of whom a page shows a
// few hundred.
func (tx *Tx) orderedEntries(where string, args []any, limit int) ([]*elective.AdmittedListEntry, error) {
	rows, err := tx.query(`SELECT e.id, e.priority, e.listed_date, pe.breach_date FROM admitted_entry e
		LEFT JOIN ptl_entry pe ON pe.pathway_id = e.pathway_id WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	var keys []*elective.AdmittedListEntry
	for rows.Next() {
		k := &elective.AdmittedListEntry{}
		if err := rows.Scan(&k.ID, &k.Priority, dateCol{&k.ListedOn}, dateCol{&k.BreachDate}); err != nil {
			rows.Close()
			return nil, err
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	theatre.Order(keys)
	if len(keys) > limit {
		keys = keys[:limit]
	}
	return tx.entriesByID(keys)
}

// entryChunk is how many ids one IN list carries: well under the
// parameter limits of both databases.
const entryChunk = 500

// entriesByID reads the entries of keys whole, in the order of keys.
func (tx *Tx) entriesByID(keys []*elective.AdmittedListEntry) ([]*elective.AdmittedListEntry, error) {
	byID := make(map[int64]*elective.AdmittedListEntry, len(keys))
	for start := 0; start < len(keys); start += entryChunk {
		part := keys[start:min(start+entryChunk, len(keys))]
		ids := make([]any, len(part))
		for i, k := range part {
			ids[i] = k.ID
		}
		es, err := tx.findBareEntries(entrySelect+` WHERE e.id IN `+placeholders(len(ids)), ids...)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			byID[e.ID] = e
		}
	}
	out := make([]*elective.AdmittedListEntry, 0, len(keys))
	for _, k := range keys {
		if e := byID[k.ID]; e != nil {
			out = append(out, e)
		}
	}
	return out, nil
}
