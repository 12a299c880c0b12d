package store_test

import (
	"testing"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/store"
)

// TestExceptionReports: a doctor reports that a rostered duty ran late
// (rules.md 4.3, Oversight); the duty is picked from their rota and its
// rostered times copied in; bad reports are refused and save nothing; the
// guardian's list filters by status and team; the manager agrees an outcome
// once, a reason being needed for no action; both steps are audited.
func TestExceptionReports(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *store.DB) {
		MustSetup(t, db)
		team := mustResidentTeam(t, db)
		rotas := store.NewRotaService(db)
		svc := store.NewExceptionReportService(db)
		if err := rotas.CreateShiftType(as(rota), &elective.ShiftType{Team: residents, Code: "XL", Name: "Extra long day", StartMinute: 480, Minutes: 750, Breaks: 3}); err != nil {
			t.Fatal(err)
		}
		r := &elective.Rota{Team: residents, Name: "Exceptions", From: today.AddDays(-7), To: today.AddDays(6)}
		if err := rotas.CreateRota(as(rota), r); err != nil {
			t.Fatal(err)
		}
		day := today.AddDays(-2)
		doc := team[5]
		if err := rotas.SetDuty(as(rota), r.ID, elective.RotaDuty{StaffID: doc.ID, Date: day, ShiftCode: "XL"}, ""); err != nil {
			t.Fatal(err)
		}
		duties, err := svc.ExceptionDuties(as(booker), doc.ID, today.AddDays(-14), today)
		if err != nil || len(duties) != 1 || duties[0].ShiftCode != "XL" || duties[0].RotaID != r.ID {
			t.Fatalf("duties = %+v, %v", duties, err)
		}
		d := duties[0]
		if got := d.End.Sub(d.Start); got != 750*time.Minute {
			t.Fatalf("rostered %v", got)
		}
		late := &elective.ExceptionReport{RotaID: r.ID, StaffID: doc.ID, Date: day, Kind: elective.ExceptionHours,
			ActualStart: d.Start, ActualEnd: d.End.Add(90 * time.Minute), WhatHappened: "Stayed to hand over a sick patient", Why: "Handover ran late"}
		bad := *late
		bad.Why, bad.ActualEnd = "", d.Start.Add(-time.Hour)
		err = svc.CreateExceptionReport(as(booker), &bad)
		if f := elective.ErrorFields(err); len(f) != 2 {
			t.Fatalf("bad report: %v %+v", err, f)
		}
		elsewhere := *late
		elsewhere.Date = day.AddDays(1)
		wantCode(t, svc.CreateExceptionReport(as(booker), &elsewhere), elective.ENOTFOUND)
		if n := count(t, db, "exception_report"); n != 0 {
			t.Fatalf("refused reports saved %d rows", n)
		}
		if err := svc.CreateExceptionReport(as(booker), late); err != nil {
			t.Fatal(err)
		}
		got, err := svc.FindExceptionReport(as(rota), late.ID)
		if err != nil || got.Status != elective.ExceptionOpen || got.ShiftCode != "XL" || got.ExtraMinutes() != 90 ||
			got.ReportedBy != booker.Name || got.Team != residents || got.StaffName != doc.DisplayName() || !got.RosteredStart.Equal(d.Start) {
			t.Fatalf("report = %+v, %v", got, err)
		}
		for _, c := range []struct {
			f    elective.ExceptionReportFilter
			want int
		}{{elective.ExceptionReportFilter{}, 1}, {elective.ExceptionReportFilter{Status: elective.ExceptionOpen, Team: residents}, 1},
			{elective.ExceptionReportFilter{Status: elective.ExceptionClosed}, 0}, {elective.ExceptionReportFilter{Team: "Other"}, 0}} {
			if list, err := svc.FindExceptionReports(as(rota), c.f); err != nil || len(list) != c.want {
				t.Errorf("%+v: %d reports, %v", c.f, len(list), err)
			}
		}
		_, err = svc.AgreeExceptionOutcome(as(rota), late.ID, elective.ExceptionDecision{Outcome: elective.OutcomeTOIL})
		wantCode(t, err, elective.EFORBIDDEN)
		_, err = svc.AgreeExceptionOutcome(as(manager), late.ID, elective.ExceptionDecision{Outcome: elective.OutcomeNoAction})
		if f := elective.ErrorFields(err); len(f) != 1 || f[0].Field != "note" {
			t.Fatalf("no action without a reason: %v %+v", err, f)
		}
		closed, err := svc.AgreeExceptionOutcome(as(manager), late.ID, elective.ExceptionDecision{Outcome: elective.OutcomeTOIL, Note: "90 minutes"})
		if err != nil || closed.Status != elective.ExceptionClosed || closed.Outcome != elective.OutcomeTOIL || closed.OutcomeBy != manager.Name || closed.OutcomeAt.IsZero() {
			t.Fatalf("closed = %+v, %v", closed, err)
		}
		_, err = svc.AgreeExceptionOutcome(as(manager), late.ID, elective.ExceptionDecision{Outcome: elective.OutcomePayment})
		wantCode(t, err, elective.ECONFLICT)
		_, err = svc.AgreeExceptionOutcome(as(manager), 999999, elective.ExceptionDecision{Outcome: elective.OutcomePayment})
		wantCode(t, err, elective.ENOTFOUND)
		if n := count(t, db, "audit_event WHERE action = 'rota.exception-report'"); n != 1 {
			t.Errorf("%d report audit events", n)
		}
		if n := count(t, db, "audit_event WHERE action = 'rota.exception-outcome'"); n != 1 {
			t.Errorf("%d outcome audit events", n)
		}
	})
}
