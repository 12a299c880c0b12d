package store_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestReportService_PTLSummary counts a hand-made PTL: every boundary of
// rules.md 1.11 on one side or the other.
func TestReportService_PTLSummary(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		// Trauma and orthopaedics (110): waits of 0, 126, 127, 365, 456,
		// 547 and 729 days. Breast surgery (103): 10 days.
		for i, days := range []int{0, 126, 127, 365, 456, 547, 729} {
			MustRegister(t, db, i+1, today.AddDays(-days))
		}
		MustRegister(t, db, 20, today.AddDays(-10), func(r *elective.ReferralRegistration) { r.Referral.SpecialtyID = 2 })
		svc := store.NewReportService(db)
		sum, err := svc.PTLSummary(as(booker), today)
		if err != nil {
			t.Fatal(err)
		}
		if len(sum.Lines) != 2 || sum.Lines[0].Code != "103" || sum.Lines[1].Code != "110" ||
			sum.Lines[1].Name != "Trauma and Orthopaedics" || sum.Census != today {
			t.Fatalf("lines = %+v, want 103 then 110", sum.Lines)
		}
		to := sum.Lines[1]
		want := elective.PTLSummaryLine{SpecialtyID: 1, Code: "110", Name: "Trauma and Orthopaedics",
			Open: 7, Within18: 2, Over52: 4, Over65: 3, Over78: 2, Over104: 1}
		for k, n := range map[int]int{0: 1, 17: 1, 18: 1, 52: 1, 65: 1, 78: 1, 104: 1} {
			want.Bands[k] = n
		}
		if to != want {
			t.Errorf("110 line = %+v,\nwant %+v", to, want)
		}
		if br := sum.Lines[0]; br.Open != 1 || br.Within18 != 1 || br.Bands[1] != 1 {
			t.Errorf("103 line = %+v, want 1 open in band 1-2", br)
		}
		if tot := sum.Total; tot.Open != 8 || tot.Within18 != 3 || tot.Over52 != 4 || tot.Name != "Total" ||
			tot.Bands[1] != 1 || tot.Bands[104] != 1 || tot.Percent18() != 37.5 {
			t.Errorf("total = %+v", tot)
		}
		// At an earlier census the clocks started since were not waiting.
		past, err := svc.PTLSummary(as(booker), today.AddDays(-127))
		if err != nil || past.Total.Open != 5 {
			t.Errorf("summary 127 days ago: %d open, %v; want 5", past.Total.Open, err)
		}
		if n := auditCount(t, db, "report.summary"); n != 2 {
			t.Errorf("report.summary audited %d times, want 2", n)
		}
		_, err = svc.PTLSummary(as(rota), today)
		wantCode(t, err, elective.EFORBIDDEN)
		_, err = svc.PTLSummary(as(booker), elective.Date{})
		wantCode(t, err, elective.EINVALID)
	})
}

