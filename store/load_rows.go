package store

import (
	"strings"

	"github.com/openelective/elective"
)

func (tx *Tx) loadSessions(orgID int64, b *elective.LoadBatch) error {
	if err := tx.bulkInsert("clinic_session", "id, org_id, template_id, clinician_id, specialty_id, site_id, room, session_date, start_at, end_at, status",
		len(b.Sessions), func(i int) []any {
			s := b.Sessions[i]
			return []any{s.ID, orgID, s.TemplateID, s.ClinicianID, s.SpecialtyID, s.SiteID, s.Room, s.Date, s.Start, s.End, s.Status}
		}); err != nil {
		return err
	}
	sessions := make(map[int64]*elective.ClinicSession, len(b.Sessions))
	for _, s := range b.Sessions {
		sessions[s.ID] = s
	}
	return tx.bulkInsert("slot", "id, org_id, session_id, specialty_id, clinician_id, site_id, session_status, start_at, minutes, slot_type, reserved, local_only",
		len(b.Slots), func(i int) []any {
			sl := b.Slots[i]
			s := sessions[sl.SessionID]
			if s == nil {
				s = sl.Session
			}
			return []any{sl.ID, orgID, sl.SessionID, s.SpecialtyID, s.ClinicianID, s.SiteID, s.Status, sl.Start, sl.Minutes, sl.Type,
				sl.Reserved, sl.LocalOnly}
		})
}

func (tx *Tx) loadPatients(orgID int64, b *elective.LoadBatch) error {
	if err := tx.bulkInsert("patient", "id, org_id, nhs_number, local_id, title, given_name, family_name, family_key, birth_date, sex, address_line1, address_line2, town, postcode, phone, email, gp_practice, created_at",
		len(b.Patients), func(i int) []any {
			p := b.Patients[i]
			return []any{p.ID, orgID, p.NHSNumber, p.LocalID, p.Title, p.GivenName, p.FamilyName, strings.ToUpper(p.FamilyName),
				p.BirthDate, p.Sex, p.Address.Line1, p.Address.Line2, p.Address.Town, p.Address.Postcode, p.Phone, p.Email,
				p.GPPractice, p.CreatedAt}
		}); err != nil {
		return err
	}
	type alert struct {
		id int64
		a  elective.Alert
	}
	var alerts []alert
	for _, p := range b.Patients {
		for _, a := range p.Alerts {
			alerts = append(alerts, alert{p.ID, a})
		}
	}
	return tx.bulkInsert("patient_alert", "patient_id, kind, detail", len(alerts), func(i int) []any {
		return []any{alerts[i].id, alerts[i].a.Kind, alerts[i].a.Detail}
	})
}

func (tx *Tx) loadPathways(orgID int64, b *elective.LoadBatch) error {
	if err := tx.bulkInsert("referral", "id, org_id, patient_id, specialty_id, clinician_id, site_id, source, priority, ubrn, received_date, original_start, referrer_code, reason, created_at",
		len(b.Referrals), func(i int) []any {
			r := b.Referrals[i]
			return []any{r.ID, orgID, r.PatientID, r.SpecialtyID, nullID(r.ClinicianID), nullID(r.SiteID), r.Source, r.Priority,
				r.UBRN, r.ReceivedDate, r.OriginalStart, r.ReferrerCode, r.Reason, r.CreatedAt}
		}); err != nil {
		return err
	}
	if err := tx.bulkInsert("pathway", "id, org_id, ppid, ppid_issuer, patient_id, referral_id, specialty_id, clinician_id, site_id, priority, created_at",
		len(b.Pathways), func(i int) []any {
			p := b.Pathways[i]
			return []any{p.ID, orgID, p.PPID, p.PPIDIssuer, p.PatientID, p.ReferralID, p.SpecialtyID, nullID(p.ClinicianID),
				nullID(p.SiteID), p.Priority, p.CreatedAt}
		}); err != nil {
		return err
	}
	var events []*elective.PathwayEvent
	for _, p := range b.Pathways {
		events = append(events, p.Events...)
	}
	return tx.bulkInsert("pathway_event", "id, "+eventInsertColumns, len(events), func(i int) []any {
		return append([]any{events[i].ID}, eventArgs(orgID, events[i])...)
	})
}

func (tx *Tx) loadAppointments(orgID int64, b *elective.LoadBatch) error {
	if err := tx.bulkInsert("appointment", "id, org_id, pathway_id, patient_id, slot_id, session_id, clinician_id, site_id, start_at, minutes, slot_type, first, status, rtt_status, outcome, communicated, booked_at, booked_by",
		len(b.Appointments), func(i int) []any {
			a := b.Appointments[i]
			return []any{a.ID, orgID, a.PathwayID, a.PatientID, a.SlotID, a.SessionID, a.ClinicianID, a.SiteID, a.Start,
				a.Minutes, a.Type, a.First, a.Status, a.RTTStatus, a.Outcome, a.Communicated, a.BookedAt, nullID(a.BookedBy)}
		}); err != nil {
		return err
	}
	type change struct {
		id int64
		c  *elective.AppointmentChange
	}
	var changes []change
	for _, a := range b.Appointments {
		for _, c := range a.History {
			changes = append(changes, change{a.ID, c})
		}
	}
	return tx.bulkInsert("appointment_change", "appointment_id, status, at, by_user, by_name, reason", len(changes), func(i int) []any {
		c := changes[i].c
		return []any{changes[i].id, c.Status, c.At, nullID(c.By), c.ByName, c.Reason}
	})
}
