package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/calendar"
	"github.com/openelective/elective/rtt"
	"github.com/openelective/elective/workforce"
)

var _ elective.JobPlanService = (*JobPlanService)(nil)

// JobPlanService keeps consultants' job plans and reconciles them with the
// sessions delivered, with the rules of package workforce.
type JobPlanService struct{ db *DB }

// NewJobPlanService returns the service on db.
func NewJobPlanService(db *DB) *JobPlanService { return &JobPlanService{db} }

// workforceRules are the policy's workforce settings as package workforce
// takes them.
func workforceRules(p rtt.Policy) workforce.Rules {
	return workforce.Rules{NoticeDays: p.LeaveNoticeDays, SeniorNoticeDays: p.LeaveNoticeDaysSenior,
		MaxAwayPerTeam: p.LeaveMaxAwayPerTeam,
		PlainTime:      workforce.PlainTime{StartMinute: p.PlainTimeStartHour * 60, EndMinute: p.PlainTimeEndHour * 60}}
}

// bankHoliday is England's bank holidays, for the workforce rules.
func bankHoliday(d elective.Date) bool {
	_, ok := calendar.BankHoliday(d)
	return ok
}

// AddProgrammedActivity checks and adds a block: a template it names must
// be the consultant's own and run on the block's weekday; a block outside
// the plain-time window is marked premium.
func (s *JobPlanService) AddProgrammedActivity(ctx context.Context, a *elective.ProgrammedActivity) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	a.Description, a.External = strings.TrimSpace(a.Description), strings.TrimSpace(a.External)
	if err := a.Validate(); err != nil {
		return err
	}
	rules := workforceRules(s.db.Policy)
	a.Premium = a.Premium || rules.PlainTime.InPremiumTime(a.Weekday, a.StartMinute, a.Minutes)
	return s.db.update(ctx, func(tx *Tx) error {
		m, err := tx.findStaffMember(a.StaffID)
		if err != nil {
			return err
		}
		if err := tx.checkActivityTemplate(m, a); err != nil {
			return err
		}
		acts, err := tx.findActivities(m.ID)
		if err != nil {
			return err
		}
		if err := workforce.CheckAdd(rules.PlainTime, acts, a); err != nil {
			return err
		}
		return tx.insertActivity(a)
	})
}

func (tx *Tx) insertActivity(a *elective.ProgrammedActivity) error {
	if err := tx.insertActivityRow(a); err != nil {
		return err
	}
	return tx.audit("jobplan.add", 0, "staff="+itoa64(a.StaffID)+" activity="+itoa64(a.ID)+" "+a.Weekday.String()+
		" category="+string(a.Category))
}

// checkActivityTemplate checks a linked template exists, belongs to the
// consultant and runs on the block's weekday.
func (tx *Tx) checkActivityTemplate(m *elective.StaffMember, a *elective.ProgrammedActivity) error {
	q, id := `SELECT clinician_id, weekday FROM clinic_template WHERE id = ?`, a.ClinicTemplateID
	if a.TheatreTemplateID != 0 {
		q, id = `SELECT COALESCE(surgeon_id, 0), weekday FROM theatre_template WHERE id = ?`, a.TheatreTemplateID
	}
	if id == 0 {
		return nil
	}
	var owner int64
	var weekday int
	var p elective.Problems
	switch err := tx.queryRow(q, id).Scan(&owner, &weekday); {
	case errors.Is(err, sql.ErrNoRows):
		p.Add("template", "Choose a template from the list")
	case err != nil:
		return err
	case owner != m.ClinicianID || m.ClinicianID == 0:
		p.Add("template", "That template's sessions are another clinician's: choose one of %s's", m.DisplayName())
	case time.Weekday(weekday) != a.Weekday:
		p.Add("weekday", "The template runs on %ss: put the activity on the same day", time.Weekday(weekday))
	}
	return p.Err("The activity cannot be added: check the fields marked")
}

