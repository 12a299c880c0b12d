package demo

import (
	"fmt"
	"time"

	"github.com/openelective/elective"
)

// Workforce makes the demo hospital's consultants into staff: each with a
// staff record linked to their clinician, a job plan of their clinic
// templates (a DCC PA each) filled to ten PAs with two SPA and ward-round
// and admin DCC half-days, and some leave: taken and approved in the past,
// and requested ahead (one consultant in five), some of it at short
// notice, for the rota coordinator to approve in the demo and see what it
// cancels. Deterministic for the same clinicians, templates and today.
func Workforce(today elective.Date, clinicians []*elective.Clinician, templates []*elective.ClinicTemplate,
	specialties []*elective.Specialty) *elective.WorkforceData {
	names := map[int64]string{}
	for _, sp := range specialties {
		names[sp.ID] = sp.Name
	}
	byClinician := map[int64][]*elective.ClinicTemplate{}
	for _, t := range templates {
		byClinician[t.ClinicianID] = append(byClinician[t.ClinicianID], t)
	}
	d := &elective.WorkforceData{}
	for i, c := range clinicians {
		m := &elective.StaffMember{ID: int64(i + 1), Title: c.Title, GivenName: c.GivenName, FamilyName: c.FamilyName,
			Group: elective.StaffConsultant, Grade: "Consultant", SpecialtyID: c.SpecialtyID, Team: names[c.SpecialtyID] + " consultants",
			ClinicianID: c.ID, Mobile: fmt.Sprintf("07700 9%05d", 10000+i), Bleep: fmt.Sprintf("%d", 3000+i),
			FTEPercent: 100, ContractMaxShiftMinutes: 13 * 60, ServiceStart: today.AddDays(-365 * (1 + i%15)), Active: true}
		if i%3 == 0 {
			m.Skills = []string{"ALS"}
		}
		d.Staff = append(d.Staff, m)
		d.Activities = append(d.Activities, jobPlan(m.ID, byClinician[c.ID])...)
		d.Leave = append(d.Leave, demoLeave(m.ID, i, today)...)
	}
	return d
}

// jobPlan is a consultant's week: a DCC PA for each clinic template, from
// its start for its length or 4 hours, then the free half-days of Monday
// to Friday as two SPA and ward round or admin DCC up to ten PAs.
func jobPlan(staffID int64, templates []*elective.ClinicTemplate) []*elective.ProgrammedActivity {
	var acts []*elective.ProgrammedActivity
	for _, t := range templates {
		minutes := 0
		for _, s := range t.Slots {
			minutes += s.Minutes
		}
		minutes = max(240, (minutes+29)/30*30)
		acts = append(acts, &elective.ProgrammedActivity{StaffID: staffID, Weekday: t.Weekday, StartMinute: t.StartMinute,
			Minutes: minutes, Category: elective.PADirectClinicalCare, Description: "Clinic", ClinicTemplateID: t.ID})
	}
	spa := 0
	for _, day := range []time.Weekday{time.Thursday, time.Friday, time.Monday, time.Tuesday, time.Wednesday} {
		for _, start := range []int{8 * 60, 13 * 60} {
			if len(acts) >= 10 {
				return acts
			}
			a := &elective.ProgrammedActivity{StaffID: staffID, Weekday: day, StartMinute: start, Minutes: 240,
				Category: elective.PADirectClinicalCare, Description: "Ward round and admin"}
			if spa < 2 {
				a.Category, a.Description = elective.PASupporting, "CPD, audit and teaching"
			}
			if !clashes(acts, a) {
				acts = append(acts, a)
				if a.Category == elective.PASupporting {
					spa++
				}
			}
		}
	}
	return acts
}

func clashes(acts []*elective.ProgrammedActivity, a *elective.ProgrammedActivity) bool {
	for _, o := range acts {
		if o.Weekday == a.Weekday && o.StartMinute < a.EndMinute() && a.StartMinute < o.EndMinute() {
			return true
		}
	}
	return false
}

// demoLeave gives consultant i a week of annual leave taken and approved
// two months ago; one in five a week asked for today eight weeks ahead,
// and one in ten (of those) study leave in three weeks, at short notice.
func demoLeave(staffID int64, i int, today elective.Date) []*elective.LeaveRequest {
	monday := func(d elective.Date) elective.Date { return d.AddDays(-((int(d.Weekday()) + 6) % 7)) }
	past := monday(today.AddDays(-60 - 7*(i%4)))
	out := []*elective.LeaveRequest{{StaffID: staffID, Type: elective.LeaveAnnual, From: past, To: past.AddDays(4),
		Status: elective.LeaveApproved, RequestedOn: past.AddDays(-70), DecidedBy: "demo", DecisionNote: "Cover arranged"}}
	if i%5 == 0 {
		ahead := monday(today.AddDays(56 + 7*(i%3)))
		out = append(out, &elective.LeaveRequest{StaffID: staffID, Type: elective.LeaveAnnual, From: ahead, To: ahead.AddDays(4),
			Status: elective.LeaveRequested, RequestedOn: today, Reason: "Family holiday"})
	}
	if i%10 == 5 {
		soon := monday(today.AddDays(21)).AddDays(2)
		out = append(out, &elective.LeaveRequest{StaffID: staffID, Type: elective.LeaveStudy, From: soon, To: soon,
			Status: elective.LeaveRequested, RequestedOn: today, Reason: "Regional teaching day"})
	}
	return out
}
