package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/openelective/elective"
)

// PatientService finds and reads patients, auditing every read.
type PatientService struct{ db *DB }

// NewPatientService returns the service.
func NewPatientService(db *DB) *PatientService { return &PatientService{db} }

var _ elective.PatientService = (*PatientService)(nil)

const patientColumns = `p.id, p.nhs_number, p.local_id, p.title, p.given_name, p.family_name, p.birth_date, p.sex,
	p.address_line1, p.address_line2, p.town, p.postcode, p.phone, p.email, p.gp_practice, p.created_at`

type scanner interface{ Scan(dest ...any) error }

func scanPatient(row scanner) (*elective.Patient, error) {
	p := &elective.Patient{}
	err := row.Scan(&p.ID, &p.NHSNumber, &p.LocalID, &p.Title, &p.GivenName, &p.FamilyName, dateCol{&p.BirthDate}, &p.Sex,
		&p.Address.Line1, &p.Address.Line2, &p.Address.Town, &p.Address.Postcode, &p.Phone, &p.Email, &p.GPPractice, timeCol{&p.CreatedAt})
	return p, err
}

// FindPatientByID returns a patient with alerts and audits the read.
func (s *PatientService) FindPatientByID(ctx context.Context, id int64) (*elective.Patient, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, err
	}
	var p *elective.Patient
	err := s.db.update(ctx, func(tx *Tx) error {
		var err error
		if p, err = tx.findPatient(id); err != nil {
			return err
		}
		return tx.audit("patient.read", id, "")
	})
	return p, err
}

// findPatient reads a patient and its alerts.
func (tx *Tx) findPatient(id int64) (*elective.Patient, error) {
	p, err := scanPatient(tx.queryRow(`SELECT `+patientColumns+` FROM patient p WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, elective.Errorf(elective.ENOTFOUND, "There is no patient %d", id)
	} else if err != nil {
		return nil, err
	}
	rows, err := tx.query(`SELECT kind, detail FROM patient_alert WHERE patient_id = ? ORDER BY kind`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a elective.Alert
		if err := rows.Scan(&a.Kind, &a.Detail); err != nil {
			return nil, err
		}
		p.Alerts = append(p.Alerts, a)
	}
	return p, rows.Err()
}

// FindPatients searches by NHS number, hospital number or family name
// prefix, and audits the search (without the search terms, which may
// themselves identify a patient).
func (s *PatientService) FindPatients(ctx context.Context, f elective.PatientFilter) ([]*elective.Patient, int, error) {
	if err := authorize(ctx, elective.ActionViewPatient); err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	var out []*elective.Patient
	var total int
	err := s.db.update(ctx, func(tx *Tx) error {
		orgID, _, err := tx.org()
		if err != nil {
			return err
		}
		where, args := patientSearch(orgID, f.Query)
		if err := tx.queryRow(`SELECT COUNT(*) FROM patient p WHERE `+where, args...).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.query(`SELECT `+patientColumns+` FROM patient p WHERE `+where+
			` ORDER BY p.family_key, p.given_name, p.id LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		out = out[:0]
		for rows.Next() {
			p, err := scanPatient(rows)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return tx.audit("patient.search", 0, "results="+itoa(total))
	})
	return out, total, err
}

// patientSearch turns a query into a WHERE clause: ten digits (spaces
// allowed) is an NHS number; otherwise a hospital number or the start of a
// family name, with an optional ", given name" part. Every branch leads
// with the organisation, the first column of each patient index.
func patientSearch(orgID int64, q string) (string, []any) {
	q = strings.TrimSpace(q)
	if q == "" {
		return "1 = 0", nil
	}
	if n := elective.NormalizeNHSNumber(q); len(n) == 10 && strings.Trim(n, "0123456789") == "" {
		return "p.org_id = ? AND p.nhs_number = ?", []any{orgID, n}
	}
	family, given, _ := strings.Cut(q, ",")
	key := strings.ToUpper(strings.TrimSpace(family))
	where := "(p.org_id = ? AND p.family_key >= ? AND p.family_key < ?"
	args := []any{orgID, key, key + "\uffff"}
	if g := strings.TrimSpace(given); g != "" {
		where += " AND LOWER(p.given_name) LIKE ?"
		args = append(args, strings.ToLower(g)+"%")
	}
	return where + ") OR (p.org_id = ? AND p.local_id = ?)", append(args, orgID, strings.ToUpper(strings.TrimSpace(q)))
}

// insertPatient saves a new patient with its alerts.
func (tx *Tx) insertPatient(p *elective.Patient) error {
	orgID, orgCode, err := tx.org()
	if err != nil {
		return err
	}
	p.CreatedAt = tx.now
	p.ID, err = tx.insert(`INSERT INTO patient (org_id, nhs_number, local_id, title, given_name, family_name, family_key,
		birth_date, sex, address_line1, address_line2, town, postcode, phone, email, gp_practice, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		orgID, p.NHSNumber, p.LocalID, p.Title, p.GivenName, p.FamilyName, strings.ToUpper(p.FamilyName),
		p.BirthDate, p.Sex, p.Address.Line1, p.Address.Line2, p.Address.Town, strings.ToUpper(p.Address.Postcode),
		p.Phone, p.Email, p.GPPractice, p.CreatedAt)
	if err != nil {
		return err
	}
	if p.LocalID == "" {
		p.LocalID = orgCode + leftPad(itoa64(p.ID), 7)
		if _, err := tx.exec(`UPDATE patient SET local_id = ? WHERE id = ?`, p.LocalID, p.ID); err != nil {
			return err
		}
	}
	for _, a := range p.Alerts {
		if _, err := tx.exec(`INSERT INTO patient_alert (patient_id, kind, detail) VALUES (?, ?, ?)`, p.ID, a.Kind, a.Detail); err != nil {
			return err
		}
	}
	return nil
}

// findPatientByNHSNumber returns the patient with an NHS number, or nil.
func (tx *Tx) findPatientByNHSNumber(nhs string) (*elective.Patient, error) {
	orgID, _, err := tx.org()
	if err != nil {
		return nil, err
	}
	var id int64
	err = tx.queryRow(`SELECT id FROM patient WHERE org_id = ? AND nhs_number = ?`, orgID, nhs).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return tx.findPatient(id)
}
