package demo

import "github.com/openelective/elective"

// Users returns the demo staff, one per role, so that a demonstrator can sign
// in as each kind of user. The command creates them with a known password.
func Users() []*elective.User {
	users := []*elective.User{
		{Username: "booking", Name: "Jade Thompson", Role: elective.RoleBookingOfficer},
		{Username: "senior", Name: "Priya Sharma", Role: elective.RoleSeniorBookingOfficer},
		{Username: "manager", Name: "Gareth Evans", Role: elective.RoleBookingManager},
		{Username: "clinician", Name: "Adaeze Okafor", Role: elective.RoleClinician},
		{Username: "rota", Name: "Tomasz Nowak", Role: elective.RoleRotaCoordinator},
		{Username: "admin", Name: "Helen Marsh", Role: elective.RoleAdministrator},
	}
	for _, u := range users {
		u.Active = true
	}
	return users
}
