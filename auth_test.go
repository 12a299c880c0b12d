package elective

import "testing"

// TestPermissions is the role × action table: every cell is stated, so a
// change to what a role may do shows up here as a reviewed diff.
func TestPermissions(t *testing.T) {
	const Y, N = true, false
	table := map[Role]map[Action]bool{
		RoleBookingOfficer: {ActionViewPatient: Y, ActionRegisterReferral: Y, ActionImportReferrals: N, ActionViewWaitingList: Y,
			ActionBookAppointment: Y, ActionRecordOutcome: Y, ActionValidatePathway: Y, ActionManageClinics: N, ActionManageUsers: N, ActionViewAudit: N,
			ActionCancelSession: N, ActionApproveCapacityChange: N, ActionTriage: N, ActionCorrectOutcome: N, ActionManageTheatres: N, ActionOverrideLockedList: N,
			ActionManageWorkforce: N, ActionApproveShortNotice: N, ActionApproveClaims: N},
		RoleSeniorBookingOfficer: {ActionViewPatient: Y, ActionRegisterReferral: Y, ActionImportReferrals: Y, ActionViewWaitingList: Y,
			ActionBookAppointment: Y, ActionRecordOutcome: Y, ActionValidatePathway: Y, ActionManageClinics: N, ActionManageUsers: N, ActionViewAudit: N,
			ActionCancelSession: Y, ActionApproveCapacityChange: N, ActionTriage: N, ActionCorrectOutcome: Y, ActionManageTheatres: Y, ActionOverrideLockedList: N,
			ActionManageWorkforce: N, ActionApproveShortNotice: N, ActionApproveClaims: N},
		RoleBookingManager: {ActionViewPatient: Y, ActionRegisterReferral: Y, ActionImportReferrals: Y, ActionViewWaitingList: Y,
			ActionBookAppointment: Y, ActionRecordOutcome: Y, ActionValidatePathway: Y, ActionManageClinics: Y, ActionManageUsers: N, ActionViewAudit: N,
			ActionCancelSession: Y, ActionApproveCapacityChange: Y, ActionTriage: Y, ActionCorrectOutcome: Y, ActionManageTheatres: Y, ActionOverrideLockedList: Y,
			ActionManageWorkforce: Y, ActionApproveShortNotice: Y, ActionApproveClaims: Y},
		RoleClinician: {ActionViewPatient: Y, ActionRegisterReferral: N, ActionImportReferrals: N, ActionViewWaitingList: Y,
			ActionBookAppointment: N, ActionRecordOutcome: Y, ActionValidatePathway: N, ActionManageClinics: N, ActionManageUsers: N, ActionViewAudit: N,
			ActionCancelSession: N, ActionApproveCapacityChange: N, ActionTriage: Y, ActionCorrectOutcome: Y, ActionManageTheatres: N, ActionOverrideLockedList: N,
			ActionManageWorkforce: N, ActionApproveShortNotice: N, ActionApproveClaims: N},
		RoleRotaCoordinator: {ActionViewPatient: N, ActionRegisterReferral: N, ActionImportReferrals: N, ActionViewWaitingList: N,
			ActionBookAppointment: N, ActionRecordOutcome: N, ActionValidatePathway: N, ActionManageClinics: Y, ActionManageUsers: N, ActionViewAudit: N,
			ActionCancelSession: N, ActionApproveCapacityChange: N, ActionTriage: N, ActionCorrectOutcome: N, ActionManageTheatres: N, ActionOverrideLockedList: N,
			ActionManageWorkforce: Y, ActionApproveShortNotice: N, ActionApproveClaims: N},
		RoleAdministrator: {ActionViewPatient: N, ActionRegisterReferral: N, ActionImportReferrals: Y, ActionViewWaitingList: N,
			ActionBookAppointment: N, ActionRecordOutcome: N, ActionValidatePathway: N, ActionManageClinics: Y, ActionManageUsers: Y, ActionViewAudit: Y,
			ActionCancelSession: N, ActionApproveCapacityChange: N, ActionTriage: N, ActionCorrectOutcome: N, ActionManageTheatres: N, ActionOverrideLockedList: N,
			ActionManageWorkforce: N, ActionApproveShortNotice: N, ActionApproveClaims: N},
	}
	for _, role := range Roles {
		for _, action := range Actions {
			want, stated := table[role][action]
			if !stated {
				t.Errorf("%s × %s is not stated in the table", role, action)
			}
			if got := Can(role, action); got != want {
				t.Errorf("Can(%s, %s) = %v, want %v", role, action, got, want)
			}
		}
	}
}

// TestAuthorize checks the error codes for no user, a disabled user, a
// forbidden action and the command-line system user.
func TestAuthorize(t *testing.T) {
	tests := []struct {
		user *User
		want string
	}{
		{nil, EUNAUTHORIZED},
		{&User{ID: 1, Role: RoleBookingOfficer, Active: false}, EUNAUTHORIZED},
		{&User{ID: 1, Role: RoleRotaCoordinator, Active: true}, EFORBIDDEN},
		{&User{ID: 1, Role: RoleBookingOfficer, Active: true}, ""},
		{SystemUser("import"), ""},
	}
	for _, tt := range tests {
		if got := ErrorCode(Authorize(tt.user, ActionBookAppointment)); got != tt.want {
			t.Errorf("Authorize(%+v) = %q, want %q", tt.user, got, tt.want)
		}
	}
}
