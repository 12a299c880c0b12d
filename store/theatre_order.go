package store

import (
	"database/sql"
	"errors"
	"slices"

	"github.com/openelective/elective"
)

// bookingOrder is theatre.Order as SQL, over the stored due date
// (AdmittedListEntry.DueBy): the due date (none last), the RTT breach date
// (none last), the decision to admit, the id. TestAdmittedOrderMatchesRule
// holds it to the rule.
const bookingOrder = ` ORDER BY e.due_date IS NULL, e.due_date, pe.breach_date IS NULL, pe.breach_date, e.listed_date, e.id`

// orderedEntries reads the first limit entries matching where in booking
// order. The database orders and limits, so a page of a large trust's
// list (tens of thousands of patients) reads only the rows it shows.
func (tx *Tx) orderedEntries(where string, args []any, limit int) ([]*elective.AdmittedListEntry, error) {
	keys, err := tx.bookingOrderIDs(`admitted_entry e`, where, args, limit)
	if err != nil {
		return nil, err
	}
	return tx.entriesByID(keys)
}

// bookingOrderIDs returns the ids of the first limit entries of tables
// (admitted_entry as e, and any joins) matching where, in booking order.
// The RTT breach date that breaks ties is in ptl_entry, a quarter of a
// million rows at a large trust, and joining it to every entry costs more
// than all the rest; so the due date of the limit-th entry is found first
// from the entries alone, and only entries due by then (the first limit,
// with those tied at the boundary) are joined and ordered in full.
func (tx *Tx) bookingOrderIDs(tables, where string, args []any, limit int) ([]*elective.AdmittedListEntry, error) {
	var bound elective.Date
	err := tx.queryRow(`SELECT e.due_date FROM `+tables+` WHERE `+where+` ORDER BY e.due_date IS NULL, e.due_date
		LIMIT 1 OFFSET ?`, append(slices.Clone(args), limit-1)...).Scan(dateCol{&bound})
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	return tx.orderedIDsDueBy(tables, where, args, bound, limit)
}

// orderedIDsDueBy returns the ids of the first limit entries of tables
// matching where and due by bound (the zero Date: any), in booking order.
func (tx *Tx) orderedIDsDueBy(tables, where string, args []any, bound elective.Date, limit int) ([]*elective.AdmittedListEntry, error) {
	if !bound.IsZero() {
		where, args = where+` AND e.due_date <= ?`, append(slices.Clone(args), bound)
	}
	rows, err := tx.query(`SELECT e.id FROM `+tables+` LEFT JOIN ptl_entry pe ON pe.pathway_id = e.pathway_id
		WHERE `+where+bookingOrder+` LIMIT ?`, append(slices.Clone(args), limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []*elective.AdmittedListEntry
	for rows.Next() {
		k := &elective.AdmittedListEntry{}
		if err := rows.Scan(&k.ID); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
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
