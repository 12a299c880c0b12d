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
func ptlRowFor(p *elective.Pathway, res *rtt.Result, next *nextBooking, loc *time.Location) (ptlRow, bool) {
	cur := res.Current()
	if cur == nil || !res.OnPTL() {
		return ptlRow{}, false
	}
	r := ptlRow{
		pathwayID: p.ID, patientID: p.PatientID, specialtyID: p.SpecialtyID, clinicianID: p.ClinicianID,
		siteID: p.SiteID, priority: p.Priority, listType: res.ListType, clockStart: cur.Start,
		breachDate: rtt.BreachDate(cur.Start), status: cur.Status, review: res.ReviewNeeded,
		referralDate: p.Events[0].Date,
	}
	if next != nil {
		r.nextActivity, r.nextSlotType, r.appointmentID = elective.DateOf(next.start, loc), next.slotType, next.id
	}
	return r, true
}

const ptlInsert = `INSERT INTO ptl_entry (pathway_id, org_id, patient_id, specialty_id, clinician_id, site_id, priority,
	priority_rank, list_type, clock_start, breach_date, rtt_status, referral_date, next_activity, next_slot_type,
	appointment_id, review_needed) VALUES `

func (r *ptlRow) args(orgID int64) []any {
	return []any{r.pathwayID, orgID, r.patientID, r.specialtyID, nullID(r.clinicianID), nullID(r.siteID), r.priority,
		r.priority.Rank(), r.listType, r.clockStart, r.breachDate, r.status, r.referralDate, r.nextActivity,
		r.nextSlotType, nullID(r.appointmentID), r.review}
}

// savePTL writes or removes the pathway's PTL row after an event, in the
// event's transaction, so the PTL is never behind the event log.
func (tx *Tx) savePTL(orgID int64, p *elective.Pathway, res *rtt.Result) error {
	next, err := tx.nextBooking(p.ID)
	if err != nil {
		return err
	}
	row, on := ptlRowFor(p, res, next, tx.db.Location)
	if !on {
		_, err := tx.exec(`DELETE FROM ptl_entry WHERE pathway_id = ?`, p.ID)
		return err
	}
	_, err = tx.exec(ptlInsert+placeholders(17)+` ON CONFLICT (pathway_id) DO UPDATE SET
		patient_id = excluded.patient_id, specialty_id = excluded.specialty_id, clinician_id = excluded.clinician_id,
		site_id = excluded.site_id, priority = excluded.priority, priority_rank = excluded.priority_rank,
		list_type = excluded.list_type, clock_start = excluded.clock_start, breach_date = excluded.breach_date,
		rtt_status = excluded.rtt_status, referral_date = excluded.referral_date, next_activity = excluded.next_activity,
		next_slot_type = excluded.next_slot_type, appointment_id = excluded.appointment_id,
		review_needed = excluded.review_needed`, row.args(orgID)...)
	return err
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
