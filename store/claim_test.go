package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// claimSetup loads the fixture trust and two members of staff: a
// consultant who works WLI sessions and a bank resident doctor.
func claimSetup(t *testing.T, db *store.DB) (consultant, resident *elective.StaffMember) {
	t.Helper()
	MustSetup(t, db)
	staff := store.NewStaffService(db)
	consultant = &elective.StaffMember{Title: "Mr", GivenName: "Adam", FamilyName: "Bone", Group: elective.StaffConsultant,
		Grade: "Consultant", FTEPercent: 100, ContractMaxShiftMinutes: 780, Active: true}
	resident = &elective.StaffMember{Title: "Dr", GivenName: "Rhea", FamilyName: "Bank", Group: elective.StaffResident,
		Grade: "ST4", FTEPercent: 100, ContractMaxShiftMinutes: 780, Active: true}
	for _, m := range []*elective.StaffMember{consultant, resident} {
		if err := staff.CreateStaffMember(as(rota), m); err != nil {
			t.Fatal(err)
		}
	}
	return consultant, resident
}

// Saturday 28 November 2026, hh:00 in London.
func saturday(hh int) time.Time { return today.AddDays(5).At(hh, 0, london) }

// A WLI claim, a mileage claim and an expense are submitted by the rota
// coordinator and decided by a manager: a rejection needs its reason, the
// submitter cannot approve their own, a claim is decided once. Bad input
// names the field and saves nothing. Mileage is priced at the rate of the
// day it was claimed.
func TestClaimSubmitAndDecide(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		consultant, _ := claimSetup(t, db)
		svc := store.NewClaimService(db)
		wli := &elective.Claim{Kind: elective.ClaimWLI, StaffID: consultant.ID, Date: today.AddDays(5), Start: saturday(8),
			End: saturday(12), PATenths: 10, Rate: elective.RatePremium, Note: "Extra knee list"}
		if err := svc.SubmitClaim(as(rota), wli); err != nil {
			t.Fatal(err)
		}
		if err := svc.SetMileagePence(as(manager), 45); err != nil {
			t.Fatal(err)
		}
		miles := &elective.Claim{Kind: elective.ClaimMileage, StaffID: consultant.ID, Date: today, Miles: 30}
		if err := svc.SubmitClaim(as(manager), miles); err != nil || miles.AmountPence != 1350 || miles.MileagePence != 45 {
			t.Fatalf("mileage = %+v, %v", miles, err)
		}
		wantCode(t, svc.SetMileagePence(as(manager), -1), elective.EINVALID)
		wantCode(t, svc.SetMileagePence(as(rota), 50), elective.EFORBIDDEN)

		before := count(t, db, "claim")
		for name, tt := range map[string]struct {
			c     *elective.Claim
			field string
		}{
			"negative amount": {&elective.Claim{Kind: elective.ClaimExpense, StaffID: consultant.ID, Date: today,
				ExpenseType: "Parking", AmountPence: -400, Receipt: "P1"}, "amount"},
			"end before start": {&elective.Claim{Kind: elective.ClaimWLI, StaffID: consultant.ID, Date: today,
				Start: saturday(12), End: saturday(8), PATenths: 10, Rate: elective.RatePlain}, "end"},
			"unknown staff": {&elective.Claim{Kind: elective.ClaimMileage, StaffID: 999, Date: today, Miles: 5}, "staff"},
		} {
			err := svc.SubmitClaim(as(rota), tt.c)
			wantCode(t, err, elective.EINVALID)
			if fs := elective.ErrorFields(err); len(fs) != 1 || fs[0].Field != tt.field {
				t.Errorf("%s: fields = %+v", name, fs)
			}
		}
		wantCode(t, svc.SubmitClaim(as(booker), &elective.Claim{Kind: elective.ClaimMileage, StaffID: consultant.ID, Date: today,
			Miles: 5}), elective.EFORBIDDEN)
		if n := count(t, db, "claim"); n != before {
			t.Errorf("%d claims after refusals, want %d", n, before)
		}

		if _, err := svc.DecideClaim(as(rota), wli.ID, true, ""); elective.ErrorCode(err) != elective.EFORBIDDEN {
			t.Errorf("rota approves: %v", err)
		}
		if _, err := svc.DecideClaim(as(manager), miles.ID, true, ""); elective.ErrorCode(err) != elective.EFORBIDDEN {
			t.Errorf("the submitter approves their own: %v", err)
		}
		_, err := svc.DecideClaim(as(manager), wli.ID, false, "")
		if wantCode(t, err, elective.EINVALID); elective.ErrorFields(err)[0].Field != "reason" {
			t.Errorf("reject without a reason: %+v", elective.ErrorFields(err))
		}
		got, err := svc.DecideClaim(as(manager), wli.ID, true, "")
		if err != nil || got.Status != elective.ClaimApproved || got.DecidedBy != "manager" || got.StaffName != "Mr A Bone" ||
			got.Minutes() != 240 || got.PATenths != 10 || got.Note != "Extra knee list" {
			t.Fatalf("approved = %+v, %v", got, err)
		}
		if _, err := svc.DecideClaim(as(manager), wli.ID, false, "late"); elective.ErrorCode(err) != elective.ECONFLICT {
			t.Errorf("decide twice: %v", err)
		}
		if _, err := svc.DecideClaim(as(manager), 999, true, ""); elective.ErrorCode(err) != elective.ENOTFOUND {
			t.Errorf("unknown claim: %v", err)
		}

		all, err := svc.FindClaims(as(rota), elective.ClaimFilter{})
		if err != nil || len(all) != 2 {
			t.Fatalf("claims = %d, %v", len(all), err)
		}
		if all[0].ID != wli.ID { // newest date first
			t.Errorf("order = %d, %d", all[0].ID, all[1].ID)
		}
		for name, f := range map[string]elective.ClaimFilter{
			"kind":   {Kind: elective.ClaimMileage},
			"status": {Status: elective.ClaimSubmitted},
			"month":  {Month: elective.MonthOf(today), Kind: elective.ClaimMileage},
		} {
			if cs, err := svc.FindClaims(as(manager), f); err != nil || len(cs) != 1 || cs[0].ID != miles.ID {
				t.Errorf("%s filter: %d claims, %v", name, len(cs), err)
			}
		}
		if cs, _ := svc.FindClaims(as(manager), elective.ClaimFilter{Month: elective.MonthOf(today).Next()}); len(cs) != 0 {
			t.Errorf("December: %d claims", len(cs))
		}
		if _, err := svc.FindClaims(as(doctor), elective.ClaimFilter{}); elective.ErrorCode(err) != elective.EFORBIDDEN {
			t.Errorf("a clinician reads claims: %v", err)
		}
	})
}

