package elective

// WorkforceData is staff, job plans and leave loaded in one go: the demo
// hospital's consultants or a migration's from an e-rostering system. Staff
// IDs are the data's own (any distinct numbers): the loader gives each
// member a database id and maps the activities' and requests' StaffID to
// it, writing the new ids back. Clinician, specialty and template ids are
// the database's. The loader trusts the data as a bulk load does: approved
// leave is loaded as it is, without cancelling sessions, so data should
// approve only leave already taken.
type WorkforceData struct {
	Staff        []*StaffMember
	Activities   []*ProgrammedActivity
	Leave        []*LeaveRequest
	Entitlements []*LeaveEntitlement
}
