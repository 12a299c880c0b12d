package web

import (
	"context"
	"fmt"

	"github.com/openelective/elective"
)

// lookup is the trust's reference data (specialties, clinicians, sites),
// loaded once per request that needs names or filter options. It is small
// and cached nowhere: a new consultant shows up on the next page load.
type lookup struct {
	specialties []*elective.Specialty
	clinicians  []*elective.Clinician
	sites       []*elective.Site
}

// loadLookup reads the reference data.
func (s *Server) loadLookup(ctx context.Context) (*lookup, error) {
	org := s.svc.Organisations
	specialties, err := org.FindSpecialties(ctx)
	if err != nil {
		return nil, fmt.Errorf("find specialties: %w", err)
	}
	clinicians, err := org.FindClinicians(ctx, 0)
	if err != nil {
		return nil, fmt.Errorf("find clinicians: %w", err)
	}
	sites, err := org.FindSites(ctx)
	if err != nil {
		return nil, fmt.Errorf("find sites: %w", err)
	}
	return &lookup{specialties: specialties, clinicians: clinicians, sites: sites}, nil
}

// specialty returns a specialty's name, "" for none.
func (l *lookup) specialty(id int64) string {
	for _, sp := range l.specialties {
		if sp.ID == id {
			return sp.Name
		}
	}
	return ""
}

// clinician returns a clinician's display name, "" for none.
func (l *lookup) clinician(id int64) string {
	for _, c := range l.clinicians {
		if c.ID == id {
			return c.DisplayName()
		}
	}
	return ""
}

// site returns a site's name, "" for none.
func (l *lookup) site(id int64) string {
	for _, st := range l.sites {
		if st.ID == id {
			return st.Name
		}
	}
	return ""
}

// cliniciansIn returns the clinicians of one specialty, or all when
// specialtyID is 0.
func (l *lookup) cliniciansIn(specialtyID int64) []*elective.Clinician {
	if specialtyID == 0 {
		return l.clinicians
	}
	var cs []*elective.Clinician
	for _, c := range l.clinicians {
		if c.SpecialtyID == specialtyID {
			cs = append(cs, c)
		}
	}
	return cs
}

// specialtyOrFirst is the specialty chosen, or the first one when none is:
// pages that list one specialty's clinics always show one.
func (l *lookup) specialtyOrFirst(id int64) int64 {
	if id == 0 && len(l.specialties) > 0 {
		return l.specialties[0].ID
	}
	return id
}
