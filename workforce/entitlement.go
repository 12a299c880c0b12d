package workforce

import (
	"math"
	"time"

	"github.com/openelective/elective"
)

// LeaveYearStartMonth is when the leave year begins: 1 April, as the NHS
// financial year. A trust with another leave year changes it here; it is
// not a setting, to keep balances comparable.
const LeaveYearStartMonth = time.April

// LeaveYear is the leave year that includes d: 1 April to 31 March.
func LeaveYear(d elective.Date) (start, end elective.Date) {
	y := d.Year
	if d.Month < LeaveYearStartMonth {
		y--
	}
	start = elective.NewDate(y, LeaveYearStartMonth, 1)
	return start, elective.NewDate(y+1, LeaveYearStartMonth, 1).AddDays(-1)
}

// serviceYears is the whole years of service at on.
func serviceYears(start, on elective.Date) int {
	if start.IsZero() || start.After(on) {
		return 0
	}
	n := on.Year - start.Year
	if on.Month < start.Month || (on.Month == start.Month && on.Day < start.Day) {
		n--
	}
	return n
}

// DefaultEntitlement is a member's leave for the leave year starting
// yearStart, by group, grade and service at the start of the year, pro
// rata to the share of full time and rounded to the nearest half day
// (rules.md 4.2; bank holidays are on top):
//
//   - consultant: 32 days, 34 after 7 years as a consultant; study and
//     professional leave 30 days in 3 years, 10 a year;
//   - SAS doctor: 27 days, 32 after 2 years' service; study 10 a year
//     (career grade, as consultants);
//   - resident doctor: 27 days, 32 after 5 years' NHS service (an
//     assumption: rules.md leaves the 2016 increments unconfirmed, and the
//     2016 terms give 32 after 5 years); study 15 days for FY1, 30 for
//     every other grade;
//   - nurse and other staff: Agenda for Change, 27 days, 29 after 5 years
//     and 33 after 10 (an assumption: rules.md does not cover them); no
//     study leave by default (agreed locally).
func DefaultEntitlement(m *elective.StaffMember, yearStart elective.Date) elective.LeaveEntitlement {
	years := serviceYears(m.ServiceStart, yearStart)
	var annual, study float64
	switch m.Group {
	case elective.StaffConsultant:
		annual, study = step(years, 32, 7, 34), 10
	case elective.StaffSAS:
		annual, study = step(years, 27, 2, 32), 10
	case elective.StaffResident:
		annual, study = step(years, 27, 5, 32), 30
		if m.Grade == "FY1" {
			study = 15
		}
	default:
		annual = step(years, 27, 5, 29)
		if years >= 10 {
			annual = 33
		}
	}
	fte := float64(m.FTEPercent) / 100
	if m.FTEPercent == 0 {
		fte = 1
	}
	return elective.LeaveEntitlement{StaffID: m.ID, YearStart: yearStart, AnnualDays: halfDays(annual * fte),
		StudyDays: halfDays(study * fte)}
}

func step(years int, base float64, after int, then float64) float64 {
	if years >= after {
		return then
	}
	return base
}

// halfDays rounds to the nearest half day.
func halfDays(d float64) float64 { return math.Round(d*2) / 2 }

// Balance totals a member's requests in the entitlement's leave year:
// approved annual, study and professional leave is taken, requested leave
// is shown apart, and approved sickness is counted. Declined and
// cancelled requests count for nothing.
func Balance(e elective.LeaveEntitlement, reqs []*elective.LeaveRequest, holiday Holiday) *elective.LeaveBalance {
	_, end := LeaveYear(e.YearStart)
	b := &elective.LeaveBalance{Entitlement: e, YearEnd: end}
	for _, r := range reqs {
		if r.To.Before(e.YearStart) || r.From.After(end) {
			continue
		}
		days := WorkingDays(r, e.YearStart, end, holiday)
		approved := r.Status == elective.LeaveApproved
		if r.Status != elective.LeaveRequested && !approved {
			continue
		}
		switch r.Type {
		case elective.LeaveAnnual:
			add(&b.AnnualTaken, &b.AnnualRequested, approved, days)
		case elective.LeaveStudy, elective.LeaveProfessional:
			add(&b.StudyTaken, &b.StudyRequested, approved, days)
		case elective.LeaveSick:
			if approved {
				b.SickDays += days
			}
		}
	}
	return b
}

func add(taken, requested *float64, approved bool, days float64) {
	if approved {
		*taken += days
	} else {
		*requested += days
	}
}

// After is the leave of the request's kind left once it is approved: the
// annual leave for annual leave, study for study and professional leave.
// ok is false for sickness and other leave, which draw on no entitlement.
// An approved request is already in the balance.
func After(b *elective.LeaveBalance, req *elective.LeaveRequest, holiday Holiday) (left float64, ok bool) {
	days := WorkingDays(req, b.Entitlement.YearStart, b.YearEnd, holiday)
	if req.Status == elective.LeaveApproved {
		days = 0
	}
	switch req.Type {
	case elective.LeaveAnnual:
		return b.AnnualLeft() - days, true
	case elective.LeaveStudy, elective.LeaveProfessional:
		return b.StudyLeft() - days, true
	}
	return 0, false
}
