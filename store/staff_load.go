package store

import (
	"context"

	"github.com/openelective/elective"
)

// LoadWorkforceData loads staff, job plans, leave and entitlements in one
// transaction, trusting them as a bulk load does: the job-plan and leave
// rules are not run row by row, and approved leave cancels nothing.
func (l *Loader) LoadWorkforceData(ctx context.Context, d *elective.WorkforceData) error {
	if err := authorize(ctx, elective.ActionImportReferrals); err != nil {
		return err
	}
	return l.db.update(ctx, func(tx *Tx) error {
		ids := map[int64]int64{}
		for _, m := range d.Staff {
			local := m.ID
			if err := tx.insertStaff(m); err != nil {
				return err
			}
			ids[local] = m.ID
		}
		for _, a := range d.Activities {
			a.StaffID = ids[a.StaffID]
			if err := tx.insertActivityRow(a); err != nil {
				return err
			}
		}
		if err := tx.loadLeave(d, ids); err != nil {
			return err
		}
		return tx.audit("bulk.load-workforce", 0, "staff="+itoa(len(d.Staff))+" activities="+itoa(len(d.Activities))+
			" leave="+itoa(len(d.Leave)))
	})
}

func (tx *Tx) insertStaff(m *elective.StaffMember) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	m.ID, err = tx.insert(`INSERT INTO staff_member (org_id, title, given_name, family_name, staff_group, grade,
		specialty_id, team, clinician_id, mobile, bleep, email, skills, fte_percent, contract_max_shift_minutes,
		service_start, active, created_at, updated_at) VALUES `+placeholders(19), orgID, m.Title, m.GivenName,
		m.FamilyName, m.Group, m.Grade, nullID(m.SpecialtyID), m.Team, nullID(m.ClinicianID), m.Mobile, m.Bleep,
		m.Email, joinKit(m.Skills), m.FTEPercent, m.ContractMaxShiftMinutes, m.ServiceStart, m.Active, tx.now, tx.now)
	return err
}

func (tx *Tx) insertActivityRow(a *elective.ProgrammedActivity) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	a.ID, err = tx.insert(`INSERT INTO programmed_activity (org_id, staff_id, weekday, start_minute, minutes, category,
		premium, description, clinic_template_id, theatre_template_id, external, created_at) VALUES `+placeholders(12),
		orgID, a.StaffID, int(a.Weekday), a.StartMinute, a.Minutes, a.Category, a.Premium, a.Description,
		nullID(a.ClinicTemplateID), nullID(a.TheatreTemplateID), a.External, tx.now)
	return err
}

func (tx *Tx) loadLeave(d *elective.WorkforceData, ids map[int64]int64) error {
	orgID, _, err := tx.org()
	if err != nil {
		return err
	}
	for _, r := range d.Leave {
		r.StaffID = ids[r.StaffID]
		if r.Status == "" {
			r.Status = elective.LeaveRequested
		}
		decided := r.DecidedAt
		if decided.IsZero() && r.Status != elective.LeaveRequested {
			decided = tx.now
		}
		r.ID, err = tx.insert(`INSERT INTO leave_request (org_id, staff_id, leave_type, from_date, to_date, half_day_start,
			half_day_end, status, requested_on, reason, decided_by, decided_at, decision_note, created_by, created_at)
			VALUES `+placeholders(15), orgID, r.StaffID, r.Type, r.From, r.To, r.HalfDayStart, r.HalfDayEnd, r.Status,
			r.RequestedOn, r.Reason, r.DecidedBy, decided, r.DecisionNote, "load", tx.now)
		if err != nil {
			return err
		}
	}
	for _, e := range d.Entitlements {
		e.StaffID = ids[e.StaffID]
		if _, err := tx.exec(`INSERT INTO leave_entitlement (org_id, staff_id, year_start, annual_days, study_days, set_by,
			updated_at) VALUES `+placeholders(7), orgID, e.StaffID, e.YearStart, e.AnnualDays, e.StudyDays, "load", tx.now); err != nil {
			return err
		}
	}
	return nil
}
