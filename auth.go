package elective

// Action is something a user may be allowed to do.
type Action string

// Actions checked against roles.
const (
	ActionViewPatient      Action = "patient.view"
	ActionRegisterReferral Action = "referral.register"
	ActionImportReferrals  Action = "referral.import"
	ActionViewWaitingList  Action = "waitinglist.view"
	ActionBookAppointment  Action = "appointment.book"
	ActionRecordOutcome    Action = "appointment.outcome"
	ActionValidatePathway  Action = "pathway.validate"
	ActionManageClinics    Action = "clinic.manage"
	// ActionTriage records a clinician's triage of a referral.
	ActionTriage Action = "referral.triage"
	// ActionCancelSession cancels a clinic session and the appointments
	// booked in it (a hospital cancellation).
	ActionCancelSession Action = "clinic.cancel-session"
	// ActionApproveCapacityChange approves a change that removes clinic
	// capacity inside the change-notice window (rules.md 3.5).
	ActionApproveCapacityChange Action = "clinic.approve-change"
	// ActionCorrectOutcome corrects an outcome recorded in error (a DNA
	// that was an attendance, a wrong RTT status), with an audit trail.
	ActionCorrectOutcome Action = "appointment.correct"
	// ActionManageTheatres keeps the admitted waiting list and builds
	// theatre lists: listing, pre-op assessment, sessions, cases and
	// on-the-day cancellations.
	ActionManageTheatres Action = "theatre.manage"
	// ActionOverrideLockedList changes a theatre list after it is locked
	// at T-2 weeks (rules.md 3.6): a booking manager, with a reason that
	// is audited.
	ActionOverrideLockedList Action = "theatre.override"
	// ActionManageWorkforce keeps staff, job plans, leave requests, rotas,
	// cover and room bookings: the rota coordinator's work (rules.md 4).
	ActionManageWorkforce Action = "workforce.manage"
	// ActionApproveShortNotice approves leave or rota changes inside the
	// notice period (rules.md 3.5, 4.2): a manager.
	ActionApproveShortNotice Action = "workforce.approve-short-notice"
	// ActionApproveClaims approves waiting-list-initiative claims, bank and
	// agency requests and expenses for payroll.
	ActionApproveClaims Action = "claims.approve"
	ActionManageUsers   Action = "user.manage"
	ActionViewAudit     Action = "audit.view"
)

// Actions lists every action, for the role × action table.
var Actions = []Action{
	ActionViewPatient, ActionRegisterReferral, ActionImportReferrals, ActionViewWaitingList,
	ActionBookAppointment, ActionRecordOutcome, ActionValidatePathway, ActionManageClinics, ActionCancelSession, ActionApproveCapacityChange, ActionTriage, ActionCorrectOutcome, ActionManageTheatres, ActionOverrideLockedList,
	ActionManageWorkforce, ActionApproveShortNotice, ActionApproveClaims, ActionManageUsers, ActionViewAudit,
}

// permissions is the role × action table. Booking staff work the lists;
// clinicians see patients and record outcomes; the rota coordinator works on
// capacity, not patients; administrators manage users and read the audit
// trail, and do not book.
var permissions = map[Role][]Action{
	RoleBookingOfficer: {ActionViewPatient, ActionRegisterReferral, ActionViewWaitingList,
		ActionBookAppointment, ActionRecordOutcome, ActionValidatePathway},
	RoleSeniorBookingOfficer: {ActionViewPatient, ActionRegisterReferral, ActionImportReferrals,
		ActionViewWaitingList, ActionBookAppointment, ActionRecordOutcome, ActionValidatePathway, ActionCancelSession,
		ActionCorrectOutcome, ActionManageTheatres},
	RoleBookingManager: {ActionViewPatient, ActionRegisterReferral, ActionImportReferrals,
		ActionViewWaitingList, ActionBookAppointment, ActionRecordOutcome, ActionValidatePathway, ActionManageClinics,
		ActionCancelSession, ActionApproveCapacityChange, ActionTriage, ActionCorrectOutcome, ActionManageTheatres,
		ActionOverrideLockedList, ActionManageWorkforce, ActionApproveShortNotice, ActionApproveClaims},
	RoleClinician:       {ActionViewPatient, ActionViewWaitingList, ActionRecordOutcome, ActionTriage, ActionCorrectOutcome},
	RoleRotaCoordinator: {ActionManageClinics, ActionManageWorkforce},
	RoleAdministrator:   {ActionImportReferrals, ActionManageClinics, ActionManageUsers, ActionViewAudit},
}

// Can reports whether a user with role may take action.
func Can(role Role, action Action) bool {
	for _, a := range permissions[role] {
		if a == action {
			return true
		}
	}
	return false
}

// Authorize returns EUNAUTHORIZED if no user is signed in and EFORBIDDEN if
// the signed-in user's role may not take the action. Services call it first.
func Authorize(u *User, action Action) error {
	switch {
	case u == nil:
		return Errorf(EUNAUTHORIZED, "Sign in to continue")
	case !u.Active:
		return Errorf(EUNAUTHORIZED, "This account has been disabled")
	case u.ID == 0 && u.Role == RoleAdministrator:
		return nil // command-line jobs act as the system
	case !Can(u.Role, action):
		return Errorf(EFORBIDDEN, "Your role (%s) does not allow this", u.Role.Label())
	}
	return nil
}
