package elective

import (
	"context"
	"strings"
	"time"
)

// ClaimKind is what a claim around the rota is for.
type ClaimKind string

// Claim kinds: light records, each approved once before payroll pays it.
const (
	ClaimWLI     ClaimKind = "wli"     // a waiting-list-initiative session worked
	ClaimBank    ClaimKind = "bank"    // a shift to fill from the trust's bank
	ClaimAgency  ClaimKind = "agency"  // a shift to fill from an agency
	ClaimExpense ClaimKind = "expense" // an expense with a receipt
	ClaimMileage ClaimKind = "mileage" // business miles at the trust's rate
)

// ClaimKinds lists the kinds in the order pages show them.
var ClaimKinds = []ClaimKind{ClaimWLI, ClaimBank, ClaimAgency, ClaimExpense, ClaimMileage}

// Label is the kind's name for staff.
func (k ClaimKind) Label() string {
	switch k {
	case ClaimWLI:
		return "Waiting-list initiative"
	case ClaimBank:
		return "Bank shift"
	case ClaimAgency:
		return "Agency shift"
	case ClaimExpense:
		return "Expense"
	case ClaimMileage:
		return "Mileage"
	}
	return string(k)
}

// Valid reports whether k is one of ClaimKinds.
func (k ClaimKind) Valid() bool { return inList(ClaimKinds, k) }

// Shift reports whether the kind is a request to cover a shift.
func (k ClaimKind) Shift() bool { return k == ClaimBank || k == ClaimAgency }

// Timed reports whether the kind has a start and end time.
func (k ClaimKind) Timed() bool { return k == ClaimWLI || k.Shift() }

// ClaimStatus is where a claim is in its one approval step.
type ClaimStatus string

// Claim statuses.
const (
	ClaimSubmitted ClaimStatus = "submitted"
	ClaimApproved  ClaimStatus = "approved"
	ClaimRejected  ClaimStatus = "rejected"
)

// ClaimStatuses lists the statuses in order.
var ClaimStatuses = []ClaimStatus{ClaimSubmitted, ClaimApproved, ClaimRejected}

// Label is the status's name for staff.
func (s ClaimStatus) Label() string {
	switch s {
	case ClaimSubmitted:
		return "Awaiting approval"
	case ClaimApproved:
		return "Approved"
	case ClaimRejected:
		return "Rejected"
	}
	return string(s)
}

// FillStatus is whether a bank or agency request has found someone.
type FillStatus string

// Fill statuses of a shift request.
const (
	FillRequested FillStatus = "requested"
	FillFilled    FillStatus = "filled"
	FillCancelled FillStatus = "cancelled"
)

// Label is the fill status's name for staff.
func (s FillStatus) Label() string {
	switch s {
	case FillRequested:
		return "Requested"
	case FillFilled:
		return "Filled"
	case FillCancelled:
		return "Cancelled"
	}
	return string(s)
}

// RateType is the pay rate a WLI session is claimed at.
type RateType string

// Rate types: plain time is Monday to Friday 08:00-20:00; premium time is
// outside it (rules.md 4.1); bank holidays are paid apart.
const (
	RatePlain       RateType = "plain"
	RatePremium     RateType = "premium"
	RateBankHoliday RateType = "bank-holiday"
)

// RateTypes lists the rate types.
var RateTypes = []RateType{RatePlain, RatePremium, RateBankHoliday}

// Label is the rate's name for staff.
func (r RateType) Label() string {
	switch r {
	case RatePlain:
		return "Plain time"
	case RatePremium:
		return "Premium time"
	case RateBankHoliday:
		return "Bank holiday"
	}
	return string(r)
}

// ExpenseTypes are what an expense may be for.
var ExpenseTypes = []string{"Travel", "Parking", "Subsistence", "Accommodation", "Course fee", "Other"}

// DefaultMileagePence is the mileage rate until the trust sets its own:
// 56p a mile, the NHS Agenda for Change standard rate for the first 3,500
// miles a year.
const DefaultMileagePence = 56

