package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/openelective/elective"
)

var _ elective.ClaimService = (*ClaimService)(nil)

// ClaimService keeps WLI claims, bank and agency requests, expenses and
// mileage with their approval and the payroll export.
type ClaimService struct{ db *DB }

// NewClaimService returns the service on db.
func NewClaimService(db *DB) *ClaimService { return &ClaimService{db} }

// MaxMileagePence is the highest rate a mile may be set at: £2.
const MaxMileagePence = 200

// claimReader lets the rota coordinator, who submits claims, and the
// approvers read them: they are staff pay, not for every user.
func claimReader(ctx context.Context) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err == nil ||
		elective.ErrorCode(err) == elective.EUNAUTHORIZED {
		return err
	}
	return authorize(ctx, elective.ActionApproveClaims)
}

// SubmitClaim checks a claim and its staff member and saves it awaiting
// approval. A shift request starts unfilled; mileage is priced at the
// trust's rate now, kept on the claim so a later change of rate does not
// alter it.
func (s *ClaimService) SubmitClaim(ctx context.Context, c *elective.Claim) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	c.Grade, c.Reason, c.Agency = strings.TrimSpace(c.Grade), strings.TrimSpace(c.Reason), strings.TrimSpace(c.Agency)
	c.Receipt, c.Note = strings.TrimSpace(c.Receipt), strings.TrimSpace(c.Note)
	return s.db.update(ctx, func(tx *Tx) error {
		if c.Kind == elective.ClaimMileage {
			rate, err := tx.mileagePence()
			if err != nil {
				return err
			}
			c.MileagePence, c.AmountPence = rate, elective.MileageAmount(c.Miles, rate)
		}
		if c.Kind.Shift() {
			c.Fill = elective.FillRequested
		}
		if err := c.Validate(); err != nil {
			return err
		}
		if c.StaffID != 0 {
			if err := tx.checkClaimStaff(c.StaffID); err != nil {
				return err
			}
		}
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		c.Status, c.SubmittedBy, c.SubmittedAt = elective.ClaimSubmitted, elective.UserFromContext(ctx).Username, tx.now
		c.ID, err = tx.insert(`INSERT INTO claim (org_id, kind, staff_id, claim_date, start_at, end_at, pa_tenths, rate_type,
			grade, reason, fill_status, agency, expense_type, amount_pence, miles, mileage_pence, receipt, note, status,
			submitted_by, submitted_at) VALUES `+placeholders(21), orgID, c.Kind, nullID(c.StaffID), c.Date, c.Start, c.End,
			c.PATenths, c.Rate, c.Grade, c.Reason, c.Fill, c.Agency, c.ExpenseType, c.AmountPence, c.Miles, c.MileagePence,
			c.Receipt, c.Note, c.Status, c.SubmittedBy, c.SubmittedAt)
		if err != nil {
			return err
		}
		return tx.audit("claim.submit", 0, "claim="+itoa64(c.ID)+" kind="+string(c.Kind)+" staff="+itoa64(c.StaffID))
	})
}

// checkClaimStaff refuses a staff member who does not exist or has left.
func (tx *Tx) checkClaimStaff(id int64) error {
	var active bool
	err := tx.queryRow(`SELECT active FROM staff_member WHERE id = ?`, id).Scan(&active)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !active) {
		var p elective.Problems
		p.Add("staff", "Choose a current member of staff")
		return p.Err("The claim was not saved: check the fields marked")
	}
	return err
}

// DecideClaim approves or rejects a submitted claim. Nobody approves a
// claim they submitted themselves.
func (s *ClaimService) DecideClaim(ctx context.Context, id int64, approve bool, reason string) (*elective.Claim, error) {
	if err := authorize(ctx, elective.ActionApproveClaims); err != nil {
		return nil, err
	}
	u := elective.UserFromContext(ctx)
	var c *elective.Claim
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if c, err = tx.findClaim(id); err != nil {
			return err
		}
		if c.SubmittedBy == u.Username && u.ID != 0 {
			return elective.Errorf(elective.EFORBIDDEN, "You submitted this claim: another approver must decide it")
		}
		if err := c.Decide(approve, reason, u.Username, tx.now); err != nil {
			return err
		}
		res, err := tx.exec(`UPDATE claim SET status = ?, decision = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = ?`,
			c.Status, c.Decision, c.DecidedBy, c.DecidedAt, id, elective.ClaimSubmitted)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return elective.Errorf(elective.ECONFLICT, "This claim was decided by someone else a moment ago")
		}
		return tx.audit("claim.decide", 0, "claim="+itoa64(id)+" status="+string(c.Status))
	})
	return c, err
}