// Bank and agency requests start unfilled; a bank shift is filled by a
// member of staff, an agency shift names its agency; only filled, approved
// shifts go to payroll, with approved claims of the month by staff name.
func TestClaimShiftsAndPayroll(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		consultant, resident := claimSetup(t, db)
		svc := store.NewClaimService(db)
		bank := &elective.Claim{Kind: elective.ClaimBank, Date: today.AddDays(5), Start: saturday(20), End: saturday(20).Add(12 * time.Hour),
			Grade: "ST4", Reason: "Sickness on the night rota"}
		agency := &elective.Claim{Kind: elective.ClaimAgency, Date: today.AddDays(5), Start: saturday(8), End: saturday(20),
			Grade: "Band 5", Reason: "Ward vacancy"}
		unfilled := &elective.Claim{Kind: elective.ClaimAgency, Date: today.AddDays(6), Start: saturday(8).AddDate(0, 0, 1),
			End: saturday(20).AddDate(0, 0, 1), Grade: "Band 5", Reason: "Ward vacancy"}
		expense := &elective.Claim{Kind: elective.ClaimExpense, StaffID: consultant.ID, Date: today, ExpenseType: "Course fee",
			AmountPence: 25000, Receipt: "INV-77"}
		for _, c := range []*elective.Claim{bank, agency, unfilled, expense} {
			if err := svc.SubmitClaim(as(rota), c); err != nil {
				t.Fatal(err)
			}
			if c.Kind.Shift() && c.Fill != elective.FillRequested {
				t.Errorf("%s fill = %s", c.Kind, c.Fill)
			}
			if _, err := svc.DecideClaim(as(manager), c.ID, true, ""); err != nil {
				t.Fatal(err)
			}
		}
		_, err := svc.FillShift(as(rota), bank.ID, elective.FillFilled, 0, "")
		if wantCode(t, err, elective.EINVALID); elective.ErrorFields(err)[0].Field != "staff" {
			t.Errorf("bank fill without staff: %+v", elective.ErrorFields(err))
		}
		if c, err := svc.FillShift(as(rota), bank.ID, elective.FillFilled, resident.ID, ""); err != nil || c.StaffName != "Dr R Bank" ||
			c.Fill != elective.FillFilled {
			t.Fatalf("bank filled = %+v, %v", c, err)
		}
		if _, err := svc.FillShift(as(rota), agency.ID, elective.FillFilled, 0, ""); elective.ErrorCode(err) != elective.EINVALID {
			t.Errorf("agency fill without agency: %v", err)
		}
		if c, err := svc.FillShift(as(rota), agency.ID, elective.FillFilled, 0, "Medics Ltd"); err != nil || c.Agency != "Medics Ltd" {
			t.Fatalf("agency filled = %+v, %v", c, err)
		}
		if _, err := svc.FillShift(as(rota), unfilled.ID, elective.FillCancelled, 0, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.FillShift(as(rota), unfilled.ID, elective.FillFilled, 0, "Late Ltd"); elective.ErrorCode(err) != elective.ECONFLICT {
			t.Errorf("fill a cancelled request: %v", err)
		}
		if _, err := svc.FillShift(as(rota), expense.ID, elective.FillFilled, 0, ""); elective.ErrorCode(err) != elective.EINVALID {
			t.Errorf("fill an expense: %v", err)
		}

		if _, err := svc.ExportPayroll(as(rota), elective.MonthOf(today)); elective.ErrorCode(err) != elective.EFORBIDDEN {
			t.Errorf("rota exports payroll: %v", err)
		}
		pay, err := svc.ExportPayroll(as(manager), elective.MonthOf(today))
		if err != nil || len(pay) != 3 {
			t.Fatalf("payroll = %d claims, %v", len(pay), err)
		}
		// By staff family name (the agency worker under the agency): Bank,
		// Bone, Medics Ltd.
		if pay[0].ID != bank.ID || pay[1].ID != expense.ID || pay[2].ID != agency.ID || pay[0].StaffGrade != "ST4" {
			t.Errorf("payroll order = %d %d %d", pay[0].ID, pay[1].ID, pay[2].ID)
		}
		var audited int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM audit_event WHERE action = 'claim.export'`).Scan(&audited)
		if audited != 1 {
			t.Errorf("%d payroll exports audited", audited)
		}
	})
}
