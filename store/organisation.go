package store

import (
	"context"

	"github.com/openelective/elective"
)

// OrganisationService reads the trust's reference data.
type OrganisationService struct{ db *DB }

// NewOrganisationService returns the service.
func NewOrganisationService(db *DB) *OrganisationService { return &OrganisationService{db} }

var _ elective.OrganisationService = (*OrganisationService)(nil)

// EnsureOrganisation creates the trust's organisation row if the database
// has none, so that a new, empty database can take users and referrals.
func (db *DB) EnsureOrganisation(ctx context.Context, code, name string) error {
	return db.update(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(`SELECT COUNT(*) FROM organisation`).Scan(&n); err != nil || n > 0 {
			return err
		}
		_, err := tx.exec(`INSERT INTO organisation (id, code, name) VALUES (1, ?, ?)`, code, name)
		return err
	})
}

// org returns the id and ODS code of the trust this deployment serves.
func (tx *Tx) org() (int64, string, error) {
	db := tx.db
	db.orgMu.Lock()
	defer db.orgMu.Unlock()
	if db.orgID != 0 {
		return db.orgID, db.orgCode, nil
	}
	err := tx.queryRow(`SELECT id, code FROM organisation ORDER BY id LIMIT 1`).Scan(&db.orgID, &db.orgCode)
	if err != nil {
		db.orgID = 0
		return 0, "", elective.Errorf(elective.EINVALID, "No organisation is set up yet: run `elective demo` or `elective migrate` first")
	}
	return db.orgID, db.orgCode, nil
}

// FindOrganisation returns the trust.
func (s *OrganisationService) FindOrganisation(ctx context.Context) (*elective.Organisation, error) {
	var o *elective.Organisation
	err := s.db.read(ctx, s.db.db, func(tx *Tx) error {
		var err error
		o, err = tx.organisation()
		return err
	})
	return o, err
}

// FindSites returns every site by name.
func (s *OrganisationService) FindSites(ctx context.Context) ([]*elective.Site, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT id, code, name FROM site ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Site
	for rows.Next() {
		x := &elective.Site{}
		if err := rows.Scan(&x.ID, &x.Code, &x.Name); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// FindSpecialties returns every specialty by name.
func (s *OrganisationService) FindSpecialties(ctx context.Context) ([]*elective.Specialty, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT id, code, name FROM specialty ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Specialty
	for rows.Next() {
		x := &elective.Specialty{}
		if err := rows.Scan(&x.ID, &x.Code, &x.Name); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// FindClinicians returns clinicians by family name, for one specialty when
// specialtyID is not 0.
func (s *OrganisationService) FindClinicians(ctx context.Context, specialtyID int64) ([]*elective.Clinician, error) {
	q := `SELECT c.id, c.code, c.title, c.given_name, c.family_name, c.specialty_id, s.code, s.name
		FROM clinician c JOIN specialty s ON s.id = c.specialty_id`
	var args []any
	if specialtyID != 0 {
		q += ` WHERE c.specialty_id = ?`
		args = append(args, specialtyID)
	}
	rows, err := s.db.db.QueryContext(ctx, s.db.rebind(q+` ORDER BY c.family_name, c.given_name`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*elective.Clinician
	for rows.Next() {
		c := &elective.Clinician{Specialty: &elective.Specialty{}}
		if err := rows.Scan(&c.ID, &c.Code, &c.Title, &c.GivenName, &c.FamilyName, &c.SpecialtyID, &c.Specialty.Code, &c.Specialty.Name); err != nil {
			return nil, err
		}
		c.Specialty.ID = c.SpecialtyID
		out = append(out, c)
	}
	return out, rows.Err()
}