// FillShift records who filled a bank or agency request, or that it was
// cancelled. A rejected or cancelled request cannot be filled.
func (s *ClaimService) FillShift(ctx context.Context, id int64, fill elective.FillStatus, staffID int64, agency string) (*elective.Claim, error) {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return nil, err
	}
	agency = strings.TrimSpace(agency)
	var c *elective.Claim
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if c, err = tx.findClaim(id); err != nil {
			return err
		}
		if !c.Kind.Shift() {
			return elective.Errorf(elective.EINVALID, "Only bank and agency requests are filled")
		}
		if c.Status == elective.ClaimRejected || c.Fill != elective.FillRequested {
			return elective.Errorf(elective.ECONFLICT, "This request is %s: it cannot be changed", closedAs(c))
		}
		if err := checkFill(c, fill, staffID, agency); err != nil {
			return err
		}
		if fill == elective.FillFilled && staffID != 0 {
			if err := tx.checkClaimStaff(staffID); err != nil {
				return err
			}
			c.StaffID = staffID
		}
		if agency != "" {
			c.Agency = agency
		}
		c.Fill = fill
		if _, err := tx.exec(`UPDATE claim SET fill_status = ?, staff_id = ?, agency = ? WHERE id = ?`, c.Fill, nullID(c.StaffID),
			c.Agency, id); err != nil {
			return err
		}
		if c, err = tx.findClaim(id); err != nil {
			return err
		}
		return tx.audit("claim.fill", 0, "claim="+itoa64(id)+" fill="+string(fill)+" staff="+itoa64(staffID))
	})
	return c, err
}

// checkFill names what a fill is missing: a bank shift is filled by a
// member of staff, an agency shift by an agency.
func checkFill(c *elective.Claim, fill elective.FillStatus, staffID int64, agency string) error {
	var p elective.Problems
	switch {
	case fill == elective.FillCancelled:
	case fill != elective.FillFilled:
		p.Add("fill", "Choose filled or cancelled")
	case c.Kind == elective.ClaimBank && staffID == 0:
		p.Add("staff", "Choose the member of bank staff who will work the shift")
	case c.Kind == elective.ClaimAgency && agency == "" && c.Agency == "":
		p.Add("agency", "Enter the agency that filled the shift")
	}
	return p.Err("The request was not changed: check the fields marked")
}

// closedAs says why a request can no longer be filled.
func closedAs(c *elective.Claim) string {
	if c.Status == elective.ClaimRejected {
		return "rejected"
	}
	return strings.ToLower(c.Fill.Label())
}

// mileagePence is the trust's rate a mile, or the default.
func (tx *Tx) mileagePence() (int, error) {
	orgID, _, err := tx.org()
	if err != nil {
		return 0, err
	}
	var pence int
	err = tx.queryRow(`SELECT mileage_pence FROM claim_setting WHERE org_id = ?`, orgID).Scan(&pence)
	if errors.Is(err, sql.ErrNoRows) {
		return elective.DefaultMileagePence, nil
	}
	return pence, err
}

// MileagePence returns the rate a mile is paid at.
func (s *ClaimService) MileagePence(ctx context.Context) (int, error) {
	if err := claimReader(ctx); err != nil {
		return 0, err
	}
	var pence int
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		pence, err = tx.mileagePence()
		return err
	})
	return pence, err
}

// SetMileagePence changes the rate a mile for claims made from now.
func (s *ClaimService) SetMileagePence(ctx context.Context, pence int) error {
	if err := authorize(ctx, elective.ActionApproveClaims); err != nil {
		return err
	}
	if pence < 1 || pence > MaxMileagePence {
		var p elective.Problems
		p.Add("mileage_pence", "Enter the rate a mile in pence, from 1 to %d", MaxMileagePence)
		return p.Err("The mileage rate was not changed")
	}
	return s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO claim_setting (org_id, mileage_pence, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (org_id) DO UPDATE SET mileage_pence = excluded.mileage_pence, updated_at = excluded.updated_at`,
			orgID, pence, tx.now); err != nil {
			return err
		}
		return tx.audit("claim.mileage-rate", 0, "pence="+strconv.Itoa(pence))
	})
}
