package store

import (
	"context"

	"github.com/openelective/elective"
)

// maxClaims is the most claims one list shows: a month of a trust's
// claims, filtered.
const maxClaims = 1000

const claimSelect = `SELECT cl.id, cl.kind, cl.staff_id, cl.claim_date, cl.start_at, cl.end_at, cl.pa_tenths, cl.rate_type,
	cl.grade, cl.reason, cl.fill_status, cl.agency, cl.expense_type, cl.amount_pence, cl.miles, cl.mileage_pence, cl.receipt,
	cl.note, cl.status, cl.decision, cl.submitted_by, cl.submitted_at, cl.decided_by, cl.decided_at,
	COALESCE(sm.title, ''), COALESCE(sm.given_name, ''), COALESCE(sm.family_name, ''), COALESCE(sm.grade, '')
	FROM claim cl LEFT JOIN staff_member sm ON sm.id = cl.staff_id`

func scanClaim(row scanner) (*elective.Claim, error) {
	c := &elective.Claim{}
	sm := &elective.StaffMember{}
	err := row.Scan(&c.ID, &c.Kind, idCol{&c.StaffID}, dateCol{&c.Date}, timeCol{&c.Start}, timeCol{&c.End}, &c.PATenths,
		&c.Rate, &c.Grade, &c.Reason, &c.Fill, &c.Agency, &c.ExpenseType, &c.AmountPence, &c.Miles, &c.MileagePence,
		&c.Receipt, &c.Note, &c.Status, &c.Decision, &c.SubmittedBy, timeCol{&c.SubmittedAt}, &c.DecidedBy,
		timeCol{&c.DecidedAt}, &sm.Title, &sm.GivenName, &sm.FamilyName, &sm.Grade)
	if err != nil {
		return nil, err
	}
	if c.StaffID != 0 {
		c.StaffName, c.StaffGrade = sm.DisplayName(), sm.Grade
	}
	return c, nil
}

// findClaims reads claims matching where (with args) in order.
func (tx *Tx) findClaims(where, order string, args ...any) ([]*elective.Claim, error) {
	rows, err := tx.query(claimSelect+where+order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Claim
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// findClaim reads one claim: ENOTFOUND.
func (tx *Tx) findClaim(id int64) (*elective.Claim, error) {
	cs, err := tx.findClaims(` WHERE cl.id = ?`, "", id)
	if err != nil {
		return nil, err
	} else if len(cs) == 0 {
		return nil, elective.Errorf(elective.ENOTFOUND, "No claim %d", id)
	}
	return cs[0], nil
}

// FindClaims returns the claims matching f, newest date first.
func (s *ClaimService) FindClaims(ctx context.Context, f elective.ClaimFilter) ([]*elective.Claim, error) {
	if err := claimReader(ctx); err != nil {
		return nil, err
	}
	where, args := ` WHERE cl.org_id = ?`, []any{}
	if f.Kind != "" {
		where += ` AND cl.kind = ?`
		args = append(args, f.Kind)
	}
	if f.Status != "" {
		where += ` AND cl.status = ?`
		args = append(args, f.Status)
	}
	if !f.Month.IsZero() {
		where += ` AND cl.claim_date >= ? AND cl.claim_date <= ?`
		args = append(args, f.Month.First(), f.Month.Last())
	}
	if f.StaffID != 0 {
		where += ` AND cl.staff_id = ?`
		args = append(args, f.StaffID)
	}
	var out []*elective.Claim
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		out, err = tx.findClaims(where, ` ORDER BY cl.claim_date DESC, cl.id DESC LIMIT ?`,
			append(append([]any{orgID}, args...), maxClaims)...)
		return err
	})
	return out, err
}

// ExportPayroll returns the payable claims dated in month m, by staff
// member and date, and audits the export before it leaves.
func (s *ClaimService) ExportPayroll(ctx context.Context, m elective.Month) ([]*elective.Claim, error) {
	if err := authorize(ctx, elective.ActionApproveClaims); err != nil {
		return nil, err
	}
	var out []*elective.Claim
	err := s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		all, err := tx.findClaims(` WHERE cl.org_id = ? AND cl.status = ? AND cl.claim_date >= ? AND cl.claim_date <= ?`,
			` ORDER BY COALESCE(sm.family_name, cl.agency), COALESCE(sm.given_name, ''), cl.claim_date, cl.id`,
			orgID, elective.ClaimApproved, m.First(), m.Last())
		if err != nil {
			return err
		}
		for _, c := range all {
			if c.Payable() {
				out = append(out, c)
			}
		}
		return tx.audit("claim.export", 0, "month="+m.String()+" claims="+itoa64(int64(len(out))))
	})
	return out, err
}
