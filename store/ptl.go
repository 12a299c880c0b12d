package store

import (
	"database/sql"
	"errors"
	"time"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// ptlRow is a pathway's row of the PTL read model.
type ptlRow struct {
	pathwayID, patientID, specialtyID, clinicianID, siteID int64
	priority                                               elective.Priority
	listType                                               elective.ListType
	clockStart, breachDate, referralDate, nextActivity     elective.Date
	lastValidated, validationDue, lastActivity             elective.Date
	status                                                 elective.RTTStatus
	nextSlotType                                           elective.SlotType
	appointmentID                                          int64
	review                                                 bool
}

// nextBooking is a pathway's earliest appointment still booked.
type nextBooking struct {
	id       int64
	start    time.Time
	slotType elective.SlotType
}

// ptlRowFor builds the PTL row of a pathway from its derived clock, or
// returns false when the pathway does not belong on the PTL.
func ptlRowFor(p *elective.Pathway, res *rtt.Result, next *nextBooking, loc *time.Location, pol rtt.Policy) (ptlRow, bool) {
	cur := res.Current()
	if cur == nil || !res.OnPTL() {
		return ptlRow{}, false
	}
	r := ptlRow{
		pathwayID: p.ID, patientID: p.PatientID, specialtyID: p.SpecialtyID, clinicianID: p.ClinicianID,
		siteID: p.SiteID, priority: p.Priority, listType: res.ListType, clockStart: cur.Start,
		breachDate: rtt.BreachDate(cur.Start), status: cur.Status, review: res.ReviewNeeded,
		referralDate: p.Events[0].Date, lastValidated: res.LastValidated, lastActivity: p.Events[len(p.Events)-1].Date,
		validationDue: rtt.ValidationDueDate(cur.Start, res.LastValidated, pol),
	}
	if next != nil {
		r.nextActivity, r.nextSlotType, r.appointmentID = elective.DateOf(next.start, loc), next.slotType, next.id
	}
	return r, true
}

const ptlColumns = `pathway_id, org_id, patient_id, specialty_id, clinician_id, site_id, priority, priority_rank,
	list_type, clock_start, breach_date, rtt_status, referral_date, next_activity, next_slot_type, appointment_id,
	review_needed, last_validated, validation_due, last_activity`

func (r *ptlRow) args(orgID int64) []any {
	return []any{r.pathwayID, orgID, r.patientID, r.specialtyID, nullID(r.clinicianID), nullID(r.siteID), r.priority,
		r.priority.Rank(), r.listType, r.clockStart, r.breachDate, r.status, r.referralDate, r.nextActivity,
		r.nextSlotType, nullID(r.appointmentID), r.review, r.lastValidated, r.validationDue, r.lastActivity}
}

// savePTL writes or removes the pathway's PTL row after an event, in the
// event's transaction, so the PTL is never behind the event log.
func (tx *Tx) savePTL(orgID int64, p *elective.Pathway, res *rtt.Result) error {
	next, err := tx.nextBooking(p.ID)
	if err != nil {
		return err
	}
	if err := tx.saveTasks(orgID, p, res); err != nil {
		return err
	}
	row, on := ptlRowFor(p, res, next, tx.db.Location, tx.db.Policy)
	if !on {
		_, err := tx.exec(`DELETE FROM ptl_entry WHERE pathway_id = ?`, p.ID)
		return err
	}
	_, err = tx.exec(`INSERT INTO ptl_entry (`+ptlColumns+`) VALUES `+placeholders(20)+` ON CONFLICT (pathway_id) DO UPDATE SET
		patient_id = excluded.patient_id, specialty_id = excluded.specialty_id, clinician_id = excluded.clinician_id,
		site_id = excluded.site_id, priority = excluded.priority, priority_rank = excluded.priority_rank,
		list_type = excluded.list_type, clock_start = excluded.clock_start, breach_date = excluded.breach_date,
		rtt_status = excluded.rtt_status, referral_date = excluded.referral_date, next_activity = excluded.next_activity,
		next_slot_type = excluded.next_slot_type, appointment_id = excluded.appointment_id,
		review_needed = excluded.review_needed, last_validated = excluded.last_validated,
		validation_due = excluded.validation_due, last_activity = excluded.last_activity`, row.args(orgID)...)
	return err
}

// taskRow is a pathway's outstanding work for a person.
type taskRow struct {
	pathwayID int64
	kind      elective.WorklistKind
	reason    string
	since     elective.Date
}

// tasksFor lists the work the derived clock asks of people, clock or no
// clock. last is the pathway's latest attended appointment, if any: an
// attendance recorded as "discharged from consultant's care" while the clock
// still runs is a data-quality problem for validation (rules.md 1.12).
func tasksFor(p *elective.Pathway, res *rtt.Result, last *elective.Appointment, loc *time.Location, pol rtt.Policy) []taskRow {
	var tasks []taskRow
	switch {
	case res.ReviewNeeded:
		tasks = append(tasks, taskRow{p.ID, elective.WorkClinicalReview, res.ReviewReason, res.ReviewSince})
	case res.CancellationReviewDue(pol):
		tasks = append(tasks, taskRow{p.ID, elective.WorkClinicalReview,
			"the patient has cancelled " + itoa(res.PatientCancellations) + " times: a clinician reviews what happens next; discharge only as a clinical decision (rules.md 3.2, 1.6.2)",
			p.Events[len(p.Events)-1].Date})
	}
	if !res.ReviewNeeded && !res.ThinkingSince.IsZero() && res.OnPTL() {
		_, due := res.ThinkingTimeDue(res.ThinkingSince)
		tasks = append(tasks, taskRow{p.ID, elective.WorkClinicalReview,
			"treatment offered and the patient is thinking it over: over 14 days without agreed next steps, discuss (rules.md 1.7.12)", due})
	}
	if last != nil && last.Outcome == elective.OutcomeDischarged && res.OnPTL() {
		tasks = append(tasks, taskRow{p.ID, elective.WorkDischargedOpen,
			"the attendance was recorded as a discharge, but its RTT status (" + string(last.RTTStatus) + ") keeps the clock running",
			elective.DateOf(last.Start, loc)})
	}
	return tasks
}

const taskColumns = `pathway_id, org_id, kind, reason, since`

func (r *taskRow) args(orgID int64) []any {
	return []any{r.pathwayID, orgID, r.kind, r.reason, r.since}
}

// saveTasks replaces a pathway's derived tasks.
func (tx *Tx) saveTasks(orgID int64, p *elective.Pathway, res *rtt.Result) error {
	if _, err := tx.exec(`DELETE FROM pathway_task WHERE pathway_id = ? AND kind <> ?`, p.ID, elective.WorkInvalidEvents); err != nil {
		return err
	}
	last, err := tx.lastAttended(p.ID)
	if err != nil {
		return err
	}
	for _, t := range tasksFor(p, res, last, tx.db.Location, tx.db.Policy) {
		if _, err := tx.exec(`INSERT INTO pathway_task (`+taskColumns+`) VALUES `+placeholders(5), t.args(orgID)...); err != nil {
			return err
		}
	}
	return nil
}

// lastAttended returns the pathway's latest attended appointment, or nil.
func (tx *Tx) lastAttended(pathwayID int64) (*elective.Appointment, error) {
	a := &elective.Appointment{}
	err := tx.queryRow(`SELECT id, start_at, rtt_status, outcome FROM appointment WHERE pathway_id = ? AND status = 'attended'
		ORDER BY start_at DESC LIMIT 1`, pathwayID).Scan(&a.ID, timeCol{&a.Start}, &a.RTTStatus, &a.Outcome)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return a, err
}

// nextBooking returns the pathway's earliest appointment still booked, nil
// if none. A booked appointment in the past is one whose outcome has not
// been recorded: it stays the next activity until it is.
func (tx *Tx) nextBooking(pathwayID int64) (*nextBooking, error) {
	n := &nextBooking{}
	err := tx.queryRow(`SELECT id, start_at, slot_type FROM appointment WHERE pathway_id = ? AND status = 'booked'
		ORDER BY start_at LIMIT 1`, pathwayID).Scan(&n.id, timeCol{&n.start}, &n.slotType)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return n, err
}