// TestReportService_MonthlyReturn: a past month end is derived from the
// event log as it was: a pathway treated since still counts, a period that
// a first-appointment DNA nullified never counts, and a clock started
// later does not count yet.
func TestReportService_MonthlyReturn(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		treated := MustRegister(t, db, 1, today.AddDays(-40)) // 14 October
		dna := MustRegister(t, db, 2, today.AddDays(-40))
		MustRegister(t, db, 3, today.AddDays(-10)) // 13 November
		a := MustBook(t, db, treated.PathwayID, elective.SlotNew)
		b := MustBook(t, db, dna.PathwayID, elective.SlotNew)
		sendLetters(t, db)
		attendOn(t, db, b)
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: a.ID, Status: elective.AppointmentAttended,
			RTTStatus: elective.RTTTreatment, Outcome: elective.OutcomeDischarged}); err != nil {
			t.Fatal(err)
		}
		if err := outcome(t, db, &elective.AppointmentOutcome{AppointmentID: b.ID, Status: elective.AppointmentDNA}); err != nil {
			t.Fatal(err)
		}
		svc := store.NewReportService(db)
		oct, err := svc.MonthlyReturn(as(booker), elective.MustParseDate("2026-10-31"))
		if err != nil {
			t.Fatal(err)
		}
		// Only the treated pathway: 17 days on 31 October, band 2-3.
		if len(oct.Lines) != 1 || oct.Total.Open != 1 || oct.Lines[0].Bands[2] != 1 || oct.Lines[0].Code != "110" {
			t.Fatalf("October return = %+v", oct)
		}
		// Today the return agrees with the live PTL: only the late referral.
		now, err := svc.MonthlyReturn(as(booker), today)
		if err != nil {
			t.Fatal(err)
		}
		live, err := svc.PTLSummary(as(booker), today)
		if err != nil {
			t.Fatal(err)
		}
		if now.Total != live.Total || now.Total.Open != 1 || now.Total.Bands[1] != 1 {
			t.Errorf("return at today %+v differs from the live PTL %+v", now.Total, live.Total)
		}
		if n := auditCount(t, db, "report.monthly-return"); n != 2 {
			t.Errorf("report.monthly-return audited %d times, want 2", n)
		}
		_, err = svc.MonthlyReturn(as(rota), today)
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// TestReportService_Trend: one point per month end for the trust and each
// specialty, the trust's the sum of the specialties', cached for the day.
func TestReportService_Trend(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		MustRegister(t, db, 1, elective.MustParseDate("2026-08-15"))
		MustRegister(t, db, 2, elective.MustParseDate("2026-03-01")) // 244 days on 31 October: breached
		MustRegister(t, db, 3, elective.MustParseDate("2026-09-10"), func(r *elective.ReferralRegistration) { r.Referral.SpecialtyID = 2 })
		svc := store.NewReportService(db)
		trends, err := svc.Trend(as(booker), today, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(trends) != 3 || trends[0].SpecialtyID != 0 || trends[1].SpecialtyID != 2 || trends[2].SpecialtyID != 1 {
			t.Fatalf("trends = %+v, want the trust then 103 then 110", trends)
		}
		ends := []string{"2026-08-31", "2026-09-30", "2026-10-31"}
		wantOpen := [][]int{{2, 3, 3}, {0, 1, 1}, {2, 2, 2}}
		for i, tr := range trends {
			if len(tr.Points) != 3 {
				t.Fatalf("%s has %d points, want 3", tr.Name, len(tr.Points))
			}
			for j, p := range tr.Points {
				if p.MonthEnd.String() != ends[j] || p.Open != wantOpen[i][j] {
					t.Errorf("%s point %d = %+v, want %s with %d open", tr.Name, j, p, ends[j], wantOpen[i][j])
				}
			}
		}
		for j := range 3 {
			if sum := trends[1].Points[j].Within18 + trends[2].Points[j].Within18; trends[0].Points[j].Within18 != sum {
				t.Errorf("trust within 18 at %s = %d, specialties sum to %d", ends[j], trends[0].Points[j].Within18, sum)
			}
		}
		if p := trends[0].Points[2]; p.Within18 != 2 || p.Percent18() < 66 || p.Percent18() > 67 {
			t.Errorf("trust at 31 October = %+v (%.1f%%), want 2 of 3 within 18 weeks", p, p.Percent18())
		}

		// A late referral dated in the past changes history; the cache keeps
		// today's trend until tomorrow.
		MustRegister(t, db, 4, elective.MustParseDate("2026-07-01"))
		again, _ := svc.Trend(as(booker), today, 3)
		if again[0].Points[0].Open != 2 {
			t.Errorf("cached trend changed within the day: %+v", again[0].Points)
		}
		tomorrow, _ := svc.Trend(as(booker), today.AddDays(1), 3)
		if tomorrow[0].Points[0].Open != 3 {
			t.Errorf("trend of the next day = %+v, want the late referral counted", tomorrow[0].Points)
		}

		// Month ends cross the year: January's trend ends in December.
		jan, err := svc.Trend(as(booker), elective.MustParseDate("2027-01-01"), 3)
		if err != nil || jan[0].Points[0].MonthEnd.String() != "2026-10-31" || jan[0].Points[2].MonthEnd.String() != "2026-12-31" {
			t.Errorf("January trend = %+v, %v", jan[0].Points, err)
		}

		_, err = svc.Trend(as(rota), today, 3)
		wantCode(t, err, elective.EFORBIDDEN)
		_, err = svc.Trend(as(booker), today, 0)
		wantCode(t, err, elective.EINVALID)
	})
}

