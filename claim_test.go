package elective

import (
	"testing"
	"time"
)

func claimAt(hh, mm int) time.Time { return time.Date(2026, 11, 28, hh, mm, 0, 0, time.UTC) }

// goodClaims are one valid claim of each kind.
func goodClaims() map[ClaimKind]*Claim {
	d := MustParseDate("2026-11-28")
	return map[ClaimKind]*Claim{
		ClaimWLI: {Kind: ClaimWLI, StaffID: 1, Date: d, Start: claimAt(8, 0), End: claimAt(12, 0), PATenths: 10,
			Rate: RatePremium},
		ClaimBank: {Kind: ClaimBank, Date: d, Start: claimAt(20, 0), End: claimAt(20, 0).Add(13 * time.Hour), Grade: "ST4",
			Reason: "Sickness"},
		ClaimAgency: {Kind: ClaimAgency, Date: d, Start: claimAt(8, 0), End: claimAt(20, 0), Grade: "Band 5",
			Reason: "Vacancy", Agency: "Medics Ltd"},
		ClaimExpense: {Kind: ClaimExpense, StaffID: 1, Date: d, ExpenseType: "Course fee", AmountPence: 12500,
			Receipt: "R-991"},
		ClaimMileage: {Kind: ClaimMileage, StaffID: 1, Date: d, Miles: 42, MileagePence: 56},
	}
}

// TestClaimValidate: a good claim of each kind passes; bad input names
// its field (an end before the start, a negative amount, no PAs, no
// receipt, no staff member) and nothing more.
func TestClaimValidate(t *testing.T) {
	for k, c := range goodClaims() {
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
	for _, tt := range []struct {
		name  string
		kind  ClaimKind
		edit  func(*Claim)
		field string
	}{
		{"unknown kind", ClaimWLI, func(c *Claim) { c.Kind = "bonus" }, "kind"},
		{"no date", ClaimExpense, func(c *Claim) { c.Date = Date{} }, "date"},
		{"WLI without staff", ClaimWLI, func(c *Claim) { c.StaffID = 0 }, "staff"},
		{"WLI ends before it starts", ClaimWLI, func(c *Claim) { c.End = claimAt(7, 0) }, "end"},
		{"WLI with no PAs", ClaimWLI, func(c *Claim) { c.PATenths = 0 }, "pas"},
		{"WLI with negative PAs", ClaimWLI, func(c *Claim) { c.PATenths = -10 }, "pas"},
		{"WLI rate unknown", ClaimWLI, func(c *Claim) { c.Rate = "double" }, "rate"},
		{"bank with no grade", ClaimBank, func(c *Claim) { c.Grade = " " }, "grade"},
		{"bank shift too long", ClaimBank, func(c *Claim) { c.End = c.Start.Add(25 * time.Hour) }, "end"},
		{"agency with no reason", ClaimAgency, func(c *Claim) { c.Reason = "" }, "reason"},
		{"agency without start", ClaimAgency, func(c *Claim) { c.Start = time.Time{} }, "start"},
		{"negative expense", ClaimExpense, func(c *Claim) { c.AmountPence = -500 }, "amount"},
		{"expense of nothing", ClaimExpense, func(c *Claim) { c.AmountPence = 0 }, "amount"},
		{"expense type unknown", ClaimExpense, func(c *Claim) { c.ExpenseType = "Lunch out" }, "expense_type"},
		{"expense without receipt", ClaimExpense, func(c *Claim) { c.Receipt = "" }, "receipt"},
		{"negative miles", ClaimMileage, func(c *Claim) { c.Miles = -3 }, "miles"},
		{"mileage without staff", ClaimMileage, func(c *Claim) { c.StaffID = 0 }, "staff"},
	} {
		c := goodClaims()[tt.kind]
		tt.edit(c)
		fs := ErrorFields(c.Validate())
		if len(fs) != 1 || fs[0].Field != tt.field {
			t.Errorf("%s: fields = %+v, want only %s", tt.name, fs, tt.field)
		}
	}
}

// TestClaimDecide: approval needs no reason, rejection does; a decided
// claim cannot be decided again.
func TestClaimDecide(t *testing.T) {
	now := claimAt(9, 0)
	c := &Claim{Status: ClaimSubmitted}
	if err := c.Decide(false, "  ", "meg", now); ErrorCode(err) != EINVALID || ErrorFields(err)[0].Field != "reason" {
		t.Errorf("reject without reason: %v", err)
	}
	if c.Status != ClaimSubmitted {
		t.Fatalf("status changed to %s by a refused rejection", c.Status)
	}
	if err := c.Decide(false, "Not a WLI session: in job plan", "meg", now); err != nil || c.Status != ClaimRejected ||
		c.Decision != "Not a WLI session: in job plan" || c.DecidedBy != "meg" || !c.DecidedAt.Equal(now) {
		t.Errorf("reject: %v, %+v", err, c)
	}
	if err := c.Decide(true, "", "meg", now); ErrorCode(err) != ECONFLICT {
		t.Errorf("decide twice: %v", err)
	}
	ok := &Claim{Status: ClaimSubmitted}
	if err := ok.Decide(true, "", "meg", now); err != nil || ok.Status != ClaimApproved {
		t.Errorf("approve: %v, %s", err, ok.Status)
	}
}

// TestClaimPayable: approved claims are paid, shift requests only once
// filled.
func TestClaimPayable(t *testing.T) {
	for _, tt := range []struct {
		c    Claim
		want bool
	}{
		{Claim{Kind: ClaimWLI, Status: ClaimApproved}, true},
		{Claim{Kind: ClaimMileage, Status: ClaimSubmitted}, false},
		{Claim{Kind: ClaimExpense, Status: ClaimRejected}, false},
		{Claim{Kind: ClaimBank, Status: ClaimApproved, Fill: FillRequested}, false},
		{Claim{Kind: ClaimBank, Status: ClaimApproved, Fill: FillFilled}, true},
		{Claim{Kind: ClaimAgency, Status: ClaimApproved, Fill: FillCancelled}, false},
	} {
		if got := tt.c.Payable(); got != tt.want {
			t.Errorf("%s %s %s: payable %v, want %v", tt.c.Kind, tt.c.Status, tt.c.Fill, got, tt.want)
		}
	}
	if got := MileageAmount(42, DefaultMileagePence); got != 2352 {
		t.Errorf("42 miles at 56p = %d pence", got)
	}
}

// TestMonth: months parse, bound their days and step over the year end.
func TestMonth(t *testing.T) {
	m, err := ParseMonth("2026-12")
	if err != nil || m.First().String() != "2026-12-01" || m.Last().String() != "2026-12-31" || m.Next().String() != "2027-01" ||
		m.Prev().String() != "2026-11" || m.Label() != "December 2026" {
		t.Errorf("month = %+v (%v): %s..%s next %s", m, err, m.First(), m.Last(), m.Next())
	}
	if feb, _ := ParseMonth("2028-02"); feb.Last().Day != 29 {
		t.Errorf("February 2028 ends on %s", feb.Last())
	}
	if jan, _ := ParseMonth("2027-01"); jan.Prev().String() != "2026-12" {
		t.Errorf("before January 2027: %s", jan.Prev())
	}
	if _, err := ParseMonth("Nov 2026"); ErrorCode(err) != EINVALID {
		t.Errorf("bad month: %v", err)
	}
}
