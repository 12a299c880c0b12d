package main

import (
	"context"

	"github.com/openelective/elective"
	"github.com/openelective/elective/demo"
	"github.com/openelective/elective/store"
)

// loadDemoWorkforce makes the demo's consultants into staff with job
// plans of their clinic templates and some leave (past and approved; ahead
// and requested, some at short notice), once the reference data is in.
func loadDemoWorkforce(ctx context.Context, db *store.DB, today elective.Date) error {
	org := store.NewOrganisationService(db)
	clinicians, err := org.FindClinicians(ctx, 0)
	if err != nil {
		return err
	}
	specialties, err := org.FindSpecialties(ctx)
	if err != nil {
		return err
	}
	templates, err := store.NewClinicService(db).FindClinicTemplates(ctx, 0)
	if err != nil {
		return err
	}
	return store.NewLoader(db).LoadWorkforceData(ctx, demo.Workforce(today, clinicians, templates, specialties))
}