// TestReportService_ExportPTL streams every matching row, past the page
// size, in the filter's order, and audits the export once.
func TestReportService_ExportPTL(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		for i := range 55 {
			MustRegister(t, db, i+1, today.AddDays(-i))
		}
		breast := MustRegister(t, db, 60, today.AddDays(-300), func(r *elective.ReferralRegistration) { r.Referral.SpecialtyID = 2 })
		svc := store.NewReportService(db)
		var got []*elective.PTLEntry
		err := svc.ExportPTL(as(booker), elective.PTLFilter{Census: today, Limit: 10, Offset: 5},
			func(e *elective.PTLEntry) error { got = append(got, e); return nil })
		if err != nil || len(got) != 56 {
			t.Fatalf("export: %d rows, %v; want 56 (no paging)", len(got), err)
		}
		if got[0].PathwayID != breast.PathwayID || got[0].DaysWaited != 300 || got[0].Band != "42-43" ||
			got[0].PatientName == "" || got[0].NHSNumber == "" || got[0].SpecialtyName != "Breast Surgery" {
			t.Errorf("first row = %+v, want the longest wait", got[0])
		}
		for i := 1; i < len(got); i++ {
			if got[i].ClockStart.Before(got[i-1].ClockStart) {
				t.Fatalf("rows out of order at %d", i)
			}
		}
		got = got[:0]
		err = svc.ExportPTL(as(booker), elective.PTLFilter{Census: today, SpecialtyID: 2},
			func(e *elective.PTLEntry) error { got = append(got, e); return nil })
		if err != nil || len(got) != 1 {
			t.Errorf("filtered export: %d rows, %v; want 1", len(got), err)
		}
		stop := errors.New("client went away")
		if err := svc.ExportPTL(as(booker), elective.PTLFilter{Census: today},
			func(*elective.PTLEntry) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("export whose consumer fails = %v, want its error", err)
		}
		if n := auditCount(t, db, "ptl.export"); n != 3 {
			t.Errorf("ptl.export audited %d times, want 3", n)
		}
		err = svc.ExportPTL(as(rota), elective.PTLFilter{Census: today}, func(*elective.PTLEntry) error { return nil })
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// TestReportService_ExportWLMDS fills a record's national fields from the
// PTL row and what it joins.
func TestReportService_ExportWLMDS(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		ref := MustRegister(t, db, 1, today.AddDays(-130), func(r *elective.ReferralRegistration) {
			r.Referral.ClinicianID, r.Referral.SiteID, r.Referral.Priority = 1, 1, elective.PriorityUrgent
		})
		MustRegister(t, db, 2, today.AddDays(-3), func(r *elective.ReferralRegistration) {
			r.Referral.SpecialtyID, r.Referral.Priority = 2, elective.PriorityTwoWeekWait
		})
		appt := MustBook(t, db, ref.PathwayID, elective.SlotNew)
		svc := store.NewReportService(db)
		var got []*elective.WLMDSRecord
		if err := svc.ExportWLMDS(as(booker), today, func(r *elective.WLMDSRecord) error { got = append(got, r); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("%d records, want 2", len(got))
		}
		r := got[0]
		sunday := elective.MustParseDate("2026-11-29")
		want := elective.WLMDSRecord{
			WeekEndingDate: sunday, WaitingListType: "outpatient-new", NHSNumber: r.NHSNumber, LocalPatientIdentifier: r.LocalPatientIdentifier,
			PersonBirthDate: elective.MustParseDate("1961-04-12"), PersonStatedGenderCode: "2",
			ReferralRequestReceivedDate: today.AddDays(-130), ReferralIdentifier: strconv.FormatInt(ref.ID, 10),
			PatientPathwayIdentifier: r.PatientPathwayIdentifier, PPIDIssuer: "RXX", SourceOfReferral: "paper",
			OrganisationCodeOfProvider: "RXX", SiteCodeOfTreatment: "RXX01", ActivityTreatmentFunctionCode: "110",
			ConsultantCode: "C9000001", RTTPeriodStartDate: today.AddDays(-130), RTTPeriodStatus: r.RTTPeriodStatus,
			PriorityTypeCode: "2", OutpatientFutureAppointmentDate: elective.DateOf(appt.Start, london),
			WeeksWaited: 19, // 136 days on Sunday 29 November
		}
		if *r != want {
			t.Errorf("record =\n%+v\nwant\n%+v", *r, want)
		}
		if len(r.NHSNumber) != 10 || len(r.PatientPathwayIdentifier) != 20 || r.LocalPatientIdentifier == "" || r.RTTPeriodStatus == "" {
			t.Errorf("identifiers missing: %+v", r)
		}
		if c := got[1]; c.PriorityTypeCode != "3" || c.ActivityTreatmentFunctionCode != "103" || c.ConsultantCode != "" ||
			c.WeeksWaited != 1 || !c.OutpatientFutureAppointmentDate.IsZero() {
			t.Errorf("second record = %+v", c)
		}
		if n := auditCount(t, db, "wlmds.export"); n != 1 {
			t.Errorf("wlmds.export audited %d times, want 1", n)
		}
		err := svc.ExportWLMDS(as(rota), today, func(*elective.WLMDSRecord) error { return nil })
		wantCode(t, err, elective.EFORBIDDEN)
	})
}

// auditCount returns how many audit events of an action there are.
func auditCount(t *testing.T, db *store.DB, action string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(db.Rebind(`SELECT COUNT(*) FROM audit_event WHERE action = ?`), action).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