// Claim is one waiting-list-initiative session, bank or agency shift
// request, expense or mileage claim: submitted, then approved or rejected
// once (a rejection gives its reason), and exported for payroll in the
// month of its date when approved.
type Claim struct {
	ID      int64
	Kind    ClaimKind
	StaffID int64 // who claims, or who filled a bank shift; 0 for agency staff
	Date    Date  // the session, shift or expense date
	Start   time.Time
	End     time.Time

	PATenths int      // WLI: programmed activities claimed, in tenths (15 = 1.5 PAs)
	Rate     RateType // WLI

	Grade  string     // bank/agency: the grade needed
	Reason string     // bank/agency: why cover is needed
	Fill   FillStatus // bank/agency
	Agency string     // agency: the agency's name

	ExpenseType  string // expense
	AmountPence  int64  // expense: as claimed; mileage: Miles × MileagePence
	Miles        int    // mileage
	MileagePence int    // mileage: the rate per mile when it was claimed
	Receipt      string // expense: the receipt's reference
	Note         string

	Status      ClaimStatus
	Decision    string // the reason given with a rejection (or an approval note)
	SubmittedBy string // username
	SubmittedAt time.Time
	DecidedBy   string
	DecidedAt   time.Time

	// Joined for display.
	StaffName  string
	StaffGrade string
}

// Minutes is the session or shift length.
func (c *Claim) Minutes() int {
	if c.Start.IsZero() || c.End.IsZero() {
		return 0
	}
	return int(c.End.Sub(c.Start) / time.Minute)
}

// Validate checks a new claim's fields by kind, naming each bad one for
// the form; the store checks the staff member exists and sets the amount
// of a mileage claim. Amounts are never negative.
func (c *Claim) Validate() error {
	var p Problems
	if !c.Kind.Valid() {
		p.Add("kind", "Choose what the claim is for")
		return p.Err("The claim was not saved: check the fields marked")
	}
	if c.Date.IsZero() {
		p.Add("date", "Enter the date")
	}
	if c.StaffID == 0 && (c.Kind == ClaimWLI || c.Kind == ClaimExpense || c.Kind == ClaimMileage) {
		p.Add("staff", "Choose the member of staff")
	}
	if c.Kind.Timed() {
		switch {
		case c.Start.IsZero():
			p.Add("start", "Enter the start time")
		case c.End.IsZero():
			p.Add("end", "Enter the end time")
		case !c.End.After(c.Start):
			p.Add("end", "The end time must be after the start time")
		case c.End.Sub(c.Start) > 24*time.Hour:
			p.Add("end", "A session or shift can last at most 24 hours")
		}
	}
	switch c.Kind {
	case ClaimWLI:
		if c.PATenths <= 0 || c.PATenths > 120 {
			p.Add("pas", "Enter the programmed activities claimed, more than 0 and at most 12")
		}
		if !inList(RateTypes, c.Rate) {
			p.Add("rate", "Choose the rate type")
		}
	case ClaimBank, ClaimAgency:
		if strings.TrimSpace(c.Grade) == "" {
			p.Add("grade", "Enter the grade needed")
		}
		if strings.TrimSpace(c.Reason) == "" {
			p.Add("reason", "Enter why cover is needed")
		}
	case ClaimExpense:
		if !inList(ExpenseTypes, c.ExpenseType) {
			p.Add("expense_type", "Choose the type of expense")
		}
		if c.AmountPence <= 0 || c.AmountPence > 1_000_000 {
			p.Add("amount", "Enter the amount in pounds, more than £0 and at most £10,000")
		}
		if strings.TrimSpace(c.Receipt) == "" {
			p.Add("receipt", "Enter the receipt reference")
		}
	case ClaimMileage:
		if c.Miles <= 0 || c.Miles > 2000 {
			p.Add("miles", "Enter the miles driven, more than 0 and at most 2,000")
		}
		if c.MileagePence <= 0 {
			p.Add("miles", "The mileage rate is not set")
		}
	}
	return p.Err("The claim was not saved: check the fields marked")
}

// MileageAmount is the pay for miles at pence a mile.
func MileageAmount(miles, pence int) int64 { return int64(miles) * int64(pence) }

