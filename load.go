package elective

import "context"

// ReferenceData is a trust's reference data, loaded in bulk with IDs already
// assigned (the demo hospital, a migration from another system).
type ReferenceData struct {
	Organisation *Organisation
	Sites        []*Site
	Specialties  []*Specialty
	Clinicians   []*Clinician
	Templates    []*ClinicTemplate
}

// LoadBatch is a batch of patient records loaded in bulk with IDs already
// assigned. Pathways carry their events; the loader derives their clocks and
// PTL rows with the same rules as live recording.
type LoadBatch struct {
	Patients     []*Patient
	Referrals    []*Referral
	Pathways     []*Pathway
	Sessions     []*ClinicSession
	Slots        []*Slot
	Appointments []*Appointment
}

// Loader loads data in bulk into an empty database.
type Loader interface {
	// LoadReference loads the reference data. Returns ECONFLICT if the
	// database already holds an organisation.
	LoadReference(ctx context.Context, ref *ReferenceData) error

	// LoadBatch loads one batch. Batches are committed in groups and the
	// last by FinishLoad; after an error the load is abandoned and the
	// database should be thrown away.
	LoadBatch(ctx context.Context, b *LoadBatch) error

	// FinishLoad commits, checks the loaded data's references, and brings
	// indexes, identity sequences and statistics up to date.
	FinishLoad(ctx context.Context) error
}
