package elective

// TheatreData is admitted-care data loaded in one go: the demo hospital's
// theatres, kit, beds, session templates and the lists made from them,
// admitted waiting list, pre-operative assessments, booked cases and past
// case durations, or a migration's from another system. IDs of theatres,
// templates, sessions and entries are the data's own (any distinct
// numbers): the loader gives each row a database id, maps the references
// (template and session to theatre, session to template, case and POA to
// entry and session) and writes the new ids back. Pathway, patient,
// specialty, clinician and site ids are the database's.
type TheatreData struct {
	Theatres []*Theatre
	Kit      map[string]int
	// MobileKit names the items of Kit that go to any theatre (an image
	// intensifier on a trolley); the others are fixed.
	MobileKit []string
	Beds      map[int64]int // elective beds by site id
	Templates []*TheatreTemplate
	// Sessions name their template (TemplateID) when made from one, as
	// GenerateTheatreSessions would have, so that making the templates'
	// sessions again adds none for the dates loaded.
	Sessions []*TheatreSession
	Entries  []*AdmittedListEntry
	PreOps   []*PreOpAssessment
	Cases    []*TheatreCase
	History  []DurationSample
}

// DurationSample is one past operation's theatre minutes: the history that
// duration estimates come from.
type DurationSample struct {
	SurgeonID     int64
	ProcedureCode string
	On            Date
	Minutes       int
}
