package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// outpatientList is the outpatient list a pathway waits on: the RTT list
// while its clock runs here, otherwise a follow-up that is not RTT when
// its latest attendance asked for one (Pathway.FollowUpWanted). A pathway
// waiting for nothing bookable gets EINVALID saying why.
func (tx *Tx) outpatientList(p *elective.Pathway, res *rtt.Result) (elective.ListType, error) {
	if res.OnPTL() {
		return res.ListType, nil
	}
	if res.Transferred {
		return "", elective.Errorf(elective.EINVALID, "This pathway's care has passed to another provider, so there is nothing to book here")
	}
	appts, err := tx.pathwayAppointments(p.ID)
	if err != nil {
		return "", err
	}
	if !p.FollowUpWanted(appts) {
		return "", elective.Errorf(elective.EINVALID,
			"This pathway has no running clock and no follow-up is wanted, so it is not waiting for an appointment")
	}
	return elective.ListOutpatientFollowUp, nil
}

// pathwayAppointments reads a pathway's appointments without their history.
func (tx *Tx) pathwayAppointments(pathwayID int64) ([]*elective.Appointment, error) {
	rows, err := tx.query(appointmentSelect+` WHERE a.pathway_id = ? ORDER BY a.start_at, a.id`, pathwayID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Appointment
	for rows.Next() {
		a, err := scanAppointment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// WaitingFor returns the outpatient list a pathway waits on, RTT or not:
// what the booking page needs for a pathway that is not on the PTL.
func (s *BookingService) WaitingFor(ctx context.Context, pathwayID int64) (elective.ListType, error) {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return "", err
	}
	var list elective.ListType
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		p, _, res, err := tx.pathwayState(pathwayID)
		if err != nil {
			return err
		}
		list, err = tx.outpatientList(p, res)
		return err
	})
	return list, err
}