// Decide approves or rejects a submitted claim, checking the decision: a
// rejection needs its reason, and a claim is decided once only.
func (c *Claim) Decide(approve bool, reason, by string, at time.Time) error {
	if c.Status != ClaimSubmitted {
		return Errorf(ECONFLICT, "This claim has already been %s", strings.ToLower(c.Status.Label()))
	}
	if !approve && strings.TrimSpace(reason) == "" {
		var p Problems
		p.Add("reason", "Enter why the claim is rejected")
		return p.Err("The claim was not rejected: give the reason")
	}
	c.Status, c.Decision, c.DecidedBy, c.DecidedAt = ClaimRejected, strings.TrimSpace(reason), by, at
	if approve {
		c.Status = ClaimApproved
	}
	return nil
}

// Payable reports whether an approved claim goes to payroll: a shift
// request only once it was filled.
func (c *Claim) Payable() bool {
	return c.Status == ClaimApproved && (!c.Kind.Shift() || c.Fill == FillFilled)
}

// Month is a calendar month, for claims filters and the payroll export.
type Month struct {
	Year  int
	Month time.Month
}

// ParseMonth reads "2026-11".
func ParseMonth(s string) (Month, error) {
	d, err := ParseDate(strings.TrimSpace(s) + "-01")
	if err != nil {
		return Month{}, Errorf(EINVALID, "Enter the month as YYYY-MM, for example 2026-11")
	}
	return Month{d.Year, d.Month}, nil
}

// MonthOf is the month a date falls in.
func MonthOf(d Date) Month { return Month{d.Year, d.Month} }

// First is the month's first day.
func (m Month) First() Date { return NewDate(m.Year, m.Month, 1) }

// Last is the month's last day.
func (m Month) Last() Date { return m.Next().First().AddDays(-1) }

// Next is the month after.
func (m Month) Next() Month {
	if m.Month == time.December {
		return Month{m.Year + 1, time.January}
	}
	return Month{m.Year, m.Month + 1}
}

// Prev is the month before.
func (m Month) Prev() Month {
	if m.Month == time.January {
		return Month{m.Year - 1, time.December}
	}
	return Month{m.Year, m.Month - 1}
}

// String is "2026-11".
func (m Month) String() string { return m.First().String()[:7] }

// IsZero reports whether no month is set.
func (m Month) IsZero() bool { return m.Year == 0 }

// Label is "November 2026".
func (m Month) Label() string { return m.First().Format("January 2006") }

// ClaimFilter narrows the claims list. Zero fields do not filter.
type ClaimFilter struct {
	Kind    ClaimKind
	Status  ClaimStatus
	Month   Month // by the claim's date
	StaffID int64
}

// ClaimService keeps WLI claims, bank and agency requests, expenses and
// mileage, with one approval step and the payroll export.
type ClaimService interface {
	// SubmitClaim checks and saves a claim as submitted: EINVALID naming
	// the bad fields (an unknown staff member is the field "staff"). A
	// mileage claim is priced at the trust's rate now.
	SubmitClaim(ctx context.Context, c *Claim) error
	// FindClaims returns claims matching f, newest date first.
	FindClaims(ctx context.Context, f ClaimFilter) ([]*Claim, error)
	// DecideClaim approves or rejects a submitted claim: ENOTFOUND,
	// ECONFLICT if already decided, EINVALID for a rejection without a
	// reason, EFORBIDDEN for the submitter's own claim.
	DecideClaim(ctx context.Context, id int64, approve bool, reason string) (*Claim, error)
	// FillShift records a bank or agency request filled (by staffID or an
	// agency worker) or cancelled: ENOTFOUND, EINVALID.
	FillShift(ctx context.Context, id int64, fill FillStatus, staffID int64, agency string) (*Claim, error)
	// ExportPayroll returns the payable approved claims dated in month m,
	// by staff and date, and audits the export.
	ExportPayroll(ctx context.Context, m Month) ([]*Claim, error)
	// MileagePence returns the rate a mile is paid at.
	MileagePence(ctx context.Context) (int, error)
	// SetMileagePence changes the rate for claims made from now: EINVALID.
	SetMileagePence(ctx context.Context, pence int) error
}

func inList[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