// RemoveProgrammedActivity takes a block out of its job plan.
func (s *JobPlanService) RemoveProgrammedActivity(ctx context.Context, id int64) error {
	if err := authorize(ctx, elective.ActionManageWorkforce); err != nil {
		return err
	}
	return s.db.update(ctx, func(tx *Tx) error {
		var staffID int64
		if err := tx.queryRow(`SELECT staff_id FROM programmed_activity WHERE id = ?`, id).Scan(&staffID); err != nil {
			return notFound(err, "There is no such activity in the job plan")
		}
		if _, err := tx.exec(`DELETE FROM programmed_activity WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.audit("jobplan.remove", 0, "staff="+itoa64(staffID)+" activity="+itoa64(id))
	})
}

const activitySelect = `SELECT pa.id, pa.staff_id, pa.weekday, pa.start_minute, pa.minutes, pa.category, pa.premium,
	pa.description, pa.clinic_template_id, pa.theatre_template_id, pa.external, COALESCE(NULLIF(ct.name, ''), ct.code, ''),
	COALESCE(th.name, '')
	FROM programmed_activity pa LEFT JOIN clinic_template ct ON ct.id = pa.clinic_template_id
	LEFT JOIN theatre_template tt ON tt.id = pa.theatre_template_id LEFT JOIN theatre th ON th.id = tt.theatre_id`

// findActivities reads a member's job plan, Monday first.
func (tx *Tx) findActivities(staffID int64) ([]*elective.ProgrammedActivity, error) {
	rows, err := tx.query(activitySelect+` WHERE pa.staff_id = ?
		ORDER BY (pa.weekday + 6) % 7, pa.start_minute, pa.id`, staffID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.ProgrammedActivity
	for rows.Next() {
		a := &elective.ProgrammedActivity{}
		var weekday int
		var clinic, theatre string
		if err := rows.Scan(&a.ID, &a.StaffID, &weekday, &a.StartMinute, &a.Minutes, &a.Category, &a.Premium,
			&a.Description, idCol{&a.ClinicTemplateID}, idCol{&a.TheatreTemplateID}, &a.External, &clinic, &theatre); err != nil {
			return nil, err
		}
		a.Weekday = time.Weekday(weekday)
		a.TemplateName = clinic
		if a.TheatreTemplateID != 0 {
			a.TemplateName = theatre + " list"
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// FindJobPlan returns a member's job plan.
func (s *JobPlanService) FindJobPlan(ctx context.Context, staffID int64) (*elective.JobPlan, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	jp := &elective.JobPlan{}
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		if jp.Staff, err = tx.findStaffMember(staffID); err != nil {
			return err
		}
		jp.Activities, err = tx.findActivities(staffID)
		return err
	})
	return jp, err
}

// ReconcileJobPlan counts the sessions of each clinical PA's template
// from..to (at most two years) against the job plan.
func (s *JobPlanService) ReconcileJobPlan(ctx context.Context, staffID int64, from, to elective.Date) (*elective.JobPlanReconciliation, error) {
	if err := staffReader(ctx); err != nil {
		return nil, err
	}
	if from.IsZero() || to.IsZero() || to.Before(from) || to.DaysSince(from) > 731 {
		return nil, elective.Errorf(elective.EINVALID, "Choose a period of at most two years, ending on or after it starts")
	}
	rec := &elective.JobPlanReconciliation{From: from, To: to}
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		if rec.Staff, err = tx.findStaffMember(staffID); err != nil {
			return err
		}
		acts, err := tx.findActivities(staffID)
		if err != nil {
			return err
		}
		sessions, err := tx.templateSessions(acts, from, to)
		if err != nil {
			return err
		}
		rec.Today = tx.today()
		rec.Rows, rec.Unlinked, rec.Totals = workforce.Reconcile(acts, from, to, rec.Today, sessions, bankHoliday)
		return nil
	})
	return rec, err
}

// templateSessions reads the sessions from..to of the templates the
// activities staff.
func (tx *Tx) templateSessions(acts []*elective.ProgrammedActivity, from, to elective.Date) ([]workforce.SessionRecord, error) {
	var clinics, theatres []any
	for _, a := range acts {
		if a.ClinicTemplateID != 0 {
			clinics = append(clinics, a.ClinicTemplateID)
		}
		if a.TheatreTemplateID != 0 {
			theatres = append(theatres, a.TheatreTemplateID)
		}
	}
	var out []workforce.SessionRecord
	for _, q := range []struct {
		ids       []any
		sql       string
		theatre   bool
		cancelled string
	}{
		{clinics, `SELECT template_id, session_date, status FROM clinic_session`, false, string(elective.SessionCancelled)},
		{theatres, `SELECT template_id, session_date, status FROM theatre_session`, true, string(elective.SessionReleased)},
	} {
		if len(q.ids) == 0 {
			continue
		}
		recs, err := tx.sessionRecords(q.sql+` WHERE template_id IN (`+inClause(len(q.ids))+`) AND session_date >= ?
			AND session_date <= ?`, append(q.ids, from, to), q.theatre, q.cancelled)
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return out, nil
}

func (tx *Tx) sessionRecords(q string, args []any, theatre bool, cancelled string) ([]workforce.SessionRecord, error) {
	rows, err := tx.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []workforce.SessionRecord
	for rows.Next() {
		var r workforce.SessionRecord
		var id int64
		var status string
		if err := rows.Scan(&id, dateCol{&r.Date}, &status); err != nil {
			return nil, err
		}
		r.Cancelled = status == cancelled
		if theatre {
			r.TheatreTemplateID = id
		} else {
			r.ClinicTemplateID = id
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
