package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// WaitingListService reads the PTL read model.
type WaitingListService struct{ db *DB }

// NewWaitingListService returns the service.
func NewWaitingListService(db *DB) *WaitingListService { return &WaitingListService{db} }

var _ elective.WaitingListService = (*WaitingListService)(nil)

const ptlSelect = `SELECT e.pathway_id, pw.ppid, e.patient_id, p.family_name, p.given_name, p.title, p.nhs_number,
	e.specialty_id, sp.name, COALESCE(e.clinician_id, 0), COALESCE(c.title, ''), COALESCE(c.given_name, ''),
	COALESCE(c.family_name, ''), COALESCE(e.site_id, 0), COALESCE(st.name, ''), e.priority, e.list_type,
	e.clock_start, e.rtt_status, e.breach_date, e.referral_date, e.next_activity, e.next_slot_type,
	COALESCE(e.appointment_id, 0), e.last_validated, e.validation_due, e.review_needed
	FROM ptl_entry e
	JOIN pathway pw ON pw.id = e.pathway_id
	JOIN patient p ON p.id = e.patient_id
	JOIN specialty sp ON sp.id = e.specialty_id
	LEFT JOIN clinician c ON c.id = e.clinician_id
	LEFT JOIN site st ON st.id = e.site_id`

func scanPTLEntry(row scanner, census elective.Date) (*elective.PTLEntry, error) {
	e := &elective.PTLEntry{}
	pt := &elective.Patient{}
	cl := &elective.Clinician{}
	err := row.Scan(&e.PathwayID, &e.PPID, &e.PatientID, &pt.FamilyName, &pt.GivenName, &pt.Title, &e.NHSNumber,
		&e.SpecialtyID, &e.SpecialtyName, &e.ClinicianID, &cl.Title, &cl.GivenName, &cl.FamilyName, &e.SiteID,
		&e.SiteName, &e.Priority, &e.ListType, dateCol{&e.ClockStart}, &e.Status, dateCol{&e.BreachDate},
		dateCol{&e.ReferralDate}, dateCol{&e.NextActivity}, &e.NextSlotType, &e.AppointmentID,
		dateCol{&e.LastValidated}, dateCol{&e.ValidationDue}, &e.ReviewNeeded)
	e.PatientName = pt.DisplayName()
	if cl.FamilyName != "" {
		e.ClinicianName = cl.DisplayName()
	}
	e.DaysWaited = rtt.DaysWaited(e.ClockStart, census)
	e.Band = rtt.BandLabel(e.DaysWaited)
	return e, err
}

// ptlWhere builds the filter of a PTL query (f.Census must be set). It leads with the
// organisation, the first column of every PTL index: without it no index
// can give the order and a page costs a sort of the whole list.
func ptlWhere(orgID int64, f elective.PTLFilter) (string, []any) {
	where, args := ` WHERE e.org_id = ?`, []any{orgID}
	add := func(cond string, v any) { where += " AND " + cond; args = append(args, v) }
	if f.SpecialtyID != 0 {
		add("e.specialty_id = ?", f.SpecialtyID)
	}
	if f.ClinicianID != 0 {
		add("e.clinician_id = ?", f.ClinicianID)
	}
	if f.SiteID != 0 {
		add("e.site_id = ?", f.SiteID)
	}
	if f.ListType != "" {
		add("e.list_type = ?", f.ListType)
	}
	if f.Priority != "" {
		add("e.priority_rank = ?", f.Priority.Rank())
	}
	switch f.Booked {
	case "yes":
		where += " AND e.next_activity IS NOT NULL"
	case "no":
		where += " AND e.next_activity IS NULL"
	}
	// Wait filters are ranges of clock start, so they use the indexes.
	if f.MinWeeks > 0 {
		add("e.clock_start <= ?", f.Census.AddDays(-7*f.MinWeeks))
	}
	if f.MaxWeeks > 0 {
		add("e.clock_start > ?", f.Census.AddDays(-7*f.MaxWeeks))
	}
	if f.BreachWithinWeeks > 0 {
		add("e.clock_start >= ?", f.Census.AddDays(-rtt.StandardDays))
		add("e.clock_start <= ?", f.Census.AddDays(7*f.BreachWithinWeeks-rtt.StandardDays-1))
	}
	if f.ValidationDue {
		add("e.validation_due <= ?", f.Census)
	}
	if f.Source != "" {
		add("e.pathway_id IN (SELECT pw2.id FROM pathway pw2 JOIN referral r ON r.id = pw2.referral_id WHERE r.source = ?)", f.Source)
	}
	return where, args
}

// ptlOrder is the ORDER BY of a sort; every order ends on the pathway id so
// that pages are stable. The breach date is always the clock start plus 127
// days (rtt.BreachDate), so the nearest breaches are the earliest clock
// starts and both sorts share the clock-start indexes.
func ptlOrder(s elective.PTLSort) string {
	if s == elective.SortPriority {
		return ` ORDER BY e.priority_rank, e.clock_start, e.pathway_id`
	}
	return ` ORDER BY e.clock_start, e.pathway_id`
}

// FindPTL returns a page of the PTL and the number of rows matching.
func (s *WaitingListService) FindPTL(ctx context.Context, f elective.PTLFilter) ([]*elective.PTLEntry, int, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, 0, err
	}
	if f.Census.IsZero() {
		return nil, 0, elective.Errorf(elective.EINVALID, "A PTL needs a census date")
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 50
	}
	var out []*elective.PTLEntry
	var total int
	err := s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		where, args := ptlWhere(orgID, f)
		if err := tx.queryRow(`SELECT COUNT(*) FROM ptl_entry e`+where, args...).Scan(&total); err != nil {
			return err
		}
		if out, err = tx.ptlPage(orgID, f); err != nil {
			return err
		}
		return tx.audit("ptl.view", 0, "list="+string(f.ListType)+" rows="+itoa(len(out)))
	})
	return out, total, err
}

// ptlPage reads one page of the PTL. The page is chosen on ptl_entry alone
// (its indexes cover the filters and the order), and only its rows are
// joined: skipping to a late page then costs index steps, not joins.
func (tx *Tx) ptlPage(orgID int64, f elective.PTLFilter) ([]*elective.PTLEntry, error) {
	where, args := ptlWhere(orgID, f)
	order := ptlOrder(f.Sort)
	page := ` WHERE e.pathway_id IN (SELECT e.pathway_id FROM ptl_entry e` + where + order + ` LIMIT ? OFFSET ?)`
	rows, err := tx.query(ptlSelect+page+order, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.PTLEntry
	for rows.Next() {
		e, err := scanPTLEntry(rows, f.Census)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// FindPTLEntry returns one pathway's PTL row.
func (s *WaitingListService) FindPTLEntry(ctx context.Context, pathwayID int64, census elective.Date) (*elective.PTLEntry, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return nil, err
	}
	var e *elective.PTLEntry
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		e, err = scanPTLEntry(tx.queryRow(ptlSelect+` WHERE e.pathway_id = ?`, pathwayID), census)
		if errors.Is(err, sql.ErrNoRows) {
			return elective.Errorf(elective.ENOTFOUND, "Pathway %d has no running clock, so it is not on the PTL", pathwayID)
		} else if err != nil {
			return err
		}
		return tx.audit("ptl.read", e.PatientID, "pathway="+itoa64(pathwayID))
	})
	return e, err
}
