package store

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/rtt"
)

// wlmdsSelect joins each PTL row to what the WLMDS open-pathways record
// needs: the patient, the referral, the codes of the specialty (treatment
// function), consultant, site and provider (rules.md 1.14).
const wlmdsSelect = `SELECT pw.ppid, pw.ppid_issuer, p.nhs_number, p.local_id, p.birth_date, p.sex,
	r.id, r.received_date, r.source, o.code, COALESCE(st.code, ''), sp.code, COALESCE(c.code, ''),
	e.clock_start, e.rtt_status, e.priority, e.list_type, e.next_activity, e.last_validated
	FROM ptl_entry e
	JOIN pathway pw ON pw.id = e.pathway_id
	JOIN patient p ON p.id = e.patient_id
	JOIN referral r ON r.id = pw.referral_id
	JOIN specialty sp ON sp.id = e.specialty_id
	JOIN organisation o ON o.id = e.org_id
	LEFT JOIN clinician c ON c.id = e.clinician_id
	LEFT JOIN site st ON st.id = e.site_id
	WHERE e.org_id = ? AND e.clock_start <= ?
	ORDER BY e.clock_start, e.pathway_id`

// ExportWLMDS streams the WLMDS open-pathways records of the live PTL for
// the week that contains census. Waits are measured at the week-ending date,
// as the weekly submission measures them (rules.md 1.11); the rows are the
// PTL as it stands now, so a past census does not rebuild a past week. The
// export is audited before the first record leaves.
func (s *ReportService) ExportWLMDS(ctx context.Context, census elective.Date, fn func(*elective.WLMDSRecord) error) error {
	if err := authorize(ctx, elective.ActionViewWaitingList); err != nil {
		return err
	}
	if census.IsZero() {
		return elective.Errorf(elective.EINVALID, "A WLMDS extract needs a census date")
	}
	weekEnding := weekEndingDate(census)
	if err := s.db.auditAlone(ctx, "wlmds.export", "week_ending="+weekEnding.String()); err != nil {
		return err
	}
	return s.db.read(ctx, s.db.db, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		rows, err := tx.query(wlmdsSelect, orgID, weekEnding)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			rec, err := scanWLMDS(rows, census, weekEnding)
			if err != nil {
				return err
			}
			if err := fn(rec); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

func scanWLMDS(row scanner, census, weekEnding elective.Date) (*elective.WLMDSRecord, error) {
	r := &elective.WLMDSRecord{WeekEndingDate: weekEnding}
	var referralID int64
	var priority elective.Priority
	var listType elective.ListType
	var next elective.Date
	err := row.Scan(&r.PatientPathwayIdentifier, &r.PPIDIssuer, &r.NHSNumber, &r.LocalPatientIdentifier,
		dateCol{&r.PersonBirthDate}, &r.PersonStatedGenderCode, &referralID, dateCol{&r.ReferralRequestReceivedDate},
		&r.SourceOfReferral, &r.OrganisationCodeOfProvider, &r.SiteCodeOfTreatment, &r.ActivityTreatmentFunctionCode,
		&r.ConsultantCode, dateCol{&r.RTTPeriodStartDate}, &r.RTTPeriodStatus, &priority, &listType,
		dateCol{&next}, dateCol{&r.LastPASValidationDate})
	if err != nil {
		return nil, err
	}
	r.ReferralIdentifier = itoa64(referralID)
	// The national Waiting_List_Type values are unconfirmed (rules.md 1.14),
	// so the list is named by Elective's own words.
	r.WaitingListType = string(listType)
	r.PriorityTypeCode = priorityTypeCode(priority)
	// A booked appointment already in the past is an outcome not yet
	// recorded, not a future appointment.
	if !next.IsZero() && !next.Before(census) {
		r.OutpatientFutureAppointmentDate = next
	}
	r.WeeksWaited = rtt.WeeksWaited(rtt.DaysWaited(r.RTTPeriodStartDate, weekEnding))
	return r, nil
}

// weekEndingDate is the Sunday on or after d: WLMDS weeks end on Sundays
// (time.Sunday is weekday 0).
func weekEndingDate(d elective.Date) elective.Date {
	return d.AddDays((7 - int(d.Weekday())) % 7)
}

// priorityTypeCode is the NHS Data Dictionary PRIORITY TYPE of a priority:
// 3 two-week wait (confirmed), 2 urgent and 1 routine (numbering
// unconfirmed, rules.md 2.5).
func priorityTypeCode(p elective.Priority) string {
	switch p {
	case elective.PriorityTwoWeekWait:
		return "3"
	case elective.PriorityUrgent:
		return "2"
	case elective.PriorityRoutine:
		return "1"
	}
	return ""
}
